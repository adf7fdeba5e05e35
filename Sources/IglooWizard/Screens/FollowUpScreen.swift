import IglooContent
import IglooEngine

/// Step 8: the next review date (at most three years after the assessment, and sooner when the
/// AI changes), the previous round's file, and what changed since that round: residual risk per
/// IGLOO level before and now, the findings whose risk band moved, and the actions newly
/// suggested or no longer triggered.
enum FollowUpScreen {
  /// Draws the step into `rect`.
  static func render(_ state: WizardState, in rect: Rect, into grid: inout Grid) {
    let t = state.localizer
    guard let session = state.session else { return }
    let comparison = state.roundComparison
    var y = 0
    // With a comparison to show on a small screen, the standing intro gives way to it.
    if comparison == nil || rect.height >= 30 {
      y = grid.wrap(t("wizard.follow-up.intro"), in: rect, style: .dim, maxLines: 3, memo: state.wrapMemo) + 1
    }
    let fields = Flow.fields(.followUp, in: state)
    let focused = fields.indices.contains(state.followUpFocus) ? fields[state.followUpFocus] : nil
    let limit = CalendarDate(session.about.date)?.adding(years: 3)
    // The flow's follow-up fields, in its order, with their labels.
    let lines: [FormLine] = fields.map { .field($0, label: t($0.labelKey)) }
    FormLayout.render(
      state, lines: lines, focused: focused, placeholders: [.nextReview: t("wizard.about.date.format")],
      in: rect.dropTop(y).top(2), into: &grid)
    y += 3
    if let limit {
      y += grid.wrap(t("wizard.follow-up.latest", ["date": limit.description]), in: rect, row: y, style: .dim, maxLines: 1, memo: state.wrapMemo)
    }
    let warnings = state.assessment?.followUpWarnings ?? []
    for warning in warnings {
      let style: CellStyle = warning == .noNextReview ? .dim : .risk
      y += grid.wrap(t("wizard.follow-up.warning.\(warning.rawValue)", ["date": limit?.description ?? ""]), in: rect, row: y, style: style, maxLines: 2, memo: state.wrapMemo)
    }
    if warnings.isEmpty, !session.followUp.nextReview.isEmpty {
      y += grid.wrap(t("wizard.follow-up.ok"), in: rect, row: y, style: .good, maxLines: 2, memo: state.wrapMemo)
    }
    y += 1
    let area = rect.dropTop(y)
    switch state.currentPreviousRound?.outcome {
    case .failed(let reason)?:
      grid.wrap(t("wizard.followup.compare.failed", ["reason": reason]), in: area, style: .error, maxLines: 2, memo: state.wrapMemo)
    case .read(let previous)?:
      if let comparison { CompareBlock(state: state, comparison: comparison, previous: previous).render(in: area, into: &grid) }
    case nil:
      if focused == .previousRound {
        grid.wrap(t("wizard.followup.compare.hint"), in: area, style: .dim, maxLines: 2, memo: state.wrapMemo)
      }
    }
  }
}

/// The comparison with the previous round, laid out to the rows there are: the title, residual
/// risk per level (and untapped opportunity beside it when the screen is wide enough), then the
/// findings whose risk band moved and the actions newly suggested and no longer suggested, each a
/// heading with its count and as many titles as fit. Everything is clipped to the area.
struct CompareBlock {
  let state: WizardState
  let comparison: RoundComparison
  let previous: Session

  private var t: Localizer { state.localizer }

  /// The findings whose risk band differs between the rounds.
  /// Findings scored in both rounds whose risk band differs; one scored in only one round has no band to compare.
  var movedFindings: [RoundComparison.Change] {
    (screening ? comparison.findingScreening : comparison.findingRisk)
      .filter { $0.oldBand != nil && $0.newBand != nil && $0.oldBand != $0.newBand }
  }

  /// Whether the rounds are compared by their screenings: quick scans with no residual risk on
  /// any level, where the residual-risk column would hold only dashes.
  var screening: Bool { comparison.screens && !comparison.scoresLevels }

  /// A score and its band, "62 høj", or "–" when the level or finding had too few answers.
  func cell(_ value: Double?, _ band: Band?) -> String {
    guard let value else { return "–" }
    return t.number(value) + " " + t("wizard.band.\((band ?? .low).rawValue)")
  }

  /// The change between the figures as shown (so that 62 → 41 reads −21), signed; nil when
  /// either round has no figure.
  static func delta(_ change: RoundComparison.Change) -> Int? {
    guard let old = change.old, let new = change.new else { return nil }
    return Int(new.rounded(.down)) - Int(old.rounded(.down))
  }

