import ArgumentParser
import Foundation
import IglooContent
import IglooEngine
import IglooReport
import IglooStore

/// `igloo merge A B -o C`: combine voices answered in separate files.
struct MergeCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    // Computed, not stored: the words follow CLILanguage.current, which tests set per call.
    CommandConfiguration(
      commandName: "merge",
      abstract: CLIText.string("cli.merge.abstract"),
      discussion: CLIText.string("cli.merge.discussion"))
  }

  @Argument(help: CLIText.help("cli.merge.first")) var first: String
  @Argument(help: CLIText.help("cli.merge.second")) var second: String
  @Option(name: .shortAndLong, help: CLIText.help("cli.merge.output")) var output: String
  @ArgumentParser.Flag(name: .long, help: CLIText.help("cli.option.force")) var force = false
  @OptionGroup var global: GlobalOptions

  func run() throws {
    try reportingErrors {
      let pack = try global.loadPack()
      let a = try loadSession(first, pack: pack)
      let b = try loadSession(second, pack: pack)
      if SessionIdentity.same(first, second) {
        throw CLIError(exitCode: 2, message: CLIText.string("cli.error.merge-same-file", ["first": first, "second": second]))
      }
      let merged: Session
      let notes: [Phrase]
      do {
        (merged, notes) = try SessionMerge.merge(a, b, labelA: groupLabel(a, first), labelB: groupLabel(b, second))
      } catch let conflict as SessionMerge.Conflict {
        throw CLIError(exitCode: 2, message: CLIText.string("cli.error.merge-conflict", ["first": first, "second": second, "reason": CLIText.phrase(conflict.phrase)]))
      }
      let data = try merged.encoded()
      guard SessionLimits.allows(byteCount: data.count) else {
        throw CLIError(
          exitCode: 1,
          message: CLIText.string("cli.error.merge-too-large", [
            "first": first, "second": second, "size": SessionFile.sizeText(Int64(data.count)),
            "limit": SessionFile.sizeText(Int64(SessionLimits.fileSize)),
          ]))
      }
      guard output != "-" else { throw CLIError(exitCode: 2, message: CLIText.string("cli.error.merge-needs-file")) }
      try emit(data, to: output, force: force, sessions: [first, second])
      for note in notes { FileHandle.standardError.write(Data("igloo: \(SafeText.visible(CLIText.phrase(note)))\n".utf8)) }
      try say(output)
    }
  }
}

/// What a session is called in merged and compared output: its workshop group, else its file name.
func groupLabel(_ session: Session, _ path: String) -> String {
  let group = session.about.group.trimmingCharacters(in: .whitespaces)
  if !group.isEmpty { return group }
  var name = URL(fileURLWithPath: path).lastPathComponent
  for suffix in [".json", ".igloo"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
  return name
}

extension RoundsFormat: ExpressibleByArgument {}

/// `igloo compare OLD NEW`: what changed between two rounds; `igloo compare --groups A B ...`:
/// workshop groups side by side for the plenary.
struct CompareCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    // Computed, not stored: the words follow CLILanguage.current, which tests set per call.
    CommandConfiguration(
      commandName: "compare",
      abstract: CLIText.string("cli.compare.abstract"),
      discussion: CLIText.string("cli.compare.discussion"))
  }

  @Argument(help: CLIText.help("cli.compare.files")) var files: [String]
  @ArgumentParser.Flag(help: CLIText.help("cli.compare.groups")) var groups = false
  @ArgumentParser.Flag(help: CLIText.help("cli.compare.facilitator")) var facilitator = false
  @Option(name: .long, help: CLIText.help("cli.compare.format")) var format: RoundsFormat?
  @Option(name: .shortAndLong, help: CLIText.help("cli.option.output")) var output: String?
  @ArgumentParser.Flag(name: .long, help: CLIText.help("cli.option.force")) var force = false
  @OptionGroup var global: GlobalOptions

  func run() throws {
    try reportingErrors {
      let pack = try global.loadPack()
      let language = global.language()
      guard groups else {
        guard files.count == 2 else {
          throw CLIError(exitCode: 2, message: CLIText.string("cli.error.compare-two-rounds"))
        }
        guard !facilitator else { throw CLIError(exitCode: 2, message: CLIText.string("cli.error.facilitator-needs-groups")) }
        let comparison = RoundComparison(
          old: Assessment(session: try loadSession(files[0], pack: pack), pack: pack),
          new: Assessment(session: try loadSession(files[1], pack: pack), pack: pack))
        try write(RoundsReport.comparison(comparison, language: language, format: chosenFormat))
        return
      }
      let limits = GroupComparison.groupLimits
      guard limits.contains(files.count) else {
        throw CLIError(exitCode: 2, message: CLIText.string("cli.error.group-count", [
            "min": String(limits.lowerBound), "max": String(limits.upperBound), "n": String(files.count),
          ]))
      }
      let sessions = try files.map { try loadSession($0, pack: pack) }
      let comparison = GroupComparison(
        sessions.map { Assessment(session: $0, pack: pack) },
        labels: zip(sessions, files).map { groupLabel($0, $1) }, pack: pack)
      var trainingCase: TrainingCase?
      if facilitator {
        let cases = sessions.compactMap { pack.trainingCase(of: $0) }
        guard let first = cases.first, cases.count == sessions.count else {
          throw CLIError(exitCode: 2, message: CLIText.string("cli.error.facilitator-needs-case"))
        }
        guard cases.allSatisfy({ $0.id == first.id }) else {
          throw CLIError(exitCode: 2, message: CLIText.string("cli.error.facilitator-different-cases", [
            "cases": Set(cases.map(\.id)).sorted().joined(separator: ", "),
          ]))
        }
        trainingCase = first
      }
      try write(RoundsReport.groups(comparison, pack: pack, language: language, facilitatorCase: trainingCase, format: chosenFormat))
    }
  }

  /// The format asked for; without one, the `-o` file's ending (`.docx`), else Markdown.
  private var chosenFormat: RoundsFormat {
    format ?? output.flatMap { ReportFormat.named(by: $0) }.flatMap { RoundsFormat(rawValue: $0.rawValue) } ?? .markdown
  }

  private func write(_ data: Data) throws {
    // Only the Word package can come out empty (its in-memory zip failed); never write that as a file.
    guard !data.isEmpty else { throw CLIError(exitCode: 1, message: CLIText.string("cli.error.report-not-built", ["format": chosenFormat.rawValue])) }
    try emit(data, to: output, force: force, sessions: files)
  }
}

