import IglooContent
import IglooTestSupport
import Testing

@testable import IglooEngine

/// Points 2–7 of issue 12: unknowns are ranked by what the answers allow, a ban comes first,
/// unscored risks are named, "not relevant" lacks nothing, and voices keep their "don't know".
@Suite struct UnknownIsNotLowTests {
  /// A session over `pack` with one voice `v` and the given points (or "d"/"n") per question.
  func session(_ pack: ContentPack, _ answers: [String: String], scope: [String]? = nil, voices: [String] = ["v"]) -> Session {
    var s = Session(content: ContentRef(pack))
    s.voices = voices.map { Voice(id: $0, name: $0) }
    s.scope = scope?.map { ScopeItem(useCase: $0, stage: .inUse) }
    for (q, a) in answers {
      let value: AnswerValue = a == "d" ? .dontKnow : a == "n" ? .notRelevant : .point(Int(a)!)
      s.setAnswer(Answer(value), question: q, voice: voices[0])
    }
    return s
  }

  // MARK: 2. Unknown is not low

  /// The case: an action set off by a "don't know" to the mitigation of a risk with
  /// exposure 75 ranked 0 (low); it now ranks by the exposure, 75 (high), marked as a bound.
  @Test func anAnswerOnARiskWithUnknownHandlingRanksByItsExposure() throws {
    let a = Assessment(
      session: session(
        MiniPack.pack,
        ["q-risk-a-exposure": "4", "q-risk-a-exposure-2": "2", "q-risk-a-mitigation": "d",
         "q-chance-b-potential": "4", "q-chance-b-realisation": "3"]),
      pack: MiniPack.pack)
    let risk = try #require(a.result("risk-a"))
    #expect(risk.residualRisk == nil)
    #expect(risk.handlingUnknown)
    #expect(risk.priority == 75)
    #expect(risk.priorityIsBound)
    let ask = try #require(a.recommendations.first { $0.action.id == "act-ask" })
    #expect(ask.priority == 75)
    #expect(ask.band == .high)
    #expect(ask.priorityIsBound)
    #expect(ask.rank == 1)
    // The strongest findings: the unknown handling ranks by its exposure, above the opportunity.
    #expect(a.topFindings(5).map(\.finding.id) == ["risk-a", "chance-b"])
    #expect(a.unscoredRisks == [UnscoredRisk(finding: "risk-a", reason: .transparencyGap, handlingUnknown: true)])
  }

