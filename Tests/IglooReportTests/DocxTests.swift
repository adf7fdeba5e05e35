import Foundation
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing
import ZIPFoundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

@testable import IglooReport

/// The Word document: its parts against golden files, its tables against the page, and the
/// file itself read by real consumers (python-docx, pandoc, LibreOffice).
@Suite struct DocxTests {
  @Test(arguments: Fixture.allCases, Language.allCases)
  func partsMatchTheGoldenFiles(_ fixture: Fixture, _ language: Language) throws {
    let data = DocxReport.render(try fixture.assessment, language: language)
    let parts = try Docx.parts(data)
    // The zip holds exactly the parts igloo wrote, in its fixed order.
    let expected = DocxReport.parts(try fixture.assessment, language, part: .all)
    #expect(parts.map(\.path) == expected.map(\.path))
    assertGolden(Docx.goldenText(parts), named: "\(fixture.rawValue).\(language.rawValue).xml.txt", in: goldenDirectory.appendingPathComponent("docx"))
  }

  @Test func theSameSessionGivesTheSameBytes() throws {
    let first = DocxReport.render(try Fixture.callCentre.assessment, language: .da)
    let second = DocxReport.render(try Fixture.callCentre.assessment, language: .da)
    #expect(!first.isEmpty)
    #expect(first == second)
    // Every entry is dated 1980-01-01 00:00, whatever the clock says.
    let archive = try Archive(data: first, accessMode: .read)
    for entry in archive { #expect(entry.fileAttributes[.modificationDate] as? Date == DocxReport.entryDate, "\(entry.path)") }
  }

  @Test(arguments: Fixture.allCases, ReportPart.allCases)
  func everyTableFitsAnA4PortraitPage(_ fixture: Fixture, _ part: ReportPart) throws {
    for language in Language.allCases {
      let doc = ReportBuilder.document(try fixture.assessment, language, part: part)
      // The letter to management is prose with no table; every other part has some.
      #expect(doc.tables.isEmpty == (part == .questions))
      for table in doc.tables {
        #expect(table.header.count <= ReportDocument.maxColumns, "\(table.header)")
        #expect(table.widths.count == table.header.count)
        #expect(table.widths.allSatisfy { $0 >= ReportDocument.narrowestColumn }, "\(table.header): \(table.widths)")
        #expect(table.widths.reduce(0, +) <= ReportDocument.textWidth + 1e-9, "\(table.header)")
        #expect(table.rows.allSatisfy { $0.count == table.header.count })
      }
    }
  }

  @Test func textThatXMLForbidsIsDroppedAndTheRestEscaped() throws {
    var session = try Fixture.minimal.session
    session.about.workplace = "A&B <\"Værksted\"> \u{0}\u{1B}[31m\u{FFFE}ok"
    let data = DocxReport.render(Assessment(session: session, pack: Packs.builtin), language: .da)
    let document = try #require(try Docx.parts(data).first { $0.path == "word/document.xml" }?.text)
    #expect(document.contains("A&amp;B &lt;&quot;Værksted&quot;&gt; [31mok"))
    #expect(!document.unicodeScalars.contains { !OOXML.allowed($0) })
    // The part is well-formed XML.
    _ = try XMLDocument(data: Data(document.utf8), options: [])
  }

  @Test func theSummaryIsTheStartOfTheWholeReport() throws {
    let assessment = try Fixture.callCentre.assessment
    for language in Language.allCases {
      let w = wording(language)
      let summary = MarkdownReport.render(assessment, language: language, part: .summary)
      let whole = MarkdownReport.render(assessment, language: language)
      #expect(whole.hasPrefix(summary.dropLast()))
      #expect(!summary.contains(w("papers.heading")))
      #expect(summary.contains(w("approval.heading")))
      // The 21 "why we ask" paragraphs stay in the working papers.
      #expect(!summary.contains(w("finding.why")))
      #expect(whole.contains(w("finding.why")))
    }
  }
}

/// The real consumers: each says clearly why when it cannot run, and runs under CI.
@Suite struct DocxConsumerTests {
  @Test(.enabled(if: DocxPython.shouldRun, "python-docx is not installed (apt-get install -y python3-docx)"))
  func pythonDocxReadsHeadingsTablesWidthsAndTheFooter() throws {
    let python = try #require(DocxPython.interpreter, "python-docx is not installed (apt-get install -y python3-docx)")
    for language in Language.allCases {
      let assessment = try Fixture.callCentre.assessment
      let w = wording(language)
      let file = try Docx.temporaryFile(DocxReport.render(assessment, language: language))
      defer { try? FileManager.default.removeItem(at: file) }
      let result = try Tool.run(python, ["-c", DocxPython.script, file.path])
      #expect(result.status == 0, "\(String(decoding: result.stderr, as: UTF8.self))")
      let report = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any] ?? [:]
      let headings = report["headings"] as? [[String]] ?? []
      #expect(headings.first == ["Heading 1", w("title.workplace", ["workplace": assessment.session.about.workplace])])
      #expect(headings.contains(["Heading 1", w("papers.heading")]))
      #expect(headings.contains(["Heading 2", w("approval.heading")]))
      #expect(headings.contains { $0[0] == "Heading 4" })
      let tables = report["tables"] as? [[String: Any]] ?? []
      #expect(tables.count == ReportBuilder.document(assessment, language, part: .all).tables.count)
      for table in tables {
        let columns = table["columns"] as? Int ?? 0
        let widths = table["widths_cm"] as? [Double] ?? []
        #expect(columns >= 1 && columns <= 5)
        #expect(widths.count == columns && widths.allSatisfy { $0 >= 2.5 - 0.01 }, "\(widths)")
        #expect(table["header_repeats"] as? Bool == true)
      }
      let footer = report["footer"] as? String ?? ""
      #expect(footer.contains(assessment.session.about.workplace))
      #expect(footer.contains(assessment.session.about.date))
      #expect(report["footer_fields"] as? [String] == ["PAGE", "NUMPAGES"])
      let page = report["page_cm"] as? [Double] ?? []
      #expect(page.count == 2 && abs(page[0] - 21.0) < 0.05 && abs(page[1] - 29.7) < 0.05, "A4 portrait: \(page)")
    }
  }

