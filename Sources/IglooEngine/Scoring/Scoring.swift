import IglooContent

extension Assessment {
  /// Computes the whole assessment of `session` with `pack`. Pure and deterministic.
  public init(session: Session, pack: ContentPack) {
    self.init(session: session, pack: pack, forRollUp: false)
  }

  /// The assessment, or, `forRollUp`, only what a roll-up reads (the findings, the levels, the
  /// overall row, the flags and the recommendations), leaving the technology rows, the knowledge
  /// gaps, the unanswered, sickness-absence and set-aside statements, the disagreements and the
  /// follow-up warnings empty. `aggregate` folds in 100,000 sessions; it needs none of those.
  init(session: Session, pack: ContentPack, forRollUp: Bool) {
    self.session = session
    self.pack = pack
    let applicable = session.applicableQuestions(pack)
    let effective = Dictionary(
      uniqueKeysWithValues: applicable.compactMap { q in session.effectiveAnswer(q.id, pack).map { (q.id, $0) } })

    var measuring: [String: [(Question, MeasureRole)]] = [:]
    var levelsOf: [String: Set<String>] = [:]
    var technologiesOf: [String: Set<String>] = [:]
    for q in applicable where q.isScored {
      for m in q.measures {
        measuring[m.finding, default: []].append((q, m.role))
        if let f = pack.finding(m.finding) {
          levelsOf[q.id, default: []].insert(f.level)
          technologiesOf[q.id, default: []].insert(f.technology)
        }
      }
    }
    findings = Self.screened(
      pack.findings.compactMap { finding in Self.score(finding, measuring[finding.id] ?? [], effective: effective, pack: pack) },
      session: session, pack: pack, applicable: applicable, effective: effective)
    let byLevel = Dictionary(grouping: findings, by: \.finding.level)
    let scored = applicable.filter(\.isScored)
    func row(_ id: String, _ results: [FindingResult], _ qs: [Question]) -> ProfileRow {
      Self.row(id, results, qs, effective: effective, bands: pack.info.bands)
    }
    levels = pack.levels.map { level in
      row(level.id, byLevel[level.id] ?? [], scored.filter { levelsOf[$0.id]?.contains(level.id) == true })
    }
    overall = row("overall", findings, scored)
    flags = Self.flags(session, pack)
    recommendations = []
    individualWarning = false
    guard !forRollUp else {
      technologies = []
      knowledgeGaps = []
      unanswered = []
      absence = []
      disagreements = []
      setAside = []
      followUpWarnings = []
      // The profile rows' screening aggregates are left out too: the roll-up reads none of them.
      recommendations = Recommender.recommend(self, effective: effective)
      return
    }
    let byTechnology = Dictionary(grouping: findings, by: \.finding.technology)
    let technologiesInScope = session.technologiesInScope(pack)
    technologies = pack.technologies.filter { technologiesInScope.contains($0.id) }.map { t in
      row(t.id, byTechnology[t.id] ?? [], scored.filter { technologiesOf[$0.id]?.contains(t.id) == true })
    }

    // A voice's "don't know" is a knowledge gap even when another voice gave a scale answer: one
    // side of the workplace does not know. An agreed answer settles it.
    knowledgeGaps = applicable.filter { q in
      if effective[q.id]?.dontKnow == true { return true }
      guard session.agreed[q.id] == nil else { return false }
      return session.voices.contains { session.answers[$0.id]?[q.id]?.value == .dontKnow }
    }.map(\.id)
    unanswered = applicable.filter { $0.isScored && effective[$0.id] == nil }.map(\.id)
    absence = applicable.filter(\.isAbsence)
    disagreements = Self.disagreements(session, applicable)
    // An answer the depth does not ask (a screening at full depth, a full statement of a finding not
    // deepened) is set aside like any other: kept in the file, never counted, back when the depth is.
    setAside = Self.setAside(session, Set(applicable.map(\.id)), pack)
    followUpWarnings = Self.followUpWarnings(session)
    addScreeningRows()
    recommendations = Recommender.recommend(self, effective: effective)
    let individual = recommendations.filter { $0.action.level == "individual" }.count
    individualWarning = !recommendations.isEmpty && individual * 2 > recommendations.count
  }

