import ArgumentParser
import Foundation
import IglooContent
import IglooEngine
import IglooReport
import IglooStore

extension ReportFormat: ExpressibleByArgument {}
extension ReportPart: ExpressibleByArgument {}

/// `igloo report FILE`: the assessment as Markdown, JSON or CSV, without the wizard.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write the assessment of a saved session as Markdown, Word (.docx), JSON or CSV.",
    discussion: "A bad session file gives one line naming the file and the problem, exit code 2, and nothing is written.")

  @Argument(help: "The session file.")
  var file: String

  @Option(name: .long, help: "md (the assessment), docx (the assessment as a Word document), json (everything computed) or csv (the action plan).")
  var format: ReportFormat = .markdown

  @Option(name: .long, help: "all (the summary and the working papers) or summary (the summary alone).")
  var part: ReportPart = .all

  @Option(name: .shortAndLong, help: "Write to this new file (mode 0600) instead of standard output; - is standard output.")
  var output: String?

  @ArgumentParser.Flag(name: .long, help: "Replace the -o file if it exists (never a session or a lock).")
  var force = false

  @OptionGroup var global: GlobalOptions

  func run() throws {
    try reportingErrors {
      let pack = try global.loadPack()
      let session = try loadSession(file, pack: pack)
      let data = format.render(Assessment(session: session, pack: pack), language: global.language(), part: part)
      // Only the Word package can come out empty (its in-memory zip failed); never write that as a file.
      guard !data.isEmpty else { throw CLIError(exitCode: 1, message: "the \(format.rawValue) report could not be built") }
      try emit(data, to: output, force: force, sessions: [file])
    }
  }
}

/// Reads a session for a headless verb, mapping a bad file to exit code 2.
func loadSession(_ path: String, pack: ContentPack) throws -> Session {
  do {
    return try SessionFile.read(URL(fileURLWithPath: path), pack: pack).session
  } catch let error as StoreError {
    throw CLIError(exitCode: 2, message: error.description)
  }
}

