/* SPDX-License-Identifier: Apache-2.0 */
/* Case files: answers, overrides and expectations, validated strictly against a pathway. */
#include "casefile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cfgread.h"
#include "expr.h"
#include "fileio.h"
#include "pathway_ids.h"
#include "session.h"
#include "session_rules.h"
#include "strbuf.h"
#include "xalloc.h"

#define CASE_MAX_BYTES (4L * 1024 * 1024)

static const char *const case_members[] = {
	"id", "title", "vignette", "answers", "overrides", "expect", NULL
};
static const char *const override_members[] = { "node", "goto", "reason", NULL };
static const char *const expect_members[] = {
	"endpoint", "warnings", "absent_warnings", "path", "status", "missing", NULL
};

struct case_loader {
	const struct pathway *pw;
	struct casefile *c;
	struct cfg_reader rd;
};

static const char *setting_kind(int type)
{
	switch (type) {
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64: return "an integer";
	case CONFIG_TYPE_BOOL: return "true/false";
	case CONFIG_TYPE_STRING: return "a string";
	case CONFIG_TYPE_ARRAY:
	case CONFIG_TYPE_LIST: return "a list";
	case CONFIG_TYPE_GROUP: return "a group";
	case CONFIG_TYPE_FLOAT: return "a decimal number";
	default: return "something else";
	}
}

static char *option_list(const struct pw_variable *v)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < v->noptions; i++)
		sb_appendf(&sb, "%s%s", i ? ", " : "", v->options[i].id);
	return sb_take(&sb);
}

static void unknown_option(struct case_loader *ld, int line, const struct pw_variable *v, const char *id)
{
	char *options = option_list(v);

	diag_add(ld->rd.diags, ld->rd.file, line, "%s: unknown option '%s' (options: %s)", v->id, id, options);
	pathway_explain_unknown(ld->pw, ld->rd.diags, (struct pw_ids){ PW_IDS_OPTION, (int)(v - ld->pw->vars), 0 },
				NULL, id);
	free(options);
}

/* Converts one answer setting to a value of var's type; false (with a diagnostic) if it is not one. */
static bool read_answer(struct case_loader *ld, int var, const config_setting_t *s, struct value *out)
{
	const struct pw_variable *v = &ld->pw->vars[var];
	int type = config_setting_type(s), line = cfg_line(s);
	const char *expected = NULL;
	char *problem;

	switch (v->type) {
	case TYPE_INT:
		if (type == CONFIG_TYPE_INT || type == CONFIG_TYPE_INT64)
			*out = value_int((long)config_setting_get_int64(s));
		else
			expected = "an integer";
		break;
	case TYPE_BOOL:
		if (type == CONFIG_TYPE_BOOL)
			*out = value_bool(config_setting_get_bool(s));
		else
			expected = "true or false";
		break;
	case TYPE_CHOICE:
		if (type != CONFIG_TYPE_STRING) {
			expected = "a quoted option id";
			break;
		}
		*out = value_choice(pathway_find_option(ld->pw, var, config_setting_get_string(s),
							strlen(config_setting_get_string(s))));
		if (out->u.choice < 0) {
			unknown_option(ld, line, v, config_setting_get_string(s));
			return false;
		}
		break;
	case TYPE_SET:
		if (type != CONFIG_TYPE_ARRAY && type != CONFIG_TYPE_LIST) {
			expected = "a list of quoted option ids ([] for none)";
			break;
		}
		*out = value_set(0);
		for (int i = 0; i < config_setting_length(s); i++) {
			config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
			const char *id = config_setting_get_string(e);
			int o = id ? pathway_find_option(ld->pw, var, id, strlen(id)) : -1;

			if (!id) {
				diag_add(ld->rd.diags, ld->rd.file, cfg_line(e), "%s: option ids must be quoted strings", v->id);
				return false;
			}
			if (o < 0) {
				unknown_option(ld, cfg_line(e), v, id);
				return false;
			}
			out->u.set |= (uint64_t)1 << o;
		}
		break;
	case TYPE_DATE:
		if (type != CONFIG_TYPE_STRING) {
			expected = "a quoted date \"YYYY-MM-DD\"";
			break;
		}
		*out = value_date(0);
		if (date_parse(config_setting_get_string(s), &out->u.date) != 0) {
			diag_add(ld->rd.diags, ld->rd.file, line, "%s: '%s' is not a real date (YYYY-MM-DD)", v->id,
				 config_setting_get_string(s));
			return false;
		}
		break;
	case TYPE_NONE:
		return false;
	}
	if (expected) {
		diag_add(ld->rd.diags, ld->rd.file, line, "%s: expected %s, got %s", v->id, expected, setting_kind(type));
		return false;
	}
	problem = session_check_value(ld->pw, var, out);
	if (problem) {
		diag_add(ld->rd.diags, ld->rd.file, line, "%s", problem);
		free(problem);
		return false;
	}
	return true;
}

