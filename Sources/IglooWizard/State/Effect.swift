import IglooEngine

/// Something the state machine asks the runner to do in the world, whose outcome comes back
/// through one of the state's `did…` methods.
public enum Effect: Sendable, Hashable {
  /// Save the session now (after every answer and every edit).
  case save
  /// Write the assessment in `format` to `path`, replacing a file there only with `replacing`
  /// (the user said yes to replacing it).
  case export(ExportFormat, path: String, replacing: Bool = false)
  /// Read the previous round's session at this path (never opening, locking or writing it) for
  /// the Follow-up comparison.
  case readPreviousRound(String)
  /// Open the saved session at this handle.
  case open(SessionHandle)
  /// Store this new session and start editing it.
  case create(Session)
  /// Let go of the session at this handle.
  case close(SessionHandle)
  /// Leave the wizard.
  case quit
}
