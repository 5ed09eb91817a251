#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# A decision screen at 80x24 explains each step in clinical words (issue 16): the values, what
# each clause needs and whether it is met, a derived value followed by its own clauses indented
# one level, in the body and in the `e` pane; no id and no pathway syntax unless --ids.
. "$(dirname "$0")/lib.sh" "$@"

cauda=$SRC/config/cases/v1-cauda-equina.cfg

start -- walk --case "$cauda" --log "$TMP/words.jsonl"
wait_for "[case v1-cauda-equina]" || bad "the walk did not start"
keys Enter
expect "Next steps (the first whose condition holds is recommended):" "the red flag decision"
wait_settled
expect_line "          ✔ Cauda equina symptoms: 2 ticked (Numbness or altered feeling in the" \
	"a count of a checklist: how many ticked and which"
expect "needs at least one: met" "the requirement and the verdict in words"
expect_line "          ✘ Signs of a serious cause: none ticked; needs at least one: not met" \
	"an empty checklist reads 'none ticked'"
expect "✘ Serious event after the most recent injection: no; needs yes: not" "a derived value by its label"
expect_line "            ✘ Events since the most recent injection: none of these ticked;" \
	"its own clause follows, indented one level"
for text in "count(" "ces_symptoms" "serious_ae" "has(" "= yes" "condition:"; do
	expect_not "$text" "no pathway syntax or id on the screen: $text"
done
keys e
expect "Why: the highlighted step" "e shows the pane"
expect "   ✔ Cauda equina symptoms: 2 ticked (Numbness or altered feeling in the saddle" \
	"the pane explains the highlighted step in words"
expect_not "condition:" "the pane has no condition in pathway syntax"
keys q
expect "y:quit" "q asks before quitting"
keys y
expect "EXIT=0" "the walk quits"

# For pathway authors, --ids adds the condition and each clause's pathway syntax.
start -- walk --ids --case "$cauda" --log "$TMP/ids.jsonl"
wait_for "[case v1-cauda-equina]" || bad "the --ids walk did not start"
keys Enter
expect "Next steps (the first whose condition holds is recommended):" "the red flag decision with --ids"
keys e
expect "condition: count(ces_symptoms) > 0" "--ids: the pane shows the condition"
expect "[count(ces_symptoms) = 2 > 0]" "--ids: each clause's pathway syntax"
keys q
expect "y:quit" "q asks before quitting"
keys y
expect "EXIT=0" "the --ids walk quits"
finish
