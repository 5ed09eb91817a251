/* SPDX-License-Identifier: Apache-2.0 */
/* The room of `report --watch` (see room.h). */
#include "room.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "cohort.h"
#include "fileio.h"
#include "journal_chain.h"
#include "report.h"
#include "report_model.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

void room_init(struct room *r, const char *dir, const char *pathway_id, const char *prefer, bool force)
{
	memset(r, 0, sizeof(*r));
	r->dir = xstrdup(dir);
	r->pathway_id = pathway_id;
	r->prefer = prefer;
	r->force = force;
}

static void clear(struct room_journal *j)
{
	report_free(j->digest);
	free(j->problem);
	j->digest = NULL;
	j->problem = NULL;
}

/* The journal called name, or NULL; *at receives where it is or would go in name order. */
static struct room_journal *find(struct room *r, const char *name, size_t *at)
{
	size_t lo = 0, hi = r->count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int d = strcmp(r->journals[mid].name, name);

		if (d == 0) {
			*at = mid;
			return &r->journals[mid];
		}
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*at = lo;
	return NULL;
}

static void problem(struct room_journal *j, int line, const char *message)
{
	struct strbuf sb = STRBUF_INIT;

	if (line > 0)
		sb_appendf(&sb, "line %d: ", line);
	utf8_append_clean(&sb, message, false);
	j->problem = sb_take(&sb);
}

/* Reads j from path into its figures, or its problem. */
static void load(struct room_journal *j, const char *path, bool force)
{
	struct diag_list diags = { 0 };
	struct journal_log *log = xcalloc(1, sizeof(*log));
	struct report *full;

	clear(j);
	if (journal_read_verified(path, force, log, &diags) != 0) {
		problem(j, diags.count ? diags.items[0].line : 0, diags.count ? diags.items[0].message : "cannot be read");
	} else {
		full = report_build(log, NULL, "no pathway");
		if (report_is_training(full))
			j->digest = report_digest(full);
		else
			problem(j, 1, "not a training journal");
		report_free(full);
	}
	journal_log_free(log);
	free(log);
	diag_clear(&diags);
}

bool room_update(struct room *r, const char *name)
{
	char *path;
	struct room_journal *j;
	size_t at;

	if (!fileio_has_suffix(name, ".jsonl") || name[0] == '.' || strchr(name, '/'))
		return false;
	path = xasprintf("%s/%s", r->dir, name);
	j = find(r, name, &at);
	if (access(path, F_OK) != 0) { /* gone (deleted, renamed away) */
		if (j) {
			clear(j);
			free(j->name);
			memmove(j, j + 1, (r->count - at - 1) * sizeof(*j));
			r->count--;
		}
		free(path);
		return j != NULL;
	}
	if (!j) {
		r->journals = xgrow(r->journals, &r->cap, r->count + 1, sizeof(*r->journals));
		memmove(&r->journals[at + 1], &r->journals[at], (r->count - at) * sizeof(*r->journals));
		j = &r->journals[at];
		memset(j, 0, sizeof(*j));
		j->name = xstrdup(name);
		r->count++;
	}
	load(j, path, r->force);
	free(path);
	return true;
}

bool room_scan(struct room *r)
{
	DIR *d = opendir(r->dir);
	struct dirent *e;

	if (!d)
		return false;
	while ((e = readdir(d)) != NULL)
		room_update(r, e->d_name);
	closedir(d);
	return true;
}

static const char *pathway_of(const struct room_journal *j)
{
	return j->digest && j->digest->pathway_id ? j->digest->pathway_id : "";
}

/* The pathway the room counts: the one asked for, else the one most usable journals are of (a
 * tie: r->prefer, else the smaller id). */
static const char *room_pathway(const struct room *r)
{
	const char *best = NULL;
	size_t best_count = 0;

	if (r->pathway_id)
		return r->pathway_id;
	for (size_t i = 0; i < r->count; i++) {
		size_t n = 0;

		if (!r->journals[i].digest)
			continue;
		for (size_t k = 0; k < r->count; k++)
			n += r->journals[k].digest && strcmp(pathway_of(&r->journals[k]), pathway_of(&r->journals[i])) == 0;
		if (n > best_count || (n == best_count && cohort_tie_wins(r->prefer, pathway_of(&r->journals[i]), best))) {
			best = pathway_of(&r->journals[i]);
			best_count = n;
		}
	}
	return best ? best : "";
}

char *room_skipped(const struct room *r, const struct room_journal *j)
{
	if (j->problem)
		return xstrdup(j->problem);
	if (strcmp(pathway_of(j), room_pathway(r)) != 0)
		return xasprintf("a journal of another pathway (%s)", *pathway_of(j) ? pathway_of(j) : "not recorded");
	return NULL;
}

static int compare_trainees(const void *pa, const void *pb)
{
	return strcmp(((const struct room_trainee *)pa)->trainee, ((const struct room_trainee *)pb)->trainee);
}

static const char *trainee_of(const struct report *d)
{
	return d->trainee ? d->trainee : "(not recorded)";
}

