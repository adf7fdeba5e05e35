import IglooContent
import IglooEngine

/// Step 7: the suggested actions, ranked, with why each was suggested; the users accept,
/// reject, edit or add their own.
enum PlanScreen {
  static func render(_ state: WizardState, in rect: Rect, into grid: inout Grid) {
    let t = state.localizer
    guard let assessment = state.assessment else { return }
    let entries = state.planEntries(assessment)
    let accepted = entries.filter { [.accepted, .inProgress, .done].contains(state.planStatus($0)) }.count
    grid.put(
      Text.truncate(t("wizard.plan.summary", ["suggested": String(assessment.recommendations.count), "accepted": String(accepted)]),
        to: rect.width, ellipsis: true), in: rect, row: 0, style: .dim)
    var top = 1
    if assessment.individualWarning {
      top += grid.wrap(t("wizard.plan.individual-warning"), in: rect, row: 1, style: .risk, maxLines: 2, memo: state.wrapMemo)
    }
    let (standing, standingStyle) = approvalLine(state)
    top += grid.wrap(standing, in: rect, row: top, style: standingStyle, maxLines: 1, memo: state.wrapMemo)
    top += 1
    guard !entries.isEmpty else {
      grid.wrap(t("wizard.plan.empty"), in: rect.dropTop(top), style: .dim, memo: state.wrapMemo)
      return
    }
    let statusWidth = PlanStatus.allCases.map { Text.width(t("wizard.status.\($0.rawValue)")) }.max() ?? 10
    let levelWidth = min(14, state.pack.levels.map { Text.width(t($0.name)) }.max() ?? 10)
    let rows: [ListRow] = entries.map { entry in
      let status = state.planStatus(entry)
      let incomplete = entry.planIndex.map { state.session?.plan[$0].isIncomplete ?? false } ?? false
      var mark: Span
      switch status {
      case .accepted, .inProgress, .done: mark = Span("✓ ", .good)
      case .inPlace: mark = Span("≡ ", .good)
      case .rejected: mark = Span("✗ ", .dim)
      case .suggested: mark = Span("· ", .dim)
      }
      if incomplete { mark = Span("! ", .risk) }
      let rank = entry.recommendation.map { String($0.rank) + ". " } ?? (entry.isOwn ? "+  " : "   ")
      let level = entry.planIndex.flatMap { state.session?.plan[$0].level } ?? entry.action?.level ?? ""
      let bandStyle = entry.recommendation.map { ProfileScreen.bandStyle($0.band) } ?? .dim
      return ListRow(
        spans: [mark, Span(rank, bandStyle), Span(state.planTitle(entry), status == .rejected ? .dim : .normal)],
        right: [Span(" " + Text.pad(Text.truncate(state.levelName(level), to: levelWidth - 1, ellipsis: true), to: levelWidth) + " ", .dim), Span(Text.pad(t("wizard.status.\(status.rawValue)"), to: statusWidth), .title)])
    }
    let body = rect.dropTop(top)
    // Side by side only where the list still gets its width at 80 columns and the detail a
    // readable column: a wider screen must never cut more of a title than a narrower one.
    let wide = rect.width >= 124
    let listArea: Rect
    let detailArea: Rect
    if wide {
      // The list keeps at least the width it has at 80 columns, so a wider screen never cuts
      // more of a title; the detail pane takes what is left.
      let w = min(rect.width - 36, max(rect.width * 3 / 5, 78))
      listArea = body.left(w)
      detailArea = body.dropLeft(w + 2)
    } else {
      let detailHeight = max(0, min(max(7, body.height / 3), body.height - 5))
      listArea = body.top(body.height - detailHeight)
      detailArea = body.dropTop(body.height - detailHeight)
    }
    let selected = min(state.planSelection, entries.count - 1)
    ListView.render(rows, selected: selected, in: listArea, into: &grid)
    var y = 0
    if !wide, !detailArea.isEmpty {
      grid.put(String(repeating: "─", count: detailArea.width), in: detailArea, row: 0, style: .dim)
      y = 1
    }
    drawDetail(state, entries[selected], in: detailArea.dropTop(y), into: &grid)
  }

