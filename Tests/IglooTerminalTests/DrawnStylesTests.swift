import IglooWizard
import Testing

@testable import IglooTerminal

/// The styles the curses driver draws a row's cells in: blanks whose style cannot be seen take
/// the cheapest look-alike style, and nothing that can be seen changes.
struct DrawnStylesTests {
  /// The styles that show on a blank with default colours (CursesTerminal's colour mode).
  let visible: Set<CellStyle> = [.selected, .error, .field]

  private func letters(_ styles: [CellStyle]) -> String { String(styles.map(\.rawValue)) }

  private func drawn(_ grid: Grid, row: Int = 0) -> String {
    letters(CursesTerminal.drawnStyles(grid.rows[row], width: grid.size.width, visibleOnBlank: visible))
  }

  @Test func aListRowKeepsItsTextStylesAndItsBlanksFollowTheTextOnTheirLeft() {
    var grid = Grid(size: Size(width: 30, height: 1))
    grid.put("[ ] ", row: 0, column: 1, style: .dim)
    grid.put("Data", row: 0, column: 5, style: .normal)
    // The status column: bold cyan, blanks included, as the Scope list draws it.
    grid.put(" Planned   ", row: 0, column: 15, style: .title)
    #expect(grid.styleText == "." + "dddd" + ".........." + "TTTTTTTTTTT" + "....")
    // The blank before the status column continues the label's plain style; the status
    // column's trailing blanks and the row's end continue "Planned".
    #expect(drawn(grid) == "." + "dddd" + ".........." + ".TTTTTTTTTT" + "TTTT")
  }

  @Test func theSpacesOfATitleStayInTheTitle() {
    var grid = Grid(size: Size(width: 24, height: 1))
    grid.put(" IGLOO · Step 2/9 Scope", row: 0, column: 0, style: .title)
    #expect(drawn(grid) == String(repeating: "T", count: 23) + "T")
  }

  @Test func theSelectionBarKeepsItsReverseBlanksAndWhatFollowsItIsPlain() {
    var grid = Grid(size: Size(width: 16, height: 1))
    grid.put("[ ] Data", row: 0, column: 1, style: .selected)
    grid.paint(row: 0, column: 1, count: 11, style: .selected)
    grid.put("  ", row: 0, column: 12, style: .dim)
    grid.put("x", row: 0, column: 14, style: .dim)
    #expect(grid.styleText == ".SSSSSSSSSSSddd.")
    // After the bar, the dim blanks keep their own style (which cannot be seen), so the dim "x"
    // needs no attribute change of its own, and the last blank continues it.
    #expect(drawn(grid) == ".SSSSSSSSSSSdddd")
  }

  @Test func aFieldsBlanksKeepTheirBackground() {
    var grid = Grid(size: Size(width: 10, height: 1))
    grid.put("ab", row: 0, column: 0, style: .title)
    grid.paint(row: 0, column: 2, count: 5, style: .field)
    // The field's blanks keep their background; the plain blanks after it keep their own style.
    #expect(drawn(grid) == "TTFFFFF...")
  }

  @Test(arguments: 1...200) func nothingThatShowsChangesAndNoRowHasMoreAttributeChanges(seed: Int) {
    var random = SplitMix(seed: UInt64(seed))
    let width = 1 + Int(random.next() % 60)
    var grid = Grid(size: Size(width: width, height: 1))
    var column = 0
    while column < width {
      let style = CellStyle.allCases[Int(random.next() % UInt64(CellStyle.allCases.count))]
      let texts = [" ", " ", " ", "a", "æ", "─", "漢"]
      let text = texts[Int(random.next() % UInt64(texts.count))]
      let count = 1 + Int(random.next() % 4)
      column += max(1, grid.put(String(repeating: text, count: count), row: 0, column: column, style: style))
    }
    let cells = grid.rows[0]
    let styles = CursesTerminal.drawnStyles(cells, width: width, visibleOnBlank: visible)
    for (cell, style) in zip(cells, styles) {
      if cell.text == " " && !visible.contains(cell.style) {
        #expect(!visible.contains(style), "a blank that looked plain must still look plain")
      } else {
        #expect(style == cell.style, "text, and blanks whose style shows, keep their style")
      }
    }
    func changes(_ styles: [CellStyle]) -> Int { zip(styles, styles.dropFirst()).filter { $0 != $1 }.count }
    #expect(changes(styles) <= changes(cells.map(\.style)), "row \(grid.styleText)")
  }
}

/// A small seeded generator, so that a failing row can be reproduced from its seed.
private struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
