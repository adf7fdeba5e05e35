import IglooContent
import IglooEngine

/// Step 7, the approval opened: who approved the action plan (names and roles, first filled in
/// from the participants) and the date, as the APV must document it.
enum ApprovalScreen {
  static func render(_ state: WizardState, in rect: Rect, into grid: inout Grid) {
    let t = state.localizer
    grid.put(Text.truncate(t("wizard.approval.heading"), to: rect.width, ellipsis: true), in: rect, row: 0, style: .title)
    let fields = Flow.fields(.approval, in: state)
    let focused = fields.indices.contains(state.approvalFocus) ? fields[state.approvalFocus] : nil
    var lines: [FormLine] = []
    for field in fields {
      switch field {
      case .approverName(let i): lines.append(.pair(field, .approverRole(i), label: t("wizard.approval.name")))
      case .approverRole: break
      case .addApprover: lines.append(.field(field, label: ""))
      default: lines.append(.field(field, label: t(field.labelKey)))
      }
    }
    let formArea = rect.dropTop(2).top(min(lines.count, max(0, rect.height - 5)))
    FormLayout.render(
      state, lines: lines, focused: focused, placeholders: [.approvalDate: t("wizard.about.date.format")], in: formArea,
      into: &grid)
    let hint = rect.dropTop(2 + formArea.height + 1)
    guard !hint.isEmpty else { return }
    grid.wrap(t("wizard.approval.hint"), in: hint, style: .dim, memo: state.wrapMemo)
  }
}
