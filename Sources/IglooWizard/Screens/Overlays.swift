import IglooContent
import IglooEngine

/// A centred box for overlays, at most `width`×`height`, inside `area`.
func overlayBox(width: Int, height: Int, in area: Rect) -> Rect {
  let w = min(width, area.width), h = min(height, area.height)
  return Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
}

/// Draws the styled `lines` of a scrolling overlay into `textArea` from `scroll` on, with ↑ and ↓
/// in the right margin of `inner` where more lies above or below; returns whether more lies below.
@discardableResult
func drawScrolled(_ lines: [(String, CellStyle)], scroll: Int, textArea: Rect, inner: Rect, into grid: inout Grid) -> Bool {
  let offset = max(0, min(scroll, lines.count - textArea.height))
  for (row, (line, style)) in lines.dropFirst(offset).prefix(textArea.height).enumerated() {
    grid.put(line, in: textArea, row: row, style: style)
  }
  if offset > 0 { grid.put("↑", in: inner, row: 0, column: inner.width - 1, style: .dim) }
  let more = offset + textArea.height < lines.count
  if more { grid.put("↓", in: textArea, row: textArea.height - 1, column: inner.width - 1, style: .dim) }
  return more
}

/// The keys that work here, generated from the binding tables in force: each context's actions
/// with every key that reaches them.
enum HelpOverlay {
  static func lines(_ state: WizardState) -> [ListRow] {
    let t = state.localizer
    // The help screen describes the screen under it, not itself.
    var under = state
    under.overlay = nil
    let stack = under.contexts
    var rows: [ListRow] = []
    for context in stack {
      let entries = KeyBindings.entries(context, in: stack)
      guard !entries.isEmpty else { continue }
      if !rows.isEmpty { rows.append(.blank) }
      rows.append(.header(t("wizard.context.\(context.rawValue)")))
      for entry in entries {
        rows.append(ListRow(spans: [Span("  " + Text.pad(KeyLabel.join(entry.keys, t), to: 20), .title), Span(t(entry.action.nameKey))]))
      }
    }
    rows.append(.blank)
    rows.append(ListRow(spans: [Span(t("wizard.help.autosave"), .dim)], selectable: false))
    return rows
  }

  /// The last scroll position that still fills the box.
  static func maxScroll(_ state: WizardState) -> Int {
    max(0, lines(state).count - FullTextOverlay.pageHeight(state.viewport) - 1)
  }

  static func render(_ state: WizardState, scroll: Int, in area: Rect, into grid: inout Grid) {
    let t = state.localizer
    grid.clear(area)
    let box = overlayBox(width: 100, height: area.height, in: area)
    grid.box(box, title: t("wizard.help.title"))
    let inner = box.inset(dx: 2, dy: 1)
    let rows = lines(state)
    let offset = max(0, min(scroll, rows.count - inner.height))
    ListView.render(Array(rows.dropFirst(offset)), selected: nil, in: inner, into: &grid)
    if offset > 0 { grid.put("↑", in: inner, row: 0, column: inner.width - 1, style: .dim) }
    if offset + inner.height < rows.count { grid.put("↓", in: inner, row: inner.height - 1, column: inner.width - 1, style: .dim) }
  }
}

/// The steps 1–9, to jump to one, with how far each has got.
enum StepMenuOverlay {
  static func render(_ state: WizardState, selection: Int, in area: Rect, into grid: inout Grid) {
    let t = state.localizer
    let steps = Flow.numberedSteps
    let box = overlayBox(width: 50, height: steps.count + 4, in: area)
    grid.clear(box)
    grid.box(box, title: t("wizard.action.go-to-step"))
    let rows = steps.map { step in
      ListRow(spans: [Span(" \(step.number)  " + t(step.titleKey), step == state.step ? .title : .normal)])
    }
    ListView.render(rows, selected: selection, in: box.inset(dx: 2, dy: 2), into: &grid)
  }
}

/// The IGLOO levels with their progress, to jump to one.
enum LevelPickerOverlay {
  static func render(_ state: WizardState, selection: Int, in area: Rect, into grid: inout Grid) {
    let t = state.localizer
    let levels = state.pack.levels
    let box = overlayBox(width: 50, height: levels.count + 4, in: area)
    grid.clear(box)
    grid.box(box, title: t("wizard.action.choose-level"))
    let rows = levels.map { level -> ListRow in
      let qs = state.questions(atLevel: level.id)
      return ListRow(
        spans: [Span(" \(level.shortcut)  " + t(level.name), qs.isEmpty ? .dim : .normal)],
        right: [Span("\(state.answeredCount(qs))/\(qs.count) ", .dim)])
    }
    ListView.render(rows, selected: selection, in: box.inset(dx: 2, dy: 2), into: &grid)
  }
}

/// A yes/no question.
enum ConfirmOverlay {
  static func render(_ state: WizardState, _ what: Confirmation, in area: Rect, into grid: inout Grid) {
    let t = state.localizer
    let text = Self.text(state, what)
    let width = min(60, area.width)
    let lines = Text.wrap(text, width: width - 4)
    let box = overlayBox(width: width, height: lines.count + 5, in: area)
    grid.clear(box)
    grid.box(box, title: t("wizard.confirm.title"), style: .risk)
    let inner = box.inset(dx: 2, dy: 1)
    let used = grid.wrap(text, in: inner, memo: state.wrapMemo)
    grid.put(t("wizard.confirm.keys"), in: inner, row: used + 1, style: .title)
  }

