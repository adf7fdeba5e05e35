import ArgumentParser
import Foundation
import IglooContent
import IglooEngine
import IglooReport
import IglooStore
import IglooTerminal
import IglooWizard

/// `igloo` with no verb: the wizard, starting on the screen that offers a new assessment, the saved
/// sessions to resume, the training cases and the language.
public struct Wizard: ParsableCommand {
  /// The verb `wizard`, which is also what `igloo` runs without a verb.
  public static var configuration: CommandConfiguration {
    // Computed, not stored: the words follow CLILanguage.current, which tests set per call.
    CommandConfiguration(
      commandName: "wizard",
      abstract: CLIText.string("cli.wizard.abstract"),
      discussion: CLIText.string("cli.wizard.discussion")
    )
  }

  /// --lang, --content, --plain.
  @OptionGroup public var global: GlobalOptions

  /// Creates the command; ArgumentParser fills in the options.
  public init() {}

  /// Runs the wizard until the user quits; exits 2 without a terminal or with a bad pack.
  public func run() throws {
    try WizardLaunch(global: global).run(sessionPath: nil)
  }
}

/// `igloo resume FILE`: opens a saved session in the wizard where it was left.
public struct Resume: ParsableCommand {
  /// The verb `resume`.
  public static var configuration: CommandConfiguration {
    // Computed, not stored: the words follow CLILanguage.current, which tests set per call.
    CommandConfiguration(
      commandName: "resume",
      abstract: CLIText.string("cli.resume.abstract"),
      discussion: CLIText.string("cli.resume.discussion")
    )
  }

  /// --lang, --content, --plain.
  @OptionGroup public var global: GlobalOptions

  /// The session file.
  @Argument(help: CLIText.help("cli.resume.file"), completion: .file(extensions: ["json"]))
  public var file: String

  /// Creates the command; ArgumentParser fills in the options.
  public init() {}

  /// Checks the file, then runs the wizard on it; a bad file is one line on stderr and exit 2,
  /// a session open elsewhere exit 1.
  public func run() throws {
    try WizardLaunch(global: global).run(sessionPath: file)
  }
}

/// What `Wizard` and `Resume` share: checks in an order that touches nothing until everything is
/// known to be usable, then the run, with the terminal given back on every path.
struct WizardLaunch {
  var global: GlobalOptions
  var environment = ProcessInfo.processInfo.environment

  /// Runs the wizard on a new or given session, or opens training case `caseID` for the workshop
  /// group `group` (asked for on screen when nil); errors end as one line on stderr and an exit code.
  func run(sessionPath: String?, caseID: String? = nil, group: String? = nil) throws {
    try reportingLines {
      let pack = try global.loadPack()
      let language = global.language(environment: environment)
      let sessionURL = sessionPath.map { URL(fileURLWithPath: $0).standardizedFileURL }
      // A bad file is reported before the terminal is even looked at, so that scripts (and the
      // tests of damaged files) get the file's problem, not "no terminal".
      if let sessionURL { _ = try SessionFile.read(sessionURL, pack: pack) }
      if global.plain {
        try runPlain(pack: pack, language: language, sessionURL: sessionURL, caseID: caseID, group: group)
        return
      }
      try CursesTerminal.checkInteractive(environment: environment)

      let store = try SessionStore(environment: environment)
      let files = GuardedEnvironment(FileEnvironment(pack: pack, store: store, home: environment["HOME"]))
      let terminal = CursesTerminal(environment: environment)
      let runner: WizardRunner
      if let sessionURL {
        let handle = SessionHandle(sessionURL.path)
        let session = try files.open(handle)  // takes the lock; migrates an older file, with a backup
        runner = WizardRunner(pack: pack, session: session, handle: handle, environment: files, language: language)
      } else {
        runner = WizardRunner(pack: pack, environment: files, language: language)
        if let caseID { runner.openCase(caseID, group: group) }
      }
      defer { files.closeAll() }

      try terminal.start()
      defer { terminal.stop() }
      terminal.onIdle = { [runner] in runner.saveDraftIfDue() }
      runner.run(on: terminal)
      terminal.stop()

      // After the terminal is back, where it can be read: the ASCII fallback, if it was needed.
      if let notice = terminal.notice { stderrLine(notice) }
      if let handle = runner.state.handle ?? files.lastHandle {
        try say(pack.string("plain.saved-in", runner.state.language, ["file": handle.id]))
      }
    }
  }

