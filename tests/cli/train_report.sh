#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# `pathwalk report`: summarises the training journals in tests/data/train/ (three trainees over two
# cases: one all correct, one wrong at one node with a repeated choice, one who quit; a damaged
# journal and a walk journal among them) and compares every format with the golden files in
# tests/data/train/golden/; then exit codes, messages, hostile text, -o and the page layout.
# Usage: train_report.sh PATHWALK SOURCE_DIR
# UPDATE_GOLDEN=1 rewrites the golden files from the current output instead of comparing.
. "$(dirname "$0")/lib.sh" "$@"
golden=$src/tests/data/train/golden
export PATHWALK_NOW=2025-02-17T09:00:00Z TZ=UTC LC_ALL=C.UTF-8

. "$src/tests/cli/lib_golden.sh"

cp "$src"/tests/data/train/*.jsonl "$tmp/"
good="alice-v1.jsonl alice-v5.jsonl bob-v1.jsonl bob-v5.jsonl carol-v5.jsonl dave-v1.jsonl"
all="$good erin-damaged.jsonl walk-session.jsonl"

# --- golden files: every journal, two of them unusable ---------------------------------------
for fmt in text markdown html; do
	ext=$fmt
	case $fmt in text) ext=txt ;; markdown) ext=md ;; esac
	# Journals given in an unsorted order: the report sorts them.
	run 3 "report --format $fmt" -- "$bin" report --format "$fmt" walk-session.jsonl $good erin-damaged.jsonl
	cp "$tmp/out" "$tmp/report.$ext"
	compare_golden "$golden/report.$ext" "$tmp/report.$ext"
	if [ "$(wc -l <"$tmp/err")" = 2 ]; then ok; else bad "$fmt: expected 2 lines on stderr"; sed 's/^/  | /' "$tmp/err"; fi
	expect_in "$tmp/err" "pathwalk: erin-damaged.jsonl:10: not a JSON event" "$fmt: damaged journal message"
	expect_in "$tmp/err" "pathwalk: walk-session.jsonl:1: not a training journal (mode walk)" "$fmt: walk journal message"
done
check_text "$tmp/report.txt" "report text"
t=$tmp/report.txt
expect_in "$t" "Journals: 6 included, 2 not included" "journal counts"
expect_in "$t" "Sessions: 2025-02-17 to 2025-02-21" "date range"
expect_in "$t" "sha256 1e77e3cda628" "pathway sha256"
expect_in "$tmp/report.md" "4/4 correct (100%), 85 s deciding, complete" "alice all correct"
expect_in "$tmp/report.md" "3/4 correct (75%), 105 s deciding, complete" "bob: one wrong, the repeat not scored"
expect_in "$tmp/report.md" "1/2 correct (50%), 85 s deciding, INCOMPLETE" "carol: incomplete"
expect_in "$t" "3 sessions; mean score 75%" "case mean score"
expect_in "$t" "reached in 2 sessions; correct 1/2 (50%); median time 29.5 s" "node figures"
expect_in "$t" "most common wrong choice: Repeat the trigger point injection (tpi_repeat)," "most common wrong choice"
expect_in "$t" "most common wrong choice: none" "nobody wrong"
# bob and dave were wrong at v1's red flags in different ways: the tie goes to the smaller id.
expect_in "$t" "most common wrong choice: No red flags: continue to the assessment" "tie broken by node id"
expect_in "$t" "! 33% correct (1/3): Red flag review (red_flags_decision), case" "weakest decision first"
expect_in "$t" "walk-session.jsonl, line 1: not a training journal (mode walk)" "walk journal listed"
expect_in "$tmp/report.html" "@media print" "html print styles"
expect_not_in "$tmp/report.html" "<script" "html has no scripts"
for fetch in "http:" "https:" "src=" "href=" "@import" "url("; do
	expect_not_in "$tmp/report.html" "$fetch" "html fetches nothing"
done

# --- only usable journals: exit 0, nothing on stderr -------------------------------------------
run 0 "report of usable journals" -- "$bin" report $good
if [ -s "$tmp/err" ]; then bad "usable journals: stderr not empty"; sed 's/^/  | /' "$tmp/err"; else ok; fi
expect_in "$tmp/out" "Journals: 6 included, 0 not included" "usable: counts"
run 3 "only a missing journal" -- "$bin" report none.jsonl
expect_in "$tmp/err" "pathwalk: none.jsonl: cannot read the journal" "missing journal message"
expect_in "$tmp/out" "No training journal could be used." "empty report still written"
printf 'not json at all\n' >"$tmp/text.jsonl"
run 3 "not a journal" -- "$bin" report text.jsonl alice-v1.jsonl
expect_in "$tmp/err" "pathwalk: text.jsonl:1: " "not a journal message"

# --- hostile text -------------------------------------------------------------------------------
sed -e 's/"trainee":"alice"/"trainee":"\\u001b[2J\\u009b31m <script>alert(1)<\/script> \\"Q\\" O'"'"'Neil [x](javascript:1) \xff\xfe"/' \
	-e 's/"chosen_label":"[^"]*"/"chosen_label":"\\u001b]0;owned\\u0007<b>x<\/b>"/' "$tmp/alice-v5.jsonl" >"$tmp/hostile.jsonl"
printf '{"seq":1,"time":"2025-02-17T09:00:00Z","event":"start","mode":"\\u001b[31mwalk<script>","pathway":{"id":"x"}}\n' >"$tmp/hostile-mode.jsonl"
rechain "$tmp/hostile.jsonl"
rechain "$tmp/hostile-mode.jsonl"
for fmt in text markdown html; do
	run 3 "hostile --format $fmt" -- "$bin" report -f "$fmt" hostile.jsonl hostile-mode.jsonl
	cp "$tmp/out" "$tmp/hostile.$fmt"
	for f in "$tmp/hostile.$fmt" "$tmp/err"; do
		if LC_ALL=C grep -q $'\x1b\|\xc2\x9b\|\x7f\|\x07' "$f"; then bad "hostile $fmt: raw control in $(basename "$f")"; else ok; fi
	done
	if [ "$fmt" != text ]; then expect_not_in "$tmp/hostile.$fmt" "<script" "hostile $fmt: unescaped <script>"; fi
	if have_python; then
		if python3 -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8")' "$tmp/hostile.$fmt" 2>/dev/null; then ok
		else bad "hostile $fmt: the output is not valid UTF-8"; fi
	fi
done
expect_in "$tmp/hostile.html" "&lt;script&gt;alert(1)&lt;/script&gt; &quot;Q&quot; O&#39;Neil" "hostile html escaped"
expect_not_in "$tmp/hostile.markdown" "x](javascript" "hostile markdown: no link"
check_text "$tmp/hostile.text" "hostile text"

# --- absurd decision times: never added up (the sums would overflow), shown as not recorded -------
sed -e 's/"seconds":[0-9]*/"seconds":9223372036854775807/' "$tmp/alice-v5.jsonl" >"$tmp/huge-a.jsonl"
sed -e 's/"seconds":[0-9]*/"seconds":9223372036854775806/' -e 's/"trainee":"alice"/"trainee":"zed"/' \
	"$tmp/alice-v5.jsonl" >"$tmp/huge-b.jsonl"
