/// The pack's metadata and the settings every assessment shares.
public struct PackInfo: Sendable, Codable {
  /// A stable id, stored in every session made with the pack.
  public var id: String
  /// The pack's version, stored in every session.
  public var version: String
  /// The pack's title.
  public var title: LocalizedText
  /// The documents the pack cites.
  public var sources: [SourceDocument]
  /// The answer scale, lowest first.
  public var scale: [ScalePoint]
  /// The thresholds for the low, moderate and high bands.
  public var bands: Bands
  /// The sectors offered in the About step.
  public var sectors: [Sector]
  /// The participant roles.
  public var roles: [PackRole]
}

/// A document the pack cites.
public struct SourceDocument: Sendable, Codable, Hashable {
  /// A short id.
  public var id: String
  /// The full citation.
  public var citation: LocalizedText
}

/// One point of the answer scale.
public struct ScalePoint: Sendable, Codable, Hashable {
  /// The score it maps to, 0–100.
  public var value: Int
  /// What the user sees.
  public var label: LocalizedText
}

/// Band thresholds for one kind of score.
public struct BandThresholds: Sendable, Codable, Hashable {
  /// The lowest score that counts as moderate.
  public var moderate: Double
  /// The lowest score that counts as high.
  public var high: Double
}

/// Band thresholds for risks and opportunities.
public struct Bands: Sendable, Codable, Hashable {
  /// Thresholds for residual risk.
  public var risk: BandThresholds
  /// Thresholds for opportunity (untapped or realised).
  public var opportunity: BandThresholds
  /// Thresholds for a quick scan's screening, risk or opportunity alike: an answer that disagrees the
  /// point is present reads low, "neither" moderate, agreement high (docs/method.md).
  public var screening: BandThresholds = BandThresholds(moderate: 50, high: 75)
}

/// A sector a workplace can belong to.
public struct Sector: Sendable, Codable, Hashable {
  /// The id stored in sessions.
  public var id: String
  /// The name shown.
  public var name: LocalizedText
  /// Whether the public sector's target picture applies.
  public var `public`: Bool
}

/// A participant role (AMR, manager, union rep, ...).
public struct PackRole: Sendable, Codable, Hashable {
  /// The id stored in sessions and used as an action's owner.
  public var id: String
  /// The name shown.
  public var name: LocalizedText
}

/// One IGLOO level, as the report defines it.
public struct Level: Sendable, Codable, Hashable {
  /// `individual`, `group`, `leadership`, `organisation` or `context`.
  public var id: String
  /// The letter in I-G-L-O-O.
  public var letter: String
  /// The letter that stands for the level where letters must differ (the level bar, the level
  /// picker's shortcut): the model's letter, unless two levels share it (the two O's).
  public var shortcut: String
  /// The level's name.
  public var name: LocalizedText
  /// The report's definition.
  public var description: LocalizedText
  /// The report section that defines it.
  public var source: String
}

/// The rows of the Kapitel 1 comparison of machine learning and generative AI.
public struct Comparison: Sendable, Codable, Hashable {
  /// Characteristics.
  public var characteristics: [LocalizedText]
  /// Strengths.
  public var strengths: [LocalizedText]
  /// Weaknesses.
  public var weaknesses: [LocalizedText]
  /// Technology-borne shifts in values.
  public var valueShifts: [LocalizedText]
  /// The report section of the table.
  public var source: String?
}

/// A kind of AI the assessment distinguishes.
public struct Technology: Sendable, Codable, Hashable {
  /// `ml`, `genai`, `agents` or `robots`.
  public var id: String
  /// The name shown.
  public var name: LocalizedText
  /// What it is, after the report.
  public var description: LocalizedText
  /// The report section.
  public var source: String
  /// The Kapitel 1 comparison, for ML and generative AI.
  public var comparison: Comparison?
}

/// Whether a finding is a risk, an opportunity or both.
public enum Polarity: String, Sendable, Codable, CaseIterable {
  case risk
  case opportunity
  case both

