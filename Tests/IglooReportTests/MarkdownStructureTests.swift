import Foundation
import IglooContent
import IglooEngine
import Testing

@testable import IglooReport

/// The Markdown as the reference CommonMark+GFM parser reads it: the headings and tables a
/// reader relies on are really there, and no note can break a table.
@Suite(.enabled(if: Tool.shouldRun("cmark-gfm"), "cmark-gfm is not installed (apt-get install -y cmark-gfm)"))
struct MarkdownStructureTests {
  @Test(arguments: Fixture.allCases, Language.allCases)
  func headingsAndTables(_ fixture: Fixture, _ language: Language) throws {
    guard let cmark = Tool.require("cmark-gfm") else { return }
    let assessment = try fixture.assessment
    let parsed = try ParsedMarkdown(cmark: cmark, MarkdownReport.render(assessment, language: language))
    let w = wording(language)

    // The summary's title and sections, then the working papers' sections, in this order.
    #expect(parsed.headings.filter { $0.level == 1 }.map(\.text).last == w("papers.heading"))
    #expect(parsed.headings.filter { $0.level == 1 }.count == 2)
    let sections = parsed.headings.filter { $0.level == 2 }.map(\.text)
    // Page 1 in the manager's order (issue 26): the legal items, the three first actions, the
    // profile; then the facts, the plan and the approval.
    let hasPlan = PlanRow.plan(assessment, w).contains { $0.rank != nil }
    var expected = ["flags.summary.heading"] + (hasPlan ? ["summary.actions.heading"] : []) + [
      "summary.levels.heading", "summary.top.heading", "who.heading", "plan.heading", "approval.heading",
    ]
    if !(assessment.session.scope ?? []).isEmpty { expected.append("scope.heading") }
    expected += [
      "summary.technologies.heading", "levels.heading", "absence.heading", "plan.details.heading", "gaps.heading",
      "unanswered.heading", "disagreements.heading", "set-aside.heading", "flags.heading", "follow-up.heading",
      "method.heading", "sources.heading",
    ]
    #expect(sections == expected.map { w($0) })

    // One heading per IGLOO level under the mapping, in the model's order.
    let levelHeadings = Packs.builtin.levels.map { w("levels.level.heading", ["letter": $0.letter, "level": $0.name[language]]) }
    #expect(parsed.headings.filter { $0.level == 3 && levelHeadings.contains($0.text) }.map(\.text) == levelHeadings)
    // Each finding is headed by its short title, with the report's whole sentence below it.
    let findingHeadings = parsed.headings.filter { $0.level == 4 }.map(\.text)
    let byLevel = Packs.builtin.levels.flatMap { level in
      assessment.findings.filter { $0.finding.level == level.id }.map { $0.finding.shortTitle[language] }
    }
    // In a quick scan each heading says whether the finding was screened or assessed in full.
    #expect(findingHeadings.count == byLevel.count)
    #expect(zip(findingHeadings, byLevel).allSatisfy { heading, title in heading.hasPrefix(title) }, "\(findingHeadings)")
    if assessment.session.depth == .full { #expect(findingHeadings == byLevel) }

    // The metadata table holds the eleven facts about the assessment, the depth among them; with
    // several voices, ten: the voices are named with their counts under "Answered" and on page 1.
    let meta = try #require(parsed.table([w("meta.field"), w("meta.value")]))
    #expect(meta.rows.count == (assessment.session.voices.count > 1 ? 10 : 11))
    #expect(meta.rows.map { $0[0] }.contains(w("meta.depth")))
    #expect(meta.rows.map { $0[0] }.contains(w("meta.amo")))

    // The profile table has one row per IGLOO level, named as the content names them; a quick
    // scan not deepened throughout shows its screenings instead, in one table.
    let screeningTable = ReportBuilder.showsScreeningTable(ReportContext(assessment, language))
    let profileHeader =
      screeningTable
      ? [
        w("profile.level"), w("profile.screening-risk"),
        w(assessment.depthDone == .quick ? "profile.screening-strongest" : "profile.deepest-strongest"),
        w("profile.screening-opportunity"), w("profile.answered"),
      ] : ReportBuilder.profileHeader(w, first: w("profile.level"))
    let profile = try #require(parsed.table(profileHeader))
    #expect(profile.rows.count == 5)
    #expect(profile.rows.map { $0[0] } == Packs.builtin.levels.map { $0.name[language] })
    if screeningTable { #expect(parsed.table(ReportBuilder.profileHeader(w, first: w("profile.level"))) == nil) }

    // The technology table: each technology in scope, then the overall row.
    let technologies = try #require(parsed.table(ReportBuilder.profileHeader(w, first: w("profile.technology"))))
    #expect(technologies.rows.count == assessment.technologies.count + 1)
    #expect(technologies.rows.last?.first == w("profile.overall"))

    // Both charts: Mermaid for viewers that draw it and a text chart for the rest; a quick scan's
    // screening table has no chart of residual risks beside it.
    if !screeningTable {
      #expect(parsed.codeBlocks.contains { $0.info == "mermaid" && $0.text.hasPrefix("xychart-beta\n") })
      let textChart = try #require(parsed.codeBlocks.first { $0.info == "text" })
      #expect(textChart.text.split(separator: "\n").count == 10)
    }

    // The summary's action plan: what, who, deadline and status, numbered by rank.
    let planRows = PlanRow.plan(assessment, w).filter { $0.rank != nil }
    if planRows.isEmpty {
      #expect(parsed.table(ReportBuilder.planSummaryHeader(w)) == nil)
    } else {
      let plan = try #require(parsed.table(ReportBuilder.planSummaryHeader(w)))
      #expect(plan.rows.count == planRows.count)
      #expect(plan.rows.map { $0[0] } == planRows.map { ReportBuilder.planSummaryRow($0, w)[0] })
      #expect(zip(plan.rows, planRows).allSatisfy { cells, row in cells[0].hasPrefix("\(row.rank ?? 0). ") && cells[0].contains(row.title) })
    }

    // No table has more than five columns.
    for table in parsed.tables { #expect(table.header.count <= 5, "\(table.header)") }

    // Every table row has exactly as many cells as its header. cmark-gfm pads a short row and
    // drops the excess of a long one, so its parse cannot show that: the rows are counted in the
    // Markdown source itself, splitting on the pipes that are not escaped.
    let source = MarkdownReport.render(assessment, language: language, part: .all)
    let sourceTables = Self.sourceTables(source)
    #expect(sourceTables.count == parsed.tables.count, "every table in the source is a table to cmark-gfm")
    for rows in sourceTables {
      let width = Self.cells(rows[0]).count
      for row in rows.dropFirst() {
        #expect(Self.cells(row).count == width, "a row of \(Self.cells(row).count) cells under a header of \(width): \(row)")
      }
    }
    // The cells are not empty where text is due: every row starts with what it is about, and
    // no row is blank. The one exception is the approval block's lines to sign, which are blank
    // on purpose until the plan is approved, and then carry each approver's name.
    let signatureHeader = [w("approval.name"), w("approval.role"), w("approval.date"), w("approval.signature")]
    for table in parsed.tables {
      if table.header == signatureHeader {
        if assessment.session.approval == nil {
          #expect(table.rows.count >= 2 && table.rows.allSatisfy { $0.allSatisfy { $0.isEmpty } }, "lines to sign")
        }
        continue
      }
      for row in table.rows {
        #expect(!row[0].trimmingCharacters(in: .whitespaces).isEmpty, "a row without its first cell: \(row)")
        #expect(row.contains { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
      }
    }
  }

  /// The tables of a Markdown source: runs of lines starting with `|`, the delimiter row left out.
  static func sourceTables(_ markdown: String) -> [[String]] {
    var tables: [[String]] = []
    var current: [String] = []
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) + [""] {
      if line.hasPrefix("|") {
        if line.range(of: #"^\|( *:?-+:? *\|)+ *$"#, options: .regularExpression) == nil { current.append(line) }
      } else if !current.isEmpty {
        tables.append(current)
        current = []
      }
    }
    return tables
  }

  /// The cells of one source row: split on `|` not preceded by a backslash (and not inside a code
  /// span, which the report never puts in a table), without the outer pipes.
  static func cells(_ row: String) -> [String] {
    var cells: [String] = []
    var cell = ""
    var escaped = false
    for c in row {
      if c == "|" && !escaped {
        cells.append(cell)
        cell = ""
      } else {
        cell.append(c)
      }
      escaped = c == "\\" && !escaped
    }
    cells.append(cell)
    // "| a | b |" splits into "", " a ", " b ", "".
    if cells.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { cells.removeFirst() }
    if cells.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { cells.removeLast() }
    return cells
  }

  @Test func aNoteWithAPipeAndALineBreakStaysInItsCell() throws {
    guard let cmark = Tool.require("cmark-gfm") else { return }
    var session = try Fixture.minimal.session
    let note = "første | anden\nlinje | \"citat\" & <b>fed</b> *stjerne* `kode`"
    session.setAnswer(Answer(.point(4), note: note), question: "q-ml-ind-simplified-management-exposure", voice: "amr")
    let assessment = Assessment(session: session, pack: Packs.builtin)
    for language in Language.allCases {
      let w = wording(language)
      let parsed = try ParsedMarkdown(cmark: cmark, MarkdownReport.render(assessment, language: language))
      let text = try #require(parsed.listItems.first { $0.contains("første") })
      // The note goes in the list below its table; the line break becomes a space, everything
      // else arrives exactly as typed.
      #expect(text.contains("første | anden linje | \"citat\" & <b>fed</b> *stjerne* `kode`"))
    }
  }

  /// A combining mark after a bar or a star makes one Character of the two; cmark-gfm still
  /// reads the bar as the end of a cell, so the escape must not depend on the Character.
  @Test func aBarWithACombiningMarkStaysInItsCell() throws {
    guard let cmark = Tool.require("cmark-gfm") else { return }
    var session = try Fixture.callCentre.session
    let unit = "Kundeservice |\u{301} team *\u{301}x*\u{301} 1–4"
    session.about.unit = unit
    let parsed = try ParsedMarkdown(cmark: cmark, MarkdownReport.render(Assessment(session: session, pack: Packs.builtin), language: .da))
    let row = try #require(parsed.tables.flatMap(\.rows).first { $0.first == "Enhed eller afdeling" })
    #expect(row == ["Enhed eller afdeling", unit])
  }

  @Test func theCallCentreNotesKeepTheirPipesAndQuotes() throws {
    guard let cmark = Tool.require("cmark-gfm") else { return }
    let parsed = try ParsedMarkdown(cmark: cmark, MarkdownReport.render(try Fixture.callCentre.assessment, language: .da))
    let cells = parsed.listItems.joined(separator: "\n")
    #expect(cells.contains("Medarbejderne: Scoren tæller bl.a., om man siger \"hav en god dag\" | ikke, om kunden fik løst sit problem."))
    #expect(cells.contains("Medarbejderne: Flere lægger hurtigt på for at holde scoren oppe. Særligt sidst på måneden, når bonussen gøres op."))
  }
}