  @Test(.enabled(if: Tool.shouldRun("pandoc"), "pandoc is not installed (apt-get install -y pandoc)"))
  func pandocReadsItBackWithoutWarnings() throws {
    guard let pandoc = Tool.require("pandoc") else { return }
    for fixture in Fixture.allCases {
      for language in Language.allCases {
        let assessment = try fixture.assessment
        let file = try Docx.temporaryFile(DocxReport.render(assessment, language: language))
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Tool.run(pandoc, ["-f", "docx", "-t", "markdown", file.path])
        #expect(result.status == 0)
        #expect(String(decoding: result.stderr, as: UTF8.self) == "", "pandoc -f docx printed warnings")
        let markdown = String(decoding: result.stdout, as: UTF8.self)
        #expect(markdown.contains(wording(language)("papers.heading")))
        #expect(markdown.contains(wording(language)("plan.heading")))
      }
    }
  }

  @Test(.enabled(if: Tool.shouldRun("soffice") && Tool.shouldRun("pdfinfo"), "LibreOffice or poppler-utils is not installed (apt-get install -y libreoffice-writer-nogui poppler-utils)"))
  func libreOfficePrintsTheSummaryOnThreePagesAndTheWholeOnTwentyFive() throws {
    guard let soffice = Tool.require("soffice"), let pdfinfo = Tool.require("pdfinfo"),
      let pdftotext = Tool.require("pdftotext")
    else { return }
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("igloo-docx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let assessment = try Fixture.callCentre.assessment
    var files: [(language: Language, part: ReportPart, name: String)] = []
    for language in Language.allCases {
      for part in ReportPart.allCases {
        let name = "call-centre-\(language.rawValue)-\(part.rawValue)"
        try DocxReport.render(assessment, language: language, part: part).write(to: dir.appendingPathComponent(name + ".docx"))
        files.append((language, part, name))
      }
    }
    try Tool.convertToPDF(soffice, files.map(\.name), in: dir)
    for file in files {
      let pdf = dir.appendingPathComponent(file.name + ".pdf")
      let pages = try Tool.pages(pdfinfo, pdf)
      let limit = file.part == .summary ? 3 : 25
      let count = try #require(pages, "pdfinfo gave no page count for \(file.name)")
      #expect(count <= limit, "\(file.name): \(count) pages, at most \(limit)")
      #expect(count >= 1)

      // No table cell breaks a word: every word of every cell is found whole in the printed
      // text at least as often as the document holds it.
      let text = String(decoding: try Tool.run(pdftotext, ["-layout", pdf.path, "-"]).stdout, as: UTF8.self)
      let printed = Docx.wordCounts(text)
      let doc = ReportBuilder.document(assessment, file.language, part: file.part)
      let cells = Set(doc.tables.flatMap { [$0.header] + $0.rows }.flatMap { $0 }.flatMap { Docx.words($0) })
      let everything = Docx.wordCounts(Docx.allText(doc))
      let broken = cells.filter { (printed[$0] ?? 0) < (everything[$0] ?? 0) }.sorted()
      #expect(broken.isEmpty, "\(file.name): words broken or missing in print: \(broken.prefix(20))")
      // And nothing printed is a fragment: every printed word is a word of the document (a
      // repeated header row can hide a broken header cell from the count above).
      let w = wording(file.language)
      let footer = w("docx.page", ["page": "1", "pages": "1"]) + " " + assessment.session.about.workplace
      let known = Docx.vocabulary(Docx.allText(doc) + "\n" + footer)
      let fragments = Set(text.split { !$0.isLetter }.map(String.init).filter { $0.count >= 4 && !known.contains($0) })
      #expect(fragments.isEmpty, "\(file.name): printed word fragments: \(fragments.sorted().prefix(20))")
    }
  }
}

/// Reading a .docx in the tests.
enum Docx {
  /// The package's parts in zip order, as text.
  static func parts(_ data: Data) throws -> [(path: String, text: String)] {
    let archive = try Archive(data: data, accessMode: .read)
    var out: [(String, String)] = []
    for entry in archive {
      var bytes = Data()
      _ = try archive.extract(entry) { bytes.append($0) }
      out.append((entry.path, String(decoding: bytes, as: UTF8.self)))
    }
    return out.map { (path: $0.0, text: $0.1) }
  }

