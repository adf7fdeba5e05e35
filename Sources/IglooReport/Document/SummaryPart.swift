import Foundation
import IglooContent
import IglooEngine

/// The summary a committee and management read: at most three A4 pages, with everything else
/// left to the working papers.
extension ReportBuilder {
  /// The summary's sections, in reading order: page 1 is what a manager needs (the source, the
  /// conclusion, the legal items that demand action, the three most important actions, then the
  /// profile); the facts, the plan and the approval follow.
  static func summary(_ r: ReportContext, _ doc: inout ReportDocument) {
    title(r, &doc)
    conclusion(r, &doc)
    voices(r, &doc)
    legalItems(r, &doc)
    topActions(r, &doc)
    profile(r, &doc)
    topFindings(r, &doc)
    unscored(r, &doc)
    participants(r, &doc)
    planSummary(r, &doc)
    // The approval stays on one page with the line before it, so the last page of a summary is
    // never the signature table alone.
    doc.keepTogether { doc in
      incompleteActions(r, &doc)
      questionCount(r, &doc)
      approval(r, &doc)
    }
  }

  /// With several voices, page 1 says how much each answered, how many statements they disagree on
  /// (two or more points apart) and the largest three, since a median can hide a split.
  static func voices(_ r: ReportContext, _ doc: inout ReportDocument) {
    let w = r.w
    let session = r.session
    guard session.voices.count > 1 else { return }
    let counts = session.voices.map { v in
      let p = session.progress(of: v.id, r.pack)
      return w("summary.voices.count", ["voice": w.voice(v.id, in: session), "answered": String(p.answered), "total": String(p.total)])
    }
    let open = r.assessment.disagreements.filter { !$0.resolved }
    var text = w("summary.voices.answered", ["counts": counts.joined(separator: "; ")])
    if open.isEmpty {
      text += " " + w("summary.voices.no-disagreements")
    } else {
      // The largest three topics: one statement per finding, so a finding split on several of its
      // statements is named once, by its largest split.
      var named: Set<String> = []
      let largest = open.enumerated().sorted { ($1.element.spread, $0.offset) < ($0.element.spread, $1.offset) }
        .compactMap { d -> String? in
          // A statement about a finding by the finding's short title; sickness absence by its statement.
          let finding =
            r.pack.question(d.element.question).flatMap(r.pack.leadFinding(of:)).map { $0.shortTitle[r.language] }
            ?? shortened(w.question(d.element.question), to: 60)
          guard named.insert(finding).inserted else { return nil }
          let points = session.voices.compactMap { v in
            d.element.points[v.id].map { w("summary.voices.point", ["voice": w.voice(v.id, in: session), "point": String($0)]) }
          }
          return w("summary.voices.disagreement", ["finding": finding, "points": points.joined(separator: ", ")])
        }.prefix(3)
      text += " " + w("summary.voices.disagreements", ["count": String(open.count), "largest": largest.joined(separator: "; ")])
    }
    doc.labelled(w("summary.voices.label"), text)
  }

  /// `text` cut at a word boundary to at most `limit` characters, with an ellipsis when cut.
  static func shortened(_ text: String, to limit: Int) -> String {
    guard text.count > limit else { return text }
    let cut = text.prefix(limit)
    return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + " …"
  }

  /// The risks without a residual risk, named with why, so that none vanishes from the summary.
  static func unscored(_ r: ReportContext, _ doc: inout ReportDocument) {
    let w = r.w
    let unscored = r.assessment.unscoredRisks
    guard !unscored.isEmpty else { return }
    doc.paragraph(w("summary.unscored", ["count": String(unscored.count)]))
    doc.bullets(
      unscored.map { u in
        let item = w("unscored.item", ["finding": w.shortFinding(u.finding), "reason": w("unscored." + u.reason.rawValue)])
        guard u.handlingUnknown, let e = r.assessment.result(u.finding)?.exposure?.value else { return item }
        return w("unscored.ranked", ["item": item, "score": w.scored(e, Band(e, r.pack.info.bands.risk))])
      })
  }

