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
