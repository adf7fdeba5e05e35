import Foundation
import IglooBuiltinContent
import IglooContent
import IglooEngine
import Testing

@testable import IglooReport

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The example sessions the report tests render, one of each kind.
enum Fixture: String, CaseIterable, Sendable, CustomTestStringConvertible {
  /// A call centre scoring calls with ML and piloting a chat assistant; two voices that disagree.
  case callCentre = "call-centre"
  /// A municipal home-care unit; one voice; answers set aside after the scope changed.
  case homeCare = "home-care"
  /// A hand-written file with only answers under one voice.
  case minimal = "minimal"
  /// A quick scan of the call-centre scope: every screening answered, one finding deepened.
  case quickScan = "quick-scan"

  var testDescription: String { rawValue }

  /// The session as decoded from `Fixtures/<name>.json`.
  var session: Session {
    get throws {
      let url = try #require(Bundle.module.url(forResource: "Fixtures/\(rawValue)", withExtension: "json"))
      return try Session.decode(Data(contentsOf: url))
    }
  }

  /// The assessment of the session with the built-in pack.
  var assessment: Assessment {
    get throws { Assessment(session: try session, pack: Packs.builtin) }
  }
}

/// The built-in content pack, loaded once.
enum Packs {
  static let builtin: ContentPack = PackLoader.builtin()
}

/// The report formats, under the name the tests use.
typealias Format = ReportFormat

/// Where the golden files live in the source tree (not the bundle), so recording can write them.
let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

/// Every fixture in every language.
let fixturesAndLanguages: [(Fixture, Language)] = Fixture.allCases.flatMap { f in Language.allCases.map { (f, $0) } }

/// The words of the report in `language`, as the renderers use them.
func wording(_ language: Language) -> Wording { Wording(pack: Packs.builtin, language: language) }

// MARK: - External tools

/// Whether the tests run under CI, where a missing tool is a failure rather than a reason to skip.
let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

/// External programs the tests run: real parsers and converters, not imitations.
enum Tool {
  /// The full path of `name` on `PATH`, or nil.
  static func path(_ name: String) -> String? {
    let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
    for dir in dirs {
      let candidate = String(dir) + "/" + name
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// Whether a test that needs `name` should run: when it is installed, and always under CI.
  static func shouldRun(_ name: String) -> Bool { isCI || path(name) != nil }

  /// The path of `name`, or a recorded failure naming the Debian package to install.
  static func require(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
    if let p = path(name) { return p }
    Issue.record("\(name) is not installed: apt-get install -y \(name)", sourceLocation: sourceLocation)
    return nil
  }

  /// Runs `executable` with `arguments`, collecting its output through files so a chatty tool can
  /// never block on a full pipe.
  static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, stdout: Data, stderr: Data) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("igloo-report-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("stdout")
    let err = dir.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return (process.terminationStatus, try Data(contentsOf: out), try Data(contentsOf: err))
  }

  /// Converts the Word files named `names` (without `.docx`) in `dir` to PDF there with LibreOffice,
  /// under a profile of its own, so that a LibreOffice the user or another test has open cannot interfere.
  static func convertToPDF(_ soffice: String, _ names: [String], in dir: URL) throws {
    let profile = "file://" + dir.appendingPathComponent("profile").path
    let converted = try run(
      soffice,
      ["-env:UserInstallation=" + profile, "--headless", "--convert-to", "pdf", "--outdir", dir.path]
        + names.map { dir.appendingPathComponent($0 + ".docx").path })
    #expect(converted.status == 0, "\(String(decoding: converted.stderr, as: UTF8.self))")
  }

  /// The number of pages of `pdf`, as pdfinfo counts them.
  static func pages(_ pdfinfo: String, _ pdf: URL) throws -> Int? {
    let info = String(decoding: try run(pdfinfo, [pdf.path]).stdout, as: UTF8.self)
    return info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
      .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
  }

  /// Writes `text` to a fresh temporary file and returns its URL.
  static func temporaryFile(_ text: String, suffix: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("igloo-report-\(UUID().uuidString)\(suffix)")
    try Data(text.utf8).write(to: url)
    return url
  }
}

// MARK: - The Markdown as cmark-gfm sees it

/// A Markdown document parsed by the reference CommonMark+GFM implementation.
struct ParsedMarkdown {
  /// A heading and its level.
  struct Heading: Equatable { var level: Int, text: String }
  /// A table: its header cells and its rows' cells, as plain text.
  struct Table { var header: [String], rows: [[String]] }

  var headings: [Heading] = []
  var tables: [Table] = []
  var codeBlocks: [(info: String, text: String)] = []
  /// The text of every list item.
  var listItems: [String] = []

  /// Runs `cmark-gfm --extension table -t xml` on `markdown`.
  init(cmark: String, _ markdown: String) throws {
    let input = try Tool.temporaryFile(markdown, suffix: ".md")
    defer { try? FileManager.default.removeItem(at: input) }
    let result = try Tool.run(cmark, ["--extension", "table", "-t", "xml", input.path])
    #expect(result.status == 0, "cmark-gfm failed: \(String(decoding: result.stderr, as: UTF8.self))")
    let xml = try XMLDocument(data: result.stdout, options: [])
    for node in Self.elements(xml.rootElement()) {
      switch node.name {
      case "heading":
        let level = Int(Self.attribute(node, "level")) ?? 0
        headings.append(Heading(level: level, text: node.stringValue ?? ""))
      case "table":
        let rows = (node.children ?? []).compactMap { $0 as? XMLElement }
        func cells(_ row: XMLElement) -> [String] {
          (row.children ?? []).compactMap { $0 as? XMLElement }.filter { $0.name == "table_cell" }.map { $0.stringValue ?? "" }
        }
        let header = rows.first { $0.name == "table_header" }.map(cells) ?? []
        tables.append(Table(header: header, rows: rows.filter { $0.name == "table_row" }.map(cells)))
      case "item":
        listItems.append(node.stringValue ?? "")
      case "code_block":
        codeBlocks.append((Self.attribute(node, "info"), node.stringValue ?? ""))
      default: break
      }
    }
  }

  /// The table whose header is `header`.
  func table(_ header: [String]) -> Table? { tables.first { $0.header == header } }

  /// An attribute's value; looked up by name because `attribute(forName:)` misses attributes of
  /// elements in cmark's default namespace on Linux.
  private static func attribute(_ element: XMLElement, _ name: String) -> String {
    element.attributes?.first { $0.name == name }?.stringValue ?? ""
  }

  /// Every element below `root`, in document order.
  private static func elements(_ root: XMLElement?) -> [XMLElement] {
    guard let root else { return [] }
    var out: [XMLElement] = []
    for child in root.children ?? [] {
      guard let element = child as? XMLElement else { continue }
      out.append(element)
      out += elements(element)
    }
    return out
  }
}
