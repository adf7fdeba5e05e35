import Foundation
import IglooContent
import IglooEngine
import Testing

@testable import IglooReport

/// The JSON report parses, carries the full computed result, and matches the engine's figures.
@Suite struct JSONTests {
  @Test(arguments: Fixture.allCases, Language.allCases)
  func carriesTheComputedResult(_ fixture: Fixture, _ language: Language) throws {
    let assessment = try fixture.assessment
    let data = JSONReport.render(assessment, language: language)
    let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let keys = [
      "about", "absence", "action_plan", "approval", "bands", "content", "deepened", "depth", "disagreements", "findings",
      "fingerprint", "flags", "follow_up",
      "individual_warning", "knowledge_gaps", "language", "profile", "progress", "questions_to_management",
      "recommendations", "schema", "schema_version", "scope", "set_aside", "top_findings", "unanswered",
      "unscored_risks", "voices",
    ]
    #expect(root.keys.sorted() == keys)
    #expect(root["schema"] as? String == "igloo-report")
    #expect(root["language"] as? String == language.rawValue)

    let profile = try #require(root["profile"] as? [String: Any])
    let levels = try #require(profile["levels"] as? [[String: Any]])
    #expect(levels.map { $0["id"] as? String } == assessment.levels.map(\.id))
    for (json, row) in zip(levels, assessment.levels) {
      let risk = try #require(json["risk"] as? [String: Any])
      #expect((risk["average"] as? Double) == row.risk.average)
      #expect((risk["worst_finding"] as? String) == row.risk.worstFinding)
    }
    let findings = try #require(root["findings"] as? [[String: Any]])
    #expect(findings.count == assessment.findings.count)
    for (json, result) in zip(findings, assessment.findings) {
      #expect(json["id"] as? String == result.finding.id)
      #expect((json["residual_risk"] as? Double) == result.residualRisk)
      #expect((json["untapped"] as? Double) == result.untapped)
      #expect(json["risk_band"] as? String == result.riskBand?.rawValue)
    }
    let recommendations = try #require(root["recommendations"] as? [[String: Any]])
    #expect(recommendations.map { $0["action"] as? String } == assessment.recommendations.map(\.action.id))
    for rec in recommendations {
      let reasons = try #require(rec["reasons"] as? [[String: Any]])
      #expect(!reasons.isEmpty)
      #expect(reasons.allSatisfy { !(($0["text"] as? String) ?? "").isEmpty })
    }
    #expect((root["knowledge_gaps"] as? [Any])?.count == assessment.knowledgeGaps.count)
    #expect((root["set_aside"] as? [Any])?.count == assessment.setAside.count)
    #expect((root["disagreements"] as? [Any])?.count == assessment.disagreements.count)
  }

  @Test func keysAreSortedAndTheTextEndsInANewline() throws {
    let text = String(decoding: JSONReport.render(try Fixture.callCentre.assessment, language: .en), as: UTF8.self)
    #expect(text.hasSuffix("}\n"))
    let topKeys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.dropFirst(3).prefix { $0 != "\"" } }
    #expect(topKeys == topKeys.sorted())
  }

  @Test func valuesAreWrittenExactly() {
    #expect(JSONValue.format(50) == "50")
    #expect(JSONValue.format(56.25) == "56.25")
    #expect(JSONValue.format(-0.5) == "-0.5")
    var out = ""
    JSONValue.quote("a\"b\\c\nd\u{01}æ", into: &out)
    #expect(out == "\"a\\\"b\\\\c\\nd\\u0001æ\"")
    #expect(JSONValue.object(["b": .int(1), "a": .array([]), "c": .null]).serialized == "{\n  \"a\": [],\n  \"b\": 1,\n  \"c\": null\n}\n")
  }
}
