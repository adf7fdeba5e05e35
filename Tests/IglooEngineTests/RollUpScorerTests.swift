import Foundation
import IglooContent
import IglooTestSupport
import Testing

@testable import IglooEngine

/// The roll-up's scorer over positions (issue 17) against the full assessment, session by session.
@Suite struct RollUpScorerTests {
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

  static func check(_ pack: ContentPack, _ sessions: [Session]) -> (suggested: Int, scored: Int) {
    var scorer = RollUpScorer(pack)
    #expect(scorer.usable)
    var suggested = 0
    var scored = 0
    let levels = pack.levels.map(\.id)
    for (n, session) in sessions.enumerated() {
      let want = RollUpFigures(Assessment(session: session, pack: pack), levels: levels)
      let got = scorer.figures(session)
      #expect(got == want, "session \(n)")
      suggested += want.suggested.count
      scored += want.levelRisk.compactMap { $0 }.count + want.levelOpportunity.compactMap { $0 }.count
    }
    return (suggested, scored)
  }

  @Test func theRealPacksFiguresAreTheAssessmentsBitForBit() {
    let (suggested, scored) = Self.check(TestPacks.real, Self.sessions(TestPacks.real, count: 180))
    #expect(suggested > 0 && scored > 0)
  }

  /// A pack whose actions are set off by a prohibited practice, an obligation and answers.
  @Test func flagAndAnswerTriggersFireAsInTheRecommender() {
    for pack in [TestPacks.prohibited, TestPacks.realWithBan] {
      let (suggested, _) = Self.check(pack, Self.sessions(pack, count: 60))
      #expect(suggested > 0)
    }
  }

  /// Buffers carried from one session to the next must not leak into it: the same session
  /// scored after different ones gives the same figures.
  @Test func aSessionsFiguresDoNotDependOnTheOneBefore() {
    let pack = TestPacks.real
    let sessions = Self.sessions(pack, count: 12)
    var scorer = RollUpScorer(pack)
    let alone = sessions.map { s -> RollUpFigures in
      var fresh = RollUpScorer(pack)
      return fresh.figures(s)
    }
    for (i, s) in sessions.enumerated().reversed() { #expect(scorer.figures(s) == alone[i]) }
  }
}
