import IglooContent

/// What one finding's answers give, before it is dressed as a ``FindingResult``: its four scales,
/// its screening, its exact figures and how far it was assessed.
///
/// The roll-up reads these alone; the full assessment wraps them with the finding and its bands.
struct FindingFigures: Sendable {
  /// Exposure E, mitigation M, potential P and realisation R, on the sides the finding has.
  var exposure: Scale?
  var mitigation: Scale?
  var potential: Scale?
  var realisation: Scale?
  /// The screening statements' scale, when one of them is asked.
  var screening: Scale?
  /// E × (100 − M) / 100, when both exist.
  var residualRisk: ExactScore?
  /// P × R / 100, when both exist.
  var realised: ExactScore?
  /// P × (100 − R) / 100, when both exist.
  var untapped: ExactScore?
  /// How far it was assessed.
  var assessed: AssessedDepth

  /// The figures from the scales. Computed as exact fractions, before the one conversion to a
  /// binary number, so that 75 × (1 − 66⅔/100) is exactly 25 (moderate), never 24.999999999999993.
  init(
    exposure: Scale?, mitigation: Scale?, potential: Scale?, realisation: Scale?, screening: Scale?,
    assessed: AssessedDepth
  ) {
    self.exposure = exposure
    self.mitigation = mitigation
    self.potential = potential
    self.realisation = realisation
    self.screening = screening
    self.assessed = assessed
    if let e = exposure?.exact, let m = mitigation?.exact { residualRisk = Self.share(e, left: m) }
    if let p = potential?.exact, let r = realisation?.exact {
      realised = p * r / 100
      untapped = Self.share(p, left: r)
    }
  }

  /// `whole` × (100 − `taken`) / 100: what `taken` percent of it leaves.
  static func share(_ whole: ExactScore, left taken: ExactScore) -> ExactScore { whole * (.hundred - taken) / 100 }

  /// The highest figure a side's two scales allow: the first (100 when unknown) times what the
  /// second leaves (all of it when unknown).
  static func upperBound(_ whole: ExactScore?, _ taken: ExactScore?) -> ExactScore {
    share(whole ?? .hundred, left: taken ?? .zero)
  }

  /// Whether a side is scored in full here, rather than left to its screening.
  var hasFullFigure: Bool { residualRisk != nil || untapped != nil }

  /// The highest residual risk the answers allow, for a finding of `polarity` with a risk side.
  func riskUpperBound(_ polarity: Polarity) -> ExactScore? {
    guard polarity.hasRisk else { return nil }
    return residualRisk ?? Self.upperBound(exposure?.exact, mitigation?.exact)
  }

  /// The highest untapped opportunity the answers allow, for a finding with an opportunity side.
  func untappedUpperBound(_ polarity: Polarity) -> ExactScore? {
    guard polarity.hasOpportunity else { return nil }
    return untapped ?? Self.upperBound(potential?.exact, realisation?.exact)
  }
}

/// One session scored over the pack's ``ScoringIndex``: the one place the method's arithmetic is
/// done (issue 29).
///
/// The full ``Assessment`` and the roll-up (``Aggregation/Tally``) both start here: which questions
/// are asked, each one's effective answer, each finding's scales, screening and figures, and the
/// context items that apply, all by position. What the roll-up does not read (the items without an
/// answer, the notes, the use cases behind a flag) is only worked out with `detail`.
struct ScoredSession {
  /// The pack's index.
  let index: ScoringIndex
  /// Per question of the pack: whether the session's scope and depth ask it.
  let asked: [Bool]
  /// Per question: the effective answer, for those asked (with the notes only with `detail`).
  private(set) var answers: [EffectiveAnswer?]
  /// Per finding of the pack: its figures, for those an asked scored question measures.
  private(set) var findings: [FindingFigures?]
  /// Per context item of the pack: the severity it applies at here, or nil when it does not.
  private(set) var flagSeverity: [FlagSeverity?]
  /// Per context item: the use cases in scope that set it off (only with `detail`).
  private(set) var flagUseCases: [[String]]