  /// The title, naming the workplace when it is given.
  static func title(_ r: ReportContext, _ doc: inout ReportDocument) {
    let w = r.w
    let workplace = r.session.about.workplace.trimmed(newlines: true)
    let group = r.session.about.group.trimmed(newlines: true)
    if group.isEmpty {
      doc.heading(1, workplace.isEmpty ? w("title") : w("title.workplace", ["workplace": workplace]))
    } else {
      // A workshop group's report names the group, so that the groups' papers are told apart.
      doc.heading(1, w("title.group", ["workplace": w.orNotGiven(workplace), "group": group]))
    }
    // A quick scan with no sickness-absence statement asked does not claim all four APV elements.
    doc.paragraph(w(r.session.depth == .quick && r.assessment.absence.isEmpty ? "intro.quick" : "intro"))
  }

  /// Who took part, what is in scope, and how deep the assessment went.
  static func participants(_ r: ReportContext, _ doc: inout ReportDocument) {
    let w = r.w
    let about = r.session.about
    doc.heading(2, w("who.heading"))
    let sector = about.sector.isEmpty ? w("not-given") : w.sector(about.sector)
    let people = about.participants.map { p in
      let name = p.name.trimmed(newlines: true)
      return name.isEmpty ? w.role(p.role) : w("meta.participant", ["name": name, "role": w.role(p.role)])
    }
    let progress = r.session.progress(r.pack)
    let made = r.session.content
    var content = w("meta.content.value", ["id": r.pack.info.id, "version": r.pack.info.version])
    if !made.id.isEmpty && (made.id != r.pack.info.id || made.version != r.pack.info.version) {
      content += " " + w("meta.content.made-with", ["id": made.id, "version": made.version])
    }
    var rows: [[String]] = [
      [w("meta.workplace"), w.orNotGiven(about.workplace)],
      [w("meta.unit"), w.orNotGiven(about.unit)],
      [w("meta.sector"), sector],
      [w("meta.employees"), about.employees.map(String.init) ?? w("not-given")],
      [w("meta.amo"), w("amo." + AMOModel(employees: about.employees).rawValue)],
      [w("meta.date"), w.orNotGiven(about.date)],
      [w("meta.participants"), people.isEmpty ? w("not-given") : people.joined(separator: "; ")],
      [w("meta.progress"), progressValue(r, progress)],
      depthRow(r),
      [w("meta.content"), content],
    ]
    // Several voices are named, with their counts, in "Answered" (and above, on page 1).
    if r.session.voices.count < 2 {
      rows.insert([w("meta.voices"), r.session.voices.map { w.voice($0.id, in: r.session) }.joined(separator: "; ")], at: rows.count - 3)
    }
    let group = about.group.trimmed(newlines: true)
    if !group.isEmpty { rows.insert([w("meta.group"), group], at: 1) }
    doc.table([w("meta.field"), w("meta.value")], rows, widths: [4.5, 12.5])

    guard let scope = r.session.scope else {
      doc.paragraph(w("scope.none-recorded"))
      return
    }
    guard !scope.isEmpty else {
      doc.paragraph(w("scope.empty"))
      return
    }
    doc.paragraph(w("scope.intro"))
    doc.table(
      [w("scope.use-case"), w("scope.stage"), w("scope.technologies")],
      scope.map { item in
        [
          w.useCase(item.useCase), w.stage(item.stage),
          (r.pack.useCase(item.useCase)?.technologies ?? []).map(w.technology).joined(separator: ", "),
        ]
      }, widths: [7.5, 3.5, 6.0])
  }

