import IglooContent
import IglooEngine

/// Step 2: which AI is considered, planned, in pilot or in use. Each use case has a stage; the
/// scope decides which questions apply.
enum ScopeScreen {
  static func render(_ state: WizardState, in rect: Rect, into grid: inout Grid) {
    let t = state.localizer
    guard let session = state.session else { return }
    let scope = session.scope ?? []
    let applicable = state.applicableQuestions(session).count
    let top = grid.wrap(t("wizard.scope.intro"), in: rect, style: .dim, maxLines: rect.height >= 30 ? 2 : 1, memo: state.wrapMemo)
    grid.put(
      Text.truncate(t("wizard.scope.summary", ["count": String(scope.count), "questions": String(applicable)]), to: rect.width, ellipsis: true),
      in: rect, row: top, style: .title)
    // The depth, with what each would ask, so that the choice is made knowing its length.
    let (quick, full) = state.depthCounts(session)
    let depthLine = t(
      session.depth == .quick ? "wizard.scope.depth.quick" : "wizard.scope.depth.full", ["quick": String(quick), "full": String(full)])
    grid.put(Text.truncate(depthLine, to: rect.width, ellipsis: true), in: rect, row: top + 1, style: .good)

    let stageWidth = Stage.allCases.map { Text.width(t("wizard.stage.\($0.rawValue)")) }.max() ?? 10
    let rows: [ListRow] = state.pack.useCases.map { u in
      let item = scope.first { $0.useCase == u.id }
      let mark = item == nil ? "[ ] " : "[x] "
      let stage = item.map { Text.pad(t("wizard.stage.\($0.stage.rawValue)"), to: stageWidth) } ?? String(repeating: " ", count: stageWidth)
      return ListRow(spans: [Span(mark, item == nil ? .dim : .good), Span(t(u.name))], right: [Span(" " + stage, .title)])
    }
    let body = rect.dropTop(top + 3)
    // Side by side only where the list still gets its width at 80 columns (see the plan).
    let wide = rect.width >= 124
    let listArea: Rect
    let detailArea: Rect
    if wide {
      // As in the plan: never narrower than the list at 80 columns.
      let w = min(rect.width - 36, max(rect.width / 2, 78))
      listArea = body.left(w)
      detailArea = body.dropLeft(w + 2)
    } else {
      let detailHeight = max(0, min(max(7, body.height / 3), body.height - 6))
      listArea = body.top(body.height - detailHeight)
      detailArea = body.dropTop(body.height - detailHeight)
    }
    ListView.render(rows, selected: state.scopeSelection, in: listArea, into: &grid)
    guard state.pack.useCases.indices.contains(state.scopeSelection), !detailArea.isEmpty else { return }
    let u = state.pack.useCases[state.scopeSelection]
    var y = 0
    if !wide {
      grid.put(String(repeating: "─", count: detailArea.width), in: detailArea, row: 0, style: .dim)
      y = 1
    }
    y += grid.wrap(t(u.description), in: detailArea, row: y, maxLines: wide ? 6 : 2, memo: state.wrapMemo)
    let technologies = u.technologies.compactMap { state.pack.technology($0).map { t($0.name) } }.joined(separator: ", ")
    y += grid.wrap(t("wizard.scope.technologies", ["list": technologies]), in: detailArea, row: y, style: .dim, maxLines: 1, memo: state.wrapMemo)
    if let about = state.session?.about, SurveyComparison.applies(to: about), let b = u.benchmark.flatMap(state.pack.benchmark) {
      let text = t("wizard.scope.benchmark", ["value": t.percent(b.value), "label": t(b.label), "base": t(b.base)])
      y += grid.wrap(text, in: detailArea, row: y, style: .opportunity, maxLines: wide ? 4 : 2, memo: state.wrapMemo)
    }
    if let item = scope.first(where: { $0.useCase == u.id }) {
      if Flow.asksInfersEmotions(u.id, state.pack) {
        let answer = t(Flow.infersEmotionsKey(item.infersEmotions))
        y += grid.wrap(
          t("wizard.scope.infers-emotions", ["answer": answer]), in: detailArea, row: y,
          style: item.infersEmotions == .no ? .dim : .moderate, maxLines: 2, memo: state.wrapMemo)
      }
      if state.editor?.field == .scopeNote(u.id) {
        let label = t("wizard.scope.note") + " "
        grid.put(label, in: detailArea, row: y, style: .title)
        FieldView.draw(
          state, .scopeNote(u.id), focused: true, in: detailArea, row: y, column: Text.width(label),
          width: detailArea.width - Text.width(label), into: &grid)
        y += 1
      } else if !item.note.isEmpty {
        y += grid.wrap(t("wizard.scope.note") + " " + item.note, in: detailArea, row: y, maxLines: 1, memo: state.wrapMemo)
      }
    }
    grid.wrap(t("wizard.source", ["source": t.pack.source(u.source, t.language)]), in: detailArea, row: y, style: .dim, maxLines: 1, memo: state.wrapMemo)
  }
}
