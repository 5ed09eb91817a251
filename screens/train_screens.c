/* SPDX-License-Identifier: Apache-2.0 */
/* The training screens. The decision screen shows the candidate next steps and nothing that hints
 * at the pathway's answer (no mark, no condition, no explanation, no evidence, not the node's
 * rule text) until the trainee commits; then it reveals the verdict, the explanation of every
 * candidate and the evidence. The vignette and the debrief are overlays like the help. */
#include "screen.h"

#include <stdlib.h>
#include <string.h>

#include "training.h"
#include "xalloc.h"
#include "wrap.h"

/* ---------------------------------------------------------------- the decision */

struct blind {
	struct session_candidate *cand;
	size_t count;
	int cursor;   /* the highlighted step; -1 on arrival: a reflex Enter commits to nothing */
	int asking;   /* the step the confirmation names ("Commit to 2. ...? y/n"); -1 none */
};

static void *blind_open(struct screen_ctx *ctx)
{
	struct blind *b = xcalloc(1, sizeof(*b));

	b->count = session_candidates(ctx->s, &b->cand);
	b->cursor = b->asking = -1;
	return b;
}

static void blind_close(void *state)
{
	struct blind *b = state;

	if (!b)
		return;
	session_candidates_free(b->cand, b->count);
	free(b);
}

static const struct training_choice *committed(const struct screen_ctx *ctx)
{
	return training_choice_at(ctx->training, session_node(ctx->s));
}

/* What the trainee decides from: every finding answered so far, as entered. */
static void add_findings(struct screen_ctx *ctx, struct ui_doc *body)
{
	const struct value *answers = session_answers(ctx->s);

	doc_blank(body);
	doc_add(body, 0, NULL, ST_HEADING, "Findings so far:", ST_HEADING, 0);
	for (size_t v = 0; v < ctx->pw->nvars; v++) {
		char *text, *prefix;

		if (answers[v].type == TYPE_NONE)
			continue;
		text = pathway_format_value(ctx->pw, (int)v, &answers[v]);
		prefix = xasprintf("%s: ", ctx->pw->vars[v].prompt);
		/* Wrapped, never cut: a prompt too wide to hang the value on gets a line of its own. */
		if (wrap_width(prefix, strlen(prefix)) + 2 <= body->width / 2) {
			doc_add(body, 2, prefix, ST_DIM, text, ST_NORMAL, 0);
		} else {
			doc_add(body, 2, NULL, ST_DIM, prefix, ST_DIM, 0);
			doc_add(body, 6, NULL, ST_NORMAL, text, ST_NORMAL, 0);
		}
		free(prefix);
		free(text);
	}
}

static void draw_blind(struct screen_ctx *ctx, struct blind *b, struct ui_doc *body, struct ui_doc *pane)
{
	const char *pointer = doc_glyph(GL_POINTER);

	screen_node_title(ctx, body);
	doc_blank(body);
	doc_add(body, 0, NULL, ST_HEADING, "Which next step? Commit to one before the pathway's answer is shown:",
		ST_HEADING, 0);
	for (size_t i = 0; i < b->count; i++) {
		bool here = (int)i == b->cursor;
		char *prefix = xasprintf("%s %zu. ", here ? pointer : " ", i + 1);

		doc_add(body, 0, prefix, here ? ST_FOCUS : ST_NORMAL, b->cand[i].label, here ? ST_FOCUS : ST_NORMAL,
			(int)i + 1);
		free(prefix);
	}
	body->focus = b->cursor + 1;
	if (b->asking >= 0) {
		char *question = xasprintf("Commit to %d. %s? y commits, n does not", b->asking + 1,
					   b->cand[b->asking].label);

		doc_blank(body);
		doc_add(body, 0, NULL, ST_FOCUS, question, ST_FOCUS, (int)b->count + 1);
		body->focus = (int)b->count + 1;
		free(question);
	}
	add_findings(ctx, body);
	doc_add(pane, 0, NULL, ST_DIM, "The explanation and the evidence are shown once you have committed.",
		ST_DIM, 0);
}