  /// Whether the finding has a risk side.
  public var hasRisk: Bool { self != .opportunity }
  /// Whether the finding has an opportunity side.
  public var hasOpportunity: Bool { self != .risk }
}

/// One point the report makes about AI and the work environment.
public struct Finding: Sendable, Codable, Hashable {
  /// A stable id.
  public var id: String
  /// The IGLOO level.
  public var level: String
  /// The technology.
  public var technology: String
  /// Risk, opportunity or both.
  public var polarity: Polarity
  /// The report's point, as a heading: the report's whole sentence.
  public var title: LocalizedText
  /// A short title (at most 60 characters) used wherever the finding is named in a list, table,
  /// chart or plan; the whole sentence stays in ``title``.
  public var shortTitle: LocalizedText
  /// The report's argument.
  public var summary: LocalizedText
  /// The report's examples.
  public var examples: [LocalizedText]
  /// The report section, e.g. `Kapitel 2 › Maskinlæring › Individ`.
  public var source: String
}

/// The part a question plays in scoring a finding.
public enum MeasureRole: String, Sendable, Codable, CaseIterable {
  /// How present a risk is here.
  case exposure
  /// How well a risk is handled.
  case mitigation
  /// How present an opportunity is.
  case potential
  /// How well an opportunity is used.
  case realisation
  /// Quick scan: one statement that screens whether the finding is present here at all.
  case screening
}

/// A link from a question to a finding it measures.
public struct Measure: Sendable, Codable, Hashable {
  /// The finding's id.
  public var finding: String
  /// The role the question plays for it.
  public var role: MeasureRole
}

/// When a question or item applies. Empty lists mean no restriction.
public struct Applicability: Sendable, Codable, Hashable {
  /// Applies when the scope holds a use case of any of these technologies.
  public var technologies: [String]
  /// If not empty, applies only when one of these use cases is in scope.
  public var useCases: [String]

  /// No restriction.
  public static let always = Applicability(technologies: [], useCases: [])

  /// Creates an applicability.
  public init(technologies: [String], useCases: [String]) {
    self.technologies = technologies
    self.useCases = useCases
  }
}

/// What a question is for: scoring findings, or the sickness-absence check.
///
/// Code that treats the kinds differently matches them with `switch` (here, or at its own place),
/// so that a new kind is a compile error wherever it is not yet handled.
public enum QuestionKind: String, Sendable, Codable {
  /// Rated and scored into findings.
  case finding
  /// The sickness-absence step: reported, never scored.
  case absence
}

extension Question {
  /// Whether its answers are scored into findings.
  public var isScored: Bool {
    switch kind {
    case .finding: true
    case .absence: false
    }
  }

  /// Whether it belongs to the sickness-absence step, which is reported and never scored.
  public var isAbsence: Bool {
    switch kind {
    case .finding: false
    case .absence: true
    }
  }
}

/// A statement about the workplace that users rate.
public struct Question: Sendable, Codable, Hashable {
  /// A stable id; sessions store answers under it.
  public var id: String
  /// Scored or sickness absence.
  public var kind: QuestionKind
  /// The statement.
  public var text: LocalizedText
  /// True when agreeing means less of what the role measures.
  public var reversed: Bool
  /// The findings it measures.
  public var measures: [Measure]
  /// When it is asked.
  public var applies: Applicability
  /// The report's point behind it, if the finding's summary does not carry it.
  public var why: LocalizedText?
  /// Why, and since when, it is no longer asked; nil while it is.
  ///
  /// A retired statement stays in the pack so that saved sessions that answered it still load and
  /// keep those answers in their file; it is never asked and never scored (see docs/method.md).
  public var retired: String? = nil
}

