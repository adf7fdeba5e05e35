import ArgumentParser
import Foundation
import IglooBuiltinContent
import IglooContent
import IglooEngine
import Testing

@testable import IglooCLI

/// `igloo aggregate` never blocks on a file that is not a regular one, and never hides a damaged
/// session among the foreign files it skips (issue 25, items 12 and 16).
@Suite(.serialized) struct AggregateDamageTests {
  static let pack = PackLoader.builtin()

  /// A fresh folder holding `count` valid sessions.
  static func folder(_ count: Int) throws -> URL {
    let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("igloo-aggdmg-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for i in 0..<count { try session(i).encoded().write(to: dir.appendingPathComponent("s-\(i).igloo.json")) }
    return dir
  }

  static func session(_ i: Int) -> Session {
    var session = Session(content: ContentRef(pack))
    session.scope = nil
    for (n, q) in session.applicableQuestions(pack).enumerated() where (n + i) % 3 != 0 {
      session.setAnswer(Answer(.point(1 + (n + i) % 5)), question: q.id, voice: Voice.single.id)
    }
    return session
  }

  /// Runs `igloo aggregate ARGS` in process; its exit code (0 when it returned).
  static func aggregate(_ arguments: [String]) throws -> Int32 {
    var command = try AggregateCommand.parse(arguments)
    do {
      try command.run()
      return 0
    } catch let exit as ExitCode {
      return exit.rawValue
    }
  }

  @Test func aFIFONamedOnTheCommandLineIsSkippedWithoutBlocking() throws {
    let dir = try Self.folder(5)
    defer { try? FileManager.default.removeItem(at: dir) }
    let fifo = dir.path + "-fifo"
    #expect(mkfifo(fifo, 0o600) == 0)
    defer { unlink(fifo) }
    let out = dir.path + "-out.md"
    defer { unlink(out) }
    final class Result: @unchecked Sendable { var code: Int32? }
    let result = Result()
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      result.code = try? Self.aggregate([dir.path, fifo, "-o", out])
      done.signal()
    }
    if done.wait(timeout: .now() + 20) == .timedOut {
      Issue.record("aggregate blocked on a FIFO for 20 s")
      // Unblock the reader (a writer that opens and closes gives it end of file), so the run ends.
      let fd = open(fifo, O_WRONLY | O_NONBLOCK)
      if fd >= 0 { close(fd) }
      done.wait()
    }
    #expect(result.code == 0)
    #expect(FileManager.default.fileExists(atPath: out))
  }

  @Test func damagedSessionsAreNotHiddenAmongForeignFiles() throws {
    let dir = try Self.folder(6)
    defer { try? FileManager.default.removeItem(at: dir) }
    // A session cut short where a sync stopped, and one with a date no calendar has.
    let whole = try Self.session(7).encoded()
    try whole.prefix(whole.count / 3).write(to: dir.appendingPathComponent("cut.igloo.json"))
    var badDate = Self.session(8)
    badDate.about.date = "2026-02-30"
    try badDate.encoded().write(to: dir.appendingPathComponent("bad-date.json"))
    // A foreign file, which is skipped and is no damage.
    try Data(#"{"name": "export"}"#.utf8).write(to: dir.appendingPathComponent("export.json"))
    let out = dir.path + "-out.md"
    defer { unlink(out) }
    #expect(try Self.aggregate([dir.path, "-o", out]) == 1)
    // The roll-up of the six good sessions is still written.
    let markdown = try String(contentsOfFile: out, encoding: .utf8)
    #expect(markdown.contains("6"))
  }

  @Test func onlyForeignFilesSkippedExitsZero() throws {
    let dir = try Self.folder(5)
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data(#"{"name": "export"}"#.utf8).write(to: dir.appendingPathComponent("export.json"))
    try Data("notes".utf8).write(to: dir.appendingPathComponent("notes.txt"))
    let out = dir.path + "-out.md"
    defer { unlink(out) }
    #expect(try Self.aggregate([dir.path, "-o", out]) == 0)
  }
}
