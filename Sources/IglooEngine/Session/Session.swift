import IglooContent

/// One assessment as it is saved: everything the users entered, and nothing computed.
///
/// The file format is versioned (``Session/currentSchemaVersion``) and documented in
/// `docs/session-format.md`. Scores are never stored: they are computed from the answers by
/// ``Assessment``, so a changed method never leaves stale figures behind.
public struct Session: Sendable, Hashable {
  /// The schema version this build writes.
  public static let currentSchemaVersion = 1

  /// The schema version the file was written with.
  public var schemaVersion: Int
  /// The content pack the session was made with.
  public var content: ContentRef
  /// Workplace, date and participants.
  public var about: About
  /// The use cases considered; nil when the file records no scope, which means every question applies.
  public var scope: [ScopeItem]?
  /// The voices that answer, in order. Never empty once normalised.
  public var voices: [Voice]
  /// Answers per voice id, then per question id.
  public var answers: [String: [String: Answer]]
  /// The answers the committee agreed on, per question id; they override the voices.
  public var agreed: [String: Answer]
  /// The action plan: decisions on suggested actions and the users' own actions.
  public var plan: [PlanItem]
  /// The follow-up dates and the previous round.
  public var followUp: FollowUp
  /// The wizard's place, so that a resumed session opens where it was left.
  public var cursor: String?
  /// How deep the assessment goes: a quick scan or the full assessment. Absent in a file means full.
  public var depth: Depth
  /// The findings of a quick scan that have been deepened: their full statements are asked and they
  /// are scored in full, while the rest stay screened. Ignored at full depth. Absent in a file means none.
  public var deepened: [String]
  /// Who approved the action plan and when; nil while it is not approved.
  public var approval: Approval?
  /// The questions to management as followed up: due date, who asked, status. A question raised
  /// by the answers or the scope but not recorded here is open, with no date and no asker.
  public var questions: [QuestionRecord]
  /// The voice the wizard was answering as (a voice id, or `agreed` for the committee's agreed
  /// answer), so that a resumed session goes on under the same voice; nil: the first voice.
  public var activeVoice: String?
  /// Notes typed for statements not yet answered, by question id: kept in the file so that a
  /// kill loses none, and moved into the answer once the statement is answered.
  public var pendingNotes: [String: String]

  /// Creates an empty session for `content`.
  public init(content: ContentRef, about: About = About(), voices: [Voice] = [Voice.single]) {
    self.schemaVersion = Session.currentSchemaVersion
    self.content = content
    self.about = about
    self.scope = []
    self.voices = voices
    self.answers = [:]
    self.agreed = [:]
    self.plan = []
    self.followUp = FollowUp()
    self.cursor = nil
    self.depth = .full
    self.deepened = []
    self.approval = nil
    self.questions = []
    self.activeVoice = nil
    self.pendingNotes = [:]
  }

  /// The answer `voice` gave to `question`, if any.
  public func answer(_ question: String, voice: String) -> Answer? { answers[voice]?[question] }

  /// Records `answer` for `question` by `voice`, or clears it when nil.
  public mutating func setAnswer(_ answer: Answer?, question: String, voice: String) {
    answers[voice, default: [:]][question] = answer
  }

  /// Every question id answered by any voice or agreed.
  public var answeredQuestionIDs: Set<String> {
    Set(answers.values.flatMap(\.keys)).union(agreed.keys)
  }
}

/// The content pack a session was made with.
public struct ContentRef: Sendable, Hashable, Encodable {
  /// The pack's id.
  public var id: String
  /// The pack's version.
  public var version: String

  /// The keys of its JSON object, for the writer and the reader alike.
  enum CodingKeys: String, CodingKey, CaseIterable { case id, version }

  /// Creates a reference.
  public init(id: String, version: String) {
    self.id = id
    self.version = version
  }

  /// The reference to `pack`.
  public init(_ pack: ContentPack) { self.init(id: pack.info.id, version: pack.info.version) }
}

/// A person taking part, with their role. Names are optional.
public struct Participant: Sendable, Hashable, Encodable {
  /// The name, or empty.
  public var name: String
  /// A role id from the content pack.
  public var role: String

  /// The keys of its JSON object, for the writer and the reader alike.
  enum CodingKeys: String, CodingKey, CaseIterable { case name, role }

  /// Creates a participant.
  public init(name: String, role: String) {
    self.name = name
    self.role = role
  }
}

