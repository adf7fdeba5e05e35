/// A report as a sequence of blocks, built once from the assessment and rendered as Markdown and
/// as Word, so that both forms always hold the same headings, tables and texts.
///
/// Every text handed to it is plain text; each renderer escapes it for its own format, so no
/// workplace name, note or content text can turn into markup.
struct ReportDocument: Sendable {
  /// The column alignment of a table.
  enum Align: Sendable { case left, right }

  /// A run of plain text inside a paragraph or list item, bold or not.
  struct Run: Sendable, Hashable {
    /// The plain text.
    var text: String
    /// Whether it is set in bold.
    var bold: Bool

    /// Plain text.
    static func plain(_ text: String) -> Run { Run(text: text, bold: false) }
    /// Bold text.
    static func bold(_ text: String) -> Run { Run(text: text, bold: true) }
  }

  /// A table: at most five columns, each with its width on an A4 portrait page.
  struct Table: Sendable {
    /// The header cells.
    var header: [String]
    /// The rows, each as long as the header (shorter rows are padded).
    var rows: [[String]]
    /// Each column's width in centimetres; together at most ``ReportDocument/textWidth``.
    var widths: [Double]
    /// Each column's alignment; missing entries are left-aligned.
    var align: [Align]
    /// Rows tall enough to sign in by hand (the approval block).
    var forSigning: Bool = false
    /// How many of its last rows Word keeps with what follows, so the block after it never starts
    /// a page alone (the plan's last rows with the approval).
    var keepTail: Int = 0
  }

  /// The profile per level as a chart: data for Word, Mermaid and plain text for Markdown.
  struct Chart: Sendable {
    /// The chart's title.
    var title: String
    /// The value axis' title.
    var axis: String
    /// One category per IGLOO level.
    var categories: [String]
    /// The series: residual risk and untapped opportunity, a value (or none) per category.
    var series: [(name: String, values: [Double?])]
    /// The chart as Mermaid `xychart-beta`, for viewers that draw it.
    var mermaid: String
    /// The chart as text bars, for viewers that do not.
    var text: String
    /// The caption above the Markdown forms: bars and a line, and the text version.
    var markdownCaption: String
    /// The caption above the drawn chart in Word.
    var caption: String
  }

  /// One block of the document.
  enum Block: Sendable {
    /// A heading of level 1–4.
    case heading(Int, String)
    /// A paragraph.
    case paragraph([Run])
    /// A bulleted list.
    case bullets([[Run]])
    /// A numbered list.
    case numbered([[Run]])
    /// A table.
    case table(Table)
    /// The profile chart.
    case chart(Chart)
    /// Where the summary ends and the working papers begin: a new page in Word.
    case pageBreak
    /// Blocks Word keeps on one page, each with the next (the approval with what precedes it), so a
    /// page never holds the signature table alone; Markdown shows them as they are.
    indirect case keepTogether([Block])
  }

  /// The width of the text on an A4 portrait page with 2 cm margins, in centimetres.
  static let textWidth = 17.0
  /// The narrowest column any table may have, in centimetres.
  static let narrowestColumn = 2.5
  /// The most columns any table may have.
  static let maxColumns = 5

  /// The blocks in reading order.
  private(set) var blocks: [Block] = []

  /// A heading of `level` (1–4).
  mutating func heading(_ level: Int, _ text: String) { blocks.append(.heading(level, text)) }

  /// A paragraph of plain text.
  mutating func paragraph(_ text: String) { blocks.append(.paragraph([.plain(text)])) }

  /// A paragraph of runs.
  mutating func paragraph(_ runs: [Run]) { blocks.append(.paragraph(runs)) }

  /// A paragraph that opens with a bold label, e.g. **Note:** text.
  mutating func labelled(_ label: String, _ text: String) {
    blocks.append(.paragraph([.bold(label), .plain(" " + text)]))
  }

  /// A bulleted list of plain-text items.
  mutating func bullets(_ items: [String]) { bullets(items.map { [.plain($0)] }) }

  /// A bulleted list of items made of runs.
  mutating func bullets(_ items: [[Run]]) {
    guard !items.isEmpty else { return }
    blocks.append(.bullets(items))
  }

  /// A numbered list of items made of runs.
  mutating func numbered(_ items: [[Run]]) {
    guard !items.isEmpty else { return }
    blocks.append(.numbered(items))
  }

  /// A table of plain-text cells; `widths` in centimetres, shared out evenly when not given.
  mutating func table(
    _ header: [String], _ rows: [[String]], widths: [Double] = [], align: [Align] = [], forSigning: Bool = false,
    keepTail: Int = 0
  ) {
    let count = max(1, header.count)
    let w = widths.count == header.count ? widths : Array(repeating: Self.textWidth / Double(count), count: count)
    let padded = rows.map { row in Array((row + Array(repeating: "", count: max(0, header.count - row.count))).prefix(header.count)) }
    blocks.append(
      .table(Table(header: header, rows: padded, widths: w, align: align, forSigning: forSigning, keepTail: keepTail)))
  }

  /// The profile chart.
  mutating func chart(_ chart: Chart) { blocks.append(.chart(chart)) }

  /// The end of the summary.
  mutating func pageBreak() { blocks.append(.pageBreak) }

  /// Appends the blocks of `other`.
  mutating func append(_ other: ReportDocument) { blocks += other.blocks }

  /// Appends the blocks `build` adds as one group that Word keeps on one page.
  mutating func keepTogether(_ build: (inout ReportDocument) -> Void) {
    var inner = ReportDocument()
    build(&inner)
    guard !inner.blocks.isEmpty else { return }
    blocks.append(.keepTogether(inner.blocks))
  }

  /// Every table in the document.
  var tables: [Table] {
    Self.flattened(blocks).compactMap { if case .table(let t) = $0 { return t } else { return nil } }
  }

  /// `blocks` with every group opened, in reading order.
  static func flattened(_ blocks: [Block]) -> [Block] {
    blocks.flatMap { block -> [Block] in
      if case .keepTogether(let inner) = block { return flattened(inner) }
      return [block]
    }
  }
}

extension ReportDocument {
  /// An item that opens with a bold label and goes on in plain text.
  static func item(_ label: String, _ text: String) -> [Run] {
    text.isEmpty ? [.bold(label)] : [.bold(label), .plain(" " + text)]
  }
}
