/* SPDX-License-Identifier: Apache-2.0 */
/* The plain walk: prompts on stdout, answers on stdin, one thing per line. No curses, no colours,
 * no cursor movement. `b` goes back a screen, `q` quits, `?` explains the accepted forms; an empty
 * line keeps the shown value (a default, a pre-filled or an earlier answer) or accepts the
 * recommended step. End of input before the endpoint is journaled as interrupted ("eof"). */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "plain.h"

#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casefile.h"
#include "journal.h"
#include "strbuf.h"
#include "utf8.h"
#include "whatif.h"
#include "xalloc.h"
#include "ui.h"

enum reply { REPLY_TEXT, REPLY_BACK, REPLY_QUIT, REPLY_EOF, REPLY_SIGNAL };

struct plain {
	struct session *s;
	const struct pathway *pw;
	char *line;
	size_t cap;
	bool echo;  /* stdin is not a terminal: echo answers so the transcript reads well */
	int signal; /* the signal that ended the walk */
	bool ids;   /* explanations also in pathway syntax (--ids) */
};

/* Replaces the line in *line (a getline buffer of *cap bytes) by its clean form: invalid UTF-8,
 * control characters and escape sequences become U+FFFD, so typed text can neither reach the
 * terminal raw when echoed nor the journal. */
static void clean_line(char **line, size_t *cap)
{
	struct strbuf sb = STRBUF_INIT;

	utf8_append_clean(&sb, *line, false);
	free(*line);
	*line = sb_take(&sb);
	*cap = strlen(*line) + 1;
}

/* Cuts leading and trailing white space off s in place. */
static void trim(char *s)
{
	size_t start = 0, end = strlen(s);

	while (isspace((unsigned char)s[start]))
		start++;
	while (end > start && isspace((unsigned char)s[end - 1]))
		end--;
	memmove(s, s + start, end - start);
	s[end - start] = '\0';
}

/* Reads a line of standard input into *line (a buffer of *cap bytes, grown as needed), newline
 * included as getline keeps it, a byte at a time, each after ui_wait: a signal that comes at any
 * point, before the line or within it (a pipe may bring a line in pieces), ends the read. Returns
 * 1 for a line (the last one may lack its newline), 0 at the end of input, -1 for a signal. */
static int read_answer(char **line, size_t *cap)
{
	size_t len = 0;

	for (;;) {
		int c;

		if (!ui_wait(true, -1))
			return -1;
		errno = 0;
		c = getc(stdin);
		if (c == EOF) {
			if (ferror(stdin) && errno == EINTR) {
				clearerr(stdin);
				return -1;
			}
			if (len == 0)
				return 0;
			break;
		}
		if (len + 2 > *cap || !*line) {
			*cap = len + 2 > 2 * *cap ? len + 64 : 2 * *cap;
			*line = xrealloc(*line, *cap);
		}
		(*line)[len++] = (char)c;
		if (c == '\n')
			break;
	}
	(*line)[len] = '\0';
	return 1;
}

enum plain_read plain_read_line(const char *prompt, bool echo, char **line, size_t *cap, int *signal)
{
	static bool unbuffered;

	/* Standard input unbuffered (before the first read: nothing else reads it through stdio in a
	 * plain walk or training), so that what ui_wait sees is what getc reads. */
	if (!unbuffered)
		setvbuf(stdin, NULL, _IONBF, 0);
	unbuffered = true;
	for (;;) {
		int sig = ui_termination_signal(), got;

		if (sig || ui_take_interrupt()) {
			*signal = sig ? sig : SIGINT;
			return PLAIN_SIGNAL;
		}
		fputs(prompt, stdout);
		fflush(stdout);
		/* The sleeps for the answer take the signals only inside them: one that came after the
		 * check above (while the prompt was written) or while the line is read still ends it. */
		got = read_answer(line, cap);
		if (got > 0)
			break;
		fputc('\n', stdout);
		if (got == 0)
			return PLAIN_EOF;
	}
	(*line)[strcspn(*line, "\r\n")] = '\0';
	clean_line(line, cap);
	trim(*line);
	if (echo)
		printf("%s\n", *line);
	return PLAIN_LINE;
}

