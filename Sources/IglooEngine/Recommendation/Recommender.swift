import IglooContent

/// Turns scores and answers into ranked, reasoned action suggestions.
enum Recommender {
  /// The actions whose triggers fire, ranked.
  ///
  /// Ranking: by the band of the strongest finding behind the action (high before moderate before
  /// low), then collective before individual within a band, since the psychosocial executive
  /// order prefers collective measures, then by the score itself, then by id for a stable order.
  static func recommend(_ assessment: Assessment, effective: [String: EffectiveAnswer]) -> [Recommendation] {
    let pack = assessment.pack
    let results = Dictionary(uniqueKeysWithValues: assessment.findings.map { ($0.finding.id, $0) })
    var out: [Recommendation] = []
    for action in pack.actions {
      var reasons: [(Recommendation.Reason, Double)] = []
      for trigger in action.triggers {
        switch trigger {
        case .finding(let id, let min):
          guard let r = results[id] else { continue }
          if let risk = r.residualRisk, risk >= (min ?? pack.info.bands.risk.moderate) {
            reasons.append((.finding(id: id, score: risk, band: Band(risk, pack.info.bands.risk), opportunity: false), risk))
          } else if r.finding.polarity == .opportunity || (r.finding.polarity == .both && r.residualRisk == nil),
            let untapped = r.untapped, untapped >= (min ?? pack.info.bands.opportunity.moderate)
          {
            reasons.append(
              (.finding(id: id, score: untapped, band: Band(untapped, pack.info.bands.opportunity), opportunity: true), untapped))
          } else if r.assessed == .screened, !r.hasFullFigure, let s = r.screening, let value = s.value,
            value >= (min ?? (s.opportunity ? pack.info.bands.opportunity.moderate : pack.info.bands.risk.moderate))
          {
            // A quick scan recommends from the screening, and says so wherever the reason is shown.
            let thresholds = s.opportunity ? pack.info.bands.opportunity : pack.info.bands.risk
            reasons.append((.screening(id: id, score: value, band: Band(value, thresholds), opportunity: s.opportunity), value))
          }
        case .answer(let question, let matches):
          guard let answer = effective[question] else { continue }
          let hit = matches.first { m in
            switch m {
            case .dontKnow: answer.dontKnow
            case .value(let v): answer.score == Double(v)
            }
          }
          guard let hit else { continue }
          let measured = pack.question(question)?.measures.compactMap { results[$0.finding]?.priority }.max() ?? 0
          reasons.append((.answer(question: question, answer: hit), measured))
        }
      }
      guard !reasons.isEmpty else { continue }
      let priority = reasons.map(\.1).max() ?? 0
      let ordered = reasons.sorted { $0.1 > $1.1 }.map(\.0)
      var unique: [Recommendation.Reason] = []
      for r in ordered where !unique.contains(r) { unique.append(r) }
      out.append(
        Recommendation(
          action: action, reasons: unique, priority: priority, band: Band(priority, pack.info.bands.risk), rank: 0))
    }
    out.sort { a, b in
      if a.band != b.band { return a.band > b.band }
      if a.action.collective != b.action.collective { return a.action.collective }
      if a.priority != b.priority { return a.priority > b.priority }
      return a.action.id < b.action.id
    }
    for i in out.indices { out[i].rank = i + 1 }
    return out
  }
}
