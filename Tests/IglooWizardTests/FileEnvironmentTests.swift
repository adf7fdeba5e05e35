import Foundation
import IglooContent
import IglooEngine
import IglooStore
import SwiftCSV
import Testing

@testable import IglooWizard

/// The real environment over IglooStore and IglooReport, in a temporary folder.
@Suite struct FileEnvironmentTests {
  let folder: URL

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("igloo-wizard-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  func environment() -> FileEnvironment {
    FileEnvironment(
      pack: pack, store: SessionStore(folder: folder.appendingPathComponent("sessions")),
      now: { Date(timeIntervalSince1970: 1_746_100_000) }, workingDirectory: folder.path, home: folder.path)
  }

  @Test func createSaveListOpenAndLock() throws {
    let env = environment()
    var session = Fixture.committee()
    let handle = try env.create(session)
    #expect(handle.id.hasSuffix(".igloo.json"))
    #expect(handle.id.contains("kaergaarden-aeldrepleje"))
    let mode = try FileManager.default.attributesOfItem(atPath: handle.id)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    session.about.unit = "Nattevagten"
    try env.save(session, to: handle)
    let listed = env.listSessions()
    #expect(listed.count == 1)
    #expect(listed.first?.workplace == "Kærgården Ældrepleje")
    #expect(listed.first?.problem == nil)  // open in this igloo: it is ours, not "cannot be opened"
    // A second igloo is told who has it, and is refused while the first holds the lock.
    let other = environment()
    let problem = try #require(other.listSessions().first?.problem)
    #expect(StoreError.say(problem, .en).hasPrefix("open in another igloo (pid "))
    #expect(StoreError.say(problem, .da).hasPrefix("åben i en anden igloo (pid "))
    #expect(throws: StoreError.self) { try other.open(handle) }
    env.close(handle)
    let reopened = try other.open(handle)
    #expect(reopened.about.unit == "Nattevagten")
    other.close(handle)
  }

  /// Back on the start screen, the session this igloo has open was listed as "cannot be opened:
  /// open in another igloo", because its lock (held by this very igloo) was taken for a stranger's.
  @Test func theOpenSessionIsListedAsOursOnTheStartScreen() throws {
    let env = environment()
    let runner = WizardRunner(pack: pack, environment: env, language: .en)
    let size = Size(width: 80, height: 24)
    for key in [Key.enter] + "Kærgården".map(Key.character) { runner.send(key, size: size) }
    guard let handle = runner.state.handle else {
      Issue.record("no session was created")
      return
    }
    #expect(SessionLock.currentHolder(of: URL(fileURLWithPath: handle.id)) != nil)  // locked by us
    runner.send(.pageUp, size: size)
    #expect(runner.state.step == .start)
    let listed = runner.state.savedSessions.first { $0.handle == handle }
    #expect(listed != nil)
    #expect(listed?.problem == nil)
    #expect(listed?.workplace == "Kærgården")
    let text = runner.render(size: size).text
    #expect(text.contains("Kærgården"))
    #expect(!text.contains("annot be opened"))
    #expect(!text.contains("another igloo"))
    // Choosing it goes back to it, without an error.
    guard let row = runner.state.startEntries.firstIndex(where: { if case .resume = $0 { true } else { false } }) else {
      Issue.record("the session is not on the start screen")
      return
    }
    runner.send(.home, size: size)
    for _ in 0..<row { runner.send(.down, size: size) }
    runner.send(.enter, size: size)
    #expect(runner.state.step != .start)
    #expect(runner.state.handle == handle)
    #expect(runner.state.session?.about.workplace == "Kærgården")
    runner.finish()
    #expect(SessionLock.currentHolder(of: URL(fileURLWithPath: handle.id)) == nil)  // released
  }

