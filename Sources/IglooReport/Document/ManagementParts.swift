import IglooContent
import IglooEngine

/// The questions to management as a letter, the committee meeting's agenda, and the approval
/// fingerprint: what the rep takes from the assessment to the next step.
extension ReportBuilder {
  /// The fingerprint line of the approval block: the session as approved, or what changed.
  static func fingerprintLine(_ session: Session, _ w: Wording) -> String {
    let current = ApprovalFingerprint.short(session) ?? ""
    switch session.approvalState {
    case .notApproved: return w("fingerprint.not-approved", ["current": current])
    case .unchanged: return w("fingerprint.unchanged", ["current": current])
    case .unrecorded: return w("fingerprint.unrecorded", ["current": current])
    case .changed:
      let approved = String((session.approval?.fingerprint ?? "").prefix(ApprovalFingerprint.digits))
      return w("fingerprint.changed", ["approved": approved, "current": current])
    }
  }

  /// The summary's line on questions to management: how many are open, how many overdue.
  static func questionCount(_ r: ReportContext, _ doc: inout ReportDocument) {
    let counts = r.assessment.questionCounts
    guard counts.open > 0 else { return }
    doc.paragraph(
      r.w("summary.questions", ["open": String(counts.open), "overdue": String(counts.overdue), "date": r.w.orNotGiven(r.session.about.date)]))
  }

  /// The questions still open, as they go into the letter, numbered from 1.
  static func letterQuestions(_ a: Assessment) -> [RaisedQuestion] {
    a.managementQuestions.filter { $0.record.status == .open }
  }

  /// Who asks: the askers recorded, else the safety representatives among the participants.
  static func askers(_ r: ReportContext) -> String {
    var names: [String] = []
    for q in letterQuestions(r.assessment) where !q.record.askedBy.isEmpty && !names.contains(q.record.askedBy) {
      names.append(q.record.askedBy)
    }
    if names.isEmpty {
      names = r.session.about.participants.filter { $0.role == "amr" && !$0.name.isEmpty }.map(\.name)
    }
    return names.isEmpty ? r.w("letter.asker-default") : names.joined(separator: ", ")
  }

  /// The systems in scope, named with the users' own name for each where they gave one.
  static func systems(_ r: ReportContext) -> String {
    let items = (r.session.scope ?? []).map { s in
      s.note.isEmpty ? r.w.useCase(s.useCase) : "\(r.w.useCase(s.useCase)) (\(s.note))"
    }
    return items.isEmpty ? r.w.orNotGiven("") : items.joined(separator: "; ")
  }

  /// The legal basis of a question as one line, or nil where the content gives none.
  static func basis(_ q: RaisedQuestion, _ w: Wording) -> String? {
    guard !q.basis.isEmpty else { return nil }
    return q.basis.map { item in
      w("letter.basis-item", ["title": item.title[w.language], "source": w.source(item.source), "as_of": w.orNotGiven(item.asOf ?? "")])
    }.joined(separator: "; ")
  }

  /// What raised a question: the statements answered "ved ikke", or the use cases in scope.
  static func raisedBy(_ q: RaisedQuestion, _ w: Wording) -> String? {
    if !q.statements.isEmpty {
      return w("letter.raised-by", ["statements": q.statements.map { "»\(w.question($0))«" }.joined(separator: " ")])
    }
    if !q.useCases.isEmpty {
      return w("letter.raised-by-scope", ["use_cases": q.useCases.map { w.useCase($0) }.joined(separator: ", ")])
    }
    return nil
  }

  /// The letter to management: who asks on behalf of whom, the system, the numbered questions
  /// with whom they are put to, their basis and due date, and a line for each reply.
  static func questionsLetter(_ r: ReportContext, _ doc: inout ReportDocument) {
    let w = r.w
    let about = r.session.about
    let workplace = [about.workplace, about.unit].map { $0.trimmed(newlines: true) }.filter { !$0.isEmpty }.joined(separator: ", ")
    doc.heading(1, w("letter.title"))
    doc.paragraph(w("letter.to", ["workplace": w.orNotGiven(workplace)]))
    doc.paragraph(w("letter.from", ["askers": askers(r)]))
    doc.paragraph(w("letter.date", ["date": w.orNotGiven(about.date)]))
    doc.paragraph(w("letter.system", ["systems": systems(r)]))
    let questions = letterQuestions(r.assessment)
    guard !questions.isEmpty else {
      doc.paragraph(w("letter.none"))
      return
    }
    doc.paragraph(w("letter.intro", ["date": w.orNotGiven(about.date)]))
    for (n, q) in questions.enumerated() {
      doc.paragraph([.bold("\(n + 1). "), .bold(q.question.text[w.language])])
      var details: [[ReportDocument.Run]] = []
      var line = [w("letter.ask", ["ask": w("mq.ask." + q.question.ask.rawValue)])]
      if !q.record.due.isEmpty { line.append(w("letter.due", ["due": q.record.due])) }
      details.append([.plain(line.joined(separator: ". "))])
      if let basis = basis(q, w) { details.append([.plain(w("letter.basis", ["basis": basis]))]) }
      if let raised = raisedBy(q, w) { details.append([.plain(raised)]) }
      doc.bullets(details)
      doc.paragraph(w("letter.reply"))
    }
    let closed = r.assessment.managementQuestions.count - questions.count
    if closed > 0 { doc.paragraph(w("letter.answered-elsewhere", ["count": String(closed)])) }
    // The session the letter was made from, so that it can be checked like every export.
    doc.paragraph(fingerprintLine(r.session, w))
  }

