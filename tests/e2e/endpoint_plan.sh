#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Issue 13 in the full-screen walk at 80x24: the endpoint shows Recommendation, What to do and
# What to document in that order above the warnings, the first two on the first screen; an
# optional number field offers "not recorded" (n), which is journaled; a default computed from
# earlier answers pre-fills its field; F1 on the start form shows "About this pathway".
. "$(dirname "$0")/lib.sh" "$@"

# The endpoint screen's order on the first screen (no scrolling).
start -- walk --case "$SRC/config/cases/v5-sij-eligible.cfg" --log "$TMP/v5.jsonl"
wait_for "[case v5-sij-eligible]" || bad "the walk did not start"
enter_until_node sij_injection "$TMP/v5.jsonl" && ok "reached sij_injection" || bad "did not reach sij_injection"
expect "What to do" "the plan is on the endpoint's first screen"
line_of "Recommendation"; rec=$LINE_NO
line_of "What to do"; todo=$LINE_NO
line_of "What to document"; doc=$LINE_NO
line_of "Warnings"; warn=$LINE_NO
if [ -n "$rec" ] && [ -n "$todo" ] && [ "$rec" -lt "$todo" ]; then ok "Recommendation above What to do"
else bad "Recommendation (line ${rec:-none}) is not above What to do (line ${todo:-none})"; fi
if [ -n "$doc" ] && [ "$todo" -lt "$doc" ]; then ok "What to do above What to document"
else bad "What to document (line ${doc:-none}) is not below What to do"; fi
if [ -z "$warn" ] || [ "$warn" -gt "${doc:-0}" ]; then ok "the warnings come after the plan"
else bad "the warnings (line $warn) come before What to document (line $doc)"; fi
keys Enter
expect "EXIT=0" "Enter at the endpoint finishes"
expect_in_file "$TMP/v5.jsonl" '"actions":[{"text":"Arrange the injection under image guidance.' \
	"the endpoint event records what to do"

# An optional field and a computed default (the mini-plan fixture).
cat >"$TMP/plan.cfg" <<'CASE'
case = { id = "plan-e2e"; answers = { seen = "2025-02-17"; kind = "a"; last = "2025-01-03"; signs = [ "x" ]; }; };
CASE
start -- walk -p "$SRC/tests/data/good/mini-plan.cfg" --case "$TMP/plan.cfg" --log "$TMP/plan.jsonl"
wait_for "[case plan-e2e]" || bad "the mini-plan walk did not start"
keys Enter
expect "n: not recorded" "the optional field offers not recorded"
expect "[ 6 ]" "weeks is pre-filled from the dates (45 days: 6 weeks)"
keys n
expect "[ not recorded ]" "n records not recorded"
keys Enter
expect "Sign X: act on it." "the conditional item for sign X is shown"
expect_not "Sign Y" "the item for sign Y is not"
keys Enter
expect "EXIT=0" "the mini-plan walk finishes"
expect_in_file "$TMP/plan.jsonl" '"var":"odi","value":null,"not_recorded":true,"text":"not recorded"' \
	"the journal records not recorded as the answer"
expect_in_file "$TMP/plan.jsonl" '"var":"weeks","value":6,"text":"6 weeks"' "the pre-filled default, confirmed"

# F1 on the start form: About this pathway, and back to the form.
PW_FORM=1 start -- walk -p "$SRC/tests/data/good/mini-plan.cfg" --log "$TMP/about.jsonl"
wait_for "Clinician's name" || bad "no start form"
keys F1
expect "About this pathway" "F1 shows About this pathway"
expect "Scope: Adults over 16 in a test." "with the scope"
expect "1. Weeks are counted from dates." "and the numbered choices"
keys Escape
expect "Clinician's name" "any key returns to the form"
keys C-c
expect "EXIT=" "Ctrl-C leaves the form"
finish