  /// Why the action was suggested, what the report says to do, and who usually owns it.
  static func drawDetail(_ state: WizardState, _ entry: PlanEntry, in rect: Rect, into grid: inout Grid) {
    let t = state.localizer
    var y = 0
    if let r = entry.recommendation {
      for reason in r.reasons.prefix(2) {
        y += grid.wrap(describe(reason, state), in: rect, row: y, style: ProfileScreen.bandStyle(r.band), maxLines: 2, memo: state.wrapMemo)
      }
    } else if entry.action != nil {
      y += grid.wrap(t("wizard.plan.no-longer-suggested"), in: rect, row: y, style: .dim, maxLines: 1, memo: state.wrapMemo)
    }
    if let i = entry.planIndex, let item = state.session?.plan[i] {
      var facts: [String] = []
      if !item.responsible.isEmpty { facts.append(t("wizard.plan.field.responsible") + ": " + item.responsible) }
      if !item.deadline.isEmpty { facts.append(t("wizard.plan.field.deadline") + ": " + item.deadline) }
      if !item.followUp.isEmpty { facts.append(t("wizard.plan.field.follow-up") + ": " + item.followUp) }
      if let rescore = state.rescore, rescore.planIndex == i {
        for f in rescore.before {
          let title = state.pack.finding(f.id).map { t($0.shortTitle) } ?? f.id
          let now = state.rescoreFigure(f)
          y += grid.wrap(
            t("wizard.rescore.before-after", [
              "finding": title, "before": f.score.map { t.number($0) } ?? "–", "after": now.map { t.number($0) } ?? "–",
            ]), in: rect, row: y, style: .good, maxLines: 1, memo: state.wrapMemo)
        }
      }
      if item.isIncomplete {
        y += grid.wrap(
          t("wizard.plan.incomplete", ["missing": state.missingText(item.missing)]), in: rect, row: y, style: .risk, maxLines: 1, memo: state.wrapMemo)
      }
      if !facts.isEmpty { y += grid.wrap(facts.joined(separator: " · "), in: rect, row: y, maxLines: 2, memo: state.wrapMemo) }
      // The users' own words are marked as theirs, and never shown with the report's source.
      if !item.how.trimmingCharacters(in: .whitespaces).isEmpty {
        y += grid.wrap(t("wizard.plan.own-how", ["text": item.how]), in: rect, row: y, style: .dim, maxLines: 2, memo: state.wrapMemo)
      }
      if entry.action != nil, !item.title.trimmingCharacters(in: .whitespaces).isEmpty {
        y += grid.wrap(t("wizard.plan.own-title"), in: rect, row: y, style: .dim, maxLines: 1, memo: state.wrapMemo)
      }
    }
    if let action = entry.action {
      let owner = state.pack.role(action.owner).map { t($0.name) } ?? action.owner
      let kind = t(action.collective ? "wizard.plan.collective" : "wizard.plan.individual")
      y += grid.wrap(t("wizard.plan.owner", ["owner": owner]) + " · " + kind, in: rect, row: y, style: .dim, maxLines: 1, memo: state.wrapMemo)
      let ownHow = entry.planIndex.map { !(state.session?.plan[$0].how.trimmingCharacters(in: .whitespaces).isEmpty ?? true) } ?? false
      if !ownHow { y += grid.wrap(t(action.how), in: rect, row: y, maxLines: max(1, rect.height - y - 1), memo: state.wrapMemo) }
      // A derived action is igloo's remedy for the report's point, not one the report states; say so.
      let sourceKey = action.derived ? "wizard.source.derived" : "wizard.source"
      grid.wrap(t(sourceKey, ["source": t.pack.source(action.source, t.language)]), in: rect, row: y, style: .dim, maxLines: 1, memo: state.wrapMemo)
    }
  }

