import Foundation
import IglooContent

/// The writing half of the session format: `JSONEncoder` with the same `CodingKeys` the reader
/// (SessionReader.swift) takes its key names from, so that every key name is written once.
///
/// Writing keeps `JSONEncoder`: it is not the reader, and its output (sorted keys, pretty printed)
/// is what the reader's tests read back (docs/decisions.md).
extension Session: Encodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case schema, schemaVersion = "schema_version", content, about, scope, voices, answers, agreed, plan
    case followUp = "follow_up", cursor, depth, deepened, approval, questions
    case activeVoice = "active_voice", pendingNotes = "pending_notes"
  }

  /// The value of `schema`, which marks a file as an igloo session.
  public static let schemaName = "igloo-session"

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(Session.schemaName, forKey: .schema)
    try c.encode(schemaVersion, forKey: .schemaVersion)
    try c.encode(content, forKey: .content)
    try c.encode(about, forKey: .about)
    try c.encode(scope, forKey: .scope)
    try c.encode(voices, forKey: .voices)
    try c.encode(answers, forKey: .answers)
    try c.encode(agreed, forKey: .agreed)
    try c.encode(plan, forKey: .plan)
    try c.encode(followUp, forKey: .followUp)
    try c.encodeIfPresent(cursor, forKey: .cursor)
    // Written only when it says something, so that a full assessment's file stays as it was.
    if depth != .full { try c.encode(depth, forKey: .depth) }
    if !deepened.isEmpty { try c.encode(deepened, forKey: .deepened) }
    try c.encodeIfPresent(approval, forKey: .approval)
    // Written only when the users have recorded something, so that other files stay as they were.
    if !questions.isEmpty { try c.encode(questions, forKey: .questions) }
    try c.encodeIfPresent(activeVoice, forKey: .activeVoice)
    if !pendingNotes.isEmpty { try c.encode(pendingNotes, forKey: .pendingNotes) }
  }

  /// Encodes the session as stable, pretty-printed JSON with a final newline.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }
}

extension Answer: Encodable {
  enum CodingKeys: String, CodingKey, CaseIterable { case value, note }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(AnswerValueBox(value), forKey: .value)
    if !note.isEmpty { try c.encode(note, forKey: .note) }
  }
}

/// The JSON form of an answer value: a scale point 1–5, `"dont-know"` or `"not-relevant"`.
struct AnswerValueBox: Encodable {
  var value: AnswerValue
  init(_ value: AnswerValue) { self.value = value }

  func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    switch value {
    case .point(let p): try c.encode(p)
    case .dontKnow: try c.encode("dont-know")
    case .notRelevant: try c.encode("not-relevant")
    }
  }
}

extension ScopeItem {
  enum CodingKeys: String, CodingKey, CaseIterable { case useCase = "use_case", stage, note, infersEmotions = "infers_emotions" }
}

extension About {
  enum CodingKeys: String, CodingKey, CaseIterable { case workplace, unit, sector, employees, date, participants, group, trainingCase = "case" }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(workplace, forKey: .workplace)
    try c.encode(unit, forKey: .unit)
    try c.encode(sector, forKey: .sector)
    try c.encodeIfPresent(employees, forKey: .employees)
    try c.encode(date, forKey: .date)
    try c.encode(participants, forKey: .participants)
    // Written only in a workshop, so that an ordinary session's file does not change.
    if !group.isEmpty { try c.encode(group, forKey: .group) }
    if !trainingCase.isEmpty { try c.encode(trainingCase, forKey: .trainingCase) }
  }
}

extension PlanItem {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case action, title, level, responsible, deadline, how, followUp = "follow_up", evaluation, status
  }
}

extension FollowUp {
  enum CodingKeys: String, CodingKey, CaseIterable { case nextReview = "next_review", previousRound = "previous_round" }
}
