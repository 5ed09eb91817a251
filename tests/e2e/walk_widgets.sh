#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Types answers by hand into every widget kind (number, yes/no, choice, checklist, date), with
# rejected input; overrides a recommendation with a reason; goes back, revises an answer and sees
# the path change. Uses the small fixture pathway, whose first screen asks one of each kind.
. "$(dirname "$0")/lib.sh" "$@"
mini=$SRC/tests/data/good/mini.cfg
log=$TMP/widgets.jsonl

start -- walk -p "$mini" --log "$log"
expect "Mini pathway" "the top bar shows the pathway title"
expect "Score (0" "the first prompt shows its range"
screen_lines
if [[ " ${SCREEN_LINES[-1]//[![:alnum:]_]/ } " == *" screen "* ]]; then bad "the bottom bar shows the node id without --ids"
else ok "the bottom bar shows no node id without --ids"; fi
type_text 11; keys Enter
expect "out of range" "a number out of range is refused with a message"
keys BSpace BSpace; type_text 6
expect "[ 6" "the corrected number is in the field"
keys Enter
keys Enter
expect "Answer y or n" "Enter on an unanswered yes/no asks for y or n"
keys n Enter
keys Enter
expect "Choose one" "Enter on an untouched choice does not pick for the user"
keys Down Enter
keys Enter
expect "Tick what applies" "an untouched checklist is not an answer"
keys Space Down Down Space
expect "[x] Sign Z" "Space ticks checklist items"
keys Enter
expect "[ 2025-02-17 ]" "a date defaulting to today shows today (PATHWALK_NOW)"
type_text 2025-02-30; keys Enter
expect "is not a date" "an impossible date is refused"
keys BSpace BSpace; type_text 10; keys Enter
expect "Next steps" "a complete screen continues to the decision"
expect "High road  [recommended]" "the recommended step is marked"
expect "✔ Score: 6; needs more than 4: met" "the explanation shows the actual value in words"
[ -n "${PATHWALK_E2E_CAPTURE:-}" ] && screen >"$PATHWALK_E2E_CAPTURE"

keys Down Down Enter
expect "Reason (required" "choosing another step asks for a reason"
keys Enter
expect "A reason is required" "an empty reason is refused"
type_text "patient prefers the low road (b and q are text here)"
keys Enter
expect "Overrides on this route: 1" "the override takes the chosen step"
expect_in_file "$log" '"event":"node","node":"low"' "the override reaches the chosen endpoint"
expect_in_file "$log" '"event":"override"' "the override is journaled"
keys e
expect "at Choose chose Low: patient prefers" "the e pane names the override by titles"
expect_not "(choose)" "and shows no node id without --ids"
keys e
expect_in_file "$log" "patient prefers the low road (b and q are text here)" "the override reason is in the journal"

keys b
expect "Next steps" "b goes back to the decision"
keys b
expect "Score (0" "b again goes back to the question, answers kept"
expect "[ 6 ]" "the earlier answer is still there"
type_text 3; keys Enter
expect "Many  [recommended]" "the revised score changes the recommendation"
keys Enter
expect "Enter:finish" "accepting reaches the other endpoint"
expect_in_file "$log" '"event":"node","node":"many"' "the revised route reaches the other endpoint"
expect_in_file "$log" '"revised":true' "the revision is journaled as revised"
keys Enter
expect "EXIT=0" "Enter at the endpoint finishes with status 0"
expect "Session log: $log" "the journal path is printed after the walk"
expect_in_file "$log" '"event":"end"' "the journal records the end"

# "None of these" is an explicit answer; the endpoint text interpolates a computed date.
log2=$TMP/none.jsonl
start -- walk -p "$mini" --log "$log2"
expect "Score (0" "second walk starts"
type_text 5; keys Enter y Enter Down Enter
keys Down Down Down
expect "None of these" "the checklist offers None of these"
keys Space Enter
type_text 2025-02-01; keys Enter
expect "High road  [recommended]" "none-of-these and the rest lead to the decision"
keys Enter
expect "Repeat on 2025-04-02" "the endpoint text shows the interpolated date"
expect_in_file "$log2" '"value":[]' "None of these is journaled as the empty set"
keys Enter
expect "EXIT=0" "finishes"
finish
