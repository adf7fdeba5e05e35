import Foundation
import IglooTestSupport
import Testing

@testable import IglooReport

/// Copying a string whole into the JSON gives what escaping it scalar by scalar gives.
@Suite struct JSONQuoteTests {
  static let pieces = [
    "a", " ", "æøå", "ÆØÅ", "\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{1B}[2J", "\u{7F}",
    "\u{85}", "\u{9F}", "\u{A0}", "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "–", "„", "“", "e\u{301}",
    "\u{1F469}\u{200D}\u{1F4BB}", "\u{E2}", "\u{80}",
  ]

  @Test func wholeCopyMatchesTheScalarLoop() throws {
    var texts = SeededText(seed: 23, pieces: Self.pieces)
    var whole = 0
    for round in 0..<5000 {
      let text = texts.next(pieces: round % 10)
      var fast = ""
      JSONValue.quote(text, into: &fast)
      var rule = ""
      JSONValue.quoteByScalar(text, into: &rule)
      #expect(fast == rule, "\(text.unicodeScalars.map { $0.value })")
      if !JSONValue.needsEscape(text) { whole += 1 }
      // Whatever path it took, the literal reads back as the text without its NULs.
      let back = try JSONSerialization.jsonObject(with: Data("[\(fast)]".utf8)) as? [String]
      #expect(back == [text.replacingOccurrences(of: "\u{0}", with: "")], "\(text.unicodeScalars.map { $0.value })")
    }
    // Both paths were taken.
    #expect(whole > 500 && whole < 4500, "\(whole)")
  }
}
