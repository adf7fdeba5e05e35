import Foundation
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

/// Figures a committee can check by hand, on the mini pack.
@Suite struct WorkedExampleTests {
  let pack = MiniPack.pack

  func session(_ answers: [String: Answer], scope: [String] = ["scoring", "chat"]) -> Session {
    var s = Session(content: ContentRef(pack))
    s.scope = scope.map { ScopeItem(useCase: $0, stage: .inUse) }
    for (q, a) in answers { s.setAnswer(a, question: q, voice: "default") }
    return s
  }

  @Test func residualRiskIsExposureTimesOneMinusMitigation() {
    // E = mean(75, 100 − 25) = 75; M = 25 → residual = 75 × 0.75 = 56.25, high.
    let a = Assessment(session: session([
      "q-risk-a-exposure": Answer(.point(4)), "q-risk-a-exposure-2": Answer(.point(2)),
      "q-risk-a-mitigation": Answer(.point(2)),
    ]), pack: pack)
    let r = a.result("risk-a")!
    #expect(r.exposure?.value == 75)
    #expect(r.mitigation?.value == 25)
    #expect(r.residualRisk == 56.25)
    #expect(r.riskBand == .high)
    #expect(a.levels.first { $0.id == "individual" }?.risk.worstFinding == "risk-a")
  }

  @Test func opportunityIsSplitIntoRealisedAndUntapped() {
    // P = 100, R = 25 → realised 25, untapped 75.
    let a = Assessment(session: session([
      "q-chance-b-potential": Answer(.point(5)), "q-chance-b-realisation": Answer(.point(2)),
    ]), pack: pack)
    let r = a.result("chance-b")!
    #expect(r.realised == 25)
    #expect(r.untapped == 75)
    #expect(r.opportunityBand == .high)
  }

  @Test func halfAnsweredIsEnoughButLessIsNot() {
    let half = Assessment(session: session([
      "q-risk-a-exposure": Answer(.point(5)), "q-risk-a-exposure-2": Answer(.dontKnow),
      "q-risk-a-mitigation": Answer(.point(1)),
    ]), pack: pack).result("risk-a")!
    #expect(half.exposure?.value == 100)
    #expect(half.exposure?.gaps == ["q-risk-a-exposure-2"])
    let none = Assessment(session: session(["q-risk-a-exposure": Answer(.point(5))]), pack: pack).result("risk-a")!
    #expect(none.mitigation?.value == nil)
    #expect(none.residualRisk == nil)
    #expect(none.notEnoughAnswers)
  }

  @Test func notRelevantLeavesTheDenominator() {
    let r = Assessment(session: session([
      "q-risk-a-exposure": Answer(.point(3)), "q-risk-a-exposure-2": Answer(.notRelevant),
      "q-risk-a-mitigation": Answer(.point(3)),
    ]), pack: pack).result("risk-a")!
    #expect(r.exposure?.items == 1)
    #expect(r.exposure?.value == 50)
  }

  @Test func dontKnowOnMitigationIsATransparencyGap() {
    let a = Assessment(session: session([
      "q-risk-a-exposure": Answer(.point(5)), "q-risk-a-mitigation": Answer(.dontKnow),
    ]), pack: pack)
    #expect(a.result("risk-a")!.transparencyGap)
    #expect(a.knowledgeGaps == ["q-risk-a-mitigation"])
    // The answer trigger on don't-know fires although the finding has no score.
    #expect(a.recommendations.map(\.action.id) == ["act-ask"])
  }

  @Test func collectiveActionsRankBeforeIndividualInTheSameBand() {
    let a = Assessment(session: session([
      "q-risk-a-exposure": Answer(.point(5)), "q-risk-a-exposure-2": Answer(.point(1)),
      "q-risk-a-mitigation": Answer(.point(1)),
    ]), pack: pack)
    #expect(a.recommendations.map(\.action.id) == ["act-involve", "act-ask", "act-train-one"])
    #expect(a.recommendations.first?.reasons.first == .finding(id: "risk-a", score: 100, band: .high, opportunity: false))
    // Two of three suggestions are individual: the warning shows.
    #expect(a.individualWarning)
  }

  @Test func lowRiskTriggersOnlyActionsWithALowMinimum() {
    // E = 50, M = 75 → 12.5: below the moderate band (25), above act-train-one's minimum (10).
    let a = Assessment(session: session([
      "q-risk-a-exposure": Answer(.point(3)), "q-risk-a-exposure-2": Answer(.point(3)),
      "q-risk-a-mitigation": Answer(.point(4)),
    ]), pack: pack)
    #expect(a.result("risk-a")?.residualRisk == 12.5)
    #expect(a.recommendations.map(\.action.id) == ["act-train-one"])
  }

  @Test func agreedAnswerWinsAndMedianOtherwise() {
    var s = session([:])
    s.voices = [Voice(id: "m", name: "Ledelse"), Voice(id: "e", name: "Medarbejdere"), Voice(id: "x", name: "TR")]
    s.setAnswer(Answer(.point(5)), question: "q-risk-a-exposure", voice: "m")
    s.setAnswer(Answer(.point(1)), question: "q-risk-a-exposure", voice: "e")
    s.setAnswer(Answer(.point(2)), question: "q-risk-a-exposure", voice: "x")
    #expect(s.effectiveAnswer("q-risk-a-exposure", pack)?.score == 25)
    let a = Assessment(session: s, pack: pack)
    #expect(a.disagreements.map(\.question) == ["q-risk-a-exposure"])
    #expect(a.disagreements.first?.spread == 4)
    s.agreed["q-risk-a-exposure"] = Answer(.point(4))
    #expect(s.effectiveAnswer("q-risk-a-exposure", pack)?.score == 75)
    #expect(Assessment(session: s, pack: pack).disagreements.first?.resolved == true)
  }

  @Test func scopeDecidesWhatIsAskedAndAnswersOutsideAreSetAside() {
    var s = session(["q-chance-b-potential": Answer(.point(5))], scope: ["scoring"])
    #expect(s.applicableQuestions(pack).map(\.id) == ["q-risk-a-exposure", "q-risk-a-exposure-2", "q-risk-a-mitigation"])
    let a = Assessment(session: s, pack: pack)
    #expect(a.setAside.map(\.question) == ["q-chance-b-potential"])
    #expect(a.result("chance-b") == nil)
    s.scope = nil
    #expect(s.applicableQuestions(pack).count == 5)
  }

  @Test func flagsFollowUseCasesAndSector() {
    var s = session([:], scope: ["scoring"])
    #expect(Assessment(session: s, pack: pack).flags.map(\.item.id) == ["annex-iii", "art-4"])
    s.scope = [ScopeItem(useCase: "chat", stage: .planned)]
    s.about.sector = "municipality"
    #expect(Assessment(session: s, pack: pack).flags.map(\.item.id) == ["art-4", "public-only"])
  }

  @Test func nextReviewMoreThanThreeYearsAwayIsWarned() {
    var s = session([:])
    s.about.date = "2026-11-21"
    s.followUp.nextReview = "2029-11-21"
    #expect(Assessment(session: s, pack: pack).followUpWarnings == [])
    s.followUp.nextReview = "2029-11-22"
    #expect(Assessment(session: s, pack: pack).followUpWarnings == [.beyondThreeYears])
    s.followUp.nextReview = "next year"
    #expect(Assessment(session: s, pack: pack).followUpWarnings == [.unreadableDate])
  }
}
