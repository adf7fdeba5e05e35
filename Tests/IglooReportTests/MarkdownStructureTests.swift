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

    // One title, then the sections of PRODUCT.md's "The report", in this order.
    #expect(parsed.headings.filter { $0.level == 1 }.count == 1)
    let sections = parsed.headings.filter { $0.level == 2 }.map(\.text)
    let expected = [
      "scope.heading", "summary.heading", "levels.heading", "absence.heading", "plan.heading", "gaps.heading",
      "unanswered.heading", "disagreements.heading", "set-aside.heading", "flags.heading", "follow-up.heading",
      "method.heading", "sources.heading",
    ].map { w($0) }
    #expect(sections == expected)

    // One heading per IGLOO level under the mapping, in the model's order.
    let levelHeadings = Packs.builtin.levels.map { w("levels.level.heading", ["letter": $0.letter, "level": $0.name[language]]) }
    #expect(parsed.headings.filter { $0.level == 3 && levelHeadings.contains($0.text) }.map(\.text) == levelHeadings)

    // The metadata table holds the eleven facts about the assessment, the depth among them.
    let meta = try #require(parsed.table([w("meta.field"), w("meta.value")]))
    #expect(meta.rows.count == 11)
    #expect(meta.rows.map { $0[0] }.contains(w("meta.depth")))
    #expect(meta.rows.map { $0[0] }.contains(w("meta.amo")))

    // The profile table has one row per IGLOO level, named as the content names them.
    let profile = try #require(parsed.table(MarkdownReport.profileHeader(w, first: w("profile.level"))))
    #expect(profile.rows.count == 5)
    #expect(profile.rows.map { $0[0] } == Packs.builtin.levels.map { $0.name[language] })

    // The technology table: each technology in scope, then the overall row.
    let technologies = try #require(parsed.table(MarkdownReport.profileHeader(w, first: w("profile.technology"))))
    #expect(technologies.rows.count == assessment.technologies.count + 1)
    #expect(technologies.rows.last?.first == w("profile.overall"))

    // Both charts: Mermaid for viewers that draw it and a text chart for the rest.
    #expect(parsed.codeBlocks.contains { $0.info == "mermaid" && $0.text.hasPrefix("xychart-beta\n") })
    let textChart = try #require(parsed.codeBlocks.first { $0.info == "text" })
    #expect(textChart.text.split(separator: "\n").count == 10)

    // The action plan table, with the header the APV asks for, and a reason on every line.
    let planRows = PlanRow.plan(assessment, w).filter { $0.rank != nil }
    if planRows.isEmpty {
      #expect(parsed.table(MarkdownReport.planHeader(w)) == nil)
    } else {
      let plan = try #require(parsed.table(MarkdownReport.planHeader(w)))
      #expect(plan.rows.count == planRows.count)
      #expect(plan.rows.map { $0[0] } == planRows.indices.map { String($0 + 1) })
      #expect(plan.rows.allSatisfy { !$0[8].isEmpty })
    }

    // Every table row has exactly as many cells as its header: cmark-gfm would pad a short row
    // and drop the excess of a long one, so also check the cells are not empty where text is due.
    for table in parsed.tables {
      #expect(table.rows.allSatisfy { $0.count == table.header.count })
    }
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
      let header = [
        w("questions.statement"), w("questions.role"), w("questions.answer"), w("questions.points"), w("questions.notes"),
      ]
      let tables = parsed.tables.filter { $0.header == header }
      let row = try #require(tables.flatMap(\.rows).first { $0[4].contains("første") })
      #expect(row.count == 5)
      // The line break becomes a space; everything else arrives exactly as typed.
      #expect(row[4] == "første | anden linje | \"citat\" & <b>fed</b> *stjerne* `kode`")
    }
  }

  @Test func theCallCentreNotesKeepTheirPipesAndQuotes() throws {
    guard let cmark = Tool.require("cmark-gfm") else { return }
    let parsed = try ParsedMarkdown(cmark: cmark, MarkdownReport.render(try Fixture.callCentre.assessment, language: .da))
    let cells = parsed.tables.flatMap(\.rows).flatMap { $0 }
    #expect(cells.contains("Medarbejderne: Scoren tæller bl.a., om man siger \"hav en god dag\" | ikke, om kunden fik løst sit problem."))
    #expect(cells.contains("Medarbejderne: Flere lægger hurtigt på for at holde scoren oppe. Særligt sidst på måneden, når bonussen gøres op."))
  }
}