/* The reveal's explanation of the decision at node n, where the trainee chose step chosen: the
 * node's rule text, then each step's condition with this patient's values (the candidates as
 * explained at the commit). The debrief repeats it for each wrong choice, in the same words. */
static void add_explanation(struct screen_ctx *ctx, const struct pw_node *n, size_t chosen, size_t indent,
			    struct ui_doc *body)
{
	size_t count;
	const struct session_candidate *cand = training_candidates_at(ctx->training, (int)(n - ctx->pw->nodes), &count);
	const char *star = doc_glyph(GL_STAR);

	if (n->text) {
		char *text = session_render_text(ctx->s, n->text);

		doc_blank(body);
		doc_add(body, indent, NULL, ST_NORMAL, text, ST_NORMAL, 0);
		free(text);
	}
	doc_blank(body);
	doc_add(body, indent, NULL, ST_HEADING, "Why: each step's condition with this patient's values", ST_HEADING, 0);
	for (size_t i = 0; i < count; i++) {
		const struct session_candidate *c = &cand[i];
		char *prefix = xasprintf("  %s %zu. ", c->recommended ? star : " ", i + 1);
		char *label = c->recommended ? xasprintf("%s  [recommended]", c->label)
					     : i == chosen ? xasprintf("%s  [your choice]", c->label)
							   : xstrdup(c->label);

		doc_add(body, indent, prefix, ST_NORMAL, label, c->recommended ? ST_RECOMMENDED : ST_NORMAL, 0);
		screen_candidate_clauses(body, c, indent + 8, 0, EXPLAIN_ALL_DEPTHS, ctx->ids);
		free(prefix);
		free(label);
	}
}

static void draw_reveal(struct screen_ctx *ctx, const struct training_choice *ch, struct ui_doc *body,
			struct ui_doc *pane)
{
	const struct pw_node *n = &ctx->pw->nodes[session_node(ctx->s)];

	screen_node_title(ctx, body);
	doc_blank(body);
	/* A mark and a word, not only a colour. */
	doc_add(body, 0, doc_glyph(ch->correct ? GL_RIGHT : GL_WRONG), ch->correct ? ST_OK : ST_FAIL,
		ch->correct ? TRAINING_CORRECT : TRAINING_INCORRECT, ST_HEADING, 0);
	doc_add(body, 2, "You chose: ", ST_DIM, training_step_label(ctx->pw, &n->next[ch->chosen]), ST_NORMAL, 0);
	doc_add(body, 2, "The pathway recommends: ", ST_DIM, training_step_label(ctx->pw, &n->next[ch->recommended]),
		ST_RECOMMENDED, 0);
	add_explanation(ctx, n, ch->chosen, 0, body);
	doc_blank(body);
	doc_add(body, 0, NULL, ST_DIM, "Enter continues along the pathway's route.", ST_DIM, 0);
	screen_evidence(ctx, pane);
}

static void blind_draw(struct screen_ctx *ctx, struct ui_doc *body, struct ui_doc *pane)
{
	const struct training_choice *ch = committed(ctx);

	if (ch)
		draw_reveal(ctx, ch, body, pane);
	else
		draw_blind(ctx, ctx->state, body, pane);
}

/* y to the confirmation commits; n or Esc does not; other keys wait for the answer. */
static enum screen_intent confirm_key(struct screen_ctx *ctx, struct blind *b, const struct ui_event *ev)
{
	if (ev->action == UI_YES) {
		ctx->commit_transition = b->cand[b->asking].transition;
		b->asking = -1;
		return SCREEN_COMMIT;
	}
	if (ev->action == UI_NO || ev->action == UI_CANCEL)
		b->asking = -1;
	return SCREEN_STAY;
}

static enum screen_intent blind_key(struct screen_ctx *ctx, const struct ui_event *ev)
{
	struct blind *b = ctx->state;

