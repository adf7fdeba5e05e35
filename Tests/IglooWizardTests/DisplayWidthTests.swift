import Testing

@testable import IglooWizard

/// The fast paths of DisplayWidth give what the Unicode property rule gives.
@Suite struct DisplayWidthTests {
  @Test func fastPathsAgreeWithThePropertyRuleForEverySingleScalarUpToCJK() {
    for value in 0..<0x3100 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let c = Character(scalar)
      #expect(DisplayWidth.of(c) == DisplayWidth.propertyWidth(c), "U+\(String(value, radix: 16))")
    }
  }

  @Test func textWidthIsTheSumOverGraphemes() {
    let texts = [
      "", "plain ASCII", "tab\there", "CR\r\nLF", "esc\u{1B}[31m", "Åse og Øjvind på Ærø", "e\u{301}", "中文",
      "🙂 ok", "soft\u{AD}hyphen", "del\u{7F}", "\u{202E}rtl",
    ]
    for text in texts {
      #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.propertyWidth($1) }, "\(text.debugDescription)")
    }
  }
}
