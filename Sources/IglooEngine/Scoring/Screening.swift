import IglooContent

/// How far a finding was assessed: by its screening statement only, by its full statements, or not at all.
public enum AssessedDepth: String, Sendable, Hashable, Codable, CaseIterable {
  /// Only the screening statement has an answer: the figure is a screening, not a residual risk.
  case screened
  /// Its full statements are asked and at least one has an answer.
  case full
  /// Nothing about it has been answered yet.
  case none
}

/// A quick-scan screening: how present a finding's point is here, 0–100, from its screening statement.
///
/// It measures presence only (agreeing means the risk, or for a pure opportunity the opportunity, is
/// present here). It says nothing about how well the point is handled, so it is never a residual
/// risk or an untapped opportunity and is always called a screening.
public struct Screening: Sendable, Hashable, Codable {
  /// The screening statements' scale (usually one item).
  public var scale: Scale
  /// The band, with the risk thresholds, or the opportunity thresholds for a pure opportunity.
  public var band: Band?
  /// Whether it screens an opportunity (a pure-opportunity finding) rather than a risk.
  public var opportunity: Bool

  /// The figure, 0–100, or nil without a scale answer.
  public var value: Double? { scale.value }

  /// The thresholds a screening is banded by, and that a screening must reach to set off an
  /// action: the risk thresholds, or the opportunity thresholds for a pure opportunity.
  ///
  /// The one rule for screening bands: the assessment, the screening aggregates, the recommender
  /// and the roll-up all ask here, so a change to how screenings are banded is made once.
  public static func thresholds(opportunity: Bool, _ bands: Bands) -> BandThresholds {
    opportunity ? bands.opportunity : bands.risk
  }
}

/// The screenings of one IGLOO level or technology: average and worst, for risks and for opportunities.
public struct ScreeningAggregate: Sendable, Hashable, Codable {
  /// Over the screened risk findings (and the risk side of findings that are both).
  public var risk: Aggregate
  /// Over the screened pure-opportunity findings.
  public var opportunity: Aggregate
}

extension FindingResult {
  /// Whether the finding's side is scored in full here, rather than left to its screening.
  public var hasFullFigure: Bool { residualRisk != nil || untapped != nil }
}

extension Assessment {
  /// Adds each finding's screening figure and how far it was assessed.
  ///
  /// Only the statements the depth asks count, as everywhere: at full depth the screening answers
  /// stay in the file (set aside) and count again when the session goes back to a quick scan.
  static func screened(
    _ results: [FindingResult], session: Session, pack: ContentPack, applicable: [Question],
    effective: [String: EffectiveAnswer]
  ) -> [FindingResult] {
    // Each finding's screening statements and whether a full statement of it has an answer, found
    // in one pass over the applicable questions rather than one pass per finding.
    var screeningItems: [String: [Question]] = [:]
    var answeredInFull: Set<String> = []
    for q in applicable {
      if q.isScreening {
        var seen: Set<String> = []
        for m in q.measures where seen.insert(m.finding).inserted { screeningItems[m.finding, default: []].append(q) }
      } else if effective[q.id] != nil {
        for m in q.measures { answeredInFull.insert(m.finding) }
      }
    }
    return results.map { result in
      var r = result
      let id = r.finding.id
      let items = screeningItems[id] ?? []
      let answers = Dictionary(uniqueKeysWithValues: items.compactMap { q in effective[q.id].map { (q.id, $0) } })
      if let s = scale(items, effective: answers) {
        let opportunity = r.finding.polarity == .opportunity
        let thresholds = Screening.thresholds(opportunity: opportunity, pack.info.bands)
        r.screening = Screening(scale: s, band: s.exact.map { Band(exact: $0, thresholds) }, opportunity: opportunity)
      }
      r.assessed = answeredInFull.contains(id) ? .full : (!answers.isEmpty ? .screened : .none)
      r.askedInFull = session.isAssessedInFull(id)
      return r
    }
  }

  /// The screening aggregate over `results`.
  static func screeningAggregate(_ results: [FindingResult], bands: Bands) -> ScreeningAggregate {
    let risks = results.filter { $0.finding.polarity.hasRisk }
    let opportunities = results.filter { $0.finding.polarity == .opportunity }
    return ScreeningAggregate(
      risk: aggregate(
        risks.compactMap { r in r.screening?.scale.exact.map { (r.finding.id, $0) } }, count: risks.count, unscored: [],
        Screening.thresholds(opportunity: false, bands)),
      opportunity: aggregate(
        opportunities.compactMap { r in r.screening?.scale.exact.map { (r.finding.id, $0) } }, count: opportunities.count,
        unscored: [], Screening.thresholds(opportunity: true, bands)))
  }

  /// Adds the screening aggregates to the profile rows, from the findings' screenings.
  mutating func addScreeningRows() {
    let bands = pack.info.bands
    let byLevel = Dictionary(grouping: findings, by: \.finding.level)
    let byTechnology = Dictionary(grouping: findings, by: \.finding.technology)
    for i in levels.indices { levels[i].screening = Self.screeningAggregate(byLevel[levels[i].id] ?? [], bands: bands) }
    for i in technologies.indices {
      technologies[i].screening = Self.screeningAggregate(byTechnology[technologies[i].id] ?? [], bands: bands)
    }
    overall.screening = Self.screeningAggregate(findings, bands: bands)
  }

  /// The findings that were only screened, strongest screening first.
  public var screenedFindings: [FindingResult] {
    findings.filter { $0.assessed == .screened && $0.screening?.value != nil }
      .sorted { ($0.screening!.value!, $1.finding.id) > ($1.screening!.value!, $0.finding.id) }
  }

  /// The screened findings a quick scan would deepen first: those screened moderate or high.
  public var findingsToDeepen: [String] {
    findings.filter { !session.deepened.contains($0.finding.id) && ($0.screening?.band ?? .low) >= .moderate }
      .map(\.finding.id)
  }
}
