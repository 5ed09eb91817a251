/* SPDX-License-Identifier: Apache-2.0 */
/* `pathwalk diff OLD NEW CASE|DIR|JOURNAL...`: what a new version of a pathway changes for real
 * cases. Each case (a case file, or the answers and overrides of a recorded session) is replayed
 * against both versions; the endpoints, routes and warnings are compared by id, since indices
 * differ between versions. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "clock.h"
#include "fileio.h"
#include "journal_read.h"
#include "replay.h"
#include "strbuf.h"
#include "xalloc.h"

static const char diff_usage[] =
	"usage: pathwalk diff [--force] OLD.cfg NEW.cfg CASE|DIR|JOURNAL...\n"
	"\n"
	"Replay the same cases against two versions of a pathway and report, per case, whether the\n"
	"endpoint, the route or the warnings changed, and at which node they first differ. Inputs are\n"
	"case files, directories (every *.cfg and *.jsonl below them) or session journals (*.jsonl,\n"
	"or any file starting with '{'), whose last answer per variable and whose overrides are\n"
	"replayed. A case invalid under one version is reported as such.\n"
	"\n"
	"  --force      use a journal whose hash chain is broken (see pathwalk verify) anyway\n"
	"  -h, --help   show this help\n"
	"\n"
	"Exit 0 when nothing changed, 1 when something did (or a case is invalid under one version\n"
	"only), 2 for a usage error, 3 when a pathway or input is unreadable or invalid under both, or\n"
	"a journal's hash chain is broken.\n";

/* One replay, reduced to what is compared: ids borrowed from the (still loaded) pathway. */
struct step {
	const char *node;
	const char **warnings; /* first shown at this step */
	size_t nwarnings;
};

struct outcome {
	bool valid;         /* the case (or journal) fits this pathway and replay accepted it */
	char *message;      /* owned: why it is invalid, or why it stopped */
	enum replay_status status;
	struct step *steps;
	size_t nsteps;
};

static void outcome_free(struct outcome *o)
{
	for (size_t i = 0; i < o->nsteps; i++)
		free(o->steps[i].warnings);
	free(o->steps);
	free(o->message);
	memset(o, 0, sizeof(*o));
}

/* Records the warnings shown for the first time since *seen, at the step just entered. */
static void take_new_warnings(const struct pathway *pw, const struct session *s, size_t *seen, struct step *st)
{
	size_t n;
	const int *shown = session_warnings_shown(s, &n);

	st->warnings = xcalloc(n - *seen + 1, sizeof(*st->warnings));
	for (size_t i = *seen; i < n; i++)
		st->warnings[st->nwarnings++] = pw->warnings[shown[i]].id;
	*seen = n;
}

/* Replay keeps only totals, so the route is driven once more, step by step with the same answers
 * and the same transitions, to learn at which node each warning first appeared. */
static void trace_steps(const struct pathway *pw, const struct session *done, long today, struct outcome *o)
{
	size_t nroute, seen = 0;
	const int *route = session_route(done, &nroute);
	const int *via = session_route_via(done, &nroute);
	const struct value *answers = session_answers(done);
	struct session *s = session_new(pw, NULL, NULL, today);

	o->steps = xcalloc(nroute + 1, sizeof(*o->steps));
	session_begin(s);
	for (size_t i = 0; i < nroute; i++) {
		const struct pw_node *n = &pw->nodes[route[i]];
		struct step *st = &o->steps[o->nsteps++];

		st->node = n->id;
		take_new_warnings(pw, s, &seen, st);
		if (i + 1 == nroute)
			break;
		for (size_t a = 0; a < n->nask; a++)
			session_set_answer(s, n->ask[a], answers[n->ask[a]]);
		if (n->screen == SCREEN_DECISION && via[i + 1] != session_recommended(s))
			session_override(s, (size_t)via[i + 1], "override replayed by diff");
		else
			session_advance(s);
	}
	session_free(s);
}

static void run_case(const struct pathway *pw, const struct casefile *c, long today, struct outcome *o)
{
	struct replay_result r;

	replay_run(pw, c, NULL, today, NULL, &r);
	o->status = r.status;
	o->valid = r.status == REPLAY_COMPLETE || r.status == REPLAY_STOPPED;
	if (r.message)
		o->message = xstrdup(r.message);
	if (o->valid)
		trace_steps(pw, r.session, today, o);
	replay_result_free(&r);
}

/* --- journals as cases ---------------------------------------------------------------------- */

/* Converts a journal answer to a value of var; NULL, or a message (caller frees) when it does not
 * fit this pathway's variable. */
