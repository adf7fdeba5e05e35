import IglooContent

/// Many sessions rolled up, e.g. a trainer's workshop groups or a company's departments.
///
/// Anonymity follows the survey practice of reporting nothing for groups under five (COPSOQ): every
/// figure that rests on fewer than ``threshold`` sessions is suppressed here, in the value itself,
/// so that no renderer can print it by mistake.
public struct Aggregation: Sendable {
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
    sessions = assessments.count
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
    risk = pack.levels.map { level in
      distribution(level.id, assessments.compactMap { a in a.levels.first { $0.id == level.id }?.risk.average })
    }
    opportunity = pack.levels.map { level in
      distribution(level.id, assessments.compactMap { a in a.levels.first { $0.id == level.id }?.opportunity.average })
    }
    let planned: Set<PlanStatus> = [.accepted, .inProgress, .done]
    func shown(_ count: Int) -> Int? { count >= threshold ? count : nil }
    let counts = pack.actions.map { action in
      (
        action: action.id,
        suggested: assessments.filter { $0.recommendations.contains { $0.action.id == action.id } }.count,
        planned: assessments.filter { a in a.session.plan.contains { $0.action == action.id && planned.contains($0.status) } }.count
      )
    }.filter { $0.suggested > 0 || $0.planned > 0 }
      .sorted { ($0.suggested, $0.planned, $1.action) > ($1.suggested, $1.planned, $0.action) }
    actions = counts.map { ActionCount(action: $0.action, suggested: shown($0.suggested), planned: shown($0.planned)) }

    func breakdown(_ id: String, _ members: [Assessment]) -> Breakdown {
      Breakdown(
        id: id, risk: distribution(id, members.compactMap(\.overall.risk.average)),
        opportunity: distribution(id, members.compactMap(\.overall.opportunity.average)),
        sessions: members.count, suppressed: members.count < threshold)
    }
    bySector = pack.info.sectors.compactMap { sector in
      let members = assessments.filter { $0.session.about.sector == sector.id }
      return members.isEmpty ? nil : breakdown(sector.id, members)
    }
    bySize = ["1-9", "10-34", "35+", "unknown"].compactMap { band in
      let members = assessments.filter { Self.sizeBand($0.session.about.employees) == band }
      return members.isEmpty ? nil : breakdown(band, members)
    }
  }
}
