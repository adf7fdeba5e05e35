import Foundation
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

/// The quick scan and the full assessment over the real pack: what each depth asks, the screening
/// figures, deepening, and that no answer is lost when the depth changes (issue 9).
@Suite struct DepthTests {
  let pack = TestPacks.real

  func session(_ scope: [(String, Stage)], depth: Depth) -> Session {
    var s = Session(content: ContentRef(pack))
    s.scope = scope.map { ScopeItem(useCase: $0.0, stage: $0.1) }
    s.depth = depth
    return s
  }

  /// The statements each depth asks, sickness absence included.
  func counts(_ scope: [(String, Stage)]) -> (quick: Int, full: Int) {
    (session(scope, depth: .quick).applicableQuestions(pack).count, session(scope, depth: .full).applicableQuestions(pack).count)
  }

  static let callCentre: [(String, Stage)] = [("call-scoring", .inUse), ("chat-assistant", .pilot)]

  @Test func theTableOfStatementsPerDepth() {
    var lines = ["| use case | quick | full |", "|---|---:|---:|"]
    for u in pack.useCases {
      let c = counts([(u.id, .inUse)])
      lines.append("| \(u.id) | \(c.quick) | \(c.full) |")
      // A quick scan is one statement per finding that applies: never more than the findings, never more than full.
      #expect(c.quick <= pack.findings.count, "\(u.id)")
      #expect(c.quick < c.full, "\(u.id)")
    }
    let pair = counts(Self.callCentre)
    lines.append("| call-scoring + chat-assistant | \(pair.quick) | \(pair.full) |")
    print(lines.joined(separator: "\n"))
    #expect(pair.quick <= 25, "quick scan of the call-centre scope asks \(pair.quick) statements")
    #expect(pair.full <= 60, "full assessment of the call-centre scope asks \(pair.full) statements")
  }

  @Test func aQuickScanAsksOneScreeningStatementPerFindingThatApplies() {
    let quick = session(Self.callCentre, depth: .quick)
    let asked = quick.applicableQuestions(pack)
    #expect(asked.allSatisfy { $0.isScreening })
    let full = session(Self.callCentre, depth: .full)
    let findingsInFull = Set(full.applicableQuestions(pack).flatMap { $0.measures.map(\.finding) })
    #expect(Set(asked.flatMap { $0.measures.map(\.finding) }) == findingsInFull)
    #expect(asked.count == findingsInFull.count)
    #expect(!full.applicableQuestions(pack).contains { $0.isScreening })
    #expect(full.applicableQuestions(pack).contains { $0.kind == .absence })
  }

  @Test func aScreeningStatementFollowsItsFindingsStatements() {
    // Robots only with the robot use cases: the collision screening needs a robot use case that its statements name.
    let robots = session([("versatile-robots", .planned)], depth: .quick).applicableQuestions(pack).map(\.id)
    #expect(robots.contains("q-robots-collision-screening"))
    #expect(!session([("call-scoring", .inUse)], depth: .quick).applicableQuestions(pack).contains { $0.id.hasPrefix("q-robots") })
  }

  func answerAll(_ s: inout Session, _ point: Int) {
    for q in s.applicableQuestions(pack) { s.setAnswer(Answer(.point(point)), question: q.id, voice: Voice.single.id) }
  }

