import Foundation
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

@testable import IglooWizard

/// The quick scan in the wizard, driven key by key: the depth on the Scope step, one key per
/// answer, deepening from the Profile, and the use cases each statement concerns (issue 9).
@Suite struct DepthScriptTests {
  /// From a new assessment to the Scope step with the call-centre scope: call scoring in use, the
  /// chat assistant in pilot, and the quick scan. Returns the keys pressed on the Scope step; the
  /// chat assistant is then named KundeBot, keys not counted, since naming is optional.
  func callCentreScope(_ h: Harness) -> Int {
    h.startNew()
    h.go(to: .scope)
    var keys: [Key] = []
    var at = h.state.scopeSelection
    for (id, stage) in [("call-scoring", 0), ("chat-assistant", 1)] {
      let i = pack.useCases.firstIndex { $0.id == id }!
      keys += Array(repeating: i > at ? Key.down : Key.up, count: abs(i - at)) + [.character(" ")]
      at = i
      // From in use, each s moves one stage on, in the text's order: in use → pilot → planned → considered.
      keys += Array(repeating: Key.character("s"), count: stage)
    }
    keys.append(.character("d"))
    h.press(keys)
    h.press([.character("e")] + "KundeBot".map(Key.character) + [.enter])
    return keys.count
  }

  @Test func theDepthIsChosenOnTheScopeStepAndShown() {
    let h = Harness(language: .da)
    _ = callCentreScope(h)
    #expect(h.session.depth == .quick)
    #expect(h.session.scope?.map(\.stage) == [.inUse, .pilot])
    #expect(h.session.scope?.last?.note == "KundeBot")
    #expect(h.text.contains("Dybde: hurtigscanning, 18 udsagn (fuld vurdering: 60)"))
    #expect(h.text.contains("d Hurtig/fuld"), "the footer names the key, from the table")
    h.press(.character("d"))
    #expect(h.session.depth == .full)
    h.press(.character("d"))
    #expect(h.session.depth == .quick)
  }

  @Test func aQuickScanTakesOneKeyPerStatementFromScopeToProfile() {
    let h = Harness(language: .en)
    var keys = callCentreScope(h)
    h.press(.pageDown)
    keys += 1
    #expect(h.state.step == .questions)
    let total = h.session.applicableQuestions(pack).count
    #expect(total == 18)
    var answered = 0
    var seen: Set<String> = []
    while h.state.step == .questions, let q = h.state.currentQuestion, answered < 100 {
      #expect(q.isScreening)
      #expect(seen.insert(q.id).inserted, "each statement is asked once")
      h.press(.character(String(1 + answered % 5).first!))
      answered += 1
    }
    keys += answered
    #expect(answered == total)
    #expect(h.session.progress(pack).answered == total)
    // No deepening yet, so no sickness-absence step: the review comes next, then the profile.
    #expect(h.state.step == .review)
    h.press(.pageDown)
    keys += 1
    #expect(h.state.step == .profile)
    #expect(keys <= 60, "\(keys) keys from Scope to Profile")
    #expect(h.text.contains("Screening: risk"))
    #expect(!h.text.contains("Residual risk"))
    #expect(h.text.contains("u Deepen moderate/high"))
  }

  @Test func deepeningAsksOnlyTheFullStatementsAndKeepsTheScreenings() {
    let h = Harness(language: .da)
    _ = callCentreScope(h)
    h.press(.pageDown)
    while h.state.step == .questions { h.press(.character("4")) }
    let screenings = h.session.answers
    h.go(to: .profile)
    let toDeepen = h.state.assessment!.findingsToDeepen
    #expect(toDeepen.count == 18)
    // Answer the screenings of all but two findings low, then deepen the two left high.
    var s = h.session
    for q in s.applicableQuestions(pack) where !["q-ml-org-rigidity-screening", "q-genai-ind-complacency-screening"].contains(q.id) {
      s.setAnswer(Answer(.point(1)), question: q.id, voice: Voice.single.id)
    }
    let h2 = Harness(language: .da, sessions: [{ var x = s; x.cursor = "profile"; return x }()])
    h2.press(.down, .enter)
    #expect(h2.state.step == .profile)
    h2.press(.character("u"))
    #expect(h2.session.deepened.sorted() == ["genai-ind-complacency", "ml-org-rigidity"])
    #expect(h2.state.step == .questions)
    var asked: [String] = []
    while h2.state.step == .questions || h2.state.step == .absence, let q = h2.state.currentQuestion, asked.count < 100 {
      #expect(!q.isScreening, "deepening asks only full statements, not \(q.id)")
      asked.append(q.id)
      h2.press(.character("3"))
    }
    let deepened = Set(h2.session.deepened)
    let full = h2.session.applicableQuestions(pack).filter { !$0.isScreening }
    let expected = (full.filter { $0.kind == .finding } + full.filter { $0.kind == .absence }).map(\.id)
    #expect(asked == expected)
    #expect(asked.allSatisfy { id in
      let q = pack.question(id)!
      return q.kind == .absence || q.measures.contains { deepened.contains($0.finding) }
    })
    for (q, answer) in s.answers[Voice.single.id] ?? [:] { #expect(h2.session.answer(q, voice: Voice.single.id) == answer) }
    #expect(screenings[Voice.single.id]?.count == 18)
  }

  @Test func aStatementSaysWhichSystemsItConcerns() {
    let h = Harness(language: .en)
    _ = callCentreScope(h)
    h.press(.character("d"))
    h.press(.pageDown)
    // A genai statement concerns KundeBot only; a sickness-absence statement concerns both.
    let genai = h.session.applicableQuestions(pack).first { $0.id.hasPrefix("q-genai") }!
    for _ in 0..<200 where h.state.currentQuestion?.id != genai.id { h.press(.right) }
    #expect(h.text.contains("About: KundeBot (Pilot)"))
    #expect(!h.text.contains("Answer for the system"))
    for _ in 0..<200 where h.state.currentQuestion?.id != "q-absence-workload" { h.press(.right) }
    let text = h.screen(Size(width: 120, height: 40)).text
    #expect(text.contains("About: Scoring of customer calls (In use), KundeBot (Pilot)"))
    #expect(text.contains("Answer for the system that affects the employees most"))
  }
}
