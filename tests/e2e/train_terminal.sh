#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Training in a real terminal: the trainee's name is required; the vignette comes first; at every
# decision, every screen the trainee can reach before committing (the list, the evidence pane,
# the help) is inspected and must show no trace of the recommendation, the conditions, their
# explanation, the node's rule text or its evidence; after the commit the reveal shows them; the
# debrief ends the session and the journal holds the choices and the score. Also the case menu.
. "$(dirname "$0")/lib.sh" "$@"

log=$TMP/train.jsonl

# Text that would give the answer away, on any decision screen before the commit.
forbidden=(
	"recommend" "[your choice]" "otherwise" "condition" "Why:" "Correct:" "Not the pathway"
	"count(" "pt_completed" "weeks_since_tpi" "last_ok" "sij_eligible" "diag_blocks" "serious_ae"
	"progressive_neuro_deficit =" "= yes" "true:" "false:"
	"Any symptom of cauda equina syndrome needs" "When two or more diagnostic blocks"
	"Surgical evaluation is considered when" "After a failed trigger point injection, an image"
	"The source summary suggests surgical evaluation" "sensitivity 94%"
)

no_leak() { # WHERE: the screen now shows none of the forbidden texts (one capture, all checked)
	local text found=""
	capture
	for text in "${forbidden[@]}"; do
		if [[ $SCREEN == *"$text"* ]]; then found="$found '$text'"; fi
	done
	if [ -z "$found" ]; then ok "no leak: $1"; else bad "leak on $1:$found"; fi
}

# The v5 case from its bundled id: the name, the vignette, every decision's screens before and
# after the commit, the debrief, the score and the journal.
walk_v5() {
	start -- train --log "$log" v5-sij-eligible
	expect "Your name or trainee id (required)" "the trainee's name is asked"
	keys Enter
	expect "Your name or trainee id is required" "the name cannot be skipped"
	# A right-to-left override and a line separator typed into the name are not taken.
	type_text $'Ada \u202eLove\u2028lace'
	keys Enter
	expect "Case: 52 F after physical therapy, three positive sacroiliac tests" "the vignette comes first"
	expect "Patrick's test, the thigh thrust and the sacral thrust" "the vignette's text"
	keys Enter

	# Walk the case: on a question screen Enter confirms the pre-filled answers; on a decision the
	# choices are 1 (wrong), 2 (right), 1 (wrong), 1 (right); the reveal continues with Enter.
	# One capture a step, once the screen has settled (press leaves it settled).
	choices=(1 2 1 1)
	decision=0
	settled=0
	for ((step = 1; step <= 40; step++)); do
		[ "$settled" = 1 ] || wait_settled || bad "step $step: the screen never settled"
		settled=0
		capture
		shown=$SCREEN
		if [[ $shown == *"Debrief:"* ]]; then break; fi
		if [[ $shown == *"Which next step? Commit to one"* ]]; then
			decision=$((decision + 1))
			no_leak "decision $decision"
			# e toggles the pane; it may be open already from the last reveal: then it closes first.
			if [[ $shown == *"shown once you have committed"* ]]; then
				keys e
				wait_gone "shown once you have committed" || bad "decision $decision: e closes the pane"
			fi
			keys e
			wait_for "shown once you have committed" && ok "decision $decision: the pane holds nothing yet" \
				|| bad "decision $decision: the pane"
			no_leak "decision $decision with the pane"
			keys '?'
			wait_for "Keys  (Esc" || bad "decision $decision: help"
			no_leak "decision $decision help"
			keys Escape
			wait_gone "Keys  (Esc"
			keys v
			wait_for "Case: 52 F" || bad "decision $decision: v shows the vignette"
			no_leak "decision $decision vignette"
			keys Escape
			wait_gone "Case: 52 F"
			want=${choices[$((decision - 1))]}
			if [ "$decision" = 1 ]; then
				# Nothing is highlighted on arrival: a reflex Enter commits to nothing.
				keys Enter
				expect "Pick a step first" "decision 1: Enter on arrival does not commit"
				expect_not "The pathway recommends:" "decision 1: no reveal after a reflex Enter"
				# Enter on a highlighted step asks, naming it; n does not commit.
				keys Down Enter
				expect "Commit to 1. " "decision 1: Enter asks for a confirmation naming the step"
				keys n
				wait_gone "Commit to 1. " && ok "decision 1: n does not commit" || bad "decision 1: n"
				expect_not "The pathway recommends:" "decision 1: still no reveal"
			fi
			keys "$want"
			expect "Commit to $want. " "decision $decision: the digit asks to commit to step $want"
			keys y
			if wait_for "The pathway recommends:"; then ok "decision $decision: the reveal"; else bad "decision $decision: no reveal"; fi
			if [ "$decision" = 1 ]; then expect "✘ Not the pathway's step." "a wrong choice is told by a mark and words"; fi
			if [ "$decision" = 2 ]; then expect "✔ Correct: you chose" "a right choice is told by a mark and words"; fi
			keys Enter
			wait_gone "The pathway recommends:"
			continue
		fi
		if [[ $shown == *"Enter:commit"* ]]; then continue; fi
		press Enter && settled=1
	done
	[ "$decision" = 4 ] && ok "four decisions on the route" || bad "saw $decision decisions, expected 4"
	expect "Debrief: 2 of 4 decisions matched the pathway" "the debrief's score"
	expect "pathway's step:  No red flags: continue to the assessment" "the debrief shows the pathway's step"
	keys Enter
	expect "EXIT=0" "training ends with status 0"
	expect "score: 2/4" "the score is printed after the terminal is restored"
	expect_in_file "$log" '"trainee":"Ada Lovelace"' "the journal names the trainee, without the direction and line characters typed"
	expect_in_file "$log" '"event":"score","correct":2,"total":4' "the journal has the score"
	expect_in_file "$log" '"chosen":"emergency_ces_referral"' "the journal has the trainee's choice"
}

