import IglooContent

/// One step that lifts a session file from schema version ``from`` to `from + 1`.
///
/// Migrations work on the reader's own tree (``JSONTree``) rather than on ``Session``, because an
/// old file by definition does not fit today's model. Each step changes only what its version
/// changed, so that a file from any old version reaches the current one by running the steps in
/// turn; the tree keeps every value's place in the file, so a message about a migrated value still
/// names its line and column.
public struct SessionMigration: Sendable {
  /// The version the step reads.
  public var from: Int
  /// What changed, for docs/storage.md and the curious.
  public var summary: String
  /// Rewrites a version-`from` file as a version-`from + 1` file.
  ///
  /// It throws ``SessionFormatError`` with a one-line reason when the old file is inconsistent.
  public var migrate: @Sendable (JSONTree) throws(SessionFormatError) -> JSONTree

  /// Creates a step.
  public init(from: Int, summary: String, migrate: @escaping @Sendable (JSONTree) throws(SessionFormatError) -> JSONTree) {
    self.from = from
    self.summary = summary
    self.migrate = migrate
  }

  /// Every step, by the version it reads. A version with no entry here and below the current one
  /// cannot be opened.
  public static let steps: [Int: SessionMigration] = [
    0: SessionMigration(
      from: 0,
      summary: "version 0 (the pre-release format) kept the answers under `responses`; version 1 calls them `answers`",
      migrate: { (old) throws(SessionFormatError) in
        var new = old
        if let responses = new["responses"] {
          guard new["answers"] == nil else { throw SessionFormatError(Phrase("store.format.both-answer-keys")) }
          new["responses"] = nil
          new["answers"] = responses
        }
        return new
      })
  ]

  /// Runs the steps from `version` up to ``Session/currentSchemaVersion``.
  ///
  /// - Throws: ``SessionFormatError`` of kind ``SessionFormatError/Kind/tooOld`` when a step is
  ///   missing, or the step's own when one fails.
  static func migrate(_ tree: JSONTree, from version: Int) throws(SessionFormatError) -> JSONTree {
    var tree = tree
    for v in version..<Session.currentSchemaVersion {
      guard let step = steps[v] else {
        throw SessionFormatError(Phrase("store.problem.too-old", ["version": "\(version)", "step": "\(v)"]), kind: .tooOld)
      }
      tree = try step.migrate(tree)
      tree["schema_version"] = JSONTree(.number(String(v + 1)), offset: tree["schema_version"]?.offset ?? tree.offset)
    }
    return tree
  }
}
