import Foundation
import Testing

@testable import IglooStore

#if canImport(Glibc)
  import Glibc
#endif

@Suite("Atomic writes")
struct AtomicFileTests {
  @Test("a write replaces the content and leaves no temporary file")
  func replacesContent() throws {
    let scratch = try Scratch()
    let target = try scratch.write("old answers\n", "session.igloo.json")
    try AtomicFile.write(Data("new answers\n".utf8), to: target)
    #expect(bytes(target) == Data("new answers\n".utf8))
    #expect(scratch.names() == ["session.igloo.json"])
  }

  @Test("a new file is created 0600, whatever the umask allows")
  func fileMode() throws {
    let scratch = try Scratch()
    let target = scratch.path("report.md")
    try AtomicFile.write("# Rapport\n", to: target)
    #expect(mode(of: target) == 0o600)
    // Replacing a file that had a wider mode narrows it: exports and sessions are private.
    let wide = try scratch.write("x", "wide.md", mode: 0o644)
    try AtomicFile.write("y", to: wide)
    #expect(mode(of: wide) == 0o600)
  }

  @Test("missing folders are created 0700 only when asked")
  func createsFolders() throws {
    let scratch = try Scratch()
    let target = scratch.path("data/igloo/a.igloo.json")
    let refused = #expect(throws: StoreError.self) { try AtomicFile.write("{}", to: target) }
    #expect(refused?.kind == .folderMissing)
    #expect(!FileManager.default.fileExists(atPath: scratch.path("data").path))

    try AtomicFile.write("{}", to: target, createFolders: true)
    #expect(bytes(target) == Data("{}".utf8))
    #expect(mode(of: scratch.path("data")) == 0o700)
    #expect(mode(of: scratch.path("data/igloo")) == 0o700)
    #expect(mode(of: target) == 0o600)
  }

  @Test("a folder that does not exist: a clear message, nothing created")
  func folderMissing() throws {
    let scratch = try Scratch()
    let target = scratch.path("no-such-folder/report.md")
    let error = #expect(throws: StoreError.self) { try ExportFile.write("# x\n", to: target) }
    #expect(error?.description == "cannot write \(target.path): the folder does not exist")
    #expect(error?.exitCode != 0)
    #expect(scratch.names() == [])
  }

  @Test("a file where the folder should be: a clear message naming it")
  func parentIsAFile() throws {
    let scratch = try Scratch()
    let blocker = try scratch.write("I am a file", "notes.txt")
    let target = blocker.appendingPathComponent("report.md")
    let error = #expect(throws: StoreError.self) { try ExportFile.write("# x\n", to: target) }
    #expect(error?.kind == .notFolder)
    #expect(error?.description == "cannot write \(target.path): \(blocker.path) is a file, not a folder")
    #expect(bytes(blocker) == Data("I am a file".utf8))
    #expect(scratch.names() == ["notes.txt"])
  }

  @Test("a folder where the file should be is refused and left alone")
  func targetIsAFolder() throws {
    let scratch = try Scratch()
    let folder = scratch.path("report.md")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
    let error = #expect(throws: StoreError.self) { try ExportFile.write("# x\n", to: folder) }
    #expect(error?.kind == .isFolder)
    #expect(error?.description == "cannot write \(folder.path): it is a folder, not a file")
    #expect(scratch.names() == ["report.md"])
  }

  @Test("a folder igloo may not write to: permission denied, old content intact")
  func permissionDenied() throws {
    let scratch = try Scratch()
    let target = try scratch.write("previous report\n", "report.md", mode: 0o644)
    _ = chmod(scratch.url.path, 0o555)
    let error = try asUnprivilegedUser {
      #expect(throws: StoreError.self) { try ExportFile.write("new report\n", to: target, replacing: true) }
    }
    _ = chmod(scratch.url.path, 0o755)
    #expect(error?.kind == .permissionDenied)
    #expect(error?.description == "cannot write \(target.path): permission denied")
    #expect(bytes(target) == Data("previous report\n".utf8))
    #expect(scratch.names() == ["report.md"])
  }

  @Test("a read-only file system: a clear message, old content intact")
  func readOnlyFileSystem() throws {
    let scratch = try Scratch()
    guard let mount = try scratch.mountTmpfs("ro", size: "64k") else {
      try cannotRun("cannot mount a tmpfs here (needs root); read-only file systems are not tested")
    }
    let target = mount.appendingPathComponent("report.md")
    try AtomicFile.write("previous report\n", to: target)
    guard scratch.remountReadOnly(mount) else { try cannotRun("cannot remount the tmpfs read-only") }
    let error = #expect(throws: StoreError.self) { try ExportFile.write("new report\n", to: target, replacing: true) }
    #expect(error?.kind == .readOnly)
    #expect(error?.description == "cannot write \(target.path): the file system is read-only")
    #expect(bytes(target) == Data("previous report\n".utf8))
  }

