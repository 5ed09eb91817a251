#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The input model (issue 14): nothing is recorded that the screen did not show being chosen.
# A yes/no marked No stays No when the highlight moves; a choice list starts with nothing
# highlighted, so Enter on arrival answers nothing; digits mark options; the line editor
# (Left, Home, Ctrl-A/E/K/U/W, Delete) edits the override reason, which takes any printable
# Unicode character into the journal and the printable log.
. "$(dirname "$0")/lib.sh" "$@"
mini=$SRC/tests/data/good/mini.cfg
log=$TMP/input.jsonl

start -- walk -p "$mini" --log "$log"
expect "Score (0" "the walk starts"
type_text 6; keys Enter
expect "Flag (y/n)" "the yes/no field has the focus"
keys n Up Enter
expect "Kept the marked answer: No" "Enter after moving the highlight keeps the marked No, and says so"
expect_line "     (•) No" "No is still marked"
keys Enter
expect "Choose one" "Enter on a choice list with nothing highlighted answers nothing"
keys 2
expect "2 (•) Kind B" "a digit marks the option"
keys Enter
keys 1 3
expect "3 [x] Sign Z" "digits tick checklist items"
keys Enter Enter
type_text 2025-02-01; keys Enter
expect "Next steps" "the decision"
expect "★ 2. Many  [recommended]" "decision steps are numbered"
keys 3
expect "▶   3. Low road" "a digit highlights that step"
keys Enter
expect "Reason (required" "a step other than the recommendation asks for a reason"
# Line editing: type "ac", Left, "b" -> "abc"; Home, "X" -> "Xabc"; End, " Ω医ő" ; a word typed
# and removed with Ctrl-W; Ctrl-A then Delete removes the X.
type_text "ac"; keys Left; type_text "b"; keys Home; type_text "X"; keys End
type_text " Ω医ő junk"; keys C-w BSpace
keys C-a Delete
expect "[ abc Ω医ő" "the reason box shows the edited text"
keys Enter
expect "Overrides on this route: 1" "the override is taken"
expect_line ' ⚠ Chosen by the clinician instead of "Many" (at Choose), reason: abc Ω医ő' "the endpoint's first lines say it was chosen instead of the recommendation, and why"
screen_lines
[[ ${SCREEN_LINES[4]} == *'Chosen by the clinician'* ]] && ok "the override comes right under the title" \
	|| bad "the override notice is not on the first lines"
expect_in_file "$log" '"reason":"abc Ω医ő"' "the reason reaches the journal whole, Unicode included"
expect_in_file "$log" '"var":"flag","value":false' "the yes/no is journaled as No"
# q at an endpoint: n stays, y finishes and records the endpoint (nothing is lost by reflex).
keys q
expect "Finish and record this endpoint? (y = finish, n = stay, r = leave unfinished)" "q at an endpoint asks to finish"
keys n
wait_gone "Finish and record this endpoint?" && ok "n stays at the endpoint" || bad "n stays"
keys q y
expect "EXIT=0" "q then y at the endpoint finishes with status 0"
expect_in_file "$log" '"event":"endpoint","node":"low"' "the endpoint is journaled"
expect_in_file "$log" '"event":"end"' "the session is finished"
expect_not "The walk is not finished" "a finished walk prints no resume command"
expect_in_file "${log%.jsonl}.txt" "abc Ω医ő" "the reason reaches the printable log"

# q then r at an endpoint leaves the walk unfinished and prints the exact command to resume it.
log2=$TMP/leave.jsonl
start -- walk -p "$mini" --log "$log2"
expect "Score (0" "a second walk"
type_text 6; keys Enter y Enter 1 Enter 1 Enter Enter
type_text 2025-02-01; keys Enter
expect "Next steps" "its decision"
keys Enter
expect "Enter:finish" "its endpoint"
keys q r
expect "EXIT=0" "r leaves with status 0"
expect "The walk is not finished. To continue it: pathwalk walk -p $mini --resume $log2" "the resume command is printed"
expect_in_file "$log2" '"event":"interrupted","node":"high","reason":"quit"' "the journal records the walk as interrupted at the endpoint"
start -- walk -p "$mini" --resume "$log2"
expect "Session resumed" "the printed command resumes the walk"
expect "Enter:finish" "at the endpoint"
keys Enter
expect "EXIT=0" "and finishes it"
expect_in_file "$log2" '"event":"end"' "the resumed session is finished"
finish
