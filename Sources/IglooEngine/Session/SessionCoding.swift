import Foundation
import IglooContent

/// A session file that cannot be used, with a one-line reason.
public struct SessionFormatError: Error, Equatable, CustomStringConvertible {
  /// What is wrong, without the file name (the caller adds it), as a phrase to be said in the
  /// user's language.
  public var phrase: Phrase

  /// Creates an error.
  public init(_ phrase: Phrase) { self.phrase = phrase }
  /// The phrase's key and values, for logs and test failures.
  public var description: String { phrase.description }

  /// A value that cannot be used at `codingPath`: "`answers.default.q-x`: answer 7 is out of range …".
  static func at(_ codingPath: [CodingKey], _ problem: Phrase) -> SessionFormatError {
    SessionFormatError(Phrase("store.format.corrupted", parts: ["place": place(codingPath), "detail": problem]))
  }

  /// A place in the file as the user reads it: `` `plan[1].deadline` ``, or "the top level".
  static func place(_ codingPath: [CodingKey]) -> Phrase {
    let text = codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    return text.isEmpty
      ? Phrase("store.format.top-level") : Phrase("store.format.key", ["key": String(text.dropFirst(text.hasPrefix(".") ? 1 : 0))])
  }
}

extension Session: Codable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case schema, schemaVersion = "schema_version", content, about, scope, voices, answers, agreed, plan
    case followUp = "follow_up", cursor, depth, deepened, approval, questions
    case activeVoice = "active_voice", pendingNotes = "pending_notes"
  }

  /// The value of `schema`, which marks a file as an igloo session.
  public static let schemaName = "igloo-session"

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    if let schema = try c.decodeIfPresent(String.self, forKey: .schema), schema != Session.schemaName {
      throw SessionFormatError(Phrase("store.format.other-schema", ["schema": schema, "expected": Session.schemaName]))
    }
    schemaVersion = try c.decodeIfPresent(Int.self, forKey: .schemaVersion) ?? Session.currentSchemaVersion
    content = try c.decodeIfPresent(ContentRef.self, forKey: .content) ?? ContentRef(id: "", version: "")
    about = try c.decodeIfPresent(About.self, forKey: .about) ?? About()
    scope = try c.decodeIfPresent([ScopeItem].self, forKey: .scope)
    answers = try c.decodeIfPresent([String: [String: Answer]].self, forKey: .answers) ?? [:]
    voices = try c.decodeIfPresent([Voice].self, forKey: .voices) ?? []
    agreed = try c.decodeIfPresent([String: Answer].self, forKey: .agreed) ?? [:]
    plan = try c.decodeIfPresent([PlanItem].self, forKey: .plan) ?? []
    followUp = try c.decodeIfPresent(FollowUp.self, forKey: .followUp) ?? FollowUp()
    cursor = try c.decodeIfPresent(String.self, forKey: .cursor)
    depth = try c.decodeWord(Depth.self, forKey: .depth) ?? .full
    deepened = try c.decodeIfPresent([String].self, forKey: .deepened) ?? []
    approval = try c.decodeIfPresent(Approval.self, forKey: .approval)
    questions = try c.decodeIfPresent([QuestionRecord].self, forKey: .questions) ?? []
    activeVoice = try c.decodeIfPresent(String.self, forKey: .activeVoice)
    pendingNotes = try c.decodeIfPresent([String: String].self, forKey: .pendingNotes) ?? [:]
    // A hand-written file may give answers without listing its voices: each answering voice counts.
    addAnsweringVoices()
  }

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

  /// Decodes a session from JSON, turning every decoding failure into one readable line.
  public static func decode(_ data: Data) throws -> Session {
    do {
      return try JSONDecoder().decode(Session.self, from: data)
    } catch let error as SessionFormatError {
      throw error
    } catch let error as DecodingError {
      throw SessionFormatError(Self.describe(error))
    } catch {
      throw SessionFormatError(Phrase("store.format.not-json"))
    }
  }

  /// Encodes the session as stable, pretty-printed JSON with a final newline.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }

  /// The decoding error as a phrase that names the place in the file. A decoder's own detail
  /// (`ctx.debugDescription`) would be inserted as it is, in English; no value a session holds
  /// gives one any more (answers, stages, depths and plan statuses have messages of their own).
  static func describe(_ error: DecodingError) -> Phrase {
    let path = SessionFormatError.place
    switch error {
    case .dataCorrupted(let ctx):
      // The store's own parse, before the decoder, names the place and reason of a syntax error in
      // the user's language; the decoder's English detail is not shown.
      if ctx.codingPath.isEmpty { return Phrase("store.format.not-json") }
      return Phrase("store.format.corrupted", ["detail": ctx.debugDescription], parts: ["place": path(ctx.codingPath)])
    case .keyNotFound(let key, let ctx):
      return Phrase("store.format.missing", parts: ["place": path(ctx.codingPath + [key])])
    case .typeMismatch(let type, let ctx):
      return Phrase("store.format.wrong-type", parts: ["place": path(ctx.codingPath), "type": Self.typeName(type)])
    case .valueNotFound(let type, let ctx):
      return Phrase("store.format.null", parts: ["place": path(ctx.codingPath), "type": Self.typeName(type)])
    @unknown default:
      return Phrase("store.format.unreadable")
    }
  }

  private static func typeName(_ type: Any.Type) -> Phrase {
    switch type {
    case is String.Type: Phrase("store.json.text")
    case is Int.Type: Phrase("store.json.whole-number")
    case is Double.Type: Phrase("store.json.number")
    case is Bool.Type: Phrase("store.json.bool")
    case is [Any].Type: Phrase("store.json.list")
    default: Phrase("store.json.object")
    }
  }
}

