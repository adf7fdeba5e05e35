import IglooContent
import IglooEngine

/// Step 9: choose Markdown, JSON or CSV and a path; then where the file went, or why it could
/// not be written, staying here so another path can be tried.
enum ExportScreen {
  static func render(_ state: WizardState, in rect: Rect, into grid: inout Grid) {
    let t = state.localizer
    var y = grid.wrap(t("wizard.export.intro"), in: rect, style: .dim, maxLines: 3, memo: state.wrapMemo) + 1
    let fields = Flow.fields(.export, in: state)
    let focused = fields.indices.contains(state.exportFocus) ? fields[state.exportFocus] : nil
    // The flow's export fields, the button set apart by a blank line and labelled by itself.
    let lines: [FormLine] = fields.flatMap { field -> [FormLine] in
      field.kind == .button ? [.blank, .field(field, label: "")] : [.field(field, label: t(field.labelKey))]
    }
    FormLayout.render(state, lines: lines, focused: focused, in: rect.dropTop(y).top(lines.count), into: &grid)
    y += lines.count + 1
    y += grid.wrap(t("wizard.export.format.\(state.exportFormat.rawValue).detail"), in: rect, row: y, style: .dim, maxLines: 2, memo: state.wrapMemo) + 1
    switch state.exportResult {
    case .written(let path)?:
      y += grid.wrap(t("wizard.export.written", ["path": path]), in: rect, row: y, style: .good, maxLines: 3, memo: state.wrapMemo)
      grid.wrap(t("wizard.export.written.next"), in: rect, row: y, style: .dim, maxLines: 2, memo: state.wrapMemo)
    case .failed(let path, let reason)?:
      // The reason names the file already (IglooStore's messages do), so it is not repeated.
      let text = path.isEmpty ? reason : t("wizard.export.failed", ["reason": reason])
      y += grid.wrap(text, in: rect, row: y, style: .error, maxLines: 3, memo: state.wrapMemo)
      grid.wrap(t("wizard.export.failed.next"), in: rect, row: y, style: .dim, maxLines: 2, memo: state.wrapMemo)
    case nil:
      break
    }
  }
}
