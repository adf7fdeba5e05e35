import IglooContent

/// A band a score falls in, with thresholds from the content pack.
public enum Band: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  case low, moderate, high

  /// The band of `score` under `thresholds`.
  public init(_ score: Double, _ thresholds: BandThresholds) {
    if score >= thresholds.high {
      self = .high
    } else if score >= thresholds.moderate {
      self = .moderate
    } else {
      self = .low
    }
  }

  private var rank: Int { Band.allCases.firstIndex(of: self)! }
  /// Orders bands low < moderate < high.
  public static func < (a: Band, b: Band) -> Bool { a.rank < b.rank }
}

/// A 0–100 score, or the reason there is none.
public struct Scale: Sendable, Hashable, Codable {
  /// The mean of the answered items, or nil when fewer than half were answered.
  public var value: Double?
  /// Items that apply and are not "not relevant".
  public var items: Int
  /// Items with a scale answer.
  public var answered: Int
  /// Items answered "don't know".
  public var dontKnow: Int
  /// The ids of the items without a scale answer: the gaps.
  public var gaps: [String]

  /// Whether there are enough answers (at least half the items).
  public var isEnough: Bool { value != nil }
}

/// One finding's scores.
public struct FindingResult: Sendable, Hashable {
  /// The finding.
  public var finding: Finding
  /// Exposure E (risk side).
  public var exposure: Scale?
  /// Mitigation M (risk side).
  public var mitigation: Scale?
  /// Potential P (opportunity side).
  public var potential: Scale?
  /// Realisation R (opportunity side).
  public var realisation: Scale?
  /// E × (1 − M/100), when both exist.
  public var residualRisk: Double?
  /// P × R/100, when both exist.
  public var realised: Double?
  /// P × (1 − R/100), when both exist.
  public var untapped: Double?
  /// The band of the residual risk.
  public var riskBand: Band?
  /// The band of the untapped opportunity.
  public var opportunityBand: Band?
  /// Half or more of the mitigation items were "don't know": nobody knows how the risk is handled.
  public var transparencyGap: Bool
  /// Whether any question measuring it applies in this scope.
  public var applies: Bool
  /// The quick-scan screening, when its screening statement has been answered (see Screening.swift).
  public var screening: Screening? = nil
  /// How far it was assessed: screened, in full, or not at all.
  public var assessed: AssessedDepth = .none
  /// Whether its full statements are asked (full depth, or deepened in a quick scan).
  public var askedInFull: Bool = true

  /// Whether the finding lacks a score on a side it has.
  public var notEnoughAnswers: Bool {
    applies && askedInFull && ((finding.polarity.hasRisk && residualRisk == nil)
      || (finding.polarity.hasOpportunity && untapped == nil))
  }

  /// The figure that ranks it: residual risk, or untapped opportunity for a pure opportunity.
  public var priority: Double? { residualRisk ?? (finding.polarity == .opportunity ? untapped : nil) }
}

/// Average and worst of a group of findings, for one side.
public struct Aggregate: Sendable, Hashable, Codable {
  /// The mean of the scored findings.
  public var average: Double?
  /// The highest score.
  public var worst: Double?
  /// The finding with the highest score.
  public var worstFinding: String?
  /// Findings with a score.
  public var scored: Int
  /// Findings on this side that apply.
  public var findings: Int
  /// The band of the average.
  public var band: Band?
  /// The band of the worst.
  public var worstBand: Band?
}

/// Risk and opportunity for one IGLOO level or one technology.
public struct ProfileRow: Sendable, Hashable, Codable {
  /// The level or technology id.
  public var id: String
  /// Residual risk over its risk findings.
  public var risk: Aggregate
  /// Untapped opportunity over its opportunity findings.
  public var opportunity: Aggregate
  /// Realised opportunity (average) over its opportunity findings.
  public var realised: Double?
  /// Applicable questions answered, and how many apply.
  public var answered: Int
  /// Applicable questions.
  public var questions: Int
  /// The screenings of its findings, apart from the residual risk and untapped opportunity above.
  public var screening: ScreeningAggregate? = nil
}

/// A question where the voices differ by two or more scale points: a topic for dialogue.
public struct Disagreement: Sendable, Hashable, Codable {
  /// The question.
  public var question: String
  /// Each voice's scale point.
  public var points: [String: Int]
  /// Highest minus lowest point.
  public var spread: Int
  /// Whether the committee has recorded an agreed answer since.
  public var resolved: Bool
}

/// A legal or context item that applies, with the use cases that set it off.
public struct Flag: Sendable, Hashable {
  /// The item.
  public var item: ContextItem
  /// The use cases in scope that trigger it (empty for items that always apply).
  public var useCases: [String]
}

/// A recommended action, with why it was suggested.
public struct Recommendation: Sendable, Hashable {
  /// Why, as structured facts the report renders in either language.
  public enum Reason: Sendable, Hashable {
    /// A finding's residual risk (or untapped opportunity) reached the trigger's minimum.
    case finding(id: String, score: Double, band: Band, opportunity: Bool)
    /// A finding that was only screened reached the trigger's minimum on its screening figure.
    case screening(id: String, score: Double, band: Band, opportunity: Bool)
    /// A question's effective answer matched.
    case answer(question: String, answer: AnswerMatch)
  }

  /// The action.
  public var action: Action
  /// The reasons, strongest first.
  public var reasons: [Reason]
  /// The highest score among the findings behind it; ranks the action.
  public var priority: Double
  /// The band of `priority`.
  public var band: Band
  /// 1-based rank.
  public var rank: Int
}

/// A question that was answered but no longer applies, kept in the file and never counted.
public struct SetAside: Sendable, Hashable, Codable {
  /// The question.
  public var question: String
  /// The voices that answered it.
  public var voices: [String]
}

/// Everything computed from a session: the profile, findings, actions, gaps, disagreements and flags.
///
/// It is a pure function of the session and the pack (``Assessment/init(session:pack:)``), so the
/// same session always gives the same result and the same report bytes.
public struct Assessment: Sendable {
  /// The session assessed.
  public var session: Session
  /// The pack used.
  public var pack: ContentPack
  /// Per finding, in the pack's order; only findings some applicable question measures.
  public var findings: [FindingResult]
  /// Per IGLOO level, in the model's order.
  public var levels: [ProfileRow]
  /// Per technology in scope.
  public var technologies: [ProfileRow]
  /// Overall risk and opportunity.
  public var overall: ProfileRow
  /// Suggested actions, ranked.
  public var recommendations: [Recommendation]
  /// True when most suggested actions sit at the Individual level.
  public var individualWarning: Bool
  /// Applicable questions answered "don't know" (effective answer): things to find out.
  public var knowledgeGaps: [String]
  /// Applicable scored questions nobody has answered.
  public var unanswered: [String]
  /// Where voices differ by two or more points.
  public var disagreements: [Disagreement]
  /// Legal and context items that apply.
  public var flags: [Flag]
  /// Answers to questions that no longer apply.
  public var setAside: [SetAside]
  /// The sickness-absence questions that apply.
  public var absence: [Question]
  /// Problems with the follow-up date (e.g. more than three years away).
  public var followUpWarnings: [FollowUpWarning]
}

/// Something wrong with the follow-up plan.
public enum FollowUpWarning: String, Sendable, Hashable, Codable {
  /// No next review date is set.
  case noNextReview = "no-next-review"
  /// The next review is more than three years after the assessment.
  case beyondThreeYears = "beyond-three-years"
  /// A date cannot be read as YYYY-MM-DD.
  case unreadableDate = "unreadable-date"
}
