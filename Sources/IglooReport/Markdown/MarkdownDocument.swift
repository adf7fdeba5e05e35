import IglooContent

/// A CommonMark document built block by block, with GFM tables.
///
/// Every text handed to it is plain text and is escaped here, so that no workplace name, note or
/// content text can start a list, close a table cell or turn into a link; markup is added only by
/// the methods below.
struct MarkdownDocument {
  /// The column alignment of a table.
  enum Align { case left, right }

  private var blocks: [String] = []

  /// The finished text: blocks separated by one blank line, ending in a single newline.
  ///
  /// Control characters are made visible here, once over the whole document, so that no text that
  /// reached a block some other way can drive the reader's terminal (see ``SafeText``).
  var text: String { SafeText.visible(blocks.joined(separator: "\n\n") + "\n") }

  /// An ATX heading of `level` (1–6).
  mutating func heading(_ level: Int, _ text: String) {
    blocks.append(String(repeating: "#", count: level) + " " + Markdown.inline(text))
  }

  /// A paragraph of plain text.
  mutating func paragraph(_ text: String) { blocks.append(Markdown.inline(text)) }

  /// A paragraph that opens with a bold label, e.g. **Note:** text.
  mutating func labelled(_ label: String, _ text: String) {
    blocks.append(Markdown.strong(label) + " " + Markdown.fragment(text))
  }

  /// A paragraph already written as inline Markdown by ``Markdown``'s helpers.
  mutating func raw(_ markdown: String) { blocks.append(markdown) }

  /// A bulleted list of plain-text items.
  mutating func bullets(_ items: [String]) { rawBullets(items.map(Markdown.inline)) }

  /// A bulleted list whose items are inline Markdown.
  mutating func rawBullets(_ items: [String]) {
    guard !items.isEmpty else { return }
    blocks.append(items.map { "- " + $0 }.joined(separator: "\n"))
  }

  /// A numbered list whose items are inline Markdown.
  mutating func rawNumbered(_ items: [String]) {
    guard !items.isEmpty else { return }
    blocks.append(items.enumerated().map { "\($0.offset + 1). " + $0.element }.joined(separator: "\n"))
  }

  /// A GFM table of plain-text cells. Rows shorter than the header are padded.
  mutating func table(_ header: [String], _ rows: [[String]], align: [Align] = []) {
    rawTable(header.map(Markdown.cell), rows.map { $0.map(Markdown.cell) }, align: align)
  }

  /// A GFM table whose cells are already inline Markdown without `|` or line breaks.
  mutating func rawTable(_ header: [String], _ rows: [[String]], align: [Align] = []) {
    func line(_ cells: [String]) -> String {
      let padded = cells + Array(repeating: "", count: max(0, header.count - cells.count))
      return "| " + padded.prefix(header.count).joined(separator: " | ") + " |"
    }
    let rule = header.indices.map { i in (i < align.count && align[i] == .right) ? "---:" : "---" }
    blocks.append(([line(header), "|" + rule.joined(separator: "|") + "|"] + rows.map(line)).joined(separator: "\n"))
  }

  /// A fenced code block; the fence grows if the text holds backticks, so it can never close early.
  mutating func code(_ info: String, _ text: String) {
    var fence = "```"
    while text.contains(fence) { fence += "`" }
    let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
    blocks.append(fence + info + "\n" + body + "\n" + fence)
  }
}

/// Escaping of plain text for CommonMark and GFM tables, and the few inline markups reports use.
enum Markdown {
  /// Characters with a meaning in CommonMark, GFM or pandoc's Markdown (`$` maths, `^`/`~`
  /// super- and subscript, `@` citations); a backslash makes each one literal in all of them.
  private static let special: Set<Character> = [
    "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "&", "@", "$", "^",
  ]

  /// Plain text as inline Markdown on one line.
  ///
  /// Line breaks become spaces, because a line break inside a list item, heading or table row
  /// would end it; leading and trailing space is dropped, and a leading list or heading marker is
  /// escaped so the text never becomes a block of its own.
  static func inline(_ text: String) -> String {
    var out = fragment(text)
    if let first = out.first, "-+=".contains(first) { out.insert("\\", at: out.startIndex) }
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
    var out = ""
    for ch in oneLine(text) {
      if special.contains(ch) { out.append("\\") }
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
