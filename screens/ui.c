/* SPDX-License-Identifier: Apache-2.0 */
/* The terminal layer: curses, signals, colours, the frame and drawing documents. */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1 /* ppoll */
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include "ui.h"

#include <curses.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "safeout.h"
#include "strbuf.h"
#include "xalloc.h"
#include "ascii.h"

/* The terminal layer's state is global on purpose: signal handlers must reach it. */
static volatile sig_atomic_t interrupt_flag, termination_signal;
static volatile sig_atomic_t curses_active;
static SCREEN *term_screen;
static bool utf8_locale;
static attr_t style_attr[ST_COUNT];

static struct {
	WINDOW *top, *body, *pane, *msg, *bottom;
	struct layout made_for;
	bool valid;
	char *top_key, *msg_key, *bottom_key; /* what each bar shows now: skip redrawing it unchanged */
} win;

static void on_flag_signal(int sig)
{
	if (sig == SIGINT)
		interrupt_flag = 1;
	else
		termination_signal = sig;
}

/* htop's way: put the terminal back so the shell is usable, then die the way we would have (core
 * dump included). endwin() is not async-signal-safe, but the process is going down anyway. */
static void on_crash(int sig)
{
	if (curses_active) {
		curses_active = 0;
		endwin();
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Every signal whose default action ends the process, apart from the crashes: each is a flag that
 * the walk sees, journals by name and exits with 128+N for. SIGINT is the first (it means quit). */
static const struct {
	int sig;
	const char *name;
} ending[] = {
	{ SIGINT, "SIGINT" },	   { SIGTERM, "SIGTERM" }, { SIGHUP, "SIGHUP" },	   { SIGQUIT, "SIGQUIT" },
	{ SIGPIPE, "SIGPIPE" },	   { SIGUSR1, "SIGUSR1" }, { SIGUSR2, "SIGUSR2" },	   { SIGALRM, "SIGALRM" },
	{ SIGXCPU, "SIGXCPU" },	   { SIGXFSZ, "SIGXFSZ" }, { SIGVTALRM, "SIGVTALRM" }, { SIGPROF, "SIGPROF" },
	{ SIGPOLL, "SIGPOLL" },
#ifdef SIGPWR
	{ SIGPWR, "SIGPWR" },
#endif
#ifdef SIGSTKFLT
	{ SIGSTKFLT, "SIGSTKFLT" },
#endif
};

void ui_install_signals(void)
{
	struct sigaction sa;
	static const int crash[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP, SIGSYS };

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_flag_signal; /* no SA_RESTART: a blocking read returns and sees the flag */
	for (size_t i = 0; i < sizeof(ending) / sizeof(ending[0]); i++)
		sigaction(ending[i].sig, &sa, NULL);
	sa.sa_handler = on_crash;
	sa.sa_flags = SA_RESETHAND;
	for (size_t i = 0; i < sizeof(crash) / sizeof(crash[0]); i++)
		sigaction(crash[i], &sa, NULL);
}

int ui_termination_signal(void)
{
	return termination_signal;
}

const char *ui_signal_name(int sig)
{
	for (size_t i = 0; i < sizeof(ending) / sizeof(ending[0]); i++)
		if (ending[i].sig == sig)
			return ending[i].name;
	return "signal";
}

int ui_exit_status(int status)
{
	return termination_signal ? 128 + termination_signal : status;
}

bool ui_take_interrupt(void)
{
	if (!interrupt_flag)
		return false;
	interrupt_flag = 0;
	return true;
}

bool ui_utf8(void)
{
	return utf8_locale;
}

static void setup_styles(void)
{
	const char *no_color = getenv("NO_COLOR");
	bool colour = has_colors() && !(no_color && no_color[0]);

	style_attr[ST_NORMAL] = A_NORMAL;
	style_attr[ST_HEADING] = A_BOLD;
	style_attr[ST_DIM] = A_DIM;
	style_attr[ST_FOCUS] = A_REVERSE;
	style_attr[ST_CHOSEN] = A_BOLD;
	style_attr[ST_WARNING] = A_BOLD | A_REVERSE;
	style_attr[ST_CAUTION] = A_REVERSE;
	style_attr[ST_ADVICE] = A_BOLD;
	style_attr[ST_OK] = A_NORMAL;
	style_attr[ST_FAIL] = A_NORMAL;
	style_attr[ST_RECOMMENDED] = A_BOLD | A_UNDERLINE; /* stands out without colour (NO_COLOR) */
	style_attr[ST_FIELD] = A_UNDERLINE;
	style_attr[ST_ERROR] = A_BOLD | A_REVERSE;
	style_attr[ST_BAR] = A_REVERSE;
	style_attr[ST_CRUMB_NOW] = A_REVERSE | A_BOLD;
	style_attr[ST_CRUMB_DONE] = A_BOLD;
	if (!colour)
		return;
	start_color();
	use_default_colors();
	init_pair(1, COLOR_WHITE, COLOR_BLUE);
	init_pair(2, COLOR_WHITE, COLOR_RED);
	init_pair(3, COLOR_GREEN, -1);
	init_pair(4, COLOR_RED, -1);
	init_pair(5, COLOR_BLACK, COLOR_CYAN);
	init_pair(6, COLOR_CYAN, -1);
	init_pair(7, COLOR_BLACK, COLOR_YELLOW); /* a background of its own: readable on light and dark */
	style_attr[ST_BAR] = COLOR_PAIR(1);
	style_attr[ST_WARNING] = COLOR_PAIR(2) | A_BOLD;
	style_attr[ST_CAUTION] = COLOR_PAIR(7);
	style_attr[ST_OK] = COLOR_PAIR(3);
	style_attr[ST_FAIL] = COLOR_PAIR(4);
	style_attr[ST_RECOMMENDED] = COLOR_PAIR(3) | A_BOLD | A_UNDERLINE;
	style_attr[ST_ERROR] = COLOR_PAIR(4) | A_BOLD;
	style_attr[ST_CRUMB_NOW] = COLOR_PAIR(5) | A_BOLD;
	style_attr[ST_CRUMB_DONE] = COLOR_PAIR(6);
	/* ST_CHOSEN stays bold in the terminal's own colour: yellow was unreadable on white. */
}

bool ui_usable(void)
{
	return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
}

int ui_open(char **error)
{
	const char *codeset, *cup;

	*error = NULL;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		*error = xstrdup("the walk needs a terminal; use --plain for line-by-line prompts");
		return -1;
	}
	codeset = nl_langinfo(CODESET);
	utf8_locale = codeset && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
	doc_set_utf8(utf8_locale);
	if (!getenv("ESCDELAY"))
		set_escdelay(100);
	/* newterm, not initscr: initscr exits the process on an unusable TERM. Curses writes its own
	 * control sequences, so it gets the unfiltered stdout. */
	term_screen = newterm(NULL, safeout_terminal(), stdin);
	if (!term_screen) {
		const char *term = getenv("TERM");

		*error = xasprintf("cannot use the terminal (TERM=%s); use --plain", term ? term : "");
		return -1;
	}
	set_term(term_screen);
	cup = tigetstr("cup");
	if (!cup || cup == (char *)-1) { /* TERM=dumb, a printing terminal: no full screen to draw */
		const char *term = getenv("TERM");

		*error = xasprintf("the terminal (TERM=%s) cannot move the cursor", term ? term : "");
		endwin();
		delscreen(term_screen);
		term_screen = NULL;
		return UI_OPEN_NO_CURSOR;
	}
	curses_active = 1;
	cbreak(); /* not raw(): Ctrl-Z suspends (ncurses handles SIGTSTP) and Ctrl-C is our SIGINT */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE); /* ui_read sleeps in ppoll, not in a curses timeout */
	curs_set(0);
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	setup_styles();
	ui_install_signals();
	memset(&win, 0, sizeof(win));
	return 0;
}

