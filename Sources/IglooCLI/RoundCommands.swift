import ArgumentParser
import Foundation
import IglooContent
import IglooEngine
import IglooReport
import IglooStore

/// `igloo merge A B -o C`: combine voices answered in separate files.
struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Combine the voices of two sessions (e.g. management and employees) into a new file.",
    discussion: "Voices whose names clash are named after their files. C must not exist unless --force is given; a session or a lock is never overwritten.")

  @Argument(help: "The first session; its metadata and agreed answers win.") var first: String
  @Argument(help: "The second session.") var second: String
  @Option(name: .shortAndLong, help: "The merged session file to create.") var output: String
  @ArgumentParser.Flag(name: .long, help: "Replace the -o file if it exists (never a session or a lock).") var force = false
  @OptionGroup var global: GlobalOptions

  func run() throws {
    try reportingErrors {
      let pack = try global.loadPack()
      let a = try loadSession(first, pack: pack)
      let b = try loadSession(second, pack: pack)
      if SessionIdentity.same(first, second) {
        throw CLIError(exitCode: 2, message: "\(first) and \(second) are the same file; merging it with itself would count each voice twice")
      }
      func label(_ path: String) -> String {
        var name = URL(fileURLWithPath: path).lastPathComponent
        for suffix in [".json", ".igloo"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
        return name
      }
      let merged: Session
      let notes: [String]
      do {
        (merged, notes) = try SessionMerge.merge(a, b, labelA: label(first), labelB: label(second))
      } catch let conflict as SessionMerge.Conflict {
        throw CLIError(exitCode: 2, message: "cannot merge \(first) and \(second): \(conflict.reason)")
      }
      let data = try merged.encoded()
      guard data.count <= SessionFile.sizeLimit else {
        throw CLIError(
          exitCode: 1,
          message: "cannot merge \(first) and \(second): the result (\(SessionFile.sizeText(Int64(data.count)))) is over the \(SessionFile.sizeText(Int64(SessionFile.sizeLimit))) a session may hold")
      }
      guard output != "-" else { throw CLIError(exitCode: 2, message: "merge writes a session file; -o needs a file name") }
      try emit(data, to: output, force: force, sessions: [first, second])
      for note in notes { FileHandle.standardError.write(Data("igloo: \(SafeText.visible(note))\n".utf8)) }
      try say(output)
    }
  }
}

/// `igloo compare OLD NEW`: what changed between two rounds.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare", abstract: "Compare two rounds of an assessment, per level and finding (Markdown).")

  @Argument(help: "The earlier round.") var old: String
  @Argument(help: "The later round.") var new: String
  @Option(name: .shortAndLong, help: "Write to this new file instead of standard output; - is standard output.") var output: String?
  @ArgumentParser.Flag(name: .long, help: "Replace the -o file if it exists (never a session or a lock).") var force = false
  @OptionGroup var global: GlobalOptions

  func run() throws {
    try reportingErrors {
      let pack = try global.loadPack()
      let comparison = RoundComparison(
        old: Assessment(session: try loadSession(old, pack: pack), pack: pack),
        new: Assessment(session: try loadSession(new, pack: pack), pack: pack))
      try emit(Data(RoundsMarkdown.comparison(comparison, language: global.language()).utf8), to: output, force: force, sessions: [old, new])
    }
  }
}

/// `igloo aggregate PATH...`: many sessions rolled up.
struct AggregateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "aggregate",
    abstract: "Roll up many sessions: the spread of the profile per level and the most common actions (Markdown).",
    discussion: "A PATH may be a folder; its *.json files are read. Every file must be a valid session.")

  @Argument(help: "Session files or folders.") var paths: [String]
  @Option(name: .shortAndLong, help: "Write to this new file instead of standard output; - is standard output.") var output: String?
  @ArgumentParser.Flag(name: .long, help: "Replace the -o file if it exists (never a session or a lock).") var force = false
  @OptionGroup var global: GlobalOptions

  func run() throws {
    try reportingErrors {
      let pack = try global.loadPack()
      var files: [String] = []
      for path in paths {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
          throw CLIError(exitCode: 2, message: "\(path): no such file or folder")
        }
        if isDirectory.boolValue {
          let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
          files += names.filter { $0.hasSuffix(".json") }.sorted().map { path + "/" + $0 }
        } else {
          files.append(path)
        }
      }
      guard !files.isEmpty else { throw CLIError(exitCode: 2, message: "no session files found") }
      let assessments = try files.map { Assessment(session: try loadSession($0, pack: pack), pack: pack) }
      try emit(Data(RoundsMarkdown.aggregation(Aggregation(assessments, pack: pack), pack: pack, language: global.language()).utf8), to: output, force: force, sessions: files)
    }
  }
}
