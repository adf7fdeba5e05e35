import IglooContent
import IglooEngine

extension MarkdownReport {
  /// The profile per level and per technology, the charts and the strongest findings.
  static func summary(_ r: ReportContext, _ doc: inout MarkdownDocument) {
    let w = r.w
    doc.heading(2, w("summary.heading"))
    // A prohibited practice comes before everything else the summary says.
    for flag in r.assessment.prohibitedFlags {
      doc.labelled(
        w("summary.prohibited.label"),
        w("summary.prohibited.text", ["title": flag.item.title[r.language], "source": flag.item.source]))
    }
    doc.paragraph(w("summary.intro"))

    doc.heading(3, w("summary.levels.heading"))
    doc.table(profileHeader(w, first: w("profile.level")), r.assessment.levels.map { profileRow($0, w.level($0.id), r) },
      align: [.left, .left, .left, .left, .left, .right])

    doc.heading(3, w("summary.technologies.heading"))
    let technologyRows = r.assessment.technologies.map { profileRow($0, w.technology($0.id), r) }
      + [profileRow(r.assessment.overall, w("profile.overall"), r)]
    doc.table(profileHeader(w, first: w("profile.technology")), technologyRows,
      align: [.left, .left, .left, .left, .left, .right])

    doc.heading(3, w("summary.chart.heading"))
    doc.paragraph(w("summary.chart.caption"))
    doc.code("mermaid", Charts.mermaid(r))
    doc.code("text", Charts.text(r))

    doc.heading(3, w("summary.top.heading"))
    let top = r.assessment.topFindings(5)
    if top.isEmpty {
      doc.paragraph(w("summary.top.none"))
    } else {
      doc.rawNumbered(top.map { topLine($0, r) })
    }
    unscored(r, &doc)
  }

  /// The risks without a residual risk, named with why, so that none vanishes from the summary.
  static func unscored(_ r: ReportContext, _ doc: inout MarkdownDocument) {
    let w = r.w
    let unscored = r.assessment.unscoredRisks
    guard !unscored.isEmpty else { return }
    doc.paragraph(w("summary.unscored", ["count": String(unscored.count)]))
    doc.bullets(unscored.map { u in
      let item = w("unscored.item", ["finding": w.finding(u.finding), "reason": w("unscored." + u.reason.rawValue)])
      guard u.handlingUnknown, let e = r.assessment.result(u.finding)?.exposure?.value else { return item }
      return w("unscored.ranked", ["item": item, "score": w.scored(e, Band(e, r.pack.info.bands.risk))])
    })
  }

  /// The header of a profile table, whose first column names levels or technologies.
  static func profileHeader(_ w: Wording, first: String) -> [String] {
    [first, w("profile.risk"), w("profile.worst"), w("profile.untapped"), w("profile.realised"), w("profile.answered")]
  }

  /// One profile row: the average beside the worst finding, so one severe risk is never averaged away.
  static func profileRow(_ row: ProfileRow, _ name: String, _ r: ReportContext) -> [String] {
    let w = r.w
    func aggregate(_ a: Aggregate) -> String {
      if a.findings == 0 { return w("profile.no-findings") }
      return w.scored(a.average, a.band)
    }
    var worst = row.risk.findings == 0 ? w("profile.no-findings") : w("not-enough")
    if let id = row.risk.worstFinding, let score = row.risk.worst {
      worst = w("profile.worst.value", ["finding": w.finding(id), "score": w.scored(score, row.risk.worstBand)])
    }
    return [
      name, aggregate(row.risk), worst, aggregate(row.opportunity),
      row.realised.map(Numbers.whole) ?? (row.opportunity.findings == 0 ? w("profile.no-findings") : w("not-enough")),
      w("profile.answered.value", ["answered": String(row.answered), "total": String(row.questions)]),
    ]
  }

  /// A strongest finding as one list item: its score, level, technology and source.
  static func topLine(_ result: FindingResult, _ r: ReportContext) -> String {
    let w = r.w
    let f = result.finding
    let score: String
    if result.rankedBy == .risk, result.handlingUnknown, let e = result.priority {
      score = w("top.handling-unknown", ["score": w.scored(e, result.priorityBand(r.pack.info.bands))])
    } else if let risk = result.residualRisk {
      score = w("top.risk", ["score": w.scored(risk, result.riskBand)])
    } else {
      score = w("top.opportunity", ["score": w.scored(result.untapped, result.opportunityBand)])
    }
    let detail = w(
      "top.detail",
      ["score": score, "level": w.level(f.level), "technology": w.technology(f.technology), "source": f.source])
    return Markdown.strong(f.title[r.language]) + " " + Markdown.fragment(detail)
  }
}
