import Foundation
import IglooTestSupport
import Testing

@testable import IglooStore

/// Issue 25, item 18: each message says what is actually wrong.
@Suite("Issue 25 item 18: messages that say what is wrong")
struct HonestMessagesTests {
  /// An empty lock dated in the future (the clock was set back) said "its lock keeps changing
  /// hands; try again" until the clock caught up.
  @Test func anEmptyLockFromTheFutureSaysTheClockWasSetBack() throws {
    let scratch = try Scratch()
    let session = scratch.path("s.igloo.json")
    _ = try scratch.write("{}", "s.igloo.json")
    let lock = SessionLock.lockURL(for: session)
    FileManager.default.createFile(atPath: lock.path, contents: Data())
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(3600)], ofItemAtPath: lock.path)
    do {
      let held = try SessionLock.acquire(session)
      held.release()
      Issue.record("the lock was taken")
    } catch let error as StoreError {
      #expect(error.kind == .locked)
      #expect(error.problem(.en).contains("dated in the future"), "\(error.problem(.en))")
      #expect(error.problem(.da).contains("dateret ude i fremtiden"), "\(error.problem(.da))")
      #expect(!error.problem(.en).contains("changing hands"))
    }
    #expect(FileManager.default.fileExists(atPath: lock.path), "a lock igloo did not write is left alone")
  }

  /// A session folder that is a symbolic link to nothing said "it already exists".
  @Test func aDanglingLinkAsTheSessionFolderIsNamed() throws {
    let scratch = try Scratch()
    let folder = scratch.path("igloo")
    try FileManager.default.createSymbolicLink(atPath: folder.path, withDestinationPath: scratch.path("gone").path)
    do {
      try SessionStore(folder: folder).prepare()
      Issue.record("the folder was made")
    } catch let error as StoreError {
      #expect(error.problem(.en).contains("symbolic link to \(scratch.path("gone").path), which does not exist"), "\(error.problem(.en))")
      #expect(error.problem(.da).contains("symbolsk link til"), "\(error.problem(.da))")
      #expect(!error.problem(.en).contains("already exists"))
    }
  }

  /// `XDG_DATA_HOME=/proc/self` said "a folder above it does not exist", though /proc/self is there.
  @Test func aFolderThatTakesNoFoldersIsNamed() throws {
    let store = try SessionStore(environment: ["XDG_DATA_HOME": "/proc/self"])
    do {
      try store.prepare()
      Issue.record("a folder was made in /proc/self")
    } catch let error as StoreError {
      #expect(error.problem(.en).contains("exists, but no folder can be created in it"), "\(error.problem(.en))")
      #expect(error.problem(.da).contains("der kan ikke oprettes mapper i den"), "\(error.problem(.da))")
      #expect(!error.problem(.en).contains("does not exist"))
    }
  }
}
