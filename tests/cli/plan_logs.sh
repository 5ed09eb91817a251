#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Issue 13: the plan of every endpoint in every face and log: the mini-plan fixture (optional
# "not recorded", a computed default, conditional plan items, scope and choices) through replay,
# test --coverage, every log format, the plain walk and train --plain. The bundled library's
# cases in every log format are checked by human_words.sh, from the journals it prints (each
# the same path as the case's replay --log, which it compares). Usage: plan_logs.sh PATHWALK SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"
in_memory
plan=$src/tests/data/good/mini-plan.cfg
export PATHWALK_NOW=2025-03-06T09:00:00Z TZ=UTC LC_ALL=C.UTF-8

expect_in() { # FILE TEXT DESCRIPTION (matched in bash: lib.sh's file_has)
	if file_has "$1" "$2"; then ok; else bad "$3: '$2' not in $(basename "$1")"; sed 's/^/  | /' "$1" | head -30; fi
}
expect_not_in() { # FILE TEXT DESCRIPTION (matched in bash: lib.sh's file_has)
	if file_has "$1" "$2"; then bad "$3: '$2' in $(basename "$1")"; else ok; fi
}
# expect_order FILE DESCRIPTION TEXT...: order_later's check, made now
expect_order() { order_later "$@"; order_checked; }

# Kind a, 45 days: weeks defaults to 6 from the dates; odi left out (optional); signs x and y.
cat >"$tmp/xy.cfg" <<'CASE'
case = { id = "plan-xy"; answers = { seen = "2025-03-06"; kind = "a"; last = "2025-01-20"; signs = [ "x", "y" ]; };
  expect = { endpoint = "plan"; }; };
CASE
cat >"$tmp/odi.cfg" <<'CASE'
case = { id = "plan-odi"; answers = { seen = "2025-03-06"; kind = "b"; last = "2025-01-20"; weeks = 1; odi = 60;
  signs = [ "x" ]; }; expect = { endpoint = "plan"; }; };
CASE
cat >"$tmp/none.cfg" <<'CASE'
case = { id = "plan-none"; answers = { seen = "2025-03-06"; kind = "b"; last = "2025-01-20"; weeks = 6; signs = [ ]; };
  expect = { endpoint = "plain"; }; };
CASE
cat >"$tmp/disagree.cfg" <<'CASE'
case = { id = "plan-disagree"; answers = { seen = "2025-03-06"; kind = "a"; last = "2025-01-20"; weeks = 8; signs = [ ]; }; };
CASE

# replay: the default computed from the dates, "not recorded", the plan with its conditional items
"$bin" replay -p "$plan" "$tmp/xy.cfg" >"$tmp/out" 2>"$tmp/err" && ok || { bad "replay xy"; cat "$tmp/err"; }
expect_in "$tmp/out" "Weeks since: 6 weeks (default)" "the computed default, with its unit"
expect_in "$tmp/out" "Disability: not recorded" "an optional answer left out"
expect_order "$tmp/out" "replay prints the plan in order" "Recommendation: Consider this." "What to do:" \
	"- Always do this." "- Sign X: act on it." "[ref2] Other B." "- Sign Y: 6 weeks." "What to document:" \
	"- Record the signs." "[ref1] Someone A."
expect_not_in "$tmp/out" "Record the disability." "an item whose condition is unknown is not shown"
"$bin" replay -p "$plan" "$tmp/odi.cfg" >"$tmp/out" 2>"$tmp/err"
expect_in "$tmp/out" "Weeks since: 1 week" "one week, not one weeks"
expect_in "$tmp/out" "Disability: 60%" "a percentage with its unit"
expect_in "$tmp/out" "- Record the disability." "the item shown when its condition holds"
expect_not_in "$tmp/out" "Sign Y" "an item whose condition is false is not shown"
"$bin" replay -p "$plan" "$tmp/disagree.cfg" >"$tmp/out" 2>"$tmp/err"
[ $? = 3 ] && ok || bad "a case the cross-field check refuses exits 3"
expect_in "$tmp/err" "The weeks and the dates disagree." "the constraint's message"

# test --coverage counts the conditional plan items
"$bin" test -p "$plan" --coverage "$tmp/xy.cfg" "$tmp/none.cfg" >"$tmp/out" 2>"$tmp/err"
[ $? = 1 ] && ok || bad "coverage without the odi item fails"
expect_in "$tmp/out" 'never shown: plan document item 2 when "odi > 50"' "coverage names the item never shown"
expect_in "$tmp/out" "conditional plan items 2/3 (67%)" "coverage counts conditional items"
"$bin" test -p "$plan" --coverage "$tmp/xy.cfg" "$tmp/odi.cfg" "$tmp/none.cfg" >"$tmp/out" 2>"$tmp/err" && ok \
	|| { bad "full coverage passes"; cat "$tmp/out"; }
