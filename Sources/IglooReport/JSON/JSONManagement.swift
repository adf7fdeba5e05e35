import IglooContent
import IglooEngine

/// The JSON of the questions to management, the agenda and the approval fingerprint
/// (docs/report-json.md).
extension JSONReport {
  /// The fingerprint of the session: now, at approval, and how the two stand.
  static func fingerprint(_ session: Session) -> JSONValue {
    let state: String =
      switch session.approvalState {
      case .notApproved: "not-approved"
      case .unchanged: "unchanged"
      case .changed: "changed"
      case .unrecorded: "unrecorded"
      }
    let approved = session.approval?.fingerprint ?? ""
    return .object([
      "sha256": .string(ApprovalFingerprint.short(session)),
      "approved": approved.isEmpty ? .null : .string(String(approved.prefix(ApprovalFingerprint.digits))),
      "state": .string(state),
    ])
  }

  /// How many questions to management are open and overdue.
  static func questionsSummary(_ a: Assessment) -> JSONValue {
    let counts = a.questionCounts
    return .object(["open": .int(counts.open), "overdue": .int(counts.overdue), "as_of": .string(a.session.about.date)])
  }

  /// One question to management with its record.
  static func managementQuestion(_ q: RaisedQuestion, number: Int?, _ r: ReportContext) -> JSONValue {
    let w = r.w
    let asOf = CalendarDate(r.session.about.date)
    return .object([
      "number": number.map { .int($0) } ?? .null,
      "id": .string(q.question.id),
      "text": .string(q.question.text[w.language]),
      "ask": .string(q.question.ask.rawValue),
      "ask_name": .string(w("mq.ask." + q.question.ask.rawValue)),
      "source": .string(q.question.source),
      "basis": .array(q.basis.map { item in
        .object([
          "id": .string(item.id), "title": .string(item.title[w.language]), "source": .string(item.source),
          "as_of": .string(item.asOf),
        ])
      }),
      "statements": .array(q.statements.map { .object(["id": .string($0), "text": .string(w.question($0))]) }),
      "findings": .strings(q.findings),
      "use_cases": .strings(q.useCases),
      "raised": .bool(q.raised),
      "due": .string(q.record.due),
      "asked_by": .string(q.record.askedBy),
      "status": .string(q.record.status.rawValue),
      "answer": q.record.answer.map { .object(["gist": .string($0.gist), "date": .string($0.date)]) } ?? .null,
      "overdue": .bool(q.isOverdue(asOf: asOf)),
    ])
  }

  /// `--part questions`: the letter's facts and every question, open ones numbered as in the letter.
  static func questionsValue(_ a: Assessment, _ language: Language) -> JSONValue {
    let r = ReportContext(a, language)
    var number = 0
    let questions = a.managementQuestions.map { q -> JSONValue in
      guard q.record.status == .open else { return managementQuestion(q, number: nil, r) }
      number += 1
      return managementQuestion(q, number: number, r)
    }
    return .object([
      "schema": .string("igloo-questions"),
      "schema_version": .int(1),
      "part": .string(ReportPart.questions.rawValue),
      "language": .string(language.rawValue),
      "about": about(r),
      "scope": scope(r),
      "askers": .string(ReportBuilder.askers(r)),
      "questions": .array(questions),
      "counts": questionsSummary(a),
      "fingerprint": fingerprint(a.session),
    ])
  }

  /// `--part agenda`: the items with their minutes and lines.
  static func agendaValue(_ a: Assessment, _ language: Language, minutes: Int) -> JSONValue {
    let r = ReportContext(a, language)
    let items = ReportBuilder.agendaItems(r)
    let times = ReportBuilder.shareOut(minutes, weights: items.map(\.weight))
    return .object([
      "schema": .string("igloo-agenda"),
      "schema_version": .int(1),
      "part": .string(ReportPart.agenda.rawValue),
      "language": .string(language.rawValue),
      "about": about(r),
      "minutes": .int(minutes),
      "items": .array(items.enumerated().map { n, item in
        .object([
          "number": .int(n + 1), "title": .string(item.title), "minutes": .int(times[n]), "lines": .strings(item.lines),
        ])
      }),
      "fingerprint": fingerprint(a.session),
    ])
  }
}