/* Reads one line after printing prompt (plain_read_line). Recognises b, q and end of input. */
static enum reply ask(struct plain *p, const char *prompt)
{
	enum plain_read r = plain_read_line(prompt, p->echo, &p->line, &p->cap, &p->signal);

	if (r != PLAIN_LINE)
		return r == PLAIN_EOF ? REPLY_EOF : REPLY_SIGNAL;
	if (strcmp(p->line, "b") == 0)
		return REPLY_BACK;
	if (strcmp(p->line, "q") == 0)
		return REPLY_QUIT;
	return REPLY_TEXT;
}

static void print_text(struct plain *p, const char *label, const char *text)
{
	char *rendered;

	if (!text || !text[0])
		return;
	rendered = session_render_text(p->s, text);
	if (label)
		printf("%s: %s\n", label, rendered);
	else
		printf("%s\n", rendered);
	free(rendered);
}

/* The evidence notes that apply on this screen, each with its citations, as the full screen's
 * evidence pane shows them. */
static void print_evidence(struct plain *p)
{
	const struct pw_node *n = &p->pw->nodes[session_node(p->s)];
	size_t ne;
	const int *e = session_evidence(p->s, &ne);

	for (size_t i = 0; i < ne; i++) {
		const struct pw_evidence *ev = &n->evidence[e[i]];

		print_text(p, "Evidence", ev->note);
		for (size_t r = 0; r < ev->nrefs; r++)
			printf("  [%s] %s\n", p->pw->refs[ev->refs[r]].id, p->pw->refs[ev->refs[r]].citation);
	}
}

/* A warning as one line: its severity's mark and word in ASCII ("!! Urgent:"), title, text. */
static void print_warning(struct plain *p, int w)
{
	const struct pw_warning *pw_w = &p->pw->warnings[w];
	char *text = session_warning_text(p->s, w, NULL);

	printf("%s %s: %s\n", pathway_severity_label(pw_w->severity), pw_w->title, text);
	free(text);
}

static void print_node(struct plain *p)
{
	const struct pw_node *n = &p->pw->nodes[session_node(p->s)];
	unsigned long long visited = session_stages_visited(p->s);
	size_t nw;
	const int *w = session_warnings(p->s, &nw);

	printf("\n");
	printf("Stage %d of %zu: %s\n", n->stage + 1, p->pw->nstages, p->pw->stages[n->stage].label);
	printf("Stages:");
	for (size_t i = 0; i < p->pw->nstages; i++)
		printf("%s %s%s", i ? " >" : "", p->pw->stages[i].label,
		       (int)i == n->stage ? " (current)" : (visited >> i & 1) ? " (visited)" : "");
	printf("\n");
	printf("%s: %s\n", n->screen == SCREEN_ENDPOINT ? "Endpoint" : "Screen", n->title);
	if (n->screen != SCREEN_ENDPOINT)
		for (size_t i = 0; i < nw; i++)
			print_warning(p, w[i]);
	print_text(p, NULL, n->text);
	if (n->screen != SCREEN_ENDPOINT)
		print_evidence(p);
}

static char *forms_of_type(const struct pw_variable *v);

/* "(whole number 0 to 10, /10)" and the like: how to answer a variable; an optional one may also
 * be "not recorded". */
static char *forms(const struct pw_variable *v)
{
	char *how = forms_of_type(v), *all;

	if (!v->optional)
		return how;
	all = xasprintf("%s, or nr for not recorded", how);
	free(how);
	return all;
}

static char *forms_of_type(const struct pw_variable *v)
{
	switch (v->type) {
	case TYPE_INT:
		return xasprintf("whole number %ld to %ld%s%s", v->min, v->max, v->unit ? ", " : "", v->unit ? v->unit : "");
	case TYPE_BOOL:
		return xstrdup("y or n");
	case TYPE_CHOICE:
		return xstrdup("one option: its number or id");
	case TYPE_SET:
		return xstrdup("numbers or ids separated by commas, or none");
	case TYPE_DATE:
		return xstrdup("YYYY-MM-DD");
	default:
		return xstrdup("");
	}
}

