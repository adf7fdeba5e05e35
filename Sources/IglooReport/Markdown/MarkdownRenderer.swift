import IglooContent

/// A ``ReportDocument`` as CommonMark with GFM tables.
///
/// Every text is escaped here, so that no workplace name, note or content text can start a list,
/// close a table cell or turn into a link; markup is added only by this renderer.
enum MarkdownRenderer {
  /// The finished text: blocks separated by one blank line, ending in a single newline.
  ///
  /// Control characters are made visible here, once over the whole document, so that no text that
  /// reached a block some other way can drive the reader's terminal (see ``SafeText``).
  static func render(_ doc: ReportDocument) -> String {
    SafeText.visible(doc.blocks.compactMap(block).joined(separator: "\n\n") + "\n")
  }

  private static func block(_ block: ReportDocument.Block) -> String? {
    switch block {
    case .heading(let level, let text):
      return String(repeating: "#", count: level) + " " + Markdown.inline(text)
    case .paragraph(let runs):
      return runs.isEmpty ? nil : line(runs)
    case .bullets(let items):
      return items.map { "- " + line($0) }.joined(separator: "\n")
    case .numbered(let items):
      return items.enumerated().map { "\($0.offset + 1). " + line($0.element) }.joined(separator: "\n")
    case .table(let table):
      return self.table(table)
    case .chart(let chart):
      return Markdown.inline(chart.markdownCaption) + "\n\n" + code("mermaid", chart.mermaid) + "\n\n"
        + code("text", chart.text)
    case .pageBreak:
      // A thematic break: where the printed summary ends.
      return "---"
    case .keepTogether(let blocks):
      // Keeping blocks on one page means nothing on screen; they follow each other as any others.
      let parts = blocks.compactMap(self.block)
      return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
    }
  }

  /// Runs as one line of inline Markdown: the first run may not start a block, the rest continue it.
  static func line(_ runs: [ReportDocument.Run]) -> String {
    var out = ""
    for (i, run) in runs.enumerated() {
      if run.bold {
        // Bold text keeps its surrounding spaces outside the asterisks, or CommonMark ignores them.
        let text = Markdown.oneLine(run.text)
        if run.text.first == " " { out += " " }
        out += i == 0 ? Markdown.strong(text) : (text.isEmpty ? "" : "**" + Markdown.fragment(text) + "**")
        if run.text.last == " " { out += " " }
      } else if i == 0 {
        out += Markdown.inline(run.text)
      } else {
        let text = run.text
        let lead = text.first == " " ? " " : ""
        out += lead + Markdown.fragment(text)
      }
    }
    return out
  }

  private static func table(_ t: ReportDocument.Table) -> String {
    func row(_ cells: [String]) -> String {
      let padded = cells + Array(repeating: "", count: max(0, t.header.count - cells.count))
      return "| " + padded.prefix(t.header.count).map(Markdown.cell).joined(separator: " | ") + " |"
    }
    let rule = t.header.indices.map { i in (i < t.align.count && t.align[i] == .right) ? "---:" : "---" }
    return ([row(t.header), "|" + rule.joined(separator: "|") + "|"] + t.rows.map(row)).joined(separator: "\n")
  }

  /// A fenced code block; the fence grows if the text holds backticks, so it can never close early.
  static func code(_ info: String, _ text: String) -> String {
    var fence = "```"
    while text.contains(fence) { fence += "`" }
    let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
    return fence + info + "\n" + body + "\n" + fence
  }
}

/// Escaping of plain text for CommonMark and GFM tables, and the few inline markups reports use.
enum Markdown {
  /// Characters with a meaning in CommonMark, GFM or pandoc's Markdown (`$` maths, `^`/`~`
  /// super- and subscript, `@` citations); a backslash makes each one literal in all of them.
  static let special: Set<Character> = [
    "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "&", "@", "$", "^",
  ]

  /// Plain text as inline Markdown on one line.
  ///
  /// Line breaks become spaces, because a line break inside a list item, heading or table row
  /// would end it; leading and trailing space is dropped, and a leading list or heading marker is
  /// escaped so the text never becomes a block of its own.
  static func inline(_ text: String) -> String {
    var out = fragment(text)
    if let first = out.unicodeScalars.first, "-+=".unicodeScalars.contains(first) { out.insert("\\", at: out.startIndex) }
    if let dot = out.firstIndex(where: { !$0.isASCII || !$0.isNumber }), dot != out.startIndex,
      out[dot] == "." || out[dot] == ")"
    {
      out.insert("\\", at: dot)
    }
    return out
  }

  /// Plain text that continues a line after other inline Markdown, so it cannot start a block and
  /// needs no escaping of a leading list or heading marker.
  static func fragment(_ text: String) -> String {
    if let fast = MarkdownBytes.collapsed(text, escaping: true) { return fast }
    return fragmentByCharacter(text)
  }

  /// ``fragment(_:)`` one `Character` at a time: the rule itself, for any text.
  ///
  /// A character's first scalar decides: a combining mark after `|` makes one `Character` of the
  /// two, yet cmark-gfm still ends a table cell at that bar (and `*` still opens emphasis).
  static func fragmentByCharacter(_ text: String) -> String {
    var out = ""
    for ch in oneLineByCharacter(text) {
      if let first = ch.unicodeScalars.first, special.contains(Character(first)) { out.append("\\") }
      out.append(ch)
    }
    return out
  }

