#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# `pathwalk report`: summarises the training journals in tests/data/train/ (trainees over two
# cases: one all correct, one wrong at one node with a repeated choice, one who quit, one whose
# journal ends in a torn line; a damaged journal, a walk journal and a journal of another pathway
# among them) and compares every format (text, Markdown, HTML, CSV) with the golden files in
# tests/data/train/golden/; then exit codes, messages, hostile text, CSV quoting and formula
# guards, the ASCII grid, -o and the page layout.
# Usage: train_report.sh PATHWALK SOURCE_DIR
# UPDATE_GOLDEN=1 rewrites the golden files from the current output instead of comparing.
. "$(dirname "$0")/lib.sh" "$@"
in_memory
golden=$src/tests/data/train/golden
export PATHWALK_NOW=2025-02-17T09:00:00Z TZ=UTC LC_ALL=C.UTF-8

. "$src/tests/cli/lib_golden.sh"

cp "$src"/tests/data/train/*.jsonl "$tmp/"
good="alice-v1.jsonl alice-v5.jsonl bob-v1.jsonl bob-v5.jsonl carol-v5.jsonl dave-v1.jsonl"

# --- golden files: every journal, three of them unusable, one torn ------------------------------
for fmt in text markdown html csv; do
	ext=$fmt
	case $fmt in text) ext=txt ;; markdown) ext=md ;; esac
	# Journals given in an unsorted order: the report sorts them.
	run_out=$tmp/report.$ext run 3 "report --format $fmt" -- "$bin" report --format "$fmt" walk-session.jsonl \
		gina-knee.jsonl $good frank-torn.jsonl erin-damaged.jsonl
	compare_golden "$golden/report.$ext" "$tmp/report.$ext"
	if [ "$(wc -l <"$tmp/err")" = 4 ]; then ok; else bad "$fmt: expected 4 lines on stderr"; sed 's/^/  | /' "$tmp/err"; fi
	expect_in "$tmp/err" "pathwalk: erin-damaged.jsonl:10: not a JSON event" "$fmt: damaged journal message"
	expect_in "$tmp/err" "pathwalk: walk-session.jsonl:1: not a training journal (mode walk)" "$fmt: walk journal message"
	expect_in "$tmp/err" "pathwalk: gina-knee.jsonl:1: a journal of another pathway (knee-pain; this report is of sciatica-after-tpi)" \
		"$fmt: foreign pathway message"
	expect_in "$tmp/err" "pathwalk: frank-torn.jsonl:13: last line is incomplete" "$fmt: torn line notice"
done
check_text "$tmp/report.txt" "report text"
t=$tmp/report.txt
expect_in "$t" "Journals: 7 included, 3 not included" "journal counts"
expect_in "$t" "Sessions: 2025-02-17 to 2025-02-21" "date range"
expect_in "$t" "sha256 1e77e3cda628" "pathway sha256"
expect_in "$tmp/report.md" "4/4 correct (100%), 85 s deciding, complete" "alice all correct"
expect_in "$tmp/report.md" "3/4 correct (75%), 105 s deciding, complete" "bob: one wrong, the repeat not scored"
expect_in "$tmp/report.md" "1/2 correct (50%), 85 s deciding, INCOMPLETE" "carol: incomplete"
expect_in "$t" "4 sessions; mean score 81%" "case mean score"
expect_in "$t" "reached in 2 sessions; correct 1/2 (50%); median time 29.5 s" "node figures"
expect_in "$t" "most common wrong choice: Repeat the trigger point injection, chosen" "most common wrong choice"
expect_in "$t" "most common wrong choice: none" "nobody wrong"
# bob and dave were wrong at v1's red flags in different ways: the tie goes to the smaller id.
expect_in "$t" "most common wrong choice: No red flags: continue to the assessment" "tie broken by node id"
expect_in "$t" "the pathway's step: Emergency referral: possible cauda equina syndrome" "the pathway's step in words"
expect_in "$t" "! 33% correct (1/3): Red flag review, case" "weakest decision first"
expect_in "$t" "walk-session.jsonl, line 1: not a training journal (mode walk)" "walk journal listed"
expect_in "$t" "gina-knee.jsonl, line 1: a journal of another pathway" "foreign journal listed"
# The human formats name the steps in words, never by their node ids.
for f in "$t" "$tmp/report.md" "$tmp/report.html"; do
	for id in red_flags_decision assessment_pain tpi_repeat urgent_surgical_evaluation sij_decision; do
		expect_not_in "$f" "$id" "${f##*/}: node id $id"
	done
done
# The grid: who chose what, and the key that explains every mark.
expect_in "$t" "  alice    ✔ 12s  ✔ 30s  ✔ 18s  ✔ 25s" "text grid: alice all correct"
expect_in "$t" "  carol    ✘ 55s  ✔ 30s  ·      ·" "text grid: carol wrong, then not reached"
expect_in "$t" "  frank    ✔ 9s   ·" "text grid: frank's torn journal up to its last whole action"
expect_in "$tmp/report.md" "| bob | ✔ 9s | ✔ 30s | ✘ 41s | ✔ 25s |" "markdown grid row"
expect_in "$tmp/report.html" '<td class="strong">✘ 41s</td>' "html grid: a wrong choice marked and styled"
for mark in "✔: " "✘: " "·: " "?: " "12s: " "#2: " "! at the start of a line"; do
	expect_in "$t" "$mark" "key explains '$mark'"
