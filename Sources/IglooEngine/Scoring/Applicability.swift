import IglooContent

extension Session {
  /// The technologies in scope: those of every use case in scope, at any stage.
  public func technologiesInScope(_ pack: ContentPack) -> Set<String> {
    guard let scope else { return Set(pack.technologies.map(\.id)) }
    return Set(scope.compactMap { pack.useCase($0.useCase) }.flatMap(\.technologies))
  }

  /// Whether `question` is asked, given the scope.
  ///
  /// A session that records no scope at all (a hand-written file) asks everything. Otherwise a
  /// question applies when one of its technologies is in scope and, if it names use cases, one of
  /// those is in scope too.
  public func applies(_ question: Question, _ pack: ContentPack) -> Bool {
    guard let scope else { return true }
    return Self.applies(question, pack, technologies: technologiesInScope(pack), useCases: Set(scope.map(\.useCase)))
  }

  private static func applies(_ question: Question, _ pack: ContentPack, technologies: Set<String>, useCases: Set<String>) -> Bool {
    let a = question.applies
    if !a.technologies.isEmpty && technologies.isDisjoint(with: a.technologies) { return false }
    if !a.useCases.isEmpty && useCases.isDisjoint(with: a.useCases) { return false }
    if a.technologies.isEmpty && a.useCases.isEmpty && question.kind == .finding {
      // A scored question with no restriction follows its findings' technologies.
      let own = question.measures.compactMap { pack.finding($0.finding)?.technology }
      return own.isEmpty || !technologies.isDisjoint(with: own)
    }
    return true
  }

  /// The questions asked, in the pack's order.
  public func applicableQuestions(_ pack: ContentPack) -> [Question] {
    guard let scope else { return pack.questions }
    let technologies = technologiesInScope(pack)
    let useCases = Set(scope.map(\.useCase))
    return pack.questions.filter { Self.applies($0, pack, technologies: technologies, useCases: useCases) }
  }

  /// How many applicable questions have an answer from any voice or an agreed one, and how many there are.
  public func progress(_ pack: ContentPack) -> (answered: Int, total: Int) {
    let applicable = applicableQuestions(pack)
    let answered = answeredQuestionIDs
    return (applicable.filter { answered.contains($0.id) }.count, applicable.count)
  }
}