static void free_windows(void)
{
	WINDOW **all[] = { &win.top, &win.body, &win.pane, &win.msg, &win.bottom };

	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		if (*all[i]) {
			delwin(*all[i]);
			*all[i] = NULL;
		}
	win.valid = false;
}

static void forget_bars(void)
{
	free(win.top_key);
	free(win.msg_key);
	free(win.bottom_key);
	win.top_key = win.msg_key = win.bottom_key = NULL;
}

void ui_close(void)
{
	if (!curses_active)
		return;
	curses_active = 0;
	free_windows();
	forget_bars();
	mousemask(0, NULL);
	endwin();
	delscreen(term_screen);
	term_screen = NULL;
}

void ui_size(int *rows, int *cols)
{
	getmaxyx(stdscr, *rows, *cols);
}

void ui_invalidate(void)
{
	forget_bars();
	win.valid = false;
	clearok(curscr, TRUE);
}

/* The signals whose handlers only set a flag (ending[]) are blocked except inside the wait, so one
 * that arrives between checking the flags and sleeping still wakes the sleep (ppoll restores the
 * mask atomically). SIGWINCH is ncurses' own; it wakes the wait so the resize is read at once. */
static bool flags_pending(void)
{
	return interrupt_flag || termination_signal;
}

int ui_wait(bool input, int fd)
{
	struct pollfd pfd[2] = { { .fd = input ? STDIN_FILENO : -1, .events = POLLIN }, { .fd = fd, .events = POLLIN } };
	sigset_t block, old;
	int r;

	sigemptyset(&block);
	for (size_t i = 0; i < sizeof(ending) / sizeof(ending[0]); i++)
		sigaddset(&block, ending[i].sig);
	sigaddset(&block, SIGWINCH);
	sigprocmask(SIG_BLOCK, &block, &old);
	r = flags_pending() ? 0 : ppoll(pfd, fd >= 0 ? 2 : 1, NULL, &old);
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (r <= 0)
		return 0;
	return (input && pfd[0].revents ? UI_WAIT_INPUT : 0) | (fd >= 0 && pfd[1].revents ? UI_WAIT_FD : 0);
}

