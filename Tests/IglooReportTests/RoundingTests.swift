import Foundation
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

@testable import IglooReport

/// A finding's figures are shown to one decimal or none, the same in every line of its
/// calculation (issue 15): never "37" heading a formula that ends "= 37,5", never 81,25 beside 37,5.
@Suite struct RoundingTests {
  @Test func tenthsRoundInputsToNearestAndResultsDown() {
    #expect(Numbers.tenth(81.25, .da) == "81,3")
    #expect(Numbers.tenth(37.5, .en) == "37.5")
    #expect(Numbers.tenth(50, .da) == "50")
    #expect(Numbers.tenth(49.96, .da, down: true) == "49,9", "a result never rounds up into the next band")
    #expect(Numbers.tenth(30.47, .da, down: true) == "30,4")
  }

  @Test(arguments: Fixture.allCases, Language.allCases)
  func everyCalculationLineUsesOneDecimalOrNone(_ fixture: Fixture, _ language: Language) throws {
    let text = MarkdownReport.render(try fixture.assessment, language: language)
    let formula = language == .da ? ["Restrisiko:", "Realiseret mulighed:", "Uudnyttet mulighed:", "(E):", "(M):", "(P):", "(R):"]
      : ["Residual risk:", "Realised opportunity:", "Untapped opportunity:", "(E):", "(M):", "(P):", "(R):"]
    let lines = text.split(separator: "\n").filter { line in formula.contains { line.contains($0) } }
    #expect(!lines.isEmpty)
    for line in lines {
      #expect(line.range(of: #"\d[,.]\d\d"#, options: .regularExpression) == nil, "two decimals: \(line)")
      // The headline figure is the formula's result, written the same way.
      let numbers = line.matches(of: #/(\d+(?:[,.]\d)?)/#).map { String($0.output.1) }
      if line.contains("= ") && line.contains("/100") && !line.contains("(E):") {
        #expect(numbers.first == numbers.last, "\(line)")
      }
    }
  }
}
