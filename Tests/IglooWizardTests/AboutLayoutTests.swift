import Foundation
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

@testable import IglooWizard

/// The About form's participant rows (issue 15): a role such as "Arbejdsmiljørepræsentant" is
/// shown whole wherever the row has room for it beside the name, is never run into the name, and
/// where it must be cut the full-text key (F5) shows it whole.
@Suite struct AboutLayoutTests {
  func about(_ language: Language, width: Int) -> Harness {
    var s = Fixture.committee()
    s.cursor = "about"
    let h = Harness(language: language, sessions: [s], size: Size(width: width, height: 30))
    h.press(.down, .enter)
    return h
  }

  @Test(arguments: Language.allCases)
  func aRoleIsShownWholeOrInTheFullTextAndNeverRunsIntoTheName(_ language: Language) throws {
    let t = Localizer(pack: pack, language: language)
    let amr = try #require(pack.role("amr")).name
    let role = language == .da ? amr.da : amr.en
    for width in 60...200 {
      let h = about(language, width: width)
      let rows = h.text.split(separator: "\n").map(String.init).filter { $0.contains(t("wizard.about.participant", ["n": "1"])) }
      let row = try #require(rows.first, "\(width): no row for participant 1")
      let open = try #require(row.range(of: "‹"), "\(width): \(row)")
      // Two columns between the name field and the role, so neither reads as part of the other.
      #expect(row[..<open.lowerBound].hasSuffix("  "), "\(width) \(language): \(row)")
      if row.contains("‹ \(role) ›") { continue }
      // Cut only where the row cannot hold it beside a name of 16 columns: below 80 in Danish.
      if language == .da { #expect(width < 80, "\(width): the role is cut at a width that has room: \(row)") }
      h.press(.function(5))
      #expect(h.text.contains(role), "\(width) \(language): F5 does not show the role whole")
    }
  }

  @Test func atEightyColumnsTheDanishRoleIsWholeBesideTheName() {
    let row = about(.da, width: 80).screen(Size(width: 80, height: 24)).text.split(separator: "\n").first { $0.contains("Deltager 1") }
    #expect(row?.contains("Åse Jørgensen") == true)
    #expect(row?.contains("‹ Arbejdsmiljørepræsentant ›") == true, "\(row ?? "")")
  }
}