/// What sets off a recommended action.
public enum Trigger: Sendable, Codable, Hashable {
  /// A finding's residual risk (or untapped opportunity) reaches `min`; nil means the moderate band.
  case finding(id: String, min: Double?)
  /// The effective answer to a question is one of `answers`.
  case answer(question: String, answers: [AnswerMatch])
  /// A legal or context item (by id) applies in this scope at its own severity, e.g. a prohibited practice.
  case flag(id: String)
  /// A legal or context item (by id) applies only as a question to settle (severity `clarify`): the
  /// scope may set it off, but the session does not say that it does (e.g. whether a call score infers
  /// emotions is not known).
  case clarify(id: String)
}

/// An answer value a trigger matches.
public enum AnswerMatch: Sendable, Codable, Hashable, CustomStringConvertible {
  /// A scale value, 0–100.
  case value(Int)
  /// "Don't know".
  case dontKnow

  public var description: String {
    switch self {
    case .value(let v): String(v)
    case .dontKnow: "dont-know"
    }
  }
}

/// A remedy from the report, recommended when its triggers fire.
public struct Action: Sendable, Codable, Hashable {
  /// A stable id.
  public var id: String
  /// What to do.
  public var title: LocalizedText
  /// How, after the report.
  public var how: LocalizedText
  /// The IGLOO level it works at.
  public var level: String
  /// The usual owner (a role id).
  public var owner: String
  /// Collective measures are preferred to individual ones.
  public var collective: Bool
  /// The report section.
  public var source: String
  /// What sets it off.
  public var triggers: [Trigger]
  /// True when the report states the risk but not this remedy: igloo derived the action from the
  /// report's point, and says so ("afledt af rapportens pointe") wherever the action is shown.
  public var derived: Bool = false
}

/// A use of AI that a workplace can put in scope.
public struct UseCase: Sendable, Codable, Hashable {
  /// A stable id.
  public var id: String
  /// The name shown.
  public var name: LocalizedText
  /// A one-line description.
  public var description: LocalizedText
  /// The technologies it involves.
  public var technologies: [String]
  /// Legal flags: `performance-scoring`, `monitoring`, `task-allocation`, `emotion-recognition`, `recruitment`,
  /// `biometric-signals`, `machinery`.
  public var flags: [String]
  /// A survey figure to show beside it.
  public var benchmark: String?
  /// Where the report (or survey) names it.
  public var source: String
}

/// A survey figure.
public struct Benchmark: Sendable, Codable, Hashable {
  /// A stable id.
  public var id: String
  /// What was measured.
  public var label: LocalizedText
  /// The percentage.
  public var value: Double
  /// Who was asked.
  public var base: LocalizedText
  /// The survey and figure.
  public var source: String
}

/// When a legal or context item applies.
public struct ContextApplicability: Sendable, Codable, Hashable {
  /// Applies when a use case in scope carries any of these flags; empty means no restriction.
  public var flags: [String]
  /// If set, applies only to public (true) or private (false) workplaces.
  public var publicSector: Bool?
  /// Flags through which the item applies only as far as the scope entry's `infers_emotions` answer
  /// says: yes sets it off at its severity, "don't know" (or not asked) as `clarify`, no not at all.
  /// A use case with one of these flags, or of `flags`, is asked the question on the Scope step.
  public var whenInfersEmotions: [String] = []
}

/// How much a flag demands: a ban comes before a question to settle, that before a duty, and a duty
/// before information.
public enum FlagSeverity: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
  /// A prohibited practice (e.g. AI Act Art. 5): stop it, or do not start it.
  case prohibited
  /// A ban that applies if a fact the session does not know is true: settle it before anything else.
  /// Never set in content; a flag gets it when the scope leaves the fact open.
  case clarify
  /// A duty the workplace must meet.
  case obligation
  /// Context worth knowing.
  case information

  /// Prohibited sorts first.
  public static func < (a: FlagSeverity, b: FlagSeverity) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}

