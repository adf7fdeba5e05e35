import Foundation

/// One file of a content pack: its path inside the pack and its text.
public struct PackFile: Sendable, Hashable {
  /// The path relative to the pack's folder, with `/` separators (e.g. `findings/ml.yaml`).
  public var path: String
  /// The file's text.
  public var text: String

  /// Creates a pack file.
  public init(path: String, text: String) {
    self.path = path
    self.text = text
  }

  /// The system's reason a file cannot be read ("permission denied"), for a 000-mode file.
  static func whyUnreadable(_ path: String) -> String {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    if fd >= 0 {
      close(fd)
      return "it cannot be read as a file"
    }
    let code = errno
    if code == EACCES || code == EPERM { return "permission denied" }
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text).lowercased()
  }

  /// Reads every `.yaml` file below `directory`, sorted by path.
  ///
  /// A file that is not UTF-8 becomes a diagnostic rather than an error, so that `content check`
  /// still reports everything else.
  public static func read(directory: URL) throws -> (files: [PackFile], problems: [Diagnostic]) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else {
      throw PackFolderError(path: directory.path, reason: "no such folder")
    }
    guard isDirectory.boolValue else {
      throw PackFolderError(path: directory.path, reason: "not a folder")
    }
    let root = directory.resolvingSymlinksInPath().standardizedFileURL.path
    guard let enumerator = FileManager.default.enumerator(atPath: root) else {
      throw PackFolderError(path: directory.path, reason: "cannot be read")
    }
    var files: [PackFile] = []
    var problems: [Diagnostic] = []
    while let relative = enumerator.nextObject() as? String {
      guard relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") else { continue }
      let full = root + "/" + relative
      guard let data = FileManager.default.contents(atPath: full) else {
        problems.append(Diagnostic(Origin(file: relative, line: 1), "cannot be read (\(Self.whyUnreadable(full)))"))
        continue
      }
      guard let text = String(data: data, encoding: .utf8) else {
        problems.append(Diagnostic(Origin(file: relative, line: 1), "is not UTF-8 text"))
        continue
      }
      files.append(PackFile(path: relative, text: text))
    }
    return (files.sorted { $0.path < $1.path }, problems)
  }
}

/// A content folder that cannot be read at all.
public struct PackFolderError: Error, CustomStringConvertible {
  /// The folder.
  public var path: String
  /// What is wrong.
  public var reason: String
  public var description: String { "\(path): \(reason)" }
}