  /// Plain text as a table cell: ``inline(_:)`` already escapes `|` and removes line breaks.
  static func cell(_ text: String) -> String { inline(text) }

  /// Bold plain text.
  static func strong(_ text: String) -> String {
    let inner = inline(text)
    return inner.isEmpty ? "" : "**" + inner + "**"
  }

  /// Collapses every run of whitespace that holds a line break into one space, and trims.
  static func oneLine(_ text: String) -> String {
    if let fast = MarkdownBytes.collapsed(text, escaping: false) { return fast }
    return oneLineByCharacter(text)
  }

  /// ``oneLine(_:)`` one `Character` at a time: the rule itself, for any text.
  static func oneLineByCharacter(_ text: String) -> String {
    var out = ""
    var pendingSpace = false
    for ch in text {
      if ch.isNewline || ch == "\t" || ch == " " {
        pendingSpace = true
        continue
      }
      if pendingSpace && !out.isEmpty { out.append(" ") }
      pendingSpace = false
      out.append(ch)
    }
    return out
  }
}

/// The renderer's hottest loop, over UTF-8 bytes instead of `Character`s: a report passes every
/// text it shows through ``Markdown/fragment(_:)`` and ``Markdown/oneLine(_:)``, and grapheme
/// breaking was a fifth of `igloo report`.
///
/// It gives exactly what the `Character` loops give, but only where every Unicode scalar of the
/// text is a character of its own: below U+0300 (ASCII, Latin-1 with æ, ø and å, Latin Extended),
/// and the punctuation, currency, letterlike and arrow blocks U+2000–U+21FF (– ’ “ ” … €) apart
/// from the joiners U+200C and U+200D and the combining marks U+20D0–U+20FF. Nothing there joins its
/// neighbour into one character except CR LF, which both loops treat as space anyway. Any other
/// scalar (combining marks, emoji sequences, other scripts) gives nil, and the caller runs its
/// `Character` loop instead.
enum MarkdownBytes {
  /// ``Markdown/oneLine(_:)`` of `text`, with a backslash before each ``Markdown`` special
  /// character when `escaping` (``Markdown/fragment(_:)``); nil when the text needs the
  /// `Character` loop.
  static func collapsed(_ text: String, escaping: Bool) -> String? {
    var text = text
    return text.withUTF8 { src -> String? in
      let n = src.count
      if n == 0 { return "" }
      // At most one backslash per byte, and collapsing only shrinks.
      var failed = false
      let special = specialBits
      let result = String(unsafeUninitializedCapacity: 2 * n) { out -> Int in
        var o = 0
        var pendingSpace = false
        var i = 0
        while i < n {
          let b = src[i]
          var length = 1
          if b < 0x80 {
            // Space, tab, and the line breaks LF, VT, FF, CR (`Character.isNewline`).
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
              pendingSpace = true
              i += 1
              continue
            }
          } else if b < 0xE0 {
            // Two bytes: U+0080–U+07FF; from 0xCC on, U+0300 and later.
            if b >= 0xCC {
              failed = true
              return 0
            }
            if b == 0xC2 && src[i + 1] == 0x85 {  // NEL, a line break
              pendingSpace = true
              i += 2
              continue
            }
            length = 2
          } else if b == 0xE2 {
            // Three bytes from U+2000: E2 80–87 is U+2000–U+21FF.
            let b1 = src[i + 1]
            let b2 = src[i + 2]
            if b1 == 0x80 {
              if b2 == 0x8C || b2 == 0x8D {  // the zero-width joiners
                failed = true
                return 0
              }
              if b2 == 0xA8 || b2 == 0xA9 {  // LINE and PARAGRAPH SEPARATOR, line breaks
                pendingSpace = true
                i += 3
                continue
              }
            } else if b1 > 0x87 || (b1 == 0x83 && b2 >= 0x90) {  // past U+21FF, or U+20D0–U+20FF marks
              failed = true
              return 0
            }
            length = 3
          } else {
            failed = true
            return 0
          }
          if pendingSpace && o > 0 {
            out[o] = 0x20
            o += 1
          }
          pendingSpace = false
          if escaping && length == 1 && (b < 64 ? special.low >> b : special.high >> (b - 64)) & 1 == 1 {
            out[o] = UInt8(ascii: "\\")
            o += 1
          }
          for k in 0..<length { out[o + k] = src[i + k] }
          o += length
          i += length
        }
        return o
      }
      return failed ? nil : result
    }
  }

  /// The ASCII characters of ``Markdown/special``, as bits by code (low word 0–63, high 64–127).
  static let specialBits: (low: UInt64, high: UInt64) = {
    var bits: (low: UInt64, high: UInt64) = (0, 0)
    for ch in Markdown.special {
      guard let ascii = ch.asciiValue else { continue }
      if ascii < 64 { bits.low |= 1 << ascii } else { bits.high |= 1 << (ascii - 64) }
    }
    return bits
  }()
}
