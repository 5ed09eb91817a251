#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Drives the real binary through its headless commands and checks output and exit codes
# against the contracts of DESIGN §3-§6. Usage: commands.sh PATHWALK SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"
good=$src/tests/data/good
export PATHWALK_NOW=2024-03-01T09:30:00Z TZ=UTC


# expect_exit CODE DESCRIPTION -- COMMAND...: runs it, keeps stdout/stderr in $tmp/out, $tmp/err
expect_exit() {
	local want=$1 what=$2
	shift 3
	"$@" >"$tmp/out" 2>"$tmp/err"
	local got=$?
	if [ "$got" = "$want" ]; then ok; else bad "$what: exit $got, expected $want"; sed 's/^/  | /' "$tmp/err"; fi
}
expect_in() { # FILE TEXT DESCRIPTION
	if file_has "$1" "$2"; then ok; else bad "$3: '$2' not in $(basename "$1")"; sed 's/^/  | /' "$1" | head -20; fi
}
expect_not_in() { # FILE TEXT DESCRIPTION
	if file_has "$1" "$2"; then bad "$3: '$2' unexpectedly in $(basename "$1")"; else ok; fi
}

cat >"$tmp/high.cfg" <<'CASE'
case = { id = "mini-high"; answers = { score = 6; flag = false; kind = "a"; signs = [ "x", "z" ]; last = "2024-02-28"; }; };
CASE
cat >"$tmp/missing.cfg" <<'CASE'
case = { id = "mini-missing"; answers = { score = 6; kind = "a"; }; };
CASE
cat >"$tmp/invalid.cfg" <<'CASE'
case = { id = "bad";
  answers = {
    score = 42; }; };
CASE

expect_exit 0 "version" -- "$bin" --version
expect_in "$tmp/out" "pathwalk " "version"
expect_exit 0 "help" -- "$bin" --help
expect_in "$tmp/out" "usage: pathwalk" "help"
for cmd in walk replay test check; do
	expect_exit 0 "$cmd --help" -- "$bin" "$cmd" --help
	expect_in "$tmp/out" "usage: pathwalk" "$cmd --help"
done
expect_exit 2 "unknown command" -- "$bin" frobnicate
expect_in "$tmp/err" "unknown command 'frobnicate'" "unknown command"
expect_exit 2 "unknown option" -- "$bin" replay --bogus x.cfg
expect_exit 2 "replay without case" -- "$bin" replay
PATHWALK_NOW=yesterday expect_exit 2 "bad PATHWALK_NOW" -- "$bin" replay -p "$good/mini.cfg" "$tmp/high.cfg"

# check
expect_exit 0 "check bundled" -- "$bin" check
expect_in "$tmp/out" "valid" "check bundled"
expect_exit 0 "check file" -- "$bin" check "$good/mini.cfg"
expect_exit 3 "check unreadable" -- "$bin" check "$tmp/nonexistent.cfg"
expect_in "$tmp/err" "pathwalk: $tmp/nonexistent.cfg: cannot read" "check unreadable"
printf 'pathway = {\n  id = ;\n};\n' >"$tmp/broken.cfg"
expect_exit 1 "check broken" -- "$bin" check "$tmp/broken.cfg"
expect_in "$tmp/err" "pathwalk: $tmp/broken.cfg:2:8: error: expected a value for 'id', found ';'" "check broken"

# replay --json (DESIGN §5), from another directory: the bundled pathway is embedded
sha=$(sha256sum "$good/mini.cfg" | cut -d' ' -f1)
(cd / && "$bin" replay -p "$good/mini.cfg" --json "$tmp/high.cfg") >"$tmp/json" 2>"$tmp/err"
want="{\"pathway\":{\"id\":\"mini\",\"version\":\"0.1\",\"sha256\":\"$sha\"},\"case\":\"mini-high\",\"status\":\"complete\",\"endpoint\":\"high\",\"path\":[\"screen\",\"choose\",\"high\"],\"answers\":{\"score\":6,\"flag\":false,\"kind\":\"a\",\"signs\":[\"x\", \"z\"],\"seen\":\"2024-03-01\",\"last\":\"2024-02-28\"},\"warnings\":[\"always_end\",\"at_high\"],\"overrides\":[],\"missing\":null,\"what_if\":[{\"variable\":\"score\",\"value\":4,\"endpoint\":\"many\"},{\"variable\":\"kind\",\"value\":\"b\",\"endpoint\":\"many\"}]}"
json=
IFS= read -r -d '' json <"$tmp/json"
json=${json%"${json##*[!$'\n']}"} # trailing newlines dropped, as $(cat) did
if [ "$json" = "$want" ]; then ok; else bad "replay --json output"; echo "  got:  $json"; echo "  want: $want"; fi
# (whether it parses as JSON is checked with the journal's lines below: one python3 for both)

