/// Generates damaged variants of a valid input, for fuzz tests of the loaders.
///
/// Each variant applies one to three damages of the kinds real files suffer: truncation, a lost or
/// doubled line, flipped bytes, stray syntax, deep nesting, huge or binary content.
public struct Mutator {
  private var rng: SeededGenerator

  /// Creates a mutator; the same seed gives the same variants.
  public init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

  private static let fragments: [String] = [
    ":", "- ", "[", "]", "{", "}", "\"", "'", "&a ", "*a", "!!binary ", "? ", "|", ">", "#", "---", "...",
    "\t", "\n", "  ", "null", "~", "-1", "1e999", "NaN", "0x1F", "æøå", "\u{0}", "\u{FEFF}", "\u{202E}",
    "id: x\n", "da: \n", "en:", "%YAML 1.2\n", "<<: *a\n", "{da: , en: }", "[{}]", "\"\\u12\"", "\\",
    // Control characters, raw and escaped (issue 8): ESC sequences, DEL, C1, NUL.
    "\u{1b}c", "\u{1b}]0;pwned\u{07}", "\u{1b}#8", "\u{7f}", "\u{9b}2J", "\\e[2J", "\\u001b", "\\x1b", "\r",
    // Formula prefixes a spreadsheet would run.
    "=HYPERLINK(\"http://evil\",\"x\")", "+cmd", "-2+3", "@SUM(1)",
    // A key repeated in the same object.
    "\"schema_version\": 1, \"schema_version\": 2, ", "\"answers\": {}, ",
  ]

  /// Text a user might type, or a planted file might hold: control characters, formula starts,
  /// Danish letters and emoji, for fuzzing what outputs do with user text.
  public static let hostileTexts: [String] = [
    "Reset\u{1b}c after", "\u{1b}]0;pwned\u{07}", "\u{1b}#8", "no\u{0}te", "a\u{7f}b", "\u{9b}2J", "=HYPERLINK(\"x\")",
    "+1", "-1", "@SUM(1)", "\tTab", "\rCR", "line\r\nbreak", "Kærgården Ældrepleje 👷", "plain",
  ]

  /// A random hostile text, sometimes two joined.
  public mutating func hostileText() -> String {
    let first = Self.hostileTexts.randomElement(using: &rng) ?? ""
    return Bool.random(using: &rng) ? first : first + (Self.hostileTexts.randomElement(using: &rng) ?? "")
  }

  /// A damaged copy of `text`.
  public mutating func mutate(_ text: String) -> String {
    var bytes = Array(text.utf8)
    for _ in 0..<Int.random(in: 1...3, using: &rng) {
      let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &rng)
      switch Int.random(in: 0..<10, using: &rng) {
      case 0: bytes = Array(bytes.prefix(at))
      case 1: bytes.insert(contentsOf: Array(Self.fragments.randomElement(using: &rng)!.utf8), at: at)
      case 2: if !bytes.isEmpty { bytes[at] = UInt8.random(in: 0...255, using: &rng) }
      case 3:
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard !lines.isEmpty else { continue }
        var copy = lines
        let i = Int.random(in: 0..<copy.count, using: &rng)
        if Bool.random(using: &rng) { copy.remove(at: i) } else { copy.insert(copy[i], at: i) }
        bytes = Array(copy.joined(separator: "\n").utf8)
      case 4:
        let depth = Int.random(in: 50...5000, using: &rng)
        let open = Bool.random(using: &rng) ? "[" : "{\"a\":"
        bytes.insert(contentsOf: Array(String(repeating: open, count: depth).utf8), at: at)
      case 5:
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let i = lines.isEmpty ? 0 : Int.random(in: 0..<lines.count, using: &rng)
        var copy = lines
        if !copy.isEmpty { copy[i] = Substring(String(repeating: " ", count: Int.random(in: 1...9, using: &rng)) + copy[i]) }
        bytes = Array(copy.joined(separator: "\n").utf8)
      case 6: bytes = (0..<Int.random(in: 0...200, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
      case 7: bytes.insert(contentsOf: Array(String(repeating: "x", count: Int.random(in: 1000...100_000, using: &rng)).utf8), at: at)
      case 8: if at < bytes.count { bytes.remove(at: at) }
      default:
        let digits = Array(String(Int.random(in: -1_000_000...1_000_000, using: &rng)).utf8)
        bytes.insert(contentsOf: digits, at: at)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