  /// Scores `session` against the pack `index` was built from.
  init(_ session: Session, _ index: ScoringIndex, detail: Bool) {
    let asked = index.asked(session.scope, at: session.depth, deepened: session.deepened)
    var answers = session.effectiveAnswers(index, asked: asked)
    if detail {
      for q in asked.indices where answers[q] != nil { answers[q]!.notes = session.noteLines(index.questionIDs[q]) }
    }
    self.init(index, asked: asked, answers: answers, detail: detail)
    markFlags(session, detail: detail)
  }

  /// The findings' figures from the questions `asked` and their effective `answers` (by position),
  /// with no context item applying: the scoring of findings alone, which tests check against an oracle.
  init(_ index: ScoringIndex, asked: [Bool], answers: [EffectiveAnswer?], detail: Bool) {
    self.index = index
    self.asked = asked
    self.answers = answers
    findings = Array(repeating: nil, count: index.findingCount)
    flagSeverity = Array(repeating: nil, count: index.context.count)
    flagUseCases = Array(repeating: [], count: detail ? index.context.count : 0)
    var room: [ExactScore] = []
    for f in 0..<index.findingCount {
      let roles = index.roleItems[f]
      guard roles.contains(where: { $0.contains { asked[$0] } }) else { continue }
      let polarity = index.polarity[f]
      func side(_ role: Int, _ has: Bool) -> Scale? { has ? scale(roles[role], gaps: detail, room: &room) : nil }
      let screeningItems = index.screeningItems[f]
      let answeredInFull = index.fullItems[f].contains { asked[$0] && answers[$0] != nil }
      let screened = screeningItems.contains { asked[$0] && answers[$0] != nil }
      findings[f] = FindingFigures(
        exposure: side(0, polarity.hasRisk), mitigation: side(1, polarity.hasRisk),
        potential: side(2, polarity.hasOpportunity), realisation: side(3, polarity.hasOpportunity),
        screening: scale(screeningItems, gaps: detail, room: &room),
        assessed: answeredInFull ? .full : screened ? .screened : .none)
    }
  }

  /// A scale over the asked ones of `items`: nil when none is asked. An item answered "not relevant"
  /// is left out; the mean is taken when at least half of the rest have a scale answer.
  private func scale(_ items: [Int], gaps wanted: Bool, room answered: inout [ExactScore]) -> Scale? {
    var any = false
    var total = 0
    var dontKnow = 0
    var gaps: [String] = []
    answered.removeAll(keepingCapacity: true)
    for q in items where asked[q] {
      any = true
      let answer = answers[q]
      if answer?.notRelevant == true { continue }
      total += 1
      if let score = answer?.score {
        // Points are whole numbers and medians halves, so the decimal form is the exact value.
        let points = ExactScore(decimal: score)
        answered.append(index.reversed[q] ? .hundred - points : points)
      } else {
        if answer?.dontKnow == true { dontKnow += 1 }
        if wanted { gaps.append(index.questionIDs[q]) }
      }
    }
    guard any else { return nil }
    let enough = total > 0 && answered.count * 2 >= total
    let exact = enough ? ExactScore.mean(answered) : nil
    return Scale(
      value: exact?.double, exact: exact, items: total, answered: answered.count, dontKnow: dontKnow, gaps: gaps)
  }

