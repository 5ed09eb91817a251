/* SPDX-License-Identifier: Apache-2.0 */
/* The terminal layer of the walk: curses setup and the one idempotent restore, signal flags, the
 * crash handler, colours (or none: NO_COLOR, monochrome, vt100), reading keys through the key
 * table, and drawing the frame (bars, breadcrumb, message line) and documents. The only files
 * that include curses are ui.c and keys.c; screens build documents (doc.h) and return intents. */
#ifndef PATHWALK_UI_H
#define PATHWALK_UI_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"
#include "keys.h"
#include "wrap.h"

/* One input event. ch is the character typed (also for bound printable keys, so a field that is
 * taking text can use it); row/col for UI_MOUSE (wheel: UI_PAGE_UP/UI_PAGE_DOWN). */
struct ui_event {
	enum ui_action action;
	long ch;
	int row, col;
};

/* Installs flag-setting handlers for every signal whose default ends the process (SIGINT, SIGTERM,
 * SIGHUP, SIGQUIT, SIGPIPE, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGPOLL,
 * SIGPWR), and the crash handler for SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP and SIGSYS
 * (restore the terminal, then re-raise with the default action). Call before ui_open and again
 * after it: ncurses installs its own SIGINT/SIGTERM handlers. */
void ui_install_signals(void);

/* True when stdin and stdout are terminals (the curses walk can run). */
bool ui_usable(void);

/* ui_open's result when the terminal has no cursor addressing (TERM=dumb): the plain walk fits. */
#define UI_OPEN_NO_CURSOR (-2)

/* Starts curses on the controlling terminal (stdin/stdout). Returns 0; -1 with *error set (caller
 * frees) when the terminal cannot be used; UI_OPEN_NO_CURSOR with *error set when it cannot
 * move the cursor (nothing is left changed on it). */
int ui_open(char **error);

/* Restores the terminal; safe to call any number of times and from every exit path. */
void ui_close(void);

/* The pending terminating signal's number (any of those above but SIGINT; 0 when none). */
int ui_termination_signal(void);

/* The name journaled as the reason of an interruption by sig: "SIGTERM", "SIGQUIT", ... */
const char *ui_signal_name(int sig);

/* 128+N when terminating signal N is pending, else status: a session that ends for another reason
 * while a signal is pending (the full-disk screen) still exits as the signal says. */
int ui_exit_status(int status);

/* True once per SIGINT received since the last call. */
bool ui_take_interrupt(void);

/* Waits in the kernel (no timeout) for a key or a signal; UI_NONE when a signal ended the wait,
 * so the caller checks the signal flags (ui_termination_signal, ui_take_interrupt). */
struct ui_event ui_read(void);

/* As ui_read, also waking when fd (any descriptor; -1: none) is readable: then *ready is set and
 * the event is UI_NONE unless a key came too. */
struct ui_event ui_read_or(int fd, bool *ready);

/* Sleeps in the kernel (no timeout) until standard input (when input) or fd (-1: none) is
 * readable or a signal arrives, with the signals of ui_install_signals taken only inside the wait. Returns
 * UI_WAIT_INPUT | UI_WAIT_FD for what is readable, 0 for a signal (check the flags). Without
 * curses too (the plain faces). */
#define UI_WAIT_INPUT 1
#define UI_WAIT_FD 2
int ui_wait(bool input, int fd);

/* The terminal size now. */
void ui_size(int *rows, int *cols);

/* True when the locale's character set is UTF-8 (glyphs and wide text). */
bool ui_utf8(void);

/* What the frame around a screen shows. Strings are borrowed. */
struct ui_frame {
	const char *title;             /* the pathway's title */
	const char *const *stages;     /* stage labels, breadcrumb order */
	size_t nstages;
	int current_stage;             /* -1: none (help) */
	unsigned long long visited;    /* bit per stage */
	const char *hints;             /* key hints, left of the bottom bar */
	const char *node_id;           /* dimmed at the right end of the bottom bar */
	const char *pane_title;        /* heading of the evidence pane */
	const char *message;           /* message line; NULL for none */
	bool message_error;
};

/* Draws the frame and the documents for layout l; *body_top and *pane_top are the scroll positions
 * (clamped here). Only windows whose content changed are sent to the terminal (doupdate). */
void ui_draw(const struct layout *l, const struct ui_frame *f, const struct ui_doc *body, size_t *body_top,
	     const struct ui_doc *pane, size_t *pane_top);

/* Replaces everything with the "terminal too small" notice; prompt (may be NULL) is shown under
 * it (the quit question can be asked at any size). */
void ui_draw_too_small(int rows, int cols, const char *prompt);

/* For a page without a pane (a form, a menu): computes *l for the terminal now and starts an
 * empty body document of the content's width. When the terminal is too small, draws the notice
 * and returns false (body is then not initialised). */
bool ui_begin_page(struct layout *l, struct ui_doc *body);

/* Makes the next ui_draw repaint the whole terminal (Ctrl-L, resize). */
void ui_invalidate(void);

#endif
