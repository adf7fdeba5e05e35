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
  /// The band, with the pack's screening thresholds (`bands.screening`): a screening answer says
  /// whether a point is present, not how large a handled risk is, so it has bands of its own.
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
  /// Risks and opportunities alike are banded with the pack's own screening bands
  /// (`bands.screening`): a screening says whether a point is present, not how large a handled risk
  /// is (docs/method.md, "Screening bands").
  public static func thresholds(opportunity: Bool, _ bands: Bands) -> BandThresholds {
    bands.screening
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
  /// The screening aggregate over `results`, leaving out findings with a full figure: a deepened
  /// finding is shown by its residual risk (or untapped opportunity) only, never by two figures.
  static func screeningAggregate(_ results: [FindingResult], bands: Bands) -> ScreeningAggregate {
    let screened = results.filter { !$0.hasFullFigure }
    let risks = screened.filter { $0.finding.polarity.hasRisk }
    let opportunities = screened.filter { $0.finding.polarity == .opportunity }
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

  /// The findings a summary lists, strongest first: those with a full figure (``topFindings(_:)``),
  /// then, in a quick scan, the strongest screenings of findings not assessed in full. The Markdown,
  /// Word and JSON summaries all list these, in this order.
  public func summaryFindings(_ count: Int) -> [FindingResult] {
    let full = topFindings(count)
    guard session.depth == .quick else { return full }
    return full + screenedFindings.prefix(max(0, count - full.count))
  }

  /// The screened findings a quick scan would deepen first: those screened moderate or high.
  public var findingsToDeepen: [String] {
    findings.filter { !session.deepened.contains($0.finding.id) && ($0.screening?.band ?? .low) >= .moderate }
      .map(\.finding.id)
  }
}

/// How deep an assessment went, as the report and the wizard name it: a quick scan, a quick scan
/// deepened for some findings, or a full assessment (full depth, or every finding deepened).
public enum DepthDone: Sendable, Hashable {
  /// Screenings only.
  case quick
  /// A quick scan whose full statements are asked for `deepened` of its `findings`.
  case deepened(Int, of: Int)
  /// Every finding asked in full.
  case full
}

extension DepthDone {
  /// The interface string among three that names this depth.
  public func key(quick: String, deepened: String, full: String) -> String {
    switch self {
    case .quick: quick
    case .deepened: deepened
    case .full: full
    }
  }

  /// The placeholders of a deepened quick scan's wording: `deepened` and `findings`; none otherwise.
  public var counts: [String: String] {
    guard case .deepened(let n, let total) = self else { return [:] }
    return ["deepened": String(n), "findings": String(total)]
  }
}

extension Assessment {
  /// How deep the assessment went; a quick scan with every finding deepened is a full assessment.
  public var depthDone: DepthDone {
    guard session.depth == .quick else { return .full }
    let ids = Set(findings.map(\.finding.id))
    let deepened = session.deepened.filter { ids.contains($0) }.count
    if deepened == 0 { return .quick }
    return deepened >= ids.count ? .full : .deepened(deepened, of: ids.count)
  }
}