/* Finds an option by number (1-based) or id; -1 when neither. */
static int find_option(const struct pathway *pw, int var, const char *text, size_t len)
{
	const struct pw_variable *v = &pw->vars[var];
	char *end;
	long k;

	if (len == 0)
		return -1;
	k = strtol(text, &end, 10);
	if (end == text + len && k >= 1 && (size_t)k <= v->noptions)
		return (int)k - 1;
	return pathway_find_option(pw, var, text, len);
}

/* Parses an answer for var; returns NULL and fills *out, or an error message (caller frees). */
static char *parse_answer(const struct pathway *pw, int var, const char *text, struct value *out)
{
	const struct pw_variable *v = &pw->vars[var];

	if (v->optional && (!strcmp(text, "nr") || !strcmp(text, "not recorded"))) {
		*out = value_not_recorded();
		return NULL;
	}
	switch (v->type) {
	case TYPE_INT: {
		char *end;
		long n;

		errno = 0;
		n = strtol(text, &end, 10);
		if (*end != '\0' || errno || !isdigit((unsigned char)text[text[0] == '-']))
			return xasprintf("'%s' is not a whole number: type a number from %ld to %ld", text, v->min, v->max);
		if (n < v->min || n > v->max)
			return xasprintf("%ld is out of range: type a number from %ld to %ld", n, v->min, v->max);
		*out = value_int(n);
		return NULL;
	}
	case TYPE_BOOL:
		if (!strcmp(text, "y") || !strcmp(text, "yes") || !strcmp(text, "Y") || !strcmp(text, "true"))
			*out = value_bool(true);
		else if (!strcmp(text, "n") || !strcmp(text, "no") || !strcmp(text, "N") || !strcmp(text, "false"))
			*out = value_bool(false);
		else
			return xasprintf("'%s': answer y or n", text);
		return NULL;
	case TYPE_CHOICE: {
		int o = find_option(pw, var, text, strlen(text));

		if (o < 0)
			return xasprintf("'%s' is not one of the options: type its number (1 to %zu) or id", text,
					 v->noptions);
		*out = value_choice(o);
		return NULL;
	}
	case TYPE_SET: {
		uint64_t bits = 0;
		const char *at = text;

		if (!strcmp(text, "none")) {
			*out = value_set(0);
			return NULL;
		}
		while (*at) {
			size_t len = strcspn(at, ",");
			const char *item = at;
			int o;

			while (len > 0 && isspace((unsigned char)*item))
				item++, len--;
			while (len > 0 && isspace((unsigned char)item[len - 1]))
				len--;
			o = find_option(pw, var, item, len);
			if (o < 0)
				return xasprintf("'%.*s' is not one of the options: use their numbers or ids, or none",
						 (int)len, item);
			bits |= (uint64_t)1 << o;
			at += strcspn(at, ",");
			if (*at == ',')
				at++;
		}
		*out = value_set(bits);
		return NULL;
	}
	case TYPE_DATE: {
		long days;

		if (date_parse(text, &days) != 0)
			return xasprintf("'%s' is not a date: type YYYY-MM-DD", text);
		*out = value_date(days);
		return NULL;
	}
	default:
		return xstrdup("cannot answer this");
	}
}

/* Asks one variable until it has an acceptable answer. */
static enum reply ask_variable(struct plain *p, int var)
{
	const struct pw_variable *v = &p->pw->vars[var];
	char *how = forms(v);
	enum reply r = REPLY_TEXT;

