#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Output safety (issue 15): hostile text written with libconfig escapes ("\x1b]0;title\x07",
# "\xe2\x80\xae") in every string of a pathway and of a case is refused at its FILE:LINE; journals,
# file names and option values carrying escape sequences, C1 and text-direction controls reach no
# command's standard output or error raw; and every command whose standard output is /dev/full
# exits 5 with a message. Usage: output_safety.sh PATHWALK SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"
in_memory
mini=$src/tests/data/good/mini.cfg
export PATHWALK_NOW=2025-02-17T09:00:00Z TZ=UTC LC_ALL=C.UTF-8 XDG_STATE_HOME=$tmp/state
# run CODE DESCRIPTION -- COMMAND...: stdout and stderr in $run_out and $run_err (files of this
# run's own, $tmp/runN.out and .err), both queued for clean_queued: they must be clean
run() {
	local want=$1 what=$2
	shift 3
	runs=$((${runs:-0} + 1))
	run_out=$tmp/run$runs.out run_err=$tmp/run$runs.err
	"$@" >"$run_out" 2>"$run_err" </dev/null
	local got=$?
	if [ "$got" = "$want" ]; then ok; else bad "$what: exit $got, expected $want"; sed 's/^/  | /' "$run_err" | cat -v | head -5; fi
	clean_later "$run_out" "$what: stdout"
	clean_later "$run_err" "$what: stderr"
}

# clean_later FILE DESCRIPTION: FILE must be clean (no control but newline, tab and form feed; no
# C1, no bidi control; UTF-8), checked with the others queued by clean_queued (FILE must not change
# before then): one grep per test and one iconv for them all, then one ok or bad per file in order.
clean_later() { later_files+=("$1") later_what+=("$2"); }
clean_queued() {
	[ "${#later_files[@]}" -gt 0 ] || return 0
	local -A control=() other=() invalid=()
	local f i
	while IFS= read -r f; do control[$f]=1; done < <(LC_ALL=C grep -l $'[\x01-\x08\x0b\x0d-\x1f\x7f]' "${later_files[@]}")
	while IFS= read -r f; do other[$f]=1; done < <(LC_ALL=C grep -lP '\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\xd8\x9c|\xe2\x80[\xa8\xa9]' "${later_files[@]}")
	# iconv checks each file on its own: when all of them convert, every one is valid UTF-8.
	if ! iconv -f UTF-8 -t UTF-8 "${later_files[@]}" >/dev/null 2>&1; then
		for f in "${later_files[@]}"; do iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 || invalid[$f]=1; done
	fi
	for i in "${!later_files[@]}"; do
		f=${later_files[$i]}
		if [ -n "${control[$f]:-}" ]; then
			bad "${later_what[$i]}: a raw control character"; LC_ALL=C grep -n $'[\x01-\x08\x0b\x0d-\x1f\x7f]' "$f" | head -3 | cat -v
		elif [ -n "${other[$f]:-}" ]; then
			bad "${later_what[$i]}: a raw C1 or text-direction control"
		elif [ -n "${invalid[$f]:-}" ]; then
			bad "${later_what[$i]}: invalid UTF-8"
		else ok; fi
	done
	later_files=() later_what=()
}
later_files=() later_what=()

