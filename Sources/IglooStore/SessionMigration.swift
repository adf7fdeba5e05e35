import Foundation
import IglooContent
import IglooEngine

/// One step that lifts a session file from schema version ``from`` to `from + 1`.
///
/// Migrations work on the parsed JSON object rather than on ``Session``, because an old file by
/// definition does not fit today's model. Each step changes only what its version changed, so that
/// a file from any old version reaches the current one by running the steps in turn.
public struct SessionMigration: Sendable {
  /// The version the step reads.
  public var from: Int
  /// What changed, for docs/storage.md and the curious.
  public var summary: String
  /// Rewrites a version-`from` object as a version-`from + 1` object.
  ///
  /// It throws ``SessionFormatError`` with a one-line reason when the old file is inconsistent.
  public var migrate: @Sendable ([String: Any]) throws -> [String: Any]

  /// Creates a step.
  public init(from: Int, summary: String, migrate: @escaping @Sendable ([String: Any]) throws -> [String: Any]) {
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
      migrate: { old in
        var new = old
        if let responses = new.removeValue(forKey: "responses") {
          guard new["answers"] == nil else {
            throw SessionFormatError(Phrase("store.format.both-answer-keys"))
          }
          new["answers"] = responses
        }
        new["schema_version"] = 1
        return new
      })
  ]

  /// Runs the steps from `version` up to ``Session/currentSchemaVersion``.
  ///
  /// - Throws: ``MissingMigration`` when a step is missing, ``SessionFormatError`` when one fails.
  static func migrate(_ object: [String: Any], from version: Int) throws -> [String: Any] {
    var object = object
    for v in version..<Session.currentSchemaVersion {
      guard let step = steps[v] else { throw MissingMigration(version: v) }
      object = try step.migrate(object)
      object["schema_version"] = v + 1
    }
    return object
  }
}

/// No step reads this version, so a file of it cannot be brought up to date.
struct MissingMigration: Error {
  var version: Int
}