static struct ui_event translate(int kind, wint_t ch)
{
	struct ui_event ev = { UI_NONE, 0, 0, 0 };

	if (kind == KEY_CODE_YES) {
		if (ch == KEY_MOUSE) {
			MEVENT m;

			if (getmouse(&m) != OK)
				return ev;
			if (m.bstate & BUTTON4_PRESSED)
				ev.action = UI_PAGE_UP;
			else if (m.bstate & BUTTON5_PRESSED)
				ev.action = UI_PAGE_DOWN;
			else if (m.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) {
				ev.action = UI_MOUSE;
				ev.row = m.y;
				ev.col = m.x;
			}
			return ev;
		}
		ev.action = keys_lookup_key((int)ch);
		return ev;
	}
	ev.action = keys_lookup_char((long)ch);
	if (ch >= ' ' && ch != 127)
		ev.ch = (long)ch;
	return ev;
}

struct ui_event ui_read(void)
{
	bool ready;

	return ui_read_or(-1, &ready);
}

struct ui_event ui_read_or(int fd, bool *ready)
{
	wint_t ch;
	int kind = wget_wch(stdscr, &ch), woke; /* nodelay: what ncurses has buffered comes first */

	*ready = false;
	if (kind == ERR) {
		woke = ui_wait(true, fd);
		*ready = (woke & UI_WAIT_FD) != 0;
		if (*ready && !(woke & UI_WAIT_INPUT))
			return (struct ui_event){ UI_NONE, 0, 0, 0 };
		if (!(woke & UI_WAIT_INPUT) && flags_pending())
			return (struct ui_event){ UI_NONE, 0, 0, 0 };
		kind = wget_wch(stdscr, &ch); /* input, or the KEY_RESIZE of a SIGWINCH */
		if (kind == ERR)
			return (struct ui_event){ UI_NONE, 0, 0, 0 };
	}
	return translate(kind, ch);
}

/* Draws bytes of text that fit in width columns from the cursor; returns the columns used. Every
 * byte passes the output filter first, so no text can become a control sequence; without UTF-8
 * the text is transliterated to ASCII (curses would show a byte above 0x7f as M-b~@~T). */
static size_t put_clipped(WINDOW *w, const char *text, size_t len, size_t width, attr_t attr)
{
	struct strbuf safe = STRBUF_INIT;
	size_t used, n;

	safeout_filter(&safe, text, len, true);
	if (!utf8_locale) {
		char *ascii = ascii_transliterate(sb_str(&safe));

		sb_reset(&safe);
		sb_append(&safe, ascii);
		free(ascii);
	}
	n = wrap_fit(sb_str(&safe), safe.len, width, &used);
	wattrset(w, attr);
	if (n > 0)
		waddnstr(w, sb_str(&safe), (int)n);
	wattrset(w, A_NORMAL);
	sb_free(&safe);
	return used;
}