static void load_answers(struct case_loader *ld, const config_setting_t *root)
{
	config_setting_t *answers = cfg_group(&ld->rd, root, "answers", true, "case");
	int n = answers ? config_setting_length(answers) : 0;

	for (int i = 0; i < n; i++) {
		config_setting_t *s = config_setting_get_elem(answers, (unsigned)i);
		const char *name = config_setting_name(s);
		int var = pathway_find_variable(ld->pw, name);

		if (var < 0) {
			diag_add(ld->rd.diags, ld->rd.file, cfg_line(s), "unknown variable '%s' (not in pathway %s)",
				 name, ld->pw->id);
			diag_point(ld->rd.diags, NULL, name, false);
			diag_suggest(ld->rd.diags, pathway_closest_id(ld->pw, (struct pw_ids){ PW_IDS_VARIABLE, -1, 0 },
								       name, strlen(name)));
			continue;
		}
		if (read_answer(ld, var, s, &ld->c->answers[var]))
			ld->c->answer_lines[var] = cfg_line(s);
		else
			ld->c->answers[var] = value_unknown();
	}
}

int casefile_broken_constraint(const struct pathway *pw, const struct value *answers,
			       const struct value *no_derived, size_t from)
{
	struct expr_env env = { pw, answers, no_derived, -1, false };

	return rules_broken_constraint(&env, from);
}

/* Cross-field checks on the answers given; each violation names every field involved. */
static void check_constraints(struct case_loader *ld)
{
	const struct pathway *pw = ld->pw;
	struct value *derived = xcalloc(pw->nderived + 1, sizeof(*derived));

	for (int i = casefile_broken_constraint(pw, ld->c->answers, derived, 0); i >= 0;
	     i = casefile_broken_constraint(pw, ld->c->answers, derived, (size_t)i + 1)) {
		const struct pw_constraint *c = &pw->constraints[i];
		struct strbuf fields = STRBUF_INIT;
		int line = 0;

		for (size_t k = 0; k < c->nvars; k++) {
			char *text = pathway_format_value_ids(pw, c->vars[k], &ld->c->answers[c->vars[k]]);

			sb_appendf(&fields, "%s%s = %s", k ? ", " : "", pw->vars[c->vars[k]].id, text);
			free(text);
			if (ld->c->answer_lines[c->vars[k]] > line)
				line = ld->c->answer_lines[c->vars[k]];
		}
		diag_add(ld->rd.diags, ld->rd.file, line, "%s (%s)", c->message, sb_str(&fields));
		sb_free(&fields);
	}
	free(derived);
}