  /// `--plain`: the same assessment as lines of text, for screen readers, dumb terminals and pipes.
  ///
  /// There is no curses and so no terminal to restore; every answer is saved as it is given, and a
  /// lock left by Ctrl-C is taken over as stale next time.
  private func runPlain(pack: ContentPack, language: Language, sessionURL: URL?, caseID: String?, group: String?) throws {
    let store = try SessionStore(environment: environment)
    let files = GuardedEnvironment(FileEnvironment(pack: pack, store: store, home: environment["HOME"]))
    defer { files.closeAll() }
    let runner: WizardRunner
    if let sessionURL {
      let opened = SessionHandle(sessionURL.path)
      runner = WizardRunner(pack: pack, session: try files.open(opened), handle: opened, environment: files, language: language)
    } else {
      runner = WizardRunner(pack: pack, environment: files, language: language)
      if let caseID { runner.openCase(caseID, group: group) }
    }
    let code = LineMode(
      runner: runner, input: LineMode.readStandardInput(echo: isatty(STDIN_FILENO) == 0),
      output: LineMode.writeStandardOutput, width: Self.lineWidth()
    ).run()
    if code != 0 { throw ExitCode(code) }
  }

  /// The terminal's width for line mode's lines, or 80 when standard output is no terminal.
  private static func lineWidth() -> Int {
    guard isatty(STDOUT_FILENO) == 1 else { return 80 }
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
    return Int(size.ws_col)
  }

  /// Prints a ``CLIError`` or ``StoreError`` as `igloo: …` and exits with its code; a
  /// ``TerminalError`` (which starts "igloo needs an interactive terminal") as it is, exit 2.
  private func reportingLines(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let error as TerminalError {
      stderrLine(error.description)
      throw ExitCode(2)
    } catch let error as CLIError {
      stderrLine("igloo: \(error.message)")
      throw ExitCode(error.exitCode)
    } catch let error as StoreError {
      stderrLine("igloo: \(error.message(CLILanguage.current))")
      throw ExitCode(error.exitCode)
    } catch let error as EnvironmentError {
      stderrLine("igloo: \(error.description)")
      throw ExitCode(2)
    }
  }
}

private func stderrLine(_ line: String) {
  FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Passes everything to the file environment, and keeps the signal handler's emergency copy of
/// the session in step with the saves (see ``TerminalGuard/prepareEmergencySave(_:to:)``).
///
/// The copy is handed over *before* each save: a SIGINT, SIGTERM or SIGHUP that interrupts the
/// save then still writes these newest bytes, and one arriving between saves rewrites what is on
/// disk already. Text still being typed in a field is handed over by the runner after each key (every
/// quarter of a second for a long text; ``keepForEmergency(_:at:)``), so a signal keeps that too.
final class GuardedEnvironment: WizardEnvironment {
  private let base: WizardEnvironment
  private var open: Set<SessionHandle> = []
  /// The last session saved or opened, to tell the user where it is after the wizard ends.
  private(set) var lastHandle: SessionHandle?

  init(_ base: WizardEnvironment) { self.base = base }

  func today() -> String { base.today() }
  func saveLocation(of handle: SessionHandle) -> (file: String, lock: String)? { base.saveLocation(of: handle) }
  func listSessions() -> [SavedSession] { base.listSessions() }

  func open(_ handle: SessionHandle) throws -> Session {
    let session = try base.open(handle)
    open.insert(handle)
    lastHandle = handle
    prepare(session, at: handle)
    return session
  }

  func create(_ session: Session) throws -> SessionHandle {
    let handle = try base.create(session)
    open.insert(handle)
    lastHandle = handle
    prepare(session, at: handle)
    return handle
  }

  func save(_ session: Session, to handle: SessionHandle) throws {
    prepare(session, at: handle)
    try base.save(session, to: handle)
    lastHandle = handle
  }

  func close(_ handle: SessionHandle) {
    TerminalGuard.clearEmergencySave()
    open.remove(handle)
    base.close(handle)
  }

  func suggestedExportPath(for session: Session, format: ExportFormat) -> String {
    base.suggestedExportPath(for: session, format: format)
  }

  func export(
    _ assessment: Assessment, format: ExportFormat, part: ReportPart, language: Language, to path: String, replacing: Bool
  ) throws -> String {
    try base.export(assessment, format: format, part: part, language: language, to: path, replacing: replacing)
  }

  func readPreviousRound(_ path: String) throws -> Session { try base.readPreviousRound(path) }

  func keepForEmergency(_ session: Session, at handle: SessionHandle) { prepare(session, at: handle) }

  /// Lets go of every session still open (their locks), whatever path the run ended on.
  func closeAll() {
    for handle in open { close(handle) }
  }

  private func prepare(_ session: Session, at handle: SessionHandle) {
    guard let bytes = try? session.encoded(), let location = base.saveLocation(of: handle) else {
      TerminalGuard.clearEmergencySave()
      return
    }
    // A session over the limits is refused by the save that follows; the emergency copy keeps
    // the last bytes that fit, so that no signal writes a file igloo would then refuse.
    guard SessionLimits.allows(byteCount: bytes.count) else { return }
    TerminalGuard.prepareEmergencySave(
      Array(bytes), to: location.file, temporary: AtomicFile.temporaryPath(for: location.file), lock: location.lock)
  }
}