expect_in "$tmp/out" "conditional plan items 3/3 (100%)" "every conditional item shown"

# every log format of the fixture: the plan headings in the summary on page 1, then the record
# with About at its head, "not recorded", cited references
(cd "$tmp" && "$bin" replay -p "$plan" --log "$tmp/xy.jsonl" "$tmp/xy.cfg" >/dev/null 2>&1) || bad "replay --log"
for fmt in text markdown html json; do
	"$bin" log -p "$plan" -f "$fmt" -o "$tmp/xy.$fmt" "$tmp/xy.jsonl" 2>"$tmp/err" || { bad "log -f $fmt"; cat "$tmp/err"; }
done
expect_order "$tmp/xy.text" "text log" "Recommendation" "Consider this." "What to do" "- Sign X: act on it. [ref2]" \
	"What to document" "- Record the signs. [ref1]" $'\f' "ABOUT THIS PATHWAY" "Adults over 16 in a test." \
	"1. Weeks are counted" "2. A score above 4" "THE WALK" "A: not recorded" "Endpoint: " \
	"Recommendation: Consider this." "REFERENCES CITED" "[ref1]" "[ref2]"
expect_in "$tmp/xy.text" "A: 6 weeks" "the text log shows the unit"
expect_order "$tmp/xy.markdown" "markdown log" "### Recommendation" "### What to do" "- Sign X: act on it. \[ref2\]" \
	"### What to document" "## About this pathway" "- **Scope:** Adults over 16 in a test." \
	"1. Weeks are counted" "## The walk" "## References cited on the path"
expect_order "$tmp/xy.html" "html log" "<h3>Recommendation</h3>" "<h3>What to do</h3>" "<li>Sign X: act on it. [ref2]</li>" \
	"<h3>What to document</h3>" '<hr class="page-break">' "<h2>About this pathway</h2>" "<li>Weeks are counted" \
	"<h2>The walk</h2>"
expect_in "$tmp/xy.json" '"actions":[{"text":"Always do this.","refs":[]},{"text":"Sign X: act on it.","refs":["ref2"]}' \
	"the JSON log keeps the plan's data"
expect_in "$tmp/xy.json" '"scope":"Adults over 16 in a test.","choices":["Weeks are counted from dates.","A score above 4 is high."]' \
	"the JSON log keeps scope and choices"
# A reference is listed only when something citing it was shown: ref2 only with sign x.
(cd "$tmp" && "$bin" replay -p "$plan" --log "$tmp/none.jsonl" "$tmp/none.cfg" >/dev/null 2>&1) || bad "replay --log none"
"$bin" log -p "$plan" -o "$tmp/none.text" "$tmp/none.jsonl" || bad "log none"
expect_not_in "$tmp/none.text" "[ref2]" "a reference nothing shown cites is not listed"
expect_in "$tmp/none.text" "[ref1] Someone A." "the evidence shown cites ref1"

# The plain walk: a screen's evidence with its citations, "nr" for an optional field, the computed
# default kept with Enter, the plan under its headings.
printf '%b' '2025-03-06\na\n2025-01-20\n\nnr\n1\n\n\n' |
	XDG_STATE_HOME=$tmp/state "$bin" walk --plain -p "$plan" --log "$tmp/plain.jsonl" >"$tmp/plain.out" 2>"$tmp/err" && ok ||
	{ bad "plain walk"; cat "$tmp/err"; }
expect_order "$tmp/plain.out" "plain walk" "Screen: More" "Evidence: Always." "[ref1] Someone A." \
	"Weeks since (whole number 0 to 52, weeks) [Enter keeps: 6]" "or nr for not recorded" \
	"Recommendation: Consider this." "What to do:" "- Sign X: act on it." "What to document:"
expect_in "$tmp/plain.jsonl" '"var":"odi","value":null,"not_recorded":true' "the plain walk journals nr as not recorded"

# train --plain prints the endpoint's plan and the warnings shown with their text.
printf '4\n2\n6\n1\n' | (cd "$tmp" && XDG_STATE_HOME=$tmp/state "$bin" train --plain --trainee t \
	--log "$tmp/train.jsonl" v5-sij-eligible) >"$tmp/train.out" 2>"$tmp/err" || { bad "train --plain"; cat "$tmp/err"; }
expect_order "$tmp/train.out" "train --plain endpoint" "Endpoint: " "Recommendation: " "What to do:" \
	"What to document:" "Warnings shown on this path:" "! " "score: "

echo "plan_logs: $passed passed, $failed failed"
[ "$failed" = 0 ]
