import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A fresh folder for one test, removed afterwards (with anything mounted on it unmounted first).
final class Scratch {
  let url: URL
  private var mounts: [URL] = []

  init(_ label: String = #function) throws {
    let name = "igloo-store-\(label.prefix { $0.isLetter || $0.isNumber })-\(UUID().uuidString.prefix(8))"
    url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(name)
    // 0755 so that the unprivileged identity of `asUnprivilegedUser` can reach the files inside.
    try FileManager.default.createDirectory(
      at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
  }

  deinit {
    for mount in mounts.reversed() { _ = Shell.run("/bin/umount", [mount.path]) }
    makeWritable(url)
    try? FileManager.default.removeItem(at: url)
  }

  /// The path `name` inside the folder.
  func path(_ name: String) -> URL { url.appendingPathComponent(name) }

  /// Writes `data` to `name` directly, as a test's "before" state.
  @discardableResult
  func write(_ data: Data, _ name: String, mode: Int = 0o600) throws -> URL {
    let target = path(name)
    try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: target)
    try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: target.path)
    return target
  }

  @discardableResult
  func write(_ text: String, _ name: String, mode: Int = 0o600) throws -> URL {
    try write(Data(text.utf8), name, mode: mode)
  }

  /// Mounts a tmpfs of `size` on the folder `name`, or returns nil when mounting is not possible.
  func mountTmpfs(_ name: String, size: String) throws -> URL? {
    let target = path(name)
    try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
    guard Shell.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size),mode=0755", "tmpfs", target.path]) == 0 else {
      return nil
    }
    mounts.append(target)
    return target
  }

  /// Remounts a tmpfs of this folder read-only.
  func remountReadOnly(_ mount: URL) -> Bool {
    Shell.run("/bin/mount", ["-o", "remount,ro", mount.path]) == 0
  }

  /// The names in the folder `sub` (default: the scratch folder itself).
  func names(in sub: URL? = nil) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: (sub ?? url).path)) ?? []).sorted()
  }

  private func makeWritable(_ folder: URL) {
    _ = chmod(folder.path, 0o755)
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
    for name in names {
      let child = folder.appendingPathComponent(name)
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: child.path, isDirectory: &isFolder), isFolder.boolValue {
        makeWritable(child)
      }
    }
  }
}

/// Runs programs the tests need (mount, /bin/true).
enum Shell {
  /// Runs `program` and returns its exit status, or -1 if it cannot start. Output is discarded.
  @discardableResult
  static func run(_ program: String, _ arguments: [String]) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return -1 }
    process.waitUntilExit()
    return process.terminationStatus
  }

  /// The pid of a process that has run and exited: a pid that no longer runs.
  static func exitedPID() throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
  }
}

/// The permission bits of `url`, read with stat(2).
func mode(of url: URL) -> UInt32 {
  var st = stat()
  guard stat(url.path, &st) == 0 else { return 0 }
  return UInt32(st.st_mode) & 0o7777
}

/// The bytes of `url`, or nil.
func bytes(_ url: URL) -> Data? { FileManager.default.contents(atPath: url.path) }

/// Runs `body` with the permissions of an ordinary user, so that permission tests mean something
/// when the suite runs as root (as it does in CI), where mode bits are not enforced.
///
/// As root it switches this thread's file-system uid to `nobody` with setfsuid(2), which drops the
/// capabilities that bypass file permissions for this thread only; the test body must therefore be
/// synchronous. When setfsuid is not available the test is cancelled with the reason.
func asUnprivilegedUser<T>(_ body: () throws -> T) throws -> T {
  guard geteuid() == 0 else { return try body() }
  typealias SetFSUID = @convention(c) (UInt32) -> Int32
  guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "setfsuid") else {
    try cannotRun("running as root and setfsuid(2) is unavailable, so permissions cannot be tested")
  }
  let setfsuid = unsafeBitCast(symbol, to: SetFSUID.self)
  _ = setfsuid(65534)
  guard setfsuid(UInt32.max) == 65534 else {
    _ = setfsuid(0)
    try cannotRun("running as root and cannot drop file-system privileges with setfsuid(2)")
  }
  defer { _ = setfsuid(0) }
  return try body()
}

/// Ends a test that cannot run on this machine, with the reason: cancelled (a skip, which is never
/// a pass) on a developer's machine, but a failure under CI (CI=true, which .ci/run sets), where
/// the suite runs as root after scripts/deps --test, so a tmpfs mount and setfsuid must work.
func cannotRun(_ reason: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Never {
  if ProcessInfo.processInfo.environment["CI"] == "true" {
    Issue.record("\(reason) (under CI this fails rather than skips)", sourceLocation: sourceLocation)
    throw CannotRunUnderCI()
  }
  try Test.cancel(Comment(rawValue: reason), sourceLocation: sourceLocation)
}

/// Thrown after ``cannotRun(_:sourceLocation:)`` has recorded the failure, to end the test.
struct CannotRunUnderCI: Error {}
