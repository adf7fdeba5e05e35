import Foundation
import IglooContent
import IglooEngine
import Testing

@testable import IglooReport

/// Issue 26: a headline the answers support (the emotion ban only where the scope says so), a
/// screening that tells workplaces apart, the depth named as done, and every voice counted.
@Suite struct HeadlineTests {
  /// The phrases that label a prohibited practice or tell the reader to stop, in both languages.
  static let banWords = ["Forbudt praksis", "Forbudt:", "Prohibited practice", "Prohibited:", "stop brugen", "Stop brugen", "stop the use", "Stop the use"]

  /// Call scoring alone, with `infers_emotions` as given (nil: not asked).
  func callScoring(_ infers: InfersEmotions?, useCase: String = "call-scoring") -> Assessment {
    var s = Session(content: ContentRef(Packs.builtin), about: About(workplace: "Nordlys", sector: "private-services", date: "2025-03-12"))
    s.scope = [ScopeItem(useCase: useCase, stage: .inUse, infersEmotions: infers)]
    for q in s.applicableQuestions(Packs.builtin) { s.setAnswer(Answer(.point(3)), question: q.id, voice: Voice.single.id) }
    return Assessment(session: s, pack: Packs.builtin)
  }

  /// Every format's text, Word as its document part.
  func allText(_ a: Assessment, _ language: Language) throws -> [String: String] {
    var out: [String: String] = [:]
    for part in [ReportPart.summary, .all] {
      out["md \(part)"] = MarkdownReport.render(a, language: language, part: part)
      out["json \(part)"] = String(decoding: JSONReport.render(a, language: language, part: part), as: UTF8.self)
      out["csv \(part)"] = CSVReport.render(a, language: language, part: part)
      let docx = try Docx.parts(DocxReport.render(a, language: language, part: part))
      out["docx \(part)"] = docx.first { $0.path == "word/document.xml" }?.text ?? ""
    }
    return out
  }

  func flags(_ a: Assessment, _ language: Language) throws -> [[String: Any]] {
    let root = try #require(try JSONSerialization.jsonObject(with: JSONReport.render(a, language: language)) as? [String: Any])
    return try #require(root["flags"] as? [[String: Any]])
  }

