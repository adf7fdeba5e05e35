import Foundation
import IglooBuiltinContent
import IglooContent
import IglooEngine
import Testing

@testable import IglooCLI

/// `aggregate`'s workers take runs of files from a shared counter (issue 17): whatever the run
/// length, the roll-up is the one of reading the files one by one, and the damaged file reported is
/// the first in file order.
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
    return (dir, AggregateCommand.regularFiles(in: dir.path))
  }

  /// The roll-up of reading the files one by one, in order.
  static func oneByOne(_ files: [String]) throws -> Aggregation {
    var tally = Aggregation.Tally(pack: pack)
    for file in files {
      if case .session(let session) = try SessionRecognition.read(file, pack: pack) { tally.add(session, pack: pack) }
    }
    return tally.aggregation()
  }

  @Test func anyRunLengthGivesTheRollUpOfReadingOneByOne() throws {
    let (dir, files) = try Self.folder(61)
    defer { try? FileManager.default.removeItem(at: dir) }
    let expected = try Self.oneByOne(files)
    #expect(expected.sessions == 61)
    #expect(expected.risk.contains { !$0.suppressed })
    for batch in [1, 2, 7, 64, 1000] {
      #expect(try AggregateCommand.tally(files, pack: Self.pack, batch: batch).aggregation() == expected, "runs of \(batch)")
    }
  }

  @Test func theFirstDamagedFileInFileOrderIsReported() throws {
    let (dir, files) = try Self.folder(50, damaged: [31, 12, 44])
    defer { try? FileManager.default.removeItem(at: dir) }
    let first = files.first { $0.hasSuffix("s-012.json") }!
    for batch in [1, 3, 5, 64] {
      do {
        _ = try AggregateCommand.tally(files, pack: Self.pack, batch: batch)
        Issue.record("runs of \(batch): the damaged files were not reported")
      } catch let error as CLIError {
        #expect(error.message.contains(first), "runs of \(batch): \(error.message)")
      }
    }
  }
}
