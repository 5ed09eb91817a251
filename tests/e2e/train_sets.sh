#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# A case set in a real terminal: the menu lists the set's three cases in its order under its
# title with "N of 3 done", marks each finished case (✔, or [x] in a locale that is not UTF-8)
# with its score and waits on the next; the debrief of a wrong choice explains it in the reveal's
# words; after Esc, / starts a new filter.
. "$(dirname "$0")/lib.sh" "$@"

set_file=$TMP/week2.set
cat >"$set_file" <<'EOF'
# three red-flag cases, one decision each
title: Week 2
v2-serious-pathology
v1-cauda-equina
r1-bowel-incontinence
EOF

# run_case CHOICE VERDICT: from the menu, Enter starts the highlighted case; the red-flag screen
# is confirmed, CHOICE committed, and the reveal must say VERDICT; ends on the debrief.
run_case() {
	keys Enter
	wait_for "Enter:start/continue" || bad "the vignette"
	keys Enter
	wait_for "Red flags" || bad "the first screen"
	enter_until "Which next step? Commit to one"
	keys "$1"
	wait_for "Commit to $1. " || bad "the digit asks"
	keys y
	expect "$2" "case: the reveal says '$2'"
	enter_until "Debrief:"
}

start -- train -t Bo --set "$set_file"
expect "Week 2: 0 of 3 done" "the menu names the set and counts what is done"
expect "1. 67 F, past breast cancer, unexplained weight loss" "the set's first case, numbered"
expect "2. 44 M, new saddle numbness" "its second"
expect "3. 33 M, new bowel incontinence" "its third"
expect_not "Training cases:" "not the library"

# Case 1, a wrong choice: the debrief teaches.
run_case 1 "Not the pathway's step."
expect "Debrief: 0 of 1 decisions matched the pathway" "the debrief's score"
expect "you chose:       Emergency referral: possible cauda equina syndrome" "the debrief: the trainee's choice"
expect "pathway's step:  Urgent investigation: possible serious cause" "the debrief: the pathway's step"
expect "Any symptom of cauda equina syndrome needs emergency referral" "the debrief: the node's rule text"
keys PageDown
expect "Why: each step's condition with this patient's values" "the debrief: why, as at the reveal"
expect "[your choice]" "the debrief marks the trainee's choice among the steps"
expect "[recommended]" "and the pathway's"
keys Enter
expect "Week 2: 1 of 3 done" "back in the menu: 1 of 3 done"
expect "✔ 1. 67 F, past breast cancer, unexplained weight loss  (done: 0 of 1" "case 1 is marked done"
expect "correct)" "with its score"
expect "▶   2. 44 M, new saddle numbness" "the cursor waits on the next case"

# After Esc, / starts a new filter (not more of the last one).
type_text "/bowel"
keys Enter
expect "filter: bowel" "a filter"
keys Escape
wait_gone "filter: bowel" || bad "Esc clears the filter"
type_text "/44 M"
expect "filter: 44 M" "after Esc, / starts a new filter"
keys Enter
expect "▶   2. 44 M, new saddle numbness" "the filtered case"
expect_not "3. 33 M" "the others are hidden"
keys Escape
expect "3. 33 M, new bowel incontinence" "Esc shows the whole set again"

run_case 1 "Correct: you chose the pathway's step."
keys Enter
expect "Week 2: 2 of 3 done" "2 of 3 done"
expect "✔ 2. 44 M, new saddle numbness" "case 2 is marked done"
expect "▶   3. 33 M, new bowel incontinence" "the cursor waits on case 3"
run_case 1 "Correct: you chose the pathway's step."
keys Enter
expect "Week 2: 3 of 3 done" "3 of 3 done"
expect "Every case of the set is done." "the set is said to be done"
keys q
expect "EXIT=0" "q leaves"
screen_lines
n=0
for line in "${SCREEN_LINES[@]}"; do [[ $line == 'score: '* ]] && n=$((n + 1)); done
if [ $n = 3 ]; then ok "a score line per case"; else bad "three score lines"; fi

# In a locale that is not UTF-8, the done mark is ASCII.
start -e LANG=C -e LC_ALL=C -- train -t Bo --set "$set_file"
expect "Week 2: 0 of 3 done" "the set in a C locale"
run_case 2 "Correct: you chose the pathway's step."
keys Enter
expect "[x] 1. 67 F, past breast cancer" "the ASCII done mark"
expect_not "✔" "no UTF-8 mark"
keys q
expect "EXIT=0" "q leaves"

finish