static void fill(WINDOW *w, size_t cols, attr_t attr)
{
	wattrset(w, attr);
	for (size_t i = 0; i < cols; i++)
		waddch(w, ' ');
	wattrset(w, A_NORMAL);
}

static bool same_key(char **slot, char *key)
{
	if (*slot && strcmp(*slot, key) == 0) {
		free(key);
		return true;
	}
	free(*slot);
	*slot = key;
	return false;
}

static void make_windows(const struct layout *l)
{
	free_windows();
	forget_bars();
	werase(stdscr);
	wnoutrefresh(stdscr);
	win.top = newwin(2, l->cols, l->top_row, 0);
	win.body = newwin(l->body_rows, l->cols, l->body_row, 0);
	if (l->pane_rows > 0)
		win.pane = newwin(l->pane_rows, l->cols, l->pane_row, 0);
	win.msg = newwin(1, l->cols, l->message_row, 0);
	win.bottom = newwin(1, l->cols, l->bottom_row, 0);
	win.made_for = *l;
	win.valid = true;
}

/* Draws label in exactly width columns: whole, or cut with an ellipsis. */
static void put_label(WINDOW *w, const char *label, size_t width, attr_t attr)
{
	const char *dots = doc_glyph(GL_ELLIPSIS);
	size_t len = strlen(label), dotw = wrap_width(dots, strlen(dots)), used;

	if (wrap_width(label, len) <= width) {
		used = put_clipped(w, label, len, width, attr);
	} else {
		size_t cut = wrap_fit(label, len, width > dotw ? width - dotw : 0, NULL);

		while (cut > 0 && label[cut - 1] == ' ')
			cut--; /* "Sacroiliac…", not "Sacroiliac …" */
		used = put_clipped(w, label, cut, width > dotw ? width - dotw : 0, attr);
		used += put_clipped(w, dots, strlen(dots), width - used, attr);
	}
	for (; used < width; used++)
		put_clipped(w, " ", 1, 1, attr);
}

/* The breadcrumb: every stage, each with a mark (visited, current, not yet) so they differ
 * without colour, its label whole or shortened with an ellipsis. The widths depend only on the
 * labels and the terminal, never on the stage reached, so they do not jump between screens.
 * When even short labels do not fit, "Stage 3 of 7: Label" instead. */
static void draw_breadcrumb(WINDOW *w, const struct ui_frame *f, int cols)
{
	enum { MIN_LABEL = 5 };
	size_t avail = cols > 2 ? (size_t)cols - 2 : 1, n = f->nstages < 64 ? f->nstages : 64, cap = 0, total, extra;
	const char *sep = doc_glyph(GL_SEP), *done = ui_utf8() ? "\u2713" : "+", *now = doc_glyph(GL_POINTER);
	size_t sepw = wrap_width(sep, strlen(sep)) + 2, fixed = n + (n > 0 ? n - 1 : 0) * sepw, width[64], short_by[64];

	for (size_t i = 0; i < n; i++) {
		width[i] = wrap_width(f->stages[i], strlen(f->stages[i]));
		cap = width[i] > cap ? width[i] : cap;
	}
	for (;; cap--) {
		total = fixed;
		for (size_t i = 0; i < n; i++)
			total += width[i] < cap ? width[i] : cap;
		if (total <= avail || cap <= MIN_LABEL)
			break;
	}
	wmove(w, 1, 1);
	if (total > avail) {
		if (f->current_stage >= 0 && (size_t)f->current_stage < n) {
			char *plain = xasprintf("Stage %d of %zu: %s", f->current_stage + 1, n, f->stages[f->current_stage]);

			put_clipped(w, plain, strlen(plain), avail, style_attr[ST_CRUMB_NOW]);
			free(plain);
		}
		return;
	}
	/* Spare columns make shortened labels whole, the nearest to whole first. */
	extra = avail - total;
	for (size_t i = 0; i < n; i++)
		short_by[i] = width[i] > cap ? width[i] - cap : 0;
	for (;;) {
		size_t best = n;

		for (size_t i = 0; i < n; i++)
			if (short_by[i] > 0 && short_by[i] <= extra && (best == n || short_by[i] < short_by[best]))
				best = i;
		if (best == n)
			break;
		extra -= short_by[best];
		short_by[best] = 0;
	}
	for (size_t i = 0; i < n; i++)
		width[i] = short_by[i] ? cap : width[i];
	for (size_t i = 0; i < n; i++) {
		bool here = (int)i == f->current_stage, visited = f->visited >> i & 1;
		attr_t attr = here ? style_attr[ST_CRUMB_NOW] : visited ? style_attr[ST_CRUMB_DONE] : style_attr[ST_DIM];
		const char *mark = here ? now : visited ? done : " ";

		if (i) {
			waddch(w, ' ');
			put_clipped(w, sep, strlen(sep), 3, style_attr[ST_DIM]);
			waddch(w, ' ');
		}
		put_clipped(w, mark, strlen(mark), 1, attr);
		put_label(w, f->stages[i], width[i], attr);
	}
}

