import Foundation

/// What a cell means, not how it looks: the terminal driver maps styles to colours or to
/// monochrome attributes, and snapshot tests record them as letters.
public enum CellStyle: Character, Sendable, Hashable, CaseIterable {
  /// Ordinary text.
  case normal = "."
  /// Titles and headings.
  case title = "T"
  /// The selected item or focused field.
  case selected = "S"
  /// Secondary text: hints, sources, the footer.
  case dim = "d"
  /// A risk, or a warning.
  case risk = "R"
  /// An opportunity.
  case opportunity = "O"
  /// A moderate band.
  case moderate = "M"
  /// Good news: low risk, saved.
  case good = "G"
  /// An error message.
  case error = "E"
  /// A text field being edited.
  case field = "F"
}

/// One cell of the screen: a grapheme and its style. Wide graphemes take two cells; the second
/// holds `continuation`.
///
/// Stored as a number, not a string, so that a cell is plain data: a frame makes, copies and
/// drops a grid of thousands of cells, and with a string in each that bookkeeping was a fifth of
/// a keystroke. A grapheme of one scalar (every letter of Danish text, box lines, ASCII) is its
/// scalar value; the second half of a wide grapheme is ``continuationCode``; a grapheme of several
/// scalars (a letter with a combining mark, an emoji sequence) is a number from ``GraphemeTable``.
public struct Cell: Sendable, Hashable {
  /// The grapheme, coded as above.
  var code: UInt32
  /// Its style.
  public var style: CellStyle

  /// The code of the second half of a wide grapheme (the empty text): one past the last scalar.
  static let continuationCode: UInt32 = 0x11_0000

  /// The grapheme drawn, or "" for the second half of a wide one.
  public var text: String {
    get {
      if code < Self.continuationCode { return String(Unicode.Scalar(code)!) }
      if code == Self.continuationCode { return "" }
      return GraphemeTable.shared.text(code)
    }
    set { code = Self.code(newValue) }
  }

  /// A blank cell.
  public static let blank = Cell(text: " ", style: .normal)
  /// Creates a cell.
  public init(text: String, style: CellStyle) {
    self.code = Self.code(text)
    self.style = style
  }

  /// A cell showing the one scalar `scalar`, for the fast paths of ``Grid/put(_:row:column:style:maxWidth:)``.
  init(scalar: UInt32, style: CellStyle) {
    self.code = scalar
    self.style = style
  }

  /// The code of `text`: its scalar when it is one, and the same number every time for the same
  /// bytes otherwise.
  static func code(_ text: String) -> UInt32 {
    let scalars = text.unicodeScalars
    if let first = scalars.first {
      if scalars.index(after: scalars.startIndex) == scalars.endIndex { return first.value }
      return GraphemeTable.shared.code(text)
    }
    return continuationCode
  }
}

/// The graphemes of more than one scalar that cells have shown, numbered from one past
/// ``Cell/continuationCode`` in the order first seen.
///
/// Shared by every grid, so that the same grapheme has the same code in all of them and cells
/// compare as numbers. It only grows, by the distinct combined graphemes a run shows (letters with
/// marks typed in a note, emoji sequences): a handful in practice. Keyed by the UTF-8 bytes, not by
/// `String` equality, so that two canonically equal spellings keep their own bytes on screen.
final class GraphemeTable: @unchecked Sendable {
  /// The one table.
  static let shared = GraphemeTable()
  private let lock = NSLock()
  private var texts: [String] = []
  private var codes: [[UInt8]: UInt32] = [:]

  /// The code of the grapheme `text` (of more than one scalar).
  func code(_ text: String) -> UInt32 {
    let bytes = Array(text.utf8)
    lock.lock()
    defer { lock.unlock() }
    if let known = codes[bytes] { return known }
    let code = Cell.continuationCode + 1 + UInt32(texts.count)
    texts.append(text)
    codes[bytes] = code
    return code
  }

  /// The grapheme numbered `code`.
  func text(_ code: UInt32) -> String {
    lock.lock()
    defer { lock.unlock() }
    return texts[Int(code - Cell.continuationCode - 1)]
  }
}

/// The size of a screen in cells.
public struct Size: Sendable, Hashable, CustomStringConvertible {
  /// Columns.
  public var width: Int
  /// Rows.
  public var height: Int
  /// Creates a size.
  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }
  /// `WxH`, as snapshot file names use it.
  public var description: String { "\(width)x\(height)" }
}