  /// The question asked, in words; both views say it.
  static func text(_ state: WizardState, _ what: Confirmation) -> String {
    let t = state.localizer
    switch what {
    case .quitUnsaved: return t("wizard.confirm.quit-unsaved", ["reason": state.saveError.map { t($0) } ?? ""])
    case .deleteAction(let i):
      let title = state.session.flatMap { $0.plan.indices.contains(i) ? $0.plan[i].title : nil } ?? ""
      return t("wizard.confirm.delete-action", ["title": title.isEmpty ? t("wizard.plan.untitled") : title])
    case .replaceExport(_, _, let shown): return t("wizard.confirm.replace-export", ["path": shown])
    case .leavePlanIncomplete(let n): return t("wizard.confirm.leave-plan-incomplete", ["n": String(n)])
    case .recordApproval: return t("wizard.confirm.record-approval", ["approval": PlanScreen.approvalLine(state).0])
    case .rescore:
      let findings = (state.rescore?.before ?? []).map { f in
        let title = state.pack.finding(f.id).map { t($0.shortTitle) } ?? f.id
        return t("wizard.rescore.finding", ["finding": title, "score": f.score.map { t.number($0) } ?? "–"])
      }
      return t(
        "wizard.confirm.rescore",
        ["n": String(state.rescore?.questions.count ?? 0), "findings": findings.joined(separator: "; ")])
    }
  }
}

/// Below the minimum size: only a request to make the window larger, clipped to whatever room
/// there is, down to a single cell.
enum TooSmallScreen {
  static func render(_ state: WizardState, size: Size, into grid: inout Grid) {
    let t = state.localizer
    let full = Rect(size)
    let lines = [
      (t("wizard.too-small.title"), CellStyle.title),
      (t("wizard.too-small.size", [
        "width": String(WizardLayout.minimumSize.width), "height": String(WizardLayout.minimumSize.height),
        "current": "\(size.width)×\(size.height)",
      ]), .normal),
      (t("wizard.too-small.keys"), .dim),
    ]
    var wrapped: [(String, CellStyle)] = []
    for (text, style) in lines { wrapped += Text.wrap(text, width: max(1, size.width - 2)).map { ($0, style) } }
    let top = max(0, (size.height - wrapped.count) / 2)
    for (i, (line, style)) in wrapped.enumerated() {
      let x = max(0, (size.width - Text.width(line)) / 2)
      grid.put(line, in: full, row: top + i, column: x, style: style)
    }
  }
}

/// A training case's story in full, its questions for discussion and the report sections it
/// builds on, scrollable; when the case is being opened, the group's name is typed below.
enum CaseOverlay {
  /// The width the story is wrapped to in a viewport of `size`: the box's inside, less a
  /// column for the scroll marks.
  static func textWidth(_ size: Size) -> Int { max(10, min(100, size.width) - 6) }

  /// The story's paragraphs: the invented-case note, the story, the questions for discussion
  /// and the report sections it builds on.
  static func paragraphs(_ state: WizardState, id: String) -> [FullText.Paragraph] {
    let t = state.localizer
    guard let c = state.pack.trainingCase(id) else { return [] }
    var out: [FullText.Paragraph] = []
    if c.invented { out.append(.init(text: t("wizard.case.invented"), style: .dim)) }
    out.append(.init(text: ""))
    out.append(.init(text: t(c.story)))
    out.append(.init(text: ""))
    out.append(.init(text: t("wizard.case.questions"), style: .title))
    for (i, q) in c.questions.enumerated() { out.append(.init(text: t(q), indent: "\(i + 1). ")) }
    out.append(.init(text: ""))
    out.append(.init(text: t("wizard.case.builds-on", ["sections": c.buildsOn.joined(separator: "; ")]), style: .dim))
    return out
  }

  /// The story's lines wrapped to `width`, with their styles.
  static func lines(_ state: WizardState, id: String, width: Int) -> [(String, CellStyle)] {
    FullTextOverlay.lines(FullText(title: "", paragraphs: paragraphs(state, id: id)), width: width)
  }

  static func render(_ state: WizardState, id: String, scroll: Int, naming: Bool, in area: Rect, into grid: inout Grid) {
    let t = state.localizer
    grid.clear(area)
    let box = overlayBox(width: 100, height: area.height, in: area)
    let title = state.pack.trainingCase(id).map { t($0.title) } ?? id
    grid.box(box, title: Text.truncate(title, to: max(1, box.width - 6), ellipsis: true))
    let inner = box.inset(dx: 2, dy: 1)
    let footerRows = naming ? 3 : 1
    let textArea = inner.top(max(1, inner.height - footerRows))
    let more = drawScrolled(lines(state, id: id, width: max(10, inner.width - 2)), scroll: scroll, textArea: textArea, inner: inner, into: &grid)
    let bottom = inner.dropTop(textArea.height)
    if naming {
      let label = t("wizard.case.group-label") + " "
      let used = grid.put(label, in: bottom, row: 1, style: .title)
      FieldView.draw(state, .group, focused: true, placeholder: t("wizard.case.group-placeholder"), in: bottom, row: 1, column: used, width: bottom.width - used, into: &grid)
      grid.put(Text.truncate(t(more ? "wizard.case.keys.naming.more" : "wizard.case.keys.naming"), to: bottom.width, ellipsis: true), in: bottom, row: 2, style: .dim)
    } else {
      grid.put(Text.truncate(t(more ? "wizard.case.keys.more" : "wizard.case.keys"), to: bottom.width, ellipsis: true), in: bottom, row: 0, style: .dim)
    }
  }
}
