/* SPDX-License-Identifier: Apache-2.0 */
/* The room of `pathwalk report --watch DIR`: the training journals in one directory, each read
 * (read-only, never locked, a torn last line left out as journal_read does) into the figures of
 * the training report (report_digest), and summarised per trainee: sessions started and finished,
 * the case in progress and the running score. Journals that are not usable are named with why. */
#ifndef PATHWALK_ROOM_H
#define PATHWALK_ROOM_H

#include <stdbool.h>
#include <stddef.h>

#include "pathway.h"

struct report;

/* One file of the directory. */
struct room_journal {
	char *name;            /* owned: the file name in the directory */
	struct report *digest; /* owned: its training figures; NULL when it is not usable */
	char *problem;         /* owned: why it is not usable ("line 3: not a JSON event"); NULL if usable */
};

struct room {
	char *dir;                 /* owned */
	const char *pathway_id;    /* borrowed: only journals of this pathway count; NULL: the one
				    * most journals use, a tie going to prefer (may be NULL) */
	const char *prefer;
	bool force;                /* use journals whose hash chain does not hold */
	struct room_journal *journals; /* sorted by name */
	size_t count, cap;
};

/* One trainee, over the usable journals of the room's pathway. Strings borrowed from the room. */
struct room_trainee {
	const char *trainee;
	size_t sessions, finished;  /* sessions started; of them, ended at an endpoint */
	const char *now_case;       /* the latest session when it is unfinished (its case's title,
				     * else id); NULL when none is */
	size_t now_decisions;       /* decisions made in it */
	const char *set_title;      /* the latest session's case set (training with --set); NULL none */
	long set_position, set_count; /* that session's place in its set, 1-based, and the set's size */
	size_t set_done;            /* the set's cases this trainee finished (each counted once) */
	size_t correct, decided;    /* the running score over every session */
};

/* Starts a room over dir (copied); pathway_id and prefer are borrowed. Reads nothing. */
void room_init(struct room *r, const char *dir, const char *pathway_id, const char *prefer, bool force);

/* Reads every *.jsonl file in the directory (not below it). Returns false when the directory
 * cannot be read (errno is set). */
bool room_scan(struct room *r);

/* Reads the file name of the directory again (a name not ending in .jsonl is ignored; a file that
 * is gone leaves the room). Returns true when the room may look different. */
bool room_update(struct room *r, const char *name);

/* The trainees of the usable journals of the room's pathway, in name order (caller frees). */
struct room_trainee *room_trainees(const struct room *r, size_t *count);

/* Why journal j is not counted (not usable, or of another pathway; caller frees), NULL when it is. */
char *room_skipped(const struct room *r, const struct room_journal *j);

/* One trainee in a line: "alice: 2 sessions, 1 finished; now v5 (3 decisions); score 5/6 (83%)".
 * Caller frees. */
char *room_trainee_text(const struct room_trainee *t);

/* An inotify descriptor (non-blocking) watching the room's directory for every change to a file
 * in it; -1 with errno set when it cannot be watched. The caller closes it. */
int room_watch(const struct room *r);

/* Reads the pending events of fd (from room_watch) and each file they name again, once. Returns
 * true when the room may look different. */
bool room_take_events(struct room *r, int fd);

void room_free(struct room *r);

#endif
