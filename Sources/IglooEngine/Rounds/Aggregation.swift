import IglooContent

/// Many sessions rolled up, e.g. a trainer's workshop groups or a company's departments.
public struct Aggregation: Sendable {
  /// The spread of one figure over the sessions that have it.
  public struct Distribution: Sendable, Hashable {
    /// The level id.
    public var id: String
    /// Sessions with a figure.
    public var count: Int
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
    /// Sessions where it was suggested.
    public var suggested: Int
    /// Sessions where it is in the plan (accepted, in progress or done).
    public var planned: Int
  }

  /// The number of sessions.
  public var sessions: Int
  /// Residual risk (average) per level.
  public var risk: [Distribution]
  /// Untapped opportunity (average) per level.
  public var opportunity: [Distribution]
  /// Actions by how many sessions suggested them, most first.
  public var actions: [ActionCount]

  /// Rolls up `assessments`, which must share `pack`.
  public init(_ assessments: [Assessment], pack: ContentPack) {
    sessions = assessments.count
    func distribution(_ id: String, _ values: [Double]) -> Distribution {
      let sorted = values.sorted()
      guard !sorted.isEmpty else { return Distribution(id: id, count: 0, min: nil, median: nil, max: nil) }
      let mid = sorted.count / 2
      let median = sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
      return Distribution(id: id, count: sorted.count, min: sorted.first, median: median, max: sorted.last)
    }
    risk = pack.levels.map { level in
      distribution(level.id, assessments.compactMap { a in a.levels.first { $0.id == level.id }?.risk.average })
    }
    opportunity = pack.levels.map { level in
      distribution(level.id, assessments.compactMap { a in a.levels.first { $0.id == level.id }?.opportunity.average })
    }
    let planned: Set<PlanStatus> = [.accepted, .inProgress, .done]
    actions = pack.actions.map { action in
      ActionCount(
        action: action.id,
        suggested: assessments.filter { $0.recommendations.contains { $0.action.id == action.id } }.count,
        planned: assessments.filter { a in a.session.plan.contains { $0.action == action.id && planned.contains($0.status) } }.count)
    }.filter { $0.suggested > 0 || $0.planned > 0 }
      .sorted { ($0.suggested, $0.planned, $1.action) > ($1.suggested, $1.planned, $0.action) }
  }
}
