import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

/// The legal and context flags issue 3 asks for, raised by the real pack's use cases and sectors.
@Suite struct RealPackFlagTests {
  let pack = TestPacks.real

  func flags(_ useCases: [String], sector: String = "private-services") -> Set<String> {
    var s = Session(content: ContentRef(pack), about: About(sector: sector))
    s.scope = useCases.map { ScopeItem(useCase: $0, stage: .planned) }
    return Set(Assessment(session: s, pack: pack).flags.map(\.item.id))
  }

  @Test func performanceScoringIsHighRiskAndNeedsInformationAndOversight() {
    let raised = flags(["call-scoring"])
    #expect(raised.isSuperset(of: ["ai-act-annex-iii-4", "ai-act-art-26-7", "ai-act-art-26-oversight", "control-measures-notice"]))
    #expect(!raised.contains("ai-act-art-5-1-f"))
  }

  @Test func taskAllocationIsHighRisk() {
    #expect(flags(["shift-planning"]).contains("ai-act-annex-iii-4"))
  }

  @Test func emotionRecognitionIsProhibited() {
    #expect(flags(["emotion-recognition"]).contains("ai-act-art-5-1-f"))
  }

  @Test func anyAIUseCallsForLiteracyAndTheAPV() {
    for useCase in pack.useCases.map(\.id) {
      #expect(flags([useCase]).isSuperset(of: ["ai-act-art-4", "apv-new-technology"]), "\(useCase)")
    }
  }

  @Test func theTargetPictureAppliesToPublicWorkplacesOnly() {
    let principles = Set(pack.context.filter { $0.kind == "principle" || $0.kind == "prerequisite" }.map(\.id))
    #expect(principles.count == 9)
    #expect(flags(["chat-assistant"], sector: "public-municipality").isSuperset(of: principles))
    #expect(flags(["chat-assistant"], sector: "private-services").isDisjoint(with: principles))
  }

  @Test func highRiskItemsCarryTheCaveatOnDates() {
    let item = pack.context.first { $0.id == "ai-act-annex-iii-4" }
    #expect(item?.caveat != nil)
  }
}
