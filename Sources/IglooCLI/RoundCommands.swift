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
    abstract: "Combine the voices of two sessions (e.g. management and employees, or two workshop groups) into a new file.",
    discussion: """
      Voices whose names clash are named after their workshop group, or else after their files. C must not
      exist unless --force is given; a session or a lock is never overwritten. To compare workshop groups
      side by side, use `igloo compare --groups`.
      """)

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
      let merged: Session
      let notes: [String]
      do {
        (merged, notes) = try SessionMerge.merge(a, b, labelA: groupLabel(a, first), labelB: groupLabel(b, second))
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

/// What a session is called in merged and compared output: its workshop group, else its file name.
func groupLabel(_ session: Session, _ path: String) -> String {
  let group = session.about.group.trimmingCharacters(in: .whitespaces)
  if !group.isEmpty { return group }
  var name = URL(fileURLWithPath: path).lastPathComponent
  for suffix in [".json", ".igloo"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
  return name
}

/// `igloo compare OLD NEW`: what changed between two rounds; `igloo compare --groups A B ...`:
/// workshop groups side by side for the plenary.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare two rounds of an assessment, or 2–8 workshop groups side by side (Markdown).",
    discussion: """
      Without --groups: OLD and NEW are two rounds of the same workplace, before and after.
      With --groups: each FILE is one workshop group's session on the same case; there is no before and
      after, only where the groups differ. --facilitator adds the case's note for the trainer.
      """)

  @Argument(help: "Two rounds (earlier, later), or with --groups 2–8 group sessions.") var files: [String]
  @ArgumentParser.Flag(help: "Compare workshop groups side by side instead of two rounds.") var groups = false
  @ArgumentParser.Flag(help: "With --groups: add the training case's note for the trainer.") var facilitator = false
  @Option(name: .shortAndLong, help: "Write to this new file instead of standard output; - is standard output.") var output: String?
  @ArgumentParser.Flag(name: .long, help: "Replace the -o file if it exists (never a session or a lock).") var force = false
  @OptionGroup var global: GlobalOptions

  func run() throws {
    try reportingErrors {
      let pack = try global.loadPack()
      let language = global.language()
      guard groups else {
        guard files.count == 2 else {
          throw CLIError(exitCode: 2, message: "compare takes two rounds (earlier, later); to compare workshop groups, use --groups")
        }
        guard !facilitator else { throw CLIError(exitCode: 2, message: "--facilitator works only with --groups") }
        let comparison = RoundComparison(
          old: Assessment(session: try loadSession(files[0], pack: pack), pack: pack),
          new: Assessment(session: try loadSession(files[1], pack: pack), pack: pack))
        try emit(Data(RoundsMarkdown.comparison(comparison, language: language).utf8), to: output, force: force, sessions: files)
        return
      }
      let limits = GroupComparison.groupLimits
      guard limits.contains(files.count) else {
        throw CLIError(exitCode: 2, message: "compare --groups takes \(limits.lowerBound) to \(limits.upperBound) group sessions, not \(files.count)")
      }
      let sessions = try files.map { try loadSession($0, pack: pack) }
      let comparison = GroupComparison(
        sessions.map { Assessment(session: $0, pack: pack) },
        labels: zip(sessions, files).map { groupLabel($0, $1) }, pack: pack)
      var trainingCase: TrainingCase?
      if facilitator {
        let cases = sessions.compactMap { pack.trainingCase(of: $0) }
        guard let first = cases.first, cases.count == sessions.count else {
          throw CLIError(exitCode: 2, message: "--facilitator needs sessions opened from a training case (igloo case NAME)")
        }
        guard cases.allSatisfy({ $0.id == first.id }) else {
          throw CLIError(exitCode: 2, message: "--facilitator: the groups worked on different cases (\(Set(cases.map(\.id)).sorted().joined(separator: ", ")))")
        }
        trainingCase = first
      }
      let text = RoundsMarkdown.groups(comparison, pack: pack, language: language, facilitatorCase: trainingCase)
      try emit(Data(text.utf8), to: output, force: force, sessions: files)
    }
  }
}

