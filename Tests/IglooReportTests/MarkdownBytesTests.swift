import IglooTestSupport
import Testing

@testable import IglooReport

/// The UTF-8 loop of ``MarkdownBytes`` gives exactly what the `Character` loops of ``Markdown``
/// give, and hands every text it cannot treat byte by byte back to them.
@Suite struct MarkdownBytesTests {
  /// Pieces that stress the rules: every kind of space and line break, CR LF, the special
  /// characters, Danish letters and typographic punctuation (the fast path), and combining marks,
  /// joiners, emoji and other scripts (the fallback), also right after a space or a special one.
  static let pieces: [String] = [
    "a", "Z", "7", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}",
    "\u{A0}", "*", "_", "\\", "`", "[", "]", "<", ">", "#", "|", "~", "&", "@", "$", "^", "-", "+", ".", ")",
    "æ", "ø", "å", "Æ", "é", "ß", "ł", "–", "—", "’", "“", "”", "…", "€", "№", "→", "\u{200B}",
    "\u{301}", "\u{20D7}", "\u{200D}", "\u{200C}", "\u{FE0F}", "🧊", "👩‍🔧", "🇩🇰", "ü", "한", "ع", "\u{1}",
  ]

  @Test func sameAsTheCharacterLoops() {
    var texts = SeededText(seed: 17, pieces: Self.pieces)
    for round in 0..<4000 {
      let text = texts.next(pieces: round % 24)
      #expect(Markdown.oneLine(text) == Markdown.oneLineByCharacter(text), "\(text.unicodeScalars.map { $0.value })")
      #expect(Markdown.fragment(text) == Markdown.fragmentByCharacter(text), "\(text.unicodeScalars.map { $0.value })")
    }
  }

  /// Danish prose with typographic punctuation takes the byte loop; text where scalars join into
  /// one character does not.
  @Test func whichTextTakesTheByteLoop() {
    #expect(MarkdownBytes.collapsed("Æblegrød – “godt” … 5 € *ikke* fed\r\n næste", escaping: true)
      == "Æblegrød – “godt” … 5 € \\*ikke\\* fed næste")
    #expect(MarkdownBytes.collapsed("  \n ", escaping: false) == "")
    for joined in ["e\u{301}", "*\u{301}", " \u{301}", "👩‍🔧", "🧊", "한국", "x\u{FE0F}"] {
      #expect(MarkdownBytes.collapsed(joined, escaping: true) == nil, "\(joined.unicodeScalars.map { $0.value })")
    }
  }
}
