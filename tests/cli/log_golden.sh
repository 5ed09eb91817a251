#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# `pathwalk log`: renders journals made by replaying cases with a fixed clock and compares every
# format with the golden files in tests/data/golden/; then hostile text, torn and damaged journals,
# page layout, -o and exit codes. Usage: log_golden.sh PATHWALK SOURCE_DIR
# UPDATE_GOLDEN=1 rewrites the golden files from the current output instead of comparing.
. "$(dirname "$0")/lib.sh" "$@"
in_memory
golden=$src/tests/data/golden
mini=tests/data/good/mini.cfg
export PATHWALK_NOW=2025-02-17T09:00:00Z TZ=UTC LC_ALL=C.UTF-8

. "$src/tests/cli/lib_golden.sh"

# journal NAME CASE [-p PATHWAY]: replays CASE from the source directory (so the journal names the
# pathway by a relative path) into $tmp/NAME.jsonl
journal() {
	local name=$1 case=$2
	shift 2
	if (cd "$src" && "$bin" replay "$@" --log "$tmp/$name.jsonl" "$case") >/dev/null 2>"$tmp/err"; then
		ok
	else
		bad "replay $case"; sed 's/^/  | /' "$tmp/err"
	fi
}

# compare NAME EXT FILE: the golden file NAME.EXT against FILE
compare() { compare_golden "$golden/$1.$2" "$3"; }

# render NAME JOURNAL [OPTIONS...]: every format of JOURNAL, compared with the golden files NAME.*
render() {
	local name=$1 journal=$2
	shift 2
	for fmt in text markdown html json; do
		local ext=$fmt
		case $fmt in text) ext=txt ;; markdown) ext=md ;; esac
		run_out=$tmp/$name.$ext run 0 "log $name --format $fmt" -- "$bin" log "$@" --format "$fmt" "$journal"
		compare "$name" "$ext" "$tmp/$name.$ext"
	done
	check_text "$tmp/$name.txt" "$name text"
	queue_check json "$tmp/$name.json" "$name json does not parse"
}

# --- golden files --------------------------------------------------------------------------
journal mini-log tests/data/good/mini-log.cfg -p "$mini"
render mini-log mini-log.jsonl -p "$src/$mini"
expect_in "$tmp/mini-log.txt" "OVERRIDDEN by the clinician" "override shown"
expect_in "$tmp/mini-log.txt" "Reason:          Patient prefers the low road & declines <more> for now" "override reason"
expect_in "$tmp/mini-log.txt" "[ref1] Someone A. A study." "references"
expect_in "$tmp/mini-log.txt" "Test only." "disclaimer"
expect_in "$tmp/mini-log.txt" "Clinician signature: " "signature line"
expect_in "$tmp/mini-log.html" "break-inside:avoid" "html print styles"
expect_in "$tmp/mini-log.html" "@page" "html print styles"
expect_not_in "$tmp/mini-log.html" "<script" "html has no scripts"
for fetch in "http:" "https:" "src=" "href=" "@import" "url("; do
	expect_not_in "$tmp/mini-log.html" "$fetch" "html fetches nothing"
done

for case in v5-sij-eligible v1-cauda-equina; do
	if [ -f "$src/config/cases/$case.cfg" ]; then
		journal "$case" "config/cases/$case.cfg"
		render "$case" "$case.jsonl"
		expect_not_in "$tmp/$case.txt" "text not available" "$case: the bundled pathway is used"
	else
		echo "SKIP: config/cases/$case.cfg not present"
	fi
done
if [ -f "$tmp/v5-sij-eligible.txt" ]; then
	expect_in "$tmp/v5-sij-eligible.txt" $'\f' "form feeds between pages"
fi

