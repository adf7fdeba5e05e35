import Foundation
import IglooContent
import IglooEngine

/// Step 0: a new assessment, a saved one to resume (workplace, date, progress), a training
/// case, or the language.
enum StartScreen {
  static func render(_ state: WizardState, in rect: Rect, into grid: inout Grid) {
    let t = state.localizer
    var y = grid.wrap(t(state.pack.info.title), in: rect, style: .title, maxLines: 2, memo: state.wrapMemo)
    y += grid.wrap(t("wizard.start.intro"), in: rect, row: y, style: .dim, maxLines: 2, memo: state.wrapMemo) + 1

    let entries = state.startEntries
    var rows: [ListRow] = []
    var selectedRow: Int?
    var lastSection = ""
    for (i, entry) in entries.enumerated() {
      let section: String
      var row: ListRow
      switch entry {
      case .new:
        section = ""
        row = ListRow(spans: [Span("  " + t("wizard.start.new"))])
      case .resume(let index):
        section = t("wizard.start.resume")
        row = resumeRow(state, state.savedSessions[index], width: rect.width)
      case .trainingCase(let id):
        section = t("wizard.start.cases")
        let title = state.pack.trainingCase(id).map { t($0.title) } ?? id
        row = ListRow(spans: [Span("  " + title)])
      case .language:
        section = ""
        row = ListRow(spans: [Span("  " + t("wizard.start.language", ["language": t("wizard.language.\(state.language.rawValue)")]))])
      }
      if section != lastSection {
        if !section.isEmpty {
          rows.append(.blank)
          rows.append(.header(section))
        } else {
          rows.append(.blank)
        }
        lastSection = section
      }
      if i == state.startSelection { selectedRow = rows.count }
      rows.append(row)
    }

    let wide = rect.width >= 100
    let listArea: Rect
    let detailArea: Rect
    if wide {
      let listWidth = rect.width * 11 / 20
      listArea = rect.dropTop(y).left(listWidth)
      detailArea = rect.dropTop(y).dropLeft(listWidth + 2)
    } else {
      let detailHeight = min(5, max(0, (rect.height - y) / 3))
      listArea = Rect(x: rect.x, y: rect.y + y, width: rect.width, height: rect.height - y - detailHeight)
      detailArea = Rect(x: rect.x, y: listArea.maxY, width: rect.width, height: detailHeight)
    }
    ListView.render(rows, selected: selectedRow, in: listArea, into: &grid)
    guard entries.indices.contains(state.startSelection), !detailArea.isEmpty else { return }
    let detail: String
    switch entries[state.startSelection] {
    case .new: detail = t("wizard.start.new.detail")
    case .resume(let index):
      let saved = state.savedSessions[index]
      detail = saved.problem.map { t("wizard.start.unreadable", ["file": saved.handle.id, "problem": t($0)]) }
        ?? t("wizard.start.resume.detail", ["file": saved.handle.id])
    case .trainingCase(let id): detail = state.pack.trainingCase(id).map { t($0.story) } ?? ""
    case .language: detail = t("wizard.start.language.detail")
    }
    let top = wide ? 0 : 1
    if !wide { grid.put(String(repeating: "─", count: detailArea.width), in: detailArea, row: 0, style: .dim) }
    grid.wrap(detail, in: detailArea, row: top, style: .dim, memo: state.wrapMemo)
  }

  static func resumeRow(_ state: WizardState, _ saved: SavedSession, width: Int) -> ListRow {
    let t = state.localizer
    if saved.problem != nil {
      let name = saved.workplace.isEmpty ? (saved.handle.id as NSString).lastPathComponent : saved.workplace
      return ListRow(spans: [Span("  " + name, .dim)], right: [Span(" " + t("wizard.start.unreadable.short"), .error)])
    }
    var name = saved.workplace.isEmpty ? t("wizard.start.no-workplace") : saved.workplace
    // Two groups on one case share the workplace; the group's name tells their rows apart.
    if !saved.group.isEmpty { name = t("wizard.start.group-row", ["group": saved.group, "workplace": name]) }
    let right = "  " + (saved.date.isEmpty ? "" : saved.date + "  ")
      + t("wizard.start.progress", ["answered": String(saved.answered), "total": String(saved.total)])
    let nameWidth = max(4, width - Text.width(right) - 3)
    return ListRow(spans: [Span("  " + Text.truncate(name, to: nameWidth, ellipsis: true))], right: [Span(right, .dim)])
  }
}
