import IglooContent

/// What changed between two rounds of the same workplace's assessment.
public struct RoundComparison: Sendable {
  /// One figure before and after.
  public struct Change: Sendable, Hashable {
    /// The level or finding id.
    public var id: String
    /// The earlier figure.
    public var old: Double?
    /// The later figure.
    public var new: Double?
    /// The earlier band.
    public var oldBand: Band?
    /// The later band.
    public var newBand: Band?

    /// New minus old, when both exist.
    public var delta: Double? {
      guard let old, let new else { return nil }
      return new - old
    }
  }

  /// The earlier round.
  public var old: Assessment
  /// The later round.
  public var new: Assessment
  /// Residual risk (average) per level.
  public var levelRisk: [Change]
  /// Untapped opportunity (average) per level.
  public var levelOpportunity: [Change]
  /// Residual risk per finding, for findings scored in either round.
  public var findingRisk: [Change]
  /// Untapped opportunity per finding.
  public var findingOpportunity: [Change]
  /// Screening of the risks (average) per level: a quick scan's figures, nil for a round
  /// assessed in full.
  public var levelScreening: [Change]
  /// Screening per finding that was only screened in either round (a finding assessed in full in
  /// a round has its residual risk above instead, and no screening figure here for that round).
  public var findingScreening: [Change]

  /// Whether either round is a quick scan, so that screenings are what can be compared.
  public var screens: Bool { old.session.depth == .quick || new.session.depth == .quick }
  /// Whether any level has a residual risk or untapped opportunity in either round.
  public var scoresLevels: Bool {
    (levelRisk + levelOpportunity).contains { $0.old != nil || $0.new != nil }
  }
  /// Actions suggested now that were not before.
  public var newActions: [String]
  /// Actions suggested before that no longer are.
  public var resolvedActions: [String]
  /// The plan's actions carried out since the earlier round: done now, and not done then (or
  /// not in that plan at all), in the later plan's order.
  public var doneActions: [PlanItem]

  /// Compares `old` with `new`.
  public init(old: Assessment, new: Assessment) {
    self.old = old
    self.new = new
    levelRisk = zip(old.levels, new.levels).map { o, n in
      Change(id: n.id, old: o.risk.average, new: n.risk.average, oldBand: o.risk.band, newBand: n.risk.band)
    }
    levelOpportunity = zip(old.levels, new.levels).map { o, n in
      Change(id: n.id, old: o.opportunity.average, new: n.opportunity.average, oldBand: o.opportunity.band, newBand: n.opportunity.band)
    }
    let ids = new.pack.findings.map(\.id)
    findingRisk = ids.compactMap { id in
      let o = old.result(id), n = new.result(id)
      guard o?.residualRisk != nil || n?.residualRisk != nil else { return nil }
      return Change(id: id, old: o?.residualRisk, new: n?.residualRisk, oldBand: o?.riskBand, newBand: n?.riskBand)
    }
    findingOpportunity = ids.compactMap { id in
      let o = old.result(id), n = new.result(id)
      guard o?.untapped != nil || n?.untapped != nil else { return nil }
      return Change(id: id, old: o?.untapped, new: n?.untapped, oldBand: o?.opportunityBand, newBand: n?.opportunityBand)
    }
    levelScreening = zip(old.levels, new.levels).map { o, n in
      Change(
        id: n.id, old: o.screening?.risk.average, new: n.screening?.risk.average, oldBand: o.screening?.risk.band,
        newBand: n.screening?.risk.band)
    }
    findingScreening = ids.compactMap { id in
      let o = old.result(id).flatMap { $0.hasFullFigure ? nil : $0.screening }
      let n = new.result(id).flatMap { $0.hasFullFigure ? nil : $0.screening }
      guard o?.value != nil || n?.value != nil else { return nil }
      return Change(id: id, old: o?.value, new: n?.value, oldBand: o?.band, newBand: n?.band)
    }
    let before = Set(old.recommendations.map(\.action.id))
    let after = Set(new.recommendations.map(\.action.id))
    newActions = new.recommendations.map(\.action.id).filter { !before.contains($0) }
    resolvedActions = old.recommendations.map(\.action.id).filter { !after.contains($0) }
    // A suggested action is the same across rounds by its id, an own action by its title.
    func same(_ a: PlanItem, _ b: PlanItem) -> Bool { a.action != nil ? a.action == b.action : a.action == nil && a.title == b.title }
    doneActions = new.session.plan.filter { item in
      item.status == .done && !old.session.plan.contains { same($0, item) && $0.status == .done }
    }
  }
}