/// The About step: who and where.
public struct About: Sendable, Hashable, Encodable {
  /// The workplace.
  public var workplace: String
  /// The unit or department.
  public var unit: String
  /// A sector id from the content pack, or empty.
  public var sector: String
  /// The number of employees, which sets the AMO model; nil when not given.
  public var employees: Int?
  /// The assessment's date, `YYYY-MM-DD`.
  public var date: String
  /// Who took part.
  public var participants: [Participant]
  /// The workshop group's name, or empty outside a workshop; it tells groups on one case apart.
  public var group: String
  /// The id of the training case the session was opened from, or empty; it finds the case's
  /// story and facilitator's note again.
  public var trainingCase: String = ""

  /// Creates an About.
  public init(
    workplace: String = "", unit: String = "", sector: String = "", employees: Int? = nil,
    date: String = "", participants: [Participant] = [], group: String = "", trainingCase: String = ""
  ) {
    self.trainingCase = trainingCase
    self.workplace = workplace
    self.unit = unit
    self.sector = sector
    self.employees = employees
    self.date = date
    self.participants = participants
    self.group = group
  }
}

/// How deep an assessment goes.
public enum Depth: String, Sendable, Hashable, Encodable, CaseIterable {
  /// One screening statement per finding that applies: the APV's first pass, where does it hurt?
  case quick
  /// Every exposure, mitigation, potential and realisation statement that applies.
  case full
}

/// The approval of the action plan by the safety organisation.
public struct Approval: Sendable, Hashable, Encodable {
  /// Who approved it: names and roles, picked from the participants or typed in.
  public var by: [Participant]
  /// The date of approval, `YYYY-MM-DD`.
  public var date: String
  /// The SHA-256 of the session's canonical content when it was approved, in hexadecimal
  /// (``ApprovalFingerprint``); empty in a file approved before igloo recorded it.
  public var fingerprint: String

  /// The keys of its JSON object, for the writer and the reader alike.
  enum CodingKeys: String, CodingKey, CaseIterable { case by, date, fingerprint }

  /// Creates an approval.
  public init(by: [Participant], date: String, fingerprint: String = "") {
    self.by = by
    self.date = date
    self.fingerprint = fingerprint
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(by, forKey: .by)
    try c.encode(date, forKey: .date)
    // Written only when recorded, so that a file approved before stays as it was.
    if !fingerprint.isEmpty { try c.encode(fingerprint, forKey: .fingerprint) }
  }
}

/// How far along a use case is.
public enum Stage: String, Sendable, Hashable, Encodable, CaseIterable {
  case considered
  case planned
  case pilot
  case inUse = "in-use"
}

/// Whether a system infers employees' emotions, as the Scope step asks of a use case that may.
public enum InfersEmotions: String, Sendable, Hashable, Encodable, CaseIterable {
  case yes
  case no
  case dontKnow = "dont-know"
}

/// A use case in scope.
public struct ScopeItem: Sendable, Hashable, Encodable {
  /// The use case id.
  public var useCase: String
  /// Its stage.
  public var stage: Stage
  /// What the users call it here (e.g. the product's name), or empty.
  public var note: String
  /// Whether the system infers emotions (AI Act art. 5(1)(f)); nil when not asked, which counts as
  /// "don't know": the ban is then a question to settle, never a verdict.
  public var infersEmotions: InfersEmotions?

  /// Creates a scope item.
  public init(useCase: String, stage: Stage, note: String = "", infersEmotions: InfersEmotions? = nil) {
    self.useCase = useCase
    self.stage = stage
    self.note = note
    self.infersEmotions = infersEmotions
  }
}

/// A voice that answers: "management", "employees", or one committee member.
public struct Voice: Sendable, Hashable, Encodable {
  /// The id answers are stored under.
  public var id: String
  /// The name shown.
  public var name: String

  /// The keys of its JSON object, for the writer and the reader alike.
  enum CodingKeys: String, CodingKey, CaseIterable { case id, name }

  /// Creates a voice.
  public init(id: String, name: String) {
    self.id = id
    self.name = name
  }

  /// The one voice of a session that records no voices.
  public static let single = Voice(id: "default", name: "")
}

/// What a user said about one statement.
public enum AnswerValue: Sendable, Hashable {
  /// A point on the scale, 1 (strongly disagree) to 5 (strongly agree).
  case point(Int)
  /// "Don't know": a knowledge gap, never a number.
  case dontKnow
  /// "Not relevant": left out of every score.
  case notRelevant
}

/// An answer with its note.
public struct Answer: Sendable, Hashable {
  /// The value.
  public var value: AnswerValue
  /// A free note, or empty.
  public var note: String

