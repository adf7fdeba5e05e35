/// The stand-ins drawn when no UTF-8 locale exists on the machine (see ``CursesTerminal``).
///
/// Every grapheme is replaced by ASCII of the same display width, so that layout computed for
/// the real text still lines up: box drawing becomes `-|+`, bars `#`, arrows `<>^v`, and letters
/// with diacritics lose them (å → a, ø → o, æ → a). Anything else becomes `?`.
enum ASCIIFallback {
  private static let table: [Character: Character] = [
    "─": "-", "━": "-", "═": "=", "╌": "-", "┄": "-", "–": "-", "—": "-",
    "│": "|", "┃": "|", "║": "|", "╎": "|", "┆": "|",
    "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
    "╔": "+", "╗": "+", "╚": "+", "╝": "+", "╠": "+", "╣": "+", "╦": "+", "╩": "+", "╬": "+",
    "╭": "+", "╮": "+", "╯": "+", "╰": "+",
    "█": "#", "▉": "#", "▊": "#", "▋": "#", "▌": "#", "▍": "#", "▎": "#", "▏": "#",
    "▓": "#", "▒": ":", "░": ".", "■": "#", "□": "o",
    "•": "*", "·": ".", "●": "*", "○": "o", "◆": "*", "◇": "o", "…": ".",
    "→": ">", "←": "<", "↑": "^", "↓": "v", "▶": ">", "▸": ">", "►": ">", "◀": "<", "◂": "<",
    "▲": "^", "▼": "v", "»": ">", "«": "<", "›": ">", "‹": "<",
    "✓": "x", "✔": "x", "✗": "-", "✘": "-", "×": "x",
    "“": "\"", "”": "\"", "„": "\"", "‘": "'", "’": "'", "‚": ",",
    "æ": "a", "Æ": "A", "ø": "o", "Ø": "O", "ß": "s", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L",
    "\u{A0}": " ",
  ]

  /// ASCII text of the same width as `grapheme` (which takes `width` cells).
  static func replacement(for grapheme: String, width: Int) -> String {
    if grapheme.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) { return grapheme }
    if let character = grapheme.first, let mapped = table[character] {
      return String(repeating: mapped, count: max(1, width))
    }
    // Decomposable letters (å, é, ü): the base letter without its marks.
    if let base = grapheme.decomposedStringWithCanonicalMappingASCIIBase() {
      return String(repeating: base, count: max(1, width))
    }
    return String(repeating: "?", count: max(1, width))
  }
}

extension String {
  /// The first scalar of the canonical decomposition, if it is printable ASCII.
  fileprivate func decomposedStringWithCanonicalMappingASCIIBase() -> Character? {
    // Swift's stdlib has no NFD; the Latin-1 and Latin Extended-A letters cover Danish, Nordic
    // and the usual European names, so a small table of bases is enough.
    guard let scalar = unicodeScalars.first else { return nil }
    let bases: [ClosedRange<UInt32>: Character] = [
      0xC0...0xC5: "A", 0xC7...0xC7: "C", 0xC8...0xCB: "E", 0xCC...0xCF: "I", 0xD1...0xD1: "N",
      0xD2...0xD6: "O", 0xD9...0xDC: "U", 0xDD...0xDD: "Y",
      0xE0...0xE5: "a", 0xE7...0xE7: "c", 0xE8...0xEB: "e", 0xEC...0xEF: "i", 0xF1...0xF1: "n",
      0xF2...0xF6: "o", 0xF9...0xFC: "u", 0xFD...0xFD: "y", 0xFF...0xFF: "y",
    ]
    if scalar.value < 0x7F, scalar.value >= 0x20 { return Character(scalar) }  // base + combining
    for (range, base) in bases where range.contains(scalar.value) { return base }
    return nil
  }
}
