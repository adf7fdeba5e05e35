import Foundation
import IglooTestSupport
import Testing

@testable import IglooReport

/// The report's own trimming gives what Foundation's `trimmingCharacters(in:)` gives.
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
}