/* The title bar's text in width columns. What does not fit is shortened with an ellipsis, from
 * the pathway's title: a "  [case ID]" tag after it stays whole while it fits. */
static void draw_title(const char *title, size_t width)
{
	const char *tag = strstr(title, "  [");
	size_t tagw = tag ? wrap_width(tag, strlen(tag)) : 0;
	attr_t attr = style_attr[ST_BAR] | A_BOLD;
	char *head;

	if (wrap_width(title, strlen(title)) <= width || !tag || tagw + 8 > width) {
		put_label(win.top, title, width, attr);
		return;
	}
	head = xstrndup(title, (size_t)(tag - title));
	put_label(win.top, head, width - tagw, attr);
	put_clipped(win.top, tag, strlen(tag), tagw, attr);
	free(head);
}

static void draw_top(const struct layout *l, const struct ui_frame *f)
{
	char *key = xasprintf("%s\x1f%d\x1f%llx\x1f%d", f->title, f->current_stage, f->visited, l->cols);

	if (same_key(&win.top_key, key))
		return;
	werase(win.top);
	wmove(win.top, 0, 0);
	fill(win.top, (size_t)l->cols, style_attr[ST_BAR] | A_BOLD);
	wmove(win.top, 0, 1);
	draw_title(f->title, (size_t)l->cols - 2);
	if (f->nstages > 0)
		draw_breadcrumb(win.top, f, l->cols);
	wnoutrefresh(win.top);
}

/* The hints that fit in room columns, whole items only ("q:qu" helps nobody). When some must go,
 * they go from the middle: the first items (?:help, Enter's meaning) and the last (q:quit) stay.
 * Caller frees. */
static char *fit_hints(const char *hints, size_t room)
{
	size_t len = strlen(hints), lastw;
	const char *last = NULL;

	if (wrap_width(hints, len) <= room)
		return xstrdup(hints);
	for (const char *p = strstr(hints, "  "); p; p = strstr(p + 2, "  "))
		last = p + 2;
	while (last && *last == ' ')
		last++;
	lastw = last ? wrap_width(last, strlen(last)) : 0;
	if (last && lastw + 2 < room) {
		size_t head = wrap_fit_items(hints, (size_t)(last - hints), room - lastw - 2);

		while (head > 0 && hints[head - 1] == ' ')
			head--;
		if (head > 0)
			return xasprintf("%.*s  %s", (int)head, hints, last);
	}
	return xstrndup(hints, wrap_fit_items(hints, len, room));
}

/* The bottom bar: key hints first; the node id (also in the pane and the help) only where the
 * hints leave room for it. */
static void draw_bottom(const struct layout *l, const struct ui_frame *f)
{
	const char *id = f->node_id ? f->node_id : "", *hints = f->hints ? f->hints : "";
	char *key = xasprintf("%s\x1f%s\x1f%d", hints, id, l->cols), *shown;
	size_t idw = wrap_width(id, strlen(id)), cols = (size_t)l->cols, hintw = wrap_width(hints, strlen(hints));

	if (same_key(&win.bottom_key, key))
		return;
	werase(win.bottom);
	wmove(win.bottom, 0, 0);
	fill(win.bottom, cols - 1, style_attr[ST_BAR]); /* the last cell would scroll some terminals */
	shown = fit_hints(hints, cols > 3 ? cols - 3 : 0);
	wmove(win.bottom, 0, 1);
	put_clipped(win.bottom, shown, strlen(shown), cols > 3 ? cols - 3 : 0, style_attr[ST_BAR]);
	free(shown);
	if (idw > 0 && hintw + idw + 5 <= cols) {
		wmove(win.bottom, 0, (int)(cols - idw - 2));
		put_clipped(win.bottom, id, strlen(id), idw, style_attr[ST_BAR] | A_DIM);
	}
	wnoutrefresh(win.bottom);
}

