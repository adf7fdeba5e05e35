import Foundation
import IglooContent
import IglooTestSupport
import Testing

@testable import IglooEngine

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

  /// Folding sessions in (scored by the core without detail) gives the roll-up of their full
  /// assessments folded in, over sessions of every depth.
  @Test func foldingSessionsEqualsFoldingTheirAssessments() {
    let pack = Self.pack
    var sessions: [Session] = []
    for i in 0..<40 {
      let seed = UInt64(500 + i)
      sessions.append(BenchSessions.session(pack, seed: seed))
      sessions.append(SessionGenerator.session(pack, seed: seed, voices: 3, notes: true, agreed: true))
      // A quick scan: the screening statements answered, some findings deepened.
      var quick = SessionGenerator.session(pack, seed: seed, voices: 2)
      var rng = SeededGenerator(seed: seed)
      quick.depth = .quick
      quick.deepened = pack.findings.map(\.id).filter { _ in Int.random(in: 0..<4, using: &rng) == 0 }
      for q in quick.applicableQuestions(pack) where q.isScreening {
        for voice in quick.voices where Int.random(in: 0..<5, using: &rng) > 0 {
          quick.setAnswer(Answer(.point(Int.random(in: 1...5, using: &rng))), question: q.id, voice: voice.id)
        }
      }
      sessions.append(quick)
    }
    var fast = Aggregation.Tally(pack: pack)
    var full = Aggregation.Tally(pack: pack)
    var recommended = 0
    for session in sessions {
      let whole = Assessment(session: session, pack: pack)
      recommended += whole.recommendations.count
      fast.add(session, pack: pack)
      full.add(whole)
    }
    #expect(recommended > 0)
    #expect(sessions.contains { Assessment(session: $0, pack: pack).findings.contains { $0.assessed == .screened } })
    #expect(fast.aggregation() == full.aggregation())
    #expect(fast.aggregation().risk.contains { !$0.suppressed })
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
