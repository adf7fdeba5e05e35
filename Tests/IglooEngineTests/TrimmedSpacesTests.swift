import IglooTestSupport
import Testing

@testable import IglooEngine

/// The engine's trimming gives what the Character rule it stands for gives: drop white space from
/// the front, then from the back.
@Suite struct TrimmedSpacesTests {
  static let pieces = [
    " ", "\t", "\n", "\r\n", "\u{0B}", "\u{85}", "\u{A0}", "\u{2003}", "\u{3000}", "\u{2028}", "\u{200B}", "\u{FEFF}",
    "a", "æ", "e\u{301}", "\u{301}", " \u{301}", "🧊", "👩‍👩‍👧", "-",
  ]

  @Test func sameAsDroppingFromBothEnds() {
    var texts = SeededText(seed: 29, pieces: Self.pieces)
    for round in 0..<3000 {
      let text = texts.next(pieces: round % 9)
      let rule = String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
      #expect(text.trimmedSpaces == rule, "\(text.unicodeScalars.map { $0.value })")
    }
  }
}