  @Test(arguments: Language.allCases)
  func theEmotionBanIsAQuestionUntilTheScopeSaysYes(_ language: Language) throws {
    for infers in [nil, InfersEmotions.dontKnow, .no] {
      let a = callScoring(infers)
      for (format, text) in try allText(a, language) {
        for word in Self.banWords { #expect(!text.contains(word), "\(String(describing: infers)) \(format): \(word)") }
      }
      let flags = try flags(a, language)
      let ban = flags.first { $0["id"] as? String == "ai-act-art-5-1-f" }
      if infers == .no {
        #expect(ban?["severity"] as? String == "information", "no: the boundary note stays in the appendix")
        #expect(!a.recommendations.contains { $0.action.id == "act-ask-supplier-emotion-inference" })
      } else {
        #expect(flags.first?["id"] as? String == "ai-act-art-5-1-f")
        #expect(flags.first?["severity"] as? String == "clarify")
        #expect(a.recommendations.first?.action.id == "act-ask-supplier-emotion-inference", "first in the plan")
        let md = MarkdownReport.render(a, language: language, part: .summary)
        let w = wording(language)
        // Page 1 opens with the conclusion, then the legal items: the question is the first of them.
        let blocks = md.components(separatedBy: "\n\n")
        let legal = try #require(blocks.firstIndex { $0 == "## " + w("flags.summary.heading") })
        let first = blocks[legal + 1]
        #expect(first.hasPrefix("**" + w("summary.clarify.label") + "**"), "the question comes first: \(first)")
        #expect(blocks[2].contains(w("summary.conclusion.severity", ["severity": w("severity.clarify"), "count": "1"]) + ","))
      }
      #expect(!a.recommendations.contains { $0.action.id == "act-stop-prohibited-emotion-recognition" })
    }
    // Yes, and the emotion-recognition use case whatever the answer: prohibited, first.
    for a in [callScoring(.yes)] + [nil, InfersEmotions.no, .dontKnow, .yes].map({ callScoring($0, useCase: "emotion-recognition") }) {
      let flags = try flags(a, language)
      #expect(flags.first?["id"] as? String == "ai-act-art-5-1-f")
      #expect(flags.first?["severity"] as? String == "prohibited")
      #expect(a.recommendations.first?.action.id == "act-stop-prohibited-emotion-recognition")
      let md = MarkdownReport.render(a, language: language, part: .summary)
      #expect(md.contains(wording(language)("summary.prohibited.label")))
    }
  }

  /// A quick scan answered 2 ("partly disagree") on every screening, risk and opportunity.
  func disagreeingQuickScan() -> Assessment {
    var s = Session(content: ContentRef(Packs.builtin), about: About(workplace: "Hjemmeplejen", sector: "public-municipality", date: "2025-04-01"))
    s.scope = [ScopeItem(useCase: "shift-planning", stage: .inUse), ScopeItem(useCase: "chat-assistant", stage: .inUse)]
    s.depth = .quick
    for q in s.applicableQuestions(Packs.builtin) where q.isScreening {
      s.setAnswer(Answer(.point(2)), question: q.id, voice: Voice.single.id)
    }
    return Assessment(session: s, pack: Packs.builtin)
  }

  @Test(arguments: Language.allCases)
  func disagreeingWithEveryRiskScreeningReadsLowEverywhere(_ language: Language) throws {
    let a = disagreeingQuickScan()
    var levels = 0
    for row in a.levels {
      guard let risk = row.screening?.risk, risk.average != nil else { continue }
      #expect(risk.band == .low, "\(row.id)")
      #expect(risk.worstBand == .low, "\(row.id)")
      levels += 1
    }
    #expect(levels >= 4)
    #expect(a.findingsToDeepen.isEmpty, "nothing offered for deepening")
    let json = try #require(try JSONSerialization.jsonObject(with: JSONReport.render(a, language: language)) as? [String: Any])
    let bands = try #require(json["bands"] as? [String: [String: Double]])
    #expect(bands["screening"] == ["moderate": 50, "high": 75])
  }

  @Test func theScreeningBandsAreThePacksOwn() {
    let b = Packs.builtin.info.bands.screening
    #expect(Band(25, b) == .low)
    #expect(Band(50, b) == .moderate)
    #expect(Band(75, b) == .high)
  }

  @Test(arguments: Language.allCases)
  func aDeepenedQuickScanIsNamedAsSuchAndTheJSONListsItsScreenings(_ language: Language) throws {
    let a = try Fixture.quickScan.assessment
    guard case .deepened(let n, let total) = a.depthDone else {
      Issue.record("the quick-scan fixture deepens some findings: \(a.depthDone)")
      return
    }
    let w = wording(language)
    let md = MarkdownReport.render(a, language: language, part: .summary)
    let depth = w("meta.depth.deepened", ["deepened": String(n), "findings": String(total), "applied": "", "answered": ""])
    #expect(md.contains(String(depth.prefix(depth.count / 2))), "the depth says deepened")
    let json = try #require(try JSONSerialization.jsonObject(with: JSONReport.render(a, language: language, part: .summary)) as? [String: Any])
    let top = try #require(json["top_findings"] as? [[String: Any]])
    #expect(top.map { $0["finding"] as? String } == a.summaryFindings(5).map(\.finding.id))
    #expect(top.count == 5)
    #expect(top.contains { $0["ranks_by"] as? String == "screening" })
    // Every finding deepened: a full assessment.
    var all = try Fixture.quickScan.session
    all.deepened = Assessment(session: all, pack: Packs.builtin).findings.map(\.finding.id)
    #expect(Assessment(session: all, pack: Packs.builtin).depthDone == .full)
  }

  @Test func eachVoiceIsCountedOnItsOwn() throws {
    var s = try Fixture.callCentre.session
    let second = s.voices[1].id
    let applicable = s.applicableQuestions(Packs.builtin)
    s.answers[second] = [:]
    for q in applicable.prefix(7) { s.setAnswer(Answer(.point(1)), question: q.id, voice: second) }
    let a = Assessment(session: s, pack: Packs.builtin)
    let json = try #require(try JSONSerialization.jsonObject(with: JSONReport.render(a, language: .da)) as? [String: Any])
    let voices = try #require(json["voices"] as? [[String: Any]])
    #expect(voices.first { $0["id"] as? String == second }?["answered"] as? Int == 7)
    #expect(voices.first { $0["id"] as? String == second }?["asked"] as? Int == applicable.count)
  }
}