# --- training and resumed sessions -------------------------------------------------------------
# A training journal as `pathwalk train` writes it: choices before the decisions (one wrong, one
# repeated), findings entered by the trainee, and the score.
cp "$src/tests/data/train/bob-v5.jsonl" "$tmp/training.jsonl"
render training training.jsonl
expect_in "$tmp/training.txt" "Trainee:   bob" "training: trainee"
expect_in "$tmp/training.txt" "Mode:    training; case v5-sij-eligible" "training: mode"
expect_in "$tmp/training.txt" "INCORRECT; committed after 41 s" "training: wrong choice"
expect_in "$tmp/training.txt" "(a repeat, not scored)" "training: repeated choice"
expect_in "$tmp/training.txt" "entered 7; the case says 5 -- DOES NOT MATCH" "training: finding"
expect_in "$tmp/training.txt" "Score: 3/4 decisions correct" "training: score"
expect_in "$tmp/training.txt" "3. After conservative care: incorrect, 41 s" "training: debrief"
expect_in "$tmp/training.html" '<li>After conservative care: incorrect, 41 s' "training: html debrief"
head -n 38 "$src/tests/data/train/carol-v5.jsonl" >"$tmp/train-quit.jsonl"
run 0 "training interrupted" -- "$bin" log train-quit.jsonl
expect_in "$tmp/out" "Score: 1/2 decisions correct so far (the session recorded no score" "training: no score"

# Interrupted at the decision, resumed there, then finished: complete, the interruption still shown.
{
	head -n 10 "$tmp/mini-log.jsonl"
	printf '{"seq":11,"time":"2025-02-17T09:05:00Z","event":"interrupted","node":"choose","reason":"quit"}\n'
	printf '{"seq":12,"time":"2025-02-18T10:00:00Z","event":"resume","node":"choose","notice":"<resumed> & \\u001b[31m"}\n'
	sed -n '11,$p' "$tmp/mini-log.jsonl"
} >"$tmp/resumed.jsonl"
rechain "$tmp/resumed.jsonl"
render resumed resumed.jsonl -p "$src/$mini"
expect_in "$tmp/resumed.txt" "Status:  complete" "resumed: complete"
expect_in "$tmp/resumed.txt" "*** SESSION INTERRUPTED at 2025-02-17T09:05:00Z, at Choose: quit ***" "resumed: interruption shown"
expect_in "$tmp/resumed.txt" "Session resumed at 2025-02-18T10:00:00Z at Choose." "resumed: resume shown"
head -n 12 "$tmp/resumed.jsonl" >"$tmp/resumed-open.jsonl"
run 0 "resumed, then killed" -- "$bin" log -p "$src/$mini" resumed-open.jsonl
expect_in "$tmp/out" "INCOMPLETE: the journal ends without closing the session" "resumed then killed: unfinished"

# --- the journal keys of clinical wording, warning severity and what would change the outcome ---
# The mini journal with the keys the walk writes since then: a clause's words and depth, a
# warning's severity, the endpoint's would_change. The printed formats show the words, not the
# syntax (that only with --ids), the severity as a word, and the section on page 1.
if have_python; then
	python3 - "$tmp/mini-log.jsonl" >"$tmp/worded.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    e = json.loads(line)
    e.pop("action_end", None)
    if e["event"] == "warning":
        e["severity"] = "urgent" if e["warning"] == "flagged" else "advice"
    if e["event"] == "override":
        e["recommended_explanation"] = [
            dict(e["recommended_explanation"][0], words="Score: 6; needs more than 4: met", depth=0),
            dict(e["recommended_explanation"][1], words="Kind: Kind A; needs Kind A: met", depth=0),
            {"clause": "a_derived = yes", "truth": True, "words": "Derived from the kind: yes; needs yes: met", "depth": 1}]
    if e["event"] == "endpoint":
        e["would_change"] = [{"text": "Score 4 or less", "endpoint": "high", "title": "High"}]
    print(json.dumps(e, ensure_ascii=False, separators=(",", ":")))
PY
	rechain "$tmp/worded.jsonl"
	render worded worded.jsonl -p "$src/$mini"
	expect_in "$tmp/worded.txt" "What would change the recommendation
   - Score 4 or less → High" "worded: what would change, on page 1"
	expect_in "$tmp/worded.txt" "   - Urgent: Flagged
   - Advice: At the end" "worded: severities in the summary"
	expect_in "$tmp/worded.txt" "   Urgent: Flagged, shown at" "worded: severity in the record"
	expect_in "$tmp/worded.txt" "      - Score: 6; needs more than 4: met
      - Kind: Kind A; needs Kind A: met
         - Derived from the kind: yes; needs yes: met" "worded: clauses in words, by depth"
	expect_not_in "$tmp/worded.txt" "score = 6" "worded: no syntax without --ids"
	run 0 "worded --ids" -- "$bin" log --ids -p "$src/$mini" worded.jsonl
	expect_in "$tmp/out" "- Score: 6; needs more than 4: met [score = 6 > 4]" "worded --ids: syntax beside the words"
	expect_in "$tmp/out" "- Score 4 or less → High (high)" "worded --ids: the endpoint's id"
	expect_in "$tmp/out" "Urgent: Flagged (flagged), shown at" "worded --ids: the warning's id"
	cp "$tmp/out" "$tmp/worded-ids.txt"
	check_text "$tmp/worded-ids.txt" "worded --ids text"
