import Foundation
import IglooEngine
import Testing

@testable import IglooStore

/// Issue 8, "Why" 1, 2, 5, 11 and 12: no export replaces a session, a lock, a device or any
/// existing file without consent, and the messages say what is wrong.
@Suite("Export targets")
struct ExportTargetTests {
  let session = Data(#"{"schema": "igloo-session", "schema_version": 1, "answers": {}}"#.utf8)

  @Test("Why 1: report -o onto the session itself is refused, even with --force")
  func exportOntoTheSessionIsRefused() throws {
    let scratch = try Scratch()
    let target = try scratch.write(session, "S.json")
    for replacing in [false, true] {
      let error = #expect(throws: StoreError.self) {
        try ExportFile.write("# report\n", to: target, replacing: replacing, openSessions: [target])
      }
      #expect(error?.kind == .protectedFile)
      #expect(error?.exitCode == 1)
    }
    #expect(bytes(target) == session)
  }

  @Test("Why 1: a session is recognised by its content under any name (aggregate -o DIR/A.json)")
  func aSessionByContentIsRefused() throws {
    let scratch = try Scratch()
    let target = try scratch.write(session, "A.md")
    let error = #expect(throws: StoreError.self) { try ExportFile.write("x", to: target, replacing: true) }
    #expect(error?.kind == .protectedFile)
    #expect(error?.description.contains("igloo session") == true)
    #expect(bytes(target) == session)
  }

  @Test("Why 1: the open session is recognised by identity, through a hard link of another name")
  func theOpenSessionByIdentityIsRefused() throws {
    let scratch = try Scratch()
    let real = try scratch.write("not json but the session's inode", "S.json")
    let alias = scratch.path("alias.md")
    #expect(link(real.path, alias.path) == 0)
    let error = #expect(throws: StoreError.self) {
      try ExportFile.write("x", to: alias, replacing: true, openSessions: [real])
    }
    #expect(error?.kind == .protectedFile)
  }

  @Test("Why 5: an export onto a running wizard's lock is refused, even with --force")
  func exportOntoTheLockIsRefused() throws {
    let scratch = try Scratch()
    let sessionURL = try scratch.write(session, "S.json")
    let lock = try SessionLock.acquire(sessionURL)
    defer { lock.release() }
    let before = bytes(lock.lockURL)
    let error = #expect(throws: StoreError.self) { try ExportFile.write("x", to: lock.lockURL, replacing: true) }
    #expect(error?.kind == .protectedFile)
    #expect(bytes(lock.lockURL) == before)
    #expect(throws: StoreError.self) { try SessionLock.acquire(sessionURL) }
  }

  @Test("Why 1: -o onto any existing file is refused without consent, replaced with it")
  func existingFileNeedsConsent() throws {
    let scratch = try Scratch()
    let target = try scratch.write("last year's report\n", "report.md")
    let error = #expect(throws: StoreError.self) { try ExportFile.write("new\n", to: target) }
    #expect(error?.kind == .alreadyExists)
    #expect(error?.exitCode == 1)
    #expect(bytes(target) == Data("last year's report\n".utf8))
    try ExportFile.write("new\n", to: target, replacing: true)
    #expect(bytes(target) == Data("new\n".utf8))
    #expect(mode(of: target) == 0o600)
  }

  @Test("Why 2: a device node is never replaced by a regular file")
  func aDeviceIsRefused() throws {
    let error = #expect(throws: StoreError.self) {
      try ExportFile.write("x", to: URL(fileURLWithPath: "/dev/null"), replacing: true)
    }
    #expect(error?.kind == .notRegularFile)
    var st = stat()
    #expect(stat("/dev/null", &st) == 0 && (st.st_mode & S_IFMT) == S_IFCHR)
  }

  @Test("Why 2 and 11: a symlink such as /dev/stdout, or a dangling one (merge -o), is refused")
  func symlinksAreRefused() throws {
    let scratch = try Scratch()
    let dangling = scratch.path("dangling.json")
    try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: "nowhere")
    for url in [dangling, URL(fileURLWithPath: "/dev/stdout")] {
      let error = #expect(throws: StoreError.self) { try ExportFile.write("x", to: url, replacing: true) }
      #expect(error?.kind == .notRegularFile)
    }
    #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: dangling.path)) == "nowhere")
  }

  @Test("Why 11: -o /proc/version does not say the folder is missing")
  func procVersionSaysWhy() throws {
    let error = #expect(throws: StoreError.self) {
      try ExportFile.write("x", to: URL(fileURLWithPath: "/proc/version"), replacing: true)
    }
    #expect(error?.description.contains("folder does not exist") == false)
    #expect(error?.exitCode == 1)
  }

  @Test("Why 11: an unwritable -o exits 1, as docs/storage.md says")
  func unwritableExitsOne() throws {
    let error = #expect(throws: StoreError.self) {
      try ExportFile.write("x", to: URL(fileURLWithPath: "/nonexistent-folder/report.md"))
    }
    #expect(error?.kind == .folderMissing)
    #expect(error?.exitCode == 1)
  }

  @Test("Why 12: temp files a killed export left in the folder are removed by the next export there")
  func leftoversAreRemovedOnTheNextExport() throws {
    let scratch = try Scratch()
    let dead = try Shell.exitedPID()
    let leftover = ".report.md.igloo-tmp-\(dead)-00000000000000ab"
    _ = try scratch.write("partial report holding answers", leftover)
    try ExportFile.write("# new\n", to: scratch.path("other.md"))
    #expect(scratch.names() == ["other.md"])
  }

  @Test("Why 11: a size over the limit never reads as the limit")
  func sizeMessageRoundsUp() {
    let mb: Int64 = 1024 * 1024
    #expect(SessionFile.sizeText(10 * mb) == "10 MB")
    #expect(SessionFile.sizeText(10 * mb + mb * 3 / 100) == "10.1 MB")
    #expect(SessionFile.sizeText(17 * mb + mb / 5) == "17.2 MB")
  }
}