  /// The result of `id`, if it applies.
  public func result(_ finding: String) -> FindingResult? { findings.first { $0.finding.id == finding } }

  /// The strongest findings, as docs/report-json.md ranks them: findings with a risk side by
  /// their residual risk (or, when the handling is unknown, by their exposure, an upper bound),
  /// highest first; then pure opportunities by their untapped part.
  ///
  /// A finding with a risk side is never ranked by its opportunity side, and a risk whose
  /// handling is unknown is never ranked below a known lower residual risk.
  public func topFindings(_ count: Int) -> [FindingResult] {
    func ranked(_ side: RankSide) -> [FindingResult] {
      findings.filter { $0.rankedBy == side && $0.exactPriority != nil }.sorted { a, b in
        let x = a.exactPriority!, y = b.exactPriority!
        if x != y { return x > y }
        if a.priorityIsBound != b.priorityIsBound { return a.priorityIsBound }
        return a.finding.id < b.finding.id
      }
    }
    return Array((ranked(.risk) + ranked(.opportunity)).prefix(count))
  }

  /// The risks that could not be scored, in the pack's order, each with why.
  public var unscoredRisks: [UnscoredRisk] {
    findings.filter(\.unscoredRisk).map { r in
      let reason: UnscoredRisk.Reason =
        r.transparencyGap ? .transparencyGap
        : (r.exposure?.noStatementApplies == true || r.mitigation?.noStatementApplies == true) ? .noStatementApplies
        : .notEnoughAnswers
      return UnscoredRisk(finding: r.finding.id, reason: reason, handlingUnknown: r.handlingUnknown)
    }
  }

  /// The prohibited practices in scope: they come first in every view.
  public var prohibitedFlags: [Flag] { flags.filter { $0.severity == .prohibited } }

  /// The bans that apply if a fact the session leaves open is true: settled before anything else.
  public var clarifyFlags: [Flag] { flags.filter { $0.severity == .clarify } }

  static func scale(_ items: [Question], effective: [String: EffectiveAnswer]) -> Scale? {
    guard !items.isEmpty else { return nil }
    var total = 0
    var answered: [ExactScore] = []
    var dontKnow = 0
    var gaps: [String] = []
    for q in items {
      let answer = effective[q.id]
      if answer?.notRelevant == true { continue }
      total += 1
      if let score = answer?.score {
        // Points are whole numbers and medians halves, so the decimal form is the exact value.
        let points = ExactScore(decimal: score)
        answered.append(q.reversed ? .hundred - points : points)
      } else {
        if answer?.dontKnow == true { dontKnow += 1 }
        gaps.append(q.id)
      }
    }
    let enough = total > 0 && answered.count * 2 >= total
    let exact = enough ? ExactScore.mean(answered) : nil
    return Scale(
      value: exact?.double, exact: exact, items: total, answered: answered.count, dontKnow: dontKnow, gaps: gaps)
  }

