/* SPDX-License-Identifier: Apache-2.0 */
/* The pathway model: loading a libconfig pathway file, validating it, and looking things up.
 * A loaded pathway is immutable; everything in it is owned by it and freed by pathway_free(). */
#ifndef PATHWALK_PATHWAY_H
#define PATHWALK_PATHWAY_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "strmap.h"
#include "value.h"

struct expr;

enum screen_kind { SCREEN_INFO, SCREEN_QUESTION, SCREEN_DECISION, SCREEN_ENDPOINT };

struct pw_option {
	char *id;
	char *label;
};

struct pw_variable {
	char *id;
	enum value_type type;
	long min, max;              /* TYPE_INT only */
	struct pw_option *options;  /* TYPE_CHOICE and TYPE_SET */
	size_t noptions;
	char *prompt, *help, *unit; /* help and unit may be NULL */
	char *short_name;           /* `short`: a few words naming it in explanations; may be NULL */
	bool has_default;
	bool default_today;         /* TYPE_DATE whose default is the session's date */
	struct value default_value; /* valid when has_default && !default_today */
	bool optional;              /* may be "not recorded" (a case may omit it) */
	char *default_expr_source;  /* a default computed from other answers; NULL: none */
	struct expr *default_expr;  /* same type (and options) as the variable */
	char *default_when_source;  /* NULL: default_expr always applies */
	struct expr *default_when;
	int line;
};

struct pw_derived {
	char *id;
	char *label;                /* may be NULL */
	char *source;               /* the expression as written */
	struct expr *expr;
	enum value_type type;
	int domain;                 /* variable index for CHOICE/SET results, else -1 */
	int line;
};

struct pw_reference {
	char *id, *citation;
	int line;
};

struct pw_stage {
	char *id, *label;
	int line;
};

struct pw_evidence {
	int *refs;
	size_t nrefs;
	char *note;
	char *when_source;          /* NULL: always shown */
	struct expr *when;
	int line;
};

/* One item of an endpoint's actions or document: shown only when `when` is absent or true. */
struct pw_plan_item {
	char *text;                 /* may contain {id} interpolations */
	char *when_source;          /* NULL: always shown */
	struct expr *when;
	int *refs;                  /* reference indices */
	size_t nrefs;
	int line;
};

/* An endpoint's actions or document: a string in the file is one unconditional item. */
struct pw_plan {
	struct pw_plan_item *items;
	size_t nitems;
};

/* How much a warning matters (its `severity`): the screens mark each with a word and show the
 * most severe first; the journal's warning event records it. */
enum pw_severity {
	PW_URGENT,  /* act now: e.g. when to seek emergency care */
	PW_CAUTION, /* a risk to weigh or a step to take before going on (the default) */
	PW_ADVICE,  /* advice to give or to record */
};

struct pw_warning {
	char *id, *title;
	enum pw_severity severity;
	bool severity_given;        /* false: the file did not say, and it is PW_CAUTION */
	struct pw_plan text;        /* a string, or items each shown where its `when` holds */
	char *when_source;
	struct expr *when;          /* shown at a node when this is true there */
	int *refs;                  /* reference indices */
	size_t nrefs;
	int line;
};

struct pw_transition {
	char *when_source;          /* NULL: the fallback */
	struct expr *when;
	int target;                 /* node index */
	char *label;                /* may be NULL: then the target's title is used */
	int line;
};

struct pw_constraint {
	char *require_source;
	struct expr *require;       /* must be true once every variable in it is known */
	char *message;
	int *vars;                  /* variables the expression mentions */
	size_t nvars;
	int line;
};

struct pw_node {
	char *id;
	int stage;
	enum screen_kind screen;
	char *title, *text;         /* text may contain {id} interpolations */
	char *recommendation;       /* endpoints; may be NULL */
	struct pw_plan actions, document; /* endpoints; may be empty */
	int *ask;                   /* variable indices asked on this screen */
	size_t nask;
	struct pw_evidence *evidence;
	size_t nevidence;
	struct pw_transition *next; /* empty: an endpoint */
	size_t nnext;
	int line;
};

struct pathway {
	char *file;                 /* file name used in messages ("<bundled>/sciatica.cfg" when embedded) */
	char sha256[65];            /* of the source bytes, lowercase hex */
	char *id, *title, *version, *review_date, *disclaimer, *notes;
	char *scope;                   /* who the pathway is for; may be NULL */
	char **choices;                /* numbered choices made where sources are ambiguous */
	size_t nchoices;
	int start;

	struct pw_reference *refs;     size_t nrefs;
	struct pw_stage *stages;       size_t nstages;
	struct pw_variable *vars;      size_t nvars;
	struct pw_derived *derived;    size_t nderived;
	struct pw_warning *warnings;   size_t nwarnings;
	struct pw_constraint *constraints; size_t nconstraints;
	struct pw_node *nodes;         size_t nnodes;