  /// A kill during a save leaves `.<name>.igloo-tmp-<pid>-<random>` with the answers in it; opening the
  /// session clears away those of processes that have gone, and keeps a live one's.
  @Test func openingASessionRemovesTemporaryFilesOfKilledSaves() throws {
    let env = environment()
    let handle = try env.create(Fixture.committee())
    env.close(handle)
    let folder = URL(fileURLWithPath: handle.id).deletingLastPathComponent()
    let name = URL(fileURLWithPath: handle.id).lastPathComponent
    // pid 2^22+1 is above Linux's pid_max limit, so no process has it.
    let dead = folder.appendingPathComponent(".\(name).igloo-tmp-4194305-0000000000001f2e")
    let live = folder.appendingPathComponent(".\(name).igloo-tmp-\(ProcessInfo.processInfo.processIdentifier)-0000000000000abc")
    try Data("{\"answers\":".utf8).write(to: dead)
    try Data("{\"answers\":".utf8).write(to: live)
    _ = try env.open(handle)
    #expect(!FileManager.default.fileExists(atPath: dead.path))
    #expect(FileManager.default.fileExists(atPath: live.path))  // this process is still writing it
    #expect(env.listSessions().count == 1)
    env.close(handle)
  }

  @Test func exportsWriteFilesAndUnwritablePathsSayWhy() throws {
    let env = environment()
    let assessment = Assessment(session: Fixture.committeeWithPlan(), pack: pack)
    let written = try env.export(assessment, format: .markdown, language: .da, to: "rapport.md")
    #expect(written == folder.appendingPathComponent("rapport.md").standardizedFileURL.path)
    let text = try String(contentsOfFile: written, encoding: .utf8)
    #expect(text.contains("Kærgården Ældrepleje"))
    let csv = try env.export(assessment, format: .csv, language: .en, to: "~/plan.csv")
    #expect(FileManager.default.fileExists(atPath: csv))
    let missing = folder.path + "/no-such-folder/x.json"
    do {
      _ = try env.export(assessment, format: .json, language: .en, to: missing)
      Issue.record("an export into a missing folder succeeded")
    } catch {
      // The whole line, not a word of the path: the path itself says "no-such-folder".
      #expect(String(describing: error) == "cannot write \(missing): the folder does not exist")
    }
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/no-such-folder"))
  }

  /// The in-memory stand-in the snapshots use refuses an export with the very line the real
  /// environment gives for a folder that does not exist, so the goldens show the real binary's text.
  @Test func theStandInRefusesAnExportWithTheRealText() throws {
    let assessment = Assessment(session: Fixture.committeeWithPlan(), pack: pack)
    let path = folder.path + "/nonexistent/rapport.md"
    let real = #expect(throws: (any Error).self) { try environment().export(assessment, format: .markdown, language: .da, to: path) }
    let standIn = MemoryEnvironment(pack: pack)
    standIn.unwritablePrefixes = [folder.path + "/nonexistent"]
    let fake = #expect(throws: (any Error).self) { try standIn.export(assessment, format: .markdown, language: .da, to: path) }
    #expect(real.map { String(describing: $0) } == fake.map { String(describing: $0) })
  }