# prepare: every hostile input of the test, made by one python3 from the plain case ($tmp/case.cfg)
# and the real walk's journal ($tmp/walk.jsonl): for mini.cfg and the case, one variant per string
# literal with an OSC title sequence and one with a right-to-left override appended inside it (as
# libconfig escapes, so the raw-byte scan sees only backslashes), in $tmp/pathway-KIND and
# $tmp/case-KIND (N.cfg and a manifest line "N LINE" per variant); and copies of the journal with
# hostile text in every string value (structure kept; $tmp/text.jsonl) and in its node ids and
# modes (the error messages quote them; $tmp/node.jsonl).
prepare() {
	python3 - "$mini" "$tmp" <<'PY'
import json, os, re, sys
mini, tmp = sys.argv[1:3]
def variants(path, prefix, kinds):
    lines = open(path, encoding="utf-8").read().split("\n")
    literal = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
    for kind, payload in zip(kinds[::2], kinds[1::2]):
        out = "%s-%s" % (prefix, kind)
        os.makedirs(out, exist_ok=True)
        n = 0
        with open(out + "/manifest", "w") as manifest:
            for i, line in enumerate(lines):
                if line.lstrip().startswith("#"):
                    continue
                for m in literal.finditer(line):
                    n += 1
                    changed = line[:m.end() - 1] + payload + line[m.end() - 1:]
                    open("%s/%d.cfg" % (out, n), "w", encoding="utf-8").write("\n".join(lines[:i] + [changed] + lines[i + 1:]))
                    manifest.write("%d %d\n" % (n, i + 1))
def taint_journals(src, out):
    events = [json.loads(l) for l in open(src)]
    hostile = "\u001b]0;title\u0007\u202e\u009b2J\u2066"
    structural = {"event", "time", "node", "var", "mode", "target", "recommended", "from", "to", "prev"}
    def taint(v, key):
        if isinstance(v, str):
            return v if key in structural else v + hostile
        if isinstance(v, dict):
            return {k: taint(x, k) for k, x in v.items()}
        if isinstance(v, list):
            return [taint(x, key) for x in v]
        return v
    with open(out + "/text.jsonl", "w") as f:
        for e in events:
            f.write(json.dumps(taint(e, ""), ensure_ascii=False, separators=(",", ":")) + "\n")
    with open(out + "/node.jsonl", "w") as f:
        for i, e in enumerate(events):
            if e.get("node"):
                e["node"] += hostile
            if e.get("mode"):
                e["mode"] += hostile
            f.write(json.dumps(e, ensure_ascii=False, separators=(",", ":")) + "\n")
for path, what in ((mini, "pathway"), (tmp + "/case.cfg", "case")):
    variants(path, "%s/%s" % (tmp, what), ["esc", "\\x1b]0;title\\x07", "bidi", "\\xe2\\x80\\xae"])
taint_journals(tmp + "/walk.jsonl", tmp)
PY
}

# every_string WHAT MIN STATUS COMMAND...: for each string of the file whose variants prepare made
# as $tmp/WHAT-KIND, with an OSC title sequence and with a right-to-left override appended,
# COMMAND VARIANT exits STATUS naming VARIANT:LINE and the code point, with clean output; at least
# MIN strings must have been tried. Two variants at a time (in_two, one_string).
every_string() {
	local what=$1 min=$2 kind count n line strings=()
	string_status=$3 string_what=$what string_dir=$tmp/$what string_command=("${@:4}")
	for kind in esc bidi; do
		count=0
		while read -r n line; do
			strings+=("$kind $n $line")
			count=$((count + 1))
		done <"$tmp/$what-$kind/manifest"
		[ "$count" -ge "$min" ] && ok || bad "only $count $what strings were tried"
	done
	in_two one_string clean_queued "${strings[@]}"
}
# one_string "KIND N LINE": every_string's check of variant N of KIND, $string_dir-KIND/N.cfg
one_string() {
	local kind n line f status err cp=U+001B
	read -r kind n line <<<"$1"
	[ "$kind" = esc ] || cp=U+202E
	f=$string_dir-$kind/$n.cfg
	"${string_command[@]}" "$f" >"$tmp/$kind-$n.out" 2>"$tmp/$kind-$n.err"
	status=$?
	IFS= read -r -d '' err <"$tmp/$kind-$n.err"
	if [ $status -eq "$string_status" ] && [[ $err == *"$f:$line:"* && $err == *"$cp"* ]]; then ok
	else bad "$string_what string $n (line $line, $kind): exit $status"; cat -v "$tmp/$kind-$n.err" | head -3; fi
	clean_later "$tmp/$kind-$n.out" "$string_what string $n ($kind): stdout"
	clean_later "$tmp/$kind-$n.err" "$string_what string $n ($kind): stderr"
}

