/* SPDX-License-Identifier: Apache-2.0 */
/* The training room, live (see watch.h): one line per trainee with their sessions, the case in
 * progress and the running score, then the journals not counted and why. The curses view redraws
 * the page; the plain view prints the room once, then each line that changes, time-stamped. */
#include "watch.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "room.h"
#include "strbuf.h"
#include "xalloc.h"
#include "ui.h"

/* The room as lines of text: a heading, a line per trainee, then the journals not counted. */
struct view {
	char **lines;
	size_t count, cap;
	size_t trainees; /* lines[1..trainees] are the trainees */
};

static void view_add(struct view *v, char *line)
{
	v->lines = xgrow(v->lines, &v->cap, v->count + 1, sizeof(*v->lines));
	v->lines[v->count++] = line;
}

static void view_build(const struct room *r, struct view *v)
{
	size_t n, skipped = 0;
	struct room_trainee *t = room_trainees(r, &n);

	memset(v, 0, sizeof(*v));
	view_add(v, xasprintf("Training room %s: %zu trainee%s, %zu journal%s", r->dir, n, n == 1 ? "" : "s", r->count,
			      r->count == 1 ? "" : "s"));
	for (size_t i = 0; i < n; i++)
		view_add(v, room_trainee_text(&t[i]));
	v->trainees = n;
	for (size_t i = 0; i < r->count; i++) {
		char *why = room_skipped(r, &r->journals[i]);

		if (why) {
			if (skipped++ == 0)
				view_add(v, xstrdup("Not counted:"));
			view_add(v, xasprintf("%s: %s", r->journals[i].name, why));
		}
		free(why);
	}
	free(t);
}

static void view_free(struct view *v)
{
	for (size_t i = 0; i < v->count; i++)
		free(v->lines[i]);
	free(v->lines);
	memset(v, 0, sizeof(*v));
}

static bool view_has(const struct view *v, const char *line)
{
	for (size_t i = 0; i < v->count; i++)
		if (strcmp(v->lines[i], line) == 0)
			return true;
	return false;
}

static void draw(const struct view *v, size_t *top)
{
	struct ui_frame frame = { .title = "pathwalk report --watch", .current_stage = -1, .node_id = "room",
				  .hints = "q:leave  Up/Down:scroll" };
	struct ui_doc body;
	struct layout l;
	size_t pane_top = 0;

	if (!ui_begin_page(&l, &body))
		return;
	doc_add(&body, 0, NULL, ST_HEADING, v->lines[0], ST_HEADING, 0);
	doc_blank(&body);
	if (v->trainees == 0)
		doc_add(&body, 2, NULL, ST_DIM, "No training journal yet: waiting for the first.", ST_DIM, 0);
	for (size_t i = 1; i < v->count; i++) {
		if (i == v->trainees + 1)
			doc_blank(&body);
		doc_add(&body, i > v->trainees + 1 ? 2 : 0, NULL, ST_NORMAL, v->lines[i],
			i == v->trainees + 1 ? ST_HEADING : i > v->trainees ? ST_DIM : ST_NORMAL, 0);
	}
	ui_draw(&l, &frame, &body, top, NULL, &pane_top);
	doc_free(&body);
}

static int watch_curses(struct room *r, int fd)
{
	struct view v;
	size_t top = 0;
	bool dirty = true;
	char *error = NULL;
	int opened;

	if (!ui_usable()) {
		fprintf(stderr, "pathwalk: report --watch needs a terminal; use --plain for lines\n");
		return 2;
	}
	if ((opened = ui_open(&error)) != 0) {
		fprintf(stderr, "pathwalk: %s%s\n", error, opened == UI_OPEN_NO_CURSOR ? "; use --plain" : "");
		free(error);
		return 2;
	}
	ui_install_signals(); /* again: ncurses installed its own */
	view_build(r, &v);
	while (!ui_termination_signal() && !ui_take_interrupt()) {
		struct ui_event ev;
		bool changed;

		if (dirty)
			draw(&v, &top);
		ev = ui_read_or(fd, &changed);
		dirty = ev.action != UI_NONE || changed;
		if (changed && room_take_events(r, fd)) {
			view_free(&v);
			view_build(r, &v);
		}
		if (ev.action == UI_QUIT || ev.action == UI_INTERRUPT || ev.action == UI_CANCEL)
			break;
		if (ev.action == UI_RESIZE || ev.action == UI_REDRAW)
			ui_invalidate();
		else if (ev.action == UI_UP && top > 0)
			top--;
		else if (ev.action == UI_DOWN)
			top++;
	}
	view_free(&v);
	ui_close();
	return ui_exit_status(0);
}

/* A line of standard input: true when it is "q". Sets *open to false at the end of input. */
static bool plain_quit(bool *open)
{
	char line[256];

	if (!fgets(line, sizeof(line), stdin)) {
		*open = false;
		return false;
	}
	return strcmp(line, "q\n") == 0 || strcmp(line, "q") == 0 || strcmp(line, "Q\n") == 0;
}

/* Prints the lines of now that were not in before (all of them when before is NULL). */
static void plain_print(const struct view *now, const struct view *before)
{
	char stamp[16];
	time_t t = time(NULL);

	strftime(stamp, sizeof(stamp), "%H:%M:%S", localtime(&t));
	for (size_t i = 0; i < now->count; i++)
		if (!before || (i > 0 && !view_has(before, now->lines[i])))
			printf("%s %s\n", stamp, now->lines[i]);
	fflush(stdout);
}

static int watch_plain(struct room *r, int fd)
{
	struct view v, next;
	bool input_open = true, quit = false;

	view_build(r, &v);
	plain_print(&v, NULL);
	printf("--- watching %s for changes (a line q to stop)\n", r->dir);
	fflush(stdout);
	setvbuf(stdin, NULL, _IONBF, 0); /* what ppoll sees is what fgets reads */
	while (!quit && !ui_termination_signal() && !ui_take_interrupt()) {
		int woke = ui_wait(input_open, fd); /* after the end of input, only the directory */

		if (input_open && (woke & UI_WAIT_INPUT))
			quit = plain_quit(&input_open);
		if ((woke & UI_WAIT_FD) && room_take_events(r, fd)) {
			view_build(r, &next);
			plain_print(&next, &v);
			view_free(&v);
			v = next;
		}
	}
	view_free(&v);
	return ui_exit_status(0);
}

int watch_run(const struct watch_options *o)
{
	struct room r;
	int fd, status;

	setlocale(LC_CTYPE, "");
	ui_install_signals();
	room_init(&r, o->dir, o->pathway_id, o->prefer, o->force);
	if (!room_scan(&r) || (fd = room_watch(&r)) < 0) {
		fprintf(stderr, "pathwalk: %s: cannot watch: %s\n", o->dir, strerror(errno));
		room_free(&r);
		return 3;
	}
	status = o->plain ? watch_plain(&r, fd) : watch_curses(&r, fd);
	close(fd);
	room_free(&r);
	return status;
}
