#ifndef IGLOO_CNCURSESW_SHIM_H
#define IGLOO_CNCURSESW_SHIM_H
// The wide-character API (get_wch, cchar_t, ...) exists only with this defined before curses.h.
#define NCURSES_WIDECHAR 1
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <curses.h>

// Macros and globals Swift cannot import (or refuses in Swift 6 mode), wrapped as functions.
static inline WINDOW *igloo_stdscr(void) { return stdscr; }
static inline int igloo_lines(void) { return LINES; }
static inline int igloo_cols(void) { return COLS; }
static inline int igloo_colors(void) { return COLORS; }
static inline attr_t igloo_a_normal(void) { return A_NORMAL; }
static inline attr_t igloo_a_bold(void) { return A_BOLD; }
static inline attr_t igloo_a_reverse(void) { return A_REVERSE; }
static inline attr_t igloo_a_dim(void) { return A_DIM; }
static inline attr_t igloo_a_underline(void) { return A_UNDERLINE; }
static inline attr_t igloo_color_pair(short n) { return (attr_t)COLOR_PAIR(n); }
static inline int igloo_key_f(int n) { return KEY_F(n); }
static inline FILE *igloo_stdin(void) { return stdin; }
static inline FILE *igloo_stdout(void) { return stdout; }
static inline const char *igloo_codeset(void) { return nl_langinfo(CODESET); }
static inline int igloo_set_attributes(WINDOW *w, attr_t a) { return wattrset(w, a); }
/// The terminal's real size (TIOCGWINSZ on stdout, else stdin); ioctl is variadic, so Swift
/// cannot call it directly. Returns 0, or -1 when neither is a terminal.
static inline int igloo_terminal_size(int *rows, int *columns) {
  struct winsize size;
  if (ioctl(1, TIOCGWINSZ, &size) != 0 && ioctl(0, TIOCGWINSZ, &size) != 0) return -1;
  *rows = size.ws_row;
  *columns = size.ws_col;
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Terminal restoration on signals.
//
// No state lives in this header: Swift emits a header's static functions *and static variables*
// into every object file that uses them (and, once the optimizer inlines across files, that can
// be several), so a `static` flag here would exist in several copies that disagree. All state is
// in one igloo_guard_state that TerminalGuard allocates once and passes in.
//
// The work done in a signal handler touches only that state, atomics and async-signal-safe calls
// (open, write, fsync, rename, lseek, read, dup2, sigaction, raise), plus endwin(), which is not
// formally async-signal-safe but is what ncurses itself calls from its SIGINT handler, and was
// measured to leave the tty sane.

#define IGLOO_SIGNAL_COUNT 17

/// Session bytes prepared in advance for the emergency save on INT, TERM and HUP.
typedef struct igloo_emergency_save {
  char *path;
  char *temp_path;
  char *folder;
  /// The session's lock file, removed after the write (NULL: none); only set while igloo holds it.
  char *lock_path;
  unsigned char *bytes;
  size_t length;
} igloo_emergency_save;

/// Everything the handlers and TerminalGuard share.
typedef struct igloo_guard_state {
  /// 1 while a curses screen is active, so the handler calls endwin() only when there is one.
  volatile sig_atomic_t curses_active;
  /// Set by a handler as it starts, so the emergency-save setter never frees a buffer in use.
  atomic_int in_handler;
  /// The bytes to write on INT, TERM and HUP, or NULL.
  _Atomic(igloo_emergency_save *) emergency;
  /// Whether the handlers are installed.
  int installed;
  /// The dispositions found at install time, to chain to and to put back.
  struct sigaction previous[IGLOO_SIGNAL_COUNT];
  /// While curses is active: the real stderr (a dup) and the capture file; -1 otherwise.
  int stderr_saved;
  int stderr_capture;
} igloo_guard_state;

static inline int igloo_guard_signal(int index) {
  // Every signal whose default action ends the process, except KILL and STOP (which cannot be
  // caught) and PIPE and XFSZ (ignored: see igloo_ignore_pipe_and_file_size).
  static const int signals[IGLOO_SIGNAL_COUNT] = {
    SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE,
    SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGSYS
  };
  return signals[index];
}

/// Whether `sig` ends igloo from outside (a user, a timer, a limit) rather than from a fault in
/// igloo itself: the session in memory is sound, so it is saved as on TERM.
static inline int igloo_signal_saves(int sig) {
  return sig == SIGINT || sig == SIGTERM || sig == SIGHUP || sig == SIGUSR1 || sig == SIGUSR2 || sig == SIGALRM
    || sig == SIGVTALRM || sig == SIGPROF || sig == SIGXCPU;
}

/// Ignores PIPE and XFSZ, unless something ignored or handled them already: a write to a closed
/// pipe, or past `ulimit -f`, then fails with EPIPE or EFBIG and is reported like any failed
/// write (a full disk), instead of killing igloo with the terminal raw and a partial temp file.
static inline void igloo_ignore_pipe_and_file_size(void) {
  int signals[] = {SIGPIPE, SIGXFSZ};
  for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
    struct sigaction current;
    if (sigaction(signals[i], NULL, &current) != 0) continue;
    if (current.sa_handler != SIG_DFL || (current.sa_flags & SA_SIGINFO)) continue;
    signal(signals[i], SIG_IGN);
  }
}

