import Foundation
import IglooContent
import IglooEngine
import Testing

@testable import IglooReport

/// Issue 27: the law as it stands in December 2026, and the survey's industry figures shown as a
/// comparison only to an industry workplace.
@Suite struct LawAndFiguresTests {
  /// The home-care fixture (a municipal unit) with a use case that carries a survey figure in
  /// scope, in the sector `sector`.
  func homeCare(sector: String) throws -> Assessment {
    var session = try Fixture.homeCare.session
    session.about.sector = sector
    session.scope = (session.scope ?? []) + [ScopeItem(useCase: "text-summaries", stage: .pilot)]
    return Assessment(session: session, pack: Packs.builtin)
  }

  /// Every survey figure's label and base in `language`, the words that show a figure is there.
  func figureTexts(_ language: Language) -> [String] {
    Packs.builtin.benchmarks.flatMap { [$0.label[language], $0.base[language]] }
  }

  @Test(arguments: Language.allCases)
  func aMunicipalUnitIsNotComparedWithIndustry(_ language: Language) throws {
    let assessment = try homeCare(sector: "public-municipality")
    let w = wording(language)
    let summary = MarkdownReport.render(assessment, language: language, part: .summary)
    for text in figureTexts(language) {
      #expect(!summary.contains(text), "the summary shows the industry figure \(text)")
    }
    let report = MarkdownReport.render(assessment, language: language)
    let comparison = w("scope.benchmark")
    #expect(!report.contains(comparison), "the report compares a municipal unit with industry")
    // The working papers keep the figure as context, labelled as from industry with its base.
    #expect(report.contains(w("scope.benchmark.industry-intro")))
    #expect(report.contains(Packs.builtin.benchmark("metal-fig3-text-summaries")!.base[language]))
    let json = String(decoding: JSONReport.render(assessment, language: language, part: .all), as: UTF8.self)
    #expect(json.contains("\"comparison\": false") && !json.contains("\"comparison\": true"))
  }

  @Test func anIndustryWorkplaceIsComparedWithTheSurvey() throws {
    let report = MarkdownReport.render(try homeCare(sector: SurveyComparison.sector), language: .da)
    #expect(report.contains(wording(.da)("scope.benchmark.intro")))
    #expect(!report.contains(wording(.da)("scope.benchmark.industry-intro")))
  }

  @Test func theRuleIsTheSectorOfTheAboutStep() {
    #expect(SurveyComparison.applies(to: About(sector: "private-production")))
    for sector in ["", "private-services", "public-municipality", "public-region"] {
      #expect(!SurveyComparison.applies(to: About(sector: sector)), "\(sector)")
    }
  }

  @Test(arguments: [Fixture.callCentre, .homeCare])
  func theOmnibusIsLawAndArticle4ReadsAsInForce(_ fixture: Fixture) throws {
    var session = try fixture.session
    if fixture == .homeCare { session.about.sector = "public-municipality" }
    let assessment = Assessment(session: session, pack: Packs.builtin)
    let da = MarkdownReport.render(assessment, language: .da)
    let en = MarkdownReport.render(assessment, language: .en)
    // The caveat of the last round: a political agreement, not checked against the final text.
    for stale in ["politisk aftale", "ikke efterprøvet mod den endelige tekst", "er artikel 4 ikke ændret"] {
      #expect(!da.contains(stale), "\(stale)")
    }
    for stale in ["political agreement", "have not been checked against the final text", "did not change Article 4"] {
      #expect(!en.contains(stale), "\(stale)")
    }
    // Article 4 as worded after the omnibus, applying since 2 February 2025.
    #expect(da.contains("træffe foranstaltninger til at støtte udviklingen af KI-færdigheder"))
    #expect(en.contains("take measures to support the development of AI literacy"))
    #expect(da.contains("Pligten har gældet siden 2. februar 2025"))
    #expect(!da.contains("skal så vidt muligt sikre et tilstrækkeligt niveau"))
  }

  /// The report's warning that its generative-AI consequences are partly qualified assessments
  /// stands beside every generative-AI finding, and beside no other.
  @Test(arguments: Language.allCases)
  func everyGenerativeAIFindingCarriesTheReportsWarningOnItsEvidence(_ language: Language) throws {
    let w = wording(language)
    let report = MarkdownReport.render(try Fixture.callCentre.assessment, language: language)
    let evidence = w("finding.evidence.genai")
    // A finding's line of facts in the working papers: "{polarity} · {technology} · Kilde: {source}".
    let source = language == .da ? "Kilde:" : "Source:"
    let genaiMeta = "· " + w.technology("genai") + " · " + source
    let evidenceCount = report.components(separatedBy: evidence).count - 1
    #expect(evidenceCount > 0)
    #expect(evidenceCount == report.components(separatedBy: genaiMeta).count - 1)
    #expect(report.components(separatedBy: "· " + w.technology("ml") + " · " + source).count > 1)
  }

  @Test func everyRuleCarriesTheDayItWasCheckedAndASource() {
    for item in Packs.builtin.context where ["legal", "apv", "agreement"].contains(item.kind) {
      #expect(item.asOf == "2026-12-07", "\(item.id)")
      #expect(!item.source.isEmpty, "\(item.id)")
    }
  }
}
