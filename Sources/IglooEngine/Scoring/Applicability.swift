import IglooContent

extension Session {
  /// The technologies in scope: those of every use case in scope, at any stage.
  public func technologiesInScope(_ pack: ContentPack) -> Set<String> {
    guard let scope else { return Set(pack.technologies.map(\.id)) }
    return Set(scope.compactMap { pack.useCase($0.useCase) }.flatMap(\.technologies))
  }

  /// Whether `question` is asked, given the scope and the depth.
  public func applies(_ question: Question, _ pack: ContentPack) -> Bool {
    applicableQuestions(pack).contains { $0.id == question.id }
  }

  /// Whether `question` is asked at some depth, given the scope alone.
  ///
  /// A retired statement is never asked. A session that records no scope at all (a hand-written
  /// file) asks every other statement. Otherwise a
  /// question applies when one of its technologies is in scope and, if it names use cases, one of
  /// those is in scope too.
  public func appliesInScope(_ question: Question, _ pack: ContentPack) -> Bool {
    guard let scope else { return true }
    return pack.scoringIndex.admits(question, pack, scope: scope)
  }

  /// The questions the scope admits at any depth, in the pack's order: screening statements and
  /// full statements alike. A screening statement is admitted only where at least one full
  /// statement of its finding is, so that narrowing the full statements narrows the quick scan too.
  public func questionsInScope(_ pack: ContentPack) -> [Question] {
    Self.questions(pack, pack.scoringIndex.admitted(scope))
  }

  /// The questions `depth` asks within the scope, in the pack's order.
  ///
  /// Quick: the screening statements, and the full statements of the findings in `deepened`, with the
  /// sickness-absence statements once anything has been deepened (see docs/method.md). Full: every
  /// statement but the screening ones. Worked out over the pack's ``ScoringIndex``.
  public func questions(_ pack: ContentPack, at depth: Depth, deepened: Set<String> = []) -> [Question] {
    Self.questions(pack, pack.scoringIndex.asked(scope, at: depth, deepened: deepened))
  }

  /// The pack's questions whose flag is set, copied once, into the list asked for.
  private static func questions(_ pack: ContentPack, _ chosen: [Bool]) -> [Question] {
    var out: [Question] = []
    for i in chosen.indices where chosen[i] { out.append(pack.questions[i]) }
    return out
  }

  /// The questions asked, in the pack's order: those of the session's scope and depth.
  public func applicableQuestions(_ pack: ContentPack) -> [Question] {
    Self.questions(pack, pack.scoringIndex.asked(scope, at: depth, deepened: deepened))
  }

  /// The scored questions the session asks at `level` (an id), in the pack's order; a question's
  /// level is ``IglooContent/ContentPack/level(of:)``, read from the pack's ``ScoringIndex``.
  public func questions(_ pack: ContentPack, atLevel level: String) -> [Question] {
    let index = pack.scoringIndex
    let asked = index.asked(scope, at: depth, deepened: deepened)
    var out: [Question] = []
    for i in asked.indices where asked[i] && index.applicability[i].scored {
      if let l = index.levelOfQuestion[i], pack.levels[l].id == level { out.append(pack.questions[i]) }
    }
    return out
  }

  /// The sickness-absence questions the session asks, in the pack's order.
  public func absenceQuestions(_ pack: ContentPack) -> [Question] {
    let index = pack.scoringIndex
    let asked = index.asked(scope, at: depth, deepened: deepened)
    var out: [Question] = []
    for i in asked.indices where asked[i] {
      switch index.kinds[i] {
      case .absence: out.append(pack.questions[i])
      case .finding: break
      }
    }
    return out
  }

  /// How many questions the scope asks in a quick scan with nothing deepened, and at full depth,
  /// counted without copying a question.
  public func questionCounts(_ pack: ContentPack) -> (quick: Int, full: Int) {
    let index = pack.scoringIndex
    let none: [String] = []
    return (
      index.asked(scope, at: .quick, deepened: none).lazy.filter { $0 }.count,
      index.asked(scope, at: .full, deepened: none).lazy.filter { $0 }.count
    )
  }

  /// Whether `finding` is assessed with its full statements: at full depth, or deepened in a quick scan.
  public func isAssessedInFull(_ finding: String) -> Bool {
    depth == .full || deepened.contains(finding)
  }

  /// How many applicable questions have an answer from any voice or an agreed one, and how many there are.
  public func progress(_ pack: ContentPack) -> (answered: Int, total: Int) {
    let applicable = applicableQuestions(pack)
    let answered = answeredQuestionIDs
    return (applicable.filter { answered.contains($0.id) }.count, applicable.count)
  }

  /// How many of the statements asked `voice` answered, of all asked: a voice that answered 7 of 72
  /// is shown as 7 of 72, whatever the other voices answered.
  public func progress(of voice: String, _ pack: ContentPack) -> (answered: Int, total: Int) {
    let applicable = applicableQuestions(pack)
    let own = answers[voice] ?? [:]
    return (applicable.filter { own[$0.id] != nil }.count, applicable.count)
  }
}

extension Question {
  /// Whether it is a quick-scan screening statement.
  public var isScreening: Bool { measures.contains { $0.role == .screening } }
}

extension Session {
  /// The use cases in scope that `question` concerns: those under which it would be asked if each
  /// were the only one in scope. Empty for a session that records no scope.
  public func scopeItems(concerning question: Question, _ pack: ContentPack) -> [ScopeItem] {
    let index = pack.scoringIndex
    guard let scope, let position = index.questionPosition[question.id] else { return [] }
    return scope.filter { item in index.admitted([item])[position] }
  }
}
