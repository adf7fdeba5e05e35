import Foundation
import IglooContent
import IglooEngine
import Testing

@testable import IglooReport

/// pandoc turns every report into a Word document without a single warning, reading it both as
/// pandoc's own Markdown (what `pandoc report.md -o report.docx` uses) and as GFM.
@Suite(.enabled(if: Tool.shouldRun("pandoc"), "pandoc is not installed (apt-get install -y pandoc)"))
struct PandocTests {
  @Test(arguments: Fixture.allCases, Language.allCases)
  func convertsToDocxWithoutWarnings(_ fixture: Fixture, _ language: Language) throws {
    guard let pandoc = Tool.require("pandoc") else { return }
    let input = try Tool.temporaryFile(MarkdownReport.render(try fixture.assessment, language: language), suffix: ".md")
    defer { try? FileManager.default.removeItem(at: input) }
    for reader in ["markdown", "gfm"] {
      let output = FileManager.default.temporaryDirectory.appendingPathComponent("igloo-report-\(UUID().uuidString).docx")
      defer { try? FileManager.default.removeItem(at: output) }
      let result = try Tool.run(pandoc, ["-f", reader, "-t", "docx", "-o", output.path, input.path])
      #expect(result.status == 0)
      #expect(String(decoding: result.stderr, as: UTF8.self) == "", "pandoc -f \(reader) printed warnings")
      let docx = try Data(contentsOf: output)
      #expect(docx.starts(with: Data("PK".utf8)), "a .docx is a zip file")
    }
  }
}
