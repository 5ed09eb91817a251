#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Issue 16 point 3 in the full-screen walk at 80x24: the endpoint screen has a section "What would
# change the recommendation" listing, in words, each single answer that would lead elsewhere with
# the endpoint's title (no ids), reached by paging down; the endpoint event journals the same
# lines as would_change.
. "$(dirname "$0")/lib.sh" "$@"

# joined TEXT: the screen, as one line (wrapped lines joined, runs of blanks made one), holds TEXT.
joined() {
	local words IFS=$' \n'
	capture
	set -f
	words=($SCREEN) # split at runs of blanks and newlines, in one expansion
	set +f
	[[ " ${words[*]} " == *"$1"* ]]
}

# page_to TEXT: PgDn (each time until the screen settles) until TEXT shows, at most 20 pages.
page_to() {
	local n=0
	until joined "$1" || [ $n -ge 20 ]; do
		press NPage
		n=$((n + 1))
	done
	joined "$1"
}

start -- walk --case "$SRC/config/cases/v5-sij-eligible.cfg" --log "$TMP/v5.jsonl"
wait_for "[case v5-sij-eligible]" || bad "the walk did not start"
enter_until_node sij_injection "$TMP/v5.jsonl" && ok "reached sij_injection" || bad "did not reach sij_injection"
page_to "What would change the recommendation" && ok "the endpoint has the section" ||
	bad "no section What would change the recommendation"
page_to "4/10 or less → Continue conservative care and reassess" &&
	ok "a pain score of 4/10 or less is listed, with the endpoint it leads to by its title" || bad "no pain score line"
page_to "one fewer ticked" && ok "one positive provocation test fewer is one line" || bad "no 'one fewer ticked'"
expect_not "continue_conservative_care" "no node id in the section"
keys Enter
expect "EXIT=0" "Enter at the endpoint finishes"
expect_in_file "$TMP/v5.jsonl" '"would_change":[{"text":"' "the endpoint event journals would_change"
expect_in_file "$TMP/v5.jsonl" '"endpoint":"continue_conservative_care","title":"Continue conservative care and reassess"' \
	"each line with its endpoint's id and title"
finish
