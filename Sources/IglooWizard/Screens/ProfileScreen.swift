import IglooContent
import IglooEngine

/// Step 6: residual risk and untapped opportunity per IGLOO level and per technology as bars in
/// cells, how much is answered, and the strongest findings.
enum ProfileScreen {
  static func render(_ state: WizardState, in rect: Rect, into grid: inout Grid) {
    let t = state.localizer
    guard let assessment = state.assessment else { return }
    let overall = assessment.overall
    // A prohibited practice comes first, above every figure, then a ban still to be settled, as a
    // question; the rest moves down a row per item.
    let prohibited = assessment.prohibitedFlags
    let open = assessment.clarifyFlags
    for (i, flag) in prohibited.enumerated() {
      grid.put(
        Text.truncate(t("wizard.profile.prohibited", ["title": t(flag.item.title)]), to: rect.width, ellipsis: true),
        in: rect, row: i, style: .risk)
    }
    for (i, flag) in open.enumerated() {
      grid.put(
        Text.truncate(t("wizard.profile.clarify", ["title": flag.title(state.language)]), to: rect.width, ellipsis: true),
        in: rect, row: prohibited.count + i, style: .moderate)
    }
    let rect = rect.dropTop(prohibited.count + open.count)
    let quick = assessment.session.depth == .quick
    let progress = state.progress(assessment.session)
    let depth = assessment.depthDone
    let values = ["answered": String(progress.answered), "total": String(progress.total)].merging(depth.counts) { $1 }
    let depthKey = depth.key(
      quick: "wizard.profile.answered.quick", deepened: "wizard.profile.answered.deepened", full: "wizard.profile.answered")
    grid.put(Text.truncate(t(depthKey, values), to: rect.width, ellipsis: true), in: rect, row: 0, style: .dim)
    let unscored = assessment.unscoredRisks
    // The offer to deepen counts only findings not yet deepened, and goes once none is left.
    if quick && assessment.depthDone != .full {
      // The offer to deepen, with how many findings each key would deepen.
      let left = assessment.findings.filter { !assessment.session.deepened.contains($0.finding.id) }.count
      let screened = assessment.findingsToDeepen.count
      // Nothing screened moderate or high: nothing is offered, only the way to deepen all.
      grid.put(
        Text.truncate(
          t(screened == 0 ? "wizard.profile.deepen.none" : "wizard.profile.deepen", ["screened": String(screened), "all": String(left)]),
          to: rect.width, ellipsis: true), in: rect, row: 1, style: screened == 0 ? .dim : .good)
    } else if !unscored.isEmpty {
      grid.put(
        Text.truncate(t("wizard.profile.unscored", ["count": String(unscored.count)]), to: rect.width, ellipsis: true),
        in: rect, row: 1, style: .moderate)
    }

    let nameWidth = min(rect.width >= 78 ? 24 : rect.width / 4, max(10, (assessment.levels.map { Text.width(state.levelName($0.id)) }
      + assessment.technologies.map { id in Text.width(state.pack.technology(id.id).map { t($0.name) } ?? id.id) }).max() ?? 10))
    let half = (rect.width - nameWidth - 2) / 2
    let barWidth = max(4, min(30, half - 16))
    // A quick scan shows screenings, under their own headings, never as residual risk or untapped opportunity.
    grid.put(
      Text.truncate(t(quick ? "wizard.profile.screening-risk" : "wizard.profile.risk"), to: half - 1, ellipsis: true), in: rect,
      row: 2, column: nameWidth + 2, style: .title)
    grid.put(
      Text.truncate(t(quick ? "wizard.profile.screening-opportunity" : "wizard.profile.opportunity"), to: half - 1, ellipsis: true),
      in: rect, row: 2, column: nameWidth + 2 + half, style: .title)
    var y = 3
    for row in assessment.levels {
      drawRow(state, name: state.levelName(row.id), row, nameWidth: nameWidth, half: half, barWidth: barWidth, in: rect, y: y, into: &grid)
      y += 1
    }
    let findingsArea: Rect
    // Technologies get their rows whenever at least five rows are left for the strongest findings
    // (always at 80×24 with the four technologies), since PRODUCT.md asks for both profiles.
    let technologyRows = assessment.technologies.count + 2
    if !assessment.technologies.isEmpty, rect.height - (y + technologyRows + 1) >= 5 {
      y += 1
      grid.put(t("wizard.profile.technologies"), in: rect, row: y, style: .title)
      y += 1
      for row in assessment.technologies {
        let name = state.pack.technology(row.id).map { t($0.name) } ?? row.id
        drawRow(state, name: name, row, nameWidth: nameWidth, half: half, barWidth: barWidth, in: rect, y: y, into: &grid)
        y += 1
      }
    }
    y += 1
    findingsArea = rect.dropTop(y)
    drawTopFindings(state, assessment, in: findingsArea, into: &grid)
  }

