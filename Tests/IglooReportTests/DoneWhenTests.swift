import Foundation
import IglooContent
import IglooEngine
import Testing

@testable import IglooReport

/// Issue 3's "done when": the call centre's report could go straight to a committee meeting.
@Suite struct DoneWhenTests {
  @Test func theCallScoringRisksAreOnTop() throws {
    let assessment = try Fixture.callCentre.assessment
    // The summary lists five findings. Since the retired statements (issue 9) no longer count, the
    // fixture's rigid workflows and job shifts rank above the two group risks.
    let top = assessment.topFindings(5).map(\.finding.id)
    // Scoring calls on a few metrics ("simplified management") and overlooking help to
    // colleagues are the report's performance-measurement risks (Kapitel 2 › Maskinlæring).
    #expect(Array(top.prefix(3)).contains("ml-ind-simplified-management"))
    #expect(top.contains("ml-grp-secondary-contributions") || top.contains("genai-grp-ab-teams"))
    let simplified = try #require(assessment.result("ml-ind-simplified-management"))
    #expect(simplified.riskBand == .high)
  }

  @Test func theReportShowsTheReasonsAndTheMethod() throws {
    let assessment = try Fixture.callCentre.assessment
    for language in Language.allCases {
      let w = wording(language)
      let text = MarkdownReport.render(assessment, language: language)
      let plan = PlanRow.plan(assessment, w)
      #expect(!plan.isEmpty)
      for row in plan {
        #expect(!row.reasons.isEmpty)
        for reason in row.reasons { #expect(text.contains(Markdown.inline(reason)), "reason shown: \(reason)") }
      }
      // The first suggestion follows from the call-scoring answers, in words.
      let simplified = w.shortFinding("ml-ind-simplified-management")
      #expect(plan.contains { row in row.reasons.contains { $0.contains(simplified) } })
      #expect(text.contains(Markdown.inline(w("method.06"))))
      #expect(text.contains("## " + Markdown.inline(w("method.heading"))))
      // The legal flags that scoring performance sets off: Annex III 4(b) and Art. 26(7).
      #expect(assessment.flags.map(\.item.id).contains("ai-act-annex-iii-4b"))
      #expect(text.contains(Markdown.inline(Packs.builtin.context.first { $0.id == "ai-act-art-26-7" }!.title[language])))
    }
  }

  @Test func thePublicHomeCareUnitGetsTheTargetPictureAndSetsAnswersAside() throws {
    let assessment = try Fixture.homeCare.assessment
    #expect(assessment.flags.contains { $0.item.kind == "principle" })
    #expect(assessment.setAside.map(\.question).contains("q-genai-ind-complacency-exposure"))
    #expect(assessment.followUpWarnings == [.beyondThreeYears])
    let text = MarkdownReport.render(assessment, language: .da)
    #expect(text.contains(Markdown.inline(wording(.da)("set-aside.intro", ["count": String(assessment.setAside.count)]))))
  }
}
