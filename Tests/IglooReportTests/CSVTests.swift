import Foundation
import IglooContent
import IglooEngine
import SwiftCSV
import Testing

@testable import IglooReport

/// The action plan CSV, read back by a real CSV parser.
@Suite struct CSVTests {
  @Test(arguments: Fixture.allCases, Language.allCases)
  func readsBackRowForRow(_ fixture: Fixture, _ language: Language) throws {
    let assessment = try fixture.assessment
    let text = CSVReport.render(assessment, language: language)
    // The byte-order mark is what makes Excel read the file as UTF-8.
    #expect(Array(text.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
    #expect(text.hasSuffix("\r\n"))
    let body = String(text.dropFirst())
    let csv = try CSV<Enumerated>(string: body, delimiter: .comma, loadColumns: false)
    let w = wording(language)
    #expect(
      csv.header == [
        w("plan.rank"), w("plan.status"), w("plan.what"), w("plan.level"), w("plan.responsible"), w("plan.deadline"),
        w("plan.how"), w("plan.follow-up"), w("plan.evaluation"), w("plan.source"), w("plan.reasons"),
        w("plan.missing"), w("plan.own-text"),
      ])
    let plan = PlanRow.plan(assessment, w)
    // One row per line of the plan, then the record that says how deep the assessment went.
    #expect(csv.rows.count == plan.count + 1)
    let progress = assessment.session.progress(assessment.pack)
    // The depth, then the session's fingerprint (issue 30), in the same cell.
    #expect(csv.rows.last?.first == w(
      assessment.session.depth == .quick ? "csv.depth.quick" : "csv.depth.full",
      ["applied": String(progress.total), "answered": String(progress.answered)])
      + " " + ReportBuilder.fingerprintLine(assessment.session, w))
    for (row, expected) in zip(csv.rows, plan) {
      #expect(row.count == 13)
      #expect(row[11] == expected.missingText(w))
      #expect(row[12].isEmpty == !(expected.isOwn || expected.ownTitle || expected.ownHow))
      #expect(row[0] == (expected.rank.map(String.init) ?? ""))
      #expect(row[1] == w.status(expected.status))
      #expect(row[2] == expected.title)
      #expect(row[3] == w.level(expected.level))
      #expect(row[4] == expected.responsibleText(w))
      #expect(row[5] == expected.deadline)
      #expect(row[6] == expected.how)
      #expect(row[7] == expected.followUp)
      #expect(row[8] == expected.evaluation)
      #expect(row[9] == expected.source)
      #expect(row[10] == expected.reasons.joined(separator: "\n"))
      // Where the text is always due, it is there.
      #expect(row[3] == Packs.builtin.level(expected.level)?.name[language], "the level's name, not its id")
      #expect(!row[9].isEmpty || expected.isOwn, "a recommended action names its source")
      #expect(!row[10].isEmpty, "every line of the plan says why it is there")
    }
  }

  @Test func quotesLineBreaksAndDanishLettersSurvive() throws {
    let assessment = try Fixture.callCentre.assessment
    let text = CSVReport.render(assessment, language: .da)
    let csv = try CSV<Enumerated>(string: String(text.dropFirst()), delimiter: .comma, loadColumns: false)
    let edited = try #require(csv.rows.first { $0[2] == "Lad ikke samtalescoren stå alene i udviklingssamtaler" })
    #expect(edited[1] == "Vedtaget")
    #expect(edited[4] == "Mette Holm, kundeservicechef")
    #expect(
      edited[6]
        == "Teamlederne gennemgår scorens parametre med hvert team.\nI MUS indgår \"svære samtaler\" og hjælp til kolleger, ikke kun scoren.")
    #expect(text.contains("\"\"svære samtaler\"\""), "embedded quotes are doubled")
    let rejected = try #require(csv.rows.first { $0[1] == "Afvist" })
    #expect(rejected[0] == "")
    #expect(csv.rows.contains { $0[4] == "Jonas Ravn (AMR)" && $0[1] == "I gang" })
    #expect(text.contains("æ") && text.contains("ø") && text.contains("å"))
  }

  @Test func fieldsAreQuotedOnlyWhenTheyMustBe() {
    #expect(RFC4180.field("plain") == "plain")
    #expect(RFC4180.field("a,b") == "\"a,b\"")
    #expect(RFC4180.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(RFC4180.field("two\nlines") == "\"two\nlines\"")
    #expect(RFC4180.field("cr\r\nlf") == "\"cr\nlf\"", "a CR LF inside a cell is one line break")
    #expect(RFC4180.field(" padded") == "\" padded\"")
    #expect(RFC4180.record(["a", "b"]) == "a,b\r\n")
  }

  /// A quote that a combining mark follows is still a quote to a CSV reader (Python's, Excel's
  /// and LibreOffice's read code units), so it is doubled too; Foundation's default search took the
  /// two as one character and left a lone quote in the field, which shifted every later column of
  /// the row. SwiftCSV reads characters, as that search did, so Tests/e2e/test_commands.sh reads
  /// such a row back with Python's csv.
  @Test func aQuoteWithACombiningMarkIsDoubled() {
    #expect(RFC4180.field("Mette \"\u{301}Holm\", HR") == "\"Mette \"\"\u{301}Holm\"\", HR\"")
    #expect(RFC4180.field("\"\u{301}quoted") == "\"\"\"\u{301}quoted\"", "no comma, yet a quote: quoted")
    #expect(RFC4180.field(" \u{301}a") == "\" \u{301}a\"", "a leading space with a mark: quoted")
  }
}
