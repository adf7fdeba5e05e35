import Foundation
import IglooBuiltinContent
import IglooContent
import IglooEngine
import IglooStore
import Testing

/// `aggregate`'s workers take runs of files from a shared counter (issue 17): whatever the run
/// length, the roll-up is the one of reading the files one by one, and every damaged file is
/// reported, in file order, while the others are still rolled up (issue 25 item 16).
@Suite struct AggregateTallyTests {
  static let pack = PackLoader.builtin()

  /// A folder of `count` sessions with answers that differ from file to file, plus files to skip.
  static func folder(_ count: Int, damaged: [Int] = []) throws -> (URL, [String]) {
    let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("igloo-agg-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    var template = Session(content: ContentRef(pack))
    template.scope = nil  // every question applies
    let questions = template.applicableQuestions(pack)
    for i in 0..<count {
      let name = String(format: "s-%03d.json", i)
      if damaged.contains(i) {
        try Data(#"{"schema": "igloo-session", "answers": {"default": {"q": 9}}"#.utf8).write(to: dir.appendingPathComponent(name))
        continue
      }
      var session = template
      session.about.sector = pack.info.sectors[i % pack.info.sectors.count].id
      session.about.employees = [nil, 5, 20, 100][i % 4]
      for (n, q) in questions.enumerated() where (n + i) % 3 != 0 {
        session.setAnswer(Answer(.point(1 + (n * 7 + i) % 5)), question: q.id, voice: Voice.single.id)
      }
      try session.encoded().write(to: dir.appendingPathComponent(name))
      if i % 10 == 4 {
        try Data("not a session".utf8).write(to: dir.appendingPathComponent(name + ".bak"))
        try Data(#"{"name": "export"}"#.utf8).write(to: dir.appendingPathComponent(String(format: "s-%03d.x.json", i)))
      }
    }
    return (dir, SessionFolder.regularFiles(in: dir.path))
  }

  /// The roll-up of reading the files one by one, in order.
  static func oneByOne(_ files: [String]) -> Aggregation {
    var tally = Aggregation.Tally(pack: pack)
    for file in files {
      if case .session(let session) = SessionRecognition.read(file, pack: pack) { tally.add(session, pack: pack) }
    }
    return tally.aggregation()
  }

  @Test func anyRunLengthGivesTheRollUpOfReadingOneByOne() throws {
    let (dir, files) = try Self.folder(61)
    defer { try? FileManager.default.removeItem(at: dir) }
    let expected = Self.oneByOne(files)
    #expect(expected.sessions == 61)
    #expect(expected.risk.contains { !$0.suppressed })
    for batch in [1, 2, 7, 64, 1000] {
      #expect(SessionFolder.read(files, pack: Self.pack, batch: batch).tally.aggregation() == expected, "runs of \(batch)")
    }
  }

  /// What `aggregate` reads and folds (each session scored by the one core, without the detail a
  /// roll-up never reads) is the roll-up of each session's full assessment folded in: over the
  /// report's fixture sessions (a quick scan among them) and a folder of generated ones.
  @Test func aFoldersRollUpIsThatOfEachSessionsFullAssessment() throws {
    let (dir, _) = try Self.folder(36)
    defer { try? FileManager.default.removeItem(at: dir) }
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("IglooReportTests/Fixtures")
    for name in ["call-centre", "home-care", "minimal", "quick-scan"] {
      try FileManager.default.copyItem(
        at: fixtures.appendingPathComponent(name + ".json"), to: dir.appendingPathComponent("fixture-\(name).json"))
    }
    let files = SessionFolder.regularFiles(in: dir.path)
    var sessions: [Session] = []
    for file in files {
      if case .session(let session) = SessionRecognition.read(file, pack: Self.pack) { sessions.append(session) }
    }
    #expect(sessions.count == 40)
    #expect(sessions.contains { $0.depth == .quick })
    let folded = Aggregation(sessions.map { Assessment(session: $0, pack: Self.pack) }, pack: Self.pack)
    let read = SessionFolder.read(files, pack: Self.pack, batch: 64).tally.aggregation()
    #expect(read == folded)
    #expect(read.risk.contains { !$0.suppressed } && read.actions.contains { $0.suggested != nil })
  }

  @Test func everyDamagedFileIsReportedInFileOrderAndTheRestRolledUp() throws {
    let (dir, files) = try Self.folder(50, damaged: [31, 12, 44])
    defer { try? FileManager.default.removeItem(at: dir) }
    let good = Self.oneByOne(files)
    #expect(good.sessions == 47)
    for batch in [1, 3, 5, 64] {
      let reading = SessionFolder.read(files, pack: Self.pack, batch: batch)
      let damaged = reading.notCounted.compactMap { entry -> String? in
        if case .damaged = entry.outcome { URL(fileURLWithPath: entry.path).lastPathComponent } else { nil }
      }
      #expect(damaged == ["s-012.json", "s-031.json", "s-044.json"], "runs of \(batch)")
      #expect(reading.damaged == 3 && reading.unreadable == 0)
      #expect(reading.tally.aggregation() == good, "runs of \(batch)")
    }
  }
}
