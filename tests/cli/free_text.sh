#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Free text is stored safely and bounded: an override reason typed with terminal escape
# sequences, control characters, <script>, quotes and invalid UTF-8 never reaches the output, the
# journal or a rendered log raw; a reason over the limit is refused with a clear message; names
# and references given as options are checked. Usage: free_text.sh PATHWALK SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"
mini=$src/tests/data/good/mini.cfg
export PATHWALK_NOW=2025-02-17T09:00:00Z TZ=UTC LC_ALL=C.UTF-8 XDG_STATE_HOME=$tmp/state
no_raw() { # FILE DESCRIPTION: no ESC, no other C0 control but newline/tab/form feed, valid UTF-8
	if LC_ALL=C grep -q $'[\x01-\x08\x0b\x0e-\x1f\x7f]' "$1"; then bad "$2: a control character"; LC_ALL=C grep -n $'[\x01-\x08\x0b\x0e-\x1f\x7f]' "$1" | head -3 | cat -v
	elif ! iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1; then bad "$2: invalid UTF-8"
	else ok; fi
}

# The plain walk on mini.cfg: answers that make "high" the recommendation, then step 3 with a
# hostile reason, then finish.
hostile=$'\e[2J\e]0;pwned\a<script>alert("x")</script> \'quoted\' \xff\xfe tab\there'
printf '6\nn\na\nx,y\n\n2025-02-10\n3\n%s\n\n' "$hostile" |
	"$bin" walk --plain -p "$mini" --log "$tmp/hostile.jsonl" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 0 ] && ok || bad "the walk with a hostile reason: exit $?"
no_raw "$tmp/out" "the walk's output"
no_raw "$tmp/hostile.jsonl" "the journal"
file_has "$tmp/hostile.jsonl" '<script>alert(\"x\")</script>' && ok || bad "the reason's text is kept in the journal (JSON-escaped)"
for f in text markdown html json; do
	"$bin" log -p "$mini" -f $f "$tmp/hostile.jsonl" >"$tmp/log.$f" 2>/dev/null || bad "log -f $f"
	no_raw "$tmp/log.$f" "the $f log"
done
file_has "$tmp/log.html" '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;' && ok || bad "HTML escapes the reason"
file_has "$tmp/log.html" '<script>' && bad "a raw <script> in the HTML log" || ok
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/log.json" && ok || bad "the JSON log parses"

# A reason over 1000 characters is refused with a message, then a short one is taken.
printf -v long '%1001s' '' && long=${long// /x}
printf '6\nn\na\nx,y\n\n2025-02-10\n3\n%s\n3\nshort reason\n\n' "$long" |
	"$bin" walk --plain -p "$mini" --log "$tmp/long.jsonl" >"$tmp/out" 2>"$tmp/err"
file_has "$tmp/out" "the reason is too long: at most 1000 characters" && ok || bad "a long reason is refused with a message"
file_has "$tmp/long.jsonl" '"reason":"short reason"' && ok || bad "the short reason is taken after"
file_has "$tmp/long.jsonl" "$long" && bad "the long reason reached the journal" || ok

# Names and references given as options.
expect_usage() { # DESCRIPTION COMMAND...
	local what=$1
	shift
	"$@" </dev/null >/dev/null 2>"$tmp/err"
	local status=$?
	[ $status -eq 2 ] && ok || bad "$what: exit $status, expected 2"
}
printf -v patient41 '%41s' '' && patient41=${patient41// /p}
expect_usage "a control character in --clinician" "$bin" walk --plain -p "$mini" --clinician $'Dr\e[31mX'
expect_usage "a --patient over 40 characters" "$bin" walk --plain -p "$mini" --patient "$patient41"
expect_usage "a control character in --trainee" "$bin" train --plain --trainee $'a\tb' v1-cauda-equina
expect_usage "an empty --trainee" "$bin" train --plain --trainee "  " v1-cauda-equina
expect_usage "a right-to-left override in --patient" "$bin" walk --plain -p "$mini" --patient $'MRN \u202e4321'
file_has "$tmp/err" "control and text-direction characters are not accepted (U+202E)" && ok || bad "the override is named: $(cat "$tmp/err")"
expect_usage "a line separator in --trainee" "$bin" train --plain --trainee $'a\u2028b' v1-cauda-equina
expect_usage "a C1 control in --clinician" "$bin" walk --plain -p "$mini" --clinician $'Dr \u009b31m'
expect_usage "invalid UTF-8 in --clinician" "$bin" walk --plain -p "$mini" --clinician $'Dr \xff'
file_has "$tmp/err" "--clinician: not valid UTF-8" && ok || bad "invalid UTF-8 is named: $(cat "$tmp/err")"
printf '1\n' | USER=$'ev\e]0;x\a' "$bin" train --plain v1-cauda-equina >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && file_has "$tmp/err" "the login name (give --trainee)" && ok || bad "a login name with escapes is refused: $(cat "$tmp/err")"
printf '\n\n\n\n\n\n\n\n\n\n\n' | "$bin" walk --plain -p "$mini" --clinician "Dr Ünal 王" --patient "MRN 12/34" \
	--log "$tmp/names.jsonl" >/dev/null 2>&1
file_has "$tmp/names.jsonl" '"clinician":"Dr Ünal 王","patient":"MRN 12/34"' && ok || bad "names are journaled as given"
"$bin" log -p "$mini" "$tmp/names.jsonl" >"$tmp/names.txt" 2>/dev/null
file_has "$tmp/names.txt" "MRN 12/34" && ok || bad "the patient reference is in the printable log"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