  static func bandStyle(_ band: Band?) -> CellStyle {
    switch band {
    case .high?: .risk
    case .moderate?: .moderate
    case .low?: .good
    case nil: .dim
    }
  }

  static func drawRow(
    _ state: WizardState, name: String, _ row: ProfileRow, nameWidth: Int, half: Int, barWidth: Int, in rect: Rect, y: Int,
    into grid: inout Grid
  ) {
    let t = state.localizer
    grid.put(Text.truncate(name, to: nameWidth, ellipsis: true), in: rect, row: y)
    let sides = state.session?.depth == .quick
      ? [row.screening?.risk, row.screening?.opportunity].compactMap { $0 } : [row.risk, row.opportunity]
    for (i, side) in sides.enumerated() {
      let x = nameWidth + 2 + i * half
      let style: CellStyle = i == 0 ? bandStyle(side.band) : .opportunity
      if side.findings == 0 {
        grid.put(t("wizard.profile.not-applicable"), in: rect, row: y, column: x, style: .dim)
        continue
      }
      guard let average = side.average else {
        grid.put(t(i == 0 ? "wizard.profile.unknown" : "wizard.profile.not-enough"), in: rect, row: y, column: x, style: .dim)
        continue
      }
      Bar.draw(average, width: barWidth, style: style, in: rect, row: y, column: x, into: &grid)
      var label = " " + t.number(average) + " " + t("wizard.band.\(side.band?.rawValue ?? "low")")
      if let worst = side.worst, worst > average, half - barWidth - Text.width(label) > 10 {
        label += " " + t("wizard.profile.worst", ["n": t.number(worst)])
      }
      grid.put(Text.truncate(label, to: half - barWidth - 1), in: rect, row: y, column: x + barWidth, style: style == .opportunity ? .opportunity : style)
    }
  }

