import Foundation
import Testing

/// Issue 8, Why 7: no `try!` anywhere in Sources/, so that no failed write can crash igloo.
@Suite("Source hygiene")
struct SourceHygieneTests {
  @Test("no try! in Sources/")
  func noForcedTryInSources() throws {
    let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources")
      .standardizedFileURL
    let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
      .filter { $0.hasSuffix(".swift") }
    #expect(files.count > 50, "the sources were found")
    var offenders: [String] = []
    for file in files {
      let text = try String(contentsOfFile: sources.path + "/" + file, encoding: .utf8)
      for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let code = line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        if code.contains("try!") { offenders.append("\(file):\(n + 1)") }
      }
    }
    #expect(offenders == [])
  }

  /// The lines of Sources/ (comments left out) that contain any of `patterns`, as `file:line`,
  /// leaving out `except`.
  static func lines(containing patterns: [String], except: String? = nil) throws -> [String] {
    let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources")
      .standardizedFileURL
    let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
      .filter { $0.hasSuffix(".swift") && $0 != except }
    var found: [String] = []
    for file in files {
      let text = try String(contentsOfFile: sources.path + "/" + file, encoding: .utf8)
      for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let code = line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        if patterns.contains(where: { code.contains($0) }) { found.append("\(file):\(n + 1)") }
      }
    }
    return found
  }

  /// Issue 29 point 5: a question's level (the level of the first finding it measures) is worked
  /// out in one place, `ContentPack.leadFinding(of:)`, not once per screen and module.
  @Test("a question's level is defined once")
  func aQuestionsLevelIsDefinedOnce() throws {
    #expect(try Self.lines(containing: ["measures.first"], except: "IglooContent/Model/Pack.swift") == [])
  }

  /// Issue 29 point 5: question kinds are told apart with `switch` (directly or through
  /// `isScored` and `isAbsence`), so that a new kind is a compile error wherever it is not handled.
  @Test("question kinds are matched with switch, not compared")
  func questionKindsAreMatchedWithSwitch() throws {
    #expect(try Self.lines(containing: ["kind == .finding", "kind == .absence", "kind != .finding", "kind != .absence"]) == [])
  }
}