  /// The parts as one text for a golden file: each part under its name, a line per paragraph
  /// and table row, so a diff shows what changed.
  static func goldenText(_ parts: [(path: String, text: String)]) -> String {
    parts.map { part in
      "=== " + part.path + " ===\n"
        + part.text.replacingOccurrences(of: "</w:p>", with: "</w:p>\n").replacingOccurrences(of: "</w:tr>", with: "</w:tr>\n")
    }.joined(separator: "\n")
  }

  /// Writes `data` to a fresh temporary .docx.
  static func temporaryFile(_ data: Data) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("igloo-report-\(UUID().uuidString).docx")
    try data.write(to: url)
    return url
  }

  /// The words of `text` of four letters or more: the ones a narrow column could break.
  ///
  /// Hyphenated compounds ("problem-solving") are left out: a line may end at their hyphen, and
  /// pdftotext joins the halves without it.
  static func words(_ text: String) -> [String] {
    text.split(whereSeparator: \.isWhitespace).filter { !$0.contains("-") }
      .flatMap { $0.split { !$0.isLetter } }.map(String.init).filter { $0.count >= 4 }
  }

  /// Every word of `text`, including hyphenated compounds joined without their hyphen, as
  /// pdftotext prints one broken at its hyphen.
  static func vocabulary(_ text: String) -> Set<String> {
    var out = Set(text.split { !$0.isLetter }.map(String.init))
    for token in text.split(whereSeparator: \.isWhitespace) where token.contains("-") {
      let parts = token.split { !$0.isLetter && $0 != "-" }
      for part in parts { out.insert(part.split(separator: "-").joined()) }
    }
    return out
  }

  /// How often each word occurs in `text`.
  static func wordCounts(_ text: String) -> [String: Int] {
    words(text).reduce(into: [:]) { $0[$1, default: 0] += 1 }
  }

  /// Every text of the document, as printed.
  static func allText(_ doc: ReportDocument) -> String {
    ReportDocument.flattened(doc.blocks).map { block -> String in
      switch block {
      case .heading(_, let text): text
      case .paragraph(let runs): runs.map(\.text).joined()
      case .bullets(let items), .numbered(let items): items.map { $0.map(\.text).joined() }.joined(separator: "\n")
      case .table(let t): ([t.header] + t.rows).map { $0.joined(separator: "\n") }.joined(separator: "\n")
      case .chart(let c): ([c.caption, c.title, c.axis] + c.categories + c.series.map(\.name)).joined(separator: "\n")
      case .pageBreak, .keepTogether: ""
      }
    }.joined(separator: "\n")
  }
}

/// python-docx, from the distribution's python3-docx or from PyPI.
enum DocxPython {
  /// The first Python that can import `docx`: the system's (where Debian installs python3-docx),
  /// then the one on `PATH`.
  static let interpreter: String? = {
    for candidate in ["/usr/bin/python3", Tool.path("python3")].compactMap({ $0 }) {
      guard FileManager.default.isExecutableFile(atPath: candidate) else { continue }
      if let result = try? Tool.run(candidate, ["-c", "import docx"]), result.status == 0 { return candidate }
    }
    return nil
  }()

  /// Whether the test runs: when python-docx is there, and always under CI.
  static var shouldRun: Bool { isCI || interpreter != nil }

  /// Prints, as JSON: the headings with their style names, each table's column count, widths
  /// in cm and whether its header row repeats, the footer's text and fields, and the page size.
  static let script = #"""
    import json, sys, docx
    from docx.oxml.ns import qn
    d = docx.Document(sys.argv[1])
    out = {"headings": [], "tables": []}
    for p in d.paragraphs:
        if p.style.name.startswith("Heading"):
            out["headings"].append([p.style.name, p.text])
    for t in d.tables:
        grid = t._tbl.tblGrid.findall(qn("w:gridCol"))
        widths = [int(g.get(qn("w:w"))) / 1440 * 2.54 for g in grid]
        first = t.rows[0]._tr
        trPr = first.trPr
        repeats = trPr is not None and trPr.find(qn("w:tblHeader")) is not None
        cells = [len(r.cells) for r in t.rows]
        out["tables"].append({"columns": len(t.columns), "widths_cm": widths, "header_repeats": repeats,
                              "row_cells": sorted(set(cells))})
    s = d.sections[0]
    footer = s.footer
    out["footer"] = "".join(p.text for p in footer.paragraphs)
    out["footer_fields"] = [f.get(qn("w:instr")).split()[0] for f in footer._element.iter(qn("w:fldSimple"))]
    out["page_cm"] = [round(s.page_width.cm, 2), round(s.page_height.cm, 2)]
    print(json.dumps(out))
    """#
}
