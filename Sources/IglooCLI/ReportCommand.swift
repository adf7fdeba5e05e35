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
  static var configuration: CommandConfiguration {
    // Computed, not stored: the words follow CLILanguage.current, which tests set per call.
    CommandConfiguration(
      commandName: "report",
      abstract: CLIText.string("cli.report.abstract"),
      discussion: CLIText.string("cli.report.discussion"))
  }

  @Argument(help: CLIText.help("cli.report.file"))
  var file: String

  /// The format asked for; without one, the `-o` file's ending, else Markdown.
  @Option(name: .long, help: CLIText.help("cli.report.format"))
  var format: ReportFormat?

  @Option(name: .long, help: CLIText.help("cli.report.part"))
  var part: ReportPart = .all

  /// The meeting's length the agenda is timed to.
  @Option(name: .long, help: CLIText.help("cli.report.minutes"))
  var minutes: Int = defaultMeetingMinutes

  @Option(name: .shortAndLong, help: CLIText.help("cli.report.output"))
  var output: String?

  @ArgumentParser.Flag(name: .long, help: CLIText.help("cli.option.force"))
  var force = false

  @OptionGroup var global: GlobalOptions

  func run() throws {
    try reportingErrors {
      // An agenda needs room for its items: under ten minutes, or over a working day, is a typing error.
      guard (10...480).contains(minutes) else {
        throw CLIError(exitCode: 2, message: CLIText.string("cli.error.minutes", ["minutes": String(minutes)]))
      }
      let pack = try global.loadPack()
      let session = try loadSession(file, pack: pack)
      let format = format ?? output.flatMap(ReportFormat.named(by:)) ?? .markdown
      let data = format.render(
        Assessment(session: session, pack: pack), language: global.language(), part: part, minutes: minutes)
      // Only the Word package can come out empty (its in-memory zip failed); never write that as a file.
      guard !data.isEmpty else { throw CLIError(exitCode: 1, message: CLIText.string("cli.error.report-not-built", ["format": format.rawValue])) }
      try emit(data, to: output, force: force, sessions: [file])
    }
  }
}

/// Reads a session for a headless verb, mapping a bad file to exit code 2.
func loadSession(_ path: String, pack: ContentPack) throws -> Session {
  do {
    return try SessionFile.read(URL(fileURLWithPath: path), pack: pack).session
  } catch let error as StoreError {
    throw CLIError(exitCode: 2, message: error.message(CLILanguage.current))
  }
}