extension Answer: Codable {
  enum CodingKeys: String, CodingKey, CaseIterable { case value, note }

  /// Accepts `4`, `"dont-know"`, `"not-relevant"`, or `{"value": 4, "note": "..."}`.
  public init(from decoder: Decoder) throws {
    if let c = try? decoder.container(keyedBy: CodingKeys.self) {
      let value = try c.decode(AnswerValueBox.self, forKey: .value).value
      self.init(value, note: try c.decodeIfPresent(String.self, forKey: .note) ?? "")
    } else {
      self.init(try AnswerValueBox(from: decoder).value)
    }
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(AnswerValueBox(value), forKey: .value)
    if !note.isEmpty { try c.encode(note, forKey: .note) }
  }
}

/// The JSON form of an answer value: a scale point 1–5, `"dont-know"` or `"not-relevant"`.
struct AnswerValueBox: Codable {
  var value: AnswerValue
  init(_ value: AnswerValue) { self.value = value }

  init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    if let number = try? c.decode(Double.self) {
      guard number == number.rounded(), (1...5).contains(number) else {
        throw SessionFormatError.at(decoder.codingPath, Phrase("store.format.answer-out-of-range", ["answer": Self.format(number)]))
      }
      value = .point(Int(number))
    } else if let text = try? c.decode(String.self) {
      switch text {
      case "dont-know": value = .dontKnow
      case "not-relevant": value = .notRelevant
      default:
        throw SessionFormatError.at(decoder.codingPath, Phrase("store.format.answer-unknown", ["answer": text]))
      }
    } else {
      throw SessionFormatError.at(decoder.codingPath, Phrase("store.format.answer-kind"))
    }
  }

  func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    switch value {
    case .point(let p): try c.encode(p)
    case .dontKnow: try c.encode("dont-know")
    case .notRelevant: try c.encode("not-relevant")
    }
  }

  private static func format(_ n: Double) -> String {
    n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
  }
}

