/* SPDX-License-Identifier: Apache-2.0 */
/* Whether a value is an acceptable answer for a variable (type, range, options, and "not
 * recorded" only where the variable is optional): shared by the session, case files and screens. */
#include "session.h"
#include "xalloc.h"

char *session_check_value(const struct pathway *pw, int var, const struct value *v)
{
	const struct pw_variable *pv = &pw->vars[var];

	if (v->type == TYPE_NONE && v->not_recorded)
		return pv->optional ? NULL : xasprintf("%s is not optional: it needs an answer", pv->id);
	if (v->type != pv->type)
		return xasprintf("%s must be %s %s", pv->id,
				 pv->type == TYPE_INT ? "an" : "a", value_type_name(pv->type));
	switch (v->type) {
	case TYPE_INT:
		if (v->u.i < pv->min || v->u.i > pv->max)
			return xasprintf("%s must be between %ld and %ld (got %ld)", pv->id, pv->min, pv->max,
					 v->u.i);
		break;
	case TYPE_CHOICE:
		if (v->u.choice < 0 || (size_t)v->u.choice >= pv->noptions)
			return xasprintf("%s: not one of its options", pv->id);
		break;
	case TYPE_SET:
		if (pv->noptions < VALUE_MAX_OPTIONS && (v->u.set >> pv->noptions) != 0)
			return xasprintf("%s: not one of its options", pv->id);
		break;
	default:
		break;
	}
	return NULL;
}