  // MARK: The agenda

  /// Shares `minutes` out over items in proportion to their weights, in whole minutes that add up
  /// to exactly `minutes` (largest remainder; ties go to the earlier item).
  static func shareOut(_ minutes: Int, weights: [Int]) -> [Int] {
    let total = weights.reduce(0, +)
    guard total > 0, minutes > 0 else { return weights.map { _ in 0 } }
    var shares = weights.map { $0 * minutes / total }
    let remainders = weights.enumerated().map { ($0.offset, ($0.element * minutes) % total) }
    var left = minutes - shares.reduce(0, +)
    for (i, _) in remainders.sorted(by: { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }) where left > 0 {
      shares[i] += 1
      left -= 1
    }
    return shares
  }

  /// At most `limit` lines, and one saying how many more there are.
  static func capped(_ lines: [String], _ limit: Int, _ w: Wording) -> [String] {
    lines.count <= limit ? lines : Array(lines.prefix(limit)) + [w("agenda.more", ["count": String(lines.count - limit)])]
  }

  /// One item of the agenda: its title, its weight in the share of time, and its lines.
  struct AgendaItem {
    var title: String
    var weight: Int
    var lines: [String]
  }

  /// The items of the agenda, in the order of the meeting: decisions first, then discussion.
  static func agendaItems(_ r: ReportContext) -> [AgendaItem] {
    let w = r.w
    let a = r.assessment
    var items: [AgendaItem] = []
    let actions = r.plan.filter { $0.rank != nil }
    let incomplete = r.session.incompletePlanItems
    items.append(
      AgendaItem(
        title: w("agenda.approve"), weight: 3,
        lines: [w("agenda.approve.detail", ["actions": String(actions.count), "incomplete": String(incomplete.count)])]))
    if !incomplete.isEmpty {
      let lines = r.plan.filter { $0.isIncompleteRow }.map(\.title)
      items.append(AgendaItem(title: w("agenda.incomplete"), weight: 2, lines: capped(lines, 3, w)))
    }
    let legal = a.flags.filter { $0.item.severity != .information && ["legal", "agreement", "apv"].contains($0.item.kind) }
    if !legal.isEmpty {
      items.append(AgendaItem(title: w("agenda.legal"), weight: 2, lines: capped(legal.map { $0.item.title[w.language] }, 4, w)))
    }
    if r.session.voices.count > 1 && !a.disagreements.isEmpty {
      let ordered = a.disagreements.enumerated().sorted { ($1.element.spread, $0.offset) < ($0.element.spread, $1.offset) }.map(\.element)
      let lines = ordered.map { d in
        let answers = r.session.voices.map { v in
          "\(w.voice(v.id, in: r.session)): \(r.session.answer(d.question, voice: v.id).map { w.answer($0.value) } ?? "–")"
        }.joined(separator: "; ")
        return w("agenda.disagreement", ["statement": w.question(d.question), "answers": answers])
      }
      let voices = r.session.voices.map { w.voice($0.id, in: r.session) }.joined(separator: " / ")
      items.append(AgendaItem(title: w("agenda.disagreements", ["voices": voices]), weight: 4, lines: capped(lines, 3, w)))
    }
    let top = a.topFindings(3)
    if !top.isEmpty {
      items.append(AgendaItem(title: w("agenda.risks"), weight: 3, lines: top.map { w.shortFinding($0.finding.id) }))
    }
    let open = letterQuestions(a)
    if !open.isEmpty {
      items.append(AgendaItem(title: w("agenda.questions"), weight: 2, lines: capped(open.map { $0.question.text[w.language] }, 3, w)))
    }
    items.append(AgendaItem(title: w("agenda.next"), weight: 1, lines: []))
    return items
  }

  /// The agenda of the committee's meeting: one page, with time per item adding up to `minutes`.
  static func agenda(_ r: ReportContext, minutes: Int, _ doc: inout ReportDocument) {
    let w = r.w
    let about = r.session.about
    doc.heading(1, w("agenda.title", ["workplace": w.orNotGiven(about.workplace.trimmed(newlines: true))]))
    doc.paragraph(w("agenda.intro", ["minutes": String(minutes), "date": w.orNotGiven(about.date)]))
    let items = agendaItems(r)
    let times = shareOut(minutes, weights: items.map(\.weight))
    doc.table(
      [w("letter.number"), w("agenda.item"), w("agenda.minutes")],
      items.enumerated().map { [String($0.offset + 1), $0.element.title, String(times[$0.offset])] }
        + [["", w("agenda.total"), String(times.reduce(0, +))]],
      widths: [2.5, 12.0, 2.5], align: [.left, .left, .right])
    for (n, item) in items.enumerated() where !item.lines.isEmpty {
      doc.paragraph([.bold("\(n + 1). \(item.title)")])
      doc.bullets(item.lines)
    }
    doc.paragraph(fingerprintLine(r.session, w))
  }
}

extension PlanRow {
  /// Whether the row is an accepted or in-progress action without an owner or a deadline.
  var isIncompleteRow: Bool { !missing.isEmpty }
}