  /// "Answered" for the facts table: per voice when there are several, so a voice that answered 7 of
  /// 72 never reads as 72 of 72.
  static func progressValue(_ r: ReportContext, _ progress: (answered: Int, total: Int)) -> String {
    let w = r.w
    guard r.session.voices.count > 1 else {
      return w("meta.progress.value", ["answered": String(progress.answered), "total": String(progress.total)])
    }
    let each = r.session.voices.map { v in
      let p = r.session.progress(of: v.id, r.pack)
      return w("summary.voices.count", ["voice": w.voice(v.id, in: r.session), "answered": String(p.answered), "total": String(p.total)])
    }
    return each.joined(separator: "; ")
  }

  /// The profile per level: the chart, then the table with the worst finding by its short title.
  ///
  /// A quick scan's result is its screenings, so the summary shows them per level, as the wizard's
  /// Profile step does, in one table: each level's strongest risk is named with its one figure, the
  /// deepest there is (a deepened finding's residual risk, else its screening), with its kind in
  /// words. A second table of residual risks, mostly "not enough answers", would tell management
  /// the scan found nothing and give a finding two figures.
  static func profile(_ r: ReportContext, _ doc: inout ReportDocument) {
    let w = r.w
    if showsScreeningTable(r) {
      doc.heading(2, w("summary.levels.heading"))
      let deepened = r.assessment.depthDone != .quick
      doc.paragraph(w(deepened ? "screenings.intro.deepened" : "screenings.intro"))
      doc.table(
        [
          w("profile.level"), w("profile.screening-risk"),
          w(deepened ? "profile.deepest-strongest" : "profile.screening-strongest"), w("profile.screening-opportunity"),
          w("profile.answered"),
        ],
        r.assessment.levels.map { screeningRow($0, w.level($0.id), r) },
        widths: profileWidths, align: [.left, .left, .left, .left, .right])
      contestedLine(r, &doc)
      return
    }
    // The heading, what the figures mean and the chart stay on one page, and the chart with its table.
    doc.keepTogether { doc in
      doc.heading(2, w("summary.levels.heading"))
      doc.paragraph(w("summary.intro"))
      doc.chart(Charts.profile(r))
    }
    doc.table(
      profileHeader(w, first: w("profile.level")), r.assessment.levels.map { profileRow($0, w.level($0.id), r) },
      widths: profileWidths, align: [.left, .left, .left, .left, .right])
    contestedLine(r, &doc)
  }

  /// The line under a table with marked figures, saying what the mark means; nothing when no
  /// figure is marked.
  static func contestedLine(_ r: ReportContext, _ doc: inout ReportDocument) {
    guard !r.contested.isEmpty else { return }
    doc.paragraph(r.w("contested.line"))
  }

  /// The top findings, each by its short title with its score, level and source; in a quick scan
  /// the strongest screenings fill the list after the findings assessed in full, as in the wizard.
  static func topFindings(_ r: ReportContext, _ doc: inout ReportDocument) {
    let w = r.w
    doc.heading(2, w("summary.top.heading"))
    let top = r.assessment.summaryFindings(5)
    if top.isEmpty {
      doc.paragraph(w("summary.top.none"))
    } else {
      doc.numbered(top.map { topLine($0, r) })
    }
  }

  /// The action plan as what, who, deadline and status; why and how are in the working papers.
  static func planSummary(_ r: ReportContext, _ doc: inout ReportDocument) {
    let w = r.w
    doc.heading(2, w("plan.heading"))
    if r.assessment.individualWarning {
      doc.labelled(w("plan.individual-warning.label"), w("plan.individual-warning.text"))
    }
    let active = r.plan.filter { $0.rank != nil }
    guard !active.isEmpty else {
      doc.paragraph(w("plan.none"))
      return
    }
    doc.paragraph(w("plan.summary.intro"))
    // The plan's last rows go with the approval that follows, so its page never holds the approval alone.
    doc.table(
      planSummaryHeader(w), active.map { planSummaryRow($0, w) }, widths: [7.5, 4.5, 2.5, 2.5], keepTail: 3)
    // The incomplete actions are named with the approval (``incompleteActions(_:_:)``), on its page.
  }