# The inputs: a case that uses every string field, a real walk's journal, then every hostile
# variant of them (prepare).
cat >"$tmp/case.cfg" <<'CASE'
case = {
  id = "hostile";
  title = "A case title";
  vignette = "A vignette.";
  answers = {
    score = 6; flag = false;
    kind = "a";
    signs = [ "x", "z" ];
    last = "2024-02-28";
  };
  overrides = ( { node = "choose"; goto = "low";
                  reason = "A reason."; } );
  expect = { endpoint = "low"; warnings = [ "always_end" ];
             absent_warnings = [ "flagged" ]; path = [ "screen", "choose", "low" ]; };
};
CASE
printf '6\nn\na\nx,y\n\n2025-02-10\n3\nA reason\n\n' |
	"$bin" walk --plain -p "$mini" --clinician "Dr A" --patient "MRN 1" --log "$tmp/walk.jsonl" >/dev/null 2>&1
[ -s "$tmp/walk.jsonl" ] && ok || bad "the walk wrote a journal"
prepare

# 1. Pathway: every string of mini.cfg.
every_string pathway 80 1 "$bin" check

# 2. Case: every string of the case that uses every string field.
"$bin" replay -p "$mini" "$tmp/case.cfg" >/dev/null 2>"$tmp/err" && ok || bad "the plain case replays: $(cat "$tmp/err")"
every_string case 16 3 "$bin" replay -p "$mini"

# 3. Journals: the real walk's copies with hostile text in every string value (structure kept)
# and with a hostile node id (the error messages quote it).
file_has "$tmp/text.jsonl" '\u001b]0;title\u0007' && file_has "$tmp/text.jsonl" $'\u202e' && ok ||
	bad "the hostile journal holds the escapes"
# A journal edited this way may fail an integrity check: --force renders it anyway, where it exists.
"$bin" log --help >"$tmp/log-help" 2>&1
force=
file_has "$tmp/log-help" --force && force=--force
# outputs NAME DESCRIPTION COMMAND...: COMMAND's stdout and stderr in $tmp/NAME.out and .err, both
# queued for clean_queued as "DESCRIPTION: stdout" and "DESCRIPTION: stderr"
outputs() {
	local name=$1 what=$2
	shift 2
	"$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
	clean_later "$tmp/$name.out" "$what: stdout"
	clean_later "$tmp/$name.err" "$what: stderr"
}
for j in text node; do
	for fmt in text markdown html json; do
		outputs "$j-log-$fmt" "log -f $fmt of the $j journal" "$bin" log $force -p "$mini" -f $fmt "$tmp/$j.jsonl"
	done
	"$bin" log $force -p "$mini" -o - "$tmp/$j.jsonl" >"$tmp/$j-log-o.out" 2>"$tmp/err"
	clean_later "$tmp/$j-log-o.out" "log -o - of the $j journal"
	outputs "$j-report" "report of the $j journal" "$bin" report $force -p "$mini" "$tmp/$j.jsonl"
	outputs "$j-graph" "graph --journal of the $j journal" "$bin" graph $force -p "$mini" --format text --journal "$tmp/$j.jsonl"
	outputs "$j-diff" "diff of the $j journal" "$bin" diff $force "$mini" "$mini" "$tmp/$j.jsonl"
	if [ -n "$force" ]; then
		outputs "$j-verify" "verify of the $j journal" "$bin" verify "$tmp/$j.jsonl"
	fi