else
	echo "SKIP: python3 not installed: the worded journal is not built"
fi

# --- the pathway: another one than the session used --------------------------------------------
run 0 "log without the pathway" -- "$bin" log mini-log.jsonl
expect_in "$tmp/err" "pathwalk: note: the bundled pathway is \"sciatica-after-tpi\", not the pathway this session used" "mismatch note"
expect_in "$tmp/out" "(text not available: the pathway this session used was not loaded)" "warning without text"
printf 'pathway = {\n  id = ;\n};\n' >"$tmp/broken.cfg"
run 3 "log with a broken pathway" -- "$bin" log -p broken.cfg mini-log.jsonl

# --- hostile text ------------------------------------------------------------------------------
{
	printf '{"seq":1,"time":"2025-02-17T09:00:00Z","event":"start","mode":"walk","pathway":{"id":"mini","title":"<b>Mini</b>","version":"0.1","review_date":"2030-01-01","sha256":"x","file":"m.cfg"},"case":null,'
	printf '"clinician":"Dr \\"Q\\" O'"'"'Neil & *Co* [x](javascript:alert(1))","patient":"\\u001b[2J\\u009bP-1 \xff\xfe <script>alert(1)</script>","today":"2025-02-17"}\n'
	printf '{"seq":2,"time":"2025-02-17T09:00:01Z","event":"node","node":"choose","stage":"one","title":"Choose \\u001b]0;owned\\u0007"}\n'
	printf '{"seq":3,"time":"2025-02-17T09:00:02Z","event":"override","node":"choose","goto":"low","label":"Low","recommended":"high","accepted":false,"condition":null,"explanation":[],'
	printf '"reason":"\\u001b[2J\\u009b31m <script>alert(1)</script> \\"quoted\\" \xc3\x28 \xed\xa0\x80 \\u202eevil \x7f","recommended_condition":"score > 4","recommended_explanation":[{"clause":"score = 6 > 4","truth":true}]}\n'
	printf '{"seq":4,"time":"2025-02-17T09:00:03Z","event":"score","points":3,"note":"\\u001b[31m<script>"}\n'
} >"$tmp/hostile.jsonl"
rechain "$tmp/hostile.jsonl"
for fmt in text markdown html json; do
	run_out=$tmp/hostile.$fmt run 0 "hostile --format $fmt" -- "$bin" log -p "$src/$mini" --format "$fmt" hostile.jsonl
	if LC_ALL=C grep -q $'\x1b' "$tmp/hostile.$fmt"; then bad "hostile $fmt: raw ESC in the output"; else ok; fi
	if LC_ALL=C grep -q $'\xc2\x9b\|\x7f\|\x07' "$tmp/hostile.$fmt"; then bad "hostile $fmt: raw C1/DEL/BEL"; else ok; fi
	if [ "$fmt" != text ]; then expect_not_in "$tmp/hostile.$fmt" "<script" "hostile $fmt: unescaped <script>"; fi
	queue_check utf8 "$tmp/hostile.$fmt" "hostile $fmt: the output is not valid UTF-8"
done
expect_in "$tmp/hostile.text" "*** INCOMPLETE" "hostile: unfinished session marked"
expect_in "$tmp/hostile.html" "&lt;script&gt;alert(1)&lt;/script&gt;" "hostile html escaped"
expect_not_in "$tmp/hostile.markdown" "x](javascript" "hostile markdown: no link"
queue_check assert "$tmp/hostile.json" "hostile json does not parse or lost the text" '
log = json.load(open(path, encoding="utf-8"))
assert log["session"]["patient"].startswith("\x1b[2J\x9bP-1 \ufffd\ufffd <script>"), log["session"]["patient"]
assert log["events"][2]["reason"].startswith("\x1b[2J\x9b31m <script>")'
check_text "$tmp/hostile.text" "hostile text"

