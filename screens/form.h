/* SPDX-License-Identifier: Apache-2.0 */
/* A small full-screen form of text fields, shown before a session starts: the clinician's name
 * and the patient reference of a walk (optional), the trainee's name in training (required), or
 * another path for the journal when the disk is full. Typed text is stored as typed, bounded and
 * stripped of control characters; the renderers escape it again for their formats. */
#ifndef PATHWALK_FORM_H
#define PATHWALK_FORM_H

#include <stdbool.h>
#include <stddef.h>

struct form_field {
	const char *label;  /* "Clinician's name" */
	const char *hint;   /* shown under the field; may be NULL */
	bool required;
	size_t max_chars;   /* longest accepted text, in characters */
	char *value;        /* in: the initial text (owned, may be NULL); out: the text (owned) */
};

enum form_result {
	FORM_DONE,      /* every required field has text */
	FORM_CANCELLED, /* Esc then y (Esc asks first), or Ctrl-C: the caller decides what that means */
	FORM_SIGNAL,    /* SIGTERM or SIGHUP arrived: see ui_termination_signal() */
};

/* Runs the form on the open terminal until it is done. title heads the screen, intro (may be
 * NULL) explains it, message (may be NULL) is shown as an error at first. */
enum form_result form_run(const char *title, const char *intro, const char *message, struct form_field *fields,
			  size_t count);

struct pathway;

/* As form_run; F1 shows "About this pathway" of about (when not NULL) instead of the form until
 * the next key. */
enum form_result form_run_about(const char *title, const char *intro, const char *message,
				struct form_field *fields, size_t count, const struct pathway *about);

/* Frees the values of the fields. */
void form_free(struct form_field *fields, size_t count);

#endif
