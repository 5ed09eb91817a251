/* SPDX-License-Identifier: Apache-2.0 */
/* The session fixture shared by the session tests: one fixture pathway and a session on it,
 * begun on a given day, with lookups of variables by id and of days by date. */
#ifndef PATHWALK_TEST_SESSION_FIXTURE_H
#define PATHWALK_TEST_SESSION_FIXTURE_H

#include "fixtures.h"
#include "session.h"

static struct pathway *pw;
static struct session *s;

/* The index of variable id in the fixture pathway. */
static inline int var(const char *id)
{
	return pathway_find_variable(pw, id);
}

/* The day number of a YYYY-MM-DD date, failing the test when it is not one. */
static inline long day(const char *text)
{
	long d = 0;

	cr_assert_eq(date_parse(text, &d), 0);
	return d;
}

/* Loads the fixture pathway at path into pw and begins s on it, today being the date given. */
static inline void session_fixture_open(const char *path, const char *today)
{
	pw = load_fixture(path);
	s = session_new(pw, NULL, NULL, day(today));
	cr_assert_eq(session_begin(s), SESSION_OK);
}

/* Frees what session_fixture_open made. */
static inline void session_fixture_close(void)
{
	session_free(s);
	pathway_free(pw);
}

#endif
