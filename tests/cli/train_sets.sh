#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Case sets and the library's order: `train --list` along the pathway (stage of the endpoint in
# breadcrumb order, then title, edge cases last); `train --list --set` and `train --plain --set`
# in the set's order; every error in a set with its FILE:LINE and exit 3; usage errors; the
# --plain debrief's explanation of a wrong choice.
# Usage: train_sets.sh PATHWALK SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"
export PATHWALK_NOW=2025-02-17T09:00:00Z TZ=UTC LC_ALL=C.UTF-8 XDG_STATE_HOME=$tmp/state

expect_in() { # FILE TEXT DESCRIPTION
	if file_has "$1" "$2"; then ok; else bad "$3: '$2' not in $(basename "$1")"; tail -n 15 "$1" | sed 's/^/  | /'; fi
}
expect_status() { # WANT GOT DESCRIPTION
	if [ "$1" = "$2" ]; then ok; else bad "$3: exit $2, expected $1"; sed 's/^/  | /' "$tmp/err" | head; fi
}
expect_eq() { # WANT GOT DESCRIPTION
	if [ "$1" = "$2" ]; then ok; else bad "$3: got '$2', expected '$1'"; fi
}

# --list along the pathway. The stages in breadcrumb order, from `pathwalk check`'s view of the
# pathway: the order of the stage ids in the --stage error message.
"$bin" train --list --stage nope 2>"$tmp/err" >/dev/null
stages=$(sed -n 's/.*(the stages: \(.*\)).*/\1/p' "$tmp/err" | tr -d ' ' | tr ',' '\n')
[ -n "$stages" ] && ok || bad "the stages could not be read from the --stage error"
"$bin" train --list >"$tmp/list" 2>"$tmp/err"
expect_status 0 $? "--list"
# One row per case: id, stage, title (the line after).
awk '/^[^ ]/ { id = $1; st = $2; getline; sub(/^    /, ""); print id "\t" st "\t" $0 }' "$tmp/list" >"$tmp/rows"
bundled=("$src"/config/cases/*.cfg)
mapfile -t rows <"$tmp/rows"
expect_eq "${#bundled[@]}" "${#rows[@]}" "--list lists every bundled case"
# The order, checked by one awk over the rows (each stage's rank from the list of stages; titles
# compared as `LC_ALL=C sort -f` orders two lines: case folded, then byte by byte); it prints each
# row out of order, then "ok" when none is.
order=$(printf '%s\n' "$stages" | LC_ALL=C awk -F '\t' 'FNR == NR { rank[$0] = NR; next }
	{
		id = $1; st = $2; title = $3; edge = id ~ /^edge-/
		if (!(st in rank)) { bad = 1; print "  " id ": stage " st " is not one of the stages"; next }
		r = rank[st]
		if (edge < prev_edge) { bad = 1; print "  vignette " id " after an edge case" }
		if (edge == prev_edge) {
			if (r < prev_rank) { bad = 1; print "  " id " (" st ") after a later stage" }
			a = toupper(prev_title); b = toupper(title)
			if (r == prev_rank && (a > b || (a == b && prev_title "" > title ""))) {
				bad = 1; print "  " id ": \047" title "\047 after \047" prev_title "\047"
			}
		}
		prev_edge = edge; prev_rank = r; prev_title = title
	}
	END { if (!bad) print "ok" }' - "$tmp/rows")
[ "$order" = ok ] && order_ok=1 || { order_ok=0; printf '%s\n' "$order"; }
[ "$order_ok" = 1 ] && ok || bad "--list runs along the pathway: stage, then title, edge cases last"
first=${rows[0]-}$'\t' first=${first#*$'\t'}
expect_eq "red_flags" "${first%%$'\t'*}" "a red-flag case comes first"
case ${rows[-1]-} in edge-*) ok ;; *) bad "an edge case comes last" ;; esac

# A set: comments, a title, ids and a case file relative to the set, in the set's order.
mkdir -p "$tmp/course/cases"
cp "$src/config/cases/v9-fbss.cfg" "$tmp/course/cases/ours.cfg"
cat >"$tmp/course/week2.set" <<'EOF'
# Tuesday's group
title: Week 2: red flags, then injections

v5-sij-eligible
  v1-cauda-equina
cases/ours.cfg
EOF
(cd "$tmp" && "$bin" train --list --set course/week2.set) >"$tmp/set-list" 2>"$tmp/err"
expect_status 0 $? "--list --set"
expect_eq "Case set: Week 2: red flags, then injections" "$(head -n 1 "$tmp/set-list")" "--list --set names the set"
expect_eq "v5-sij-eligible v1-cauda-equina v9-fbss" "$(grep -v '^ ' "$tmp/set-list" | sed 1d | awk '{print $1}' | tr '\n' ' ' | sed 's/ $//')" \
	"--list --set keeps the set's order"

# --plain --set: the cases in order, each headed; v5 right but its last decision (2, not 1), v1
# right, ours (v9) right.
printf '4\n2\n6\n2\n1\n4\n2\n6\n2\n1\n' | (cd "$tmp" && "$bin" train --plain --trainee ada --set course/week2.set) >"$tmp/plain.out" 2>"$tmp/err"
expect_status 0 $? "--plain --set"
expect_eq "Week 2: red flags, then injections: case 1 of 3|Week 2: red flags, then injections: case 2 of 3|Week 2: red flags, then injections: case 3 of 3" \
	"$(grep ': case [0-9] of 3$' "$tmp/plain.out" | tr '\n' '|' | sed 's/|$//')" "--plain --set heads each case"
expect_eq 3 "$(grep -c '^score: ' "$tmp/plain.out")" "--plain --set: a score per case"
expect_eq 3 "$(ls "$tmp"/state/pathwalk/sessions/*train-ada-*.jsonl | wc -l)" "--plain --set: a journal per case"
# Each journal's start event names the set and the case's place in it; the room's live view
# counts the set's cases done.
expect_in "$(ls "$tmp"/state/pathwalk/sessions/*train-ada-v1-cauda-equina.jsonl)" \
	'"set":{"title":"Week 2: red flags, then injections","position":2,"count":3}' "the journal names the set and the place"
echo q | "$bin" report --watch "$tmp/state/pathwalk/sessions" --plain >"$tmp/watch.out" 2>&1
expect_in "$tmp/watch.out" "ada: 3 sessions, 3 finished; Week 2: red flags, then injections: 3 of 3 cases done;" \
	"report --watch shows the progress through the set"
# v5's fourth decision was wrong (2, not 1): the debrief explains it as the reveal did.
sed -n '/^Debrief:/,/^score:/p' "$tmp/plain.out" | sed -n '1,/^score:/p' >"$tmp/debrief"
expect_in "$tmp/debrief" "incorrect" "the debrief names the wrong decision"
expect_in "$tmp/debrief" "pathway's step:   Image-guided sacroiliac joint injection" "the debrief names the pathway's step"
expect_in "$tmp/debrief" "Why (each step's condition with this patient's values):" "the debrief explains why"
expect_in "$tmp/debrief" "Image-guided sacroiliac joint injection [recommended]" "with the reveal's words"

# Errors: every problem with FILE:LINE, exit 3.
printf 'title: Bad\nv1-cauda-equina\nv5-sij-eligble\n\nv1-cauda-equina\ntitle: again\nmissing.cfg\n' >"$tmp/bad.set"
"$bin" train --list --set "$tmp/bad.set" >/dev/null 2>"$tmp/err"
expect_status 3 $? "a set with errors"
expect_in "$tmp/err" "pathwalk: $tmp/bad.set:3: unknown case 'v5-sij-eligble'; did you mean 'v5-sij-eligible'?" "unknown id with a suggestion"
expect_in "$tmp/err" "pathwalk: $tmp/bad.set:5: case 'v1-cauda-equina' is listed twice: here and on line 2" "a duplicate names both lines"
expect_in "$tmp/err" "pathwalk: $tmp/bad.set:6: a second title line (the first is on line 1)" "a second title"
expect_in "$tmp/err" "pathwalk: $tmp/bad.set:7: the case file 'missing.cfg' cannot be read" "a missing case file"
printf '1\n' | "$bin" train --plain -t x --set "$tmp/bad.set" >/dev/null 2>"$tmp/err"
expect_status 3 $? "--plain with a bad set trains nothing"
"$bin" train --set "$tmp/no-such.set" >/dev/null 2>"$tmp/err"
expect_status 3 $? "an unreadable set"
expect_in "$tmp/err" "no-such.set: cannot read the case set" "the unreadable set is named"
printf '# nothing\n' >"$tmp/empty.set"
"$bin" train --list --set "$tmp/empty.set" >/dev/null 2>"$tmp/err"
expect_status 3 $? "a set without cases"
expect_in "$tmp/err" "no cases" "a set without cases is said"

# Usage errors.
"$bin" train --set "$tmp/course/week2.set" v1-cauda-equina >/dev/null 2>"$tmp/err"
expect_status 2 $? "--set with a CASE"
"$bin" train --set "$tmp/course/week2.set" --log "$tmp/x.jsonl" >/dev/null 2>"$tmp/err"
expect_status 2 $? "--set with --log"
"$bin" train --plain --set - </dev/null >/dev/null 2>"$tmp/err"
expect_status 2 $? "--set - (standard input holds the choices)"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
