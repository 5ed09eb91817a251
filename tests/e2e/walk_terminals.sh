#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Terminals (issue 14): TERM=dumb falls back to the plain walk with a notice; in the C locale
# every glyph and the pathway's own text are ASCII (no byte above 0x7f, no M-b~@~T); a mouse
# click (xterm X10 sequences fed with send-keys -l) marks an option and the wheel scrolls; with
# NO_COLOR the recommended step is still set apart (underline); the bottom bar keeps ?:help and
# q:quit and drops the node id first, at 80 and at 60 columns.
. "$(dirname "$0")/lib.sh" "$@"
mini=$SRC/tests/data/good/mini.cfg

# The sections run in three sub-cases side by side (spawn, collect: tests/e2e/lib.sh), each in a
# tmux server of its own (at the end).

# ---------------------------------------------------------------- TERM=dumb
# PW_FORM=1: the plain walk has no start form, so start does not wait for one.
term_dumb() {
	PW_TERM=dumb PW_FORM=1 start -- walk -p "$mini" --log "$TMP/dumb.jsonl"
	expect "cannot move the cursor; walking line by line instead (as with --plain)" "TERM=dumb gives a notice"
	expect "Score (whole number 0 to 10):" "and the plain walk's prompts"
	type_text q; keys Enter
	expect "EXIT=0" "q leaves the plain walk"
	expect_in_file "$TMP/dumb.jsonl" '"reason":"quit"' "the plain walk's journal records the quit"
}

# ---------------------------------------------------------------- LC_ALL=C
# A pathway whose own text is not ASCII: accents, a dash, >=, an ellipsis and Chinese.
c_locale() {
	sed -e 's/title = "Mini pathway";/title = "Mini – Überblick";/' \
		-e 's/text = "Answer these.";/text = "Schmerz ≥ 4 Wochen… 坐骨神经痛 café";/' "$mini" >"$TMP/unicode.cfg"
	start -e LC_ALL=C -- walk --ids -p "$TMP/unicode.cfg" --log "$TMP/c.jsonl"
	expect "Mini - Uberblick" "the title is transliterated"
	expect "Schmerz >= 4 Wochen... ????? cafe" "the text is transliterated, Chinese shown as ?"
	expect "Score (0-10)" "the range dash has its ASCII fallback"
	keys e
	expect "Screen id: screen" "with --ids the pane shows the screen's id"
	if high_bytes; then bad "a byte above 0x7f is on the screen"; else ok "no byte above 0x7f on the screen"; fi
	expect_not "M-" "no M- escapes of bytes above 0x7f"
	keys q y
	expect "EXIT=0" "quits"
}

# ---------------------------------------------------------------- breadcrumb
# seps: the byte offsets of each › on the screen's second line (the breadcrumb), in SEPS.
seps() {
	local LC_ALL=C rest before
	screen_lines
	rest=${SCREEN_LINES[1]} before="" SEPS=""
	while [[ $rest == *'›'* ]]; do
		before=$before${rest%%'›'*}
		SEPS="$SEPS${#before} "
		before=$before'›'
		rest=${rest#*'›'}
	done
}
breadcrumb() {
	start -- walk --case "$SRC/config/cases/v1-cauda-equina.cfg" --log "$TMP/crumb.jsonl"
	expect "▶Red flags ›" "the breadcrumb marks the current stage without colour"
	screen_lines
	crumb=${SCREEN_LINES[1]}
	case $crumb in *"Assess…"*"Epidural"*"Surgical"*) ok "every stage is shown, whole or with an ellipsis" ;;
	*) bad "the breadcrumb at 80 columns: $crumb" ;; esac
	seps
	first=$SEPS
	keys Enter
	expect "Red flag review" "the next screen"
	seps
	[ "$SEPS" = "$first" ] && ok "the breadcrumb's widths do not jump between screens" || bad "separators moved: $first -> $SEPS"
	tmx resize-window -t pw -x 60 -y 24
	expect_line " Stage 1 of 7: Red flags" "at 60 columns the breadcrumb becomes 'Stage 1 of 7: ...'"
	keys q y
	expect "EXIT=0" "quits"
}