  static func score(
    _ finding: Finding, _ measuring: [(Question, MeasureRole)], effective: [String: EffectiveAnswer], pack: ContentPack
  ) -> FindingResult? {
    func items(_ role: MeasureRole) -> [Question] { measuring.filter { $0.1 == role }.map(\.0) }
    let roles = MeasureRole.allCases.map(items)
    guard roles.contains(where: { !$0.isEmpty }) else { return nil }
    let e = finding.polarity.hasRisk ? scale(roles[0], effective: effective) : nil
    let m = finding.polarity.hasRisk ? scale(roles[1], effective: effective) : nil
    let p = finding.polarity.hasOpportunity ? scale(roles[2], effective: effective) : nil
    let r = finding.polarity.hasOpportunity ? scale(roles[3], effective: effective) : nil
    var result = FindingResult(
      finding: finding, exposure: e, mitigation: m, potential: p, realisation: r, residualRisk: nil,
      realised: nil, untapped: nil, riskBand: nil, opportunityBand: nil,
      transparencyGap: (m.map { $0.items > 0 && $0.dontKnow * 2 >= $0.items }) ?? false, applies: true)
    // Computed as exact fractions and banded before the one conversion to a binary number, so
    // that 75 × (1 − 66⅔/100) is exactly 25 (moderate), never 24.999999999999993 (low).
    if let ev = e?.exact, let mv = m?.exact {
      let risk = ev * (.hundred - mv) / 100
      result.exactResidualRisk = risk
      result.residualRisk = risk.double
      result.riskBand = Band(exact: risk, pack.info.bands.risk)
    }
    if let pv = p?.exact, let rv = r?.exact {
      let realised = pv * rv / 100
      let untapped = pv * (.hundred - rv) / 100
      result.exactRealised = realised
      result.realised = realised.double
      result.realisedBand = Band(exact: realised, pack.info.bands.opportunity)
      result.exactUntapped = untapped
      result.untapped = untapped.double
      result.opportunityBand = Band(exact: untapped, pack.info.bands.opportunity)
    }
    return result
  }

  static func aggregate(
    _ scores: [(String, ExactScore)], count: Int, unscored: [String], _ thresholds: BandThresholds
  ) -> Aggregate {
    guard let average = ExactScore.mean(scores.map(\.1)),
      let worst = scores.max(by: { ($0.1, $1.0) < ($1.1, $0.0) })
    else {
      return Aggregate(
        average: nil, worst: nil, worstFinding: nil, scored: 0, findings: count, band: nil, worstBand: nil,
        unscored: unscored)
    }
    return Aggregate(
      average: average.double, worst: worst.1.double, worstFinding: worst.0, scored: scores.count, findings: count,
      band: Band(exact: average, thresholds), worstBand: Band(exact: worst.1, thresholds), unscored: unscored)
  }

  static func row(
    _ id: String, _ results: [FindingResult], _ questions: [Question], effective: [String: EffectiveAnswer], bands: Bands
  ) -> ProfileRow {
    let risks = results.filter { $0.finding.polarity.hasRisk }
    let opportunities = results.filter { $0.finding.polarity.hasOpportunity }
    let realised = opportunities.compactMap(\.exactRealised)
    return ProfileRow(
      id: id,
      risk: aggregate(
        risks.compactMap { r in r.exactResidualRisk.map { (r.finding.id, $0) } }, count: risks.count,
        unscored: risks.filter { $0.exactResidualRisk == nil }.map(\.finding.id), bands.risk),
      opportunity: aggregate(
        opportunities.compactMap { r in r.exactUntapped.map { (r.finding.id, $0) } }, count: opportunities.count,
        unscored: opportunities.filter { $0.exactUntapped == nil }.map(\.finding.id), bands.opportunity),
      realised: ExactScore.mean(realised)?.double,
      answered: questions.filter { effective[$0.id] != nil }.count, questions: questions.count)
  }

  static func disagreements(_ session: Session, _ applicable: [Question]) -> [Disagreement] {
    guard session.voices.count > 1 else { return [] }
    return applicable.compactMap { q in
      var points: [String: Int] = [:]
      for voice in session.voices {
        if let p = session.answers[voice.id]?[q.id]?.point { points[voice.id] = p }
      }
      guard points.count > 1, let hi = points.values.max(), let lo = points.values.min(), hi - lo >= 2 else { return nil }
      return Disagreement(question: q.id, points: points, spread: hi - lo, resolved: session.agreed[q.id] != nil)
    }
  }