  /// Property: no ranking puts a figure that is an upper bound (handling unknown) below a known lower figure.
  @Test func theRankingNeverPutsAnUnknownBelowAKnownLowerFigure() {
    let pack = TestPacks.real
    let seeds: ClosedRange<UInt64> = 1...150
    print("UnknownIsNotLowTests: sessions generated from seeds \(seeds)")
    var boundsSeen = 0
    for seed in seeds {
      let a = Assessment(session: SessionGenerator.session(pack, seed: seed, voices: seed % 3 == 0 ? 2 : 1), pack: pack)
      let recs = a.recommendations
      for (i, above) in recs.enumerated() {
        for below in recs[(i + 1)...] where below.priorityIsBound && !above.priorityIsBound {
          #expect(
            above.exactPriority >= below.exactPriority,
            "seed \(seed): \(above.action.id) (\(above.priority)) above the unknown \(below.action.id) (≤ \(below.priority))")
        }
      }
      boundsSeen += recs.filter(\.priorityIsBound).count
      let top = a.topFindings(100)
      for (i, above) in top.enumerated() {
        for below in top[(i + 1)...] where below.rankedBy == above.rankedBy && below.priorityIsBound && !above.priorityIsBound {
          #expect(above.exactPriority! >= below.exactPriority!, "seed \(seed): \(above.finding.id) above \(below.finding.id)")
        }
      }
      // The bound is a bound: the exposure is never below the residual risk any mitigation could give.
      for r in a.findings where r.handlingUnknown {
        #expect(r.exactPriority == r.exposure?.exact)
        #expect(r.riskUpperBound == r.exposure?.exact)
      }
    }
    #expect(boundsSeen > 10, "the generated sessions must exercise unknown figures")
  }

  // MARK: 3. A ban comes first

  @Test func aProhibitedPracticeComesFirstWhateverElseWasAnswered() {
    let pack = TestPacks.prohibited
    let favourable = ["q-risk-a-exposure": "1", "q-risk-a-exposure-2": "5", "q-risk-a-mitigation": "5"]
    let unfavourable = ["q-risk-a-exposure": "5", "q-risk-a-exposure-2": "1", "q-risk-a-mitigation": "1"]
    for answers in [favourable, unfavourable, [:]] {
      let a = Assessment(session: session(pack, answers, scope: ["scoring", "mood"]), pack: pack)
      #expect(a.flags.map(\.item.id) == ["ban", "art-4", "annex-iii"])
      #expect(a.flags.map(\.item.severity) == [.prohibited, .obligation, .information])
      #expect(a.recommendations.first?.action.id == "act-stop", "\(answers)")
      #expect(a.recommendations.first?.prohibited == true)
      #expect(a.recommendations.first?.reasons == [.flag(id: "ban", severity: .prohibited)])
      #expect(a.recommendations.dropFirst().allSatisfy { !$0.prohibited })
      if answers == unfavourable { #expect(a.recommendations.count == 4) }
      if answers == favourable { #expect(a.recommendations.map(\.action.id) == ["act-stop"]) }
    }
    // Without the use case, the ban does not apply and nothing says stop.
    let without = Assessment(session: session(pack, unfavourable, scope: ["scoring"]), pack: pack)
    #expect(!without.recommendations.contains { $0.action.id == "act-stop" })
    #expect(without.prohibitedFlags.isEmpty)
  }

  /// The case on the real pack: with emotion recognition in scope, the plan suggested ten
  /// ways to improve the banned system and none said stop; now the first says stop.
  @Test func theRealPacksBanOnEmotionRecognitionPutsStopFirst() throws {
    let pack = TestPacks.realWithBan
    let useCase = try #require(pack.useCases.first { $0.flags.contains("emotion-recognition") })
    for seed: UInt64 in 1...20 {
      var s = SessionGenerator.session(pack, seed: seed)
      s.scope = [ScopeItem(useCase: useCase.id, stage: .considered)] + (s.scope ?? [])
      let a = Assessment(session: s, pack: pack)
      #expect(a.flags.first?.item.id == "ai-act-art-5-1-f")
      #expect(a.recommendations.first?.action.id == "act-stop-prohibited-emotion-recognition", "seed \(seed)")
    }
  }

  // MARK: 4. top_findings follows docs/report-json.md

  /// A finding that is both risk and opportunity is ranked by its risk side, never by its
  /// untapped part when the risk side has no figure.
  @Test func aBothFindingIsRankedByItsRiskSide() throws {
    let pack = TestPacks.real
    let finding = try #require(pack.findings.first { $0.polarity == .both })
    var answers: [String: String] = [:]
    for (q, role) in pack.questions(measuring: finding.id) {
      switch role {
      case .potential: answers[q.id] = q.reversed ? "1" : "5"
      case .realisation: answers[q.id] = q.reversed ? "5" : "1"
      case .exposure: break  // the risk side has no figure at all
      case .mitigation: answers[q.id] = "3"
      default: break
      }
    }
    let a = Assessment(session: session(pack, answers), pack: pack)
    let result = try #require(a.result(finding.id))
    #expect(result.untapped == 100)
    #expect(result.rankedBy == .risk)
    #expect(result.priority == nil)
    #expect(!a.topFindings(5).contains { $0.finding.id == finding.id })
    #expect(a.unscoredRisks.map(\.finding).contains(finding.id))
  }

  // MARK: 5. Unscored risks are named

  /// The case: every mitigation statement "don't know", exposure 62.5; the risk dropped
  /// out of the average and of the top findings. It is now named, and ranked by its exposure.
  @Test func aRiskWithEveryMitigationUnknownIsNamedAndRanked() throws {
    let pack = TestPacks.real
    let finding = try #require(
      pack.findings.first { f in f.polarity == .risk && pack.questions(measuring: f.id).filter { $0.role == .exposure }.count == 2 })
    var answers: [String: String] = [:]
    var exposure = [3, 4]
    for (q, role) in pack.questions(measuring: finding.id) {
      if role == .exposure {
        let p = exposure.removeFirst()
        answers[q.id] = String(q.reversed ? 6 - p : p)
      } else if role == .mitigation {
        answers[q.id] = "d"
      }
    }
    let a = Assessment(session: session(pack, answers), pack: pack)
    let result = try #require(a.result(finding.id))
    #expect(result.exposure?.value == 62.5)
    #expect(result.transparencyGap)
    #expect(
      a.unscoredRisks.first { $0.finding == finding.id }
        == UnscoredRisk(finding: finding.id, reason: .transparencyGap, handlingUnknown: true))
    #expect(a.topFindings(5).first?.finding.id == finding.id)
    #expect(a.topFindings(5).first?.priority == 62.5)
    #expect(a.overall.risk.unscored.contains(finding.id))
    let level = try #require(a.levels.first { $0.id == finding.level })
    #expect(level.risk.unscored.contains(finding.id))
    #expect(level.risk.average == nil)
  }

  // MARK: 6. "Not relevant" lacks nothing

  @Test func aScaleWhoseStatementsAreAllNotRelevantHasNoStatementThatApplies() throws {
    let a = Assessment(
      session: session(
        MiniPack.pack, ["q-risk-a-exposure": "4", "q-risk-a-exposure-2": "2", "q-risk-a-mitigation": "n"]),
      pack: MiniPack.pack)
    let m = try #require(a.result("risk-a")?.mitigation)
    #expect(m.noStatementApplies)
    #expect(m.gaps.isEmpty)
    #expect(a.unscoredRisks.map(\.reason) == [.noStatementApplies])
  }

  // MARK: 7. Voices keep their "don't know"

  @Test func aVoicesDontKnowIsAKnowledgeGapUntilAnAnswerIsAgreed() {
    var s = session(MiniPack.pack, ["q-risk-a-mitigation": "4"], voices: ["management", "employees"])
    s.setAnswer(Answer(.dontKnow), question: "q-risk-a-mitigation", voice: "employees")
    s.setAnswer(Answer(.dontKnow), question: "q-risk-a-exposure", voice: "employees")
    var a = Assessment(session: s, pack: MiniPack.pack)
    #expect(a.knowledgeGaps == ["q-risk-a-exposure", "q-risk-a-mitigation"])
    #expect(!a.unanswered.contains("q-risk-a-exposure"))
    s.agreed["q-risk-a-mitigation"] = Answer(.point(4))
    a = Assessment(session: s, pack: MiniPack.pack)
    #expect(a.knowledgeGaps == ["q-risk-a-exposure"])
  }
}
