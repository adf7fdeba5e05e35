import IglooContent
import IglooEngine
import Testing

@testable import IglooWizard

/// Issue 26: the Scope step asks whether a system infers emotions (key f), and a new session starts
/// on the quick scan.
@Suite struct ScopeEmotionTests {
  @Test func aNewSessionStartsOnTheQuickScan() {
    let h = Harness()
    h.startNew(depth: nil)
    #expect(h.session.depth == .quick)
  }

  @Test(arguments: Language.allCases)
  func fCyclesWhetherTheCallScoreInfersEmotions(_ language: Language) {
    let h = Harness(language: language)
    h.startNew(depth: nil)
    h.pick(["call-scoring"])
    let t = Localizer(pack: pack, language: language)
    #expect(h.session.scope?.first?.infersEmotions == nil)
    #expect(h.text.contains(t("wizard.scope.infers-emotions.dont-know")), "not asked reads as don't know")
    h.press(.character("f"))
    #expect(h.session.scope?.first?.infersEmotions == .yes)
    h.press(.character("f"))
    #expect(h.session.scope?.first?.infersEmotions == InfersEmotions.no)
    h.press(.character("f"))
    #expect(h.session.scope?.first?.infersEmotions == .dontKnow)
    #expect(h.environment.sessions[h.state.handle!.id]?.scope?.first?.infersEmotions == .dontKnow, "saved")
  }

  @Test func aUseCaseThatCannotInferEmotionsIsNotAsked() {
    #expect(Flow.asksInfersEmotions("call-scoring", pack))
    #expect(Flow.asksInfersEmotions("wellbeing-sensors", pack))
    #expect(Flow.asksInfersEmotions("emotion-recognition", pack))
    #expect(!Flow.asksInfersEmotions("chat-assistant", pack))
    let h = Harness()
    h.startNew()
    h.pick(["chat-assistant"])
    h.press(.character("f"))
    #expect(h.session.scope?.first?.infersEmotions == nil)
  }
}
