import CNcursesw

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Gives the terminal back on fatal signals and crashes, and writes a last emergency save.
///
/// Without it, SIGHUP or a Swift trap (`fatalError`, a failed unwrap, an index out of range: SIGILL
/// or SIGTRAP) leaves the user's shell in raw mode on the alternate screen with no cursor, and
/// ncurses' own SIGINT/SIGTERM handler `_exit()`s without giving anyone a chance to save.
///
/// The handlers (installed with `SA_RESETHAND | SA_NODEFER` for every signal whose default action
/// ends the process: INT, TERM, HUP, USR1, USR2, ALRM, VTALRM, PROF, XCPU, and the crashes QUIT,
/// ILL, TRAP, ABRT, SEGV, BUS, FPE, SYS; PIPE and XFSZ are ignored instead) do, in order:
/// 1. on INT, TERM, HUP, USR1, USR2, ALRM, VTALRM, PROF and XCPU (not a crash): write the bytes given to ``prepareEmergencySave(_:to:)`` to
///    their path, atomically (temp file, fsync, rename), using only async-signal-safe calls;
/// 2. `endwin()`, if a curses screen is active;
/// 3. put the real stderr back and show what was written to it meanwhile (see
///    ``setCursesActive(_:)``), so a crash's "Fatal error: …" line is not lost;
/// 4. put back the previous disposition and re-raise, so that the exit status is the usual one
///    (130, 143, 129, 132 …) and the Swift runtime's crash report still runs.
///
/// ``CursesTerminal`` installs the guard before `newterm` (so ncurses sees a non-default
/// disposition and leaves its own handlers out) and removes it in `stop()`.
public enum TerminalGuard {
  /// Run once at start: a crash signal ends the process at once, by the system's default action.
  ///
  /// The Swift runtime installs its backtracer for these signals, and on a terminal it is
  /// interactive: it waits 30 s for a key ("Press space to interact…") and then lets igloo run on,
  /// hidden, holding the lock and reading keys meant for the shell. With the default action the
  /// process ends right after the guard has given the terminal back (the runtime's own "Fatal
  /// error: …" line is still printed, before the trap). A signal ignored at start stays ignored.
  ///
  /// PIPE and XFSZ are ignored from the start, so that a closed pipe or `ulimit -f` makes a write
  /// fail with an error igloo reports (and the last good file stays), rather than ending igloo.
  public static func endOnCrashSignals() {
    igloo_default_crash_signals()
    igloo_ignore_pipe_and_file_size()
  }

  /// Installs the signal handlers. Idempotent. Signals that were ignored at startup (for example
  /// under `nohup`) stay ignored.
  public static func install() {
    igloo_install_signal_handlers(guardState, iglooSignalHandler)
  }

  /// Puts back the dispositions found by ``install()`` and forgets the emergency save. Idempotent.
  public static func uninstall() {
    igloo_uninstall_signal_handlers(guardState)
    clearEmergencySave()
  }

  /// Hands the signal handler the session bytes to write to `path` if igloo is interrupted by
  /// SIGINT, SIGTERM or SIGHUP. The bytes are copied.
  ///
  /// The session is already saved after every answer, so this is a second line of defence: a
  /// signal that interrupts a regular save still gets these bytes written. Call it *before* each
  /// regular save with the same bytes: a signal arriving between the two then writes the newer
  /// bytes rather than rolling the file back to older ones.
  ///
  /// `temporary` is the file the handler creates (exclusively, never through a link) and renames
  /// over `path`: IglooStore's ``AtomicFile/temporaryPath(for:)``, so that its clean-up of
  /// leftovers recognises one the handler might leave behind.
  ///
  /// `lock` is the session's lock file, which this igloo holds; the handler removes it after the
  /// write, so that the next igloo does not have to take it over as stale.
  public static func prepareEmergencySave(_ bytes: [UInt8], to path: String, temporary: String, lock: String? = nil) {
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
    _ = bytes.withUnsafeBufferPointer { buffer in
      path.withCString { cPath in
        temporary.withCString { cTemporary in
          folder.withCString { cFolder in
            withOptionalCString(lock) { cLock in
              igloo_set_emergency_save(guardState, cPath, cTemporary, cFolder, cLock, buffer.baseAddress, buffer.count)
            }
          }
        }
      }
    }
  }

  /// Forgets the emergency-save bytes, so that a signal after this writes nothing.
  public static func clearEmergencySave() {
    _ = igloo_set_emergency_save(guardState, nil, nil, nil, nil, nil, 0)
  }

  /// Tells the handlers whether a curses screen is active, so they call `endwin()` only then.
  ///
  /// While it is, stderr is captured to an unlinked temporary file, and copied to the real
  /// stderr when the terminal is given back (by ``releaseStderr()``, or by a handler):
  /// otherwise a message printed meanwhile, such as the Swift runtime's "Fatal error: …", would
  /// vanish with the alternate screen.
  static func setCursesActive(_ active: Bool) {
    if active { igloo_capture_stderr(guardState) }
    igloo_set_curses_active(guardState, active ? 1 : 0)
  }

  /// Puts the real stderr back and shows what was written to it while curses was active.
  static func releaseStderr() {
    igloo_release_stderr(guardState)
  }
}

/// The handlers' state, one for the process. Allocated on first use (by ``TerminalGuard``, long
/// before any handler can run) and never freed, so a handler always finds it.
nonisolated(unsafe) private let guardState = igloo_guard_create()!

/// The signal handler: a C-callable function that hands the signal to the shared C code.
/// It touches no Swift runtime machinery beyond reading `guardState`, already initialised.
private let iglooSignalHandler: @convention(c) (Int32) -> Void = { signal in
  igloo_handle_signal(guardState, signal)
}

/// Calls `body` with `text` as a C string, or with NULL when it is nil.
private func withOptionalCString<R>(_ text: String?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
  guard let text else { return body(nil) }
  return text.withCString { body($0) }
}