static char *journal_value(const struct pathway *pw, int var, const struct json *j, struct value *out)
{
	*out = pathway_value_from_ids(pw, var, j);
	if (out->type == TYPE_NONE)
		return xasprintf("%s: the recorded value does not fit this version's variable (%s)", pw->vars[var].id,
				 value_type_name(pw->vars[var].type));
	return session_check_value(pw, var, out);
}

/* The override in effect at each node, as the session keeps them: set by an override, dropped by
 * an accepted decision there or by going back to it. */
static void set_override(int *chosen, const char **reason, int node, int transition, const char *why)
{
	chosen[node] = transition;
	reason[node] = why;
}

/* Builds a case for pw from the journal: the last answer per variable, the overrides in effect.
 * Returns NULL with a message in *why (caller frees) when the journal does not fit pw. */
static struct casefile *case_from_journal(const struct pathway *pw, const struct journal_log *log, char **why)
{
	const char *case_id = log->count ? json_get_string(log->events[0].object, "case") : NULL;
	const char *slash = strrchr(log->file, '/');
	struct casefile *c = casefile_new(pw, log->file, case_id ? case_id : slash ? slash + 1 : log->file);
	int *chosen = xcalloc(pw->nnodes + 1, sizeof(*chosen));
	const char **reason = xcalloc(pw->nnodes + 1, sizeof(*reason));

	*why = NULL;
	for (size_t u = 0; u < pw->nnodes; u++)
		chosen[u] = -1;
	for (size_t i = 0; i < log->count && !*why; i++) {
		const struct journal_event *e = &log->events[i];
		const char *node_id = json_get_string(e->object, strcmp(e->event, "back") == 0 ? "to" : "node");
		int node = node_id ? pathway_find_node(pw, node_id) : -1;

		if (strcmp(e->event, "answer") == 0) {
			const char *var_id = json_get_string(e->object, "var");
			const struct json *value = json_get(e->object, "value");
			int var = var_id ? pathway_find_variable(pw, var_id) : -1;
			struct value v = value_unknown();

			if (var < 0)
				*why = xasprintf("%s:%d: variable '%s' is not in this version", log->file, e->line,
						 var_id ? var_id : "(none)");
			else if (value && value->type != JSON_NULL) {
				char *problem = journal_value(pw, var, value, &v);

				if (problem)
					*why = xasprintf("%s:%d: %s", log->file, e->line, problem);
				else
					c->answers[var] = v;
				c->answer_lines[var] = e->line;
				free(problem);
			}
		} else if (strcmp(e->event, "override") == 0 || strcmp(e->event, "decision") == 0
			   || strcmp(e->event, "back") == 0) {
			const char *goto_id = json_get_string(e->object, "goto");
			int target = goto_id ? pathway_find_node(pw, goto_id) : -1, transition = -1;

			if (node < 0) {
				*why = xasprintf("%s:%d: node '%s' is not in this version", log->file, e->line,
						 node_id ? node_id : "(none)");
				break;
			}
			if (strcmp(e->event, "override") != 0) {
				set_override(chosen, reason, node, -1, NULL);
				continue;
			}
			for (size_t t = 0; t < pw->nodes[node].nnext && transition < 0; t++)
				if (pw->nodes[node].next[t].target == target)
					transition = (int)t;
			if (transition < 0 || pw->nodes[node].screen != SCREEN_DECISION)
				*why = xasprintf("%s:%d: this version has no step from decision '%s' to '%s'", log->file,
						 e->line, node_id, goto_id ? goto_id : "(none)");
			else
				set_override(chosen, reason, node, transition, json_get_string(e->object, "reason"));
		}
	}
	for (size_t u = 0; u < pw->nnodes && !*why; u++)
		if (chosen[u] >= 0)
			casefile_add_override(c, (int)u, (size_t)chosen[u], reason[u] ? reason[u] : "override", 0);
	free(chosen);
	free(reason);
	if (*why) {
		casefile_free(c);
		return NULL;
	}
	return c;
}

/* --- inputs --------------------------------------------------------------------------------- */

/* Journals are JSON lines; case files are libconfig, which never starts with '{'. */
static bool is_journal(const char *path)
{
	FILE *f;
	int ch;

	if (fileio_has_suffix(path, ".jsonl") || fileio_has_suffix(path, ".json"))
		return true;
	if (!(f = fopen(path, "rb")))
		return false;
	while ((ch = getc(f)) == ' ' || ch == '\t' || ch == '\n' || ch == '\r')
		;
	fclose(f);
	return ch == '{';
}

