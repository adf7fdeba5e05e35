import IglooContent
import Testing

/// The one rule for control characters in every output (issue 8, "Why" 3 and 12).
@Suite struct SafeTextTests {
  @Test func escapeSequencesAreShownNotSent() {
    #expect(SafeText.visible("Reset\u{1b}c after") == "Reset\\u001bc after")
    #expect(SafeText.visible("\u{1b}]0;pwned\u{07}") == "\\u001b]0;pwned\\u0007")
    #expect(SafeText.visible("\u{1b}#8") == "\\u001b#8")
  }

  @Test func delAndC1AreEscaped() {
    #expect(SafeText.visible("a\u{7f}b") == "a\\u007fb")
    #expect(SafeText.visible("a\u{9b}2Jb") == "a\\u009b2Jb", "CSI as one C1 character")
    #expect(SafeText.visible("a\u{85}b") == "a\\u0085b")
  }

  @Test func nulBytesFromNotesAreDropped() {
    #expect(SafeText.visible("no\u{0}te") == "note")
    #expect(SafeText.dropped("no\u{0}te\u{1b}") == "note")
  }

  @Test func tabNewlineAndLettersStay() {
    let text = "Kantinen på Åbyhøj\tÆble 🍎\nnæste linje"
    #expect(SafeText.visible(text) == text)
    #expect(SafeText.visible("a\r\nb") == "a\nb", "a Windows line end is a line end")
    #expect(SafeText.visible("a\rb") == "a\\u000db", "a lone CR would overwrite the line")
    #expect(SafeText.visible("end\r") == "end\\u000d")
  }

  @Test func escapingIsIdempotent() {
    let once = SafeText.visible("x\u{1b}[2J\u{9b}\u{0}y")
    #expect(SafeText.visible(once) == once)
    #expect(!once.unicodeScalars.contains { SafeText.isControl($0) })
  }

  @Test func firstControlNamesTheLine() throws {
    let found = try #require(SafeText.firstControl(in: "one\ntwo\nth\u{1b}ree"))
    #expect(found.line == 3)
    #expect(found.scalar == "\u{1b}")
    #expect(SafeText.firstControl(in: "clean\ttext\n") == nil)
  }
}