  /// The actions that still lack a responsible person or a deadline, named: what an APV must be
  /// able to show, not only marked in the plan table.
  static func incompleteActions(_ r: ReportContext, _ doc: inout ReportDocument) {
    let w = r.w
    let incomplete = r.plan.filter { $0.rank != nil && !$0.missing.isEmpty }
    if !incomplete.isEmpty {
      doc.paragraph(w("summary.incomplete.intro", ["n": String(incomplete.count)]))
      doc.bullets(incomplete.map { w("summary.incomplete.item", ["title": $0.title, "missing": $0.missingText(w)]) })
    }
  }

  /// The summary plan table's header: what, who, deadline, status.
  static func planSummaryHeader(_ w: Wording) -> [String] {
    [w("plan.what"), w("plan.responsible"), w("plan.deadline"), w("plan.status")]
  }

  /// One action in the summary plan table, numbered by its rank.
  static func planSummaryRow(_ row: PlanRow, _ w: Wording) -> [String] {
    // A suggested action whose title the users reworded is marked as their wording.
    let title = row.ownTitle && !row.isOwn ? w("plan.own-title", ["title": row.title]) : row.title
    let what = row.rank.map { w("plan.numbered", ["rank": String($0), "title": title]) } ?? title
    return [what, dash(row.responsibleText(w)), dash(row.deadline), row.statusText(w)]
  }

  /// Who approved the action plan and when, with lines to sign; "not yet approved" until then.
  static func approval(_ r: ReportContext, _ doc: inout ReportDocument) {
    let w = r.w
    doc.heading(2, w("approval.heading"))
    let header = [w("approval.name"), w("approval.role"), w("approval.date"), w("approval.signature")]
    let widths = [4.5, 4.0, 2.5, 6.0]
    guard let approval = r.session.approval else {
      doc.paragraph(w("approval.none"))
      doc.table(header, [["", "", "", ""], ["", "", "", ""]], widths: widths, forSigning: true)
      doc.paragraph(fingerprintLine(r.session, w))
      return
    }
    let names = approval.by.map { p in
      p.name.isEmpty ? w.role(p.role)
        : p.role.isEmpty ? p.name : w("summary.approval.person", ["name": p.name, "role": w.role(p.role)])
    }
    doc.paragraph(w("summary.approval.done", ["by": names.joined(separator: ", "), "date": w.orNotGiven(approval.date)]))
    doc.table(
      header,
      approval.by.map { p in [w.orNotGiven(p.name), w.role(p.role), w.orNotGiven(approval.date), ""] },
      widths: widths, forSigning: true)
    doc.paragraph(fingerprintLine(r.session, w))
  }

  /// Column widths of a profile table, in centimetres.
  static let profileWidths = [3.2, 2.8, 5.6, 2.8, 2.6]

  /// The header of a profile table, whose first column names levels or technologies.
  static func profileHeader(_ w: Wording, first: String) -> [String] {
    [first, w("profile.risk"), w("profile.worst"), w("profile.untapped"), w("profile.answered")]
  }

  /// One profile row: the average beside the worst finding, so one severe risk is never averaged
  /// away; a figure resting on a median of disagreeing voices is marked.
  static func profileRow(_ row: ProfileRow, _ name: String, _ r: ReportContext) -> [String] {
    let w = r.w
    func aggregate(_ a: Aggregate, risk: Bool) -> String {
      if a.findings == 0 { return w("profile.no-findings") }
      let text = w.scored(a.average, a.band)
      return a.average == nil ? text : r.marked(text, r.isContested(group: row.id, risk: risk))
    }
    var worst = row.risk.findings == 0 ? w("profile.no-findings") : w("not-enough")
    if let id = row.risk.worstFinding, let score = row.risk.worst {
      worst = w(
        "profile.worst.value",
        ["finding": w.shortFinding(id), "score": r.marked(w.scored(score, row.risk.worstBand), r.contested.contains(id))])
    }
    return [
      name, aggregate(row.risk, risk: true), worst, aggregate(row.opportunity, risk: false),
      w("profile.answered.value", ["answered": String(row.answered), "total": String(row.questions)]),
    ]
  }

