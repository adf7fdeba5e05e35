import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

/// Merging voices, comparing rounds and rolling up sessions.
@Suite struct RoundsTests {
  let pack = MiniPack.pack

  func single(_ point: Int) -> Session {
    var s = Session(content: ContentRef(pack))
    s.scope = [ScopeItem(useCase: "scoring", stage: .inUse)]
    for q in ["q-risk-a-exposure", "q-risk-a-exposure-2", "q-risk-a-mitigation"] {
      s.setAnswer(Answer(.point(point)), question: q, voice: Voice.single.id)
    }
    return s
  }

  @Test func mergingTwoSingleVoiceFilesKeepsBothVoices() throws {
    let (merged, notes) = try SessionMerge.merge(single(5), single(1), labelA: "Ledelsen", labelB: "Medarbejderne")
    #expect(merged.voices.map(\.id) == ["ledelsen", "medarbejderne"])
    #expect(merged.answer("q-risk-a-exposure", voice: "ledelsen")?.point == 5)
    #expect(merged.answer("q-risk-a-exposure", voice: "medarbejderne")?.point == 1)
    #expect(notes.count == 1)
    #expect(Assessment(session: merged, pack: pack).disagreements.count == 3)
  }

  @Test func mergingDifferentPacksIsRefused() {
    var other = single(1)
    other.content = ContentRef(id: "another", version: "1")
    #expect(throws: SessionMerge.Conflict.self) { try SessionMerge.merge(single(5), other, labelA: "a", labelB: "b") }
  }

  @Test func comparisonShowsTheChangePerLevelAndFinding() {
    let old = Assessment(session: single(1), pack: pack)  // E = mean(0, 100) = 50, M = 0 → 50
    var improved = single(1)
    improved.setAnswer(Answer(.point(5)), question: "q-risk-a-mitigation", voice: Voice.single.id)  // M = 100 → 0
    let c = RoundComparison(old: old, new: Assessment(session: improved, pack: pack))
    #expect(c.findingRisk.first { $0.id == "risk-a" }?.delta == -50)
    #expect(c.levelRisk.first { $0.id == "individual" }?.newBand == .low)
    #expect(c.resolvedActions.contains("act-involve"))
  }

  @Test func aggregationGivesTheSpreadAndCommonActions() {
    let all = [single(1), single(3), single(5)].map { Assessment(session: $0, pack: pack) }
    let agg = Aggregation(all, pack: pack)
    let individual = agg.risk.first { $0.id == "individual" }!
    #expect(individual.count == 3)
    // By hand: all points 1 → E = mean(0, 100) = 50, M = 0 → 50; all 3 → E = 50, M = 50 → 25;
    // all 5 → E = mean(100, 0) = 50, M = 100 → 0.
    #expect(individual.min == 0)
    #expect(individual.median == 25)
    #expect(individual.max == 50)
    #expect(agg.actions.first?.suggested ?? 0 >= 1)
  }
}
