import Foundation
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

@testable import IglooWizard

/// The depth in plain mode: a word on the scope line chooses the quick scan, which then asks only
/// the screening statements (issue 9).
@Suite struct PlainDepthTests {
  @Test func aDepthWordOnTheScopeLineChoosesTheQuickScan() throws {
    let call = PlainWizardTests.number("call-scoring"), chat = PlainWizardTests.number("chat-assistant")
    let script = PlainWizardTests.Script([
      "Nordlys Kundeservice", "", "", "", "", "", "", "\(call) \(chat):pilot hurtig", "", "4", "2",
    ])
    let (code, _) = script.run()
    #expect(code == 0)
    let saved = try #require(script.saved)
    #expect(saved.depth == .quick)
    #expect(saved.scope?.map(\.useCase) == ["call-scoring", "chat-assistant"])
    #expect(saved.scope?.last?.stage == .pilot)
    let asked = PlainWizardTests.asked(saved)
    #expect(asked.count == 18)
    #expect(asked.allSatisfy { $0.isScreening })
    #expect(saved.answer(asked[0].id, voice: Voice.single.id) == Answer(.point(4)))
    #expect(saved.answer(asked[1].id, voice: Voice.single.id) == Answer(.point(2)))
    #expect(script.transcript.contains("Dybde: hurtigscanning, 18 udsagn (fuld vurdering: 60)."))
  }

  @Test func aDepthWordAloneDoesNotMakeAScope() throws {
    let call = PlainWizardTests.number("call-scoring")
    let script = PlainWizardTests.Script(["Nordlys", "", "", "", "", "", "", "quick", "\(call) fuld", "", "3"])
    let (code, _) = script.run(language: .en)
    #expect(code == 0)
    let saved = try #require(script.saved)
    #expect(script.transcript.contains("Choose at least one use"))
    // The last depth word given counts, in either language.
    #expect(saved.depth == .full)
    #expect(saved.scope?.map(\.useCase) == ["call-scoring"])
    #expect(PlainWizardTests.asked(saved).allSatisfy { !$0.isScreening })
  }

  /// A quick scan of shift planning with every screening answered: exposure high, mitigation low,
  /// so the screenings come out high and there is something to deepen.
  static func screenedSession() -> Session {
    var s = Session(content: ContentRef(pack), about: About(workplace: "Lageret i Ølstykke", date: "2025-04-02"))
    s.scope = [ScopeItem(useCase: "shift-planning", stage: .inUse)]
    s.depth = .quick
    for q in s.applicableQuestions(pack) {
      s.setAnswer(Answer(.point(5)), question: q.id, voice: Voice.single.id)
    }
    return s
  }

  @Test func uOnTheProfileDeepensTheScreenedFindingsAndAsksTheirStatementsNext() throws {
    let quick = Self.screenedSession()
    // Enter keeps the scope; the review, with nothing to review, asks nothing; then a wrong
    // choice and u at the profile's offer, and one answer to the first deepened statement.
    let script = PlainWizardTests.Script(["", "x", "u", "4"], sessions: [quick])
    #expect(script.run(resume: true).code == 0)
    let out = script.transcript
    #expect(out.contains("Hurtigscanningen kan uddybes: u giver de "))
    #expect(out.contains("»x« er ikke et valg her"))
    #expect(out.contains("fund uddybet: "))
    let saved = try #require(script.saved)
    #expect(!saved.deepened.isEmpty)
    #expect(saved.depth == .quick, "deepening keeps the quick scan and its screening answers")
    // The statements come again after the deepening ("Trin 3" twice), and the first answer typed
    // goes to a deepened finding's full statement, not to a screening.
    #expect(out.components(separatedBy: "Trin 3 af 9").count == 3)
    let answered = saved.answers[Voice.single.id, default: [:]].filter { $0.value == Answer(.point(4)) }.map(\.key)
    #expect(answered.count == 1)
    let question = try #require(answered.first.flatMap { pack.question($0) })
    #expect(!question.isScreening)
    #expect(question.measures.contains { saved.deepened.contains($0.finding) })
    for q in quick.applicableQuestions(pack) {
      #expect(saved.answer(q.id, voice: Voice.single.id) == Answer(.point(5)), "screening \(q.id) kept")
    }
  }

  @Test func enterOnTheOfferGoesOnToThePlanAndAFullAssessmentIsNotOffered() throws {
    let script = PlainWizardTests.Script(["", "", ""], sessions: [Self.screenedSession()])
    #expect(script.run(language: .en, resume: true).code == 0)
    #expect(script.transcript.contains("The quick scan can be deepened"))
    #expect(script.saved?.deepened == [])
    #expect(script.transcript.contains("Step 7 of 9"))

    let full = PlainWizardTests.Script(["", "", ""], sessions: [PlainWizardTests.answeredSession()])
    #expect(full.run(resume: true).code == 0)
    #expect(!full.transcript.contains("uddybes"))
  }
}