  static func setAside(_ session: Session, _ applicable: Set<String>, _ pack: ContentPack) -> [SetAside] {
    var voicesByQuestion: [String: Set<String>] = [:]
    for (voice, answers) in session.answers {
      for q in answers.keys where !applicable.contains(q) && pack.question(q) != nil {
        voicesByQuestion[q, default: []].insert(voice)
      }
    }
    for q in session.agreed.keys where !applicable.contains(q) && pack.question(q) != nil {
      voicesByQuestion[q, default: []].insert("agreed")
    }
    // Most sessions set nothing aside: the pack's order is only worked out when something is.
    guard !voicesByQuestion.isEmpty else { return [] }
    let order = Dictionary(uniqueKeysWithValues: pack.questions.enumerated().map { ($1.id, $0) })
    return voicesByQuestion.keys.sorted { order[$0]! < order[$1]! }.map {
      SetAside(question: $0, voices: voicesByQuestion[$0]!.sorted())
    }
  }

  static func flags(_ session: Session, _ pack: ContentPack) -> [Flag] {
    let scope = session.scope ?? []
    let isPublic = pack.sector(session.about.sector)?.public
    return pack.context.compactMap { item -> Flag? in
      if let wanted = item.applies.publicSector, wanted != (isPublic ?? false) { return nil }
      if item.applies.flags.isEmpty && item.applies.whenInfersEmotions.isEmpty { return Flag(item: item, useCases: []) }
      // A use case sets the item off at its severity through `flags`; through `when_infers_emotions`
      // only if the scope says the system infers emotions, and as a question while that is open.
      // A use case the scope says does not infer emotions leaves the item as information only, so
      // its boundary note stays in the legal appendix.
      var hits: [String] = []
      var open: [String] = []
      var ruledOut: [String] = []
      for s in scope {
        guard let u = pack.useCase(s.useCase) else { continue }
        if !Set(u.flags).isDisjoint(with: item.applies.flags) {
          hits.append(s.useCase)
        } else if !Set(u.flags).isDisjoint(with: item.applies.whenInfersEmotions) {
          switch s.infersEmotions ?? .dontKnow {
          case .yes: hits.append(s.useCase)
          case .dontKnow: open.append(s.useCase)
          case .no: ruledOut.append(s.useCase)
          }
        }
      }
      if !hits.isEmpty { return Flag(item: item, useCases: hits) }
      if !open.isEmpty { return Flag(item: item, useCases: open, severity: item.clarify == nil ? nil : .clarify) }
      return ruledOut.isEmpty ? nil : Flag(item: item, useCases: ruledOut, severity: .information)
    }
    // Prohibited practices first, then questions to settle, duties, information; the pack's order within each.
    .enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }.map(\.element)
  }

  static func followUpWarnings(_ session: Session) -> [FollowUpWarning] {
    let next = session.followUp.nextReview
    guard !next.isEmpty else { return [.noNextReview] }
    guard let nextDate = CalendarDate(next) else { return [.unreadableDate] }
    guard !session.about.date.isEmpty else { return [] }
    guard let date = CalendarDate(session.about.date) else { return [.unreadableDate] }
    return nextDate > date.adding(years: 3) ? [.beyondThreeYears] : []
  }
}

/// A date as `YYYY-MM-DD`, compared without time zones so that the result never depends on the machine.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The year.
  public var year: Int
  /// The month, 1–12.
  public var month: Int
  /// The day, 1–31.
  public var day: Int

  /// Parses `YYYY-MM-DD`; nil for anything else or an impossible date.
  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
      (1...12).contains(m), d >= 1, d <= CalendarDate.days(in: m, y)
    else { return nil }
    year = y
    month = m
    day = d
  }

  /// Creates a date from its parts, clamping the day to the month.
  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = min(day, CalendarDate.days(in: month, year))
  }

  /// The same day `years` later (29 February becomes 28 February).
  public func adding(years: Int) -> CalendarDate { CalendarDate(year: year + years, month: month, day: day) }

  static func days(in month: Int, _ year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  public var description: String {
    let y = String(year), m = String(month), d = String(day)
    return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + (m.count < 2 ? "0" : "") + m + "-"
      + (d.count < 2 ? "0" : "") + d
  }

  /// Orders dates by year, month and day.
  public static func < (a: CalendarDate, b: CalendarDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
}
