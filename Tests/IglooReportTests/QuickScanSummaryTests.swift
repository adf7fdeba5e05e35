import Foundation
import IglooContent
import IglooEngine
import Testing

@testable import IglooReport

/// A quick scan's summary carries its result, the screenings, as the wizard's Profile step does:
/// per level, and among the main findings. It never calls a screening a residual risk.
@Suite struct QuickScanSummaryTests {
  /// The quick-scan fixture with its one deepened finding undone: screenings only.
  func screenedOnly() throws -> Assessment {
    var session = try Fixture.quickScan.session
    session.deepened = []
    return Assessment(session: session, pack: Packs.builtin)
  }

  /// The summary's text from the level profile's heading to the next second-level heading.
  func profileSection(_ markdown: String, _ w: Wording) -> String {
    guard let start = markdown.range(of: "## " + w("summary.levels.heading")) else { return "" }
    let rest = markdown[start.upperBound...]
    return String(rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)])
  }

  @Test(arguments: Language.allCases)
  func theLevelsShowTheirScreenings(_ language: Language) throws {
    let assessment = try screenedOnly()
    let w = wording(language)
    let profile = profileSection(MarkdownReport.render(assessment, language: language, part: .summary), w)
    #expect(profile.contains("| " + w("profile.screening-risk") + " |"))
    #expect(!profile.contains(w("profile.risk")), "no residual-risk column where nothing was assessed in full")
    #expect(!profile.contains("mermaid"), "no chart of residual risks that are all unknown")
    for row in assessment.levels {
      guard let risk = row.screening?.risk, let average = risk.average else { continue }
      let cell = w.scored(average, risk.band)
      #expect(profile.contains("| " + w.level(row.id) + " | " + cell + " |"), "\(row.id): \(cell)")
    }
    #expect(assessment.levels.contains { $0.screening?.risk.average != nil }, "the fixture screens some risks")
  }

  @Test(arguments: Language.allCases)
  func theMainFindingsAreTheStrongestScreenings(_ language: Language) throws {
    let assessment = try screenedOnly()
    let w = wording(language)
    #expect(assessment.topFindings(5).isEmpty, "nothing assessed in full")
    let summary = MarkdownReport.render(assessment, language: language, part: .summary)
    #expect(!summary.contains(w("summary.top.none")))
    for (i, result) in assessment.screenedFindings.prefix(5).enumerated() {
      let screening = try #require(result.screening)
      let key = screening.opportunity ? "top.screening-opportunity" : "top.screening"
      let figure = w(key, ["score": w.scored(screening.value, screening.band)])
      #expect(summary.contains("\(i + 1). **\(Markdown.inline(result.finding.shortTitle[language]))** – \(figure)"))
    }
  }

  /// A deepened finding's residual risk stands in the one profile table, as its level's strongest
  /// risk with its kind in words; no second table of residual risks gives it another figure.
  @Test func aDeepenedFindingKeepsItsResidualRisk() throws {
    let assessment = try Fixture.quickScan.assessment
    let w = wording(.da)
    let profile = profileSection(MarkdownReport.render(assessment, language: .da, part: .summary), w)
    #expect(profile.contains(w("profile.screening-risk")))
    #expect(!profile.contains(w("profile.risk")))
    let deepened = try #require(assessment.findings.first { $0.hasFullFigure })
    let risk = try #require(deepened.residualRisk)
    let cell = w("profile.worst.value", ["finding": deepened.finding.shortTitle[.da], "score": w("top.risk", ["score": w.scored(risk, deepened.riskBand)])])
    #expect(profile.contains("| " + cell + " |"), "\(profile)")
  }

  /// A full assessment's summary is as before: no screening columns.
  @Test func aFullAssessmentHasNoScreeningColumns() throws {
    let w = wording(.en)
    let summary = MarkdownReport.render(try Fixture.callCentre.assessment, language: .en, part: .summary)
    #expect(!summary.contains(w("profile.screening-risk")))
  }
}