  /// Every format, exported through the real environment, is that format: the Markdown parses as
  /// Markdown with headings (cmark-gfm, when installed; always under CI), the JSON parses with
  /// the report's top-level keys, and the CSV reads back with SwiftCSV under the plan's header.
  @Test(arguments: ExportFormat.allCases)
  func eachFormatIsWrittenAsThatFormat(_ format: ExportFormat) throws {
    let env = environment()
    let assessment = Assessment(session: Fixture.committeeWithPlan(), pack: pack)
    let written = try env.export(assessment, format: format, language: .da, to: "rapport.\(format.fileExtension)")
    #expect(written.hasSuffix("/rapport.\(format.fileExtension)"))
    let data = try Data(contentsOf: URL(fileURLWithPath: written))
    let text = String(decoding: data, as: UTF8.self)
    let mode = try FileManager.default.attributesOfItem(atPath: written)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    switch format {
    case .markdown:
      #expect(text.hasPrefix("# "), "a Markdown report starts with its title")
      #expect(!text.hasPrefix("{") && !text.hasPrefix("\u{FEFF}"))
      let cmark = ["/usr/bin/cmark-gfm", "/usr/local/bin/cmark-gfm"].first { FileManager.default.isExecutableFile(atPath: $0) }
      if let cmark {
        let headings = try Self.run(cmark, ["-t", "xml", written]).components(separatedBy: "<heading level=\"2\"").count - 1
        #expect(headings >= 5, "cmark-gfm sees \(headings) second-level headings")
      } else if ProcessInfo.processInfo.environment["CI"] == "true" {
        Issue.record("cmark-gfm is not installed (scripts/deps --test installs it)")
      }
      #expect(text.contains("Kærgården Ældrepleje"))
    case .json:
      let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
      let keys = Set(object?.keys.map { $0 } ?? [])
      #expect(["schema", "schema_version", "about", "findings", "profile", "action_plan"].allSatisfy(keys.contains), "keys: \(keys.sorted())")
      #expect(object?["schema"] as? String == "igloo-report")
      #expect((object?["about"] as? [String: Any])?["workplace"] as? String == "Kærgården Ældrepleje")
    case .csv:
      #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "the CSV starts with a byte-order mark")
      let csv = try CSV<Enumerated>(string: String(text.dropFirst()), delimiter: .comma, loadColumns: false)
      #expect(csv.header.count == 13)
      #expect(csv.header.first == "Nr.")
      #expect(csv.header.contains("Ansvarlig") && csv.header.contains("Frist"), "the Danish plan header: \(csv.header)")
      #expect(!csv.rows.isEmpty)
      #expect(csv.rows.allSatisfy { $0.count == csv.header.count })
    case .docx:
      #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a Word document is a zip container")
      // Python's zipfile reads the container as Word would, and the body holds the workplace.
      let body = try Self.run(
        "/usr/bin/env",
        ["python3", "-c", "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode())", written])
      #expect(body.contains("<w:body>"), "word/document.xml has a body")
      #expect(body.contains("Kærgården Ældrepleje"))
    }
  }

