import Foundation
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

@testable import IglooReport

/// The plenary comparison of workshop groups (`igloo compare --groups`) and the anonymous roll-up
/// (`igloo aggregate`), as golden Markdown in both languages.
@Suite struct WorkshopGoldenTests {
  static let pack = Packs.builtin

  /// Group `name` on the call-centre case, answering every applicable statement with `point(i)`.
  /// (nil: left unanswered).
  static func group(_ name: String, case id: String = "call-centre", point: (Int) -> Int?) -> Session {
    var s = Session(trainingCase: pack.trainingCase(id)!, pack: pack, date: "2026-12-01", group: name)
    for (i, q) in s.applicableQuestions(pack).enumerated() where q.kind == .finding {
      if let p = point(i) { s.setAnswer(Answer(.point(p)), question: q.id, voice: Voice.single.id) }
    }
    return s
  }

  /// Three groups: one that sees much risk, one that sees little, one in between that left a few
  /// statements unanswered.
  static var groups: [Session] {
    [
      group("Bord 1") { _ in 5 },
      group("Bord 2") { $0 % 2 == 0 ? 1 : 2 },
      group("Bord 3") { i in i % 7 == 3 ? nil : 3 },
    ]
  }

  @Test(arguments: [Language.da, .en])
  func plenaryComparison(_ language: Language) {
    let sessions = Self.groups
    let comparison = GroupComparison(sessions.map { Assessment(session: $0, pack: Self.pack) }, labels: ["a", "b", "c"], pack: Self.pack)
    let text = RoundsMarkdown.groups(
      comparison, pack: Self.pack, language: language, facilitatorCase: Self.pack.trainingCase("call-centre"))
    assertGolden(text, named: "groups-call-centre.\(language.rawValue).md", in: goldenDirectory)
    // Not before and after: no column is called "previous" or "now".
    let before = Self.pack.string("report.rounds.old", language), now = Self.pack.string("report.rounds.new", language)
    #expect(!text.contains("| \(before) |") && !text.contains("| \(now) |"))
    for name in ["Bord 1", "Bord 2", "Bord 3"] { #expect(text.contains("| \(name) |")) }
    #expect(text.contains(Self.pack.trainingCase("call-centre")!.facilitatorNote[language].prefix(40)))
  }

  /// Groups that did a quick scan are compared by their screenings: a plenary table of dashes
  /// under "Residual risk" would say the groups found nothing.
  @Test(arguments: [Language.da, .en])
  func quickScanGroupsAreComparedByTheirScreenings(_ language: Language) throws {
    func quick(_ name: String, _ point: @escaping (Int) -> Int) -> Session {
      var s = Session(trainingCase: Self.pack.trainingCase("call-centre")!, pack: Self.pack, date: "2026-12-01", group: name)
      s.depth = .quick
      for (i, q) in s.applicableQuestions(Self.pack).enumerated() where q.kind == .finding {
        s.setAnswer(Answer(.point(point(i))), question: q.id, voice: Voice.single.id)
      }
      return s
    }
    let comparison = GroupComparison(
      [quick("Bord 1") { _ in 5 }, quick("Bord 2") { $0 % 2 == 0 ? 1 : 3 }].map { Assessment(session: $0, pack: Self.pack) },
      labels: [], pack: Self.pack)
    #expect(comparison.screens)
    #expect(comparison.levelRisk.allSatisfy { $0.values.allSatisfy { $0 == nil } }, "a quick scan has no residual risk")
    #expect(comparison.levelScreening.contains { $0.values.allSatisfy { $0 != nil } })
    #expect(!comparison.findingScreening.isEmpty)
    let w = Wording(pack: Self.pack, language: language)
    let text = RoundsMarkdown.groups(comparison, pack: Self.pack, language: language)
    #expect(text.contains("## " + w("rounds.level-screening")))
    #expect(text.contains("## " + w("rounds.finding-screening")))
    #expect(!text.contains("## " + w("rounds.groups.level-risk")), "no table of dashes")
    let first = try #require(comparison.levelScreening.first)
    let cells = first.values.map { "\($0!)" }
    #expect(text.contains("| " + w.level(first.id) + " | " + cells[0]), "\(cells)")
    // A full assessment is compared as before, without screening tables.
    let full = GroupComparison(Self.groups.map { Assessment(session: $0, pack: Self.pack) }, labels: [], pack: Self.pack)
    #expect(!full.screens)
    #expect(!RoundsMarkdown.groups(full, pack: Self.pack, language: language).contains(w("rounds.level-screening")))
  }

  /// A roll-up says how many of its sessions are quick scans, whose screenings it leaves out; the
  /// streamed tally and a merge of two tallies count them as the assessments do.
  @Test func aRollUpSaysHowManyAreQuickScans() throws {
    var quick = Self.group("Q") { _ in 4 }
    quick.depth = .quick
    let sessions = [quick, Self.group("F1") { _ in 3 }, quick, Self.group("F2") { _ in 2 }, quick, quick]
    let whole = Aggregation(sessions.map { Assessment(session: $0, pack: Self.pack) }, pack: Self.pack)
    #expect(whole.quickScans == 4 && whole.sessions == 6)
    var first = Aggregation.Tally(pack: Self.pack), second = Aggregation.Tally(pack: Self.pack)
    for s in sessions.prefix(3) { first.add(s, pack: Self.pack) }
    for s in sessions.dropFirst(3) { second.add(s, pack: Self.pack) }
    first.merge(second)
    #expect(first.aggregation().quickScans == 4)
    let w = Wording(pack: Self.pack, language: .da)
    #expect(RoundsMarkdown.aggregation(whole, pack: Self.pack, language: .da).contains(w("rounds.aggregate.quick", ["n": "4"])))
    let none = Aggregation(Self.groups.map { Assessment(session: $0, pack: Self.pack) }, pack: Self.pack)
    #expect(!RoundsMarkdown.aggregation(none, pack: Self.pack, language: .da).contains("hurtigscanninger"))
  }

  @Test func everyTableHasAtMostFiveColumnsEvenWithEightGroups() {
    let sessions = (1...8).map { n in Self.group("Gruppe \(n)") { i in (i + n) % 5 + 1 } }
    let comparison = GroupComparison(sessions.map { Assessment(session: $0, pack: Self.pack) }, labels: [], pack: Self.pack)
    let text = RoundsMarkdown.groups(comparison, pack: Self.pack, language: .da)
    let header = text.split(separator: "\n").filter { $0.hasPrefix("|") && !$0.hasPrefix("| -") && !$0.hasPrefix("|-") }
    #expect(!header.isEmpty)
    for line in header { #expect(line.filter { $0 == "|" }.count - 1 <= 5, "too wide: \(line)") }
    for n in 1...8 { #expect(text.contains("| Gruppe \(n) |")) }
  }

  @Test(arguments: [Language.da, .en])
  func rollUpSuppressesSmallGroups(_ language: Language) {
    // Six sessions: five from private services, one from a municipality.
    var sessions = (0..<5).map { n in Self.group("G\(n)") { i in (i + n) % 5 + 1 } }
    sessions.append(Self.group("Kommune", case: "home-care") { _ in 4 })
    let aggregation = Aggregation(sessions.map { Assessment(session: $0, pack: Self.pack) }, pack: Self.pack)
    let text = RoundsMarkdown.aggregation(aggregation, pack: Self.pack, language: language)
    assertGolden(text, named: "aggregate-six.\(language.rawValue).md", in: goldenDirectory)
    let hidden = Self.pack.string("report.rounds.aggregate.suppressed", language).replacingOccurrences(of: "{min}", with: "5")
    let municipality = Self.pack.sector("public-municipality")!.name[language]
    #expect(text.contains("| \(municipality) | \(hidden) |"))
    #expect(text.contains("| \(Self.pack.sector("private-services")!.name[language]) | 5 |"))
  }
}

/// `igloo compare` of two quick scans compares their screenings; each change is the printed
/// figure now minus the printed figure before.
@Suite struct QuickScanRoundsTests {
  @Test(arguments: [Language.da, .en])
  func twoQuickScansAreComparedByTheirScreenings(_ language: Language) throws {
    let pack = Packs.builtin
    var old = try Fixture.quickScan.session
    old.deepened = []
    var new = old
    for (voice, answers) in new.answers {
      for (q, a) in answers {
        if case .point(let p) = a.value { new.setAnswer(Answer(.point(6 - p)), question: q, voice: voice) }
      }
    }
    let c = RoundComparison(old: Assessment(session: old, pack: pack), new: Assessment(session: new, pack: pack))
    #expect(c.screens && !c.scoresLevels)
    let w = Wording(pack: pack, language: language)
    let text = RoundsMarkdown.comparison(c, language: language)
    #expect(text.contains("## " + w("rounds.level-screening")))
    #expect(!text.contains("## " + w("rounds.compare.levels")), "no table of dashes")
    for s in c.levelScreening {
      guard let o = s.old, let n = s.new else { continue }
      let (po, pn) = (Int(Numbers.whole(o))!, Int(Numbers.whole(n))!)
      let change = pn - po > 0 ? "\\+\(pn - po)" : pn - po < 0 ? "\\-\(po - pn)" : "0"
      #expect(text.contains("| \(w.level(s.id)) | \(po) ("), "\(s.id)")
      #expect(text.contains(") | \(change) |"), "\(s.id): \(change)")
    }
  }
}

/// `igloo compare` (before and after): every change it prints is the later printed figure minus
/// the earlier one, never the unrounded difference (issue 14: `87 (høj) | 0 (lav) | \-88`).
@Suite struct ComparisonFigureTests {
  @Test func everyPrintedChangeMatchesThePrintedFigures() throws {
    let pack = Packs.builtin
    let old = try Fixture.callCentre.session
    var new = old
    // Move every other answer of the first voice, so that many figures change by odd amounts.
    let voice = new.voices[0].id
    for (i, (q, answer)) in (new.answers[voice] ?? [:]).sorted(by: { $0.key < $1.key }).enumerated() where i % 2 == 0 {
      if let p = answer.point { new.setAnswer(Answer(.point(p == 5 ? 1 : p + 1)), question: q, voice: voice) }
    }
    let text = RoundsMarkdown.comparison(
      RoundComparison(old: Assessment(session: old, pack: pack), new: Assessment(session: new, pack: pack)), language: .da)
    func number(_ cell: Substring) -> Int? {
      Int(cell.trimmingCharacters(in: .whitespaces).split(separator: " ").first?.replacingOccurrences(of: "\\", with: "") ?? "")
    }
    var checked = 0
    for line in text.split(separator: "\n") where line.hasPrefix("| ") {
      let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map { $0 }
      // Levels (6 columns): name, before, now, change, …; findings (5): name, kind, before, now, change.
      let start = cells.count == 6 ? 1 : cells.count == 5 ? 2 : nil
      guard let start, let before = number(cells[start]), let now = number(cells[start + 1]),
        let change = number(cells[start + 2])
      else { continue }
      #expect(change == now - before, "\(line)")
      checked += 1
    }
    #expect(checked > 10)
  }
}

/// The plenary comparison as Word (`igloo compare --groups --format docx`), read by python-docx and
/// pandoc: the same headings and tables as the Markdown, a column per group, the case in the footer.
@Suite struct WorkshopDocxTests {
  static let pack = WorkshopGoldenTests.pack

  static func plenary(_ language: Language, groups: Int = 3) -> (markdown: String, docx: Data) {
    let sessions = groups == 3
      ? WorkshopGoldenTests.groups
      : (1...groups).map { n in WorkshopGoldenTests.group("Gruppe \(n)") { i in (i + n) % 5 + 1 } }
    let comparison = GroupComparison(
      sessions.map { Assessment(session: $0, pack: pack) }, labels: sessions.map(\.about.group), pack: pack)
    let note = pack.trainingCase("call-centre")
    return (
      RoundsMarkdown.groups(comparison, pack: pack, language: language, facilitatorCase: note),
      RoundsReport.groups(comparison, pack: pack, language: language, facilitatorCase: note, format: .docx)
    )
  }

  @Test func markdownFormatIsTheMarkdownText() {
    let sessions = WorkshopGoldenTests.groups
    let comparison = GroupComparison(sessions.map { Assessment(session: $0, pack: Self.pack) }, labels: ["a", "b", "c"], pack: Self.pack)
    let data = RoundsReport.groups(comparison, pack: Self.pack, language: .da, format: .markdown)
    #expect(String(decoding: data, as: UTF8.self) == RoundsMarkdown.groups(comparison, pack: Self.pack, language: .da))
  }

  @Test func theSameGroupsGiveTheSameBytes() {
    #expect(Self.plenary(.da).docx == Self.plenary(.da).docx)
    #expect(!Self.plenary(.da).docx.isEmpty)
  }

  @Test(.enabled(if: DocxPython.shouldRun, "python-docx is not installed (apt-get install -y python3-docx)"),
    arguments: [Language.da, .en], [3, 8])
  func pythonDocxReadsAColumnPerGroupAndTheCaseInTheFooter(_ language: Language, _ groups: Int) throws {
    let python = try #require(DocxPython.interpreter, "python-docx is not installed (apt-get install -y python3-docx)")
    let (markdown, docx) = Self.plenary(language, groups: groups)
    let file = try Docx.temporaryFile(docx)
    defer { try? FileManager.default.removeItem(at: file) }
    let script = DocxPython.script.replacingOccurrences(
      of: "print(json.dumps(out))",
      with: "out[\"header_cells\"] = [[c.text for c in t.rows[0].cells] for t in d.tables]\nprint(json.dumps(out))")
    let result = try Tool.run(python, ["-c", script, file.path])
    #expect(result.status == 0, "\(String(decoding: result.stderr, as: UTF8.self))")
    let report = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any] ?? [:]
    let headings = (report["headings"] as? [[String]] ?? []).map { $0[1] }
    // Every Markdown heading is a Word heading, in the same order.
    let markdownHeadings = markdown.split(separator: "\n").filter { $0.hasPrefix("#") }
      .map { String($0.drop { $0 == "#" }.dropFirst()) }
    #expect(headings == markdownHeadings)
    let tables = report["tables"] as? [[String: Any]] ?? []
    #expect(tables.count == markdown.split(separator: "\n").filter { $0.hasPrefix("| -") || $0.hasPrefix("|-") || $0.hasPrefix("| :") || $0.hasPrefix("|:") }.count)
    for table in tables {
      let columns = table["columns"] as? Int ?? 0
      let widths = table["widths_cm"] as? [Double] ?? []
      #expect(columns >= 1 && columns <= 5)
      #expect(widths.count == columns && widths.allSatisfy { $0 >= 2.5 - 0.01 }, "\(widths)")
    }
    let headers = (report["header_cells"] as? [[String]] ?? []).flatMap { $0 }
    let names = groups == 3 ? ["Bord 1", "Bord 2", "Bord 3"] : (1...groups).map { "Gruppe \($0)" }
    for name in names { #expect(headers.contains(name), "no column for \(name)") }
    #expect(headers.contains(Self.pack.string("report.rounds.groups.spread", language)))
    let footer = report["footer"] as? String ?? ""
    #expect(footer.contains(Self.pack.trainingCase("call-centre")!.title[language]))
    #expect(footer.contains("2026-12-01"))
  }

  @Test(.enabled(if: Tool.shouldRun("pandoc"), "pandoc is not installed (apt-get install -y pandoc)"))
  func pandocReadsItBackWithoutWarnings() throws {
    guard let pandoc = Tool.require("pandoc") else { return }
    for language in Language.allCases {
      let file = try Docx.temporaryFile(Self.plenary(language).docx)
      defer { try? FileManager.default.removeItem(at: file) }
      let result = try Tool.run(pandoc, ["-f", "docx", "-t", "plain", file.path])
      #expect(result.status == 0)
      #expect(String(decoding: result.stderr, as: UTF8.self) == "", "pandoc -f docx printed warnings")
      let text = String(decoding: result.stdout, as: UTF8.self)
      #expect(text.contains(Self.pack.string("report.rounds.groups.title", language)))
      #expect(text.contains(Self.pack.trainingCase("call-centre")!.facilitatorNote[language].prefix(30)))
    }
  }
}
