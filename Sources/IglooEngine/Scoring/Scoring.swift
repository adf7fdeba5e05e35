import IglooContent

extension Assessment {
  /// Computes the whole assessment of `session` with `pack`. Pure and deterministic.
  ///
  /// The figures come from the one scoring core (``ScoredSession``, over the pack's
  /// ``ScoringIndex``); this adds what a report and the wizard show around them.
  public init(session: Session, pack: ContentPack) {
    self.init(session: session, pack: pack, scored: ScoredSession(session, pack.scoringIndex, detail: true))
  }

  init(session: Session, pack: ContentPack, scored: ScoredSession) {
    self.session = session
    self.pack = pack
    let index = scored.index
    let bands = pack.info.bands
    var byPosition: [FindingResult?] = Array(repeating: nil, count: index.findingCount)
    for f in byPosition.indices {
      guard let figures = scored.findings[f] else { continue }
      let finding = pack.findings[f]
      byPosition[f] = FindingResult(finding, figures, bands, askedInFull: session.isAssessedInFull(finding.id))
    }
    findings = byPosition.compactMap { $0 }

    var applicable: [Question] = []
    var effective: [String: EffectiveAnswer] = [:]
    // Per level, and overall: the scored questions asked, and how many of them have an answer.
    var levelQuestions = Array(repeating: (answered: 0, asked: 0), count: pack.levels.count)
    var allQuestions = (answered: 0, asked: 0)
    for q in scored.asked.indices where scored.asked[q] {
      let question = pack.questions[q]
      applicable.append(question)
      let answer = scored.answers[q]
      if let answer, effective[question.id] == nil { effective[question.id] = answer }
      guard question.isScored else { continue }
      let answered = answer == nil ? 0 : 1
      allQuestions = (allQuestions.answered + answered, allQuestions.asked + 1)
      for l in index.levelsMeasured[q] {
        levelQuestions[l] = (levelQuestions[l].answered + answered, levelQuestions[l].asked + 1)
      }
    }
    levels = pack.levels.indices.map { l in
      Self.row(
        pack.levels[l].id, index.findingsOfLevel[l].compactMap { byPosition[$0] }, answered: levelQuestions[l].answered,
        questions: levelQuestions[l].asked, bands: bands)
    }
    overall = Self.row("overall", findings, answered: allQuestions.answered, questions: allQuestions.asked, bands: bands)
    flags = pack.context.indices.compactMap { i in
      scored.flagSeverity[i].map { Flag(item: pack.context[i], useCases: scored.flagUseCases[i], severity: $0) }
    }
    // Prohibited practices first, then questions to settle, duties, information; the pack's order within each.
    .enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }.map(\.element)

    var technologiesOf: [String: Set<String>] = [:]
    let scoredQuestions = applicable.filter(\.isScored)
    for q in scoredQuestions {
      for m in q.measures {
        if let f = pack.finding(m.finding) { technologiesOf[q.id, default: []].insert(f.technology) }
      }
    }
    let byTechnology = Dictionary(grouping: findings, by: \.finding.technology)
    let technologiesInScope = session.technologiesInScope(pack)
    technologies = pack.technologies.filter { technologiesInScope.contains($0.id) }.map { t in
      let asked = scoredQuestions.filter { technologiesOf[$0.id]?.contains(t.id) == true }
      return Self.row(
        t.id, byTechnology[t.id] ?? [], answered: asked.filter { effective[$0.id] != nil }.count, questions: asked.count,
        bands: bands)
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
    recommendations = Recommender.recommend(scored, pack)
    let individual = recommendations.filter { $0.action.level == "individual" }.count
    individualWarning = !recommendations.isEmpty && individual * 2 > recommendations.count
    addScreeningRows()
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

  /// A profile row over `results`, whose scored questions number `questions`, `answered` of them answered.
  static func row(
    _ id: String, _ results: [FindingResult], answered: Int, questions: Int, bands: Bands
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
      realised: ExactScore.mean(realised)?.double, answered: answered, questions: questions)
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
