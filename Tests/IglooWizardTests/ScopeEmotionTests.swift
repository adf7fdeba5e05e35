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

  /// The phrases that label a prohibited practice or tell the reader to stop, in both languages.
  static let banWords = [
    "Forbudt praksis", "Forbudt:", "FORBUDT", "Prohibited practice", "Prohibited:", "PROHIBITED", "stop brugen", "Stop brugen",
    "stop the use", "Stop the use",
  ]

  /// The wizard resumed on `step` of `session`, as text at 100×40.
  func screen(_ session: Session, step: String, language: Language) -> String {
    var s = session
    s.cursor = step
    let environment = MemoryEnvironment(pack: pack, date: "2025-05-01", sessions: [s])
    let runner = WizardRunner(pack: pack, environment: environment, language: language)
    let size = Size(width: 100, height: 40)
    for key in [Key.down, .enter] { runner.send(key, size: size) }
    return runner.render(size: size).text
  }

  /// Call scoring alone, every statement answered 3, with `infers_emotions` as given.
  func callScoring(_ infers: InfersEmotions?) -> Session {
    var s = Session(content: ContentRef(pack), about: About(workplace: "Nordlys", date: "2025-03-12"))
    s.scope = [ScopeItem(useCase: "call-scoring", stage: .inUse, infersEmotions: infers)]
    s.depth = .full
    for q in s.applicableQuestions(pack) { s.setAnswer(Answer(.point(3)), question: q.id, voice: Voice.single.id) }
    return s
  }

  @Test(arguments: Language.allCases)
  func noScreenCallsTheCallScoreABanUnlessTheScopeSaysItInfersEmotions(_ language: Language) {
    for infers in [nil, InfersEmotions.dontKnow, .no] {
      for step in ["scope", "review", "profile", "plan", "follow-up", "export"] {
        let text = screen(callScoring(infers), step: step, language: language)
        for word in Self.banWords { #expect(!text.contains(word), "\(String(describing: infers)) \(step): \(word)\n\(text)") }
      }
    }
    let yes = screen(callScoring(.yes), step: "profile", language: language)
    #expect(yes.contains(language == .da ? "FORBUDT" : "PROHIBITED"), "\(yes)")
  }

  @Test(arguments: Language.allCases)
  func aQuickScanThatDisagreesEverywhereOffersNothingToDeepen(_ language: Language) {
    var s = Session(content: ContentRef(pack), about: About(workplace: "Hjemmeplejen", date: "2025-04-01"))
    s.scope = [ScopeItem(useCase: "shift-planning", stage: .inUse), ScopeItem(useCase: "chat-assistant", stage: .inUse)]
    s.depth = .quick
    for q in s.applicableQuestions(pack) where q.isScreening { s.setAnswer(Answer(.point(2)), question: q.id, voice: Voice.single.id) }
    let text = screen(s, step: "profile", language: language)
    let t = Localizer(pack: pack, language: language)
    let offer = t("wizard.profile.deepen", ["screened": "0", "all": "0"])
    #expect(!text.contains(String(offer.prefix(12))), "no offer to deepen:\n\(text)")
    #expect(text.contains(t("wizard.profile.deepen.none", ["all": String(Assessment(session: s, pack: pack).findings.count)])), "\(text)")
    // Every level's row reads low, in both columns.
    for level in ["individual", "group", "leadership", "organisation", "context"] {
      let name = t(pack.level(level)!.name)
      let row = text.split(separator: "\n").first { $0.hasPrefix(" " + name + " ") }.map(String.init) ?? ""
      #expect(row.contains(t("wizard.band.low")), "\(level): \(row)")
      #expect(!row.contains(t("wizard.band.moderate")) && !row.contains(t("wizard.band.high")), "\(level): \(row)")
    }
  }
}
