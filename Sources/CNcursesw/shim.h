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
#include <unistd.h>
#include <curses.h>

// Static state: the signal state below is `static`, and Swift emits the header's static functions
// and variables into each object file that uses them. So every function touching that state is
// called from one Swift file only (IglooTerminal/TerminalGuard.swift); otherwise different files
// would see different copies.

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

// ---------------------------------------------------------------------------------------------
// Terminal restoration on signals.
//
// The handlers live in C rather than Swift because they run at arbitrary points: they touch only
// sig_atomic_t flags, atomics and async-signal-safe calls (open, write, fsync, rename, sigaction,
// raise), plus endwin(), which is not formally async-signal-safe but is what ncurses itself calls
// from its own SIGINT handler, and was measured to leave the tty sane.

/// 1 while a curses screen is active, so the handler calls endwin() only when there is one.
static volatile sig_atomic_t igloo_curses_active = 0;
/// Set by a handler as it starts, so the emergency-save setter never frees a buffer in use.
static atomic_int igloo_in_handler = 0;

/// Session bytes prepared in advance for the emergency save on INT, TERM and HUP.
typedef struct igloo_emergency_save {
  char *path;
  char *temp_path;
  char *folder;
  unsigned char *bytes;
  size_t length;
} igloo_emergency_save;

static _Atomic(igloo_emergency_save *) igloo_emergency = NULL;

#define IGLOO_SIGNAL_COUNT 10
static const int igloo_signals[IGLOO_SIGNAL_COUNT] = {
  SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE
};
// A function-local static: Swift's clang importer does not emit a file-scope static array.
static inline struct sigaction *igloo_previous_actions(void) {
  static struct sigaction actions[IGLOO_SIGNAL_COUNT];
  return actions;
}
static int igloo_installed = 0;

static inline void igloo_emergency_free(igloo_emergency_save *save) {
  if (save == NULL) return;
  free(save->path);
  free(save->temp_path);
  free(save->folder);
  free(save->bytes);
  free(save);
}

/// Writes the prepared bytes atomically (temp, fsync, rename). Async-signal-safe.
static inline void igloo_emergency_write(void) {
  igloo_emergency_save *save = atomic_load(&igloo_emergency);
  if (save == NULL) return;
  int fd = open(save->temp_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return;
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

// While curses is active, stderr goes to an unlinked temporary file instead of the screen: a
// message written then (the Swift runtime's "Fatal error: …", a warning) would land on the
// alternate screen and vanish with it. When the terminal is given back, normally or in a signal
// handler, the captured text is copied to the real stderr, so it is seen after all.
static inline int *igloo_stderr_fds(void) {
  static int fds[2] = {-1, -1};  // [0]: the real stderr (dup), [1]: the capture file
  return fds;
}

/// Sends stderr to a capture file until igloo_release_stderr. Does nothing if that fails.
static inline void igloo_capture_stderr(void) {
  int *fds = igloo_stderr_fds();
  if (fds[0] >= 0) return;
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
  fds[0] = saved;
  fds[1] = capture;
}

/// Puts the real stderr back and copies to it what was captured. Async-signal-safe.
static inline void igloo_release_stderr(void) {
  int *fds = igloo_stderr_fds();
  int saved = fds[0], capture = fds[1];
  if (saved < 0) return;
  fds[0] = fds[1] = -1;
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

static inline int igloo_signal_index(int sig) {
  for (int i = 0; i < IGLOO_SIGNAL_COUNT; i++)
    if (igloo_signals[i] == sig) return i;
  return -1;
}

static void igloo_signal_handler(int sig) {
  int saved_errno = errno;
  atomic_store(&igloo_in_handler, 1);
  if (sig == SIGINT || sig == SIGTERM || sig == SIGHUP) igloo_emergency_write();
  if (igloo_curses_active) {
    igloo_curses_active = 0;
    endwin();
  }
  igloo_release_stderr();
  // Chain to whatever was there before us (the Swift runtime's crash reporter, or the default
  // action), so the exit status and any backtrace are the usual ones. SA_NODEFER lets the
  // re-raised signal through at once.
  int i = igloo_signal_index(sig);
  if (i >= 0) {
    sigaction(sig, &igloo_previous_actions()[i], NULL);
  } else {
    signal(sig, SIG_DFL);
  }
  errno = saved_errno;
  raise(sig);
}

/// Installs the handlers for INT TERM HUP QUIT ILL TRAP ABRT SEGV BUS FPE. Call before newterm,
/// so that ncurses sees a non-default disposition and does not install its own (which _exit()s).
static inline void igloo_install_signal_handlers(void) {
  if (igloo_installed) return;
  for (int i = 0; i < IGLOO_SIGNAL_COUNT; i++) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = igloo_signal_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND | SA_NODEFER;
    // A signal that was ignored when we started (nohup, a shell's background job) stays ignored.
    struct sigaction current;
    sigaction(igloo_signals[i], NULL, &current);
    igloo_previous_actions()[i] = current;
    if (current.sa_handler == SIG_IGN && !(current.sa_flags & SA_SIGINFO)) continue;
    sigaction(igloo_signals[i], &action, NULL);
  }
  igloo_installed = 1;
}

/// Puts back the dispositions that were there before igloo_install_signal_handlers.
static inline void igloo_uninstall_signal_handlers(void) {
  if (!igloo_installed) return;
  for (int i = 0; i < IGLOO_SIGNAL_COUNT; i++) sigaction(igloo_signals[i], &igloo_previous_actions()[i], NULL);
  igloo_installed = 0;
}

static inline void igloo_set_curses_active(int active) { igloo_curses_active = active ? 1 : 0; }

/// Replaces the emergency-save bytes (all arguments are copied). `temp_path` must be in the same
/// folder as `path`, which is `folder`. Pass a NULL path to clear. Returns 0, or -1 when memory ran
/// out (the previous bytes then stay in place).
static inline int igloo_set_emergency_save(const char *path, const char *temp_path, const char *folder,
                                           const unsigned char *bytes, size_t length) {
  igloo_emergency_save *next = NULL;
  if (path != NULL && temp_path != NULL && folder != NULL) {
    next = calloc(1, sizeof *next);
    if (next == NULL) return -1;
    next->path = strdup(path);
    next->temp_path = strdup(temp_path);
    next->folder = strdup(folder);
    next->bytes = malloc(length > 0 ? length : 1);
    if (next->path == NULL || next->temp_path == NULL || next->folder == NULL || next->bytes == NULL) {
      igloo_emergency_free(next);
      return -1;
    }
    if (length > 0) memcpy(next->bytes, bytes, length);
    next->length = length;
  }
  igloo_emergency_save *previous = atomic_exchange(&igloo_emergency, next);
  // A handler that started before the exchange may still be reading `previous`; the process is
  // about to die then anyway, so leaking it is the safe choice.
  if (atomic_load(&igloo_in_handler) == 0) igloo_emergency_free(previous);
  return 0;
}

#endif