static void load_overrides(struct case_loader *ld, const config_setting_t *root)
{
	const struct pathway *pw = ld->pw;
	config_setting_t *list = cfg_aggregate(&ld->rd, root, "overrides", false, "case");
	size_t n = list ? (size_t)config_setting_length(list) : 0;

	ld->c->overrides = xcalloc(n + 1, sizeof(*ld->c->overrides));
	for (size_t i = 0; i < n; i++) {
		config_setting_t *g = config_setting_get_elem(list, (unsigned)i);
		const char *node_id, *target_id, *reason;
		struct case_override *o = &ld->c->overrides[ld->c->noverrides];
		int node, target = -1;
		bool found = false;

		if (config_setting_type(g) != CONFIG_TYPE_GROUP) {
			diag_add(ld->rd.diags, ld->rd.file, cfg_line(g), "override %zu must be a group { node; goto; reason; }", i + 1);
			continue;
		}
		cfg_check_members(&ld->rd, g, override_members, "override");
		node_id = cfg_string(&ld->rd, g, "node", true, "override");
		target_id = cfg_string(&ld->rd, g, "goto", true, "override");
		reason = cfg_string(&ld->rd, g, "reason", true, "override");
		if (!node_id || !target_id || !reason)
			continue;
		node = pathway_find_node(pw, node_id);
		if (node < 0) {
			diag_add(ld->rd.diags, ld->rd.file, cfg_line(g), "override: unknown node '%s'", node_id);
			pathway_explain_unknown(pw, ld->rd.diags, (struct pw_ids){ PW_IDS_NODE, -1, 0 }, "node", node_id);
			continue;
		}
		if (pw->nodes[node].screen != SCREEN_DECISION) {
			diag_add(ld->rd.diags, ld->rd.file, cfg_line(g), "override: node '%s' is not a decision", node_id);
			continue;
		}
		target = pathway_find_node(pw, target_id);
		for (size_t t = 0; t < pw->nodes[node].nnext && !found; t++)
			if (pw->nodes[node].next[t].target == target) {
				o->transition = t;
				found = true;
			}
		if (!found) {
			diag_add(ld->rd.diags, ld->rd.file, cfg_line(g),
				 "override: '%s' is not one of the next steps of decision '%s'", target_id, node_id);
			continue;
		}
		if (!*reason) {
			diag_add(ld->rd.diags, ld->rd.file, cfg_line(g), "override at '%s': the reason is empty", node_id);
			continue;
		}
		o->node = node;
		o->reason = xstrdup(reason);
		o->line = cfg_line(g);
		ld->c->noverrides++;
	}
}

typedef int (*find_fn)(const struct pathway *, const char *);

static int *read_ids(struct case_loader *ld, const config_setting_t *g, const char *name, find_fn find,
		     const char *kind, size_t *count)
{
	config_setting_t *list = cfg_aggregate(&ld->rd, g, name, false, "expect");
	size_t n = list ? (size_t)config_setting_length(list) : 0;
	int *ids = xcalloc(n + 1, sizeof(*ids));

	*count = 0;
	for (size_t i = 0; i < n; i++) {
		config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
		const char *id = config_setting_get_string(e);
		int k = id ? find(ld->pw, id) : -1;

		if (k < 0) {
			struct pw_ids ids_of = { find == pathway_find_warning ? PW_IDS_WARNING : PW_IDS_NODE, -1, 0 };

			diag_add(ld->rd.diags, ld->rd.file, cfg_line(e), "expect %s: unknown %s '%s'", name, kind,
				 id ? id : "(not a string)");
			pathway_explain_unknown(ld->pw, ld->rd.diags, ids_of, name, id);
		} else
			ids[(*count)++] = k;
	}
	return ids;
}

static void load_expect(struct case_loader *ld, const config_setting_t *root)
{
	struct case_expect *x = &ld->c->expect;
	config_setting_t *g = cfg_group(&ld->rd, root, "expect", false, "case");
	const char *endpoint, *status, *missing;

	x->endpoint = -1;
	x->missing = -1;
	x->warnings = x->absent_warnings = x->path = NULL;
	if (!g)
		return;
	x->present = true;
	x->line = cfg_line(g);
	cfg_check_members(&ld->rd, g, expect_members, "expect");
	endpoint = cfg_string(&ld->rd, g, "endpoint", false, "expect");
	if (endpoint) {
		x->endpoint = pathway_find_node(ld->pw, endpoint);
		if (x->endpoint < 0 || !pathway_is_endpoint(ld->pw, x->endpoint)) {
			diag_add(ld->rd.diags, ld->rd.file, cfg_line(config_setting_get_member(g, "endpoint")),
				 "expect: '%s' is not an endpoint of pathway %s", endpoint, ld->pw->id);
			x->endpoint = -1;
		}
	}
	x->warnings = read_ids(ld, g, "warnings", pathway_find_warning, "warning", &x->nwarnings);
	x->absent_warnings = read_ids(ld, g, "absent_warnings", pathway_find_warning, "warning", &x->nabsent);
	x->path = read_ids(ld, g, "path", pathway_find_node, "node", &x->npath);
	status = cfg_string(&ld->rd, g, "status", false, "expect");
	if (status && strcmp(status, "stopped") != 0 && strcmp(status, "complete") != 0)
		diag_add(ld->rd.diags, ld->rd.file, x->line, "expect: status must be \"complete\" or \"stopped\"");
	x->expect_stopped = status && strcmp(status, "stopped") == 0;
	missing = cfg_string(&ld->rd, g, "missing", false, "expect");
	if (missing) {
		x->missing = pathway_find_variable(ld->pw, missing);
		if (x->missing < 0)
			diag_add(ld->rd.diags, ld->rd.file, x->line, "expect: missing names unknown variable '%s'", missing);
	}
}