done
run 3 "report in a non-UTF-8 locale" -- env LC_ALL=C "$bin" report $good frank-torn.jsonl gina-knee.jsonl
expect_in "$tmp/out" "  carol    NO 55s  ok 30s  -       -" "ASCII grid"
expect_in "$tmp/out" "- ok: the trainee chose the pathway's step" "ASCII key"
expect_not_in "$tmp/out" "✔" "ASCII grid: no UTF-8 marks"
# CSV: the exact columns, LF line ends, one row per trainee, case and decision.
c=$tmp/report.csv
if [ "$(head -1 "$c")" = "trainee,case,case_title,decision,chosen,pathway,correct,seconds,journal" ]; then ok
else bad "csv header is $(head -1 "$c")"; fi
if LC_ALL=C grep -q $'\r' "$c"; then bad "csv: a CR in the output"; else ok; fi
# 7 sessions: v1 3 x 1 decision, v5 4 x 4 decisions, and the header.
if [ "$(wc -l <"$c")" = 20 ]; then ok; else bad "csv: $(wc -l <"$c") lines, expected 20"; fi
expect_in "$c" 'bob,v5-sij-eligible,"52 F after physical therapy, three positive SIJ tests",conservative_decision,tpi_repeat,sij_screen,no,41,bob-v5.jsonl' "csv: a wrong choice, quoted title"
expect_in "$c" "carol,v5-sij-eligible,\"52 F after physical therapy, three positive SIJ tests\",sij_decision,,sij_injection,not reached,,carol-v5.jsonl" "csv: not reached"
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
rechain "$tmp/hostile.jsonl" "$tmp/hostile-mode.jsonl"
for fmt in text markdown html; do
	run_out=$tmp/hostile.$fmt run 3 "hostile --format $fmt" -- "$bin" report -f "$fmt" hostile.jsonl hostile-mode.jsonl
	for f in "$tmp/hostile.$fmt" "$tmp/err"; do
		if LC_ALL=C grep -q $'\x1b\|\xc2\x9b\|\x7f\|\x07' "$f"; then bad "hostile $fmt: raw control in $(basename "$f")"; else ok; fi
	done
	if [ "$fmt" != text ]; then expect_not_in "$tmp/hostile.$fmt" "<script" "hostile $fmt: unescaped <script>"; fi
	queue_check utf8 "$tmp/hostile.$fmt" "hostile $fmt: the output is not valid UTF-8"
done
expect_in "$tmp/hostile.html" "&lt;script&gt;alert(1)&lt;/script&gt; &quot;Q&quot; O&#39;Neil" "hostile html escaped"
expect_not_in "$tmp/hostile.markdown" "x](javascript" "hostile markdown: no link"
check_text "$tmp/hostile.text" "hostile text"

# --- CSV: quoting and spreadsheet formulas -------------------------------------------------------
# A field that would start a formula gets a leading apostrophe, and so does one starting with an
# apostrophe: removing one leading apostrophe always gives the name as typed.
# One python3 writes alice's v1 journal with each name typed (formula-N.jsonl), then each is read
# back from the CSV (queued).
typed_names=('=HYPERLINK("http://x","y")' '+1' '-2+3' '@SUM(A1)' "'quoted" 'Smith, "Jo"' 'Jo=Bo')
if have_python; then
	python3 - "$tmp/alice-v1.jsonl" "$tmp/formula" "${typed_names[@]}" <<'PY'
import json, sys
for n, typed in enumerate(sys.argv[3:], 1):
    with open("%s-%d.jsonl" % (sys.argv[2], n), "w", encoding="utf-8") as out:
        for line in open(sys.argv[1], encoding="utf-8"):
            print(line.rstrip("\n").replace('"trainee":"alice"', '"trainee":' + json.dumps(typed)), file=out)
PY
	rechain "$tmp"/formula-*.jsonl
	n=0
	for typed in "${typed_names[@]}"; do
		n=$((n + 1))
		run_out=$tmp/formula-$n.csv run 0 "csv of trainee $typed" -- "$bin" report -f csv "formula-$n.jsonl"
		case $typed in
		[=+@\'-]*) want="'$typed" ;;
		*) want=$typed ;;
		esac
		queue_check csv-field "$tmp/formula-$n.csv" "csv trainee $typed" "$want"
		case $typed in Smith*) expect_in "$tmp/formula-$n.csv" '"Smith, ""Jo""",v1-cauda-equina' "csv: comma and quotes quoted, quotes doubled" ;; esac
	done
fi

# --- absurd decision times: never added up (the sums would overflow), shown as not recorded -------
sed -e 's/"seconds":[0-9]*/"seconds":9223372036854775807/' "$tmp/alice-v5.jsonl" >"$tmp/huge-a.jsonl"
sed -e 's/"seconds":[0-9]*/"seconds":9223372036854775806/' -e 's/"trainee":"alice"/"trainee":"zed"/' \
	"$tmp/alice-v5.jsonl" >"$tmp/huge-b.jsonl"
rechain "$tmp/huge-a.jsonl" "$tmp/huge-b.jsonl"
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
run 0 "report -f csv -o file" -- "$bin" report -f csv -o out.csv $good
expect_in "$tmp/out.csv" "trainee,case,case_title" "csv written with -o"
run 2 "report with an unknown option" -- "$bin" report --bogus $good
run 0 "pathwalk --help lists report" -- "$bin" --help
expect_in "$tmp/out" "  report  " "help lists report"

run_queued_checks
echo "train_report: $passed passed, $failed failed"
[ "$failed" = 0 ]
