import IglooContent

/// Turns scores and answers into ranked, reasoned action suggestions.
enum Recommender {
  /// One reason with the figure it ranks by.
  private struct Weighed {
    var reason: Recommendation.Reason
    var figure: ExactScore
    /// The figure is an upper bound: the finding behind it has no figure of its own.
    var bound: Bool
    var prohibited: Bool = false
    /// Set off by a ban that applies if an open fact is true: settled right after any prohibited practice.
    var clarify: Bool = false
  }

  /// The actions whose triggers fire, ranked.
  ///
  /// Ranking: an action set off by a prohibited practice in scope comes first, whatever else was
  /// answered. Then by the band of the strongest finding behind the action (high before moderate
  /// before low); within a band, an action whose figure is an upper bound (handling unknown)
  /// comes before those with a known figure, so that a missing figure never ranks below a known
  /// lower one; then collective before individual, since the psychosocial executive order
  /// prefers collective measures; then by the figure itself, then by id for a stable order.
  static func recommend(_ scored: ScoredSession, _ pack: ContentPack) -> [Recommendation] {
    let bands = pack.info.bands
    var out: [Recommendation] = []
    for (a, action) in pack.actions.enumerated() {
      let reasons = scored.index.rules[a].indices.compactMap { weigh(a, $0, scored, bands) }
      guard !reasons.isEmpty else { continue }
      let ordered = reasons.enumerated().sorted { a, b in
        if a.element.prohibited != b.element.prohibited { return a.element.prohibited }
        if a.element.clarify != b.element.clarify { return a.element.clarify }
        if a.element.figure != b.element.figure { return a.element.figure > b.element.figure }
        return a.offset < b.offset
      }.map(\.element)
      var unique: [Recommendation.Reason] = []
      for r in ordered where !unique.contains(r.reason) { unique.append(r.reason) }
      let top = ordered[0]
      let priority = top.figure
      // A known figure as high as the bound settles it: the action is then not ranked on a bound.
      let bound = top.bound && !reasons.contains { !$0.bound && $0.figure == priority }
      out.append(
        Recommendation(
          action: action, reasons: unique, priority: priority.double, band: Band(exact: priority, bands.risk), rank: 0,
          exactPriority: priority, priorityIsBound: bound, prohibited: reasons.contains(where: \.prohibited),
          clarify: reasons.contains(where: \.clarify)))
    }
    out.sort { a, b in
      if a.prohibited != b.prohibited { return a.prohibited }
      if a.clarify != b.clarify { return a.clarify }
      if a.band != b.band { return a.band > b.band }
      if a.priorityIsBound != b.priorityIsBound { return a.priorityIsBound }
      if a.action.collective != b.action.collective { return a.action.collective }
      if a.exactPriority != b.exactPriority { return a.exactPriority > b.exactPriority }
      return a.action.id < b.action.id
    }
    for i in out.indices { out[i].rank = i + 1 }
    return out
  }

  /// Whether action `a` (by position) is suggested: any of its triggers fires. What the roll-up asks.
  static func fires(_ a: Int, _ scored: ScoredSession) -> Bool {
    let index = scored.index
    return index.rules[a].indices.contains { weigh(a, $0, scored, index.bands) != nil }
  }

  /// The reason trigger `r` of action `a` (by position) sets the action off for, with the figure it
  /// ranks by; nil when it does not.
  ///
  /// The one statement of when a trigger fires: the ranked suggestions and the roll-up's counts both ask here.
  private static func weigh(_ a: Int, _ r: Int, _ scored: ScoredSession, _ bands: Bands) -> Weighed? {
    let index = scored.index
    var id: String { index.ruleIDs[a][r] }
    switch index.rules[a][r] {
    case .finding(let f, let min, let exactMin):
      // The figures are read through the optional rather than bound to a copy: they are large, and
      // the roll-up asks this of every trigger of every session.
      guard let f, scored.findings[f] != nil else { return nil }
      let polarity = index.polarity[f]
      let riskMin = exactMin ?? index.riskModerate
      let opportunityMin = exactMin ?? index.opportunityModerate
      let residualRisk = scored.findings[f]?.residualRisk
      if let risk = residualRisk, risk >= riskMin {
        return Weighed(
          reason: .finding(id: id, score: risk.double, band: Band(exact: risk, bands.risk), opportunity: false),
          figure: risk, bound: false)
      }
      if polarity == .opportunity || (polarity == .both && residualRisk == nil), let untapped = scored.findings[f]?.untapped,
        untapped >= opportunityMin
      {
        return Weighed(
          reason: .finding(id: id, score: untapped.double, band: Band(exact: untapped, bands.opportunity), opportunity: true),
          figure: untapped, bound: false)
      }
      let opportunity = polarity == .opportunity
      let thresholds = Screening.thresholds(opportunity: opportunity, bands)
      guard scored.findings[f]?.assessed == .screened, scored.findings[f]?.hasFullFigure == false,
        let value = scored.findings[f]?.screening?.value, value >= (min ?? thresholds.moderate)
      else { return nil }
      // A quick scan recommends from the screening, and says so wherever the reason is shown.
      let exact = ExactScore(decimal: value)
      return Weighed(
        reason: .screening(id: id, score: value, band: Band(exact: exact, thresholds), opportunity: opportunity),
        figure: exact, bound: false)
    case .answer(let q, let matches):
      guard let q, scored.asked[q], let answer = scored.answers[q] else { return nil }
      let hit = index.ruleMatches[matches].first { m in
        switch m {
        case .dontKnow: answer.dontKnow
        case .value(let v): answer.score.map { ExactScore(decimal: $0) == ExactScore(v) } ?? false
        }
      }
      guard let hit else { return nil }
      // The answer counts with the strongest finding its statement measures; a finding
      // without a figure counts with the highest figure its answers allow (its upper bound).
      var figure = ExactScore.zero
      var bound = false
      for f in index.measured[q] where f < index.findingCount {
        guard scored.findings[f] != nil else { continue }
        let polarity = index.polarity[f]
        let known = scored.findings[f]?.residualRisk ?? (polarity == .opportunity ? scored.findings[f]?.untapped : nil)
        guard
          let value = known ?? scored.findings[f]?.riskUpperBound(polarity) ?? scored.findings[f]?.untappedUpperBound(polarity)
        else { continue }
        if value > figure || (value == figure && known == nil) {
          figure = value
          bound = known == nil
        }
      }
      return Weighed(reason: .answer(question: id, answer: hit), figure: figure, bound: bound)
    case .flag(let c):
      // A ban still to be settled does not fire the actions of the ban itself (stop the use).
      guard let c, let severity = scored.flagSeverity[c], severity == index.contextSeverity[c] else { return nil }
      let prohibited = severity == .prohibited
      return Weighed(
        reason: .flag(id: id, severity: severity), figure: prohibited ? .hundred : .zero, bound: false,
        prohibited: prohibited)
    case .clarify(let c):
      guard let c, scored.flagSeverity[c] == .clarify else { return nil }
      return Weighed(reason: .flag(id: id, severity: .clarify), figure: .hundred, bound: false, clarify: true)
    }
  }
}
