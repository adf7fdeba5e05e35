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