  static func drawTopFindings(_ state: WizardState, _ assessment: Assessment, in rect: Rect, into grid: inout Grid) {
    let t = state.localizer
    guard rect.height >= 2 else { return }
    grid.put(t("wizard.profile.top-findings"), in: rect, row: 0, style: .title)
    // Unscored risks whose exposure is unknown too have no place in the ranking; they are named
    // below it, as many as fit.
    let unranked = assessment.unscoredRisks.filter { !$0.handlingUnknown }
    let room = max(0, rect.height - 1 - min(unranked.count, 2))
    let full = assessment.topFindings(room)
    let screened = assessment.session.depth == .quick ? Array(assessment.screenedFindings.prefix(max(0, room - full.count))) : []
    let top = full + screened
    guard !top.isEmpty || !unranked.isEmpty else {
      grid.wrap(t("wizard.profile.no-findings"), in: rect.dropTop(1), style: .dim, maxLines: 2, memo: state.wrapMemo)
      return
    }
    for (i, u) in unranked.prefix(max(0, rect.height - 1 - top.count)).enumerated() {
      let title = state.pack.finding(u.finding).map { t($0.shortTitle) } ?? u.finding
      let line = t("wizard.profile.unscored.item", ["finding": title, "reason": t("wizard.profile.unscored.\(u.reason.rawValue)")])
      grid.put(Text.truncate(line, to: rect.width, ellipsis: true), in: rect, row: top.count + 1 + i, style: .moderate)
    }
    let rows = findingRows(state, assessment, room: top.count, top: top)
    // The figures stand in one column: kind, then the number right-aligned, then the band; a
    // figure in words alone (handling unknown) is set flush right in the same width.
    let scored = rows.filter { !$0.score.isEmpty }
    let kindWidth = scored.map { Text.width($0.kind) }.max() ?? 0
    let scoreWidth = scored.map { Text.width($0.score) }.max() ?? 0
    let bandWidth = scored.map { Text.width($0.band) }.max() ?? 0
    let columnsWidth = scored.isEmpty ? 0 : kindWidth + 1 + scoreWidth + 1 + bandWidth
    let tagWidth = max(columnsWidth, rows.filter { $0.score.isEmpty }.map { Text.width($0.kind) }.max() ?? 0)
    for (i, row) in rows.enumerated() {
      var tag = row.kind
      if !row.score.isEmpty {
        tag = Text.pad(row.kind, to: kindWidth) + " " + String(repeating: " ", count: scoreWidth - Text.width(row.score)) + row.score
          + " " + Text.pad(row.band, to: bandWidth)
      }
      tag = String(repeating: " ", count: max(0, tagWidth - Text.width(tag))) + tag
      let title = "\(i + 1). " + row.title
      grid.put(Text.truncate(title, to: rect.width - tagWidth - 2, ellipsis: true), in: rect, row: i + 1)
      grid.put(tag, in: rect, row: i + 1, column: rect.width - tagWidth, style: row.style)
    }
  }

  /// One line of the strongest findings: the title with its level, and the figure in three parts
  /// (what it measures, the number, the band) so that the figures can be set in columns.
  struct FindingRow {
    var title: String
    var kind: String
    var score: String
    var band: String
    var style: CellStyle
    /// The figure as one text.
    var tag: String { [kind, score, band].filter { !$0.isEmpty }.joined(separator: " ") }
  }

  /// The ranked findings as rows, `room` of them (or those in `top`).
  static func findingRows(_ state: WizardState, _ assessment: Assessment, room: Int, top: [FindingResult]? = nil) -> [FindingRow] {
    let t = state.localizer
    let top = top ?? {
      let full = assessment.topFindings(room)
      let screened = assessment.session.depth == .quick ? Array(assessment.screenedFindings.prefix(max(0, room - full.count))) : []
      return full + screened
    }()
    return top.map { result in
      let title = t(result.finding.shortTitle) + " (" + state.levelName(result.finding.level) + ")"
      if !result.hasFullFigure, let screening = result.screening, let value = screening.value {
        return FindingRow(
          title: title, kind: t("wizard.profile.screening-short"), score: t.number(value),
          band: t("wizard.band.\(screening.band?.rawValue ?? "low")"), style: screening.opportunity ? .opportunity : bandStyle(screening.band))
      }
      let isRisk = result.rankedBy == .risk
      let score = result.priority ?? 0
      let band = result.priorityBand(state.pack.info.bands)
      if result.handlingUnknown {
        return FindingRow(title: title, kind: t("wizard.profile.handling-unknown", ["n": t.number(score)]), score: "", band: "", style: bandStyle(band))
      }
      return FindingRow(
        title: title, kind: t(isRisk ? "wizard.profile.risk-short" : "wizard.profile.opportunity-short"), score: t.number(score),
        band: t("wizard.band.\(band?.rawValue ?? "low")"), style: isRisk ? bandStyle(band) : .opportunity)
    }
  }
}
