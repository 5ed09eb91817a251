#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The bash completion (completions/pathwalk.bash) in a plain bash, extglob off and no
# bash-completion loaded: commands, short and long options of every command (each one the
# command's --help lists), and files of the right kind. Usage: completion.sh PATHWALK SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"

mkdir -p "$tmp/dir/sub"
touch "$tmp/dir/a.cfg" "$tmp/dir/b.jsonl" "$tmp/dir/c.txt"
# One plain bash (a coprocess, started once) sources the completion and answers each query in turn:
# a line of shell-quoted words in, the words offered one a line and a \x1e line out. Each query
# starts with COMPREPLY empty.
coproc complete_shell {
	cd "$tmp/dir" && PATH=${bin%/*}:$PATH exec bash --norc --noprofile -c '
		shopt -u extglob
		. "$1"
		while IFS= read -r query; do
			eval "set -- $query"
			COMP_WORDS=(pathwalk "$@")
			COMP_CWORD=$#
			COMPREPLY=()
			_pathwalk
			printf "%s\n" "${COMPREPLY[@]}" $'"'"'\x1e'"'"'
		done' sh "$src/completions/pathwalk.bash" 2>&1
}
# Kept: bash unsets complete_shell_PID once it has reaped the coprocess, which may be before the
# wait at the end.
complete_shell_pid=$complete_shell_PID
# complete_words WORDS...: the words offered for the last word (may be empty) of "pathwalk WORDS...",
# one per line
complete_words() {
	local line
	printf '%q ' "$@" >&"${complete_shell[1]}"
	echo >&"${complete_shell[1]}"
	while IFS= read -r -u "${complete_shell[0]}" line && [ "$line" != $'\x1e' ]; do printf '%s\n' "$line"; done
}
# offered WORD WORDS: WORDS (one a line) has WORD as a whole line (matched in bash: no grep each).
offered() { [[ $'\n'$2$'\n' == *$'\n'"$1"$'\n'* ]]; }
expect() { # DESCRIPTION WANT... -- WORDS...: each WANT is offered
	local what=$1 words=() wants=()
	shift
	while [ "$1" != -- ]; do wants+=("$1"); shift; done
	shift
	local got
	got=$(complete_words "$@")
	for w in "${wants[@]}"; do
		if offered "$w" "$got"; then ok; else bad "$what: '$w' not offered for 'pathwalk $*' (got: $(echo $got))"; fi
	done
}
refuse() { # DESCRIPTION WORD -- WORDS...: WORD is not offered
	local what=$1 word=$2
	shift 3
	if offered "$word" "$(complete_words "$@")"; then bad "$what: '$word' offered for 'pathwalk $*'"; else ok; fi
}

expect "commands" walk train replay test check log report graph diff -- ""
expect "top-level short options" -h -V -p -- -
expect "check: a pathway file and a directory, without extglob" a.cfg sub -- check ""
refuse "check: no journals" b.jsonl -- check ""
refuse "check: no text files" c.txt -- check ""
expect "replay: cases" a.cfg sub -- replay ""
expect "log: journals" b.jsonl sub -- log ""
refuse "log: no case files" a.cfg -- log ""
expect "diff: pathways, cases and journals" a.cfg b.jsonl sub -- diff old.cfg new.cfg ""
expect "-p completes a pathway file" a.cfg -- replay -p ""
expect "log --format" text markdown html json -- log --format ""
expect "report --format" text markdown html csv -- report --format ""
expect "report --watch: a directory" sub -- report --watch ""
refuse "report --watch: no files" b.jsonl -- report --watch ""
expect "check -s" -s --strict -h --help -- check -

# Every option each command's --help lists, short and long, is offered after a "-".
option_re='(^|[ ,])(--?[a-zA-Z][a-z-]*)'
for cmd in walk train replay test check log report graph diff; do
	# The options of the lines that start with one, each "-x" or "--xx" at the line's start or
	# after a space or comma, as grep -o would find them (matched in bash: no grep, tr, sort).
	"$bin" $cmd --help >"$tmp/help" 2>&1
	declare -A opts=()
	while IFS= read -r line; do
		[[ $line =~ ^\ +- ]] || continue
		while [[ $line =~ $option_re ]]; do
			opts[${BASH_REMATCH[2]}]=1
			line=x${line#*"${BASH_REMATCH[0]}"}
		done
	done <"$tmp/help"
	got=$(complete_words $cmd -)
	for o in "${!opts[@]}"; do
		if offered "$o" "$got"; then ok; else bad "$cmd: option $o (from --help) is not completed"; fi
	done
done

exec {complete_shell[1]}>&-
wait "$complete_shell_pid" 2>/dev/null
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