/* How many of t's set's cases the trainee finished, each place in the set counted once. */
static size_t set_done(const struct room *r, const char *pathway, const struct room_trainee *t)
{
	bool *seen = xcalloc((size_t)t->set_count + 1, sizeof(*seen));
	size_t n = 0;

	for (size_t i = 0; i < r->count; i++) {
		const struct report *d = r->journals[i].digest;

		if (!d || strcmp(pathway_of(&r->journals[i]), pathway) != 0 || strcmp(trainee_of(d), t->trainee) != 0 ||
		    !d->set_title || strcmp(d->set_title, t->set_title) != 0 || d->set_count != t->set_count ||
		    d->status != REPORT_COMPLETE || seen[d->set_position])
			continue;
		seen[d->set_position] = true;
		n++;
	}
	free(seen);
	return n;
}

struct room_trainee *room_trainees(const struct room *r, size_t *count)
{
	struct room_trainee *out = xcalloc(r->count + 1, sizeof(*out));
	const char **latest = xcalloc(r->count + 1, sizeof(*latest));
	const char *pathway = room_pathway(r);

	*count = 0;
	for (size_t i = 0; i < r->count; i++) {
		const struct report *d = r->journals[i].digest;
		struct room_trainee *t = NULL;
		size_t k;

		if (!d || strcmp(pathway_of(&r->journals[i]), pathway) != 0)
			continue;
		for (k = 0; k < *count && !t; k++)
			if (strcmp(out[k].trainee, trainee_of(d)) == 0)
				t = &out[k];
		if (!t) {
			k = (*count)++;
			t = &out[k];
			t->trainee = trainee_of(d);
		} else {
			k = (size_t)(t - out);
		}
		t->sessions++;
		t->finished += d->status == REPORT_COMPLETE;
		t->correct += d->decisions_correct;
		t->decided += d->ndebrief;
		/* The latest session (by start time) says what the trainee is doing now. */
		if (!latest[k] || (d->started && strcmp(d->started, latest[k]) > 0)) {
			latest[k] = d->started ? d->started : "";
			t->now_case = d->status == REPORT_UNFINISHED ? (d->case_title ? d->case_title : d->case_id) : NULL;
			if (d->status == REPORT_UNFINISHED && !t->now_case)
				t->now_case = "(no case)";
			t->now_decisions = d->ndebrief;
			t->set_title = d->set_title;
			t->set_position = d->set_position;
			t->set_count = d->set_count;
		}
	}
	free(latest);
	for (size_t k = 0; k < *count; k++)
		if (out[k].set_title)
			out[k].set_done = set_done(r, pathway, &out[k]);
	if (*count > 1)
		qsort(out, *count, sizeof(*out), compare_trainees);
	return out;
}

char *room_trainee_text(const struct room_trainee *t)
{
	struct strbuf sb = STRBUF_INIT;

	utf8_append_clean(&sb, t->trainee, false);
	sb_appendf(&sb, ": %zu session%s, %zu finished; ", t->sessions, t->sessions == 1 ? "" : "s", t->finished);
	if (t->set_title) {
		utf8_append_clean(&sb, t->set_title, false);
		sb_appendf(&sb, ": %zu of %ld cases done; ", t->set_done, t->set_count);
	}
	if (t->now_case) {
		sb_append(&sb, "now ");
		utf8_append_clean(&sb, t->now_case, false);
		sb_appendf(&sb, " (%zu decision%s made); ", t->now_decisions, t->now_decisions == 1 ? "" : "s");
	} else {
		sb_append(&sb, "no case open; ");
	}
	sb_appendf(&sb, "score %zu/%zu", t->correct, t->decided);
	if (t->decided)
		sb_appendf(&sb, " (%zu%%)", (100 * t->correct + t->decided / 2) / t->decided);
	return sb_take(&sb);
}

int room_watch(const struct room *r)
{
	int fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);

	/* A write, a file created, renamed in or out, or deleted: every way a journal changes. */
	if (fd >= 0 && inotify_add_watch(fd, r->dir, IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_MOVED_TO |
					 IN_MOVED_FROM | IN_DELETE) < 0) {
		close(fd);
		fd = -1;
	}
	return fd;
}

bool room_take_events(struct room *r, int fd)
{
	char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
	char **names = NULL;
	size_t count = 0, cap = 0;
	bool changed = false;
	ssize_t n;

	/* Drain first, then read each file named once: a burst of writes costs one read per file. */
	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		for (ssize_t at = 0; at + (ssize_t)sizeof(struct inotify_event) <= n;) {
			const struct inotify_event *ev = (const struct inotify_event *)(buf + at);
			bool seen = false;

			if (ev->mask & IN_Q_OVERFLOW)
				changed = room_scan(r) || changed;
			for (size_t i = 0; i < count && !seen && ev->len > 0; i++)
				seen = strcmp(names[i], ev->name) == 0;
			if (!seen && ev->len > 0) {
				names = xgrow(names, &cap, count + 1, sizeof(*names));
				names[count++] = xstrdup(ev->name);
			}
			at += (ssize_t)sizeof(*ev) + ev->len;
		}
	}
	for (size_t i = 0; i < count; i++) {
		changed = room_update(r, names[i]) || changed;
		free(names[i]);
	}
	free(names);
	return changed;
}

void room_free(struct room *r)
{
	for (size_t i = 0; i < r->count; i++) {
		clear(&r->journals[i]);
		free(r->journals[i].name);
	}
	free(r->journals);
	free(r->dir);
	memset(r, 0, sizeof(*r));
}