# ---------------------------------------------------------------- mouse
# xterm's X10 report: ESC [ M, then 32 + button, 32 + column, 32 + row (1-based); button 3 is the
# release, 64 and 65 the wheel.
mouse() { # BUTTON COL ROW
	local b c r report
	printf -v b '\\%03o' $((32 + $1)); printf -v c '\\%03o' $((32 + $2)); printf -v r '\\%03o' $((32 + $3))
	printf -v report "\033[M$b$c$r"
	type_text "$report"
}
mouse_clicks() {
	start -- walk -p "$mini" --log "$TMP/mouse.jsonl"
	expect "Score (0" "a walk for the mouse"
	type_text 6; keys Enter y Enter
	expect "2 ( ) Kind B" "the choice list"
	wait_settled
	line_of 'Kind B'
	row=$LINE_NO
	mouse 0 10 "$row"; mouse 3 10 "$row"
	expect "2 (•) Kind B" "a click marks the option"
	keys Enter
	expect "▼ more" "the checklist goes on below the screen"
	mouse 65 10 10
	expect "▲" "the wheel scrolls down"
	expect "[ ] Sign Y" "the checklist"
	wait_settled
	line_of 'Sign Y'
	row=$LINE_NO
	mouse 0 10 "$row"; mouse 3 10 "$row"
	expect "2 [x] Sign Y" "a click ticks a checklist item"
	keys q y
	expect "EXIT=0" "quits"
	expect_in_file "$TMP/mouse.jsonl" '"event":"interrupted"' "the walk is journaled"
}

# ---------------------------------------------------------------- keys from less, vi and htop
keys_of_less() {
	start -- walk -p "$mini" --log "$TMP/less.jsonl"
	expect "Score (0" "a walk for the keys of less"
	keys F1
	expect "Keys  (Esc, q, ? or Enter closes this help)" "F1 opens the help"
	expect "Input rule: Nothing changes an answer unless you see it change" "the help states the input rule"
	keys G
	expect "mouse click" "G goes to the bottom of the help"
	keys g
	expect "Input rule:" "g goes back to the top"
	keys Space
	expect "▲" "Space pages down where nothing can be marked"
	keys g
	keys / ; type_text "wheel"; keys Enter
	expect 'Found "wheel"' "/ finds text on the screen"
	keys Escape
	wait_gone "Input rule:" && ok "Esc closes the help" || bad "Esc closes the help"
	type_text 6; keys Enter y Enter 1 Enter
	expect "▼ more" "the question screen goes on below"
	keys / Enter
	keys / ; type_text "None of these"; keys Enter
	expect 'Found "None of these"' "a search on the question screen"
	expect "[ ] None of these" "it scrolled to the match"
	keys / ; type_text "no such words"; keys Enter
	expect '"no such words" is not on this screen' "a search with no match says so"
	keys F10
	expect "Quit this walk?" "F10 asks to quit, as in htop"
	keys n
	wait_gone "Quit this walk?" && ok "n stays" || bad "n stays"
	keys q y
	expect "EXIT=0" "quits"
}

# ---------------------------------------------------------------- NO_COLOR, bottom bar
no_color() {
	start -e NO_COLOR=1 -- walk --ids -p "$mini" --log "$TMP/nocolor.jsonl"
	expect "Score (0" "a walk with NO_COLOR"
	expect_line " ?:help  0-9:type  Enter:next  Tab:field  b:back  e:evidence  q:quit    screen" \
		"at 80 columns (and --ids) the bottom bar has every hint and the node id"
	type_text 6; keys Enter y Enter 1 Enter 1 Enter Enter
	type_text 2025-02-01; keys Enter
	expect "High road  [recommended]" "the decision"
	press Down
	capture -e
	split_lines e_lines "$SCREEN_E"
	line=""
	for l in "${e_lines[@]}"; do [[ $l == *'[recommended]'* ]] && line=${line:+$line$'\n'}$l; done
	case $line in *$'\e[4m'* | *$'\e['*';4m'* | *$'\e['*'4;'*) ok "with NO_COLOR the recommended step is underlined" ;;
	*) bad "the recommended step has no underline: $(printf %q "$line")" ;; esac
	tmx resize-window -t pw -x 60 -y 24
	expect "?:help" "at 60 columns ?:help stays"
	expect "q:quit" "and q:quit stays"
	expect_not " choose " "and the node id is dropped first"
	keys q y
	expect "EXIT=0" "quits"
}

# ---------------------------------------------------------------- the title bar at 60 columns
title_bar() {
	start -x 60 -y 24 -- walk --case "$SRC/config/cases/anticoagulant-epidural.cfg" --clinician x --patient y --log "$TMP/title.jsonl"
	expect_line " Sciatica after a failed tr…  [case anticoagulant-epidural]" \
		"at 60 columns the title is shortened with an ellipsis and the case tag stays whole"
	keys q y
	expect "EXIT=0" "quits"
}

# The longest sub-case first, so that it does not run alone at the end.
# Three sub-cases of a few sections each, in one window in turn (in_turn): a section that resizes
# the window comes last but where the next one starts at that size (no_color, then title_bar at 60).
spawn keys in_turn keys_of_less mouse_clicks breadcrumb
spawn colour in_turn no_color title_bar
spawn terms in_turn c_locale term_dumb
collect
finish
