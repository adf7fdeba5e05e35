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
    let all = [single(1), single(3), single(5), single(2), single(4)].map { Assessment(session: $0, pack: pack) }
    let agg = Aggregation(all, pack: pack)
    let individual = agg.risk.first { $0.id == "individual" }!
    #expect(individual.count == 5)
    // By hand: all points 1 → E = mean(0, 100) = 50, M = 0 → 50; all 2 → E = 50, M = 25 → 37.5;
    // all 3 → E = 50, M = 50 → 25; all 4 → E = 50, M = 75 → 12.5; all 5 → E = mean(100, 0) = 50,
    // M = 100 → 0. Five sessions, so nothing is hidden by the anonymity threshold.
    #expect(individual.min == 0)
    #expect(individual.median == 25)
    #expect(individual.max == 50)
    #expect(agg.actions.first.map { $0.suggested == nil || $0.suggested! >= 5 } ?? true)
  }
}

/// Workshop groups side by side, and the anonymity of the roll-up.
@Suite struct WorkshopRoundsTests {
  let pack = MiniPack.pack

  func single(_ point: Int, group: String = "") -> Session {
    var s = Session(content: ContentRef(pack))
    s.about.group = group
    s.scope = [ScopeItem(useCase: "scoring", stage: .inUse)]
    for q in ["q-risk-a-exposure", "q-risk-a-exposure-2", "q-risk-a-mitigation"] {
      s.setAnswer(Answer(.point(point)), question: q, voice: Voice.single.id)
    }
    return s
  }

  @Test func groupsAreColumnsNamedByGroupWithTheSpreadOfTheShownFigures() {
    let groups = [single(1, group: "Bord 1"), single(5, group: "Bord 2"), single(3)].map { Assessment(session: $0, pack: pack) }
    let c = GroupComparison(groups, labels: ["a.json", "b.json", "c.json"], pack: pack)
    #expect(c.names == ["Bord 1", "Bord 2", "c.json"])
    let risk = c.findingRisk.first { $0.id == "risk-a" }!
    #expect(risk.values.count == 3)
    let shown = risk.values.compactMap { $0 }
    #expect(risk.spread == shown.max()! - shown.min()!)
    // Statements: the three answered statements differ (1 vs 5 vs 3), four scale steps apart.
    #expect(c.statements.count == 3)
    #expect(c.statements.allSatisfy { $0.spread == 100 })
  }

  @Test func findingsAreOrderedBySpreadLargestFirst() {
    let groups = [single(1), single(5), single(2)].map { Assessment(session: $0, pack: pack) }
    let c = GroupComparison(groups, labels: [], pack: pack)
    let spreads = c.findingRisk.map { $0.spread ?? -1 }
    #expect(spreads == spreads.sorted(by: >))
  }

  @Test func aNameUsedTwiceGetsANumber() {
    let groups = [single(1, group: "A"), single(2, group: "A")].map { Assessment(session: $0, pack: pack) }
    #expect(GroupComparison(groups, labels: [], pack: pack).names == ["A", "A (2)"])
  }

  @Test func fewerThanFiveSessionsAreSuppressedEverywhere() {
    let four = (1...4).map { Assessment(session: single($0), pack: pack) }
    let agg = Aggregation(four, pack: pack)
    #expect(agg.threshold == 5)
    #expect(agg.risk.allSatisfy { $0.suppressed && $0.min == nil && $0.median == nil && $0.max == nil })
    #expect(agg.actions.allSatisfy { $0.suggested == nil && $0.planned == nil })
    #expect(agg.bySize.allSatisfy { $0.suppressed })
  }

  @Test func fiveSessionsAreShownAndTheThresholdCanOnlyBeRaised() {
    let five = (1...5).map { Assessment(session: single($0), pack: pack) }
    let shown = Aggregation(five, pack: pack)
    let individual = shown.risk.first { $0.id == "individual" }!
    #expect(!individual.suppressed && individual.count == 5)
    #expect(individual.min! <= individual.median! && individual.median! <= individual.max!)
    #expect(Aggregation(five, pack: pack, minimumGroup: 2).threshold == 5)
    let raised = Aggregation(five, pack: pack, minimumGroup: 6)
    #expect(raised.threshold == 6)
    #expect(raised.risk.first { $0.id == "individual" }!.suppressed)
  }
}
