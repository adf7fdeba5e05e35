import IglooContent

/// A band a score falls in, with thresholds from the content pack.
public enum Band: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  case low, moderate, high

  /// The band of `score` under `thresholds`, compared exactly as fractions.
  ///
  /// The engine bands every figure this way; a score that is exactly on a threshold (25, 50) is
  /// in the band the threshold starts.
  public init(exact score: ExactScore, _ thresholds: BandThresholds) {
    if score >= thresholds.exactHigh {
      self = .high
    } else if score >= thresholds.exactModerate {
      self = .moderate
    } else {
      self = .low
    }
  }

  /// The band of `score` under `thresholds`, for a figure already shown as a binary number.
  ///
  /// The value is read through its shortest decimal form, so a figure the engine computed
  /// exactly gets the band the engine gave it.
  public init(_ score: Double, _ thresholds: BandThresholds) {
    self.init(exact: ExactScore(decimal: score), thresholds)
  }

  private var rank: Int { Band.allCases.firstIndex(of: self)! }
  /// Orders bands low < moderate < high.
  public static func < (a: Band, b: Band) -> Bool { a.rank < b.rank }
}

/// A 0–100 score, or the reason there is none.
public struct Scale: Sendable, Hashable, Codable {
  /// The mean of the answered items, or nil when fewer than half were answered.
  public var value: Double?
  /// The same mean as an exact fraction; bands and triggers use this one.
  public var exact: ExactScore?
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

  /// Whether every statement of the scale was answered "not relevant": no statement applies, so
  /// nothing is missing.
  public var noStatementApplies: Bool { items == 0 }
}

/// The side of a finding that ranks it.
public enum RankSide: String, Sendable, Hashable, Codable {
  /// Its residual risk (or, when the handling is unknown, its exposure as an upper bound).
  case risk
  /// Its untapped opportunity (pure opportunities only).
  case opportunity
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
  /// The residual risk as an exact fraction; bands, triggers and ranking use this one.
  public var exactResidualRisk: ExactScore? = nil
  /// The realised opportunity as an exact fraction.
  public var exactRealised: ExactScore? = nil
  /// The untapped opportunity as an exact fraction.
  public var exactUntapped: ExactScore? = nil
  /// The band of the realised opportunity (opportunity thresholds).
  public var realisedBand: Band? = nil

  /// The highest residual risk the answers allow: the residual risk when known, otherwise the
  /// exposure (100 when unknown) times what the known mitigation leaves (all of it when unknown).
  public var riskUpperBound: ExactScore? {
    guard finding.polarity.hasRisk else { return nil }
    return exactResidualRisk ?? FindingFigures.upperBound(exposure?.exact, mitigation?.exact)
  }

  /// The highest untapped opportunity the answers allow, in the same way.
  public var untappedUpperBound: ExactScore? {
    guard finding.polarity.hasOpportunity else { return nil }
    return exactUntapped ?? FindingFigures.upperBound(potential?.exact, realisation?.exact)
  }

  /// The exposure is known but the mitigation is not: nobody can say how the risk is handled, so
  /// it is ranked by its exposure and marked "handling unknown – find out".
  public var handlingUnknown: Bool {
    finding.polarity.hasRisk && exactResidualRisk == nil && exposure?.exact != nil
  }

  /// Whether the finding has a risk side that has no residual risk: an unscored risk.
  ///
  /// A finding only screened in a quick scan is not unscored: its full statements were not asked,
  /// and its screening stands in for the figure.
  public var unscoredRisk: Bool { applies && askedInFull && finding.polarity.hasRisk && exactResidualRisk == nil }

  /// The side that ranks it: the risk side whenever it has one (docs/report-json.md), so a
  /// missing risk figure is never hidden behind an opportunity figure.
  public var rankedBy: RankSide { finding.polarity.hasRisk ? .risk : .opportunity }

  /// The figure that ranks it, exactly: the residual risk, the exposure when the handling is
  /// unknown (an upper bound of the residual risk), or the untapped part of a pure opportunity.
  public var exactPriority: ExactScore? {
    switch rankedBy {
    case .risk: exactResidualRisk ?? (handlingUnknown ? exposure?.exact : nil)
    case .opportunity: exactUntapped
    }
  }

  /// Whether ``exactPriority`` is an upper bound (handling unknown) rather than the figure itself.
  public var priorityIsBound: Bool { rankedBy == .risk && exactResidualRisk == nil && exactPriority != nil }
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

  /// The figure that ranks it: residual risk, the exposure when the handling is unknown, or the
  /// untapped opportunity of a pure opportunity.
  public var priority: Double? { exactPriority?.double }

  /// The band of ``priority``, under the thresholds of the side it ranks by.
  public func priorityBand(_ bands: Bands) -> Band? {
    exactPriority.map { Band(exact: $0, rankedBy == .risk ? bands.risk : bands.opportunity) }
  }
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
  /// The findings on this side that apply and have no figure, in the pack's order: on the risk
  /// side, the unscored risks (the chart marks them unknown, never 0).
  public var unscored: [String] = []
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
  /// How much it demands here: the item's own severity, or `clarify` when the scope leaves open the
  /// fact the item turns on (whether a system infers emotions).
  public var severity: FlagSeverity

  /// Creates a flag; its severity is the item's unless given.
  public init(item: ContextItem, useCases: [String], severity: FlagSeverity? = nil) {
    self.item = item
    self.useCases = useCases
    self.severity = severity ?? item.severity
  }

  /// The heading in `language`: the item's title, or its question when it is to be settled.
  public func title(_ language: Language) -> String {
    severity == .clarify ? (item.clarify ?? item.title)[language] : item.title[language]
  }
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
    /// A legal or context item applies (e.g. a prohibited practice is in scope).
    case flag(id: String, severity: FlagSeverity)
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
  /// `priority` as an exact fraction.
  public var exactPriority: ExactScore = .zero
  /// Whether `priority` is an upper bound: the strongest finding behind it has no figure of its
  /// own (handling unknown), so it ranks by what the answers allow, never as low.
  public var priorityIsBound: Bool = false
  /// Whether a prohibited practice in scope sets it off: it then comes first, whatever else was answered.
  public var prohibited: Bool = false
  /// Whether a ban still to be settled (severity `clarify`) sets it off: it comes right after any
  /// prohibited practice.
  public var clarify: Bool = false
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

/// A risk that could not be scored, and why: it is named in the summary, never left out silently.
public struct UnscoredRisk: Sendable, Hashable {
  /// Why a risk has no residual risk.
  public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
    /// Half or more of its mitigation items are "don't know": nobody knows how it is handled.
    case transparencyGap = "transparency-gap"
    /// Every statement of one of its scales is "not relevant".
    case noStatementApplies = "no-statement-applies"
    /// Fewer than half of the items of a scale have an answer.
    case notEnoughAnswers = "not-enough-answers"
  }

  /// The finding.
  public var finding: String
  /// Why it has no figure.
  public var reason: Reason
  /// Its exposure is known, so it is ranked by its exposure and marked "handling unknown".
  public var handlingUnknown: Bool
}
