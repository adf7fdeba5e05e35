import Foundation
import IglooContent
import IglooTestSupport
import Testing

@testable import IglooEngine

/// The one scoring core (issue 29): hand-computed figures of a small pack, the index kept with its
/// pack, and the roll-up's figures-only scoring giving the full assessment's figures.
@Suite struct ScoringCoreTests {
  /// Sessions of every kind the roll-up meets, and some it should never meet: no scope, a quick
  /// scan with findings deepened, agreed answers, voices that repeat or are missing from the list,
  /// unknown use cases and deepened ids.
  static func sessions(_ pack: ContentPack, count: Int) -> [Session] {
    var out: [Session] = []
    for i in 0..<count {
      let seed = UInt64(700 + i)
      var rng = SeededGenerator(seed: seed ^ 0x726F_6C6C)
      var s = SessionGenerator.session(pack, seed: seed, voices: 1 + i % 4, notes: i % 3 == 0, agreed: i % 2 == 1)
      s.about.sector = pack.info.sectors.randomElement(using: &rng)?.id ?? ""
      switch i % 9 {
      case 0: s.scope = nil
      case 1: s.scope = []
      case 2: s.scope?.append(ScopeItem(useCase: "no-such-use-case", stage: .pilot))
      case 3: s.voices.append(s.voices[0])
      case 4: s.voices.removeFirst()
      default: break
      }
      if i % 4 == 2 {
        s.depth = .quick
        s.deepened = pack.findings.map(\.id).filter { _ in Int.random(in: 0..<3, using: &rng) == 0 }
        if i % 8 == 2 { s.deepened.append("no-such-finding") }
        for q in s.applicableQuestions(pack) where q.isScreening {
          for voice in s.voices where Int.random(in: 0..<4, using: &rng) > 0 {
            let value: AnswerValue = [.point(Int.random(in: 1...5, using: &rng)), .dontKnow, .notRelevant].randomElement(using: &rng)!
            s.setAnswer(Answer(value), question: q.id, voice: voice.id)
          }
        }
      }
      if i % 5 == 3 { s.depth = .quick }
      out.append(s)
    }
    return out
  }

  /// The roll-up's figures of `session`, scored without detail, against those of its full assessment.
  static func check(_ pack: ContentPack, _ sessions: [Session]) -> (suggested: Int, scored: Int) {
    var suggested = 0
    var scored = 0
    let levels = pack.levels.map(\.id)
    for (n, session) in sessions.enumerated() {
      let want = RollUpFigures(Assessment(session: session, pack: pack), levels: levels)
      let got = RollUpFigures(ScoredSession(session, pack.scoringIndex, detail: false))
      #expect(got == want, "session \(n)")
      suggested += want.suggested.count
      scored += want.levelRisk.compactMap { $0 }.count + want.levelOpportunity.compactMap { $0 }.count
    }
    return (suggested, scored)
  }

  @Test func figuresWithoutDetailAreTheFullAssessmentsOnTheRealPack() {
    let (suggested, scored) = Self.check(TestPacks.real, Self.sessions(TestPacks.real, count: 180))
    #expect(suggested > 0 && scored > 0)
  }

  /// A pack whose actions are set off by a prohibited practice, an obligation and answers.
  @Test func flagAndAnswerTriggersFireWithoutDetailAsInTheFullAssessment() {
    for pack in [TestPacks.prohibited, TestPacks.realWithBan] {
      let (suggested, _) = Self.check(pack, Self.sessions(pack, count: 60))
      #expect(suggested > 0)
    }
  }

  // MARK: Hand-computed figures of the mini pack

  let mini = MiniPack.pack

  /// One voice, the `scoring` use case (machine learning) in scope, at `depth`, with `answers` by question.
  func session(_ answers: [String: AnswerValue], depth: Depth = .full, sector: String = "private") -> Session {
    var s = Session(content: ContentRef(mini))
    s.scope = [ScopeItem(useCase: "scoring", stage: .inUse)]
    s.about.sector = sector
    s.depth = depth
    for (q, v) in answers { s.setAnswer(Answer(v), question: q, voice: Voice.single.id) }
    return s
  }

