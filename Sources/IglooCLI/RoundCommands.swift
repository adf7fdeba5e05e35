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
      var files: [String] = []
      for path in paths {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
          throw CLIError(exitCode: 2, message: CLIText.string("cli.error.no-such-path", ["path": path]))
        }
        if isDirectory.boolValue {
          // A folder is listed here, not by the shell, so that 100,000 sessions do not overflow argv.
          files += Self.regularFiles(in: path)
        } else {
          files.append(path)
        }
      }
      let tally = try Self.tally(files, pack: pack)
      guard tally.sessions > 0 else { throw CLIError(exitCode: 2, message: CLIText.string("cli.error.no-sessions")) }
      let aggregation = tally.aggregation(minimumGroup: minGroup)
      try emit(Data(RoundsMarkdown.aggregation(aggregation, pack: pack, language: global.language()).utf8), to: output, force: force, sessions: files)
    }
  }

  /// The regular files directly in `folder`, sorted by name, read with readdir so that a folder of
  /// 100,000 sessions costs one listing and no per-name Foundation objects.
  static func regularFiles(in folder: String) -> [String] {
    guard let dir = opendir(folder) else { return [] }
    defer { closedir(dir) }
    var names: [(name: String, regular: Bool)] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name == "." || name == ".." { continue }
      names.append((name, Int32(entry.pointee.d_type) == Int32(DT_REG)))
    }
    let base = folder.hasSuffix("/") ? folder : folder + "/"
    var files: [String] = []
    for (name, regular) in names.sorted(by: { $0.name < $1.name }) {
      let file = base + name
      // A plain file needs no stat (10,000 of them were a tenth of a roll-up, on one core); a
      // symlink, or an entry of a file system that does not say, is followed with stat, so that a
      // symlink to a session counts, as it did with FileManager.
      if regular {
        files.append(file)
        continue
      }
      var info = stat()
      if stat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { files.append(file) }
    }
    return files
  }

  /// Reads, scores and folds in every session of `files` on all cores, keeping only the tally.
  ///
  /// The workers take runs of `batch` files in file order from a shared counter, so that a core
  /// another process holds for a while only means the other workers take more runs, rather than
  /// one worker finishing its half of the files and idling. Skip notes are printed in file order
  /// and the first damaged session (in file order) is the one reported, as when the files were read
  /// one by one: a run is only handed out while it starts before the first damage found so far, and
  /// runs are handed out in order, so every file before that one has been read.
  static func tally(_ files: [String], pack: ContentPack, batch: Int = 64) throws -> Aggregation.Tally {
    let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, files.count / 8 + 1))
    final class Slot: @unchecked Sendable {
      var tally: Aggregation.Tally
      var skipped: [(index: Int, reason: String)] = []
      var failure: (index: Int, error: Error)?
      init(_ pack: ContentPack) { tally = Aggregation.Tally(pack: pack) }
    }
    /// The next run to hand out and the first damaged file found so far, under one lock.
    final class Runs: @unchecked Sendable {
      private let lock = NSLock()
      private var next = 0
      private var stop = Int.max
      private let count: Int
      private let batch: Int
      init(count: Int, batch: Int) {
        self.count = count
        self.batch = max(1, batch)
      }
      /// The next run of files, or nil when all are handed out or a damaged file comes before it.
      func take() -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count, next < stop else { return nil }
        let run = next..<min(count, next + batch)
        next = run.upperBound
        return run
      }
      func failed(at index: Int) {
        lock.lock()
        stop = min(stop, index)
        lock.unlock()
      }
    }
    let slots = (0..<workers).map { _ in Slot(pack) }
    let runs = Runs(count: files.count, batch: batch)
    // The workers are threads, not tasks: they cannot see CLILanguage's task-local override, so
    // the language of the skip notes is fixed here.
    let language = CLILanguage.current
    DispatchQueue.concurrentPerform(iterations: workers) { w in
      let slot = slots[w]
      work: while let run = runs.take() {
        for i in run {
          // Each session and its assessment are dropped at the end of the iteration: memory stays flat.
          do {
            switch try SessionRecognition.read(files[i], pack: pack, language: language) {
            case .session(let session): slot.tally.add(session, pack: pack)
            case .skipped(let reason): slot.skipped.append((i, reason))
            }
          } catch {
            slot.failure = (i, error)
            runs.failed(at: i)
            break work
          }
        }
      }
    }
    let failure = slots.compactMap(\.failure).min { $0.index < $1.index }
    let stop = failure?.index ?? files.count
    let skipped = slots.flatMap(\.skipped).filter { $0.index < stop }.sorted { $0.index < $1.index }
    for (i, reason) in skipped {
      // A file name may hold escape codes (a planted `ESC ]0;…` renames the terminal): made visible.
      let line = CLIText.string("cli.skipped", language, ["file": files[i], "reason": reason])
      FileHandle.standardError.write(Data("igloo: \(SafeText.visible(line))\n".utf8))
    }
    if let failure { throw failure.error }
    var total = Aggregation.Tally(pack: pack)
    for slot in slots { total.merge(slot.tally) }
    return total
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
  static func read(_ path: String, pack: ContentPack, language: Language = CLILanguage.current) throws -> Outcome {
    if path.hasSuffix(".bak") { return .skipped(CLIText.string("cli.skipped.backup", language)) }
    if path.hasSuffix(".lock") { return .skipped(CLIText.string("cli.skipped.lock", language)) }
    do {
      return .session(try SessionFile.read(URL(fileURLWithPath: path), pack: pack).session)
    } catch let error as StoreError {
      if claimsToBeSession(path) { throw CLIError(exitCode: 2, message: error.message(language)) }
      return .skipped(CLIText.string("cli.skipped.not-session", language))
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
