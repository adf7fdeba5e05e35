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
    #expect(raised.isSuperset(of: ["ai-act-annex-iii-4b", "ai-act-art-6-3", "ai-act-art-26-7", "ai-act-art-26-oversight", "control-measures-notice", "ai-act-high-risk-dates"]))
    // Annex III 4(a) is recruitment; a call score is not.
    #expect(!raised.contains("ai-act-annex-iii-4a"))
    // A score built on tone of voice comes close to inferring emotions from biometric data, so the ban is raised with its caveat.
    #expect(raised.contains("ai-act-art-5-1-f"))
  }

  @Test func planningCanBeHighRiskButForecastingIsNot() {
    for useCase in ["shift-planning", "route-planning"] {
      let raised = flags([useCase])
      #expect(raised.contains("ai-act-annex-iii-4b-planning"), "\(useCase)")
      #expect(!raised.contains("ai-act-annex-iii-4b"), "\(useCase)")
    }
    let text = pack.context.first { $0.id == "ai-act-annex-iii-4b-planning" }?.text.da ?? ""
    #expect(text.contains("kan være højrisiko"), "\(text)")
    let forecasting = flags(["workload-forecasting"])
    #expect(forecasting.isDisjoint(with: ["ai-act-annex-iii-4b", "ai-act-annex-iii-4b-planning", "ai-act-art-26-7"]))
  }

  @Test func recruitmentRaisesAnnexIII4aTheApplicantsRightAndGDPRArticle22() {
    #expect(flags(["hr-screening"]).isSuperset(of: ["ai-act-annex-iii-4a", "ai-act-art-26-11", "gdpr-art-22", "ai-act-art-26-7"]))
    #expect(!flags(["chat-assistant"]).contains("gdpr-art-22"))
  }

  @Test func robotsHaveTheirLegalContext() {
    for useCase in ["versatile-robots", "robot-recognition"] {
      #expect(flags([useCase]).isSuperset(of: ["machinery-regulation", "ai-act-annex-i-safety-components", "robots-apv-revision", "accidents-near-misses"]), "\(useCase)")
    }
    #expect(flags(["chat-assistant"]).isDisjoint(with: ["machinery-regulation", "robots-apv-revision"]))
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
    let dates = pack.context.first { $0.id == "ai-act-high-risk-dates" }
    for date in ["2. august 2026", "2. december 2027", "2. august 2028"] { #expect(dates?.text.da.contains(date) == true, "\(date)") }
    #expect(dates?.caveat?.da.contains("eur-lex.europa.eu") == true)
    #expect(dates?.caveat?.da.contains("7. december 2026") == true)
    // The omnibus is law: the caveat of the last round (a political agreement, not checked) is gone.
    #expect(dates?.text.da.contains("politisk aftale") == false)
    #expect(dates?.caveat?.da.contains("ikke efterprøvet mod den endelige tekst") == false)
    for id in ["ai-act-annex-iii-4a", "ai-act-annex-iii-4b", "ai-act-art-26-7", "ai-act-art-26-oversight"] {
      #expect(pack.context.first { $0.id == id }?.caveat?.da.contains("hvornår højrisikoreglerne gælder") == true, "\(id)")
    }
  }
}
