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
      "Nordlys Kundeservice", "", "", "", "", "", "", "\(call) \(chat):pilot hurtig", "4", "2",
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
    let script = PlainWizardTests.Script(["Nordlys", "", "", "", "", "", "", "quick", "\(call) fuld", "3"])
    let (code, _) = script.run(language: .en)
    #expect(code == 0)
    let saved = try #require(script.saved)
    #expect(script.transcript.contains("Choose at least one use"))
    // The last depth word given counts, in either language.
    #expect(saved.depth == .full)
    #expect(saved.scope?.map(\.useCase) == ["call-scoring"])
    #expect(PlainWizardTests.asked(saved).allSatisfy { !$0.isScreening })
  }
}
