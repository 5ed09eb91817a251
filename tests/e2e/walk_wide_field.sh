#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# A text field (the start form's clinician field, screens/lineedit.c) at 80x24 with wide (Chinese,
# a Yijing hexagram) and combining (e + U+0301) characters: the cursor stands where the text ends,
# moves one whole character per Left (never between a letter and its accent), the box keeps its
# right edge, and a text wider than the box scrolls with the cursor inside it.
. "$(dirname "$0")/lib.sh" "$@"

# box_edge DESCRIPTION: the field's closing bracket is in column 78 by wcwidth, as in an empty box.
# The screen is kept in a file; check_edges measures them all with one python3.
edges=()
box_edge() {
	capture
	edges+=("$1")
	printf '%s\n' "$SCREEN" >"$TMP/edge-${#edges[@]}.txt"
}
check_edges() {
	local i line results=() files=()
	for ((i = 1; i <= ${#edges[@]}; i++)); do files+=("$TMP/edge-$i.txt"); done
	python3 - "${files[@]}" >"$TMP/edges" <<'PY'
import ctypes, locale, sys
libc = ctypes.CDLL(None)
libc.setlocale.restype = ctypes.c_char_p
libc.setlocale(locale.LC_CTYPE, b"C.UTF-8")
for name in sys.argv[1:]:
    try:
        line = next(l for l in open(name, encoding="utf-8").read().split("\n") if l.startswith("   ["))
        col = sum(libc.wcwidth(ctypes.c_wchar(c)) for c in line[:line.rindex("]")])
        print("ok" if col == 78 else "closing bracket in column %d: %r" % (col, line))
    except Exception as e:
        print("no box: %r" % e)
PY
	mapfile -t results <"$TMP/edges"
	for ((i = 0; i < ${#edges[@]}; i++)); do
		if [ "${results[i]:-}" = ok ]; then ok "${edges[i]}"; continue; fi
		failed=$((failed + 1))
		echo "FAIL: ${edges[i]}: ${results[i]:-no result}"
		while IFS= read -r line; do printf '  | %s\n' "$line"; done <"${files[i]}"
	done
}

PW_FORM=1 start -- walk
wait_for "Clinician's name" || bad "no start form"
cursor_at 5 "an empty field puts the cursor after '[ '"
box_edge "the empty box ends in column 78"

# 王医生 (6 columns) + space + café with a combining accent (4) + space + ䷀ (2): 14 columns.
type_text $'王医生 cafe\u0301 \u4dc0'
expect $'王医生 cafe\u0301 \u4dc0' "the wide and combining text is shown"
cursor_at 19 "the cursor stands after 14 columns of text"
box_edge "wide text does not push the box's edge"
keys Left
cursor_at 17 "Left steps back over the two-column hexagram"
keys Left Left
cursor_at 15 "Left steps back over e and its accent as one character"
keys Left Left Left Left
cursor_at 11 "Left over a wide Chinese character takes two columns"
keys End
cursor_at 19 "End goes back after the text"
keys BSpace
cursor_at 17 "Backspace removes the hexagram"
keys BSpace BSpace
cursor_at 15 "Backspace removes the space, then e with its accent"
expect_not $'cafe\u0301' "the accent went with its e"

# Wider than the box (72 columns between "[ " and " ]"): 40 hexagrams are 80. The box scrolls to
# keep a cell for the cursor after the text: 35 hexagrams (70 columns) and the cursor in column 75.
keys C-u
cursor_at 5 "Ctrl-U empties the field"
printf -v hexagrams '\u4dc0%.0s' {1..40}
type_text "$hexagrams"
cursor_at 75 "after 80 columns of hexagrams the cursor stays inside the box"
box_edge "a scrolled box of wide characters keeps its edge"
expect "[<" "the box shows that text is scrolled off to the left"
keys Home
cursor_at 5 "Home goes to the first character"
box_edge "the box scrolled back keeps its edge"
keys C-c
check_edges
finish
