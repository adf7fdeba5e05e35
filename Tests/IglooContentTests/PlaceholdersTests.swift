import Testing

@testable import IglooContent

/// Filling `{name}` placeholders byte by byte gives what the `Character` loop gives.
@Suite struct PlaceholdersTests {
  static let pieces = ["{", "}", "{n}", "{name}", "{x", "n}", "{}", "a", " ", "æ", "ø", "Å", "\n", "\r\n", "{{n}}", "é"]

  @Test func byteLoopMatchesCharacterLoop() {
    let values = ["n": "7", "name": "{n} Ærø", "": "empty"]
    var seed: UInt64 = 5
    for round in 0..<3000 {
      var template = ""
      for _ in 0..<(round % 12) {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        template += Self.pieces[Int(seed >> 33) % Self.pieces.count]
      }
      #expect(Placeholders.fillByByte(template, values) == Placeholders.fillByCharacter(template, values), "\(template)")
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
