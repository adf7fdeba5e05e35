import IglooContent
import IglooEngine

extension WizardState {
  /// Deepens a quick scan: the findings screened moderate or high (or all of them) get their full
  /// statements, and the wizard goes to the first of those not yet answered. Screening answers stay.
  mutating func deepen(all: Bool) -> [Effect] {
    guard var s = session, s.depth == .quick, let assessment else { return [] }
    let candidates = all
      ? assessment.findings.map(\.finding.id).filter { !s.deepened.contains($0) } : assessment.findingsToDeepen
    guard !candidates.isEmpty else {
      message = Message(all ? "wizard.deepen.nothing-left" : "wizard.deepen.none-screened")
      return []
    }
    s.deepened += candidates
    session = s
    let added = Set(candidates)
    let asked = s.applicableQuestions(pack).filter { q in
      !q.isScreening && (q.isAbsence || q.measures.contains { added.contains($0.finding) })
    }
    // The scored statements first, as in the wizard's order; the sickness-absence step follows them.
    let ordered = asked.filter(\.isScored) + asked.filter(\.isAbsence)
    let first = ordered.first { currentAnswer($0.id) == nil } ?? ordered.first
    var effects: [Effect] = []
    if let first { effects = jump(to: first.id) }
    message = Message(
      "wizard.deepen.done", ["findings": String(candidates.count), "questions": String(asked.count)], style: .good)
    return effects.contains(.save) ? effects : effects + [.save]
  }

  /// Whether `question` is passed over when moving on: a screening statement already answered,
  /// while a quick scan's deepened statements are being answered, so deepening asks only those.
  func isPassedOver(_ question: Question, from current: Question?) -> Bool {
    guard let session, session.depth == .quick, !session.deepened.isEmpty, let current, !current.isScreening else {
      return false
    }
    return question.isScreening && currentAnswer(question.id) != nil
  }

  /// The use cases in scope that `question` concerns, each as the users named it (or the use case's
  /// name) with its stage, e.g. "KundeBot (pilot)".
  public func concernedUseCases(_ question: Question) -> [String] {
    guard let session else { return [] }
    return session.scopeItems(concerning: question, pack).map { item in
      let note = item.note.trimmingCharacters(in: .whitespaces)
      let name = note.isEmpty ? (pack.useCase(item.useCase).map { localizer($0.name) } ?? item.useCase) : note
      return localizer("wizard.questions.use-case", ["name": name, "stage": localizer("wizard.stage.\(item.stage.rawValue)")])
    }
  }
}
