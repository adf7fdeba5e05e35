import Foundation
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

@testable import IglooReport

/// Issue 12 in the reports: a ban first, unscored risks named, "not relevant" lacking nothing,
/// agreement read as agreement, and a JSON report that says what it ranks by.
@Suite struct ScoresReportTests {
  /// A one-voice session on `pack` with the given points (or "d"/"n") and scope.
  func session(_ pack: ContentPack, _ answers: [String: String], scope: [String]? = nil) -> Session {
    var s = Session(content: ContentRef(pack))
    s.scope = scope?.map { ScopeItem(useCase: $0, stage: .inUse) }
    for (q, a) in answers {
      let value: AnswerValue = a == "d" ? .dontKnow : a == "n" ? .notRelevant : .point(Int(a)!)
      s.setAnswer(Answer(value), question: q, voice: s.voices[0].id)
    }
    return s
  }

  /// The part of `markdown` from the heading `start` to the next heading of the same level.
  func section(_ markdown: String, _ start: String) -> String {
    guard let from = markdown.range(of: start) else { return "" }
    let level = start.prefix { $0 == "#" }
    let rest = markdown[from.upperBound...]
    let end = rest.range(of: "\n" + level + " ")?.lowerBound ?? rest.endIndex
    return String(rest[..<end])
  }

  /// The real pack's emotion-recognition use case in scope, with the ban marked prohibited.
  func banned() throws -> Assessment {
    let pack = TestPacks.realWithBan
    let useCase = try #require(pack.useCases.first { $0.flags.contains("emotion-recognition") })
    var s = SessionGenerator.session(pack, seed: 7)
    s.scope = [ScopeItem(useCase: useCase.id, stage: .considered)]
    return Assessment(session: s, pack: pack)
  }

  @Test func aBanComesFirstInTheSummaryTheFlagsAndEveryExport() throws {
    let a = try banned()
    for language in Language.allCases {
      let md = MarkdownReport.render(a, language: language)
      // The ban opens page 1's first section, the legal items, right after the conclusion, which
      // counts it.
      let sections = md.components(separatedBy: "\n## ")
      let label = a.pack.string("report.summary.prohibited.label", language)
      let legal = sections.count > 1 ? sections[1] : ""
      #expect(legal.hasPrefix(a.pack.string("report.flags.summary.heading", language)), "\(legal.prefix(100))")
      #expect(legal.components(separatedBy: "\n\n").dropFirst().first?.hasPrefix("**" + label + "**") == true, "\(legal.prefix(400))")
      let counted = Wording(pack: a.pack, language: language)(
        "summary.conclusion.severity", ["severity": a.pack.string("report.severity.prohibited", language), "count": "1"])
      #expect(sections[0].contains(counted), "\(sections[0].prefix(600))")
      let flags = section(md, "## " + a.pack.string("report.flags.heading", language))
      let firstFlag = flags.components(separatedBy: "\n### ").dropFirst().first ?? ""
      #expect(firstFlag.hasPrefix(a.pack.string("report.flags.prohibited", language)), "\(firstFlag.prefix(80))")
      let csv = String(decoding: ReportFormat.csv.render(a, language: language), as: UTF8.self)
      let firstRow = csv.components(separatedBy: "\r\n").dropFirst().first ?? ""
      let stop = try #require(a.pack.actions.first { $0.id == "act-stop-prohibited-emotion-recognition" })
      #expect(firstRow.hasPrefix("1,") && firstRow.contains(stop.title[language]), "\(firstRow.prefix(200))")
    }
    guard case .object(let root) = JSONReport.value(a, .en), case .array(let flags)? = root["flags"],
      case .object(let first)? = flags.first, case .array(let recs)? = root["recommendations"], case .object(let top)? = recs.first
    else { Issue.record("no flags or recommendations"); return }
    #expect(first["severity"] == .string("prohibited"))
    #expect(first["id"] == .string("ai-act-art-5-1-f"))
    #expect(top["action"] == .string("act-stop-prohibited-emotion-recognition"))
    #expect(top["prohibited"] == .bool(true))
  }

  @Test func flagsAlwaysCarryASeverity() throws {
    let a = try Fixture.callCentre.assessment
    guard case .object(let root) = JSONReport.value(a, .da), case .array(let flags)? = root["flags"] else {
      Issue.record("no flags")
      return
    }
    #expect(!flags.isEmpty)
    for case .object(let f) in flags {
      guard case .string(let s)? = f["severity"] else {
        Issue.record("a flag without severity")
        continue
      }
      #expect(FlagSeverity(rawValue: s) != nil)
    }
  }

