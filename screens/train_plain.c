/* SPDX-License-Identifier: Apache-2.0 */
/* Headless training (`pathwalk train --plain CASE`): the case's findings are filled in from the
 * case file as in a replay; at each decision the candidates are listed without any hint of the
 * recommendation, one line of stdin names the trainee's choice (its 1-based number or the node id
 * it leads to), and the reveal follows: correct or not, the explanation of every candidate, the
 * evidence, and at the end the debrief (train.c then prints the paths and "score: C/T"). */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "train.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "journal.h"
#include "replay.h"
#include "xalloc.h"
#include "plain.h"
#include "ui.h"

struct headless {
	struct training *t;
	struct session *s;
	struct journal *journal;
	const struct pathway *pw;
	char *line;
	size_t cap;
	long lineno;
	int signal;       /* the signal that ended the run, 0 when none */
	bool interactive; /* stdin is a terminal: a bad line is asked again instead of ending the run */
};

static void print_candidates_blind(const struct pathway *pw, const struct pw_node *n)
{
	printf("Which next step? Commit to one before the pathway's answer is shown:\n");
	for (size_t i = 0; i < n->nnext; i++)
		printf("  %zu. %s\n", i + 1, training_step_label(pw, &n->next[i]));
}

/* The transition named by text: a 1-based number or the id of the node it leads to; -1 if none. */
static int parse_choice(const struct pathway *pw, const struct pw_node *n, const char *text)
{
	char *end;
	long k = strtol(text, &end, 10);

	if (*text && *end == '\0' && k >= 1 && (size_t)k <= n->nnext)
		return (int)k - 1;
	for (size_t i = 0; i < n->nnext; i++)
		if (strcmp(pw->nodes[n->next[i].target].id, text) == 0)
			return (int)i;
	return -1;
}

enum { CHOICE_EOF = -1, CHOICE_QUIT = -2, CHOICE_INVALID = -3, CHOICE_SIGNAL = -4 };

/* Reads the trainee's choice: the transition index, or CHOICE_EOF at the end of input, CHOICE_QUIT
 * for "q", CHOICE_INVALID for a line that names no candidate (after reporting it), CHOICE_SIGNAL
 * when a signal arrived (h->signal set). */
static int read_choice(struct headless *h, const struct pw_node *n)
{
	char *prompt = xasprintf("Your choice (1-%zu; q quits): ", n->nnext);
	int t;

	for (;;) {
		enum plain_read r = plain_read_line(prompt, !h->interactive, &h->line, &h->cap, &h->signal);

		if (r != PLAIN_LINE) {
			t = r == PLAIN_EOF ? CHOICE_EOF : CHOICE_SIGNAL;
			break;
		}
		h->lineno++;
		if (strcmp(h->line, "q") == 0) {
			t = CHOICE_QUIT;
			break;
		}
		if ((t = parse_choice(h->pw, n, h->line)) >= 0)
			break;
		if (!h->interactive) {
			fprintf(stderr, "pathwalk: stdin:%ld: '%s' is not one of the next steps at %s: give 1 to %zu or a node id\n",
				h->lineno, h->line, n->id, n->nnext);
			t = CHOICE_INVALID;
			break;
		}
		printf("Error: '%s' is not one of the next steps: type a number from 1 to %zu\n", h->line, n->nnext);
	}
	free(prompt);
	return t;
}

static void print_reveal(struct headless *h)
{
	const struct training_choice *ch = training_choice_at(h->t, session_node(h->s));
	const struct pw_node *n = &h->pw->nodes[session_node(h->s)];
	struct session_candidate *c;
	size_t count = session_candidates(h->s, &c), ne;
	const int *e = session_evidence(h->s, &ne);

	printf("%s\n", ch->correct ? TRAINING_CORRECT : TRAINING_INCORRECT);
	printf("  You chose: %zu. %s\n", ch->chosen + 1, training_step_label(h->pw, &n->next[ch->chosen]));
	printf("  The pathway recommends: %zu. %s\n", ch->recommended + 1,
	       training_step_label(h->pw, &n->next[ch->recommended]));
	printf("  Why (each step's condition with this patient's values):\n");
	plain_print_candidates(c, count, 4, EXPLAIN_ALL_DEPTHS, false);
	for (size_t i = 0; i < ne; i++) {
		const struct pw_evidence *ev = &n->evidence[e[i]];

		printf("  Evidence: %s\n", ev->note);
		for (size_t r = 0; r < ev->nrefs; r++)
			printf("    [%s] %s\n", h->pw->refs[ev->refs[r]].id, h->pw->refs[ev->refs[r]].citation);
	}
	session_candidates_free(c, count);
}

static void print_screen_header(struct headless *h)
{
	const struct pw_node *n = &h->pw->nodes[session_node(h->s)];
	size_t nw;
	const int *w = session_warnings(h->s, &nw);

	printf("\n[%s] %s\n", h->pw->stages[n->stage].label, n->title);
	for (size_t i = 0; i < nw; i++) {
		const struct pw_warning *pw_w = &h->pw->warnings[w[i]];

		printf("  %s %s\n", pathway_severity_label(pw_w->severity), pw_w->title);
	}
}

/* For a wrong choice at d, the reveal's explanation again: the node's rule text and each step's
 * condition with this patient's values, as explained at the commit. */
