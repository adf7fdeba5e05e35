import IglooTestSupport
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

  /// Every scalar the single-cell fast path of `Grid.put` takes is one cell wide by the property
  /// rule, and stands alone as a grapheme after and before a letter, an é and itself.
  @Test func singleCellScalarsAreOneCellAndNeverJoinTheirNeighbours() {
    var checked = 0
    for value in UInt32(0)..<0x3_0000 where DisplayWidth.isSingleCell(value) {
      let scalar = Unicode.Scalar(value)!
      let s = String(scalar)
      #expect(DisplayWidth.propertyWidth(Character(scalar)) == 1, "U+\(String(value, radix: 16))")
      #expect(DisplayWidth.of(Character(scalar)) == 1, "U+\(String(value, radix: 16))")
      #expect(("a" + s + "a").count == 3, "U+\(String(value, radix: 16))")
      #expect(("\u{E9}" + s + "\u{E9}").count == 3, "U+\(String(value, radix: 16))")
      #expect((s + s).count == 2, "U+\(String(value, radix: 16))")
      checked += 1
    }
    #expect(checked > 1000)
    // The controls, the soft hyphen, marks, joiners and the emoji shapes are left to the general path.
    for value: UInt32 in [0x09, 0x0A, 0x0D, 0x7F, 0x85, 0xAD, 0x300, 0x200B, 0x200D, 0x2028, 0x25FD, 0x25FE, 0xFE0F] {
      #expect(!DisplayWidth.isSingleCell(value), "U+\(String(value, radix: 16))")
    }
  }

  /// `Grid.put` writes the same cells and returns the same width as its general, grapheme-by-grapheme
  /// path, and a text's width is the sum over its graphemes, for seeded random texts mixing the fast paths' scalars with marks, joiners, emoji, wide
  /// letters, controls and newlines, at random columns (some left of the grid) and widths.
  @Test func putWritesWhatTheGeneralPathWrites() {
    let alphabet: [String] = [
      "a", "Z", " ", "~", "æ", "ø", "å", "Å", "é", "×", "÷", "\u{A0}", "\u{AD}", "ÿ", "ł", "ʼ", "–", "—", "“", "…", "·", "‹",
      "›", "→", "↓", "−", "≡", "─", "│", "┌", "█", "░", "●", "○", "✓", "✗", "\u{301}", "\u{308}", "\u{20DD}",
      "\u{200D}", "\u{FE0F}", "\u{200B}", "🙂", "👍🏽", "中", "한", "\t", "\n", "\r\n", "\u{1B}", "\u{25FD}", "\u{2028}",
    ]
    var rng = SeededGenerator(seed: 17)
    var fast = 0
    for _ in 0..<4000 {
      let text = (0..<Int.random(in: 0...12, using: &rng)).map { _ in
        // Mostly the fast paths' own scalars, so that many texts take them whole.
        Int.random(in: 0..<4, using: &rng) == 0 ? alphabet.randomElement(using: &rng)! : alphabet[Int.random(in: 0..<36, using: &rng)]
      }.joined()
      let column = Int.random(in: -3..<12, using: &rng)
      let maxWidth = Int.random(in: 0..<3, using: &rng) == 0 ? nil : Int.random(in: 0..<14, using: &rng)
      let style = CellStyle.allCases.randomElement(using: &rng)!
      var a = Grid(size: Size(width: 10, height: 1))
      var b = a
      let wroteA = a.put(text, row: 0, column: column, style: style, maxWidth: maxWidth)
      let limit = min(10, column + (maxWidth ?? 10))
      let wroteB = column < 10 ? b.putGraphemes(text, row: 0, column: column, style: style, limit: limit) : 0
      #expect(wroteA == wroteB, "\(text.debugDescription) at \(column), \(String(describing: maxWidth))")
      #expect(a == b, "\(text.debugDescription) at \(column), \(String(describing: maxWidth))")
      #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.propertyWidth($1) }, "\(text.debugDescription)")
      if text.unicodeScalars.allSatisfy({ DisplayWidth.isSingleCell($0.value) }) { fast += 1 }
    }
    #expect(fast > 1000)
  }

  /// A cell keeps its grapheme byte for byte, whichever way it is coded: one scalar, the empty
  /// second half of a wide one, or several scalars, where two spellings that Swift calls equal
  /// (canonically equivalent) stay two different cells with their own bytes.
  @Test func cellsKeepTheirGraphemeByteForByte() {
    let graphemes = [
      " ", "a", "æ", "Å", "─", "中", "🙂", "", "e\u{301}", "e\u{301}\u{323}", "e\u{323}\u{301}", "👍🏽", "👨‍👩‍👧‍👦", "🇩🇰", "\u{2764}\u{FE0F}",
    ]
    for g in graphemes {
      let cell = Cell(text: g, style: .risk)
      #expect(Array(cell.text.utf8) == Array(g.utf8), "\(g.debugDescription)")
      #expect(cell == Cell(text: g, style: .risk))
      #expect(cell != Cell(text: g, style: .normal))
      var changed = Cell.blank
      changed.text = g
      #expect(Array(changed.text.utf8) == Array(g.utf8))
    }
    // Canonically equal, different bytes: different cells.
    #expect("e\u{301}\u{323}" == "e\u{323}\u{301}")
    #expect(Cell(text: "e\u{301}\u{323}", style: .normal) != Cell(text: "e\u{323}\u{301}", style: .normal))
    #expect(Cell(text: "\u{E9}", style: .normal) != Cell(text: "e\u{301}", style: .normal))
    // What Grid.put writes reads back as the graphemes of the text, wide ones followed by "".
    var grid = Grid(size: Size(width: 12, height: 1))
    grid.put("æ中e\u{301}👍🏽─x", row: 0, column: 0)
    #expect(grid.rows[0].prefix(8).map(\.text) == ["æ", "中", "", "e\u{301}", "👍🏽", "", "─", "x"])
    #expect(grid.rows[0][8] == .blank)
  }
}
