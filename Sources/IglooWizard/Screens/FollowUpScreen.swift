import IglooContent
import IglooEngine

/// Step 8: the next review date (at most three years after the assessment, and sooner when the
/// AI changes) and the previous round's file for comparison.
enum FollowUpScreen {
  static func render(_ state: WizardState, in rect: Rect, into grid: inout Grid) {
    let t = state.localizer
    guard let session = state.session else { return }
    var y = grid.wrap(t("wizard.follow-up.intro"), in: rect, style: .dim, maxLines: 3) + 1
    let fields = state.followUpFields
    let focused = fields.indices.contains(state.followUpFocus) ? fields[state.followUpFocus] : nil
    let limit = CalendarDate(session.about.date)?.adding(years: 3)
    let lines: [FormLine] = [
      .field(.nextReview, label: t(FieldID.nextReview.labelKey)),
      .field(.previousRound, label: t(FieldID.previousRound.labelKey)),
    ]
    FormLayout.render(
      state, lines: lines, focused: focused, placeholders: [.nextReview: t("wizard.about.date.format")],
      in: rect.dropTop(y).top(2), into: &grid)
    y += 3
    if let limit {
      y += grid.wrap(t("wizard.follow-up.latest", ["date": limit.description]), in: rect, row: y, style: .dim, maxLines: 1)
    }
    let warnings = Assessment(session: session, pack: state.pack).followUpWarnings
    for warning in warnings {
      let style: CellStyle = warning == .noNextReview ? .dim : .risk
      y += grid.wrap(t("wizard.follow-up.warning.\(warning.rawValue)", ["date": limit?.description ?? ""]), in: rect, row: y, style: style, maxLines: 2)
    }
    if warnings.isEmpty, !session.followUp.nextReview.isEmpty {
      y += grid.wrap(t("wizard.follow-up.ok"), in: rect, row: y, style: .good, maxLines: 2)
    }
    y += 1
    if !session.followUp.previousRound.isEmpty {
      grid.wrap(t("wizard.follow-up.compare", ["file": session.followUp.previousRound]), in: rect, row: y, style: .dim, maxLines: 3)
    }
  }
}