  @Test func screeningsAreFiguresOfTheirOwnAndNeverResidualRisks() throws {
    var s = session(Self.callCentre, depth: .quick)
    answerAll(&s, 4)
    let a = Assessment(session: s, pack: pack)
    #expect(!a.findings.isEmpty)
    for f in a.findings {
      #expect(f.assessed == .screened)
      #expect(f.screening?.value == 75)
      #expect(f.screening?.band == .high)
      #expect(f.residualRisk == nil && f.untapped == nil)
      #expect(!f.notEnoughAnswers, "a screened finding is not short of answers")
    }
    let individual = try #require(a.levels.first { $0.id == "individual" })
    #expect(individual.screening?.risk.average == 75)
    #expect(individual.risk.average == nil)
    #expect(a.findingsToDeepen.count == a.findings.count)
    // Actions come from the screenings, and say so.
    #expect(!a.recommendations.isEmpty)
    #expect(a.recommendations.allSatisfy { r in
      // A flag reason is the prohibited practice the scope raises, whatever the depth.
      r.reasons.allSatisfy {
        if case .screening = $0 { true } else if case .answer = $0 { true } else if case .flag = $0 { true } else { false }
      }
    })
    #expect(a.recommendations.contains { $0.reasons.contains { if case .screening = $0 { true } else { false } } })
  }

  @Test func aLowScreeningIsNotOfferedForDeepening() {
    var s = session(Self.callCentre, depth: .quick)
    answerAll(&s, 1)
    let a = Assessment(session: s, pack: pack)
    #expect(a.findings.allSatisfy { $0.screening?.value == 0 && $0.screening?.band == .low })
    #expect(a.findingsToDeepen.isEmpty)
  }

  @Test func deepeningAsksTheFullStatementsOfThoseFindingsAndKeepsTheScreenings() throws {
    var s = session(Self.callCentre, depth: .quick)
    answerAll(&s, 4)
    let screeningAnswers = s.answers
    let before = s.applicableQuestions(pack).count
    s.deepened = ["ml-ind-simplified-management", "genai-ind-complacency"]
    let asked = s.applicableQuestions(pack)
    let added = asked.filter { !$0.isScreening }
    #expect(added.contains { $0.kind == .absence }, "deepening brings in the sickness-absence step")
    let scored = added.filter { $0.kind == .finding }
    #expect(!scored.isEmpty)
    #expect(scored.allSatisfy { q in q.measures.contains { s.deepened.contains($0.finding) } })
    #expect(asked.count == before + added.count)
    for q in scored { s.setAnswer(Answer(.point(4)), question: q.id, voice: Voice.single.id) }
    let a = Assessment(session: s, pack: pack)
    let deep = try #require(a.result("ml-ind-simplified-management"))
    #expect(deep.assessed == .full)
    #expect(deep.residualRisk != nil)
    #expect(deep.screening?.value == 75, "the screening stays beside the full figure")
    #expect(a.result("ml-org-rigidity")?.assessed == .screened)
    // Every screening answer is still there.
    for (q, answer) in screeningAnswers[Voice.single.id] ?? [:] { #expect(s.answer(q, voice: Voice.single.id) == answer) }
  }

  @Test func switchingDepthNeverLosesAnAnswer() throws {
    var s = session(Self.callCentre, depth: .quick)
    answerAll(&s, 2)
    s.depth = .full
    answerAll(&s, 5)
    let all = s.answers
    s.depth = .quick
    #expect(s.answers == all)
    let back = try Session.decode(try s.encoded())
    #expect(back.answers == all)
    #expect(back.depth == .quick)
    // The quick scan still counts its own answers and sets the full ones aside, without losing them.
    let a = Assessment(session: back, pack: pack)
    #expect(a.findings.allSatisfy { $0.screening?.value == 25 })
    #expect(s.progress(pack).answered == s.progress(pack).total)
  }

  @Test func deepenedIsStoredOnlyWhenSet() throws {
    var s = session(Self.callCentre, depth: .quick)
    let plain = String(decoding: try s.encoded(), as: UTF8.self)
    #expect(!plain.contains("\"deepened\""))
    #expect(plain.contains("\"depth\" : \"quick\""))
    s.deepened = ["ml-org-rigidity"]
    let text = String(decoding: try s.encoded(), as: UTF8.self)
    #expect(text.contains("\"deepened\""))
    #expect(try Session.decode(Data(text.utf8)).deepened == ["ml-org-rigidity"])
    let old = try Session.decode(Data(#"{"schema": "igloo-session", "scope": []}"#.utf8))
    #expect(old.depth == .full && old.deepened.isEmpty)
  }

  @Test func aStatementConcernsTheUseCasesItWouldBeAskedFor() throws {
    var s = session(Self.callCentre, depth: .full)
    s.scope?[1].note = "KundeBot"
    let ml = try #require(pack.question("q-ml-ind-simplified-management-exposure"))
    #expect(s.scopeItems(concerning: ml, pack).map(\.useCase) == ["call-scoring"])
    let absence = try #require(pack.question("q-absence-workload"))
    #expect(s.scopeItems(concerning: absence, pack).map(\.useCase) == ["call-scoring", "chat-assistant"])
  }
}