done
# An interrupted walk to resume, with hostile text in its answers' words and a hostile node id.
printf '6\nq\n' | "$bin" walk --plain -p "$mini" --log "$tmp/part.jsonl" >/dev/null 2>&1
sed 's/"node":"screen"/"node":"screen\\u001b]0;title\\u0007\\u202e"/' "$tmp/part.jsonl" >"$tmp/part-node.jsonl"
printf 'q\n' | "$bin" walk --plain -p "$mini" $force --resume "$tmp/part-node.jsonl" >"$tmp/resume.out" 2>"$tmp/resume.err"
[ $? -eq 3 ] && ok || bad "resume of a journal with an unknown node: exit $?"
clean_later "$tmp/resume.out" "resume with a hostile node: stdout"
clean_later "$tmp/resume.err" "resume with a hostile node: stderr"
file_has "$tmp/resume.err" '\u001b' && ok || bad "the resume error shows the escape as text: $(cat -v "$tmp/resume.err")"

# 4. File names and option values with escapes, quoted by error messages.
run 3 "check of a hostile file name" -- "$bin" check "$tmp/"$'\e]0;x\a\u202e'.cfg
file_has "$run_err" '\u001b]0;x\u0007\u202e' && ok || bad "the file name is shown as text: $(cat -v "$run_err")"
run 2 "log with a hostile format" -- "$bin" log -f $'\e[31mtext' "$tmp/walk.jsonl"
run 2 "a hostile command" -- "$bin" $'\e]0;x\a'
run 2 "train with a hostile stage" -- "$bin" train --list --stage $'\xc2\x9b2J'
run 3 "replay of a hostile case path" -- "$bin" replay -p "$mini" "$tmp/"$'\e[2J'.cfg
run 3 "diff with a hostile old pathway" -- "$bin" diff "$tmp/"$'\e[2J'.cfg "$mini" "$tmp/case.cfg"
# The outputs of sections 3 and 4, every one queued: checked together.
clean_queued

# 5. Standard output on /dev/full: every command exits 5 and says so.
full() { # DESCRIPTION COMMAND...
	local what=$1
	shift
	"$@" >/dev/full 2>"$tmp/err" </dev/null
	local got=$? err
	IFS= read -r -d '' err <"$tmp/err"
	if [ "$got" = 5 ] && [[ $err == *"standard output"* ]]; then ok
	else bad "$what on /dev/full: exit $got, expected 5 with a message"; sed 's/^/  | /' "$tmp/err" | head -3; fi
}
if [ -w /dev/full ]; then
	full "--help" "$bin" --help
	full "--version" "$bin" --version
	full "help" "$bin" help
	for cmd in walk train replay test check log report graph diff; do
		full "$cmd --help" "$bin" $cmd --help
	done
	full "check" "$bin" check
	full "check FILE" "$bin" check "$mini"
	full "check --strict" "$bin" check --strict
	full "test" "$bin" test -p "$mini" "$tmp/case.cfg"
	full "test --coverage" "$bin" test --coverage "$src/config/cases"
	full "train --list" "$bin" train --list
	full "replay" "$bin" replay -p "$mini" "$tmp/case.cfg"
	full "replay --json" "$bin" replay --json -p "$mini" "$tmp/case.cfg"
	for fmt in text markdown html json; do
		full "log -f $fmt" "$bin" log -p "$mini" -f $fmt "$tmp/walk.jsonl"
	done
	full "log -o -" "$bin" log -p "$mini" -o - "$tmp/walk.jsonl"
	full "report" "$bin" report "$src/tests/data/train/alice-v1.jsonl"
	full "graph" "$bin" graph
	full "graph --format text" "$bin" graph --format text
	full "graph --case" "$bin" graph -p "$mini" --case "$tmp/case.cfg"
	full "graph --journal" "$bin" graph -p "$mini" --journal "$tmp/walk.jsonl"
	full "diff" "$bin" diff "$mini" "$mini" "$tmp/case.cfg"
	if [ -n "$force" ]; then
		full "verify --help" "$bin" verify --help
		full "verify" "$bin" verify "$tmp/walk.jsonl"
	fi
	full "walk --plain" "$bin" walk --plain -p "$mini" --log "$tmp/full-walk.jsonl"
	full "train --plain" "$bin" train --plain --trainee t --log "$tmp/full-train.jsonl" v1-cauda-equina
else
	echo "SKIP: /dev/full is not writable here"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