/* text shortened to width columns at a word boundary, with an ellipsis when words were dropped:
 * a message is never cut mid-word. Caller frees. */
static char *shorten_at_word(const char *text, size_t width)
{
	const char *dots = doc_glyph(GL_ELLIPSIS);
	size_t dotw = wrap_width(dots, strlen(dots));
	struct wrap_lines w = { 0 };
	char *out;

	if (wrap_width(text, strlen(text)) <= width)
		return xstrdup(text);
	wrap_text(text, width > dotw + 1 ? width - dotw - 1 : 1, &w);
	out = xasprintf("%.*s %s", (int)(w.count ? w.lines[0].len : 0), text + (w.count ? w.lines[0].start : 0), dots);
	wrap_lines_free(&w);
	return out;
}

/* The message line: the message first (the "more" mark gives way to it), shortened at a word. */
static void draw_message(const struct layout *l, const struct ui_frame *f, const char *more)
{
	char *key = xasprintf("%s\x1f%d\x1f%s\x1f%d", f->message ? f->message : "", f->message_error, more, l->cols);
	const char *msg = f->message ? f->message : "";
	size_t cols = (size_t)l->cols, morew = wrap_width(more, strlen(more)), msgw = wrap_width(msg, strlen(msg));

	if (same_key(&win.msg_key, key))
		return;
	if (msgw > 0 && msgw + morew + 3 > cols) {
		more = "";
		morew = 0;
	}
	werase(win.msg);
	if (msgw > 0) {
		char *shown = shorten_at_word(msg, cols > morew + 3 ? cols - morew - 3 : 1);

		wmove(win.msg, 0, 1);
		put_clipped(win.msg, shown, strlen(shown), cols > morew + 2 ? cols - morew - 2 : 1,
			    f->message_error ? style_attr[ST_ERROR] : style_attr[ST_HEADING]);
		free(shown);
	}
	if (more[0] && morew + 1 < cols) {
		wmove(win.msg, 0, (int)(cols - morew - 1));
		put_clipped(win.msg, more, strlen(more), morew, style_attr[ST_DIM]);
	}
	wnoutrefresh(win.msg);
}

/* Draws line i of d from the cursor in width columns: the prefix and the text in their styles, a
 * search match in reverse video (the reverse of its style, so it shows on a reversed line too) and
 * the current match bold and underlined as well. Returns the columns used. */
static size_t draw_line(WINDOW *w, const struct ui_doc *d, size_t i, size_t width)
{
	const struct doc_line *ln = &d->lines[i];
	size_t len = strlen(ln->text), used = 0, pos = 0;

	while (pos < len) {
		size_t end = pos < ln->split ? ln->split : len;
		attr_t attr = style_attr[pos < ln->split ? ln->prefix_style : ln->style];

		for (size_t k = 0; k < d->nmarks; k++) {
			const struct doc_mark *m = &d->marks[k];

			if (m->line != i || m->end <= pos)
				continue;
			if (m->start > pos) {
				end = m->start < end ? m->start : end;
				continue;
			}
			end = m->end < end ? m->end : end;
			attr = (attr ^ A_REVERSE) | (m->current ? A_BOLD | A_UNDERLINE : 0);
		}
		used += put_clipped(w, ln->text + pos, end - pos, width - used, attr);
		pos = end;
	}
	return used;
}

static void draw_doc(WINDOW *w, int first_row, int rows, int cols, int margin, const struct ui_doc *d, size_t top)
{
	size_t width = cols > 2 * margin ? (size_t)(cols - 2 * margin) : 1;

	for (int r = 0; r < rows && top + (size_t)r < d->count; r++) {
		const struct doc_line *ln = &d->lines[top + (size_t)r];
		size_t used;

		wmove(w, first_row + r, margin);
		used = draw_line(w, d, top + (size_t)r, width);
		if (ln->style == ST_FOCUS && used < width)
			fill(w, width - used, style_attr[ST_FOCUS]);
	}
}