/* --- comparing ------------------------------------------------------------------------------ */

static const char *endpoint_of(const struct outcome *o)
{
	return o->status == REPLAY_COMPLETE && o->nsteps > 0 ? o->steps[o->nsteps - 1].node : NULL;
}

static bool has_id(const char **ids, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(ids[i], id) == 0)
			return true;
	return false;
}

/* Appends " +a -b" for the warnings only in `after` (+) and only in `before` (-). */
static void warning_changes(struct strbuf *sb, const char **before, size_t nbefore, const char **after, size_t nafter)
{
	for (size_t i = 0; i < nafter; i++)
		if (!has_id(before, nbefore, after[i]))
			sb_appendf(sb, " +%s", after[i]);
	for (size_t i = 0; i < nbefore; i++)
		if (!has_id(after, nafter, before[i]))
			sb_appendf(sb, " -%s", before[i]);
}

static void all_warnings(const struct outcome *o, const char ***ids, size_t *n)
{
	size_t total = 0;

	for (size_t i = 0; i < o->nsteps; i++)
		total += o->steps[i].nwarnings;
	*ids = xcalloc(total + 1, sizeof(**ids));
	*n = 0;
	for (size_t i = 0; i < o->nsteps; i++)
		for (size_t k = 0; k < o->steps[i].nwarnings; k++)
			(*ids)[(*n)++] = o->steps[i].warnings[k];
}

static const char *status_name(enum replay_status st)
{
	return st == REPLAY_COMPLETE ? "complete" : st == REPLAY_STOPPED ? "stopped" : "invalid";
}

/* Appends what changed between two valid outcomes; nothing when they are the same. */
static void compare_outcomes(const struct outcome *a, const struct outcome *b, struct strbuf *why)
{
	const char *ea = endpoint_of(a), *eb = endpoint_of(b);
	const char **wa, **wb;
	size_t i = 0, nwa, nwb;
	struct strbuf changes = STRBUF_INIT;

	if (a->status != b->status)
		sb_appendf(why, "; status: %s -> %s", status_name(a->status), status_name(b->status));
	if ((ea || eb) && (!ea || !eb || strcmp(ea, eb) != 0))
		sb_appendf(why, "; endpoint: %s -> %s", ea ? ea : "none", eb ? eb : "none");
	while (i < a->nsteps && i < b->nsteps && strcmp(a->steps[i].node, b->steps[i].node) == 0)
		i++;
	if (i < a->nsteps || i < b->nsteps) {
		const char *na = i < a->nsteps ? a->steps[i].node : "(end)";
		const char *nb = i < b->nsteps ? b->steps[i].node : "(end)";

		if (i == 0)
			sb_appendf(why, "; route first differs at the start: %s -> %s", na, nb);
		else
			sb_appendf(why, "; route first differs at %s (step %zu): next %s -> %s", a->steps[i - 1].node,
				   i, na, nb);
	}
	for (size_t k = 0; k < i; k++) {
		warning_changes(&changes, a->steps[k].warnings, a->steps[k].nwarnings, b->steps[k].warnings,
				b->steps[k].nwarnings);
		if (changes.len) {
			sb_appendf(why, "; warnings first differ at %s (step %zu):%s", a->steps[k].node, k + 1,
				   sb_str(&changes));
			break;
		}
	}
	sb_free(&changes);
	all_warnings(a, &wa, &nwa);
	all_warnings(b, &wb, &nwb);
	warning_changes(&changes, wa, nwa, wb, nwb);
	if (changes.len)
		sb_appendf(why, "; warnings on the whole walk:%s", sb_str(&changes));
	sb_free(&changes);
	free(wa);
	free(wb);
}

/* Loads one input against pw and replays it into *o. Returns false when the file cannot be read
 * at all (exit 3); an input that does not fit pw gives a valid=false outcome with a message. */
static bool run_input(const struct pathway *pw, const char *path, bool journal, bool force, char **case_id,
		      struct outcome *o)
{
	struct diag_list diags = { 0 };
	struct casefile *c = NULL;
	long today = clock_today();
	bool io_error = false;

