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
  static func recommend(_ assessment: Assessment, effective: [String: EffectiveAnswer]) -> [Recommendation] {
    let pack = assessment.pack
    let bands = pack.info.bands
    let results = Dictionary(uniqueKeysWithValues: assessment.findings.map { ($0.finding.id, $0) })
    let flags = Dictionary(uniqueKeysWithValues: assessment.flags.map { ($0.item.id, $0) })
    var out: [Recommendation] = []
    for action in pack.actions {
      var reasons: [Weighed] = []
      for trigger in action.triggers {
        switch trigger {
        case .finding(let id, let min):
          guard let r = results[id] else { continue }
          let riskMin = min.map(ExactScore.init(decimal:)) ?? bands.risk.exactModerate
          let opportunityMin = min.map(ExactScore.init(decimal:)) ?? bands.opportunity.exactModerate
          if let risk = r.exactResidualRisk, risk >= riskMin {
            reasons.append(
              Weighed(
                reason: .finding(id: id, score: risk.double, band: Band(exact: risk, bands.risk), opportunity: false),
                figure: risk, bound: false))
          } else if r.finding.polarity == .opportunity || (r.finding.polarity == .both && r.exactResidualRisk == nil),
            let untapped = r.exactUntapped, untapped >= opportunityMin
          {
            reasons.append(
              Weighed(
                reason: .finding(
                  id: id, score: untapped.double, band: Band(exact: untapped, bands.opportunity), opportunity: true),
                figure: untapped, bound: false))
          } else if r.assessed == .screened, !r.hasFullFigure, let s = r.screening, let value = s.value,
            value >= (min ?? Screening.thresholds(opportunity: s.opportunity, pack.info.bands).moderate)
          {
            // A quick scan recommends from the screening, and says so wherever the reason is shown.
            let thresholds = Screening.thresholds(opportunity: s.opportunity, pack.info.bands)
            let exact = ExactScore(decimal: value)
            reasons.append(
              Weighed(
                reason: .screening(id: id, score: value, band: Band(exact: exact, thresholds), opportunity: s.opportunity),
                figure: exact, bound: false))
          }
        case .answer(let question, let matches):
          guard let answer = effective[question] else { continue }
          let hit = matches.first { m in
            switch m {
            case .dontKnow: answer.dontKnow
            case .value(let v): answer.score.map { ExactScore(decimal: $0) == ExactScore(v) } ?? false
            }
          }
          guard let hit else { continue }
          // The answer counts with the strongest finding its statement measures; a finding
          // without a figure counts with the highest figure its answers allow (its upper bound).
          var figure = ExactScore.zero
          var bound = false
          for m in pack.question(question)?.measures ?? [] {
            guard let r = results[m.finding] else { continue }
            let known = r.exactResidualRisk ?? (r.finding.polarity == .opportunity ? r.exactUntapped : nil)
            guard let value = known ?? r.riskUpperBound ?? r.untappedUpperBound else { continue }
            if value > figure || (value == figure && known == nil) {
              figure = value
              bound = known == nil
            }
          }
          reasons.append(Weighed(reason: .answer(question: question, answer: hit), figure: figure, bound: bound))
        case .flag(let id):
          // A ban still to be settled does not fire the actions of the ban itself (stop the use).
          guard let flag = flags[id], flag.severity == flag.item.severity else { continue }
          let prohibited = flag.severity == .prohibited
          reasons.append(
            Weighed(
              reason: .flag(id: id, severity: flag.severity), figure: prohibited ? .hundred : .zero, bound: false,
              prohibited: prohibited))
        case .clarify(let id):
          guard let flag = flags[id], flag.severity == .clarify else { continue }
          reasons.append(
            Weighed(reason: .flag(id: id, severity: .clarify), figure: .hundred, bound: false, clarify: true))
        }
      }
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
}