  /// "(−21)", "(+5)" or "(±0)"; empty without both figures.
  static func deltaText(_ change: RoundComparison.Change) -> String {
    guard let d = delta(change) else { return "" }
    return "(" + (d < 0 ? "−\(-d)" : d > 0 ? "+\(d)" : "±0") + ")"
  }

  /// Lower is better for both residual risk and untapped opportunity.
  static func deltaStyle(_ change: RoundComparison.Change) -> CellStyle {
    guard let d = delta(change) else { return .dim }
    return d < 0 ? .good : d > 0 ? .risk : .dim
  }

  /// One side of a level row: the old cell, the arrow, the new cell and the change, each column
  /// padded to the widest of the rows so that the arrows line up.
  struct Column {
    var changes: [RoundComparison.Change]
    var oldWidth: Int
    var newWidth: Int
    var deltaWidth: Int
    var width: Int { oldWidth + 3 + newWidth + 2 + deltaWidth }
  }

  /// The column widths for `changes`.
  func column(_ changes: [RoundComparison.Change]) -> Column {
    Column(
      changes: changes, oldWidth: changes.map { Text.width(cell($0.old, $0.oldBand)) }.max() ?? 1,
      newWidth: changes.map { Text.width(cell($0.new, $0.newBand)) }.max() ?? 1,
      deltaWidth: changes.map { Text.width(Self.deltaText($0)) }.max() ?? 0)
  }

  /// Draws one before → after (change) at column `x` of `row`.
  func drawChange(_ change: RoundComparison.Change, _ column: Column, in rect: Rect, row: Int, at x: Int, into grid: inout Grid) {
    let old = Text.pad(cell(change.old, change.oldBand), to: column.oldWidth)
    let new = Text.pad(cell(change.new, change.newBand), to: column.newWidth)
    grid.put(old + " → ", in: rect, row: row, column: x, style: change.oldBand == nil ? .dim : .normal)
    grid.put(new, in: rect, row: row, column: x + column.oldWidth + 3, style: ProfileScreen.bandStyle(change.newBand))
    grid.put(
      Self.deltaText(change), in: rect, row: row, column: x + column.oldWidth + 3 + column.newWidth + 2,
      style: Self.deltaStyle(change))
  }

