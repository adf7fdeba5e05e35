import Foundation
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

@testable import IglooReport

/// Every example session in both languages and all three formats, compared byte for byte with
/// the recorded reports. Re-record with `IGLOO_RECORD=1` after an intended change.
@Suite struct GoldenTests {
  @Test(arguments: Fixture.allCases, Language.allCases)
  func markdown(_ fixture: Fixture, _ language: Language) throws {
    let text = MarkdownReport.render(try fixture.assessment, language: language)
    assertGolden(text, named: "\(fixture.rawValue).\(language.rawValue).md", in: goldenDirectory)
  }

  @Test(arguments: Fixture.allCases, Language.allCases)
  func json(_ fixture: Fixture, _ language: Language) throws {
    let data = JSONReport.render(try fixture.assessment, language: language)
    assertGolden(data, named: "\(fixture.rawValue).\(language.rawValue).json", in: goldenDirectory)
  }

  @Test(arguments: Fixture.allCases, Language.allCases)
  func csv(_ fixture: Fixture, _ language: Language) throws {
    let text = CSVReport.render(try fixture.assessment, language: language)
    assertGolden(text, named: "\(fixture.rawValue).\(language.rawValue).csv", in: goldenDirectory)
  }

  @Test(arguments: Language.allCases)
  func summaryPart(_ language: Language) throws {
    let assessment = try Fixture.callCentre.assessment
    for format in [Format.markdown, .json, .csv] {
      let data = format.render(assessment, language: language, part: .summary)
      assertGolden(data, named: "call-centre.summary.\(language.rawValue).\(format.fileExtension)", in: goldenDirectory)
    }
    let docx = try Docx.parts(DocxReport.render(assessment, language: language, part: .summary))
    assertGolden(
      Docx.goldenText(docx), named: "call-centre.summary.\(language.rawValue).xml.txt",
      in: goldenDirectory.appendingPathComponent("docx"))
  }

  @Test(arguments: Fixture.allCases, Format.allCases)
  func renderingTwiceGivesTheSameBytes(_ fixture: Fixture, _ format: Format) throws {
    for language in Language.allCases {
      // A fresh assessment each time, so nothing cached can hide an unordered iteration.
      let first = format.render(try fixture.assessment, language: language)
      let second = format.render(try fixture.assessment, language: language)
      #expect(first == second)
    }
  }

  @Test(arguments: Fixture.allCases, Format.allCases)
  func everyTextComesFromTheStringTable(_ fixture: Fixture, _ format: Format) throws {
    for language in Language.allCases {
      let text = String(decoding: format.render(try fixture.assessment, language: language), as: UTF8.self)
      // A missing key renders as the key itself, so a leftover `report.x` means a missing string.
      #expect(text.firstMatch(of: /report\.[a-z]/) == nil, "a report string is missing from Content/strings/report.yaml")
      #expect(text.firstMatch(of: /\{[a-z_]+\}/) == nil, "a placeholder was left unfilled")
    }
  }
}