struct casefile *casefile_load_text(const char *name, const char *text, size_t len,
				    const struct pathway *pw, struct diag_list *diags)
{
	struct case_loader ld = { pw, NULL, { name, diags } };
	size_t errors_before = diags->count;
	config_t cfg;
	config_setting_t *root;
	const char *s;

	ld.c = xcalloc(1, sizeof(*ld.c));
	ld.c->file = xstrdup(name);
	ld.rd.file = ld.c->file;
	ld.c->answers = xcalloc(pw->nvars + 1, sizeof(*ld.c->answers));
	ld.c->answer_lines = xcalloc(pw->nvars + 1, sizeof(*ld.c->answer_lines));
	ld.c->expect.endpoint = ld.c->expect.missing = -1;
	diag_set_source(diags, name, text, len);
	if (!cfg_parse(&cfg, name, text, len, 16, diags))
		goto fail;
	root = config_lookup(&cfg, "case");
	if (!root || config_setting_type(root) != CONFIG_TYPE_GROUP) {
		diag_add(diags, name, root ? cfg_line(root) : 1, "no 'case = { ... };' group: this is not a case file");
		goto fail;
	}
	cfg_check_members(&ld.rd, root, case_members, "case");
	s = cfg_string(&ld.rd, root, "id", true, "case");
	ld.c->id = s ? xstrdup(s) : NULL;
	s = cfg_string(&ld.rd, root, "title", false, "case");
	ld.c->title = s ? xstrdup(s) : NULL;
	s = cfg_string(&ld.rd, root, "vignette", false, "case");
	ld.c->vignette = s ? xstrdup(s) : NULL;
	load_answers(&ld, root);
	if (diags->count == errors_before)
		check_constraints(&ld);
	load_overrides(&ld, root);
	load_expect(&ld, root);
	if (diags->count != errors_before)
		goto fail;
	diag_set_source(diags, NULL, NULL, 0);
	config_destroy(&cfg);
	return ld.c;
fail:
	diag_set_kind(diags, errors_before, DIAG_ERROR);
	diag_set_source(diags, NULL, NULL, 0);
	config_destroy(&cfg);
	casefile_free(ld.c);
	return NULL;
}

struct casefile *casefile_load_file(const char *path, const struct pathway *pw,
				    struct diag_list *diags, bool *io_error)
{
	size_t len;
	char *text = cfg_read_file(path, CASE_MAX_BYTES, &len);
	struct casefile *c;

	*io_error = false;
	if (!text) {
		diag_add(diags, fileio_input_name(path), 0, "cannot read: %s",
			 errno == EFBIG ? "file too large" : strerror(errno));
		*io_error = true;
		return NULL;
	}
	c = casefile_load_text(fileio_input_name(path), text, len, pw, diags);
	free(text);
	return c;
}

void casefile_free(struct casefile *c)
{
	if (!c)
		return;
	free(c->file);
	free(c->id);
	free(c->title);
	free(c->vignette);
	free(c->answers);
	free(c->answer_lines);
	for (size_t i = 0; i < c->noverrides; i++)
		free(c->overrides[i].reason);
	free(c->overrides);
	free(c->expect.warnings);
	free(c->expect.absent_warnings);
	free(c->expect.path);
	free(c);
}

struct casefile *casefile_new(const struct pathway *pw, const char *file, const char *id)
{
	struct casefile *c = xcalloc(1, sizeof(*c));

	c->file = xstrdup(file);
	c->id = xstrdup(id);
	c->answers = xcalloc(pw->nvars + 1, sizeof(*c->answers));
	c->answer_lines = xcalloc(pw->nvars + 1, sizeof(*c->answer_lines));
	c->expect.endpoint = c->expect.missing = -1;
	return c;
}

void casefile_add_override(struct casefile *c, int node, size_t transition, const char *reason, int line)
{
	/* Exact-size growth: overrides are few, and casefile_free only needs the array. */
	c->overrides = xrealloc(c->overrides, (c->noverrides + 1) * sizeof(*c->overrides));
	c->overrides[c->noverrides++] = (struct case_override){ node, transition, xstrdup(reason), line };
}
