import Foundation
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
    var seed: UInt64 = 23
    var whole = 0
    for round in 0..<5000 {
      var text = ""
      for _ in 0..<(round % 10) {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        text += Self.pieces[Int(seed >> 33) % Self.pieces.count]
      }
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
