import Foundation
import IglooContent
import IglooEngine
import IglooStore

/// The assessment in line mode (`igloo --plain`): the wizard's one state machine, driven by typed
/// lines and shown as lines of text, for screen readers, simple terminals and piping.
///
/// Each line goes through ``PlainReader`` into the wizard's own actions, which the
/// ``WizardRunner`` sends through ``WizardState/perform(_:)`` and whose effects (save, export,
/// open) it carries out exactly as for the curses wizard; ``PlainView`` then says what the state
/// shows. The end of input saves what was typed and ends the run normally, so a script or a closed
/// pipe never loses what was answered.
///
/// ```swift
/// let runner = WizardRunner(pack: pack, environment: files, language: .da)
/// let code = LineMode(runner: runner, input: LineMode.readStandardInput(echo: false),
///   output: LineMode.writeStandardOutput, width: 80).run()
/// ```
public final class LineMode {
  /// Reads one line without its line end; nil at the end of input.
  public typealias Input = () -> String?
  /// Writes text as it is; prompts come without a line end, so the writer must not buffer lines.
  public typealias Output = (String) -> Void

  /// The wizard: its state and the interpreter of its effects, shared with the curses front-end.
  public let runner: WizardRunner
  private var view: PlainView
  private let input: Input
  private let output: Output
  /// Whether the last thing written ended a line.
  private var atLineStart = true

  /// Line mode over `runner`, wrapping at `width` columns.
  public init(runner: WizardRunner, input: @escaping Input, output: @escaping Output, width: Int = 80) {
    self.runner = runner
    self.input = input
    self.output = output
    view = PlainView(width: width)
  }

  /// Runs until the user quits or the input ends; saves and lets go of the session. Returns 0
  /// when everything typed is saved, 1 when the last save failed.
  public func run() -> Int32 {
    let t = runner.state.localizer
    say(view.lines([t("plain.title", ["app": t("wizard.app-name"), "title": t(runner.state.pack.info.title)]), t("plain.intro")], t.language))
    // With nothing saved to pick, the start screen's only sensible choice is a new assessment.
    if runner.state.step == .start, runner.state.overlay == nil, runner.state.savedSessions.isEmpty {
      runner.send(.firstItem)
      runner.send(.activate)
    }
    var (lines, prompt) = view.say(runner.state)
    while !runner.isFinished {
      say(lines)
      write(prompt)
      guard let line = input() else { break }
      atLineStart = true
      // Bytes that are not UTF-8 (a Latin-1 "æ" under LANG=C) arrive as U+FFFD, and a NUL or ESC
      // must never be stored: say so and ask again rather than keep a changed text.
      if line.unicodeScalars.contains("\u{FFFD}") {
        say(view.lines([runner.state.localizer("plain.input.not-utf8")], runner.state.language))
        continue
      }
      if line.unicodeScalars.contains(where: SafeText.isControl) {
        say(view.lines([runner.state.localizer("wizard.message.control-character")], runner.state.language))
        continue
      }
      switch PlainReader.read(line, runner.state) {
      case .help:
        say(view.help(runner.state))
      case .again:
        view.sayAgain()
      case .invalid(let text):
        say(view.lines([runner.state.localizer("plain.invalid", ["input": text])], runner.state.language))
      case .inputs(let inputs):
        for item in inputs {
          switch item {
          case .action(let action): runner.send(action)
          case .type(let text): runner.type(text)
          }
          if runner.isFinished { break }
        }
      }
      (lines, prompt) = view.say(runner.state)
    }
    if !atLineStart { write("\n") }
    return finish()
  }

  /// The last save, where the session is, and how to go on.
  private func finish() -> Int32 {
    let handle = runner.state.handle
    let session = runner.state.session
    runner.finish()
    let t = runner.state.localizer
    guard session != nil, let handle else {
      say(view.lines([t("plain.nothing-created")], t.language))
      return 0
    }
    if let error = runner.state.saveError {
      say(view.lines([t("plain.not-saved", ["reason": t(error)])], t.language))
      return 1
    }
    say(view.lines([t("plain.saved-in", ["file": handle.id]), t("plain.resume-with", ["command": Self.resumeCommand(handle, language: t.language)])], t.language))
    return 0
  }

  private func say(_ lines: [String]) {
    for line in lines { write(line + "\n") }
  }

  /// Every line passes here, so that names and notes with control characters are shown escaped
  /// rather than sent to the terminal (``SafeText``).
  private func write(_ text: String) {
    guard !text.isEmpty else { return }
    output(SafeText.visible(text))
    atLineStart = text.hasSuffix("\n")
  }

  /// The exact command that opens the session again in line mode, the path quoted for a POSIX
  /// shell when it needs it.
  static func resumeCommand(_ handle: SessionHandle, language: Language) -> String {
    let path = handle.id
    let plainChars = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+=:@,")
    // A literal search: the default one takes a quote and a combining mark after it as one
    // character and would leave that quote to end the shell's quoted word.
    let quoted = !path.isEmpty && path.allSatisfy(plainChars.contains) ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''", options: .literal) + "'"
    return "igloo resume \(quoted) --plain --lang \(language.rawValue)"
  }

  /// Standard input, one line at a time; with `echo`, each line is also written to standard
  /// output, so that a transcript of piped input reads like the session at a terminal.
  public static func readStandardInput(echo: Bool) -> Input {
    {
      guard let line = readLine(strippingNewline: true) else { return nil }
      if echo { writeStandardOutput(SafeText.visible(line) + "\n") }
      return line
    }
  }

  /// Writes to standard output at once: prompts end without a line end, and a line-buffered
  /// stream would hold them back until after the answer.
  ///
  /// A standard output that fails (a full disk, a closed descriptor) ends igloo with one line on
  /// standard error and exit code 1: every answer is already saved, and a dialogue nobody can see
  /// must not go on.
  public static func writeStandardOutput(_ text: String) {
    do {
      try StandardOutput.write(text)
    } catch {
      FileHandle.standardError.write(Data("igloo: \(error)\n".utf8))
      exit(1)
    }
  }
}
