#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# What would change the recommendation in the human outputs (issue 16 point 3): replay and the
# plain walk of bundled cases show the section at the endpoint, in words (no ids), each line with
# the title of the endpoint it leads to; the journal's endpoint event holds the same lines as
# would_change; a case no single answer would move says so. Usage: would_change.sh PATHWALK SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"
export PATHWALK_NOW=2025-02-17T09:00:00Z TZ=UTC LC_ALL=C.UTF-8

. "$src/tests/cli/lib_golden.sh"

# section FILE: the lines of the section, from its heading to the next heading or blank line.
section() { sed -n '/What would change the recommendation:/,/^\( *[A-Z][a-z].*:$\|$\)/p' "$1"; }

# Enter on every screen of a plain walk (the case's answers confirmed)
yes '' | head -n 300 >"$tmp/enters"
id_or_operator='_[a-z]+|==|&&|\|\||count\(|has\('
# both CASE LINE...: replay and the plain walk of CASE each show every LINE in the section.
both() {
	local case=$1
	shift
	"$bin" replay "$src/config/cases/$case.cfg" >"$tmp/replay" 2>"$tmp/err" || bad "$case: replay failed"
	"$bin" walk --plain --case "$src/config/cases/$case.cfg" --log "$tmp/$case.jsonl" \
		<"$tmp/enters" >"$tmp/plain" 2>"$tmp/err" || bad "$case: the plain walk failed"
	section "$tmp/replay" >"$tmp/replay.section"
	section "$tmp/plain" >"$tmp/plain.section"
	for line in "$@"; do
		expect_in "$tmp/replay.section" "$line" "$case: replay shows '$line'"
		expect_in "$tmp/plain.section" "$line" "$case: the plain walk shows '$line'"
	done
	# The plain walk journals what it showed: each line's text and the endpoint's title.
	# (the section's lines are read and matched in bash: no grep each)
	while IFS= read -r shown; do
		[[ $shown =~ ^\ *-\  ]] || continue
		text=${shown#*- }
		text=${text% -> *}
		expect_in "$tmp/$case.jsonl" "{\"text\":\"$text\"" "$case: the journal holds '$text'"
	done <"$tmp/plain.section"
	local shown= line
	while IFS= read -r line; do [[ $line =~ $id_or_operator ]] && { shown=$line; break; }; done <"$tmp/replay.section"
	if [ -n "$shown" ]; then
		bad "$case: an id or operator in replay's section: $shown"
	else
		ok "$case: no id or operator in the section"
	fi
}

both v5-sij-eligible ': any one ticked -> Emergency referral: possible cauda equina syndrome' \
	': 4/10 or less -> Continue conservative care and reassess' \
	': one fewer ticked -> Continue conservative care and reassess'
both v5a-two-sij-tests ': any one more ticked -> Image-guided sacroiliac joint injection'
both edge-esi-pain-4 ': 5/10 or more -> Image-guided epidural steroid injection'
both edge-59-days-month-end ': 49% or less -> Surgical evaluation' ': 7 weeks or less -> Surgical evaluation'

# Each line names its endpoint by title in the journal, with the raw variable and values.
expect_in "$tmp/v5-sij-eligible.jsonl" '"endpoint":"continue_conservative_care","title":"Continue conservative care and reassess","variable":"pain_nrs","values":[4]}' \
	"the journal's would_change has the endpoint id, title, variable and values"

# The emergency referral: no single answer moves it (removing the one symptom leads to questions
# the walk did not ask, so that change is left out).
both v1-cauda-equina 'No single different answer would lead to another endpoint.'

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