/// Where the terminal's cursor is shown.
public struct CursorPosition: Sendable, Hashable {
  /// The row.
  public var row: Int
  /// The column.
  public var column: Int
  /// Creates a position.
  public init(row: Int, column: Int) {
    self.row = row
    self.column = column
  }
}

/// An in-memory screen: what the terminal driver draws and what snapshot tests compare.
public struct Grid: Sendable, Hashable {
  /// The size.
  public let size: Size
  /// The cells, row by row.
  public private(set) var rows: [[Cell]]
  /// Where the terminal cursor should be shown (row, column), or nil to hide it.
  public var cursor: CursorPosition?

  /// A blank grid.
  public init(size: Size) {
    self.size = size
    rows = Array(repeating: Array(repeating: .blank, count: max(0, size.width)), count: max(0, size.height))
  }

  /// Writes `text` from (`row`, `column`), clipped at `maxWidth` cells and the right edge.
  /// Returns the number of cells written.
  @discardableResult
  public mutating func put(_ text: String, row: Int, column: Int, style: CellStyle = .normal, maxWidth: Int? = nil) -> Int {
    guard row >= 0, row < size.height, column < size.width else { return 0 }
    let limit = min(size.width, column + (maxWidth ?? size.width))
    var x = column
    // Printable ASCII (padding, keys, most of the English interface) is one grapheme and one cell
    // per byte, so it is written byte by byte, without the grapheme breaking and width look-ups.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
      for byte in text.utf8 {
        if x + 1 > limit { break }
        if x >= 0 { rows[row][x] = Cell(scalar: UInt32(byte), style: style) }
        x += 1
      }
      return x - column
    }
    // Danish text, dashes, arrows and box lines: when every scalar is one that stands alone as a
    // grapheme of one cell (``DisplayWidth/isSingleCell(_:)``), no scalar joins the next one, so
    // each is a cell of its own. A combining mark, a joiner or an emoji anywhere sends the whole
    // text the general way, so a letter followed by a mark stays one grapheme.
    if text.unicodeScalars.allSatisfy({ DisplayWidth.isSingleCell($0.value) }) {
      for scalar in text.unicodeScalars {
        if x + 1 > limit { break }
        if x >= 0 { rows[row][x] = Cell(scalar: scalar.value, style: style) }
        x += 1
      }
      return x - column
    }
    return putGraphemes(text, row: row, column: column, style: style, limit: limit)
  }

  /// The general path of ``put(_:row:column:style:maxWidth:)``: grapheme by grapheme, with the
  /// width of each. The fast paths must write exactly what this writes (DisplayWidthTests).
  mutating func putGraphemes(_ text: String, row: Int, column: Int, style: CellStyle, limit: Int) -> Int {
    var x = column
    for grapheme in text {
      if grapheme == "\n" || grapheme == "\r\n" { break }
      let width = DisplayWidth.of(grapheme)
      if width == 0 { continue }
      if x + width > limit { break }
      if x >= 0 {
        rows[row][x] = Cell(text: grapheme == "\t" ? " " : String(grapheme), style: style)
        if width == 2 { rows[row][x + 1] = Cell(scalar: Cell.continuationCode, style: style) }
      }
      x += width
    }
    return x - column
  }

  /// Blanks `count` cells from (`row`, `column`) in `style`, as writing that many spaces would,
  /// without making the string of spaces: the header clears its row on every frame.
  public mutating func fill(row: Int, column: Int, count: Int, style: CellStyle) {
    guard row >= 0, row < size.height else { return }
    let start = max(0, column), end = min(size.width, column + count)
    guard start < end else { return }
    let blank = Cell(scalar: 0x20, style: style)
    for x in start..<end { rows[row][x] = blank }
  }

  /// Sets the style of `count` cells from (`row`, `column`), keeping their text.
  public mutating func paint(row: Int, column: Int, count: Int, style: CellStyle) {
    guard row >= 0, row < size.height else { return }
    for x in max(0, column)..<max(max(0, column), min(size.width, column + count)) { rows[row][x].style = style }
  }

  /// The grid as plain text, one line per row, trailing spaces removed.
  public var text: String {
    rows.map { row in
      var line = row.map(\.text).joined()
      while line.hasSuffix(" ") { line.removeLast() }
      return line
    }.joined(separator: "\n")
  }

  /// The styles as one letter per cell, one line per row (see ``CellStyle``).
  public var styleText: String {
    rows.map { String($0.map(\.style.rawValue)) }.joined(separator: "\n")
  }

  /// Same size, cells and cursor.
  public static func == (a: Grid, b: Grid) -> Bool {
    a.size == b.size && a.rows == b.rows && a.cursor == b.cursor
  }
  /// Hashes the cells.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(rows)
  }
}