	if (v->type == TYPE_CHOICE || v->type == TYPE_SET) {
		printf("%s (%s):\n", v->prompt, how);
		for (size_t i = 0; i < v->noptions; i++)
			printf("  %zu. %s (%s)\n", i + 1, v->options[i].label, v->options[i].id);
	}
	for (;;) {
		struct value cur = session_initial_value(p->s, var), val;
		char *shown = value_answered(&cur) ? pathway_format_value(p->pw, var, &cur) : NULL;
		char *prompt, *error, *text;

		if (v->type == TYPE_CHOICE || v->type == TYPE_SET)
			prompt = shown ? xasprintf("%s [Enter keeps: %s]: ", v->prompt, shown) : xasprintf("%s: ", v->prompt);
		else
			prompt = shown ? xasprintf("%s (%s) [Enter keeps: %s]: ", v->prompt, how, shown)
				       : xasprintf("%s (%s): ", v->prompt, how);
		r = ask(p, prompt);
		free(prompt);
		free(shown);
		if (r != REPLY_TEXT)
			break;
		text = p->line;
		if (!strcmp(text, "?")) {
			if (v->help)
				printf("%s\n", v->help);
			printf("Accepted: %s. Also: b goes back a screen, q quits.\n", how);
			continue;
		}
		if (text[0] == '\0') {
			if (!value_answered(&cur)) {
				printf("Error: please answer (%s)\n", how);
				continue;
			}
			val = cur;
		} else if ((error = parse_answer(p->pw, var, text, &val)) != NULL) {
			printf("Error: %s\n", error);
			free(error);
			continue;
		}
		if (session_set_answer(p->s, var, val) != SESSION_OK) {
			printf("Error: %s\n", session_message(p->s));
			continue;
		}
		break;
	}
	free(how);
	return r;
}

void plain_print_candidates(const struct session_candidate *c, size_t n, int indent, int max_depth, bool ids)
{
	for (size_t i = 0; i < n; i++) {
		printf("%*s%zu. %s%s\n", indent, "", i + 1, c[i].label, c[i].recommended ? " [recommended]" : "");
		if (!c[i].when)
			printf("%*sotherwise: taken when no condition above holds\n", indent + 5, "");
		else if (ids)
			printf("%*scondition: %s\n", indent + 5, "", c[i].when);
		explain_print(stdout, &c[i].why, indent + 3, max_depth, ids);
	}
}

static void print_candidates(const struct plain *p, struct session_candidate *c, size_t n)
{
	printf("Next steps (the first whose condition holds is recommended):\n");
	plain_print_candidates(c, n, 2, EXPLAIN_SCREEN_DEPTH, p->ids);
}

static enum reply decide(struct plain *p, enum session_status *st)
{
	struct session_candidate *c;
	size_t n = session_candidates(p->s, &c);
	int rec = -1;
	enum reply r;

	print_candidates(p, c, n);
	for (size_t i = 0; i < n; i++)
		if (c[i].recommended)
			rec = (int)i;
	for (;;) {
		char *prompt = rec >= 0 ? xasprintf("Enter accepts step %d; a number picks another (b back, q quit): ",
						    rec + 1)
					: xstrdup("Pick a step by number (b back, q quit): ");
		char *text, *end;
		long k;

		r = ask(p, prompt);
		free(prompt);
		if (r != REPLY_TEXT)
			break;
		text = p->line;
		if (text[0] == '\0' && rec >= 0) {
			*st = session_advance(p->s);
			break;
		}
		k = strtol(text, &end, 10);
		if (*end != '\0' || k < 1 || (size_t)k > n) {
			printf("Error: type a step number from 1 to %zu, or press Enter\n", n);
			continue;
		}
		if ((int)k - 1 == rec) {
			*st = session_advance(p->s);
			break;
		}
		for (;;) {
			char *q = xasprintf("Reason for choosing \"%s\" instead (required): ", c[k - 1].label);

			r = ask(p, q);
			free(q);
			if (r != REPLY_TEXT || p->line[0] != '\0')
				break;
			printf("Error: a reason is required to choose another step\n");
		}
		if (r == REPLY_TEXT)
			*st = session_override(p->s, c[k - 1].transition, p->line);
		break;
	}
	session_candidates_free(c, n);
	return r;
}

static void print_endpoint(struct plain *p)
{
	size_t nw;
	const int *w = session_warnings(p->s, &nw);

	struct whatif_change *c;
	size_t nc = session_would_change(p->s, &c);

	session_print_plan(p->s, stdout, "");
	for (size_t i = 0; i < nw; i++)
		print_warning(p, w[i]);
	whatif_changes_print(stdout, p->pw, c, nc, "");
	whatif_changes_free(c, nc);
	print_evidence(p);
	print_text(p, "Note", p->pw->disclaimer);
}