static inline void igloo_guard_init(igloo_guard_state *state) {
  memset(state, 0, sizeof *state);
  atomic_init(&state->in_handler, 0);
  atomic_init(&state->emergency, NULL);
  state->stderr_saved = -1;
  state->stderr_capture = -1;
}

/// Allocates and initialises the one state (in C, since Swift cannot lay out its atomics).
static inline igloo_guard_state *igloo_guard_create(void) {
  igloo_guard_state *state = malloc(sizeof *state);
  if (state != NULL) igloo_guard_init(state);
  return state;
}

static inline void igloo_emergency_free(igloo_emergency_save *save) {
  if (save == NULL) return;
  free(save->path);
  free(save->temp_path);
  free(save->folder);
  free(save->lock_path);
  free(save->bytes);
  free(save);
}

static inline void igloo_emergency_write_session(igloo_emergency_save *save);

/// Writes the prepared bytes atomically, then lets go of the session's lock, since this process
/// is about to end. Async-signal-safe.
static inline void igloo_emergency_write(igloo_guard_state *state) {
  igloo_emergency_save *save = atomic_load(&state->emergency);
  if (save == NULL) return;
  igloo_emergency_write_session(save);
  if (save->lock_path != NULL) unlink(save->lock_path);
}

/// Writes the prepared bytes atomically (temp, fsync, rename, fsync folder). Async-signal-safe.
static inline void igloo_emergency_write_session(igloo_emergency_save *save) {
  // O_EXCL | O_NOFOLLOW: a file or link someone planted under the name is never written through
  // or reused (the name has a random part besides, so it cannot be known in advance); fchmod
  // undoes the umask.
  int fd = open(save->temp_path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return;
  if (fchmod(fd, 0600) != 0) {
    close(fd);
    unlink(save->temp_path);
    return;
  }
  size_t done = 0;
  while (done < save->length) {
    ssize_t n = write(fd, save->bytes + done, save->length - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      close(fd);
      unlink(save->temp_path);
      return;
    }
    done += (size_t)n;
  }
  if (fsync(fd) != 0) {
    close(fd);
    unlink(save->temp_path);
    return;
  }
  close(fd);
  if (rename(save->temp_path, save->path) != 0) {
    unlink(save->temp_path);
    return;
  }
  // Flush the folder too, so that the rename itself survives a power cut.
  int folder = open(save->folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (folder >= 0) {
    fsync(folder);
    close(folder);
  }
}

/// Replaces the emergency-save bytes (all arguments are copied). `temp_path` must be in the same
/// folder as `path`, which is `folder`; `lock_path` (or NULL) is the lock igloo holds on it. Pass a
/// NULL path to clear. Returns 0, or -1 when memory ran
/// out (the previous bytes then stay in place).
static inline int igloo_set_emergency_save(igloo_guard_state *state, const char *path, const char *temp_path,
                                           const char *folder, const char *lock_path,
                                           const unsigned char *bytes, size_t length) {
  igloo_emergency_save *next = NULL;
  if (path != NULL && temp_path != NULL && folder != NULL) {
    next = calloc(1, sizeof *next);
    if (next == NULL) return -1;
    next->path = strdup(path);
    next->temp_path = strdup(temp_path);
    next->folder = strdup(folder);
    next->lock_path = lock_path != NULL ? strdup(lock_path) : NULL;
    next->bytes = malloc(length > 0 ? length : 1);
    if (next->path == NULL || next->temp_path == NULL || next->folder == NULL || next->bytes == NULL
        || (lock_path != NULL && next->lock_path == NULL)) {
      igloo_emergency_free(next);
      return -1;
    }
    if (length > 0) memcpy(next->bytes, bytes, length);
    next->length = length;
  }
  igloo_emergency_save *previous = atomic_exchange(&state->emergency, next);
  // A handler that started before the exchange may still be reading `previous`; the process is
  // about to die then anyway, so leaking it is the safe choice.
  if (atomic_load(&state->in_handler) == 0) igloo_emergency_free(previous);
  return 0;
}

// While curses is active, stderr goes to an unlinked temporary file instead of the screen: a
// message written then (the Swift runtime's "Fatal error: …", a warning) would land on the
// alternate screen and vanish with it. When the terminal is given back, normally or in a signal
// handler, the captured text is copied to the real stderr, so it is seen after all.

/// Sends stderr to a capture file until igloo_release_stderr. Does nothing if that fails.
static inline void igloo_capture_stderr(igloo_guard_state *state) {
  if (state->stderr_saved >= 0) return;
  const char *folder = getenv("TMPDIR");
  char name[4096];
  if (folder == NULL || folder[0] != '/' || strlen(folder) > sizeof name - 32) folder = "/tmp";
  snprintf(name, sizeof name, "%s/igloo-stderr-XXXXXX", folder);
  int capture = mkstemp(name);
  if (capture < 0) return;
  unlink(name);
  int saved = dup(2);
  if (saved < 0) {
    close(capture);
    return;
  }
  fflush(stderr);
  if (dup2(capture, 2) < 0) {
    close(saved);
    close(capture);
    return;
  }
  state->stderr_capture = capture;
  state->stderr_saved = saved;
}

/// Puts the real stderr back and copies to it what was captured. Async-signal-safe.
static inline void igloo_release_stderr(igloo_guard_state *state) {
  int saved = state->stderr_saved, capture = state->stderr_capture;
  if (saved < 0) return;
  state->stderr_saved = state->stderr_capture = -1;
  dup2(saved, 2);
  close(saved);
  if (lseek(capture, 0, SEEK_SET) == 0) {
    char buffer[4096];
    ssize_t n;
    while ((n = read(capture, buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR)) {
      ssize_t done = 0;
      while (n > 0 && done < n) {
        ssize_t w = write(2, buffer + done, (size_t)(n - done));
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) break;
        done += w;
      }
    }
  }
  close(capture);
}

/// The body of the signal handler (the handler itself is a Swift @convention(c) function that
/// finds the one state and calls this): emergency save on INT, TERM, HUP, USR1, USR2, ALRM,
/// VTALRM, PROF and XCPU (igloo_signal_saves); endwin(); the real
/// stderr back; then the previous disposition (the Swift runtime's crash reporter, or the
/// default action) re-raised, so that the exit status and any backtrace are the usual ones.
/// SA_NODEFER lets the re-raised signal through at once.
static inline void igloo_handle_signal(igloo_guard_state *state, int sig) {
  int saved_errno = errno;
  atomic_store(&state->in_handler, 1);
  if (igloo_signal_saves(sig)) {
    igloo_emergency_write(state);
  } else {
    // A crash (QUIT, SEGV, BUS, ILL, ABRT, TRAP, FPE): the session in memory may be what broke,
    // so nothing is written, but the lock goes, since this process is about to end.
    igloo_emergency_save *save = atomic_load(&state->emergency);
    if (save != NULL && save->lock_path != NULL) unlink(save->lock_path);
  }
  if (state->curses_active) {
    state->curses_active = 0;
    endwin();
  }
  igloo_release_stderr(state);
  int chained = 0;
  for (int i = 0; i < IGLOO_SIGNAL_COUNT; i++) {
    if (igloo_guard_signal(i) == sig) {
      sigaction(sig, &state->previous[i], NULL);
      chained = 1;
    }
  }
  if (!chained) signal(sig, SIG_DFL);
  errno = saved_errno;
  raise(sig);
}

/// Installs `handler` for the signals of igloo_guard_signal with SA_RESETHAND |
/// SA_NODEFER. Call before newterm, so that ncurses sees a non-default disposition and does not
/// install its own (which _exit()s without a save).
static inline void igloo_install_signal_handlers(igloo_guard_state *state, void (*handler)(int)) {
  if (state->installed) return;
  for (int i = 0; i < IGLOO_SIGNAL_COUNT; i++) {
    int sig = igloo_guard_signal(i);
    struct sigaction current;
    sigaction(sig, NULL, &current);
    state->previous[i] = current;
    // A signal that was ignored when we started (nohup, a shell's background job) stays ignored.
    if (current.sa_handler == SIG_IGN && !(current.sa_flags & SA_SIGINFO)) continue;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND | SA_NODEFER;
    sigaction(sig, &action, NULL);
  }
  state->installed = 1;
}

/// Sets the default action for QUIT SEGV BUS ILL ABRT TRAP FPE, replacing the Swift runtime's
/// backtracer (interactive on a terminal), unless the signal was ignored at start.
static inline void igloo_default_crash_signals(void) {
  int signals[] = {SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGTRAP, SIGFPE};
  for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
    struct sigaction current;
    if (sigaction(signals[i], NULL, &current) != 0) continue;
    if (current.sa_handler == SIG_IGN && !(current.sa_flags & SA_SIGINFO)) continue;
    signal(signals[i], SIG_DFL);
  }
}

/// Puts back the dispositions that were there before igloo_install_signal_handlers.
static inline void igloo_uninstall_signal_handlers(igloo_guard_state *state) {
  if (!state->installed) return;
  for (int i = 0; i < IGLOO_SIGNAL_COUNT; i++) sigaction(igloo_guard_signal(i), &state->previous[i], NULL);
  state->installed = 0;
}

static inline void igloo_set_curses_active(igloo_guard_state *state, int active) {
  state->curses_active = active ? 1 : 0;
}

#endif
