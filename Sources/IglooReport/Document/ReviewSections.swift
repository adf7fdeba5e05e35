import IglooContent
import IglooEngine

extension ReportBuilder {
  /// Sickness absence (APV element 2): group-level statements, reported and never scored.
  static func absence(_ r: ReportContext, _ doc: inout ReportDocument) {
    let w = r.w
    doc.heading(2, w("absence.heading"))
    doc.paragraph(w("absence.intro"))
    guard !r.assessment.absence.isEmpty else {
      // A quick scan asks sickness absence only once deepened: say so, rather than that none applies.
      let later = r.session.depth == .quick
        && r.session.questions(r.pack, at: .full).contains(where: \.isAbsence)
      doc.paragraph(w(later ? "absence.when-deepened" : "absence.none"))
      return
    }
    let several = r.session.voices.count > 1
    let counted = w(several ? "questions.combined" : "questions.answer")
    doc.table(
      [w("questions.statement")] + (several ? [w("questions.answers")] : []) + [counted],
      r.assessment.absence.map { q in
        [q.text[r.language]] + (several ? [voiceAnswers(q.id, r)] : [])
          + [w.effective(r.session.effectiveAnswer(q.id, r.pack))]
      }, widths: several ? [9.0, 4.5, 3.5] : [12.5, 4.5])
    doc.bullets(statementNotes(r.assessment.absence, r))
  }

  /// "Don't know" answers as a list of things to find out before the next round.
  static func knowledgeGaps(_ r: ReportContext, _ doc: inout ReportDocument) {
    let w = r.w
    doc.heading(2, w("gaps.heading"))
    guard !r.assessment.knowledgeGaps.isEmpty else {
      doc.paragraph(w("gaps.none"))
      return
    }
    doc.paragraph(w("gaps.intro"))
    let questions = r.assessment.knowledgeGaps.compactMap { r.pack.question($0) }
    doc.table(
      [w("questions.statement"), w("gaps.level"), w("gaps.finding")],
      questions.map { q in
        [q.text[r.language], questionLevel(q, r), q.isAbsence ? w("absence.heading") : r.findingTitles(of: q)]
      }, widths: [9.0, 3.0, 5.0])
    let notes = questions.compactMap { q -> [ReportDocument.Run]? in
      let notes = r.session.effectiveAnswer(q.id, r.pack)?.notes ?? []
      guard !notes.isEmpty else { return nil }
      return ReportDocument.item(w("quoted", ["text": q.text[r.language]]), w("questions.notes.text", ["notes": notes.joined(separator: " · ")]))
    }
    doc.bullets(notes)
  }

  /// Statements that apply and that nobody has answered.
  static func unanswered(_ r: ReportContext, _ doc: inout ReportDocument) {
    let w = r.w
    doc.heading(2, w("unanswered.heading"))
    guard !r.assessment.unanswered.isEmpty else {
      doc.paragraph(w("unanswered.none"))
      return
    }
    doc.paragraph(w("unanswered.intro", ["count": String(r.assessment.unanswered.count)]))
    doc.table(
      [w("questions.statement"), w("gaps.level"), w("gaps.finding")],
      r.assessment.unanswered.compactMap { r.pack.question($0) }.map { q in
        [q.text[r.language], questionLevel(q, r), r.findingTitles(of: q)]
      }, widths: [9.0, 3.0, 5.0])
  }

  /// Where the voices differ by two or more scale points: topics for the committee's dialogue.
  static func disagreements(_ r: ReportContext, _ doc: inout ReportDocument) {
    let w = r.w
    doc.heading(2, w("disagreements.heading"))
    let voices = r.session.voices
    guard voices.count > 1 else {
      doc.paragraph(w("disagreements.one-voice"))
      return
    }
    guard !r.assessment.disagreements.isEmpty else {
      doc.paragraph(w("disagreements.none"))
      return
    }
    // Merged workshop groups are groups, not management and employees (`igloo merge` of group files).
    doc.paragraph(w(r.session.about.group.isEmpty ? "disagreements.intro" : "disagreements.intro.groups"))
    // Two voices get a column each, as in the statement tables; more share one column.
    let own = voices.count == 2
    let header =
      [w("questions.statement")] + (own ? voices.map { w.voice($0.id, in: r.session) } : [w("questions.answers")])
      + [w("disagreements.spread"), w("disagreements.agreed")]
    doc.table(
      header,
      r.assessment.disagreements.map { d in
        // The spread stays listed after an agreed answer: it was a topic the committee discussed.
        let agreed =
          r.session.agreed[d.question].map { w("disagreements.agreed-at-meeting", ["answer": w.answer($0.value)]) }
          ?? w("disagreements.not-agreed")
        let answers =
          own
          ? voices.map { v in r.session.answer(d.question, voice: v.id).map { w.answer($0.value) } ?? "–" }
          : [voiceAnswers(d.question, r)]
        return [w.question(d.question)] + answers + [w("disagreements.steps", ["count": String(d.spread)]), agreed]
      }, widths: own ? [6.0, 3.0, 3.0, 2.5, 2.5] : [7.0, 5.0, 2.5, 2.5])
  }

  /// Answers kept in the file but not counted, because their question no longer applies.
  static func setAside(_ r: ReportContext, _ doc: inout ReportDocument) {
    let w = r.w
    doc.heading(2, w("set-aside.heading"))
    guard !r.assessment.setAside.isEmpty else {
      doc.paragraph(w("set-aside.none"))
      return
    }
    doc.paragraph(w("set-aside.intro", ["count": String(r.assessment.setAside.count)]))
    doc.table(
      [w("questions.statement"), w("set-aside.voices")],
      r.assessment.setAside.map { s in
        [w.question(s.question), s.voices.map { w.voice($0, in: r.session) }.joined(separator: "; ")]
      }, widths: [12.0, 5.0])
  }

  /// The level a statement is listed under; sickness-absence statements have their own.
  static func questionLevel(_ q: Question, _ r: ReportContext) -> String {
    switch q.kind {
    case .absence: return r.w("absence.level")
    case .finding: return r.pack.level(of: q).map(r.w.level) ?? ""
    }
  }
}