  /// Draws the comparison into `rect`, clipped to it.
  func render(in rect: Rect, into grid: inout Grid) {
    let date = previous.about.date.isEmpty ? (state.currentPreviousRound?.path ?? "") : previous.about.date
    grid.put(Text.truncate(t("wizard.followup.compare.title", ["date": date]), to: rect.width, ellipsis: true), in: rect, row: 0, style: .title)

    let levelRisk = screening ? comparison.levelScreening : comparison.levelRisk
    let names = levelRisk.map { state.levelName($0.id) }
    let nameWidth = min(max(rect.width / 4, 8), names.map(Text.width).max() ?? 8)
    let risk = column(levelRisk)
    let opportunity = column(comparison.levelOpportunity)
    let riskX = nameWidth + 2
    let riskTitle = t(screening ? "wizard.followup.compare.screening" : "wizard.followup.compare.risk")
    let opportunityTitle = t("wizard.followup.compare.opportunity")
    // The column is as wide as its figures or its heading, so that a heading never runs into the next one.
    let opportunityX = riskX + max(risk.width, Text.width(riskTitle)) + 4
    // A quick scan has no untapped opportunity to set beside its screenings.
    let wide = !screening && opportunityX + max(opportunity.width, Text.width(opportunityTitle)) <= rect.width
    let riskTitleWidth = wide ? opportunityX - riskX - 1 : rect.width - riskX
    grid.put(Text.truncate(riskTitle, to: riskTitleWidth, ellipsis: true), in: rect, row: 1, column: riskX, style: .dim)
    if wide {
      grid.put(opportunityTitle, in: rect, row: 1, column: opportunityX, style: .dim)
    }
    var y = 2
    for (i, change) in levelRisk.enumerated() {
      grid.put(Text.truncate(names[i], to: nameWidth, ellipsis: true), in: rect, row: y)
      drawChange(change, risk, in: rect, row: y, at: riskX, into: &grid)
      if wide, comparison.levelOpportunity.indices.contains(i) {
        drawChange(comparison.levelOpportunity[i], opportunity, in: rect, row: y, at: opportunityX, into: &grid)
      }
      y += 1
    }

    // The three lists share what is left: a heading each, then one title per row, dealt out in
    // turn so that none is crowded out; a spare row between the parts when there is room.
    let findings = movedFindings
    let done = comparison.doneActions.map { item in
      item.title.isEmpty ? (item.action.flatMap(state.pack.action).map { t($0.title) } ?? "") : item.title
    }
    // The questions to management of the earlier round, each with where it stands now.
    let questions = comparison.questions.map { q in
      let mark = q.answeredButStillUnknown ? " !" : ""
      return t("wizard.followup.compare.question", ["status": t("report.mq.status." + q.record.status.rawValue), "text": t(q.previous.question.text)]) + mark
    }
    let answeredQuestions = comparison.questions.filter { $0.record.status == .answered }.count
    let counts = [findings.count, comparison.newActions.count, comparison.resolvedActions.count, done.count, questions.count]
    var left = rect.height - y - 4
    let spaced = left >= counts.reduce(0, +) + 4 + 3
    if spaced { left -= 4 }
    var rows = [0, 0, 0, 0, 0]
    var dealt = true
    while left > 0 && dealt {
      dealt = false
      for i in 0..<5 where left > 0 && rows[i] < counts[i] {
        rows[i] += 1
        left -= 1
        dealt = true
      }
    }

    if spaced { y += 1 }
    // The before → after of the listed findings, in columns like the levels'.
    let tags = column(Array(findings.prefix(rows[0])))
    let findingTitles = findings.map { c in
      (pack: state.pack.finding(c.id).map { t($0.title) + " (" + state.levelName($0.level) + ")" } ?? c.id, change: c)
    }
    y += section(
      t(findings.isEmpty ? "wizard.followup.compare.findings.none" : "wizard.followup.compare.findings", ["n": String(findings.count)]),
      titles: findingTitles.map(\.pack), rows: rows[0], in: rect, row: y, into: &grid
    ) { i, row, grid in
      let c = findingTitles[i].change
      let old = Text.pad(cell(c.old, c.oldBand), to: tags.oldWidth) + " → "
      let new = cell(c.new, c.newBand)
      let x = rect.width - tags.oldWidth - 3 - tags.newWidth
      grid.put(Text.truncate("  " + findingTitles[i].pack, to: x - 2, ellipsis: true), in: rect, row: row)
      grid.put(old, in: rect, row: row, column: x, style: c.oldBand == nil ? .dim : .normal)
      grid.put(new, in: rect, row: row, column: x + tags.oldWidth + 3, style: ProfileScreen.bandStyle(c.newBand))
    }
    for (k, ids) in [(1, comparison.newActions), (2, comparison.resolvedActions), (3, [])] {
      if spaced { y += 1 }
      let key = ["", "wizard.followup.compare.new-actions", "wizard.followup.compare.resolved-actions",
        "wizard.followup.compare.done-actions"][k]
      let titles = k == 3 ? done : ids.map { id in state.pack.action(id).map { t($0.title) } ?? id }
      y += section(t(key, ["n": String(titles.count)]), titles: titles, rows: rows[k], in: rect, row: y, into: &grid) { i, row, grid in
        grid.put(Text.truncate("  " + titles[i], to: rect.width, ellipsis: true), in: rect, row: row)
      }
    }
    if !questions.isEmpty {
      if spaced { y += 1 }
      let heading = t("wizard.followup.compare.questions", ["answered": String(answeredQuestions), "n": String(questions.count)])
      y += section(heading, titles: questions, rows: rows[4], in: rect, row: y, into: &grid) { i, row, grid in
        grid.put(Text.truncate("  " + questions[i], to: rect.width, ellipsis: true), in: rect, row: row)
      }
    }
    if left > 1 {
      grid.wrap(
        t("wizard.followup.compare.report", ["file": state.currentPreviousRound?.path ?? ""]), in: rect, row: y + 1, style: .dim,
        maxLines: left - 1, memo: state.wrapMemo)
    }
  }

  /// A heading with its count, then `rows` titles drawn by `item`; with no rows for them, the
  /// first titles follow the heading on its line, as many as fit. Returns the rows used.
  func section(
    _ heading: String, titles: [String], rows: Int, in rect: Rect, row: Int, into grid: inout Grid,
    item: (Int, Int, inout Grid) -> Void
  ) -> Int {
    var line = heading
    if rows == 0, !titles.isEmpty { line += " – " + titles.joined(separator: "; ") }
    grid.put(Text.truncate(line, to: rect.width, ellipsis: true), in: rect, row: row, style: .title)
    for i in 0..<min(rows, titles.count) { item(i, row + 1 + i, &grid) }
    return 1 + min(rows, titles.count)
  }
}