  /// The detail pane's text in full, for the full-text overlay: every reason, the facts, the
  /// users' own words, and the report's advice with its source.
  static func detailParagraphs(_ state: WizardState, _ entry: PlanEntry) -> [FullText.Paragraph] {
    let t = state.localizer
    var out: [FullText.Paragraph] = []
    if let r = entry.recommendation {
      for reason in r.reasons { out.append(.init(text: describe(reason, state), style: ProfileScreen.bandStyle(r.band))) }
    } else if entry.action != nil {
      out.append(.init(text: t("wizard.plan.no-longer-suggested"), style: .dim))
    }
    if let i = entry.planIndex, let item = state.session?.plan[i] {
      let status = t("wizard.status.\(item.status.rawValue)")
      out.append(.init(text: t("wizard.plan.field.status") + ": " + status))
      for (key, value) in [
        ("wizard.plan.field.responsible", item.responsible), ("wizard.plan.field.deadline", item.deadline),
        ("wizard.plan.field.follow-up", item.followUp), ("wizard.plan.field.evaluation", item.evaluation),
      ] where !value.isEmpty {
        out.append(.init(text: t(key) + ": " + value))
      }
      if item.isIncomplete {
        out.append(.init(text: t("wizard.plan.incomplete", ["missing": state.missingText(item.missing)]), style: .risk))
      }
      if !item.how.trimmingCharacters(in: .whitespaces).isEmpty {
        out.append(.init(text: t("wizard.plan.own-how", ["text": item.how]), style: .dim))
      }
    }
    if let action = entry.action {
      out.append(.init(text: ""))
      let owner = state.pack.role(action.owner).map { t($0.name) } ?? action.owner
      let kind = t(action.collective ? "wizard.plan.collective" : "wizard.plan.individual")
      out.append(.init(text: t("wizard.plan.owner", ["owner": owner]) + " · " + kind, style: .dim))
      out.append(.init(text: t(action.how)))
      let sourceKey = action.derived ? "wizard.source.derived" : "wizard.source"
      out.append(.init(text: t(sourceKey, ["source": t.pack.source(action.source, t.language)]), style: .dim))
    }
    return out
  }

  /// Whether the plan is approved (by whom, when), or that it is not, with the key that does it.
  static func approvalLine(_ state: WizardState) -> (String, CellStyle) {
    let t = state.localizer
    guard let approval = state.session?.approval else { return (t("wizard.plan.not-approved"), .risk) }
    let names = approval.by.map { p in
      let role = state.pack.role(p.role).map { t($0.name) } ?? p.role
      return p.name.isEmpty ? role : p.role.isEmpty ? p.name : p.name + " (" + role + ")"
    }
    let approved = t("wizard.plan.approved", ["date": approval.date, "by": names.joined(separator: ", ")])
    // What was signed is not what the file holds now: say so where the approval is shown.
    if state.session?.approvalState == .changed { return (t("wizard.plan.changed-since-approval") + " " + approved, .risk) }
    return (approved, .good)
  }

  /// One reason in words: which finding scored what, or which answer set the action off.
  static func describe(_ reason: Recommendation.Reason, _ state: WizardState) -> String {
    let t = state.localizer
    switch reason {
    case .finding(let id, let score, let band, let opportunity):
      let title = state.pack.finding(id).map { t($0.shortTitle) } ?? id
      return t(
        opportunity ? "wizard.plan.reason.opportunity" : "wizard.plan.reason.risk",
        ["finding": title, "score": t.number(score), "band": t("wizard.band.\(band.rawValue)")])
    case .screening(let id, let score, let band, _):
      let title = state.pack.finding(id).map { t($0.title) } ?? id
      return t(
        "wizard.plan.reason.screening",
        ["finding": title, "score": t.number(score), "band": t("wizard.band.\(band.rawValue)")])
    case .answer(let question, let answer):
      let text = state.pack.question(question).map { t($0.text) } ?? question
      let value: String
      switch answer {
      case .dontKnow: value = t("wizard.answer.dont-know")
      case .value(let v):
        value = state.pack.info.scale.first { $0.value == v }.map { t($0.label) } ?? String(v)
      }
      return t("wizard.plan.reason.answer", ["question": text, "answer": value])
    case .flag(let id, let severity):
      let title = state.pack.context.first { $0.id == id }.map { t(severity == .clarify ? $0.clarify ?? $0.title : $0.title) } ?? id
      return t("wizard.plan.reason.flag.\(severity.rawValue)", ["title": title])
    }
  }
}
