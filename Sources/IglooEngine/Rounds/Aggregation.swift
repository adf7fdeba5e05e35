import IglooContent

/// Many sessions rolled up, e.g. a trainer's workshop groups or a company's departments.
///
/// Anonymity follows the survey practice of reporting nothing for groups under five (COPSOQ): every
/// figure that rests on fewer than ``threshold`` sessions is suppressed here, in the value itself,
/// so that no renderer can print it by mistake.
public struct Aggregation: Sendable, Hashable {
  /// The smallest number of sessions a figure may rest on; it can be raised, never lowered.
  public static let minimumGroup = 5

  /// The spread of one figure over the sessions that have it.
  public struct Distribution: Sendable, Hashable {
    /// The level, sector or size id.
    public var id: String
    /// Sessions with a figure.
    public var count: Int
    /// True when `count` is under the threshold; min, median and max are then nil.
    public var suppressed: Bool
    /// The lowest.
    public var min: Double?
    /// The median.
    public var median: Double?
    /// The highest.
    public var max: Double?
  }

  /// How often an action was suggested and accepted.
  public struct ActionCount: Sendable, Hashable {
    /// The action id.
    public var action: String
    /// Sessions where it was suggested; nil when that is under the threshold.
    public var suggested: Int?
    /// Sessions where it is in the plan (accepted, in progress or done); nil when under the threshold.
    public var planned: Int?
  }

  /// The sessions of one sector or size band, with the spread of their overall figures.
  public struct Breakdown: Sendable, Hashable {
    /// The sector id, or the size band (`1-9`, `10-34`, `35+`, `unknown`).
    public var id: String
    /// Overall residual risk (average) over the sessions in the group.
    public var risk: Distribution
    /// Overall untapped opportunity (average).
    public var opportunity: Distribution
    /// The sessions in the group.
    public var sessions: Int
    /// True when `sessions` is under the threshold; its figures are then suppressed.
    public var suppressed: Bool
  }

  /// The number of sessions.
  public var sessions: Int
  /// How many of them are quick scans, whose screenings the figures per level leave out.
  public var quickScans: Int
  /// The threshold in force: at least ``minimumGroup``.
  public var threshold: Int
  /// Residual risk (average) per level.
  public var risk: [Distribution]
  /// Untapped opportunity (average) per level.
  public var opportunity: [Distribution]
  /// Actions by how many sessions suggested them, most first.
  public var actions: [ActionCount]
  /// The sessions by sector, in the pack's order; sessions without a sector are left out.
  public var bySector: [Breakdown]
  /// The sessions by size band (the AMO thresholds 10 and 35), smallest first.
  public var bySize: [Breakdown]

  /// The size band of a workplace of `employees` people.
  public static func sizeBand(_ employees: Int?) -> String {
    guard let employees else { return "unknown" }
    switch employees {
    case ..<10: return "1-9"
    case 10..<35: return "10-34"
    default: return "35+"
    }
  }

  /// Rolls up `assessments`, which must share `pack`; `minimumGroup` below 5 counts as 5.
  public init(_ assessments: [Assessment], pack: ContentPack, minimumGroup: Int = Aggregation.minimumGroup) {
    var tally = Tally(pack: pack)
    for assessment in assessments { tally.add(assessment) }
    self = tally.aggregation(minimumGroup: minimumGroup)
  }

  /// A roll-up being built one assessment at a time, so that `aggregate` can read a session, fold
  /// it in and drop it: what it keeps per session is a dozen numbers, not the assessment.
  ///
  /// Tallies of disjoint sets of sessions can be built on several cores and merged; the result does
  /// not depend on the order, since every figure is a count or a median of sorted values.
  public struct Tally: Sendable {
    let levels: [String]
    let actionIDs: [String]
    let sectorIDs: [String]
    /// The sessions folded in.
    public private(set) var sessions = 0
    /// The quick scans among them.
    public private(set) var quickScans = 0
    var risk: [[Double]]
    var opportunity: [[Double]]
    var suggested: [String: Int] = [:]
    var planned: [String: Int] = [:]
    var sectorRisk: [String: [Double]] = [:]
    var sectorOpportunity: [String: [Double]] = [:]
    var sectorCount: [String: Int] = [:]
    var sizeRisk: [String: [Double]] = [:]
    var sizeOpportunity: [String: [Double]] = [:]
    var sizeCount: [String: Int] = [:]
    /// The pack's scoring index, asked for on the first session added.
    private var index: ScoringIndex?