	if (committed(ctx))
		return ev->action == UI_CONFIRM ? SCREEN_NEXT : SCREEN_IGNORED;
	if (b->asking >= 0)
		return confirm_key(ctx, b, ev);
	switch (ev->action) {
	case UI_UP:
		b->cursor = b->cursor > 0 ? b->cursor - 1 : (int)b->count - 1;
		return SCREEN_STAY;
	case UI_DOWN:
		b->cursor = b->cursor + 1 < (int)b->count ? b->cursor + 1 : b->cursor;
		return SCREEN_STAY;
	case UI_PICK:
		if ((size_t)(ev->ch - '1') >= b->count) {
			screen_message(ctx, true, "There is no step %ld here", ev->ch - '0');
			return SCREEN_STAY;
		}
		b->cursor = b->asking = (int)(ev->ch - '1');
		screen_message(ctx, false, NULL); /* the question replaces an earlier "Pick a step first" */
		return SCREEN_STAY;
	case UI_CONFIRM:
		if (b->cursor < 0) {
			screen_message(ctx, true, "Pick a step first: its number, or highlight it with the arrows");
		} else {
			b->asking = b->cursor;
			screen_message(ctx, false, NULL);
		}
		return SCREEN_STAY;
	default:
		return SCREEN_IGNORED;
	}
}

static enum screen_intent blind_click(struct screen_ctx *ctx, int target)
{
	struct blind *b = ctx->state;

	if (committed(ctx) || b->asking >= 0 || target < 1 || (size_t)target > b->count)
		return SCREEN_IGNORED;
	b->cursor = target - 1;
	return SCREEN_STAY;
}

static const char *blind_hints(const struct screen_ctx *ctx)
{
	const struct blind *b = ctx->state;

	if (committed(ctx))
		return "?:help  Enter:continue  e:evidence  v:vignette  b:back  q:quit";
	if (b->asking >= 0)
		return "y:commit  n:not yet";
	return "?:help  1-9:pick  Up/Down:move  Enter:commit (asks y/n)  v:vignette  b:back  q:quit";
}

const struct screen_ops train_decision_screen = {
	.name = "training decision",
	.open = blind_open,
	.close = blind_close,
	.draw = blind_draw,
	.key = blind_key,
	.click = blind_click,
	.hints = blind_hints,
	.pane_title = "Why and evidence",
};

/* ---------------------------------------------------------------- overlays */

static void *overlay_open(struct screen_ctx *ctx)
{
	(void)ctx;
	return NULL;
}

static void overlay_close(void *state)
{
	(void)state;
}

static enum screen_intent overlay_key(struct screen_ctx *ctx, const struct ui_event *ev)
{
	(void)ctx;
	switch (ev->action) {
	case UI_CANCEL:
	case UI_QUIT:
	case UI_CONFIRM:
		return SCREEN_CLOSE;
	default:
		return SCREEN_IGNORED;
	}
}

static enum screen_intent overlay_click(struct screen_ctx *ctx, int target)
{
	(void)ctx;
	(void)target;
	return SCREEN_IGNORED;
}

static void vignette_draw(struct screen_ctx *ctx, struct ui_doc *body, struct ui_doc *pane)
{
	const struct casefile *c = training_case(ctx->training);

	(void)pane;
	doc_add(body, 0, "Case: ", ST_HEADING, c->title ? c->title : "(untitled)", ST_HEADING, 0);
	doc_blank(body);
	doc_add(body, 0, NULL, ST_NORMAL, c->vignette ? c->vignette : "(this case has no vignette)", ST_NORMAL, 0);
	doc_blank(body);
	doc_add(body, 0, NULL, ST_DIM,
		training_enters_findings(ctx->training)
			? "You will enter the findings yourself from this vignette; each is compared with the case's."
			: "The case's findings are filled in on each screen for you to review.",
		ST_DIM, 0);
	doc_add(body, 0, NULL, ST_DIM,
		"At each decision, commit to a next step; the pathway's answer is shown after you commit. "
		"v shows this vignette again.",
		ST_DIM, 0);
}

static const char *vignette_hints(const struct screen_ctx *ctx)
{
	(void)ctx;
	return "Enter:start/continue  Up/Down:scroll  q:close";
}

