import CNcursesw
import Foundation
import IglooStore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Issue 25, item 1: the signal handler's emergency save never writes through a planted link.
@Suite("Issue 25: the emergency save")
struct EmergencySaveTests {
  let folder: URL

  init() throws {
    folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("igloo-emergency-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }
  /// Item 1: the emergency save (the signal handler's C code) opened its temporary file without
  /// O_EXCL or O_NOFOLLOW, so a link planted under its name sent the session into another file,
  /// and a planted 0666 file became the session, 0666 and someone else's.
  @Test("item 1: the emergency save never writes through a planted link or reuses a planted file")
  func emergencySaveRefusesPlantedNames() throws {
    let session = try write("{\"old\": true}\n", "s.igloo.json")
    let precious = try write("precious", "precious.txt")
    let temporary = folder.appendingPathComponent(".s.igloo.json.igloo-tmp-1-0000000000000001")
    try FileManager.default.createSymbolicLink(at: temporary, withDestinationURL: precious)
    try emergencyWrite(Array("{\"new\": true}\n".utf8), to: session.path, temporary: temporary.path)
    #expect(bytes(precious) == Data("precious".utf8), "the link's target is untouched")
    #expect(bytes(session) == Data("{\"old\": true}\n".utf8), "the session is not replaced by the link")
    #expect((try FileManager.default.attributesOfItem(atPath: session.path)[.type] as? FileAttributeType) == .typeRegular)

    // A planted regular file (0666) is not reused either.
    try FileManager.default.removeItem(at: temporary)
    try write("planted", temporary.lastPathComponent, mode: 0o666)
    try emergencyWrite(Array("{\"new\": true}\n".utf8), to: session.path, temporary: temporary.path)
    #expect(bytes(session) == Data("{\"old\": true}\n".utf8))
    #expect(mode(of: session) == 0o600)

    // A free name is written, 0600, and renamed over the session.
    try FileManager.default.removeItem(at: temporary)
    let umask = Glibc.umask(0)
    defer { Glibc.umask(umask) }
    try emergencyWrite(Array("{\"new\": true}\n".utf8), to: session.path, temporary: temporary.path)
    #expect(bytes(session) == Data("{\"new\": true}\n".utf8))
    #expect(mode(of: session) == 0o600)
  }

  /// The handler's write, called directly (no signal).
  private func emergencyWrite(_ bytes: [UInt8], to path: String, temporary: String) throws {
    var save = igloo_emergency_save()
    let folder = (path as NSString).deletingLastPathComponent
    let cPath = strdup(path), cTemporary = strdup(temporary), cFolder = strdup(folder)
    defer {
      free(cPath)
      free(cTemporary)
      free(cFolder)
    }
    var buffer = bytes
    buffer.withUnsafeMutableBufferPointer { b in
      save.path = cPath
      save.temp_path = cTemporary
      save.folder = cFolder
      save.lock_path = nil
      save.bytes = b.baseAddress
      save.length = b.count
      igloo_emergency_write_session(&save)
    }
  }

  /// The emergency save's temporary name is igloo's own, unknown in advance, in the session's folder.
  @Test("item 1: the emergency save's temporary name has igloo's mark and a random part")
  func emergencyTemporaryName() {
    let a = AtomicFile.temporaryPath(for: "/x/y/s.igloo.json")
    let b = AtomicFile.temporaryPath(for: "/x/y/s.igloo.json")
    #expect(a != b)
    #expect(a.hasPrefix("/x/y/.s.igloo.json.igloo-tmp-\(getpid())-"))
    #expect(AtomicFile.isTemporaryName((a as NSString).lastPathComponent))
  }


  @discardableResult
  private func write(_ text: String, _ name: String, mode: Int = 0o600) throws -> URL {
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    chmod(url.path, mode_t(mode))
    return url
  }
}

private func bytes(_ url: URL) -> Data? { FileManager.default.contents(atPath: url.path) }

private func mode(of url: URL) -> UInt32 {
  var st = stat()
  guard stat(url.path, &st) == 0 else { return 0 }
  return UInt32(st.st_mode) & 0o7777
}
