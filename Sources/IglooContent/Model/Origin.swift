/// Where an entity was written: a pack-relative file and a 1-based line.
public struct Origin: Hashable, Sendable, CustomStringConvertible {
  /// The file, relative to the pack's folder (e.g. `findings/ml.yaml`).
  public var file: String
  /// The line, counted from 1; 0 when unknown.
  public var line: Int

  /// Creates an origin.
  public init(file: String, line: Int) {
    self.file = file
    self.line = line
  }

  /// `file:line`, the form every diagnostic starts with.
  public var description: String { "\(file):\(line)" }
}

/// One problem found in a content pack, reported as `file:line: message`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible, Comparable {
  /// Where the problem is.
  public var origin: Origin
  /// What is wrong, in one line.
  public var message: String

  /// Creates a diagnostic.
  public init(_ origin: Origin, _ message: String) {
    self.origin = origin
    self.message = message
  }

  /// `file:line: message`, with control characters shown escaped (a content id could hold one).
  public var description: String { SafeText.visible("\(origin): \(message)") }

  /// Orders diagnostics by file, line and message, the order `content check` prints them in.
  public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
    (a.origin.file, a.origin.line, a.message) < (b.origin.file, b.origin.line, b.message)
  }
}