/// `igloo aggregate PATH...`: many sessions rolled up, anonymously.
struct AggregateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "aggregate",
    abstract: "Roll up many sessions: the spread of the profile per level and the most common actions (Markdown).",
    discussion: """
      A PATH may be a folder; every file in it is looked at, and sessions are recognised by their content
      ("schema": "igloo-session"), not their name. Other files (exports, backups, notes) are skipped with one
      line each on standard error. A damaged file that claims to be a session is an error (exit 2).
      Anonymity: a figure resting on fewer than 5 sessions is hidden and marked so; --min-group raises the
      threshold, never below 5.
      """)

  @Argument(help: "Session files or folders.") var paths: [String]
  @Option(help: "Hide every figure resting on fewer sessions than this (at least 5).") var minGroup = Aggregation.minimumGroup
  @Option(name: .shortAndLong, help: "Write to this new file instead of standard output; - is standard output.") var output: String?
  @ArgumentParser.Flag(name: .long, help: "Replace the -o file if it exists (never a session or a lock).") var force = false
  @OptionGroup var global: GlobalOptions

  func run() throws {
    try reportingErrors {
      let pack = try global.loadPack()
      guard minGroup >= Aggregation.minimumGroup else {
        throw CLIError(exitCode: 2, message: "--min-group must be at least \(Aggregation.minimumGroup): smaller groups could be recognised")
      }
      var files: [String] = []
      for path in paths {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
          throw CLIError(exitCode: 2, message: "\(path): no such file or folder")
        }
        if isDirectory.boolValue {
          let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
          for name in names.sorted() {
            let file = (path as NSString).appendingPathComponent(name)
            var sub: ObjCBool = false
            if FileManager.default.fileExists(atPath: file, isDirectory: &sub), !sub.boolValue { files.append(file) }
          }
        } else {
          files.append(path)
        }
      }
      var sessions: [Session] = []
      for file in files {
        switch try SessionRecognition.read(file, pack: pack) {
        case .session(let session): sessions.append(session)
        case .skipped(let reason): FileHandle.standardError.write(Data("igloo: skipped \(file): \(reason)\n".utf8))
        }
      }
      guard !sessions.isEmpty else { throw CLIError(exitCode: 2, message: "no session files found") }
      let aggregation = Aggregation(sessions.map { Assessment(session: $0, pack: pack) }, pack: pack, minimumGroup: minGroup)
      try emit(Data(RoundsMarkdown.aggregation(aggregation, pack: pack, language: global.language()).utf8), to: output, force: force, sessions: files)
    }
  }
}

/// Tells sessions from the other files a folder holds (JSON exports, backups, notes) by content.
enum SessionRecognition {
  /// A file read for the roll-up.
  enum Outcome {
    /// A valid session.
    case session(Session)
    /// Not a session; why, in a few words.
    case skipped(String)
  }

  /// Reads `path`: a valid session, or a file to skip. A file that claims to be a session
  /// (`"schema": "igloo-session"`) but cannot be read is an error, so that damage is never hidden.
  static func read(_ path: String, pack: ContentPack) throws -> Outcome {
    if path.hasSuffix(".bak") { return .skipped("a backup copy made before a migration") }
    if path.hasSuffix(".lock") { return .skipped("a lock file") }
    do {
      return .session(try SessionFile.read(URL(fileURLWithPath: path), pack: pack).session)
    } catch let error as StoreError {
      if claimsToBeSession(path) { throw CLIError(exitCode: 2, message: error.description) }
      return .skipped("not an igloo session")
    }
  }

  /// Whether the file's first bytes carry the session marker, whatever else is wrong with it.
  static func claimsToBeSession(_ path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    let head = handle.readData(ofLength: 64 * 1024)
    let text = String(decoding: head, as: UTF8.self)
    return text.range(of: #""schema"\s*:\s*"igloo-session""#, options: .regularExpression) != nil
  }
}
