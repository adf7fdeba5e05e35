import IglooContent
import IglooEngine

/// One line of the action plan screen: a suggested action (decided on or not), an earlier
/// decision on an action that is no longer suggested, or one of the users' own actions.
public struct PlanEntry: Sendable {
  /// The recommendation, when the engine suggests the action now.
  public var recommendation: Recommendation?
  /// The content's action, for suggested and earlier-suggested actions.
  public var action: Action?
  /// The index of its line in `session.plan`, once there is one.
  public var planIndex: Int?

  /// Whether it is the users' own.
  public var isOwn: Bool { action == nil }
}

extension WizardState {
  /// The lines of the action plan: the suggestions in rank order, then actions decided on that
  /// are no longer suggested, then the users' own actions in the order they were added.
  public func planEntries(_ assessment: Assessment) -> [PlanEntry] {
    guard let session else { return [] }
    var out: [PlanEntry] = assessment.recommendations.map { r in
      PlanEntry(recommendation: r, action: r.action, planIndex: session.plan.firstIndex { $0.action == r.action.id })
    }
    let suggested = Set(assessment.recommendations.map(\.action.id))
    for (i, item) in session.plan.enumerated() {
      guard let id = item.action, !suggested.contains(id), let action = pack.action(id) else { continue }
      out.append(PlanEntry(recommendation: nil, action: action, planIndex: i))
    }
    for (i, item) in session.plan.enumerated() where item.action == nil {
      out.append(PlanEntry(recommendation: nil, action: nil, planIndex: i))
    }
    return out
  }

  /// The plan line for `entry`, created (as "suggested") if the users have not decided yet.
  mutating func ensurePlanItem(_ entry: PlanEntry) -> Int? {
    if let i = entry.planIndex { return i }
    guard let action = entry.action, session != nil else { return nil }
    session!.plan.append(PlanItem(action: action.id, level: action.level, status: .suggested))
    return session!.plan.count - 1
  }

  /// The title shown for a plan line: the users' own words, or the content's.
  public func planTitle(_ entry: PlanEntry) -> String {
    if let i = entry.planIndex, let item = session?.plan[i], !item.title.isEmpty { return item.title }
    if let action = entry.action { return localizer(action.title) }
    return localizer("wizard.plan.untitled")
  }

  /// The status of a plan line ("suggested" until decided).
  public func planStatus(_ entry: PlanEntry) -> PlanStatus {
    entry.planIndex.flatMap { session?.plan[$0].status } ?? .suggested
  }
}
