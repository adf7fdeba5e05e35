import IglooContent
import IglooEngine

/// Step 7, one action opened: what, level (own actions), responsible, deadline, how,
/// follow-up, evaluation and status.
enum PlanEditorScreen {
  static func render(_ state: WizardState, in rect: Rect, into grid: inout Grid) {
    let t = state.localizer
    guard let i = state.planEditorItem, let session = state.session, session.plan.indices.contains(i) else { return }
    let item = session.plan[i]
    let action = item.action.flatMap(state.pack.action)
    let heading = action.map { t($0.title) } ?? t("wizard.plan.own-action")
    grid.put(Text.truncate(heading, to: rect.width, ellipsis: true), in: rect, row: 0, style: .title)
    let fields = Flow.fields(.planEditor, in: state)
    let focused = fields.indices.contains(state.planEditorFocus) ? fields[state.planEditorFocus] : nil
    let lines: [FormLine] = fields.map { .field($0, label: t($0.labelKey)) }
    var placeholders: [FieldID: String] = [:]
    if let action {
      placeholders[.planTitle] = t(action.title)
      placeholders[.planHow] = t(action.how)
      placeholders[.planResponsible] = t("wizard.plan.owner", ["owner": state.pack.role(action.owner).map { t($0.name) } ?? action.owner])
    }
    placeholders[.planDeadline] = t("wizard.about.date.format")
    placeholders[.planFollowUp] = t("wizard.about.date.format")
    let formArea = rect.dropTop(2).top(lines.count)
    FormLayout.render(state, lines: lines, focused: focused, placeholders: placeholders, in: formArea, into: &grid)
    let detail = rect.dropTop(2 + lines.count + 1)
    guard !detail.isEmpty else { return }
    if let action, let focused, focused == .planHow || focused == .planTitle {
      let used = grid.wrap(t("wizard.plan.hint.from-content"), in: detail, style: .dim, maxLines: 2, memo: state.wrapMemo) + 1
      grid.wrap(t(action.how), in: detail, row: used, memo: state.wrapMemo)
    } else if let hint = hintKey(focused) {
      grid.wrap(t(hint), in: detail, style: .dim, memo: state.wrapMemo)
    }
  }

  static func hintKey(_ field: FieldID?) -> String? {
    switch field {
    case .planResponsible?: "wizard.plan.hint.responsible"
    case .planDeadline?: "wizard.plan.hint.deadline"
    case .planFollowUp?: "wizard.plan.hint.follow-up"
    case .planEvaluation?: "wizard.plan.hint.evaluation"
    case .planStatus?: "wizard.plan.hint.status"
    case .planLevel?: "wizard.plan.hint.level"
    case .planTitle?, .planHow?: "wizard.plan.hint.own"
    default: nil
    }
  }
}