/// Display width of text in terminal cells, per grapheme.
public enum DisplayWidth {
  /// The cells `grapheme` takes: 0 for controls and lone combining marks, 2 for wide East Asian
  /// and emoji, 1 otherwise. A letter with a combining mark is one grapheme and one cell.
  public static func of(_ grapheme: Character) -> Int {
    // Fast paths, since every cell of every frame asks: one ASCII byte, and the single scalars of
    // Latin-1 and Latin Extended (Danish letters) below the combining marks, which are all one
    // cell except the soft hyphen. The Unicode property lookups below are the slow part.
    let utf8 = grapheme.utf8
    if utf8.count == 1 {
      let byte = utf8.first!
      return byte >= 0x20 && byte < 0x7F || byte == 0x09 ? 1 : 0
    }
    if utf8.count == 2, grapheme.unicodeScalars.count == 1 {
      let value = grapheme.unicodeScalars.first!.value
      if value >= 0xA0 && value < 0x300 { return value == 0xAD ? 0 : 1 }
    }
    return propertyWidth(grapheme)
  }

  /// Whether the scalar `value` always stands alone as a grapheme one cell wide: printable ASCII,
  /// Latin-1 and Latin Extended (but the soft hyphen), and the punctuation, arrows, mathematical
  /// signs, box lines, blocks and shapes the interface draws, less the few shapes shown as emoji.
  /// None of these joins the scalar before or after it (none is a mark, a joiner, a control or a
  /// prefix), so a text made only of them has one grapheme per scalar. DisplayWidthTests check
  /// every one of them against the Unicode rules.
  static func isSingleCell(_ value: UInt32) -> Bool {
    switch value {
    case 0x20...0x7E, 0xA0...0xAC, 0xAE...0x2FF: return true
    case 0x2010...0x2027, 0x2030...0x205E: return true  // dashes, quotes, bullets, ellipsis, ‹ ›
    case 0x2190...0x21FF, 0x2200...0x22FF: return true  // arrows, mathematical operators (− ≡)
    case 0x2500...0x259F: return true  // box drawing and blocks
    case 0x25A0...0x25FC, 0x25FF: return true  // geometric shapes (● ○), less ◽ ◾ shown as emoji
    case 0x2713...0x2718: return true  // check marks and crosses (✓ ✗)
    default: return false
    }
  }

  /// The width from the first scalar's Unicode properties: the rule the fast paths must agree with.
  static func propertyWidth(_ grapheme: Character) -> Int {
    guard let first = grapheme.unicodeScalars.first else { return 0 }
    if grapheme == "\t" { return 1 }
    if first.properties.generalCategory == .control || first.properties.generalCategory == .format { return 0 }
    if first.properties.generalCategory == .nonspacingMark || first.properties.generalCategory == .enclosingMark {
      return 0
    }
    if first.properties.isEmojiPresentation { return 2 }
    switch first.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x20000...0x3FFFD:
      return 2
    default:
      return 1
    }
  }

  /// The cells `text` takes.
  public static func of(_ text: String) -> Int {
    // ASCII text (most of the interface) is counted byte by byte: printable bytes and tabs are
    // one cell, controls none, as the per-grapheme rule gives (CR LF is one grapheme of width 0).
    var ascii = 0
    for byte in text.utf8 {
      if byte >= 0x80 { return nonASCIIWidth(text) }
      if byte >= 0x20 && byte < 0x7F || byte == 0x09 { ascii += 1 }
    }
    return ascii
  }

  /// The cells of a text that is not all ASCII: one a scalar when every scalar is a single-cell one
  /// (Danish text, dashes, box lines; see ``isSingleCell(_:)``), else the sum over its graphemes.
  private static func nonASCIIWidth(_ text: String) -> Int {
    var cells = 0
    for scalar in text.unicodeScalars {
      guard isSingleCell(scalar.value) else { return text.reduce(0) { $0 + of($1) } }
      cells += 1
    }
    return cells
  }
}