  @Test("a full disk: 'the disk is full', the previous file intact, no temporary file left")
  func diskFull() throws {
    let scratch = try Scratch()
    guard let mount = try scratch.mountTmpfs("tiny", size: "64k") else {
      try cannotRun("cannot mount a 64k tmpfs here (needs root); the full-disk case is not tested")
    }
    let target = mount.appendingPathComponent("assessment.md")
    let previous = Data("# The previous export\n".utf8)
    try ExportFile.write(previous, to: target)

    let large = Data(repeating: UInt8(ascii: "x"), count: 1024 * 1024)
    let error = #expect(throws: StoreError.self) { try ExportFile.write(large, to: target, replacing: true) }
    #expect(error?.kind == .diskFull)
    #expect(error?.description == "cannot write \(target.path): the disk is full")
    #expect(bytes(target) == previous)
    #expect(scratch.names(in: mount) == ["assessment.md"])
  }

  @Test("a symbolic link at the target is refused, never replaced or written through (issue 8, Why 2)")
  func symlinkNotFollowed() throws {
    let scratch = try Scratch()
    let precious = try scratch.write("someone's dotfile\n", "precious")
    let link = scratch.path("report.md")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: precious)
    let error = #expect(throws: StoreError.self) { try ExportFile.write("# Rapport\n", to: link, replacing: true) }
    #expect(error?.kind == .notRegularFile)
    #expect(bytes(precious) == Data("someone's dotfile\n".utf8))
    let type = try FileManager.default.attributesOfItem(atPath: link.path)[.type] as? FileAttributeType
    #expect(type == .typeSymbolicLink)
  }

  @Test("replace: false never overwrites")
  func noReplace() throws {
    let scratch = try Scratch()
    let target = try scratch.write("original", "a.bak")
    let error = #expect(throws: StoreError.self) {
      try AtomicFile.write("other", to: target, replace: false)
    }
    #expect(error?.kind == .alreadyExists)
    #expect(bytes(target) == Data("original".utf8))
    #expect(scratch.names() == ["a.bak"])

    let fresh = scratch.path("b.bak")
    try AtomicFile.write("new", to: fresh, replace: false)
    #expect(bytes(fresh) == Data("new".utf8))
    #expect(mode(of: fresh) == 0o600)
  }

  @Test("temporary names are hidden, unique, name their writer and fit in 255 bytes")
  func temporaryNameIsUnpredictable() {
    let a = AtomicFile.temporaryName(for: "s.igloo.json")
    let b = AtomicFile.temporaryName(for: "s.igloo.json")
    #expect(a != b)
    #expect(a.hasPrefix(".s.igloo.json.igloo-tmp-\(getpid())-"))
    #expect(a.count == ".s.igloo.json.igloo-tmp-\(getpid())-".count + 16)
    #expect(AtomicFile.temporaryOwner(a) == getpid())
    #expect(AtomicFile.temporaryName(for: String(repeating: "x", count: 250)).utf8.count < 255)
  }

  @Test("temporary files of killed writers are cleaned up; a live writer's are kept")
  func leftovers() throws {
    let scratch = try Scratch()
    let dead = try Shell.exitedPID()
    try scratch.write("half", ".s.igloo.json.igloo-tmp-\(dead)-0000000000000abc")
    try scratch.write("mine", ".s.igloo.json.igloo-tmp-\(getpid())-0000000000000def")
    try scratch.write("{}", "s.igloo.json")
    let removed = AtomicFile.removeLeftovers(in: scratch.url)
    #expect(removed == [".s.igloo.json.igloo-tmp-\(dead)-0000000000000abc"])
    #expect(scratch.names() == [".s.igloo.json.igloo-tmp-\(getpid())-0000000000000def", "s.igloo.json"])
  }

  @Test(
    "every errno igloo explains has plain words",
    arguments: [
      (ENOENT, StoreError.Kind.folderMissing, "the folder does not exist"),
      (EACCES, .permissionDenied, "permission denied"),
      (EPERM, .permissionDenied, "permission denied"),
      (EROFS, .readOnly, "the file system is read-only"),
      (ENOSPC, .diskFull, "the disk is full"),
      (EDQUOT, .quotaExceeded, "the disk quota is used up"),
      (EISDIR, .isFolder, "it is a folder, not a file"),
      (ENOTDIR, .notFolder, "a part of the path is a file, not a folder"),
    ])
  func errnoMessages(code: Int32, kind: StoreError.Kind, words: String) {
    let error = StoreError(.write, path: "/nowhere/at/all/x.md", SystemError(code: code, call: "open"))
    #expect(error.kind == kind)
    #expect(error.description == "cannot write /nowhere/at/all/x.md: \(words)")
  }
}
