import Foundation
import IglooTestSupport
import Testing

@testable import IglooReport

/// The report's own trimming and replacing give what Foundation's `trimmingCharacters(in:)` and
/// `replacingOccurrences(of:with:)` give.
@Suite struct TrimmingTests {
  static let pieces = [
    " ", "\t", "\n", "\r\n", "\u{0B}", "\u{85}", "\u{A0}", "\u{2003}", "\u{3000}", "\u{2028}", "\u{2029}", "\u{200B}", "\u{1680}", "\u{202F}", "\u{FEFF}",
    "a", "æ", "e\u{301}", "\u{301}", "🧊", "-",
  ]

  @Test func sameAsFoundation() {
    var texts = SeededText(seed: 11, pieces: Self.pieces)
    for round in 0..<3000 {
      let text = texts.next(pieces: round % 10)
      let scalars = "\(text.unicodeScalars.map { $0.value })"
      #expect(text.trimmed(newlines: false) == text.trimmingCharacters(in: .whitespaces), "\(scalars)")
      #expect(text.trimmed(newlines: true) == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(scalars)")
    }
  }

  /// Compared with the literal search: the default one takes a quote and the combining mark after
  /// it as one character and leaves that quote alone, which left a lone quote inside a CSV field.
  @Test func replacingAQuoteAsFoundationsLiteralSearchDoes() {
    var texts = SeededText(seed: 31, pieces: Self.pieces + ["\"", "\"\u{301}", "'", "\"\"", "a\"b"])
    for round in 0..<3000 {
      let text = texts.next(pieces: round % 10)
      let scalars = "\(text.unicodeScalars.map { $0.value })"
      #expect(text.replacing(ascii: UInt8(ascii: "\""), with: "\"\"") == text.replacingOccurrences(of: "\"", with: "\"\"", options: .literal), "\(scalars)")
      #expect(text.replacing(ascii: UInt8(ascii: "\""), with: "'") == text.replacingOccurrences(of: "\"", with: "'", options: .literal), "\(scalars)")
    }
  }
}
