import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

/// How many statements the real pack asks at full depth, per use case and for the call-centre pair
/// (issue 9 point 2): the scope must narrow what is asked, and every finding that applies must stay
/// measurable.
@Suite struct ScopeNarrowingTests {
  let pack = TestPacks.real

  /// The call centre of issue 9: call scoring in use and a chat assistant in pilot.
  static let callCentre: [(String, Stage)] = [("call-scoring", .inUse), ("chat-assistant", .pilot)]
  /// The most statements full depth may ask of the call-centre pair, sickness absence included.
  static let callCentreFullLimit = 60

  func session(_ scope: [(String, Stage)]) -> Session {
    var s = Session(content: ContentRef(pack), about: About(sector: "private-services"))
    s.scope = scope.map { ScopeItem(useCase: $0.0, stage: $0.1) }
    return s
  }

  /// The statements full depth asks: every applicable one that is not a quick-scan screening statement.
  func fullDepth(_ s: Session) -> [Question] {
    s.applicableQuestions(pack).filter { q in !q.measures.contains { $0.role == .screening } }
  }

  /// The findings measured by `questions` that lack a role their polarity needs.
  func unmeasurable(_ questions: [Question]) -> [String] {
    var roles: [String: Set<MeasureRole>] = [:]
    for q in questions { for m in q.measures { roles[m.finding, default: []].insert(m.role) } }
    return roles.keys.sorted().compactMap { id in
      guard let f = pack.finding(id) else { return nil }
      var needed: Set<MeasureRole> = []
      if f.polarity.hasRisk { needed.formUnion([.exposure, .mitigation]) }
      if f.polarity.hasOpportunity { needed.formUnion([.potential, .realisation]) }
      let missing = needed.subtracting(roles[id] ?? [])
      return missing.isEmpty ? nil : "\(id) lacks \(missing.map(\.rawValue).sorted())"
    }
  }

  @Test func fullDepthCountsPerUseCaseAndForTheCallCentrePair() {
    var rows: [(String, Int, [String])] = pack.useCases.map { u in
      let qs = fullDepth(session([(u.id, .inUse)]))
      return (u.id, qs.count, unmeasurable(qs))
    }
    let pair = fullDepth(session(Self.callCentre))
    rows.append(("call-scoring + chat-assistant", pair.count, unmeasurable(pair)))
    print("full depth, statements asked (sickness absence included):")
    for (name, count, _) in rows { print("  \(name.padding(toLength: 32, withPad: " ", startingAt: 0)) \(count)") }
    for (name, _, gaps) in rows { #expect(gaps.isEmpty, "\(name): \(gaps)") }
    // Narrowing: a single machine-learning use case asks fewer than the pair, and the pair fewer than
    // everything.
    #expect(fullDepth(session([("call-scoring", .inUse)])).count < pair.count)
    #expect(pair.count < pack.questions.filter { q in !q.measures.contains { $0.role == .screening } }.count)
  }

  /// The quick scan of each use case alone, and of the pair, asks exactly one screening statement for
  /// each finding that its full depth measures (issue 9 point 2: every finding that applies stays
  /// measurable in quick as in full), and none for a finding that full depth leaves out.
  @Test func everyFindingThatAppliesHasOneScreeningStatementPerUseCase() {
    var scopes: [(String, [(String, Stage)])] = pack.useCases.map { ($0.id, [($0.id, .inUse)]) }
    scopes.append(("call-scoring + chat-assistant", Self.callCentre))
    for (name, scope) in scopes {
      var s = session(scope)
      let inFull = Set(fullDepth(s).flatMap { $0.measures.map(\.finding) })
      s.depth = .quick
      let quick = s.applicableQuestions(pack)
      var screened: [String: Int] = [:]
      for q in quick { for m in q.measures where m.role == .screening { screened[m.finding, default: 0] += 1 } }
      #expect(Set(screened.keys) == inFull, "\(name): quick screens \(screened.keys.sorted()), full measures \(inFull.sorted())")
      #expect(screened.values.allSatisfy { $0 == 1 }, "\(name): \(screened)")
      #expect(!inFull.isEmpty, "\(name) asks nothing")
    }
  }

  @Test func fullDepthOfTheCallCentrePairStaysWithinItsLimit() {
    let count = fullDepth(session(Self.callCentre)).count
    #expect(count <= Self.callCentreFullLimit, "full depth asks \(count) statements of the call-centre pair")
  }

  @Test func retiredStatementsAreNeverAskedYetSavedAnswersToThemStillLoad() throws {
    let retired = pack.questions.filter { $0.retired != nil }
    #expect(!retired.isEmpty)
    var all = session(pack.useCases.map { ($0.id, .inUse) })
    for depth in [Depth.quick, .full] {
      all.depth = depth
      all.deepened = pack.findings.map(\.id)
      let asked = Set(all.applicableQuestions(pack).map(\.id))
      for q in retired { #expect(!asked.contains(q.id), "\(q.id) is retired, yet asked at \(depth)") }
    }
    // An answer given before the statement was retired keeps the session valid and stays in it.
    var s = session(Self.callCentre)
    s.setAnswer(Answer(.point(4)), question: retired[0].id, voice: Voice.single.id)
    #expect(s.problems(with: pack).isEmpty, "\(s.problems(with: pack))")
    #expect(s.answer(retired[0].id, voice: Voice.single.id)?.value == .point(4))
  }

  @Test func statementsTiedToOneUseCaseAreNotAskedWithoutIt() {
    // Issue 9: recruitment only with recruitment, rota planning only with shift or route planning,
    // robots only with robots.
    let callCentre = Set(fullDepth(session(Self.callCentre)).map(\.id))
    for q in pack.questions {
      let text = q.text.da.lowercased()
      if text.contains("ansøger") { #expect(!callCentre.contains(q.id), "\(q.id) is about recruitment") }
      if text.contains("vagtplan") || text.contains("ruteplan") { #expect(!callCentre.contains(q.id), "\(q.id) is about rota planning") }
      if text.contains("robot") { #expect(!callCentre.contains(q.id), "\(q.id) is about robots") }
    }
    // Call scoring measures work and takes over no task: the findings on automating jobs and on
    // freeing time for other tasks do not arise with it (Kapitel 2 › Maskinlæring › Omkringliggende
    // kontekst and › Organisation), nor do they with the pair.
    let scoring = fullDepth(session([("call-scoring", .inUse)])).flatMap { $0.measures.map(\.finding) }
    for f in ["ml-ctx-jobs", "ml-org-meaningful-work"] {
      #expect(!scoring.contains(f), "\(f) is asked with call scoring alone")
      #expect(!callCentre.contains { pack.question($0)?.measures.contains { $0.finding == f } == true }, "\(f) is asked of the call centre")
    }
    // Both are still asked where tasks are automated or workflows optimised.
    let planning = Set(fullDepth(session([("shift-planning", .inUse)])).flatMap { $0.measures.map(\.finding) })
    #expect(planning.isSuperset(of: ["ml-ctx-jobs", "ml-org-meaningful-work"]))
  }
}
