import IglooContent
import IglooEngine

/// Step 7, `m`: the questions to management the "ved ikke" answers and the scope raise, each with
/// whom it is put to, its due date and status; one opened records due date, asker, status and
/// the answer's gist and date.
enum ManagementQuestionsScreen {
  /// The list, with the selected question's basis and what raised it below.
  static func render(_ state: WizardState, in rect: Rect, into grid: inout Grid) {
    let t = state.localizer
    let entries = state.managementQuestionEntries
    let open = entries.filter { $0.record.status == .open }.count
    grid.put(
      Text.truncate(t("wizard.mq.summary", ["n": String(entries.count), "open": String(open)]), to: rect.width, ellipsis: true),
      in: rect, row: 0, style: .title)
    guard !entries.isEmpty else {
      grid.wrap(t("wizard.mq.none"), in: rect.dropTop(2), style: .dim, memo: state.wrapMemo)
      return
    }
    let statusWidth = QuestionStatus.allCases.map { Text.width(t("report.mq.status.\($0.rawValue)")) }.max() ?? 10
    let rows: [ListRow] = entries.enumerated().map { n, q in
      let mark: Span
      switch q.record.status {
      case .open: mark = Span("? ", .risk)
      case .answered: mark = Span("✓ ", .good)
      case .withdrawn: mark = Span("✗ ", .dim)
      }
      let due = q.record.due.isEmpty ? "" : " " + q.record.due
      return ListRow(
        spans: [mark, Span("\(n + 1). ", .dim), Span(t(q.question.text), q.record.status == .withdrawn ? .dim : .normal)],
        right: [Span(due + " ", .dim), Span(Text.pad(t("report.mq.status.\(q.record.status.rawValue)"), to: statusWidth), .title)])
    }
    let body = rect.dropTop(2)
    let detailHeight = max(0, min(max(6, body.height / 3), body.height - 4))
    let selected = min(state.managementQuestionSelection, entries.count - 1)
    ListView.render(rows, selected: selected, in: body.top(body.height - detailHeight), into: &grid)
    let detail = body.dropTop(body.height - detailHeight)
    guard !detail.isEmpty else { return }
    grid.put(String(repeating: "─", count: detail.width), in: detail, row: 0, style: .dim)
    let q = entries[selected]
    var lines = [t("wizard.mq.ask", ["ask": t("report.mq.ask.\(q.question.ask.rawValue)")])]
    if !q.basis.isEmpty { lines.append(t("wizard.mq.basis", ["basis": q.basis.map { t($0.title) }.joined(separator: "; ")])) }
    if !q.statements.isEmpty {
      lines.append(t("wizard.mq.raised", ["statements": q.statements.compactMap { state.pack.question($0).map { t($0.text) } }.joined(separator: " / ")]))
    } else if !q.useCases.isEmpty {
      lines.append(t("wizard.mq.raised-scope", ["use_cases": q.useCases.compactMap { state.pack.useCase($0).map { t($0.name) } }.joined(separator: ", ")]))
    }
    var y = 1
    for line in lines where y < detail.height {
      y += grid.wrap(line, in: detail, row: y, style: .dim, maxLines: 2, memo: state.wrapMemo)
    }
  }

  /// One question opened: its text, then the form of the flow's question editor.
  static func renderEditor(_ state: WizardState, in rect: Rect, into grid: inout Grid) {
    let t = state.localizer
    guard let id = state.managementQuestionEditing, let question = state.pack.managementQuestion(id) else { return }
    let used = grid.wrap(t(question.text), in: rect, style: .title, maxLines: 3, memo: state.wrapMemo)
    let fields = Flow.fields(.questionEditor, in: state)
    let focused = fields.indices.contains(state.managementQuestionFocus) ? fields[state.managementQuestionFocus] : nil
    let lines: [FormLine] = fields.map { .field($0, label: t($0.labelKey)) }
    let placeholders: [FieldID: String] = [
      .questionDue: t("wizard.about.date.format"), .questionAnswerDate: t("wizard.about.date.format"),
    ]
    FormLayout.render(state, lines: lines, focused: focused, placeholders: placeholders, in: rect.dropTop(used + 1).top(lines.count), into: &grid)
    let detail = rect.dropTop(used + 1 + lines.count + 1)
    guard !detail.isEmpty else { return }
    grid.wrap(t("wizard.mq.hint"), in: detail, style: .dim, maxLines: 3, memo: state.wrapMemo)
  }
}