const struct screen_ops vignette_screen = {
	.name = "vignette",
	.open = overlay_open,
	.close = overlay_close,
	.draw = vignette_draw,
	.key = overlay_key,
	.click = overlay_click,
	.hints = vignette_hints,
	.pane_title = "Evidence",
};

static void debrief_draw(struct screen_ctx *ctx, struct ui_doc *body, struct ui_doc *pane)
{
	size_t n, correct, total, fm, ft;
	const int *route = session_route(ctx->s, &n);

	(void)pane;
	training_score(ctx->training, &correct, &total);
	training_findings_score(ctx->training, &fm, &ft);
	doc_addf(body, 0, ST_HEADING, "Debrief: %zu of %zu decisions matched the pathway", correct, total);
	if (ft > 0)
		doc_addf(body, 0, ST_NORMAL, "Findings entered as in the case: %zu of %zu", fm, ft);
	for (size_t i = 0; i < n; i++) {
		const struct training_choice *ch = training_choice_at(ctx->training, route[i]);
		const struct pw_node *d = &ctx->pw->nodes[route[i]];
		char *head;

		if (!ch)
			continue;
		head = xasprintf("%s %s", doc_glyph(ch->correct ? GL_TRUE : GL_FALSE), d->title);
		doc_blank(body);
		doc_addf(body, 0, ch->correct ? ST_OK : ST_FAIL, "%s  (%s, %lds)", head,
			 ch->correct ? "correct" : "incorrect", ch->seconds);
		doc_add(body, 4, "you chose:       ", ST_DIM, training_step_label(ctx->pw, &d->next[ch->chosen]),
			ST_NORMAL, 0);
		doc_add(body, 4, "pathway's step:  ", ST_DIM, training_step_label(ctx->pw, &d->next[ch->recommended]),
			ST_NORMAL, 0);
		if (!ch->correct)
			add_explanation(ctx, d, ch->chosen, 4, body);
		free(head);
	}
	doc_blank(body);
	doc_add(body, 0, NULL, ST_DIM, "The score and this debrief are in the session log. Enter closes.", ST_DIM, 0);
}

static const char *debrief_hints(const struct screen_ctx *ctx)
{
	(void)ctx;
	return "Enter:done  Up/Down/PgUp/PgDn:scroll";
}

const struct screen_ops debrief_screen = {
	.name = "debrief",
	.open = overlay_open,
	.close = overlay_close,
	.draw = debrief_draw,
	.key = overlay_key,
	.click = overlay_click,
	.hints = debrief_hints,
	.pane_title = "Evidence",
};

static void findings_draw(struct screen_ctx *ctx, struct ui_doc *body, struct ui_doc *pane)
{
	const char *at = ctx->differences ? ctx->differences : "";

	(void)pane;
	doc_add(body, 0, NULL, ST_HEADING, "Your findings differ from the case's", ST_HEADING, 0);
	doc_blank(body);
	while (*at) {
		const char *end = strstr(at, "; ");
		size_t len = end ? (size_t)(end - at) : strlen(at);
		char *item = xstrndup(at, len);

		doc_add(body, 2, "- ", ST_FAIL, item, ST_NORMAL, 0);
		free(item);
		at += len + (end ? 2 : 0);
	}
	doc_blank(body);
	doc_add(body, 0, NULL, ST_NORMAL,
		"Each comparison is in the session log. The case's findings are now filled in, so the "
		"decisions that follow are the case's. Enter goes back to the screen; Enter there continues.",
		ST_NORMAL, 0);
}

static const char *findings_hints(const struct screen_ctx *ctx)
{
	(void)ctx;
	return "Enter:back to the screen  Up/Down:scroll";
}

const struct screen_ops findings_screen = {
	.name = "findings",
	.open = overlay_open,
	.close = overlay_close,
	.draw = findings_draw,
	.key = overlay_key,
	.click = overlay_click,
	.hints = findings_hints,
	.pane_title = "Evidence",
};