# --- torn, interrupted and damaged journals ----------------------------------------------------
head -n 4 "$tmp/mini-log.jsonl" >"$tmp/torn.jsonl"
sed -n 5p "$tmp/mini-log.jsonl" | head -c 25 >>"$tmp/torn.jsonl"
run 0 "torn last line" -- "$bin" log -p "$src/$mini" torn.jsonl
# Lines 3 and 4 are answers of the action that line 5 would have ended: the action goes whole.
expect_in "$tmp/err" "pathwalk: torn.jsonl:3: the last action (lines 3-5) is incomplete (the session was interrupted while writing it); ignored" "torn notice"
expect_not_in "$tmp/out" "Score" "torn: the torn action's answers are not shown"
expect_in "$tmp/out" "*** INCOMPLETE: the journal ends without closing the session" "torn: incomplete"
cp "$tmp/out" "$tmp/torn.txt"
check_text "$tmp/torn.txt" "torn text"

head -n 3 "$tmp/mini-log.jsonl" >"$tmp/interrupted.jsonl"
printf '{"seq":4,"time":"2025-02-17T09:00:00Z","event":"interrupted","node":"choose","reason":"SIGTERM"}\n' >>"$tmp/interrupted.jsonl"
rechain "$tmp/interrupted.jsonl"
for fmt in text markdown html json; do
	run 0 "interrupted --format $fmt" -- "$bin" log -p "$src/$mini" -f "$fmt" interrupted.jsonl
	if [ "$fmt" = json ]; then
		expect_in "$tmp/out" '"status":"interrupted"' "interrupted json"
	else
		expect_in "$tmp/out" "INCOMPLETE: interrupted at Choose (SIGTERM)" "interrupted $fmt"
	fi
done

{ head -n 1 "$tmp/mini-log.jsonl"; echo '{"seq":2,"ti'; sed -n '2,$p' "$tmp/mini-log.jsonl"; } >"$tmp/damaged.jsonl"
run 3 "damaged journal" -- "$bin" log -p "$src/$mini" damaged.jsonl
expect_in "$tmp/err" "pathwalk: damaged.jsonl:2: not a JSON event" "damaged journal message"
sed -n '2,$p' "$tmp/mini-log.jsonl" >"$tmp/nostart.jsonl"
run 3 "journal without start" -- "$bin" log nostart.jsonl
expect_in "$tmp/err" "pathwalk: nostart.jsonl:1: the first event is \"node\", expected \"start\"" "no start message"
run 3 "missing journal" -- "$bin" log none.jsonl
expect_in "$tmp/err" "pathwalk: none.jsonl: cannot read the journal" "missing journal message"

# --- output file and usage ---------------------------------------------------------------------
run 0 "-o new file" -- "$bin" log -p "$src/$mini" -f html -o out.html mini-log.jsonl
if cmp -s "$tmp/out.html" "$tmp/mini-log.html"; then ok; else bad "-o output differs from stdout"; fi
if [ "$(stat -c %a "$tmp/out.html")" = 600 ]; then ok; else bad "-o file mode is $(stat -c %a "$tmp/out.html"), expected 600"; fi
run 5 "-o existing file" -- "$bin" log -p "$src/$mini" -o out.html mini-log.jsonl
expect_in "$tmp/err" "an existing file or link is never overwritten" "-o existing message"
ln -s nowhere "$tmp/link.txt"
run 5 "-o symbolic link" -- "$bin" log -p "$src/$mini" -o link.txt mini-log.jsonl
run 5 "-o unwritable directory" -- "$bin" log -p "$src/$mini" -o /nonexistent/dir/x.txt mini-log.jsonl
run 0 "log --help" -- "$bin" log --help
expect_in "$tmp/out" "usage: pathwalk log" "log --help"
run 0 "log -h" -- "$bin" log -h
run 2 "log without a journal" -- "$bin" log
run 2 "log with two journals" -- "$bin" log a b
run 2 "log with an unknown format" -- "$bin" log -f pdf mini-log.jsonl
expect_in "$tmp/err" "unknown format 'pdf'" "unknown format message"
run 2 "log with an unknown option" -- "$bin" log --bogus mini-log.jsonl
run 0 "pathwalk --help lists log" -- "$bin" --help
expect_in "$tmp/out" "  log     " "help lists log"

run_queued_checks
echo "log_golden: $passed passed, $failed failed"
[ "$failed" = 0 ]
