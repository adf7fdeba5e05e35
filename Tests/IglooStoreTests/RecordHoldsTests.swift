import Foundation
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

@testable import IglooStore

#if canImport(Glibc)
  import Glibc
#endif

/// Issue 25: no planted link, no second window, no file igloo cannot reopen, no one else's file
/// removed. Each test replays one numbered item of the issue.
@Suite("Issue 25: the record holds")
struct RecordHoldsTests {
  let pack = StoreFixtures.tinyPack()

  /// Item 6: `ExportFile.write` removed every `.*.tmp-<N>…` whose pid N was not running:
  /// `.thesis.tmp-2023-final.txt`, `.cache.tmp-31999` and a symbolic link went with an export.
  @Test("item 6: an export removes only igloo's own leftovers: regular files of this user with igloo's mark")
  func exportLeavesOtherFilesAlone() throws {
    let scratch = try Scratch()
    let dead = try Shell.exitedPID()
    let strangers = [".thesis.tmp-2023-final.txt", ".cache.tmp-31999", ".s.igloo.json.tmp-\(dead)-abc", ".x.igloo-tmp-\(dead)-short"]
    for name in strangers { try scratch.write("someone's", name) }
    let linked = ".l.igloo-tmp-\(dead)-00000000000000aa"
    try FileManager.default.createSymbolicLink(atPath: scratch.path(linked).path, withDestinationPath: "thesis.txt")
    let ours = ".r.md.igloo-tmp-\(dead)-0123456789abcdef"
    try scratch.write("half an export", ours)
    try ExportFile.write("# report\n", to: scratch.path("r.md"))
    #expect(scratch.names() == (strangers + [linked, "r.md"]).sorted())
  }

  /// Item 7: the lock was `<path as opened>.lock`, so a session reached by a link and by its own
  /// name could be open in two windows at once, and the second save erased the first's edit.
  @Test("item 7: a session reached through a symbolic link shares its one lock")
  func lockBelongsToTheFile() throws {
    let scratch = try Scratch()
    try FileManager.default.createDirectory(at: scratch.path("synced"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: scratch.path("here"), withIntermediateDirectories: true)
    let real = try scratch.write(StoreFixtures.sessionJSON(), "synced/s.igloo.json")
    let link = scratch.path("here/link.igloo.json")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
    let first = try SessionLock.acquire(real)
    defer { first.release() }
    let error = #expect(throws: StoreError.self) { _ = try SessionLock.acquire(link) }
    #expect(error?.kind == .locked)
    #expect(SessionLock.lockURL(for: link) == SessionLock.lockURL(for: real))
    // And through a linked folder.
    try FileManager.default.createSymbolicLink(at: scratch.path("alias"), withDestinationURL: scratch.path("synced"))
    #expect(throws: StoreError.self) { _ = try SessionLock.acquire(scratch.path("alias/s.igloo.json")) }
  }

  @Test("item 7: a session with a second name (a hard link) is refused with the reason")
  func hardLinkedSessionIsRefused() throws {
    let scratch = try Scratch()
    let real = try scratch.write(StoreFixtures.sessionJSON(), "s.igloo.json")
    try FileManager.default.linkItem(at: real, to: scratch.path("other.igloo.json"))
    let error = #expect(throws: StoreError.self) { _ = try SessionLock.acquire(real) }
    #expect(error?.kind == .locked)
    #expect(error?.description.contains("hard links") == true)
    #expect(!FileManager.default.fileExists(atPath: real.path + ".lock"))
  }

  /// Item 5: the wizard's save had no size check: a session it then refused to read was written.
  @Test("item 5: a save over the reader's limit is refused and the last good file stays")
  func saveOverTheLimitIsRefused() throws {
    let scratch = try Scratch()
    let url = try scratch.write(StoreFixtures.sessionJSON(), "s.igloo.json")
    let before = bytes(url)
    var session = try SessionFile.load(url, pack: pack)
    session.about.workplace = String(repeating: "x", count: SessionLimits.fileSize + 1)
    let store = SessionStore(folder: scratch.url)
    let error = #expect(throws: StoreError.self) { try store.save(session, to: url) }
    #expect(error?.kind == .tooLarge)
    #expect(error?.description.contains("at most 10 MB") == true)
    #expect(bytes(url) == before)
    #expect(scratch.names() == ["s.igloo.json"])
    #expect(throws: StoreError.self) { _ = try store.create(session, workplace: "big") }
    #expect(SessionFile.sizeLimit == SessionLimits.fileSize)
  }

  /// Item 8: a migration through a link replaced the link with a regular file; the synced
  /// original stayed old.
  @Test("item 8: a migration through a symbolic link migrates the target and keeps the link")
  func migrationThroughALinkKeepsTheLink() throws {
    let scratch = try Scratch()
    try FileManager.default.createDirectory(at: scratch.path("synced"), withIntermediateDirectories: true)
    let real = try scratch.write(StoreFixtures.versionZeroSessionJSON(), "synced/s.igloo.json")
    let link = scratch.path("link.igloo.json")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
    _ = try SessionFile.load(link, pack: pack)
    #expect((try? Platform.status(link.path, followLinks: false))?.type == .symlink)
    #expect(try SessionFile.read(real, pack: pack).migratedFrom == nil, "the target was migrated")
    #expect(FileManager.default.fileExists(atPath: real.path + ".v0.bak"))
  }
}
