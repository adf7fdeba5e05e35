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
    discussion: "Voices whose names clash are named after their files. C must not exist: nothing is overwritten.")

  @Argument(help: "The first session; its metadata and agreed answers win.") var first: String
  @Argument(help: "The second session.") var second: String
  @Option(name: .shortAndLong, help: "The merged session file to create.") var output: String
  @OptionGroup var global: GlobalOptions

  func run() throws {
    try reportingErrors {
      let pack = try global.loadPack()
      let a = try loadSession(first, pack: pack)
      let b = try loadSession(second, pack: pack)
      guard !FileManager.default.fileExists(atPath: output) else {
        throw CLIError(exitCode: 2, message: "\(output): already exists; choose a new file name")
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
      try emit(try merged.encoded(), to: output)
      for note in notes { FileHandle.standardError.write(Data("igloo: \(note)\n".utf8)) }
      print(output)
    }
  }
}

/// `igloo compare OLD NEW`: what changed between two rounds.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare", abstract: "Compare two rounds of an assessment, per level and finding (Markdown).")

  @Argument(help: "The earlier round.") var old: String
  @Argument(help: "The later round.") var new: String
  @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?
  @OptionGroup var global: GlobalOptions

  func run() throws {
    try reportingErrors {
      let pack = try global.loadPack()
      let comparison = RoundComparison(
        old: Assessment(session: try loadSession(old, pack: pack), pack: pack),
        new: Assessment(session: try loadSession(new, pack: pack), pack: pack))
      try emit(Data(RoundsMarkdown.comparison(comparison, language: global.language()).utf8), to: output)
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
  @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?
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
      try emit(Data(RoundsMarkdown.aggregation(Aggregation(assessments, pack: pack), pack: pack, language: global.language()).utf8), to: output)
    }
  }
}
