#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Walks bundled cases to their endpoint with --case: every screen is pre-filled and confirmed with
# Enter; the endpoint, its warnings and the journal are checked.
. "$(dirname "$0")/lib.sh" "$@"

# walk_case CASE ENDPOINT WARNING: Enter through every screen until ENDPOINT is shown (WARNING may be
# empty: then no warning is checked).
walk_case() {
	local case_file=$SRC/config/cases/$1.cfg endpoint=$2 warning=$3 log=$TMP/$1.jsonl n=0
	if [ ! -f "$case_file" ]; then failed=$((failed + 1)); echo "FAIL: $case_file is missing"; return; fi
	start -- walk --case "$case_file" --log "$log"
	wait_for "[case $1]" || { bad "$1: the walk did not start"; return; }
	# No node id in the bottom bar without --ids; the hints stay whole ("q:qu" helps nobody).
	[ "$1" = v5-sij-eligible ] && expect_line " ?:help  0-9,-:type date  Enter:next  Tab:field  b:back  q:quit" \
		"$1: the bottom bar drops the node id before any key hint"
	# The endpoint is the screen whose Enter finishes; the node id may have left the bottom bar
	# (it goes first when the hints need the room), so the journal names the node.
	# Each screen is looked at once it is drawn whole (press, wait_settled): a look at a screen
	# still being drawn could miss "Enter:finish", and one Enter too many after the endpoint
	# finished the walk would scroll its exit status off the shell's screen.
	wait_settled
	while capture; [[ $SCREEN != *"Enter:finish"* ]] && [ $n -lt 40 ]; do
		press Enter
		n=$((n + 1))
	done
	if on_screen "Enter:finish" && file_has "$log" "\"event\":\"node\",\"node\":\"$endpoint\""; then
		ok "$1: reached $endpoint with Enter on each screen ($n screens)"
	else
		bad "$1: did not reach $endpoint"
	fi
	keys Enter
	expect "EXIT=0" "$1: Enter at the endpoint finishes"
	expect_in_file "$log" "\"node\":\"$endpoint\"" "$1: the journal has the endpoint"
	[ -n "$warning" ] && expect_in_file "$log" "\"$warning\"" "$1: the journal has warning $warning"
	expect_in_file "$log" '"case":"'"$1"'"' "$1: the journal names the case"
}

walk_case v5-sij-eligible sij_injection sciatic_block_fall_risk
walk_case v1-cauda-equina emergency_ces_referral ""
# The cauda equina endpoint is the emergency itself: no safety-net warning there (PATHWAY.md v1.1).
if file_has "$TMP/v1-cauda-equina.jsonl" '"safety_net"'; then bad "v1-cauda-equina: the journal has safety_net"; else
	ok "v1-cauda-equina: no safety_net at the cauda equina endpoint"
fi
finish