    /// An empty tally for sessions of `pack`.
    public init(pack: ContentPack) {
      levels = pack.levels.map(\.id)
      actionIDs = pack.actions.map(\.id)
      sectorIDs = pack.info.sectors.map(\.id)
      risk = Array(repeating: [], count: levels.count)
      opportunity = Array(repeating: [], count: levels.count)
    }

    /// Folds in one session of the tally's pack, scored by the one scoring core with only what the
    /// roll-up reads (``ScoredSession`` without its detail): the same figures as adding its full
    /// ``Assessment``, for a fraction of the work.
    public mutating func add(_ session: Session, pack: ContentPack) {
      if index == nil { index = pack.scoringIndex }
      add(RollUpFigures(ScoredSession(session, index!, detail: false)), session)
    }

    /// Folds in one assessment.
    public mutating func add(_ a: Assessment) {
      add(RollUpFigures(a, levels: levels), a.session)
    }

    private mutating func add(_ figures: RollUpFigures, _ session: Session) {
      sessions += 1
      if session.depth == .quick { quickScans += 1 }
      // The figures are by the pack's levels, which are the tally's.
      for i in levels.indices {
        if let v = figures.levelRisk[i] { risk[i].append(v) }
        if let v = figures.levelOpportunity[i] { opportunity[i].append(v) }
      }
      for id in figures.suggested { suggested[id, default: 0] += 1 }
      var inPlan: [String] = []
      for item in session.plan where [.accepted, .inProgress, .done].contains(item.status) {
        if let id = item.action, !inPlan.contains(id) { inPlan.append(id) }
      }
      for id in inPlan { planned[id, default: 0] += 1 }
      let overallRisk = figures.overallRisk
      let overallOpportunity = figures.overallOpportunity
      let sector = session.about.sector
      if sectorIDs.contains(sector) {
        sectorCount[sector, default: 0] += 1
        if let v = overallRisk { sectorRisk[sector, default: []].append(v) }
        if let v = overallOpportunity { sectorOpportunity[sector, default: []].append(v) }
      }
      let band = Aggregation.sizeBand(session.about.employees)
      sizeCount[band, default: 0] += 1
      if let v = overallRisk { sizeRisk[band, default: []].append(v) }
      if let v = overallOpportunity { sizeOpportunity[band, default: []].append(v) }
    }

    /// Folds in a tally of other sessions of the same pack.
    public mutating func merge(_ other: Tally) {
      sessions += other.sessions
      quickScans += other.quickScans
      for i in risk.indices {
        risk[i] += other.risk[i]
        opportunity[i] += other.opportunity[i]
      }
      suggested.merge(other.suggested, uniquingKeysWith: +)
      planned.merge(other.planned, uniquingKeysWith: +)
      sectorRisk.merge(other.sectorRisk, uniquingKeysWith: +)
      sectorOpportunity.merge(other.sectorOpportunity, uniquingKeysWith: +)
      sectorCount.merge(other.sectorCount, uniquingKeysWith: +)
      sizeRisk.merge(other.sizeRisk, uniquingKeysWith: +)
      sizeOpportunity.merge(other.sizeOpportunity, uniquingKeysWith: +)
      sizeCount.merge(other.sizeCount, uniquingKeysWith: +)
    }

    /// The roll-up, with every figure under the threshold suppressed; `minimumGroup` below 5 counts as 5.
    public func aggregation(minimumGroup: Int = Aggregation.minimumGroup) -> Aggregation {
      Aggregation(self, minimumGroup: minimumGroup)
    }
  }