# --enter-findings on the small test pathway: the trainee types the findings, two of them
# differently from the case; the differences are shown, journaled, and the case's values used.
enter_findings() {
	mini=$SRC/tests/data/good/mini.cfg
	start -- train -p "$mini" -t Ed --enter-findings --log "$TMP/ef.jsonl" "$SRC/tests/data/good/mini-high.cfg"
	expect "You will enter the findings yourself" "the vignette says the findings are to be entered"
	keys Enter
	expect "Score (0" "the first field is empty for the trainee"
	expect_not "[ 6" "the case's score is not pre-filled"
	type_text 3; keys Enter
	keys n Enter
	keys Down Enter
	keys Space Down Down Space Enter
	keys Enter
	type_text 2024-02-28; keys Enter
	expect "Your findings differ from the case's" "the differences are shown"
	expect "Score: you entered 3, the case says 6" "the score difference"
	expect "Flag: you entered no, the case says yes" "the flag difference"
	expect "Seen on: you entered 2025-02-17, the case says 2024-03-01" "the date difference"
	keys Enter
	expect "(•) Yes" "the case's findings are filled in"
	keys Enter
	expect "Which next step? Commit to one" "the walk goes on to the decision"
	keys 1
	expect "Commit to 1. High road? y commits" "the digit asks, naming the step"
	keys y
	expect "Correct: you chose the pathway's step." "with the case's findings, High road is right"
	expect_in_file "$TMP/ef.jsonl" '"var":"score","entered":3,"entered_text":"3","expected":6' "the score finding is journaled"
	expect_in_file "$TMP/ef.jsonl" '"var":"kind","entered":"a","entered_text":"Kind A","expected":"a","expected_text":"Kind A","match":true' "a matching finding is journaled too"
	keys Enter
	expect "Repeat on 2024-04-28." "the endpoint"
	keys Enter
	expect "Findings entered as in the case: 3 of 6" "the debrief counts the findings"
	keys Enter
	expect "score: 1/1" "the score is printed"
	expect_in_file "$TMP/ef.jsonl" '"findings_matched":3,"findings_total":6' "the score event counts the findings"
}

# The menu: filter, pick, quit. Its sessions' journals go to a state directory of its own (the
# fbss training beside it writes there too).
case_menu() {
	export XDG_STATE_HOME=$TMP/state-menu
	local cases=("$SRC"/config/cases/*.cfg)
	ncases=${#cases[@]}
	start -- train -t Bo
	expect "Training cases: " "the case menu"
	expect_not "Image-guided sacroiliac joint injection" "the menu does not show where a case ends"
	expect_not "[training: " "nor the case id"
	type_text "/v10-piri"
	expect "filter: v10-piri" "typing a filter"
	keys Enter
	expect "Training cases: 1 of $ncases" "the filter keeps the matching case only"
	expect "35 F runner, buttock pain when sitting" "the filter keeps a matching case"
	expect_not "52 F after physical therapy" "the filter drops others"
	expect_not "v10-piriformis" "case ids, which can name the answer, are not shown"
	keys Escape
	expect "Training cases: $ncases of $ncases" "Esc clears the filter"
	keys s
	expect "stage: Red flags" "s filters by stage"
	type_text "/v1-"
	keys Enter
	expect "44 M, new saddle numbness" "a red-flag case is listed"
	expect_not "52 F after physical therapy" "a case ending elsewhere is not"
	keys Enter
	expect "Case: 44 M, new saddle numbness" "Enter starts the chosen case"
	keys Enter
	expect "Red flags" "its first screen"
	keys Enter
	expect "Which next step? Commit to one" "its decision"
	keys 1 y
	expect "Correct: you chose the pathway's step." "emergency referral is right"
	keys Enter Enter
	expect "Debrief: 1 of 1 decisions matched the pathway" "the debrief"
	keys Enter
	expect "Done in this sitting: 44 M, new saddle numbness" "back in the menu, the case done is named by its title"
	expect "(1/1 correct)" "with its score"
	journal; printable=${JOURNAL%.jsonl}.txt
	if [ -s "$printable" ]; then ok; else bad "the printable log is written when the case ends, before the sitting does"; fi
	keys q
	expect "EXIT=0" "q leaves the menu"
	expect "Printable log: $printable" "the paths are printed when the sitting ends"
}

# The findings on a decision screen are wrapped, never cut: a long prompt gets a line of its own.
long_findings() {
	start -- train -t Ed fbss-near-normal-mri
	expect "Case: 64 F, after a fusion" "the fbss vignette"
	decisions=0
	settled=0
	for ((step = 1; step <= 30; step++)); do
		[ "$settled" = 1 ] || wait_settled
		settled=0
		if on_screen "Which next step? Commit to one"; then
			decisions=$((decisions + 1))
			[ "$decisions" = 2 ] && break
			keys 1
			wait_for "Commit to 1. "
			keys y
			wait_for "The pathway recommends:" && wait_settled
		fi
		press Enter && settled=1
	done
	keys PageDown PageDown PageDown PageDown
	expect_line "   Has the patient had lumbar spine surgery, with sciatica persisting since?:" "a long prompt is whole"
	expect_line "       Near-normal: no root compression" "a value is whole, on a line of its own"
	keys q
}

# The four trainings are independent: they run side by side (spawn in lib.sh), the longest first.
spawn v5 walk_v5
spawn findings enter_findings
spawn menu case_menu
spawn wrapping long_findings
collect
finish
