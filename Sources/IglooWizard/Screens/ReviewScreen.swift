import IglooContent
import IglooEngine

/// Step 5: what is unanswered, the "don't know" answers (things to find out) and where the
/// voices disagree (topics for dialogue). Enter jumps to the question.
enum ReviewScreen {
  static func render(_ state: WizardState, in rect: Rect, into grid: inout Grid) {
    let t = state.localizer
    guard let assessment = state.assessment else { return }
    let entries = state.reviewEntries(assessment)
    let counts = Dictionary(grouping: entries, by: \.kind).mapValues(\.count)
    let summary = t(
      "wizard.review.summary",
      [
        "unanswered": String(counts[.unanswered] ?? 0), "dontknow": String(counts[.dontKnow] ?? 0),
        "disagreements": String(counts[.disagreement] ?? 0),
      ])
    grid.put(Text.truncate(summary, to: rect.width, ellipsis: true), in: rect, row: 0, style: .dim)
    let incomplete = state.session?.incompletePlanItems.count ?? 0
    if incomplete > 0 {
      grid.put(
        Text.truncate(t("wizard.review.incomplete-actions", ["n": String(incomplete)]), to: rect.width, ellipsis: true),
        in: rect, row: 1, style: .risk)
    }
    guard !entries.isEmpty else {
      grid.wrap(t("wizard.review.all-done"), in: rect.dropTop(2), style: .good, memo: state.wrapMemo)
      return
    }
    var rows: [ListRow] = []
    var selectedRow: Int?
    var lastKind: ReviewEntry.Kind?
    // The place column is as wide as its longest name plus two spaces, so no name runs into the
    // statement; at most a third of the width, where a longer name is shortened with an ellipsis.
    let places = state.pack.levels.map { state.levelName($0.id) } + [t("wizard.step.absence.short")]
    let placeWidth = min(max(4, rect.width / 3), places.map(Text.width).max() ?? 10)
    for (i, entry) in entries.enumerated() {
      if entry.kind != lastKind {
        if lastKind != nil { rows.append(.blank) }
        rows.append(.header(t("wizard.review.\(entry.kind.rawValue)", ["n": String(counts[entry.kind] ?? 0)])))
        lastKind = entry.kind
      }
      if i == state.reviewSelection { selectedRow = rows.count }
      let q = state.pack.question(entry.question)
      let where_ = q.map { $0.kind == .absence ? t("wizard.step.absence.short") : (state.level(of: $0).map(state.levelName) ?? "") } ?? ""
      var right: [Span] = []
      if entry.kind == .disagreement, let d = assessment.disagreements.first(where: { $0.question == entry.question }) {
        let voices = state.session?.voices ?? []
        let text = voices.enumerated().compactMap { i, v in d.points[v.id].map { "\(state.displayName(ofVoice: i)) \($0)" } }
          .joined(separator: " · ")
        right = [Span(" " + text + (d.resolved ? " " + t("wizard.review.agreed") : ""), d.resolved ? .good : .risk)]
      }
      rows.append(ListRow(spans: [Span("  " + Text.pad(Text.truncate(where_, to: placeWidth, ellipsis: true), to: placeWidth + 2), .dim), Span(q.map { t($0.text) } ?? entry.question)], right: right))
    }
    let list = rect.dropTop(2)
    let hintRows = list.height >= 12 ? 2 : 0
    ListView.render(rows, selected: selectedRow, in: list.top(list.height - hintRows), into: &grid)
    if hintRows > 0 {
      grid.wrap(t("wizard.review.hint"), in: list.dropTop(list.height - hintRows + 1), style: .dim, maxLines: 1, memo: state.wrapMemo)
    }
  }
}