  /// The interface other checks rely on: every band in the JSON report agrees with its figure
  /// under the thresholds the report states.
  @Test(arguments: Fixture.allCases)
  func everyJSONBandAgreesWithItsFigureUnderTheStatedThresholds(_ fixture: Fixture) throws {
    let a = try fixture.assessment
    let data = JSONReport.render(a, language: .en)
    let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let bands = try #require(root["bands"] as? [String: [String: Double]])
    func band(_ value: Double, _ side: String) -> String {
      let t = bands[side]!
      return value >= t["high"]! ? "high" : value >= t["moderate"]! ? "moderate" : "low"
    }
    var checked = 0
    for f in try #require(root["findings"] as? [[String: Any]]) {
      for (figure, key, side) in [
        ("residual_risk", "risk_band", "risk"), ("untapped", "opportunity_band", "opportunity"),
        ("realised", "realised_band", "opportunity"),
      ] {
        if let v = f[figure] as? Double {
          #expect(f[key] as? String == band(v, side), "\(f["id"]!) \(figure) \(v)")
          checked += 1
        } else {
          #expect(f[key] is NSNull)
        }
      }
    }
    for t in try #require(root["top_findings"] as? [[String: Any]]) {
      let side = try #require(t["ranks_by"] as? String)
      // A quick scan's finding without a full figure ranks by its screening, under the screening bands.
      #expect(["risk", "opportunity", "screening"].contains(side))
      let figure = try #require(t["figure"] as? Double)
      #expect(t["band"] as? String == band(figure, side))
    }
    #expect(checked > 0)
  }

  @Test func unscoredRisksAreNamedInTheSummaryAndMarkedInTheChart() throws {
    let pack = TestPacks.real
    let finding = try #require(
      pack.findings.first { f in f.polarity == .risk && pack.questions(measuring: f.id).filter { $0.role == .exposure }.count == 2 })
    var answers: [String: String] = [:]
    for (q, role) in pack.questions(measuring: finding.id) {
      answers[q.id] = role == .exposure ? "4" : "d"
    }
    let a = Assessment(session: session(pack, answers), pack: pack)
    let md = MarkdownReport.render(a, language: .da)
    // The summary is everything before the working papers' heading.
    let summary = md.components(separatedBy: "\n# ").first ?? ""
    #expect(summary.contains("Antal risici, der ikke kunne regnes ud: \(a.unscoredRisks.count)."), "\(summary.prefix(400))")
    #expect(summary.contains(finding.shortTitle[.da] + " – gennemsigtighedshul"))
    #expect(summary.contains("håndtering ukendt – find ud af det"))
    // A level with risk findings but no figure is marked unknown in the chart, not drawn as 0.
    let level = try #require(a.levels.first { $0.risk.findings > 0 && $0.risk.average == nil })
    #expect(summary.contains("\"\(pack.level(level.id)!.name[.da]) (risiko ukendt)\""))
  }

  /// The issue's case: every mitigation statement "not relevant" read "ikke nok svar – 0 af 0",
  /// then "Disse udsagn mangler et svar:" with the statements that were answered.
  @Test func aScaleOfOnlyNotRelevantSaysNoStatementAppliesAndListsNothingAsMissing() throws {
    let pack = TestPacks.real
    let finding = try #require(pack.findings.first { $0.polarity == .risk })
    var answers: [String: String] = [:]
    for (q, role) in pack.questions(measuring: finding.id) {
      answers[q.id] = role == .exposure ? "4" : "n"
    }
    let a = Assessment(session: session(pack, answers), pack: pack)
    let md = MarkdownReport.render(a, language: .da)
    let part = section(md, "#### " + finding.shortTitle[.da])
    #expect(part.contains("Intet udsagn gælder:"), "\(part.prefix(600))")
    #expect(part.contains("intet udsagn gælder"))
    #expect(!part.contains("Disse udsagn mangler et svar:"))
    #expect(!part.contains("0 af 0"))
  }

  @Test func anAgreedDisagreementIsStillListedAsDiscussed() throws {
    let a = try Fixture.callCentre.assessment
    let firstResolved = a.disagreements.first { $0.resolved }
    let resolved = try #require(firstResolved)
    let md = MarkdownReport.render(a, language: .da)
    let part = section(md, "## Uenigheder til dialog")
    let text = Markdown.cell(a.pack.question(resolved.question)!.text[.da])
    let rows = part.split(separator: "\n").filter { $0.contains(text) }
    let row = try #require(rows.first)
    #expect(row.contains("Enige på mødet: "))
  }
}
