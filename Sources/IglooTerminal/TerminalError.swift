/// Why the wizard cannot run on this terminal, worded for the person at the keyboard.
///
/// These are detected before any curses call, so nothing has been drawn and the terminal is
/// untouched when the CLI prints `description` and exits non-zero.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
  /// Standard input is not a terminal (a pipe, a file, /dev/null).
  case stdinNotATerminal
  /// Standard output is not a terminal (redirected to a file or a pipe).
  case stdoutNotATerminal
  /// `TERM` is unset or empty.
  case termNotSet
  /// `TERM=dumb`: the terminal cannot position the cursor, so a full-screen wizard is impossible.
  case termDumb
  /// ncurses does not know this terminal type (no terminfo entry).
  case unknownTerminal(String)

  /// One line, starting with "igloo needs an interactive terminal" so that scripts and people
  /// recognise the situation, followed by a hint for what to do instead.
  public var description: String {
    let hint = "for a headless report, use `igloo report FILE`"
    switch self {
    case .stdinNotATerminal:
      return "igloo needs an interactive terminal (standard input is not a terminal); \(hint)"
    case .stdoutNotATerminal:
      return "igloo needs an interactive terminal (standard output is not a terminal); \(hint)"
    case .termNotSet:
      return "igloo needs an interactive terminal (TERM is not set); \(hint)"
    case .termDumb:
      return "igloo needs an interactive terminal (TERM=dumb cannot show the wizard); \(hint)"
    case .unknownTerminal(let name):
      return "igloo needs an interactive terminal (unknown terminal type TERM=\(name); "
        + "try TERM=xterm-256color)"
    }
  }
}