rechain "$tmp/huge-a.jsonl"
rechain "$tmp/huge-b.jsonl"
run 0 "huge decision times" -- "$bin" report huge-a.jsonl huge-b.jsonl
if [ -s "$tmp/err" ]; then bad "huge decision times: stderr not empty"; sed 's/^/  | /' "$tmp/err"; else ok; fi
expect_in "$tmp/out" "median time not recorded" "huge decision times: no median made of them"
expect_not_in "$tmp/out" "922337203685477" "huge decision times: not printed as numbers"
expect_in "$tmp/out" "correct (100%), 0 s deciding, complete" "huge decision times: not in the sum"

# --- output file and usage ---------------------------------------------------------------------
run 0 "-o new file" -- "$bin" report -f html -o out.html $good
run 0 "stdout html" -- "$bin" report -f html $good
if cmp -s "$tmp/out.html" "$tmp/out"; then ok; else bad "-o output differs from stdout"; fi
if [ "$(stat -c %a "$tmp/out.html")" = 600 ]; then ok; else bad "-o file mode is $(stat -c %a "$tmp/out.html"), expected 600"; fi
run 5 "-o existing file" -- "$bin" report -o out.html $good
expect_in "$tmp/err" "an existing file or link is never overwritten" "-o existing message"
ln -s nowhere "$tmp/link.txt"
run 5 "-o symbolic link" -- "$bin" report -o link.txt $good
if [ ! -e "$tmp/nowhere" ]; then ok; else bad "-o followed the symbolic link"; fi
run 5 "-o unwritable directory" -- "$bin" report -o /nonexistent/dir/x.txt $good
run 0 "report --help" -- "$bin" report --help
expect_in "$tmp/out" "usage: pathwalk report" "report --help"
run 2 "report without a journal" -- "$bin" report
run 2 "report with an unknown format" -- "$bin" report -f pdf $good
expect_in "$tmp/err" "unknown format 'pdf'" "unknown format message"
run 2 "report --format json" -- "$bin" report -f json $good
run 2 "report with an unknown option" -- "$bin" report --bogus $good
run 0 "pathwalk --help lists report" -- "$bin" --help
expect_in "$tmp/out" "  report  " "help lists report"

echo "train_report: $passed passed, $failed failed"
[ "$failed" = 0 ]
