import Foundation
import IglooContent
import IglooEngine
import SwiftCSV
import IglooTestSupport
import Testing

@testable import IglooReport

/// Issue 8, "Why" 3, 4 and 12: no report lets a control character reach the reader's terminal,
/// no CSV cell runs as a formula, and NUL never reaches an output.
@Suite struct InjectionTests {
  /// A session whose workplace, note and plan hold escape sequences and formulas.
  func hostileAssessment() throws -> Assessment {
    var session = try Fixture.callCentre.session
    session.about.workplace = "Reset\u{1b}c after"
    session.about.unit = "no\u{0}te\u{9b}2J"
    session.plan.append(
      PlanItem(
        action: nil, title: "=HYPERLINK(\"http://evil\",\"x\")", level: "organisation",
        responsible: "\u{1b}]0;pwned\u{07}", deadline: "2026-09-01", how: "+cmd|' /C calc'!A0",
        followUp: "\u{1b}#8", evaluation: "@SUM(1+1)", status: .accepted))
    session.plan.append(
      PlanItem(action: nil, title: "-2+3", level: "group", responsible: "\tTab", how: "\rCR", status: .accepted))
    return Assessment(session: session, pack: Packs.builtin)
  }

  func hasRawControl(_ text: String) -> Bool { text.unicodeScalars.contains { SafeText.isControl($0) } }

  @Test(arguments: Language.allCases)
  func markdownReportDoesNotResetTheTerminal(_ language: Language) throws {
    let text = String(decoding: ReportFormat.markdown.render(try hostileAssessment(), language: language), as: UTF8.self)
    #expect(!hasRawControl(text), "no ESC, NUL or C1 in the Markdown")
    #expect(text.contains("Reset\\u001bc after"))
    #expect(!text.contains("\u{0}"))
  }

  @Test func csvDoesNotSetTheTerminalTitleOrFillTheScreen() throws {
    let text = CSVReport.render(try hostileAssessment(), language: .en)
    // CR is legitimate only as the record end.
    #expect(!hasRawControl(text.replacingOccurrences(of: "\r\n", with: "\n")))
    #expect(text.contains("\\u001b]0;pwned\\u0007"))
    #expect(text.contains("\\u001b#8"))
  }

