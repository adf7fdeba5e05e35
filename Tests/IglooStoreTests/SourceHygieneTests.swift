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
}
