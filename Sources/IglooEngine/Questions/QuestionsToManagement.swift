import IglooContent

/// A question to management as it stands in one assessment: the content's question, what raised
/// it, the legal items it rests on, and the users' record of it.
public struct RaisedQuestion: Sendable, Hashable {
  /// The content's question.
  public var question: ManagementQuestion
  /// The statements answered "ved ikke" that raise it, in the pack's order; empty for a question
  /// the scope raises.
  public var statements: [String]
  /// The findings those statements measure, in the pack's order.
  public var findings: [String]
  /// The use cases in scope that raise it; empty for a question raised by answers.
  public var useCases: [String]
  /// The legal items it rests on that apply to this scope, in the question's order.
  public var basis: [ContextItem]
  /// The users' record: due date, who asked, status, answer.
  public var record: QuestionRecord
  /// Whether the answers or the scope raise it now; false for a question only the session records
  /// (e.g. one asked in an earlier round whose statement has since been answered).
  public var raised: Bool

  /// Whether it is still open and its due date lies before `date`.
  public func isOverdue(asOf date: CalendarDate?) -> Bool {
    guard record.status == .open, let date, let due = CalendarDate(record.due) else { return false }
    return due < date
  }
}

extension Assessment {
  /// The questions to management: those the scope makes necessary first, then one per finding
  /// with a "ved ikke" answer, in the pack's order, then those the session records that neither
  /// raises now. A question the session records as withdrawn is kept, marked as such.
  public var managementQuestions: [RaisedQuestion] {
    let pack = self.pack
    let applying = Dictionary(flags.map { ($0.item.id, $0.item) }, uniquingKeysWith: { a, _ in a })
    func basis(_ q: ManagementQuestion) -> [ContextItem] { q.basis.compactMap { applying[$0] } }
    var out: [RaisedQuestion] = []

    // The scope: a use case in scope whose content flags the question.
    let scope = session.scope ?? []
    let emotionFlags = Set(pack.context.flatMap(\.applies.whenInfersEmotions))
    for q in pack.managementQuestions where !q.flags.isEmpty {
      // A flag that only says the system *may* infer emotions (a context item's
      // `when_infers_emotions`, e.g. `biometric-signals`) raises the question while the scope
      // entry leaves it open (not asked, or "don't know"); a yes or a no settles it, so nobody is
      // asked to ask management what the committee already knows.
      let hits = scope.filter { s in
        guard let u = pack.useCase(s.useCase) else { return false }
        let matched = Set(u.flags).intersection(q.flags)
        if matched.isEmpty { return false }
        if matched.isSubset(of: emotionFlags) { return (s.infersEmotions ?? .dontKnow) == .dontKnow }
        return true
      }
      guard !hits.isEmpty else { continue }
      out.append(
        RaisedQuestion(
          question: q, statements: [], findings: [], useCases: hits.map(\.useCase), basis: basis(q),
          record: session.questionRecord(q.id), raised: true))
    }

    // "Ved ikke": the knowledge gaps, grouped by the finding each statement measures.
    var gapsByFinding: [String: [String]] = [:]
    for id in knowledgeGaps {
      guard let statement = pack.question(id) else { continue }
      for finding in Set(statement.measures.map(\.finding)) { gapsByFinding[finding, default: []].append(id) }
    }
    for q in pack.managementQuestions where !q.findings.isEmpty {
      let findings = pack.findings.map(\.id).filter { q.findings.contains($0) && gapsByFinding[$0] != nil }
      guard !findings.isEmpty else { continue }
      var statements: [String] = []
      for f in findings { for s in gapsByFinding[f] ?? [] where !statements.contains(s) { statements.append(s) } }
      out.append(
        RaisedQuestion(
          question: q, statements: statements, findings: findings, useCases: [], basis: basis(q),
          record: session.questionRecord(q.id), raised: true))
    }

    // "Ved ikke" to a statement that measures no finding (sickness absence).
    let gaps = Set(knowledgeGaps)
    for q in pack.managementQuestions where !q.statements.isEmpty {
      let statements = q.statements.filter { gaps.contains($0) }
      guard !statements.isEmpty else { continue }
      out.append(
        RaisedQuestion(
          question: q, statements: statements, findings: [], useCases: [], basis: basis(q),
          record: session.questionRecord(q.id), raised: true))
    }

    // Recorded, but raised by nothing now: kept, so that an answer or a due date is never lost.
    let raised = Set(out.map(\.question.id))
    for record in session.questions where !raised.contains(record.id) {
      guard let q = pack.managementQuestion(record.id) else { continue }
      out.append(
        RaisedQuestion(question: q, statements: [], findings: [], useCases: [], basis: basis(q), record: record, raised: false))
    }
    return out
  }

  /// How many questions to management are open, and how many of those are overdue as of the
  /// assessment's date (`about.date`), so that the same file always gives the same count.
  public var questionCounts: (open: Int, overdue: Int) {
    let asOf = CalendarDate(session.about.date)
    let questions = managementQuestions.filter { $0.raised || $0.record.status != .withdrawn }
    let open = questions.filter { $0.record.status == .open }
    return (open.count, open.filter { $0.isOverdue(asOf: asOf) }.count)
  }
}

/// What became of one question of the previous round in the next.
public struct QuestionFollowUp: Sendable, Hashable {
  /// The question as it stood in the previous round.
  public var previous: RaisedQuestion
  /// Its record now: the later round's, or the earlier one's when the later round records nothing.
  public var record: QuestionRecord
  /// Statements that raised it and are still answered "ved ikke" in the later round.
  public var stillUnknown: [String]

  /// Answered, yet the employees still do not know: the answer has not reached them.
  public var answeredButStillUnknown: Bool { record.status == .answered && !stillUnknown.isEmpty }
}

extension RoundComparison {
  /// Each question to management of the earlier round, with whether it has been answered since.
  public var questions: [QuestionFollowUp] {
    let gaps = Set(new.knowledgeGaps)
    return old.managementQuestions.filter { $0.raised || $0.record.status != .withdrawn }.map { q in
      let later = new.session.questions.first { $0.id == q.question.id }
      return QuestionFollowUp(previous: q, record: later ?? q.record, stillUnknown: q.statements.filter { gaps.contains($0) })
    }
  }
}
