import Foundation
import IglooContent
import IglooEngine
import Testing

@testable import IglooReport

/// Scores that land exactly on a band bound (25 and 50, for risks and opportunities) print the
/// upper band, for the finding, its level and the overall profile, in the JSON report and in the
/// Markdown. The expectations are worked out by hand from the answers, not from the engine:
/// every item of a scale gets the same answer, so the scale is that item score, and
///   residual risk = E × (1 − M/100), untapped opportunity = P × (1 − R/100).
/// Only one finding is answered, so its level's and the overall average are that same figure.
@Suite struct BandThresholdTests {
  let pack = Packs.builtin

  /// A risk (or opportunity) finding whose questions measure it alone, so that answering them
  /// scores nothing else; with the scope that makes them apply.
  func lonelyFinding(opportunity: Bool) throws -> (Finding, Session) {
    var session = Session(content: ContentRef(pack))
    session.scope = pack.useCases.map { ScopeItem(useCase: $0.id, stage: .inUse) }
    let applicable = session.applicableQuestions(pack)
    let finding = try #require(
      pack.findings.first { f in
        let wanted = opportunity ? f.polarity == .opportunity : f.polarity == .risk
        let qs = applicable.filter { $0.measures.contains { $0.finding == f.id } }
        let roles = Set(qs.flatMap { q in q.measures.filter { $0.finding == f.id }.map(\.role) })
        let needed: Set<MeasureRole> = opportunity ? [.potential, .realisation] : [.exposure, .mitigation]
        return wanted && needed.isSubset(of: roles) && qs.allSatisfy { $0.measures.allSatisfy { $0.finding == f.id } }
      })
    return (finding, session)
  }

  /// The session with every applicable item of `finding` in `role` given the item score `score`
  /// (0, 25, 50, 75 or 100), reversed items included.
  func answering(_ session: Session, _ finding: Finding, _ role: MeasureRole, score: Int) -> Session {
    var s = session
    for q in s.applicableQuestions(pack) where q.measures.contains(where: { $0.finding == finding.id && $0.role == role }) {
      let point = q.reversed ? 5 - score / 25 : score / 25 + 1
      s.setAnswer(Answer(.point(point)), question: q.id, voice: Voice.single.id)
    }
    return s
  }

  /// (first item score, second item score, expected figure, expected band): worked by hand.
  static let cases: [(Int, Int, Double, String)] = [
    (100, 50, 50, "high"),  // 100 × (1 − 0.5) = 50: exactly the high bound
    (50, 0, 50, "high"),  // 50 × 1 = 50
    (75, 50, 37.5, "moderate"),  // 75 × 0.5 = 37.5
    (50, 50, 25, "moderate"),  // 50 × 0.5 = 25: exactly the moderate bound
    (100, 75, 25, "moderate"),  // 100 × 0.25 = 25
    (25, 0, 25, "moderate"),  // 25 × 1 = 25
    (50, 75, 12.5, "low"),  // 50 × 0.25 = 12.5
    (0, 0, 0, "low"),
  ]

  @Test(arguments: [false, true], 0..<cases.count)
  func anExactBoundPrintsTheUpperBand(_ opportunity: Bool, _ index: Int) throws {
    let (first, second, figure, band) = Self.cases[index]
    let (finding, scope) = try lonelyFinding(opportunity: opportunity)
    var session = answering(scope, finding, opportunity ? .potential : .exposure, score: first)
    session = answering(session, finding, opportunity ? .realisation : .mitigation, score: second)
    let assessment = Assessment(session: session, pack: pack)
    let label = "\(opportunity ? "opportunity" : "risk") \(finding.id): \(first), \(second)"

    let json = try #require(
      try JSONSerialization.jsonObject(with: JSONReport.render(assessment, language: .en)) as? [String: Any])
    let findings = try #require(json["findings"] as? [[String: Any]])
    let f = try #require(findings.first { $0["id"] as? String == finding.id })
    #expect(number(f[opportunity ? "untapped" : "residual_risk"]) == figure, "\(label)")
    #expect(f[opportunity ? "opportunity_band" : "risk_band"] as? String == band, "\(label)")
    #expect(findings.filter { number($0["residual_risk"]) != nil || number($0["untapped"]) != nil }.count == 1, "\(label): one finding scored")

    let profile = try #require(json["profile"] as? [String: Any])
    let level = try #require((profile["levels"] as? [[String: Any]])?.first { $0["id"] as? String == finding.level })
    let overall = try #require(profile["overall"] as? [String: Any])
    for (name, row) in [("level", level), ("overall", overall)] {
      let side = try #require(row[opportunity ? "opportunity" : "risk"] as? [String: Any], "\(label) \(name)")
      #expect(number(side["average"]) == figure, "\(label) \(name) average")
      #expect(side["band"] as? String == band, "\(label) \(name) band")
      #expect(number(side["worst"]) == figure, "\(label) \(name) worst")
      #expect(side["worst_band"] as? String == band, "\(label) \(name) worst band")
    }

    // The Markdown prints the figure with its band, in both languages (whole figures only: how a
    // half is rounded is the scores lane's to decide).
    guard figure == figure.rounded() else { return }
    let shown = String(Int(figure))
    for language in Language.allCases {
      let md = MarkdownReport.render(assessment, language: language)
      let word = Wording(pack: pack, language: language).band(try #require(Band(rawValue: band)))
      #expect(md.contains("\(shown) (\(word))"), "\(label), \(language): no '\(shown) (\(word))' in the Markdown")
    }
  }

  /// A JSON number as a Double, whichever type JSONSerialization chose for it.
  func number(_ value: Any?) -> Double? {
    switch value {
    case let n as Int: Double(n)
    case let d as Double: d
    case let n as NSNumber: n.doubleValue
    default: nil
    }
  }

  /// The bounds themselves are 25 and 50 in the built-in pack, as the tests above assume.
  @Test func theBuiltInBoundsAreTwentyFiveAndFifty() {
    #expect(pack.info.bands.risk.moderate == 25 && pack.info.bands.risk.high == 50)
    #expect(pack.info.bands.opportunity.moderate == 25 && pack.info.bands.opportunity.high == 50)
  }
}