  @Test func csvCellsThatWouldRunAsFormulasGetAQuote() throws {
    let text = CSVReport.render(try hostileAssessment(), language: .en)
    let csv = try CSV<Enumerated>(string: String(text.dropFirst()), delimiter: .comma, loadColumns: false)
    let row = try #require(csv.rows.first { $0[2].contains("HYPERLINK") })
    #expect(row[2] == "'=HYPERLINK(\"http://evil\",\"x\")")
    #expect(row[6] == "'+cmd|' /C calc'!A0")
    #expect(row[8] == "'@SUM(1+1)")
    let second = try #require(csv.rows.first { $0[2].contains("2+3") })
    #expect(second[2] == "'-2+3")
    #expect(second[4].hasPrefix("'"), "a leading tab")
    // A leading CR is written as the text `\u000d`, which no spreadsheet reads as a formula.
    #expect(second[6] == "\\u000dCR", "a leading carriage return")
    for field in csv.rows.flatMap({ $0 }) {
      if let first = field.unicodeScalars.first { #expect(!RFC4180.formulaStarts.contains(first), "\(field)") }
    }
  }

  /// Issue 25, item 2: a NUL before `=`, `@` or `-` is dropped by SafeText, so the guard must look
  /// at the text as written; the old guard looked at the NUL and let `=HYPERLINK` through.
  @Test(arguments: ["\u{0}=HYPERLINK(\"http://evil\",\"x\")", "\u{0}@SUM(1+1)", "\u{0}-2+3", "\u{0}\u{0}+1"])
  func aNulBeforeAFormulaDoesNotHideItFromTheGuard(_ title: String) throws {
    var session = try Fixture.callCentre.session
    session.plan.append(PlanItem(action: nil, title: title, level: "group", status: .accepted))
    let text = CSVReport.render(Assessment(session: session, pack: Packs.builtin), language: .en)
    let csv = try CSV<Enumerated>(string: String(text.dropFirst()), delimiter: .comma, loadColumns: false)
    let cell = try #require(csv.rows.compactMap { $0.count > 2 ? $0[2] : nil }.first { $0.contains(title.replacingOccurrences(of: "\u{0}", with: "")) })
    #expect(cell == "'" + title.replacingOccurrences(of: "\u{0}", with: ""))
  }

  @Test func jsonAndMarkdownKeepFormulaTextAsTyped() throws {
    let assessment = try hostileAssessment()
    let json = JSONReport.render(assessment, language: .en)
    let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    let plan = try #require(object["action_plan"] as? [[String: Any]])
    #expect(plan.contains { ($0["title"] as? String) == "=HYPERLINK(\"http://evil\",\"x\")" })
    let md = MarkdownReport.render(assessment, language: .en)
    #expect(md.contains("HYPERLINK") && !md.contains("'=HYPERLINK"))
  }

  @Test func jsonStringsEscapeDelAndC1AndDropNul() {
    var out = ""
    JSONValue.quote("a\u{7f}b\u{9b}c\u{0}d\u{1b}", into: &out)
    #expect(out == "\"a\\u007fb\\u009bcd\\u001b\"")
  }

  @Test func nulFromNotesDoesNotReachTheMarkdown() throws {
    let text = MarkdownReport.render(try hostileAssessment(), language: .da)
    #expect(!text.contains("\u{0}"))
    #expect(text.contains("note\\u009b2J"))
  }

  /// Fuzz: hostile text in every field a user types reaches no output raw, and no CSV cell
  /// starts a formula; the JSON still reads back as typed (NUL aside).
  @Test func hostileTextInAnyFieldNeverReachesAnOutputRaw() throws {
    var mutator = Mutator(seed: 8)
    let base = try Fixture.callCentre.session
    for round in 0..<60 {
      var session = base
      session.about.workplace = mutator.hostileText()
      session.about.unit = mutator.hostileText()
      session.about.participants = [Participant(name: mutator.hostileText(), role: mutator.hostileText())]
      session.plan.append(
        PlanItem(
          action: nil, title: mutator.hostileText(), level: "group", responsible: mutator.hostileText(),
          deadline: mutator.hostileText(), how: mutator.hostileText(), followUp: mutator.hostileText(),
          evaluation: mutator.hostileText(), status: .accepted))
      let assessment = Assessment(session: session, pack: Packs.builtin)
      let md = String(decoding: ReportFormat.markdown.render(assessment, language: .da), as: UTF8.self)
      #expect(!hasRawControl(md), "round \(round): Markdown")
      let csv = CSVReport.render(assessment, language: .en)
      #expect(!hasRawControl(csv.replacingOccurrences(of: "\r\n", with: "\n")), "round \(round): CSV")
      let parsed = try CSV<Enumerated>(string: String(csv.dropFirst()), delimiter: .comma, loadColumns: false)
      for cell in parsed.rows.flatMap({ $0 }) {
        if let first = cell.unicodeScalars.first { #expect(!RFC4180.formulaStarts.contains(first), "round \(round): \(cell)") }
      }
      let json = String(decoding: ReportFormat.json.render(assessment, language: .en), as: UTF8.self)
      #expect(!hasRawControl(json.replacingOccurrences(of: "\n", with: "")), "round \(round): JSON")
      let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
      let plan = try #require(object["action_plan"] as? [[String: Any]])
      let wanted = session.plan.last?.title.replacingOccurrences(of: "\u{0}", with: "")
      #expect(plan.contains { ($0["title"] as? String) == wanted }, "round \(round): JSON keeps the text")
    }
  }
}