  /// Creates an answer.
  public init(_ value: AnswerValue, note: String = "") {
    self.value = value
    self.note = note
  }

  /// The scale point, if it is one.
  public var point: Int? {
    if case .point(let p) = value { return p }
    return nil
  }
}

/// Where a plan item stands.
public enum PlanStatus: String, Sendable, Hashable, Encodable, CaseIterable {
  /// Suggested, not yet decided.
  case suggested
  /// Accepted into the plan.
  case accepted
  /// Rejected by the users.
  case rejected
  /// Being carried out.
  case inProgress = "in-progress"
  /// Carried out.
  case done
  /// A measure the workplace already has ("findes allerede"), recorded apart from new actions.
  case inPlace = "in-place"
}

/// One line of the action plan.
public struct PlanItem: Sendable, Hashable, Encodable {
  /// The id of the recommended action it comes from, or nil for the users' own.
  public var action: String?
  /// What; for a recommended action, empty means the content's title.
  public var title: String
  /// The IGLOO level.
  public var level: String
  /// The responsible person.
  public var responsible: String
  /// The deadline, `YYYY-MM-DD` or free text.
  public var deadline: String
  /// How it is done; empty means the content's text.
  public var how: String
  /// When its effect is followed up.
  public var followUp: String
  /// How its effect is evaluated.
  public var evaluation: String
  /// Where it stands.
  public var status: PlanStatus

  /// Creates a plan item.
  public init(
    action: String?, title: String = "", level: String, responsible: String = "", deadline: String = "",
    how: String = "", followUp: String = "", evaluation: String = "", status: PlanStatus
  ) {
    self.action = action
    self.title = title
    self.level = level
    self.responsible = responsible
    self.deadline = deadline
    self.how = how
    self.followUp = followUp
    self.evaluation = evaluation
    self.status = status
  }
}

/// Where a question to management stands.
public enum QuestionStatus: String, Sendable, Hashable, Encodable, CaseIterable {
  /// Asked, no answer yet.
  case open
  /// Management has answered.
  case answered
  /// The safety organisation no longer asks it.
  case withdrawn
}

/// Management's answer to a question, as the safety organisation records it.
public struct QuestionAnswer: Sendable, Hashable, Encodable {
  /// The answer's gist, in the users' words.
  public var gist: String
  /// When it was answered, `YYYY-MM-DD` or empty.
  public var date: String

  /// Creates an answer.
  public init(gist: String = "", date: String = "") {
    self.gist = gist
    self.date = date
  }

  /// The keys of its JSON object, for the writer and the reader alike.
  enum CodingKeys: String, CodingKey, CaseIterable { case gist, date }
}

/// One question to management as the safety organisation follows it up.
public struct QuestionRecord: Sendable, Hashable, Encodable {
  /// The id of the question in the content pack (management-questions.yaml).
  public var id: String
  /// When an answer is due, `YYYY-MM-DD` or empty.
  public var due: String
  /// Who asked (a name or a role), or empty.
  public var askedBy: String
  /// Where it stands.
  public var status: QuestionStatus
  /// The answer, when there is one.
  public var answer: QuestionAnswer?

  /// Creates a record.
  public init(id: String, due: String = "", askedBy: String = "", status: QuestionStatus = .open, answer: QuestionAnswer? = nil) {
    self.id = id
    self.due = due
    self.askedBy = askedBy
    self.status = status
    self.answer = answer
  }

  /// The keys of its JSON object, for the writer and the reader alike.
  enum CodingKeys: String, CodingKey, CaseIterable { case id, due, askedBy = "asked_by", status, answer }
}

extension Session {
  /// The record of question `id`, or a new open one.
  public func questionRecord(_ id: String) -> QuestionRecord {
    questions.first { $0.id == id } ?? QuestionRecord(id: id)
  }

  /// Stores `record`, replacing the one with its id.
  public mutating func setQuestionRecord(_ record: QuestionRecord) {
    if let i = questions.firstIndex(where: { $0.id == record.id }) {
      questions[i] = record
    } else {
      questions.append(record)
    }
  }
}

/// The follow-up step.
public struct FollowUp: Sendable, Hashable, Encodable {
  /// The next review, `YYYY-MM-DD`; at most three years after the assessment's date.
  public var nextReview: String
  /// The file of the previous round, for comparison, or empty.
  public var previousRound: String

  /// Creates a follow-up.
  public init(nextReview: String = "", previousRound: String = "") {
    self.nextReview = nextReview
    self.previousRound = previousRound
  }
}