  /// One row of a quick scan's profile: the level's screenings on average, never called a residual
  /// risk, and its strongest risk by its one figure, the deepest there is, with its kind in words
  /// once some findings are deepened.
  static func screeningRow(_ row: ProfileRow, _ name: String, _ r: ReportContext) -> [String] {
    let w = r.w
    // The screening averages leave out the findings with a full figure, whose screening no longer counts.
    func screenedContested(risk: Bool) -> Bool {
      r.assessment.findings.contains { f in
        f.finding.level == row.id && !f.hasFullFigure && r.contested.contains(f.finding.id)
          && (risk ? f.finding.polarity.hasRisk : f.finding.polarity == .opportunity)
      }
    }
    func aggregate(_ a: Aggregate?, risk: Bool) -> String {
      guard let a, a.findings > 0 else {
        // Every finding of this side deepened: the strongest risk beside it carries the figure.
        let deepened = r.assessment.findings.contains { f in
          f.finding.level == row.id && f.applies && f.hasFullFigure
            && (risk ? f.finding.polarity.hasRisk : f.finding.polarity == .opportunity)
        }
        return w(deepened ? "profile.all-deepened" : "profile.no-findings")
      }
      let text = w.scored(a.average, a.band)
      return a.average == nil ? text : r.marked(text, screenedContested(risk: risk))
    }
    let deepened = r.assessment.depthDone != .quick
    let risks = r.assessment.findings.filter { $0.finding.level == row.id && $0.applies && $0.finding.polarity.hasRisk }
    var strongest = risks.isEmpty ? w("profile.no-findings") : w("not-enough")
    // The strongest by its one figure; on a tie the finding assessed in full, then the pack's order.
    let best = risks.enumerated().compactMap { i, f in figure(f, r).map { (i, f, $0) } }
      .max { ($0.2.value, $0.2.screening ? 0 : 1, -$0.0) < ($1.2.value, $1.2.screening ? 0 : 1, -$1.0) }
    if let (_, f, fig) = best {
      let score = deepened ? fig.text : w.scored(fig.value, fig.band)
      strongest = w(
        "profile.worst.value",
        ["finding": f.finding.shortTitle[r.language], "score": r.marked(score, r.contested.contains(f.finding.id))])
    }
    return [
      name, aggregate(row.screening?.risk, risk: true), strongest, aggregate(row.screening?.opportunity, risk: false),
      w("profile.answered.value", ["answered": String(row.answered), "total": String(row.questions)]),
    ]
  }

  /// The realised opportunity of a profile row, which the five-column table leaves out.
  static func realised(_ row: ProfileRow, _ name: String, _ r: ReportContext) -> String {
    let w = r.w
    let value =
      row.realised.map(Numbers.whole) ?? (row.opportunity.findings == 0 ? w("profile.no-findings") : w("not-enough"))
    return w("profile.realised.item", ["name": name, "value": value])
  }

  /// A top finding as one list item: its short title, its one figure with its kind (marked when it
  /// rests on disagreeing voices), level and technology; the source path is in the working papers.
  static func topLine(_ result: FindingResult, _ r: ReportContext) -> [ReportDocument.Run] {
    let w = r.w
    let f = result.finding
    let score = figure(result, r).map { r.marked($0.text, r.contested.contains(f.id)) } ?? w("not-enough")
    let detail = w("top.detail", ["score": score, "level": w.level(f.level), "technology": w.technology(f.technology)])
    return ReportDocument.item(f.shortTitle[r.language], detail)
  }

  /// A dash for an empty cell, so a missing deadline reads as missing rather than forgotten.
  static func dash(_ text: String) -> String {
    text.trimmed(newlines: true).isEmpty ? "–" : text
  }
}