	memset(o, 0, sizeof(*o));
	o->status = REPLAY_INVALID;
	if (journal) {
		struct journal_log log;
		const char *recorded;
		long days;

		if (journal_read_verified(path, force, &log, &diags) != 0) {
			diag_print(&diags, stderr);
			diag_clear(&diags);
			journal_log_free(&log);
			return false;
		}
		diag_print(&log.notices, stderr);
		recorded = log.count ? json_get_string(log.events[0].object, "today") : NULL;
		if (recorded && date_parse(recorded, &days) == 0)
			today = days; /* "today" defaults mean the day of the session */
		c = case_from_journal(pw, &log, &o->message);
		journal_log_free(&log);
	} else {
		c = casefile_load_file(path, pw, &diags, &io_error);
		if (io_error) {
			diag_print(&diags, stderr);
			diag_clear(&diags);
			return false;
		}
		if (!c) {
			/* The first problem says enough to tell versions apart; replay or check lists all. */
			o->message = diags.count == 0 ? xstrdup("invalid case")
				     : xasprintf("%s:%d: %s%s", diags.items[0].file, diags.items[0].line,
						 diags.items[0].message, diags.count > 1 ? " (and more)" : "");
		}
		diag_clear(&diags);
	}
	if (c) {
		if (!*case_id)
			*case_id = xstrdup(c->id);
		run_case(pw, c, today, o);
		casefile_free(c);
	}
	return true;
}

/* Diffs one input; returns 0 unchanged, 1 changed, 3 unreadable or invalid under both. */
static int diff_input(const struct pathway *old_pw, const struct pathway *new_pw, const char *path, bool force)
{
	bool journal = is_journal(path);
	struct outcome a, b;
	struct strbuf why = STRBUF_INIT;
	char *case_id = NULL;
	int result;

	if (!run_input(old_pw, path, journal, force, &case_id, &a))
		return EXIT_INPUT;
	if (!run_input(new_pw, path, journal, force, &case_id, &b)) {
		outcome_free(&a);
		return EXIT_INPUT;
	}
	if (!a.valid || !b.valid) {
		printf("INVALID %s (%s):", case_id ? case_id : path, path);
		if (!a.valid)
			printf(" invalid under %s: %s%s", old_pw->file, a.message ? a.message : "refused", b.valid ? "" : ";");
		if (!b.valid)
			printf(" invalid under %s: %s", new_pw->file, b.message ? b.message : "refused");
		putchar('\n');
		result = a.valid || b.valid ? EXIT_NEGATIVE : EXIT_INPUT;
	} else {
		compare_outcomes(&a, &b, &why);
		if (why.len) {
			printf("CHANGED %s (%s): %s\n", case_id, path, sb_str(&why) + 2);
			result = EXIT_NEGATIVE;
		} else {
			printf("same    %s: %s\n", case_id, endpoint_of(&a) ? endpoint_of(&a) : "stopped");
			result = EXIT_OK;
		}
	}
	sb_free(&why);
	free(case_id);
	outcome_free(&a);
	outcome_free(&b);
	return result;
}

int cmd_diff(int argc, char **argv)
{
	static const struct option options[] = {
		{ "force", no_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_files inputs = { 0 };
	static const char *const suffixes[] = { ".cfg", ".jsonl", NULL };
	struct pathway *old_pw, *new_pw;
	size_t changed = 0, same = 0, invalid = 0;
	bool inputs_ok = true, force = false;
	int ch, status = EXIT_OK;

	optind = 1;
	while ((ch = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
		if (ch == 'F') {
			force = true;
			continue;
		}
		if (ch == 'h') {
			fputs(diff_usage, stdout);
			return EXIT_OK;
		}
		return cli_bad_option("diff", ch, argv, options);
	}
	if (argc - optind < 3)
		return cli_usage_error("diff", "diff needs two pathway files and at least one case, directory or journal");
	if (!cli_init_clock())
		return EXIT_USAGE;
	old_pw = cli_load_pathway(argv[optind]);
	new_pw = cli_load_pathway(argv[optind + 1]);
	if (!old_pw || !new_pw) {
		pathway_free(old_pw);
		pathway_free(new_pw);
		return EXIT_INPUT;
	}
	for (int i = optind + 2; i < argc; i++)
		inputs_ok = cli_collect_files(&inputs, argv[i], suffixes) && inputs_ok;
	for (size_t i = 0; i < inputs.count; i++) {
		int r = diff_input(old_pw, new_pw, inputs.paths[i], force);

		changed += r == EXIT_NEGATIVE;
		same += r == EXIT_OK;
		invalid += r == EXIT_INPUT;
		if (r > status)
			status = r;
	}
	cli_files_free(&inputs);
	printf("%zu unchanged, %zu changed, %zu unreadable or invalid\n", same, changed, invalid);
	if (!inputs_ok)
		status = EXIT_INPUT;
	pathway_free(old_pw);
	pathway_free(new_pw);
	return status;
}