expect_exit 4 "replay stopped" -- "$bin" replay -p "$good/mini.cfg" --json "$tmp/missing.cfg"
expect_in "$tmp/out" "\"status\":\"stopped\"" "replay stopped json"
expect_in "$tmp/out" "\"missing\":\"flag\"" "replay stopped json"
expect_exit 3 "replay invalid case" -- "$bin" replay -p "$good/mini.cfg" "$tmp/invalid.cfg"
expect_in "$tmp/err" "pathwalk: $tmp/invalid.cfg:3:" "invalid case message"
expect_in "$tmp/err" ": error: score must be between 0 and 10 (got 42)" "invalid case message"
expect_exit 3 "replay unreadable case" -- "$bin" replay -p "$good/mini.cfg" "$tmp/none.cfg"
expect_exit 3 "replay with broken pathway" -- "$bin" replay -p "$tmp/broken.cfg" "$tmp/high.cfg"

# human-readable replay
expect_exit 0 "replay human" -- "$bin" replay -p "$good/mini.cfg" "$tmp/high.cfg"
expect_in "$tmp/out" "Endpoint: High" "replay human"
expect_in "$tmp/out" "- Score: 6; needs more than 4: met" "replay human explanation in words"
expect_not_in "$tmp/out" "(high)" "replay human: no node id"
expect_not_in "$tmp/out" "score = 6" "replay human: no pathway syntax"
expect_exit 0 "replay --ids" -- "$bin" replay --ids -p "$good/mini.cfg" "$tmp/high.cfg"
expect_in "$tmp/out" "[One] Choose  (choose)" "replay --ids: node ids"
expect_in "$tmp/out" "- Score: 6; needs more than 4: met  [score = 6 > 4]" "replay --ids: pathway syntax"
expect_in "$tmp/out" "condition: score > 4 && kind == \"a\"" "replay --ids: the condition"

# the journal: created 0600, refuses existing files and links (exit 5)
expect_exit 0 "replay --log" -- "$bin" replay -p "$good/mini.cfg" --log "$tmp/j.jsonl" "$tmp/high.cfg"
if [ "$(stat -c %a "$tmp/j.jsonl")" = 600 ]; then ok; else bad "journal mode $(stat -c %a "$tmp/j.jsonl")"; fi
expect_in "$tmp/j.jsonl" '"seq":1,"time":"2024-03-01T09:30:00Z","prev":"0000000000000000000000000000000000000000000000000000000000000000","event":"start"' "journal start"
expect_in "$tmp/j.jsonl" '"event":"end"' "journal end"
if command -v python3 >/dev/null; then
	# replay --json's output is one JSON document, each journal line one; "ok" printed for each
	python3 -c 'import json,sys
for check in (lambda: json.load(open(sys.argv[1])), lambda: [json.loads(l) for l in open(sys.argv[2])]):
    try:
        check()
        print("ok")
    except ValueError:
        print("bad")' "$tmp/json" "$tmp/j.jsonl" >"$tmp/parsed"
	mapfile -t parsed <"$tmp/parsed"
	if [ "${parsed[0]-}" = ok ]; then ok; else bad "replay --json is not JSON"; fi
	if [ "${parsed[1]-}" = ok ]; then ok; else bad "journal lines are not JSON"; fi
fi
cp "$tmp/j.jsonl" "$tmp/before"
expect_exit 5 "existing log refused" -- "$bin" replay -p "$good/mini.cfg" --log "$tmp/j.jsonl" "$tmp/high.cfg"
expect_in "$tmp/err" "never overwritten" "existing log message"
if cmp -s "$tmp/j.jsonl" "$tmp/before"; then ok; else bad "existing log was changed"; fi
ln -s "$tmp/target" "$tmp/link"
expect_exit 5 "symlink log refused" -- "$bin" replay -p "$good/mini.cfg" --log "$tmp/link" "$tmp/high.cfg"
if [ ! -e "$tmp/target" ]; then ok; else bad "symlink was followed"; fi
expect_exit 5 "unwritable log dir" -- "$bin" replay -p "$good/mini.cfg" --log "$tmp/no/such/dir.jsonl" "$tmp/high.cfg"

# test
cp "$good/mini-high.cfg" "$tmp/t1.cfg"
sed -e 's/id = "mini-high"/id = "mini-wrong"/' -e 's/endpoint = "high"/endpoint = "low"/' "$good/mini-high.cfg" >"$tmp/t2.cfg"
expect_exit 0 "test passing" -- "$bin" test -p "$good/mini.cfg" "$tmp/t1.cfg"
expect_in "$tmp/out" "PASS mini-high: high" "test pass line"
expect_in "$tmp/out" "1 passed, 0 failed" "test closing line"
expect_exit 1 "test failing" -- "$bin" test -p "$good/mini.cfg" "$tmp/t1.cfg" "$tmp/t2.cfg"
expect_in "$tmp/out" "FAIL mini-wrong ($tmp/t2.cfg) endpoint: expected low, got high" "test fail line"
expect_in "$tmp/out" "1 passed, 1 failed" "test closing line"
expect_exit 1 "test coverage incomplete" -- "$bin" test -p "$good/mini.cfg" --coverage "$tmp/t1.cfg"
expect_in "$tmp/out" "never visited: node many" "coverage lists nodes"
expect_in "$tmp/out" "never taken: choose -> low (fallback)" "coverage lists transitions"
expect_exit 3 "test invalid case" -- "$bin" test -p "$good/mini.cfg" "$tmp/invalid.cfg"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