  /// Which context items apply, and at what severity.
  ///
  /// A use case sets an item off at its severity through `flags`; through `when_infers_emotions`
  /// only if the scope says the system infers emotions, and as a question while that is open. A
  /// use case the scope says does not infer emotions leaves the item as information only, so its
  /// boundary note stays in the legal appendix.
  private mutating func markFlags(_ session: Session, detail: Bool) {
    let scope = session.scope ?? []
    let isPublic = index.publicSector[session.about.sector]
    // Each scope item's flags, looked up once rather than once per context item.
    let scopeFlags = scope.map { index.useCaseFlags[$0.useCase] }
    for i in index.context.indices {
      if let wanted = index.context[i].publicSector, wanted != (isPublic ?? false) { continue }
      if index.context[i].always {
        flagSeverity[i] = index.contextSeverity[i]
        continue
      }
      // The use cases behind the flag are only listed with `detail`; the roll-up needs the severity alone.
      var hits: [String] = []
      var open: [String] = []
      var ruledOut: [String] = []
      var hit = false, isOpen = false, isRuledOut = false
      for (n, s) in scope.enumerated() {
        guard let flags = scopeFlags[n] else { continue }
        if flags.intersects(index.context[i].flags) {
          hit = true
          if detail { hits.append(s.useCase) }
        } else if flags.intersects(index.context[i].whenInfersEmotions) {
          switch s.infersEmotions ?? .dontKnow {
          case .yes:
            hit = true
            if detail { hits.append(s.useCase) }
          case .dontKnow:
            isOpen = true
            if detail { open.append(s.useCase) }
          case .no:
            isRuledOut = true
            if detail { ruledOut.append(s.useCase) }
          }
        }
      }
      let own = index.contextSeverity[i]
      let (severity, useCases): (FlagSeverity?, [String]) =
        hit ? (own, hits)
        : isOpen ? (index.contextCanClarify[i] ? .clarify : own, open)
        : isRuledOut ? (.information, ruledOut) : (nil, [])
      flagSeverity[i] = severity
      if detail { flagUseCases[i] = useCases }
    }
  }

  /// The findings at `level` (by position), or all, with a figure: the mean residual risk and the
  /// mean untapped opportunity, as the profile rows and the roll-up show them.
  func averages(_ findingPositions: [Int]?) -> (risk: ExactScore?, opportunity: ExactScore?) {
    // As ExactScore.mean: the sum in the pack's order, then divided by the count.
    var risk = (sum: ExactScore.zero, count: 0)
    var opportunity = (sum: ExactScore.zero, count: 0)
    // Read through the optional, not bound to a copy: the figures are large and this runs per session.
    func add(_ f: Int) {
      if index.polarity[f].hasRisk, let v = findings[f]?.residualRisk { risk = (risk.sum + v, risk.count + 1) }
      if index.polarity[f].hasOpportunity, let v = findings[f]?.untapped {
        opportunity = (opportunity.sum + v, opportunity.count + 1)
      }
    }
    if let findingPositions {
      for f in findingPositions { add(f) }
    } else {
      for f in 0..<index.findingCount { add(f) }
    }
    return (
      risk.count == 0 ? nil : risk.sum / risk.count, opportunity.count == 0 ? nil : opportunity.sum / opportunity.count
    )
  }
}

extension FindingResult {
  /// The result of `finding` from its figures: the bands under `bands`, the screening banded by
  /// the screening thresholds, and whether its full statements are asked.
  init(_ finding: Finding, _ figures: FindingFigures, _ bands: Bands, askedInFull: Bool) {
    let m = figures.mitigation
    self.init(
      finding: finding, exposure: figures.exposure, mitigation: m, potential: figures.potential,
      realisation: figures.realisation, residualRisk: figures.residualRisk?.double, realised: figures.realised?.double,
      untapped: figures.untapped?.double, riskBand: figures.residualRisk.map { Band(exact: $0, bands.risk) },
      opportunityBand: figures.untapped.map { Band(exact: $0, bands.opportunity) },
      transparencyGap: (m.map { $0.items > 0 && $0.dontKnow * 2 >= $0.items }) ?? false, applies: true)
    exactResidualRisk = figures.residualRisk
    exactRealised = figures.realised
    exactUntapped = figures.untapped
    realisedBand = figures.realised.map { Band(exact: $0, bands.opportunity) }
    if let s = figures.screening {
      let opportunity = finding.polarity == .opportunity
      let thresholds = Screening.thresholds(opportunity: opportunity, bands)
      screening = Screening(scale: s, band: s.exact.map { Band(exact: $0, thresholds) }, opportunity: opportunity)
    }
    assessed = figures.assessed
    self.askedInFull = askedInFull
  }
}
