import Foundation
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

/// The streaming roll-up: tallies built apart and merged give the roll-up of all the sessions.
@Suite struct StreamingAggregationTests {
  static let pack = try! PackLoader.load(directory: Repository.root.appendingPathComponent("Content")).loaded.pack

  @Test func mergedTalliesEqualTheRollUpOfAllSessions() {
    let pack = Self.pack
    let assessments = (0..<23).map { i in
      Assessment(session: BenchSessions.session(pack, seed: UInt64(i)), pack: pack)
    }
    let whole = Aggregation(assessments, pack: pack)
    // Three uneven runs, folded in a different order than they were read.
    var parts = [Aggregation.Tally(pack: pack), Aggregation.Tally(pack: pack), Aggregation.Tally(pack: pack)]
    for (i, a) in assessments.enumerated() { parts[i < 4 ? 0 : i < 15 ? 1 : 2].add(a) }
    var merged = parts[2]
    merged.merge(parts[0])
    merged.merge(parts[1])
    #expect(merged.aggregation() == whole)
    #expect(merged.aggregation(minimumGroup: 8) == Aggregation(assessments, pack: pack, minimumGroup: 8))
    #expect(whole.sessions == 23)
    #expect(whole.bySector.contains { $0.suppressed } || whole.bySector.allSatisfy { $0.sessions >= 5 })
  }

  /// Writes seeded session files for `scripts/bench`: IGLOO_BENCH_SESSIONS=DIR IGLOO_BENCH_COUNT=N.
  /// Off unless asked for; it is how the benchmark makes its input, not a check.
  @Test(.enabled(if: ProcessInfo.processInfo.environment["IGLOO_BENCH_SESSIONS"] != nil))
  func writeSeededSessionsForTheBenchmark() throws {
    let environment = ProcessInfo.processInfo.environment
    let folder = URL(fileURLWithPath: environment["IGLOO_BENCH_SESSIONS"]!)
    let count = Int(environment["IGLOO_BENCH_COUNT"] ?? "") ?? 1000
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for i in 0..<count {
      let data = try BenchSessions.session(Self.pack, seed: UInt64(i)).encoded()
      try data.write(to: folder.appendingPathComponent(String(format: "session-%06d.json", i)))
    }
  }
}

/// Sessions like a national roll-up's: the generator's answers, with a sector, a size and a plan.
enum BenchSessions {
  static func session(_ pack: ContentPack, seed: UInt64) -> Session {
    var session = SessionGenerator.session(pack, seed: seed)
    var rng = SeededGenerator(seed: seed ^ 0x6265_6E63)
    session.about.sector = pack.info.sectors.randomElement(using: &rng)?.id ?? ""
    session.about.employees = [nil, 4, 12, 40, 250].randomElement(using: &rng)!
    let assessment = Assessment(session: session, pack: pack)
    for r in assessment.recommendations where Bool.random(using: &rng) {
      session.plan.append(PlanItem(action: r.action.id, title: "", level: r.action.level, status: .accepted))
    }
    return session
  }
}
