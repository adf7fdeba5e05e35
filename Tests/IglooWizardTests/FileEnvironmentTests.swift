import Foundation
import IglooContent
import IglooEngine
import IglooStore
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
    #expect(listed.first?.problem != nil)  // open in this igloo: a second one is told so
    // A second igloo is refused while the first holds the lock.
    let other = environment()
    #expect(throws: StoreError.self) { try other.open(handle) }
    env.close(handle)
    let reopened = try other.open(handle)
    #expect(reopened.about.unit == "Nattevagten")
    other.close(handle)
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
    do {
      _ = try env.export(assessment, format: .json, language: .en, to: folder.path + "/missing/x.json")
      Issue.record("an export into a missing folder succeeded")
    } catch {
      #expect(String(describing: error).contains("missing"))
    }
  }

  @Test func theWizardExportsThroughTheRealEnvironment() throws {
    let env = environment()
    let runner = WizardRunner(pack: pack, environment: env, language: .da)
    let size = Size(width: 80, height: 24)
    for key in [Key.enter] + "Kærgården".map(Key.character) + [.function(3), .end, .enter] {
      runner.send(key, size: size)
    }
    #expect(runner.state.step == .export)
    #expect(runner.state.exportPath == "kaergaarden-2025-05-01.md")
    runner.send(.enter, size: size)
    guard case .written(let path)? = runner.state.exportResult else {
      Issue.record("not written: \(String(describing: runner.state.exportResult))")
      return
    }
    #expect(FileManager.default.fileExists(atPath: path))
    runner.finish()
  }
}