static void print_explanation(struct headless *h, const struct pw_node *d)
{
	size_t count;
	const struct session_candidate *c = training_candidates_at(h->t, (int)(d - h->pw->nodes), &count);

	if (d->text) {
		char *text = session_render_text(h->s, d->text);

		printf("    %s\n", text);
		free(text);
	}
	printf("    Why (each step's condition with this patient's values):\n");
	plain_print_candidates(c, count, 6, EXPLAIN_ALL_DEPTHS, false);
}

static void print_debrief(struct headless *h)
{
	size_t n, correct, total;
	const int *route = session_route(h->s, &n);

	training_score(h->t, &correct, &total);
	printf("\nDebrief: %zu of %zu decisions matched the pathway\n", correct, total);
	for (size_t i = 0; i < n; i++) {
		const struct training_choice *ch = training_choice_at(h->t, route[i]);
		const struct pw_node *d = &h->pw->nodes[route[i]];

		if (!ch)
			continue;
		printf("  %s: %s, %lds\n", d->title, ch->correct ? "correct" : "incorrect", ch->seconds);
		printf("    you chose:        %s\n", training_step_label(h->pw, &d->next[ch->chosen]));
		printf("    pathway's step:   %s\n", training_step_label(h->pw, &d->next[ch->recommended]));
		if (!ch->correct)
			print_explanation(h, d);
	}
}

/* Whether the session's events are safe after a call that returned st: true unless the journal
 * could not be written and no other path was found for it (asked only on a terminal). */
static bool journal_kept(struct headless *h, enum session_status st)
{
	if (st != SESSION_JOURNAL)
		return true;
	if (h->interactive)
		return plain_relocate(h->s, h->journal);
	fprintf(stderr, "pathwalk: %s; %zu event(s) could not be saved\n", session_message(h->s),
		journal_pending(h->journal));
	return false;
}

/* Ends the session as interrupted for why: returns status, or 5 when its events could not be saved. */
static int interrupted(struct headless *h, const char *why, int status)
{
	return journal_kept(h, session_interrupt(h->s, why)) ? status : ui_exit_status(5);
}

/* The exit status after a session call that returned st: 0 to go on; 3 when the session refused it
 * (said why, journaled as interrupted by an error); 5 when its events could not be saved. */
static int checked(struct headless *h, enum session_status st)
{
	if (st == SESSION_INVALID) {
		fprintf(stderr, "pathwalk: %s\n", session_message(h->s));
		return interrupted(h, "error", 3);
	}
	return journal_kept(h, st) ? 0 : ui_exit_status(5);
}

/* One decision: list, read, commit, reveal. Returns 0 to go on, else the exit status. */
static int decide(struct headless *h)
{
	const struct pw_node *n = &h->pw->nodes[session_node(h->s)];
	int t, status;

	training_decision_shown(h->t);
	print_candidates_blind(h->pw, n);
	t = read_choice(h, n);
	if (t < 0) {
		const char *why = t == CHOICE_EOF ? "eof" : t == CHOICE_QUIT ? "quit" : t == CHOICE_INVALID ? "invalid input"
											   : ui_signal_name(h->signal);

		if (t == CHOICE_EOF)
			fprintf(stderr, "pathwalk: input ended before the decision at %s; the session is recorded as "
				"interrupted\n", n->id);
		return interrupted(h, why, t == CHOICE_QUIT ? 0 : t == CHOICE_EOF ? 1 : t == CHOICE_INVALID ? 3 : 128 + h->signal);
	}
	if ((status = checked(h, training_commit(h->t, (size_t)t))) != 0)
		return status;
	print_reveal(h);
	return 0;
}

int train_plain_run(struct training *t, struct journal *journal)
{
	struct headless h = { .t = t, .s = training_session(t), .journal = journal,
			      .pw = session_pathway(training_session(t)), .interactive = isatty(STDIN_FILENO) };
	const struct casefile *c = training_case(t);
	struct replay_result r = { .missing = -1 };
	int status = 0;

	/* The first action could not be written: asked for (or given up) as for a later one. */
	if (journal_pending(journal) > 0 && !journal_kept(&h, SESSION_JOURNAL))
		return 5;
	/* The id only without a title: case ids can name the answer. */
	printf("Training case: %s\n", c->title ? c->title : c->id);
	if (c->vignette)
		printf("\nVignette: %s\n", c->vignette);
	while (status == 0 && !session_at_endpoint(h.s)) {
		enum replay_status rs;

		print_screen_header(&h);
		rs = replay_answer_screen(h.s, c, stdout, &r);
		if (rs != REPLAY_COMPLETE) {
			fprintf(stderr, "pathwalk: %s\n", r.message);
			status = rs == REPLAY_STOPPED ? interrupted(&h, "missing answer", 4) : interrupted(&h, "invalid answer", 3);
			break;
		}
		if (h.pw->nodes[session_node(h.s)].screen == SCREEN_DECISION && (status = decide(&h)) != 0)
			break;
		if (session_closed(h.s))
			break;
		status = checked(&h, session_advance(h.s));
	}
	if (status == 0 && session_at_endpoint(h.s)) {
		replay_print_endpoint(h.s, stdout);
		status = checked(&h, training_finish(t));
		print_debrief(&h);
	}
	free(r.message);
	free(h.line);
	fflush(stdout);
	return status;
}