/* The terminal's cursor goes where typed text goes (as dialog does), and is hidden otherwise. The
 * window refreshed last decides where doupdate leaves it. */
static void place_cursor(const struct layout *l, const struct ui_doc *body, size_t top)
{
	if (!body->has_cursor || body->cursor_line < top || body->cursor_line >= top + (size_t)l->body_rows) {
		curs_set(0);
		return;
	}
	wmove(win.body, (int)(body->cursor_line - top), l->margin + (int)body->cursor_col);
	wnoutrefresh(win.body);
	curs_set(1);
}

void ui_draw(const struct layout *l, const struct ui_frame *f, const struct ui_doc *body, size_t *body_top,
	     const struct ui_doc *pane, size_t *pane_top)
{
	const char *more = "";
	char *more_text = NULL;

	if (!win.valid || win.made_for.rows != l->rows || win.made_for.cols != l->cols ||
	    win.made_for.pane_rows != l->pane_rows)
		make_windows(l);
	draw_top(l, f);
	*body_top = layout_scroll_clamp((long)*body_top, (size_t)l->body_rows, body->count);
	werase(win.body);
	draw_doc(win.body, 0, l->body_rows, l->cols, l->margin, body, *body_top);
	wnoutrefresh(win.body);
	if (win.pane && pane) {
		int cols = l->cols;
		char *head = xasprintf(" %s  (e hides, [ ] scroll) ", f->pane_title ? f->pane_title : "Evidence");

		*pane_top = layout_scroll_clamp((long)*pane_top, (size_t)l->pane_rows - 1, pane->count);
		werase(win.pane);
		wmove(win.pane, 0, 0);
		wattrset(win.pane, style_attr[ST_DIM]);
		whline(win.pane, ACS_HLINE, cols);
		wattrset(win.pane, A_NORMAL);
		wmove(win.pane, 0, 2);
		put_clipped(win.pane, head, strlen(head), (size_t)cols - 4, style_attr[ST_HEADING]);
		free(head);
		draw_doc(win.pane, 1, l->pane_rows - 1, cols, l->margin, pane, *pane_top);
		wnoutrefresh(win.pane);
	}
	if (*body_top > 0 && *body_top + (size_t)l->body_rows < body->count)
		more = more_text = xasprintf("%s %s", doc_glyph(GL_MORE_UP), doc_glyph(GL_MORE_DOWN));
	else if (*body_top + (size_t)l->body_rows < body->count)
		more = doc_glyph(GL_MORE_DOWN);
	else if (*body_top > 0)
		more = doc_glyph(GL_MORE_UP);
	draw_message(l, f, more);
	free(more_text);
	draw_bottom(l, f);
	place_cursor(l, body, *body_top);
	doupdate();
}

void ui_draw_too_small(int rows, int cols, const char *prompt)
{
	char *line1 = xasprintf("Terminal too small: %dx%d.", cols, rows);
	char *line2 = xasprintf("pathwalk needs at least %dx%d.", LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS);
	const char *line3 = prompt ? prompt : "Enlarge the window to continue (q quits).";
	const char *lines[] = { line1, line2, line3 };

	free_windows();
	forget_bars();
	werase(stdscr);
	for (int i = 0; i < 3; i++) {
		int w = (int)wrap_width(lines[i], strlen(lines[i]));
		int x = cols > w ? (cols - w) / 2 : 0;

		wmove(stdscr, rows / 2 - 1 + i < 0 ? 0 : rows / 2 - 1 + i, x);
		put_clipped(stdscr, lines[i], strlen(lines[i]), (size_t)(cols > x ? cols - x : 1),
			    i == 0 ? A_BOLD : A_NORMAL);
	}
	wnoutrefresh(stdscr);
	doupdate();
	free(line1);
	free(line2);
}

bool ui_begin_page(struct layout *l, struct ui_doc *body)
{
	int rows, cols;

	ui_size(&rows, &cols);
	*l = layout_compute(rows, cols, false);
	if (l->too_small) {
		ui_draw_too_small(rows, cols, NULL);
		return false;
	}
	doc_init(body, (size_t)(cols - 2 * l->margin));
	return true;
}
