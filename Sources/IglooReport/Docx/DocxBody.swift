/// The body of `word/document.xml`: a ``ReportDocument``'s blocks as WordprocessingML.
///
/// Headings use Word's own Heading 1–4 styles, so the navigation pane and a table of contents
/// work; tables have fixed column widths on an A4 portrait page and a header row that repeats on
/// every page; lists use the numbering part.
struct DocxBody {
  /// The numbering instance of the shared bulleted list.
  static let bulletList = 1
  /// The first numbering instance of a numbered list; each numbered list gets its own, so each
  /// starts again at 1.
  static let firstNumberedList = 2

  /// The relationship id of the profile chart.
  static let chartRelationship = "rIdChart1"

  /// The XML of the body's blocks, without the section properties.
  private(set) var xml = ""
  /// How many numbered lists the body holds, for the numbering part.
  private(set) var numberedLists = 0
  /// The chart, if the document has one (only the first is drawn; the report has one).
  private(set) var chart: ReportDocument.Chart?

  /// Renders every block of `doc`.
  init(_ doc: ReportDocument) {
    for block in doc.blocks { append(block) }
  }

  /// Appends `block`; with `keep`, every paragraph and table row of it is kept with the next, and
  /// with `keepLast` also its last one (the group goes on after it).
  private mutating func append(_ block: ReportDocument.Block, keep: Bool = false, keepLast: Bool = false) {
    switch block {
    case .heading(let level, let text):
      xml += paragraph(style: "Heading\(min(max(level, 1), 4))", [.plain(text)])
    case .paragraph(let runs):
      xml += paragraph(style: nil, runs, keep: keep && keepLast)
    case .bullets(let items):
      for (i, item) in items.enumerated() {
        xml += paragraph(style: "ListParagraph", item, numbering: Self.bulletList, keep: keep && (keepLast || i < items.count - 1))
      }
    case .numbered(let items):
      let id = Self.firstNumberedList + numberedLists
      numberedLists += 1
      for (i, item) in items.enumerated() {
        xml += paragraph(style: "ListParagraph", item, numbering: id, keep: keep && (keepLast || i < items.count - 1))
      }
    case .table(let table):
      xml += self.table(table, keep: keep, keepLast: keepLast)
    case .chart(let chart):
      if self.chart == nil {
        self.chart = chart
        // The caption stays with the chart, and the chart with what follows (its table), so a
        // page break never falls between the chart and what explains it.
        xml += paragraph(style: nil, [.plain(chart.caption)], keep: true)
        xml += Self.chartParagraph(chart)
      }
    case .pageBreak:
      xml += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
    case .keepTogether(let blocks):
      for (i, inner) in blocks.enumerated() {
        append(inner, keep: true, keepLast: keepLast || i < blocks.count - 1)
      }
    }
  }

  /// One paragraph of runs, in `style`, optionally a list item.
  private func paragraph(
    style: String?, _ runs: [ReportDocument.Run], numbering: Int? = nil, align: String? = nil, keep: Bool = false
  ) -> String {
    var properties = ""
    if let style { properties += "<w:pStyle w:val=\"\(style)\"/>" }
    if keep { properties += "<w:keepNext/><w:keepLines/>" }
    if let numbering { properties += "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"\(numbering)\"/></w:numPr>" }
    if let align { properties += "<w:jc w:val=\"\(align)\"/>" }
    return "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>" + properties + "</w:pPr>") + Self.runs(runs) + "</w:p>"
  }

  /// Runs as WordprocessingML, each on one line as in the Markdown.
  static func runs(_ runs: [ReportDocument.Run]) -> String {
    runs.map { run in
      let text = oneLine(run.text)
      guard !text.isEmpty else { return "" }
      return "<w:r>" + (run.bold ? "<w:rPr><w:b/></w:rPr>" : "")
        + "<w:t xml:space=\"preserve\">" + OOXML.escape(text) + "</w:t></w:r>"
    }.joined()
  }

  /// Line breaks and tabs as spaces, keeping a run's leading and trailing space (runs join on it).
  private static func oneLine(_ text: String) -> String {
    String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
  }

  /// A table with fixed column widths and a header row that repeats on every page; with `keep`, its
  /// rows are kept with each other (and with what follows when `keepLast`).
  private func table(_ t: ReportDocument.Table, keep: Bool = false, keepLast: Bool = false) -> String {
    let widths = t.widths.map(OOXML.twips)
    var out = "<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/>"
    out += "<w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
    out += "<w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>"
    out += "</w:tblPr><w:tblGrid>"
    out += widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
    func row(_ cells: [String], header: Bool, keepRow: Bool) -> String {
      // No <w:cantSplit/>: LibreOffice 7.4 drops the rows after the first of a table that meets
      // the foot of a page when its rows may not split (seen with the call-centre report).
      var r = "<w:tr><w:trPr>"
      if header { r += "<w:tblHeader/>" }
      if t.forSigning && !header { r += "<w:trHeight w:val=\"\(OOXML.twips(1.2))\" w:hRule=\"atLeast\"/>" }
      r += "</w:trPr>"
      for (i, width) in widths.enumerated() {
        let text = i < cells.count ? cells[i] : ""
        let right = i < t.align.count && t.align[i] == .right
        r += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
        if header { r += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E7ECF2\"/>" }
        r += "</w:tcPr>"
        r += paragraph(style: "TableText", header ? [.bold(text)] : [.plain(text)], align: right ? "right" : nil, keep: keepRow)
        r += "</w:tc>"
      }
      return r + "</w:tr>"
    }
    // Word keeps a row with the next when its paragraphs keep with the next.
    out += row(t.header, header: true, keepRow: keep)
    for (i, cells) in t.rows.enumerated() {
      let tail = i >= t.rows.count - t.keepTail
      out += row(cells, header: false, keepRow: tail || (keep && (keepLast || i < t.rows.count - 1)))
    }
    out += "</w:tbl>"
    // An empty paragraph after a table keeps two tables in a row from merging into one.
    let gapKeep = (keep && keepLast) || t.keepTail > 0 ? "<w:keepNext/>" : ""
    return out + "<w:p><w:pPr><w:pStyle w:val=\"TableGap\"/>\(gapKeep)</w:pPr></w:p>"
  }

  /// The paragraph that holds the chart, drawn full text width.
  ///
  /// Its line spacing is single: under the body's 0.97 proportional spacing LibreOffice cut the top
  /// of the picture (the chart's title and its 100 line), which read as a chart split by a page.
  private static func chartParagraph(_ chart: ReportDocument.Chart) -> String {
    let width = Int(ReportDocument.textWidth * 360_000)  // EMU per cm
    let height = Int(6.5 * 360_000)
    return """
      <w:p><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">\
      <wp:extent cx="\(width)" cy="\(height)"/><wp:effectExtent l="0" t="0" r="0" b="0"/>\
      <wp:docPr id="1" name="\(OOXML.escape(chart.title))" descr="\(OOXML.escape(chart.title))"/><wp:cNvGraphicFramePr/>\
      <a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">\
      <a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">\
      <c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" \
      xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="\(chartRelationship)"/>\
      </a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
      """
  }
}
