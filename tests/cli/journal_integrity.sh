#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Journal integrity (DESIGN §6): `pathwalk verify` on intact, edited, deleted, duplicated,
# reordered, pre-chain and unreadable journals; --digest taken from every format of a printed log;
# every command that reads a journal refuses a broken chain (exit 3) unless --force, which marks
# the log; a torn action is dropped whole and a resume re-journals nothing; a full disk at the
# first event asks for another path in the plain walk too. Usage: journal_integrity.sh PATHWALK SRC
. "$(dirname "$0")/lib.sh" "$@"
in_memory
export PATHWALK_NOW=2025-02-17T09:00:00Z TZ=UTC LC_ALL=C.UTF-8
. "$src/tests/cli/lib_golden.sh"
case_v5=$src/config/cases/v5-sij-eligible.cfg
# read_lines FILE: FILE's lines in the array $file_lines (read in bash: no process)
read_lines() { mapfile -t file_lines <"$1"; }
# printed_digest FILE FORMAT: sets $printed to the journal digest FILE (a log in FORMAT) prints: the
# JSON log's "journal_digest" (matched in bash), the others' "Journal digest: HEX" lines once tags
# and backticks are taken out (one sed).
printed_digest() {
	local line
	printed=
	if [ "$2" != json ]; then
		printed=$(sed -n 's/<[^>]*>//g; s/`//g; s/^Journal digest: \([0-9a-f]\{64\}\)$/\1/p' "$1")
		return
	fi
	read_lines "$1"
	for line in "${file_lines[@]}"; do
		[[ $line =~ \"journal_digest\":\"([0-9a-f]*)\" ]] && printed=${BASH_REMATCH[1]}
	done
}

# A journal of a whole session, and variants of it damaged in each way the chain must catch.
run 0 "replay --log" -- "$bin" replay --log "$tmp/j.jsonl" "$case_v5"
read_lines "$tmp/j.jsonl"
journal_lines=("${file_lines[@]}") lines=${#file_lines[@]}
[ "$lines" -gt 20 ] && ok || bad "the journal has only $lines lines"
sed '5s/"revised":false/"revised":true/' "$tmp/j.jsonl" >"$tmp/edited.jsonl"
sed '5d' "$tmp/j.jsonl" >"$tmp/deleted.jsonl"
sed '5p' "$tmp/j.jsonl" >"$tmp/duplicated.jsonl"
awk 'NR == 5 { held = $0; next } NR == 6 { print; print held; next } { print }' "$tmp/j.jsonl" >"$tmp/reordered.jsonl"
sed -E 's/,"prev":"[0-9a-f]{64}"//' "$tmp/j.jsonl" >"$tmp/prechain.jsonl"
cmp -s "$tmp/j.jsonl" "$tmp/edited.jsonl" && bad "the edit changed nothing" || ok

run 0 "verify intact" -- "$bin" verify j.jsonl
expect_in "$tmp/out" "j.jsonl: whole: $lines lines, seq 1-$lines, chain intact; last line's digest " "verify intact: summary"
read_lines "$tmp/out"
digest=
for line in "${file_lines[@]}"; do [[ $line =~ last\ line.s\ digest\ ([0-9a-f]*) ]] && digest=${BASH_REMATCH[1]}; done
read -r sum _ < <(printf '%s' "${journal_lines[lines - 1]}" | sha256sum)
[ "$digest" = "$sum" ] && ok || bad "the digest is not the sha256 of the last line"
run 1 "verify edited" -- "$bin" verify edited.jsonl
expect_in "$tmp/err" "pathwalk: edited.jsonl:6: the journal's hash chain is broken: \"prev\" is not the sha256 of line 5 (line 5 was changed" "edited: names the line after the edit and the edited line"
run 1 "verify deleted" -- "$bin" verify deleted.jsonl
expect_in "$tmp/err" "pathwalk: deleted.jsonl:5: the journal's hash chain is broken: \"prev\" is not the sha256 of line 4" "deleted: named"
expect_in "$tmp/err" "\"seq\" is 6, not 5" "deleted: the numbering too"
run 1 "verify duplicated" -- "$bin" verify duplicated.jsonl
expect_in "$tmp/err" "pathwalk: duplicated.jsonl:6: the journal's hash chain is broken" "duplicated: named"
expect_in "$tmp/err" "\"seq\" is 5, not 6" "duplicated: the numbering too"
run 1 "verify reordered" -- "$bin" verify reordered.jsonl
expect_in "$tmp/err" "pathwalk: reordered.jsonl:5: the journal's hash chain is broken" "reordered: named"
run 1 "verify pre-chain" -- "$bin" verify prechain.jsonl
expect_in "$tmp/err" "pathwalk: prechain.jsonl:1: the journal was written before journals carried a hash chain" "pre-chain: reported as such"
run 1 "verify several, one broken" -- "$bin" verify j.jsonl deleted.jsonl
expect_in "$tmp/out" "j.jsonl: whole" "several: the whole one is reported"
run 3 "verify a missing file" -- "$bin" verify none.jsonl
expect_in "$tmp/err" "pathwalk: none.jsonl: cannot read the journal" "missing: message"
printf 'not a journal\n' >"$tmp/text.jsonl"
run 3 "verify a text file" -- "$bin" verify text.jsonl
expect_in "$tmp/err" "pathwalk: text.jsonl:1: the journal has no complete event" "text file: message"
printf 'not a journal\n' >>"$tmp/text.jsonl"
run 1 "verify a text file of two lines" -- "$bin" verify text.jsonl
expect_in "$tmp/err" "pathwalk: text.jsonl:1: the journal's hash chain is broken: the line is not a JSON event" "two text lines: message"
: >"$tmp/empty.jsonl"
run 3 "verify an empty file" -- "$bin" verify empty.jsonl
run 2 "verify without a journal" -- "$bin" verify
run 2 "verify with a bad digest" -- "$bin" verify --digest 12ab j.jsonl
expect_in "$tmp/err" "--digest needs the 64 hex digits" "bad digest: message"
run 0 "verify --help" -- "$bin" verify --help
expect_in "$tmp/out" "usage: pathwalk verify [--digest HEX] JOURNAL..." "verify --help"

# --digest, read off every format of the printed log.
for fmt in text markdown html json; do
	run 0 "log --format $fmt" -- "$bin" log -f "$fmt" j.jsonl
	printed_digest "$tmp/out" "$fmt"
	[ "$printed" = "$digest" ] && ok || bad "$fmt: the printed digest '$printed' is not the journal's"
	run 0 "verify --digest from the $fmt log" -- "$bin" verify --digest "$printed" j.jsonl
	expect_in "$tmp/out" "(matches)" "$fmt: the digest matches"
done
"$bin" log "$tmp/j.jsonl" >"$tmp/j.log" 2>&1
read_lines "$tmp/j.log"
beside=
for i in "${!file_lines[@]}"; do
	[[ ${file_lines[i]} == *"Journal digest: $digest"* ]] || continue
	[[ ${file_lines[i]}$'\n'${file_lines[i + 1]-} == *"Clinician signature:"* ]] && beside=1
done
[ -n "$beside" ] && ok || bad "the digest is not beside the signature line"
run 0 "verify --digest in capitals" -- "$bin" verify --digest "${digest^^}" j.jsonl
# Lines cut off the end leave a whole chain, but not the printed log's digest.
printf '%s\n' "${journal_lines[@]:0:lines - 2}" >"$tmp/cut.jsonl"
run 0 "verify a journal cut after a whole action" -- "$bin" verify cut.jsonl
run 1 "verify --digest of the cut journal" -- "$bin" verify --digest "$digest" cut.jsonl
expect_in "$tmp/out" "(does not match)" "cut: does not match"
expect_in "$tmp/err" "no journal given ends with the line of digest $digest" "cut: the paper log does not match"
run 0 "verify --digest among several journals" -- "$bin" verify --digest "$digest" cut.jsonl j.jsonl
expect_in "$tmp/out" "j.jsonl: whole: $lines lines, seq 1-$lines, chain intact; last line's digest $digest (matches)" "several: the one printed is named"

# Every reader refuses a broken chain with its FILE:LINE message (exit 3) unless --force.
run 3 "log of a broken journal" -- "$bin" log deleted.jsonl
expect_in "$tmp/err" "pathwalk: deleted.jsonl:5: the journal's hash chain is broken" "log: message"
expect_in "$tmp/err" "(--force uses it anyway)" "log: says how to use it anyway"
[ -s "$tmp/out" ] && bad "log of a broken journal wrote a log" || ok
run 3 "log of a pre-chain journal" -- "$bin" log prechain.jsonl
for fmt in text markdown html json; do
	run 0 "log --force --format $fmt" -- "$bin" log --force -f "$fmt" deleted.jsonl
	expect_in "$tmp/out" "INTEGRITY NOT VERIFIED: the journal" "log --force $fmt: marked"
	expect_in "$tmp/out" "hash chain is broken at line 5" "log --force $fmt: marked with the line"
	expect_in "$tmp/err" "used anyway (--force): integrity not verified" "log --force $fmt: said on stderr"
done
run 0 "log of an intact journal" -- "$bin" log j.jsonl
expect_not_in "$tmp/out" "INTEGRITY NOT VERIFIED" "an intact journal is not marked"
run 3 "graph --journal of a broken journal" -- "$bin" graph --journal deleted.jsonl
expect_in "$tmp/err" "pathwalk: deleted.jsonl:5: the journal's hash chain is broken" "graph: message"
run 0 "graph --journal --force" -- "$bin" graph --journal deleted.jsonl --force
run 3 "diff of a broken journal" -- "$bin" diff "$src/config/sciatica.cfg" "$src/config/sciatica.cfg" deleted.jsonl
expect_in "$tmp/err" "pathwalk: deleted.jsonl:5: the journal's hash chain is broken" "diff: message"
run 0 "diff --force" -- "$bin" diff --force "$src/config/sciatica.cfg" "$src/config/sciatica.cfg" deleted.jsonl
run 0 "diff of the intact journal" -- "$bin" diff "$src/config/sciatica.cfg" "$src/config/sciatica.cfg" j.jsonl
cp "$src/tests/data/train/alice-v1.jsonl" "$tmp/alice.jsonl"
sed '3s/"revised":false/"revised":true/' "$tmp/alice.jsonl" >"$tmp/alice-edited.jsonl"
run 3 "report of an edited training journal" -- "$bin" report alice-edited.jsonl
expect_in "$tmp/err" "pathwalk: alice-edited.jsonl:4: the journal's hash chain is broken" "report: message"
expect_in "$tmp/out" "Journals: 0 included, 1 not included" "report: not included"
run 0 "report --force" -- "$bin" report --force alice-edited.jsonl
expect_in "$tmp/out" "Journals: 1 included, 0 not included" "report --force: included"
expect_in "$tmp/err" "integrity not verified" "report --force: said on stderr"
run 2 "walk --force without --resume" -- "$bin" walk --plain --force

# A walk interrupted by the end of its input, then resumed: a broken chain is refused, --force
# resumes it and the printable log is marked.
printf '\n\n\n\n\n\n\n' | (cd "$tmp" && "$bin" walk --plain --case "$case_v5" --log w.jsonl) >/dev/null 2>&1
file_has "$tmp/w.jsonl" '"event":"interrupted"' && ok || bad "the walk was not interrupted"
sed '3s/"revised":false/"revised":true/' "$tmp/w.jsonl" >"$tmp/w-edited.jsonl"
cp "$tmp/w-edited.jsonl" "$tmp/w-before"
run 3 "walk --resume of a broken journal" -- "$bin" walk --plain --resume w-edited.jsonl
expect_in "$tmp/err" "pathwalk: w-edited.jsonl:4: the journal's hash chain is broken" "resume: message"
cmp -s "$tmp/w-edited.jsonl" "$tmp/w-before" && ok || bad "the refused resume changed the journal"
printf -v enters '%80s' '' && enters=${enters// /$'\n'} # 80 Enters
printf '%s' "$enters" >"$tmp/enter"
(cd "$tmp" && "$bin" walk --plain --force --resume w-edited.jsonl --case "$case_v5" <enter) >"$tmp/out" 2>"$tmp/err"
[ $? -eq 0 ] && ok || bad "walk --resume --force: $(cat "$tmp/err")"
expect_in "$tmp/w-edited.txt" "INTEGRITY NOT VERIFIED" "the forced resume's printable log is marked"
run 1 "verify after a forced resume" -- "$bin" verify w-edited.jsonl

# A torn action (the last line of an action lost): dropped whole, with a notice; a resume goes on
# at the screen after the last whole action and journals nothing twice.
(cd "$tmp" && "$bin" walk --plain --case "$case_v5" --log whole.jsonl <enter) >/dev/null 2>&1
# The line numbers of the fourth and fifth action ends, read in bash.
n=0 ends=()
while IFS= read -r line; do
	n=$((n + 1))
	[[ $line == *'"action_end":true'* ]] && ends+=("$n")
done <"$tmp/whole.jsonl"
end=${ends[3]-} next=${ends[4]-}
[ $((next - end)) -gt 2 ] && ok || bad "the fifth action has one line only"
head -n $((next - 1)) "$tmp/whole.jsonl" >"$tmp/torn.jsonl"
run 0 "verify a torn action" -- "$bin" verify torn.jsonl
expect_in "$tmp/err" "torn.jsonl:$((end + 1)): the last action (lines $((end + 1))-$((next - 1))) is incomplete" "torn: notice"
expect_in "$tmp/out" "torn.jsonl: whole: $end lines" "torn: the whole actions are kept"
(cd "$tmp" && "$bin" walk --plain --resume torn.jsonl --case "$case_v5" <enter) >"$tmp/out" 2>"$tmp/err"
[ $? -eq 0 ] && ok || bad "resume of a torn action: $(cat "$tmp/err")"
if python3 - "$tmp/whole.jsonl" "$tmp/torn.jsonl" <<'PY'; then ok; else bad "the resumed journal is not the uninterrupted one"; fi
import json, sys
def events(path):
    out = []
    for line in open(path, encoding="utf-8"):
        e = json.loads(line)
        if e["event"] not in ("start", "resume", "interrupted"):
            out.append({k: v for k, v in e.items() if k not in ("seq", "time", "prev")})
    return out
sys.exit(0 if events(sys.argv[1]) == events(sys.argv[2]) else 1)
PY
run 0 "verify the resumed journal" -- "$bin" verify torn.jsonl

# A full disk at the first event: the plain walk asks for another path before any screen.
fs=$tmp/fs
mkdir -p "$fs"
if ! unshare -m sh -c "mount -t tmpfs -o size=16k tmpfs '$fs'" 2>/dev/null; then
	echo "SKIP: the ENOSPC test needs a tmpfs mount in a mount namespace (unshare -m)"
else
	printf '%s\n' "$tmp/elsewhere.jsonl" >"$tmp/first-input"
	printf '%s' "$enters" >>"$tmp/first-input"
	unshare -m sh -c "mount -t tmpfs -o size=16k tmpfs '$fs' && dd if=/dev/zero of='$fs/filler' bs=4096 count=4 2>/dev/null &&
		'$bin' walk --plain --case '$case_v5' --log '$fs/first.jsonl' <'$tmp/first-input' >'$tmp/first.out' 2>'$tmp/first.err';
		echo \$? >'$tmp/first.rc'"
	rc= && read -r rc <"$tmp/first.rc"
	[ "$rc" = 0 ] && ok || bad "ENOSPC at the first event: exit $rc: $(cat "$tmp/first.err")"
	expect_in "$tmp/first.err" "No space left on device" "ENOSPC at the first event: said"
	read_lines "$tmp/first.out"
	early=
	for line in "${file_lines[@]}"; do
		[[ $line == *"Write the session log to another path"* ]] && break
		[[ $line == "Screen: "* ]] && early=1
	done
	[ -n "$early" ] && bad "ENOSPC at the first event: a screen was shown before asking" || ok
	expect_in "$tmp/first.out" "The session log is now written to $tmp/elsewhere.jsonl" "ENOSPC at the first event: moved"
	run 0 "verify the moved journal" -- "$bin" verify elsewhere.jsonl
	expect_in "$tmp/elsewhere.jsonl" '"event":"end"' "the moved journal is finished"
	# Headless training from a script on a disk full from the start: its input holds choices, not
	# paths, so it ends at once with 5, saying how many events were not saved.
	unshare -m sh -c "mount -t tmpfs -o size=16k tmpfs '$fs' && dd if=/dev/zero of='$fs/filler' bs=4096 count=4 2>/dev/null &&
		printf '4\n2\n6\n1\n' | '$bin' train --plain --trainee Bo --log '$fs/t.jsonl' v5-sij-eligible \
			>'$tmp/train.out' 2>'$tmp/train.err'; echo \$? >'$tmp/train.rc'"
	rc= && read -r rc <"$tmp/train.rc"
	[ "$rc" = 5 ] && ok || bad "training on a full disk from the start: exit $rc: $(cat "$tmp/train.err")"
	expect_in "$tmp/train.err" "No space left on device; 2 event(s) could not be saved" "training, full disk at the start: said (the start and the first screen)"
	expect_not_in "$tmp/train.out" "Your choice" "training, full disk at the start: no decision was asked"
fi

echo "journal_integrity: $passed passed, $failed failed"
[ $failed -eq 0 ]