/// A legal rule or context item the report flags.
public struct ContextItem: Sendable, Codable, Hashable {
  /// A stable id.
  public var id: String
  /// `legal`, `apv`, `agreement`, `principle` or `prerequisite`.
  public var kind: String
  /// The heading.
  public var title: LocalizedText
  /// What it says.
  public var text: LocalizedText
  /// A caveat, e.g. that a date may change.
  public var caveat: LocalizedText?
  /// Where the rule comes from.
  public var source: String
  /// When it applies.
  public var applies: ContextApplicability
  /// How much it demands; `information` unless the content says otherwise.
  public var severity: FlagSeverity = .information
  /// The date its text was last checked against its sources, `YYYY-MM-DD`, or nil.
  public var asOf: String? = nil
  /// The question shown in place of the title when the item applies as `clarify`, e.g. "Skal
  /// afklares: udleder systemet medarbejdernes følelser …?"; nil for an item that never does.
  public var clarify: LocalizedText? = nil
  /// The day the rule applies (or applied) from, `YYYY-MM-DD`, where the content states one: page 1
  /// of the report gives it beside the item, so a duty that starts in 2027 never reads as today's.
  public var appliesFrom: String? = nil
}

/// A use case a training case puts in scope, with its stage.
public struct CaseScopeItem: Sendable, Codable, Hashable {
  /// The use case.
  public var useCase: String
  /// `considered`, `planned`, `pilot` or `in-use`.
  public var stage: String
}

/// A fictitious workplace for a workshop group to assess.
public struct TrainingCase: Sendable, Codable, Hashable {
  /// A stable id, used by `igloo case NAME`.
  public var id: String
  /// The case's title.
  public var title: LocalizedText
  /// The story the group reads.
  public var story: LocalizedText
  /// The workplace's name.
  public var workplace: String
  /// The sector id.
  public var sector: String
  /// The number of employees.
  public var employees: Int
  /// The scope.
  public var scope: [CaseScopeItem]
  /// Set when the workplace is made up, as every training case must be; shown with the story.
  public var invented: Bool = true
  /// The report's sections the situation is built from, e.g. `Kapitel 3 › Alsidige robotter`.
  public var buildsOn: [String] = []
  /// The findings the case turns on, which the facilitator's note speaks to.
  public var findings: [String] = []
  /// Questions for the group to discuss while it works through the case.
  public var questions: [LocalizedText] = []
  /// For the trainer: what the report says about the case's central points, with sections and
  /// the report's hedges; shown by `igloo compare --groups --facilitator`, never to the groups.
  public var facilitatorNote: LocalizedText = LocalizedText(da: "", en: "")
}

/// Whom a question to management is put to.
public enum Addressee: String, Sendable, Codable, Hashable, CaseIterable {
  /// The workplace's management.
  case leadership
  /// IT or the system's supplier, through management.
  case itSupplier = "it-supplier"
  /// HR.
  case hr
}

/// A question the safety organisation puts to management or the supplier, raised by what the
/// employees cannot answer ("ved ikke") or by what the scope makes necessary.
///
/// Its text is the content's, in both languages, worded to the employer; it never restates the
/// statement. Exactly one of ``findings``, ``statements`` and ``flags`` is non-empty.
public struct ManagementQuestion: Sendable, Codable, Hashable {
  /// A stable id; a session's `questions[]` refers to it across rounds.
  public var id: String
  /// The question as put to management.
  public var text: LocalizedText
  /// Whom to ask.
  public var ask: Addressee
  /// Raised when a statement measuring one of these findings is answered "ved ikke".
  public var findings: [String]
  /// Raised when one of these statements (sickness absence, which measures no finding) is
  /// answered "ved ikke".
  public var statements: [String]
  /// Raised when a use case in scope carries one of these flags.
  public var flags: [String]
  /// The legal items (ids in context.yaml) the question rests on; empty where there is none.
  public var basis: [String]
  /// Where the question comes from: a section of the report, or the legal source.
  public var source: String

  /// Creates a question.
  public init(
    id: String, text: LocalizedText, ask: Addressee, findings: [String] = [], statements: [String] = [],
    flags: [String] = [], basis: [String] = [], source: String
  ) {
    self.id = id
    self.text = text
    self.ask = ask
    self.findings = findings
    self.statements = statements
    self.flags = flags
    self.basis = basis
    self.source = source
  }
}