/// `igloo aggregate PATH...`: many sessions rolled up, anonymously.
///
/// Every file is read; a damaged or unreadable session is named on standard error and counted
/// apart from the other files skipped, the roll-up of the rest is still written, and the exit code
/// is then 1, so that damage is never hidden (README, docs/storage.md).
struct AggregateCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    // Computed, not stored: the words follow CLILanguage.current, which tests set per call.
    CommandConfiguration(
      commandName: "aggregate",
      abstract: CLIText.string("cli.aggregate.abstract"),
      discussion: CLIText.string("cli.aggregate.discussion"))
  }

  @Argument(help: CLIText.help("cli.aggregate.paths")) var paths: [String]
  @Option(help: CLIText.help("cli.aggregate.min-group")) var minGroup = Aggregation.minimumGroup
  @Option(name: .shortAndLong, help: CLIText.help("cli.option.output")) var output: String?
  @ArgumentParser.Flag(name: .long, help: CLIText.help("cli.option.force")) var force = false
  @OptionGroup var global: GlobalOptions

  func run() throws {
    try reportingErrors {
      let pack = try global.loadPack()
      guard minGroup >= Aggregation.minimumGroup else {
        throw CLIError(exitCode: 2, message: CLIText.string("cli.error.min-group", ["min": String(Aggregation.minimumGroup)]))
      }
      let files: [String]
      do {
        files = try SessionFolder.files(paths)
      } catch let error as StoreError {
        throw CLIError(exitCode: 2, message: CLIText.string("cli.error.no-such-path", ["path": error.path]))
      }
      let reading = SessionFolder.read(files, pack: pack)
      let damage = reading.damaged + reading.unreadable > 0
      Self.tellNotCounted(reading)
      guard reading.tally.sessions > 0 else {
        throw CLIError(exitCode: damage ? 1 : 2, message: CLIText.string("cli.error.no-sessions"))
      }
      let aggregation = reading.tally.aggregation(minimumGroup: minGroup)
      try emit(Data(RoundsMarkdown.aggregation(aggregation, pack: pack, language: global.language()).utf8), to: output, force: force, sessions: files)
      if damage { throw ExitCode(1) }
    }
  }

  /// Names on standard error, in file order, every file not counted and why; then, when any
  /// session was damaged or unreadable, how many of each beside the files skipped.
  static func tellNotCounted(_ reading: SessionFolder.Reading) {
    func note(_ line: String) { FileHandle.standardError.write(Data("igloo: \(SafeText.visible(line))\n".utf8)) }
    for (path, outcome) in reading.notCounted {
      switch outcome {
      case .session: break
      case .skipped(let reason): note(CLIText.string("cli.skipped", ["file": path, "reason": CLIText.phrase(reason)]))
      case .damaged(let error): note(CLIText.string("cli.aggregate.damaged", ["reason": error.message(CLILanguage.current)]))
      case .unreadable(let error): note(CLIText.string("cli.aggregate.unreadable", ["reason": error.message(CLILanguage.current)]))
      }
    }
    guard reading.damaged + reading.unreadable > 0 else { return }
    note(CLIText.string("cli.aggregate.not-counted", [
      "sessions": String(reading.tally.sessions), "damaged": String(reading.damaged),
      "unreadable": String(reading.unreadable), "skipped": String(reading.skipped),
    ]))
  }
}