/* One screen: returns the reply that ended it and the session status of the step taken. */
static enum reply run_screen(struct plain *p, const struct casefile *prefill, enum session_status *st, bool *finished)
{
	const struct pw_node *n = &p->pw->nodes[session_node(p->s)];
	enum reply r = REPLY_TEXT;

	print_node(p);
	switch (n->screen) {
	case SCREEN_QUESTION:
		session_prefill(p->s, prefill);
		for (size_t i = 0; i < n->nask && r == REPLY_TEXT; i++)
			r = ask_variable(p, n->ask[i]);
		if (r == REPLY_TEXT) {
			*st = session_advance(p->s);
			if (*st == SESSION_INVALID)
				printf("Error: %s\n", session_message(p->s));
		}
		return r;
	case SCREEN_DECISION:
		r = decide(p, st);
		if (*st == SESSION_INVALID)
			printf("Error: %s\n", session_message(p->s));
		return r;
	case SCREEN_ENDPOINT:
		print_endpoint(p);
		r = ask(p, "Press Enter to finish (b back, q quit): ");
		if (r == REPLY_TEXT) {
			*st = session_finish(p->s);
			*finished = *st != SESSION_INVALID;
		}
		return r;
	default:
		r = ask(p, "Press Enter to continue (b back, q quit): ");
		if (r == REPLY_TEXT)
			*st = session_advance(p->s);
		return r;
	}
}

/* The journal cannot be written: asks for another path to write all of it to, until that works
 * or the user gives up with an empty line or the end of input. */
static bool relocated(struct plain *p, struct journal *j)
{
	fprintf(stderr, "pathwalk: %s\n", session_message(p->s));
	while (j) {
		char *text;

		if (ask(p, "The session is kept in memory. Write the session log to another path (empty gives up): ") !=
		    REPLY_TEXT)
			break;
		text = p->line;
		if (!*text)
			break;
		if (journal_relocate(j, text) == 0) {
			printf("The session log is now written to %s\n", text);
			return true;
		}
		printf("Error: %s: %s\n", text, strerror(errno));
	}
	fprintf(stderr, "pathwalk: %zu event(s) could not be saved\n", j ? journal_pending(j) : 0);
	return false;
}

bool plain_relocate(struct session *s, struct journal *journal)
{
	struct plain p = { .s = s, .pw = session_pathway(s), .echo = !isatty(STDIN_FILENO) };
	bool moved = relocated(&p, journal);

	free(p.line);
	return moved;
}

int plain_run(struct session *s, const struct casefile *prefill, struct journal *journal, bool ids)
{
	struct plain p = { .s = s, .pw = session_pathway(s), .echo = !isatty(STDIN_FILENO), .ids = ids };
	int status = 0;

	/* The first action (the start, or the resume) could not be written: asked as for later ones. */
	if (journal && journal_pending(journal) > 0 && !relocated(&p, journal)) {
		free(p.line);
		return 5;
	}
	for (;;) {
		enum session_status st = SESSION_OK;
		bool finished = false;
		enum reply r = run_screen(&p, prefill, &st, &finished);

		if (r == REPLY_BACK) {
			st = session_back(s);
			if (st == SESSION_INVALID)
				printf("This is the first screen: there is nothing to go back to.\n");
			if (st == SESSION_JOURNAL && !relocated(&p, journal)) {
				status = 5;
				break;
			}
			continue;
		}
		if (r == REPLY_QUIT || r == REPLY_EOF || r == REPLY_SIGNAL) {
			const char *why = r == REPLY_QUIT ? "quit" : r == REPLY_EOF ? "eof" : ui_signal_name(p.signal);

			st = session_interrupt(s, why);
			status = r == REPLY_QUIT ? 0 : r == REPLY_EOF ? 1 : 128 + p.signal;
			if (r == REPLY_EOF)
				fprintf(stderr, "pathwalk: input ended before the endpoint; the walk is recorded as interrupted\n");
		}
		if (st == SESSION_JOURNAL && !relocated(&p, journal)) {
			status = p.signal ? 128 + p.signal : 5; /* a signal at the prompt ends it as a signal */
			break;
		}
		if (finished) {
			printf("Walk finished.\n");
			break;
		}
		if (r != REPLY_TEXT)
			break;
	}
	free(p.line);
	return status;
}
