import IglooContent
import IglooEngine

/// Step 5: what is unanswered, the "don't know" answers (things to find out) and where the
/// voices disagree (topics for dialogue). Enter jumps to the question.
enum ReviewScreen {
  static func render(_ state: WizardState, in rect: Rect, into grid: inout Grid) {
    let t = state.localizer
    guard let assessment = state.assessment else { return }
    let layout = state.reviewMemo.value(ReviewKey(session: assessment.session, language: state.language, width: rect.width)) {
      Self.layout(state, assessment, width: rect.width)
    }
    let counts = layout.counts
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
    guard !layout.rowOfEntry.isEmpty else {
      grid.wrap(t("wizard.review.all-done"), in: rect.dropTop(2), style: .good, memo: state.wrapMemo)
      return
    }
    let rows = layout.rows
    let selectedRow = layout.rowOfEntry.indices.contains(state.reviewSelection) ? layout.rowOfEntry[state.reviewSelection] : nil
    let list = rect.dropTop(2)
    let hintRows = list.height >= 12 ? 2 : 0
    ListView.render(rows, selected: selectedRow, in: list.top(list.height - hintRows), into: &grid)
    if hintRows > 0 {
      grid.wrap(t("wizard.review.hint"), in: list.dropTop(list.height - hintRows + 1), style: .dim, maxLines: 1, memo: state.wrapMemo)
    }
  }

  /// What the review's list shows, for one session, language and width: it is the same on every
  /// frame until one of them changes, and making it was most of a key on this screen.
  struct Layout {
    /// How many entries of each kind.
    var counts: [ReviewEntry.Kind: Int]
    /// The list's rows: a heading before each kind, a blank line between kinds.
    var rows: [ListRow]
    /// The row of each entry, by the entry's index.
    var rowOfEntry: [Int]
  }

  /// The key of ``Layout``: everything it is made from (the assessment is the session's).
  struct ReviewKey: Equatable {
    var session: Session
    var language: Language
    var width: Int
  }

  static func layout(_ state: WizardState, _ assessment: Assessment, width: Int) -> Layout {
    let t = state.localizer
    let entries = state.reviewEntries(assessment)
    let counts = Dictionary(grouping: entries, by: \.kind).mapValues(\.count)
    var rows: [ListRow] = []
    var rowOfEntry: [Int] = []
    var lastKind: ReviewEntry.Kind?
    // The place column is as wide as its longest name plus two spaces, so no name runs into the
    // statement; at most a third of the width, where a longer name is shortened with an ellipsis.
    let places = state.pack.levels.map { state.levelName($0.id) } + [t("wizard.step.absence.short")]
    let placeWidth = min(max(4, width / 3), places.map(Text.width).max() ?? 10)
    for entry in entries {
      if entry.kind != lastKind {
        if lastKind != nil { rows.append(.blank) }
        rows.append(.header(t("wizard.review.\(entry.kind.rawValue)", ["n": String(counts[entry.kind] ?? 0)])))
        lastKind = entry.kind
      }
      rowOfEntry.append(rows.count)
      let q = state.pack.question(entry.question)
      let where_ = q.map { $0.isAbsence ? t("wizard.step.absence.short") : (state.pack.level(of: $0).map(state.levelName) ?? "") } ?? ""
      var right: [Span] = []
      if entry.kind == .disagreement, let d = assessment.disagreements.first(where: { $0.question == entry.question }) {
        let voices = state.session?.voices ?? []
        let text = voices.enumerated().compactMap { i, v in d.points[v.id].map { "\(state.displayName(ofVoice: i)) \($0)" } }
          .joined(separator: " · ")
        right = [Span(" " + text + (d.resolved ? " " + t("wizard.review.agreed") : ""), d.resolved ? .good : .risk)]
      }
      if let id = entry.voice, let i = state.session?.voices.firstIndex(where: { $0.id == id }) {
        right = [Span(" " + state.displayName(ofVoice: i), .risk)]
      }
      rows.append(ListRow(spans: [Span("  " + Text.pad(Text.truncate(where_, to: placeWidth, ellipsis: true), to: placeWidth + 2), .dim), Span(q.map { t($0.text) } ?? entry.question)], right: right))
    }
    return Layout(counts: counts, rows: rows, rowOfEntry: rowOfEntry)
  }
}