extension KeyedDecodingContainer {
  /// A word of the session format (a depth, a plan status) at `key`, if there is one; a word it
  /// does not know is a message in the user's language that names the word and the words allowed,
  /// where `Codable`'s own says "Cannot initialize PlanStatus from invalid String value …".
  func decodeWord<Word: RawRepresentable & CaseIterable>(_ type: Word.Type, forKey key: Key) throws -> Word?
  where Word.RawValue == String {
    guard let text = try decodeIfPresent(String.self, forKey: key) else { return nil }
    guard let word = Word(rawValue: text) else {
      let allowed = Word.allCases.map(\.rawValue).joined(separator: ", ")
      throw SessionFormatError.at(codingPath + [key], Phrase("store.format.word-unknown", ["value": text, "allowed": allowed]))
    }
    return word
  }
}

extension ScopeItem {
  enum CodingKeys: String, CodingKey, CaseIterable { case useCase = "use_case", stage, note, infersEmotions = "infers_emotions" }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    useCase = try c.decode(String.self, forKey: .useCase)
    let stageText = try c.decodeIfPresent(String.self, forKey: .stage) ?? Stage.inUse.rawValue
    guard let stage = Stage(rawValue: stageText) else {
      throw SessionFormatError.at(c.codingPath + [CodingKeys.stage], Phrase("store.format.stage-unknown", ["stage": stageText]))
    }
    self.stage = stage
    note = try c.decodeIfPresent(String.self, forKey: .note) ?? ""
    if let text = try c.decodeIfPresent(String.self, forKey: .infersEmotions) {
      guard let value = InfersEmotions(rawValue: text) else {
        throw SessionFormatError.at(
          c.codingPath + [CodingKeys.infersEmotions], Phrase("store.format.infers-emotions-unknown", ["value": text]))
      }
      infersEmotions = value
    }
  }
}

extension About {
  enum CodingKeys: String, CodingKey, CaseIterable { case workplace, unit, sector, employees, date, participants, group, trainingCase = "case" }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      workplace: try c.decodeIfPresent(String.self, forKey: .workplace) ?? "",
      unit: try c.decodeIfPresent(String.self, forKey: .unit) ?? "",
      sector: try c.decodeIfPresent(String.self, forKey: .sector) ?? "",
      employees: try c.decodeIfPresent(Int.self, forKey: .employees),
      date: try c.decodeIfPresent(String.self, forKey: .date) ?? "",
      participants: try c.decodeIfPresent([Participant].self, forKey: .participants) ?? [],
      group: try c.decodeIfPresent(String.self, forKey: .group) ?? "",
      trainingCase: try c.decodeIfPresent(String.self, forKey: .trainingCase) ?? "")
    if let employees, employees < 0 {
      throw SessionFormatError.at(c.codingPath + [CodingKeys.employees], Phrase("store.format.employees-negative"))
    }
  }

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

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      action: try c.decodeIfPresent(String.self, forKey: .action),
      title: try c.decodeIfPresent(String.self, forKey: .title) ?? "",
      level: try c.decodeIfPresent(String.self, forKey: .level) ?? "",
      responsible: try c.decodeIfPresent(String.self, forKey: .responsible) ?? "",
      deadline: try c.decodeIfPresent(String.self, forKey: .deadline) ?? "",
      how: try c.decodeIfPresent(String.self, forKey: .how) ?? "",
      followUp: try c.decodeIfPresent(String.self, forKey: .followUp) ?? "",
      evaluation: try c.decodeIfPresent(String.self, forKey: .evaluation) ?? "",
      status: try c.decodeWord(PlanStatus.self, forKey: .status) ?? .suggested)
  }
}

extension FollowUp {
  enum CodingKeys: String, CodingKey, CaseIterable { case nextReview = "next_review", previousRound = "previous_round" }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      nextReview: try c.decodeIfPresent(String.self, forKey: .nextReview) ?? "",
      previousRound: try c.decodeIfPresent(String.self, forKey: .previousRound) ?? "")
  }
}