  /// E = (75 + (100 − 25)) / 2 = 75, M = 25, so the residual risk is 75 × 75 / 100 = 56.25 (high);
  /// both actions on risk-a fire, the one on a mitigation answer of 0 or "don't know" does not.
  @Test func aResidualRiskIsWorkedOutAsByHand() {
    let s = session(["q-risk-a-exposure": .point(4), "q-risk-a-exposure-2": .point(2), "q-risk-a-mitigation": .point(2)])
    let index = mini.scoringIndex
    let scored = ScoredSession(s, index, detail: true)
    #expect(index.questionIDs.indices.filter { scored.asked[$0] }.map { index.questionIDs[$0] }
      == ["q-risk-a-exposure", "q-risk-a-exposure-2", "q-risk-a-mitigation"])
    let figures = scored.findings[0]!
    #expect(figures.exposure?.exact == ExactScore(75) && figures.mitigation?.exact == ExactScore(25))
    #expect(figures.residualRisk == ExactScore(225, 4))
    #expect(figures.assessed == .full)
    #expect(scored.findings[1] == nil)  // chance-b is generative AI, not in scope
    let rollUp = RollUpFigures(ScoredSession(s, index, detail: false))
    #expect(rollUp.levelRisk == [56.25, nil, nil, nil, nil] && rollUp.overallRisk == 56.25)
    #expect(rollUp.overallOpportunity == nil)
    #expect(rollUp.suggested == ["act-involve", "act-train-one"])
    let a = Assessment(session: s, pack: mini)
    #expect(a.result("risk-a")?.riskBand == .high)
    #expect(a.flags.map(\.item.id) == ["annex-iii", "art-4"])
  }

  /// A quick scan answers only the screening statement: 75 is high on the screening bands (50/75),
  /// there is no residual risk, and the actions on risk-a fire from the screening.
  @Test func aQuickScanRecommendsFromItsScreening() {
    let s = session(["q-risk-a-screening": .point(4)], depth: .quick)
    let scored = ScoredSession(s, mini.scoringIndex, detail: false)
    let figures = scored.findings[0]!
    #expect(figures.screening?.exact == ExactScore(75) && figures.residualRisk == nil)
    #expect(figures.assessed == .screened)
    let rollUp = RollUpFigures(scored)
    #expect(rollUp.overallRisk == nil)
    #expect(rollUp.suggested == ["act-involve", "act-train-one"])
    #expect(Assessment(session: s, pack: mini).result("risk-a")?.screening?.band == .high)
  }

  /// The mitigation answered "don't know": too few answers for M, so no residual risk, a
  /// transparency gap, and the action on that answer fires ranked by the upper bound 75 × 100 / 100.
  @Test func aDontKnowLeavesNoFigureAndFiresItsAnswerTrigger() {
    let s = session(["q-risk-a-exposure": .point(4), "q-risk-a-exposure-2": .notRelevant, "q-risk-a-mitigation": .dontKnow])
    let a = Assessment(session: s, pack: mini)
    let r = a.result("risk-a")!
    #expect(r.exposure?.items == 1 && r.exposure?.exact == ExactScore(75))
    #expect(r.mitigation?.items == 1 && r.mitigation?.answered == 0 && r.mitigation?.gaps == ["q-risk-a-mitigation"])
    #expect(r.residualRisk == nil && r.transparencyGap)
    #expect(a.recommendations.map(\.action.id) == ["act-ask"])
    #expect(a.recommendations.first?.exactPriority == ExactScore(75) && a.recommendations.first?.priorityIsBound == true)
    #expect(RollUpFigures(ScoredSession(s, mini.scoringIndex, detail: false)).suggested == ["act-ask"])
  }

  /// A public sector brings in the item that applies only there.
  @Test func aPublicSectorBringsInItsContextItem() {
    let a = Assessment(session: session([:], sector: "municipality"), pack: mini)
    #expect(a.flags.map(\.item.id) == ["annex-iii", "art-4", "public-only"])
  }

  /// The effective answers of a whole session, read voice by voice and placed by position (issue 29
  /// point 2), are those the one rule gives question by question: several voices, agreed answers,
  /// voices missing from the list, and a pack where one question id is given twice.
  @Test func aSessionsEffectiveAnswersAreEachQuestionsOwn() {
    var repeated = TestPacks.real
    repeated.questions.append(repeated.questions[3])
    for pack in [TestPacks.real, repeated] {
      let index = pack.scoringIndex
      var compared = 0
      for session in Self.sessions(TestPacks.real, count: 60) {
        let asked = index.asked(session.scope, at: session.depth, deepened: session.deepened)
        let all = session.effectiveAnswers(index, asked: asked)
        let voiceAnswers = session.voiceAnswers
        var scores: [Double] = []
        for q in asked.indices {
          let want = asked[q] ? session.effectiveAnswer(index.questionIDs[q], voiceAnswers, index, scores: &scores) : nil
          #expect(all[q] == want, "\(index.questionIDs[q])")
          if want != nil { compared += 1 }
        }
      }
      #expect(compared > 1000)
      #expect(index.repeatedQuestions.count == (pack.questions.count == TestPacks.real.questions.count ? 0 : 1))
    }
  }

  /// Ids found by their bytes (issue 29 point 2) are found as a dictionary of `String`s finds
  /// them: the pack's question ids, misses, a repeated id, the empty id, and keys that are the same
  /// text as an id in other bytes (a decomposed å, the Kelvin sign that is the letter K).
  @Test func idsAreFoundByTheirBytesAsByTheirText() {
    let lists: [[String]] = [
      TestPacks.real.questions.map(\.id), ["a", "b", "a", "", "K-1", "q-x"], ["å-1", "b", "café"], [], ["x"],
      (0..<300).map { "q-\($0)" },
    ]
    for ids in lists {
      let table = IDPositions(ids)
      var byText: [String: Int] = [:]
      for (n, id) in ids.enumerated() where byText[id] == nil { byText[id] = n }
      let keys =
        ids + ids.map { $0 + "x" } + ids.map { String($0.dropLast()) }
        + ["", "a", "A", "k-1", "\u{212A}-1", "a\u{030A}-1", "cafe\u{0301}", "caf", "q-300", "q-3000", "zzzzzzzzzzzzzzzzzzzzzzz"]
      for key in keys {
        #expect(table[key] == byText[key], "\(ids.prefix(3)) \(key.unicodeScalars.map { String($0.value, radix: 16) })")
      }
    }
    #expect(IDPositions(["K-1"])["\u{212A}-1"] == 0)
    #expect(IDPositions(["å-1"])["a\u{030A}-1"] == 0)
  }

  /// The index is built once per pack and shared by its copies; a changed pack gets its own.
  @Test func theIndexIsKeptWithItsPackUntilThePackChanges() {
    let pack = mini
    let copy = pack
    #expect(pack.scoringIndex === pack.scoringIndex)
    #expect(copy.scoringIndex === pack.scoringIndex)
    var changed = pack
    changed.questions.removeLast()
    #expect(changed.scoringIndex !== pack.scoringIndex)
    #expect(changed.scoringIndex.questionIDs.count == pack.questions.count - 1)
    #expect(pack.scoringIndex.questionIDs.count == pack.questions.count)
  }

  /// Applicability by bit sets asks what the pack's own restrictions say: a question restricted to
  /// generative AI is not asked of a machine-learning scope, and is when a generative use case joins.
  @Test func applicabilityFollowsTheScopesTechnologies() {
    var s = session([:])
    #expect(!s.applicableQuestions(mini).contains { $0.id == "q-chance-b-potential" })
    s.scope?.append(ScopeItem(useCase: "chat", stage: .inUse))
    #expect(s.applicableQuestions(mini).contains { $0.id == "q-chance-b-potential" })
    #expect(s.questions(mini, at: .quick).map(\.id) == ["q-risk-a-screening", "q-chance-b-screening"])
    #expect(s.questions(mini, at: .quick, deepened: ["chance-b"]).map(\.id)
      == ["q-chance-b-potential", "q-chance-b-realisation", "q-risk-a-screening", "q-chance-b-screening"])
  }
}
