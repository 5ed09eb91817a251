# SPDX-License-Identifier: Apache-2.0
# bash completion for pathwalk(1): subcommands, their short and long options, and files of the
# right kind. Plain glob patterns only: it works whether or not extglob is set.
# Installed as share/bash-completion/completions/pathwalk (loaded on demand by bash-completion).

_pathwalk()
{
	local cur prev words cword
	if declare -F _init_completion >/dev/null 2>&1; then
		_init_completion || return
	else
		cur=${COMP_WORDS[COMP_CWORD]}
		prev=${COMP_WORDS[COMP_CWORD - 1]}
		words=("${COMP_WORDS[@]}")
		cword=$COMP_CWORD
	fi

	local commands="walk train replay test check log report graph diff verify"
	local cmd="" i
	for ((i = 1; i < cword; i++)); do
		case ${words[i]} in
		walk | train | replay | test | check | log | report | graph | diff | verify) cmd=${words[i]}; break ;;
		esac
	done

	# Options that take an argument.
	case $prev in
	-p | --pathway | --case | -c)
		COMPREPLY=($(compgen -f -X '!*.cfg' -- "$cur") $(compgen -d -- "$cur"))
		return ;;
	-r | --resume)
		COMPREPLY=($(compgen -f -X '!*.jsonl' -- "$cur") $(compgen -d -- "$cur"))
		return ;;
	--stage)
		COMPREPLY=($(compgen -W "red_flags assessment trigger_point conservative sij epidural surgical" -- "$cur"))
		return ;;
	-t | --trainee | --clinician | --patient | --endpoint | -d | --digest)
		return ;;
	-w | --watch)
		[ "$cmd" = report ] && { COMPREPLY=($(compgen -d -- "$cur")); return; } ;;
	-j | --journal)
		[ "$cmd" = graph ] && { COMPREPLY=($(compgen -f -X '!*.jsonl' -- "$cur") $(compgen -d -- "$cur")); return; } ;;
	-l | --log | -o | --output)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	-f | --format)
		case $cmd in
		log) COMPREPLY=($(compgen -W "text markdown md html json" -- "$cur")); return ;;
		report) COMPREPLY=($(compgen -W "text markdown md html csv" -- "$cur")); return ;;
		graph) COMPREPLY=($(compgen -W "dot svg text" -- "$cur")); return ;;
		esac ;;
	esac

	local opts
	case $cmd in
	"") opts="$commands -h --help -V --version -p --pathway -c --case -l --log --plain" ;;
	walk) opts="-p --pathway -c --case -l --log --plain --ids --clinician --patient -r --resume --force -h --help" ;;
	train) opts="-p --pathway -t --trainee --enter-findings -l --log --plain --list --stage --endpoint -h --help" ;;
	report) opts="-p --pathway -f --format -o --output --force -w --watch --plain -h --help" ;;
	replay) opts="-p --pathway -j --json --ids -l --log -h --help" ;;
	test) opts="-p --pathway --coverage -h --help" ;;
	check) opts="-s --strict -w --watch -h --help" ;;
	log) opts="-p --pathway -f --format -o --output --ids --force -h --help" ;;
	graph) opts="-p --pathway -c --case -j --journal --force -f --format -h --help" ;;
	diff) opts="--force -h --help" ;;
	verify) opts="-d --digest -h --help" ;;
	esac
	if [[ $cur == -* || -z $cmd && $cword -eq 1 ]]; then
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
		[[ $cur == -* ]] && return
	fi
	case $cmd in
	replay | test | check)
		COMPREPLY+=($(compgen -f -X '!*.cfg' -- "$cur") $(compgen -d -- "$cur")) ;;
	diff)
		COMPREPLY+=($(compgen -f -X '!*.cfg' -- "$cur") $(compgen -f -X '!*.jsonl' -- "$cur")
			$(compgen -d -- "$cur")) ;;
	log | report | verify)
		COMPREPLY+=($(compgen -f -X '!*.jsonl' -- "$cur") $(compgen -d -- "$cur")) ;;
	train)
		COMPREPLY+=($(compgen -W "$(pathwalk train --list 2>/dev/null | awk '/^[^ ]/ {print $1}')" -- "$cur")
			$(compgen -f -X '!*.cfg' -- "$cur") $(compgen -d -- "$cur")) ;;
	esac
}
complete -o filenames -F _pathwalk pathwalk
