import IglooContent
import IglooEngine

extension MarkdownReport {
  /// Sickness absence (APV element 2): group-level statements, reported and never scored.
  static func absence(_ r: ReportContext, _ doc: inout MarkdownDocument) {
    let w = r.w
    doc.heading(2, w("absence.heading"))
    doc.paragraph(w("absence.intro"))
    guard !r.assessment.absence.isEmpty else {
      doc.paragraph(w("absence.none"))
      return
    }
    let counted = w(r.session.voices.count > 1 ? "questions.combined" : "questions.answer")
    doc.table(
      [w("questions.statement")] + voiceHeader(r) + [counted, w("questions.notes")],
      r.assessment.absence.map { q in
        let answer = r.session.effectiveAnswer(q.id, r.pack)
        return [q.text[r.language]] + voiceCells(q.id, r) + [w.effective(answer), (answer?.notes ?? []).joined(separator: " · ")]
      })
  }

  /// "Don't know" answers as a list of things to find out before the next round.
  static func knowledgeGaps(_ r: ReportContext, _ doc: inout MarkdownDocument) {
    let w = r.w
    doc.heading(2, w("gaps.heading"))
    guard !r.assessment.knowledgeGaps.isEmpty else {
      doc.paragraph(w("gaps.none"))
      return
    }
    doc.paragraph(w("gaps.intro"))
    doc.table(
      [w("questions.statement"), w("gaps.level"), w("gaps.finding"), w("questions.notes")],
      r.assessment.knowledgeGaps.compactMap { r.pack.question($0) }.map { q in
        [
          q.text[r.language], questionLevel(q, r), q.kind == .absence ? w("absence.heading") : r.findingTitles(of: q),
          (r.session.effectiveAnswer(q.id, r.pack)?.notes ?? []).joined(separator: " · "),
        ]
      })
  }

  /// Statements that apply and that nobody has answered.
  static func unanswered(_ r: ReportContext, _ doc: inout MarkdownDocument) {
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
      })
  }

  /// Where the voices differ by two or more scale points: topics for the committee's dialogue.
  static func disagreements(_ r: ReportContext, _ doc: inout MarkdownDocument) {
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
    doc.paragraph(w("disagreements.intro"))
    let header =
      [w("questions.statement")] + voices.map { w.voice($0.id, in: r.session) }
      + [w("disagreements.spread"), w("disagreements.agreed")]
    doc.table(
      header,
      r.assessment.disagreements.map { d in
        let cells = voices.map { v in r.session.answer(d.question, voice: v.id).map { w.answer($0.value) } ?? "–" }
        // The spread stays listed after an agreed answer: it was a topic the committee discussed.
        let agreed =
          r.session.agreed[d.question].map { w("disagreements.agreed-at-meeting", ["answer": w.answer($0.value)]) }
          ?? w("disagreements.not-agreed")
        return [w.question(d.question)] + cells + [w("disagreements.steps", ["count": String(d.spread)]), agreed]
      })
  }

  /// Answers kept in the file but not counted, because their question no longer applies.
  static func setAside(_ r: ReportContext, _ doc: inout MarkdownDocument) {
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
      })
  }

  /// The level a statement is listed under; sickness-absence statements have their own.
  static func questionLevel(_ q: Question, _ r: ReportContext) -> String {
    if q.kind == .absence { return r.w("absence.level") }
    return r.level(of: q).map(r.w.level) ?? ""
  }
}