  init(_ tally: Tally, minimumGroup: Int) {
    sessions = tally.sessions
    quickScans = tally.quickScans
    let threshold = Swift.max(Self.minimumGroup, minimumGroup)
    self.threshold = threshold
    func distribution(_ id: String, _ values: [Double]) -> Distribution {
      let sorted = values.sorted()
      guard sorted.count >= threshold else {
        return Distribution(id: id, count: sorted.count, suppressed: true, min: nil, median: nil, max: nil)
      }
      let mid = sorted.count / 2
      let median = sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
      return Distribution(id: id, count: sorted.count, suppressed: false, min: sorted.first, median: median, max: sorted.last)
    }
    risk = tally.levels.enumerated().map { i, id in distribution(id, tally.risk[i]) }
    opportunity = tally.levels.enumerated().map { i, id in distribution(id, tally.opportunity[i]) }
    func shown(_ count: Int) -> Int? { count >= threshold ? count : nil }
    let counts = tally.actionIDs.map { id in
      (action: id, suggested: tally.suggested[id] ?? 0, planned: tally.planned[id] ?? 0)
    }.filter { $0.suggested > 0 || $0.planned > 0 }
      .sorted { ($0.suggested, $0.planned, $1.action) > ($1.suggested, $1.planned, $0.action) }
    actions = counts.map { ActionCount(action: $0.action, suggested: shown($0.suggested), planned: shown($0.planned)) }

    func breakdown(_ id: String, _ count: Int, _ risk: [Double], _ opportunity: [Double]) -> Breakdown {
      Breakdown(
        id: id, risk: distribution(id, risk), opportunity: distribution(id, opportunity),
        sessions: count, suppressed: count < threshold)
    }
    bySector = tally.sectorIDs.compactMap { id in
      guard let count = tally.sectorCount[id], count > 0 else { return nil }
      return breakdown(id, count, tally.sectorRisk[id] ?? [], tally.sectorOpportunity[id] ?? [])
    }
    bySize = ["1-9", "10-34", "35+", "unknown"].compactMap { band in
      guard let count = tally.sizeCount[band], count > 0 else { return nil }
      return breakdown(band, count, tally.sizeRisk[band] ?? [], tally.sizeOpportunity[band] ?? [])
    }
  }
}

/// What a roll-up keeps of one session's assessment: the average residual risk and untapped
/// opportunity per level and overall, and the actions suggested.
struct RollUpFigures: Equatable {
  /// Per level of the pack, in its order.
  var levelRisk: [Double?]
  /// Per level of the pack, in its order.
  var levelOpportunity: [Double?]
  /// The overall row's average residual risk.
  var overallRisk: Double?
  /// The overall row's average untapped opportunity.
  var overallOpportunity: Double?
  /// The ids of the suggested actions, each once, in the pack's order.
  var suggested: [String]

  /// The figures of a computed assessment, for the levels `levels` (by id).
  init(_ a: Assessment, levels: [String]) {
    levelRisk = levels.map { level in a.levels.first { $0.id == level }?.risk.average }
    levelOpportunity = levels.map { level in a.levels.first { $0.id == level }?.opportunity.average }
    overallRisk = a.overall.risk.average
    overallOpportunity = a.overall.opportunity.average
    let ids = Set(a.recommendations.map(\.action.id))
    var seen: Set<String> = []
    suggested = a.pack.actions.map(\.id).filter { ids.contains($0) && seen.insert($0).inserted }
  }

  /// The figures of a session scored by the core, read straight from its findings and triggers.
  init(_ scored: ScoredSession) {
    let index = scored.index
    let byLevel = index.findingsOfLevel.map { scored.averages($0) }
    levelRisk = byLevel.map { $0.risk?.double }
    levelOpportunity = byLevel.map { $0.opportunity?.double }
    let overall = scored.averages(nil)
    overallRisk = overall.risk?.double
    overallOpportunity = overall.opportunity?.double
    var suggested: [String] = []
    for a in index.rules.indices where Recommender.fires(a, scored) {
      // A repeated action id (no valid pack has one) counts once; a valid pack is not searched.
      if index.actionIDsRepeat && suggested.contains(index.actionIDs[a]) { continue }
      suggested.append(index.actionIDs[a])
    }
    self.suggested = suggested
  }
}
