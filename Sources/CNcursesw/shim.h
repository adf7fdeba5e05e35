#ifndef IGLOO_CNCURSESW_SHIM_H
#define IGLOO_CNCURSESW_SHIM_H
// The wide-character API (get_wch, cchar_t, ...) exists only with this defined before curses.h.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <signal.h>
#include <curses.h>

// Macros and globals Swift cannot import, wrapped as functions.
static inline WINDOW *igloo_stdscr(void) { return stdscr; }
static inline int igloo_lines(void) { return LINES; }
static inline int igloo_cols(void) { return COLS; }
static inline attr_t igloo_a_bold(void) { return A_BOLD; }
static inline attr_t igloo_a_reverse(void) { return A_REVERSE; }
static inline attr_t igloo_a_dim(void) { return A_DIM; }
static inline attr_t igloo_a_underline(void) { return A_UNDERLINE; }
static inline int igloo_key_f(int n) { return KEY_F(n); }
#endif
