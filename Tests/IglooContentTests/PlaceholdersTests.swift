import IglooTestSupport
import Testing

@testable import IglooContent

/// Filling `{name}` placeholders byte by byte gives what the `Character` loop gives.
@Suite struct PlaceholdersTests {
  static let pieces = ["{", "}", "{n}", "{name}", "{x", "n}", "{}", "a", " ", "æ", "ø", "Å", "\n", "\r\n", "{{n}}", "é", "–", "„", "“", "…", "‰",
    "\u{301}", "\u{200D}", "\u{2028}", "\u{2060}", "\u{20D7}", "\u{FE0F}", "e\u{301}", "\u{1F469}"]

  /// Where the byte loop is allowed it gives what the Character loop gives; `fill` gives it always.
  @Test func byteLoopMatchesCharacterLoop() {
    let values = ["n": "7", "name": "{n} Ærø", "": "empty"]
    var texts = SeededText(seed: 5, pieces: Self.pieces)
    var byByte = 0
    for round in 0..<6000 {
      let template = texts.next(pieces: round % 12)
      let rule = Placeholders.fillByCharacter(template, values)
      #expect(Placeholders.fill(template, values) == rule, "\(template.unicodeScalars.map { $0.value })")
      if Placeholders.bytesSuffice(template) {
        byByte += 1
        #expect(Placeholders.fillByByte(template, values) == rule, "\(template.unicodeScalars.map { $0.value })")
      }
    }
    // Both paths were exercised.
    #expect(byByte > 1000 && byByte < 5000, "\(byByte)")
  }

  /// The byte loop is taken for Danish prose with its punctuation, and refused for anything that
  /// can join a brace to its neighbour.
  @Test func bytesSufficeForDanishProseOnly() {
    #expect(Placeholders.bytesSuffice("„{n}“ – se afsnit 3.2 … §15"))
    #expect(Placeholders.bytesSuffice(""))
    for joining in ["{\u{301}n}", "a\u{200D}{n}", "{n}\u{FE0F}", "\u{2060}", "\u{20D7}", "\u{2028}", "\u{1F469}"] {
      #expect(!Placeholders.bytesSuffice(joining), "\(joining.unicodeScalars.map { $0.value })")
    }
  }

  /// An inserted value is never filled again, and a template past U+0300 (a combining mark after
  /// the brace makes it another character) takes the Character loop.
  @Test func valuesAreNotScannedAgain() {
    #expect(Placeholders.fill("{a}-{b}", ["a": "{b}", "b": "2"]) == "{b}-2")
    #expect(Placeholders.fill("–{a}–", ["a": "x"]) == "–x–")
    #expect(Placeholders.fill("{\u{301}a}", ["a": "x"]) == "{\u{301}a}")
  }
}