	struct strmap ref_index, stage_index, var_index, derived_index, warning_index, node_index;
};

/* Limits checked before libconfig sees the text. */
#define PATHWAY_MAX_NESTING 32
#define PATHWAY_MAX_BYTES (64L * 1024 * 1024)

/* Loads and validates the pathway in the file at path. On success returns the pathway (free with
 * pathway_free); on failure returns NULL and appends every problem found to diags. Sets *io_error
 * when the file could not be read at all (so callers can tell I/O from content problems). */
struct pathway *pathway_load_file(const char *path, struct diag_list *diags, bool *io_error);

/* As pathway_load_file, and hands over the file's text as read (NUL-terminated, *len bytes; the
 * caller frees it; NULL when the file could not be read), e.g. for a second look at standard input.
 * Without hash, pw->sha256 is left empty: for pathway check, which never journals the digest. */
struct pathway *pathway_load_file_text(const char *path, struct diag_list *diags, bool *io_error,
				       char **text, size_t *len, bool hash);

/* As pathway_load_file, for text already in memory; name is used in messages. */
struct pathway *pathway_load_text(const char *name, const char *text, size_t len, struct diag_list *diags);

/* As pathway_load_text, without computing pw->sha256 (left empty). */
struct pathway *pathway_load_text_unhashed(const char *name, const char *text, size_t len,
					   struct diag_list *diags);

/* As pathway_load_text; with broken not NULL (*broken false), a pathway group that has problems is
 * still returned, as far as it could be read, for drawing it (graph): *broken is set true then. Such a draft may lack
 * ids (NULL), stages and targets (-1) and conditions (NULL with a source); it must not be walked.
 * NULL when the text is not a pathway at all (unreadable, a syntax error, no pathway group). */
struct pathway *pathway_load_draft(const char *name, const char *text, size_t len, struct diag_list *diags,
				   bool *broken);

/* As pathway_load_file, returning a draft as pathway_load_draft does. */
struct pathway *pathway_load_file_draft(const char *path, struct diag_list *diags, bool *io_error, bool *broken);

/* Loads the pathway embedded in the binary at build time. */
struct pathway *pathway_load_bundled(struct diag_list *diags);

/* Frees a pathway and everything it owns; NULL is fine. Does nothing once the process exits next
 * (xalloc_keep_at_exit), as the pathway is then freed with the process. */
void pathway_free(struct pathway *pw);

/* Index lookups by id; return -1 when there is no such id. */
int pathway_find_node(const struct pathway *pw, const char *id);
int pathway_find_variable(const struct pathway *pw, const char *id);

/* The words that name variable var in explanations: its `short`, else its prompt. */
const char *pathway_var_short(const struct pathway *pw, int var);
int pathway_find_derived(const struct pathway *pw, const char *id);
int pathway_find_warning(const struct pathway *pw, const char *id);

/* The word of a severity in the pathway file and the journal: "urgent", "caution" or "advice". */
const char *pathway_severity_name(enum pw_severity severity);

/* A severity's mark and word in ASCII, for line output: "!! Urgent:", "! Caution:", "i Advice:". */
const char *pathway_severity_label(enum pw_severity severity);

/* The severity a word names; false (and *out untouched) when it names none. */
bool pathway_severity_parse(const char *word, enum pw_severity *out);
int pathway_find_reference(const struct pathway *pw, const char *id);
/* Option index of id within variable var, or -1. */
int pathway_find_option(const struct pathway *pw, int var, const char *id, size_t len);

/* True when the node has no outgoing transitions. */
bool pathway_is_endpoint(const struct pathway *pw, int node);

/* Formats a value of variable (or derived value with domain) for people: option labels, dates,
 * "yes"/"no", "none" for an empty set, "not recorded" for an optional answer left out, "not
 * answered" for unknown. Caller frees. */
char *pathway_format_value(const struct pathway *pw, int domain, const struct value *v);

/* As pathway_format_value for variable var, with the variable's unit after an int: "20%", "6/10",
 * "4 weeks", and "1 week" (a unit ending in s drops it for one). Caller frees. */
char *pathway_format_value_unit(const struct pathway *pw, int var, const struct value *v);

/* Formats a value with option ids, as written in files ("tpi", ["a", "b"], "2025-01-01"). Caller frees. */
char *pathway_format_value_ids(const struct pathway *pw, int domain, const struct value *v);

struct json;

/* The inverse, from a parsed JSON value as pathway_format_value_ids writes it (42, true, "opt",
 * ["a","b"], "2024-03-01") to a value of variable var; TYPE_NONE when it does not fit the variable. */
struct value pathway_value_from_ids(const struct pathway *pw, int var, const struct json *j);

#endif