  /// Runs a program and returns its standard output.
  static func run(_ program: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  /// Issue 8, Why 1: in the wizard, exporting onto the session's own path (or its lock) is refused
  /// and the session is intact; an existing other file needs the user's yes.
  @Test func exportingOntoTheOpenSessionOrItsLockIsRefusedAndAnExistingFileIsAskedAbout() throws {
    let env = environment()
    let handle = try env.create(Fixture.committeeWithPlan())
    let before = try Data(contentsOf: URL(fileURLWithPath: handle.id))
    let assessment = Assessment(session: Fixture.committeeWithPlan(), pack: pack)
    for path in [handle.id, handle.id + ".lock"] {
      for replacing in [false, true] {
        #expect(throws: StoreError.self) {
          _ = try env.export(assessment, format: .markdown, language: .da, to: path, replacing: replacing)
        }
      }
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: handle.id)) == before)
    let other = folder.appendingPathComponent("old.md")
    try Data("old".utf8).write(to: other)
    #expect(throws: ExportTargetExists.self) {
      _ = try env.export(assessment, format: .markdown, language: .da, to: other.path)
    }
    _ = try env.export(assessment, format: .markdown, language: .da, to: other.path, replacing: true)
    #expect(try String(contentsOf: other, encoding: .utf8).contains("Kærgården"))
    env.close(handle)
  }

  /// Issue 8, Why 5: a wizard whose lock was replaced while it ran stops saving over the other
  /// igloo's work, says so, and saves a copy under a new name.
  @Test func aWizardWhoseLockWasReplacedSavesACopyInsteadOfOverwriting() throws {
    let env = environment()
    var session = Fixture.committee()
    let handle = try env.create(session)
    let lockPath = handle.id + ".lock"
    // Another igloo takes the session over: its own lock replaces ours, and it saves its work.
    try FileManager.default.removeItem(atPath: lockPath)
    let other = try SessionLock.acquire(URL(fileURLWithPath: handle.id))
    defer { other.release() }
    let theirs = try Data(contentsOf: URL(fileURLWithPath: handle.id))
    session.about.unit = "our unit"
    var lost: LockLost?
    do { try env.save(session, to: handle) } catch let error as LockLost { lost = error }
    let copy = try #require(lost?.copy)
    #expect(copy.hasSuffix("-copy.igloo.json"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: handle.id)) == theirs, "their file is untouched")
    #expect(try String(contentsOfFile: copy, encoding: .utf8).contains("our unit"))
    session.about.unit = "our unit, edited"
    try env.save(session, to: handle)
    #expect(try String(contentsOfFile: copy, encoding: .utf8).contains("our unit, edited"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: handle.id)) == theirs)
    var state = WizardState(pack: pack, language: .en, today: "2026-05-01")
    state.didSave(error: lost)
    #expect(state.handle?.id == copy)
    #expect(state.message?.key == "wizard.message.lock-lost")
    env.close(handle)
  }

  @Test func theWizardExportsThroughTheRealEnvironment() throws {
    let env = environment()
    let runner = WizardRunner(pack: pack, environment: env, language: .da)
    let size = Size(width: 80, height: 24)
    for key in [Key.enter] + "Kærgården".map(Key.character) + [.function(3), .end, .enter] {
      runner.send(key, size: size)
    }
    #expect(runner.state.step == .export)
    #expect(runner.state.exportPath == "kaergaarden-2025-05-01.docx")
    runner.send(.enter, size: size)
    guard case .written(let path)? = runner.state.exportResult else {
      Issue.record("not written: \(String(describing: runner.state.exportResult))")
      return
    }
    #expect(FileManager.default.fileExists(atPath: path))
    runner.finish()
  }
}

/// Issue 8, Why 10: a session reached through a symlink is written through to its target, and a
/// read-only session is opened but never rewritten.
@Suite struct SymlinkedAndReadOnlySessionTests {
  let folder: URL

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("igloo-links-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  func environment() -> FileEnvironment {
    FileEnvironment(
      pack: pack, store: SessionStore(folder: folder.appendingPathComponent("sessions")),
      now: { Date(timeIntervalSince1970: 1_746_100_000) }, workingDirectory: folder.path, home: folder.path)
  }

  @Test func aSymlinkedSessionIsWrittenThroughAndTheLinkStaysALink() throws {
    let real = folder.appendingPathComponent("synced/real.igloo.json")
    try FileManager.default.createDirectory(at: real.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Fixture.committee().encoded().write(to: real)
    let link = folder.appendingPathComponent("link.igloo.json")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
    let env = environment()
    var session = try env.open(SessionHandle(link.path))
    session.about.unit = "through the link"
    try env.save(session, to: SessionHandle(link.path))
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == real.path)
    #expect(try String(contentsOf: real, encoding: .utf8).contains("through the link"))
    #expect(env.saveLocation(of: SessionHandle(link.path))?.file == real.path)
    env.close(SessionHandle(link.path))
  }

  @Test func aReadOnlySessionOpensButIsNeverRewritten() throws {
    let file = folder.appendingPathComponent("ro.igloo.json")
    try Fixture.committee().encoded().write(to: file)
    _ = chmod(file.path, 0o444)
    let before = try Data(contentsOf: file)
    let env = environment()
    var session = try env.open(SessionHandle(file.path))
    session.about.unit = "must not land"
    #expect(throws: ReadOnlySession.self) { try env.save(session, to: SessionHandle(file.path)) }
    #expect(try Data(contentsOf: file) == before)
    let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
    #expect(mode == 0o444)
    #expect(env.saveLocation(of: SessionHandle(file.path)) == nil, "no emergency save either")
    env.close(SessionHandle(file.path))
  }
}
