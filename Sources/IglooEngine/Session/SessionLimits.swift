/// The limits of a session file: the one definition the reader checks when it opens a file and
/// every writer (the wizard's saves and drafts, line mode, `merge`, a migration, the emergency save)
/// checks before it writes one, so that igloo never writes a session it would then refuse.
///
/// A real session is a few kilobytes; the limits are far above that and only stop a wrong file (or
/// a runaway paste) from being read whole or written at all.
public enum SessionLimits {
  /// The largest session file, in bytes: 10 MiB.
  public static let fileSize = 10 * 1024 * 1024

  /// How deep lists and objects may nest in a session file: 64. igloo writes five levels (an
  /// answer with a note); the limit leaves room for what a hand edit adds and keeps the reader,
  /// which recurses once per level, far from the end of its stack.
  public static let depth = 64

  /// Whether a session file of `byteCount` bytes is within the limits.
  public static func allows(byteCount: Int) -> Bool { byteCount <= fileSize }
}
