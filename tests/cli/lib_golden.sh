# SPDX-License-Identifier: Apache-2.0
# Helpers shared by the golden-file tests (log_golden.sh, train_report.sh); sourced, not run.
# The caller sets tmp (a scratch directory, where commands run), src (the source tree), passed=0
# and failed=0.
# UPDATE_GOLDEN=1 makes compare_golden rewrite the golden file instead of comparing.

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }
have_python() { command -v python3 >/dev/null; }

# run CODE DESCRIPTION -- COMMAND...: runs it in $tmp with stdout/stderr in $tmp/out, $tmp/err
run() {
	local want=$1 what=$2
	shift 3
	(cd "$tmp" && "$@") >"$tmp/out" 2>"$tmp/err"
	local got=$?
	if [ "$got" = "$want" ]; then ok; else bad "$what: exit $got, expected $want"; sed 's/^/  | /' "$tmp/err" | head -20; fi
}
expect_in() { # FILE TEXT DESCRIPTION
	if grep -qF -- "$2" "$1"; then ok; else bad "$3: '$2' not in $(basename "$1")"; sed 's/^/  | /' "$1" | head -20; fi
}
expect_not_in() { # FILE TEXT DESCRIPTION
	if grep -qF -- "$2" "$1"; then bad "$3: '$2' found in $(basename "$1")"; grep -nF -- "$2" "$1" | head -5; else ok; fi
}

# compare_golden WANT FILE: the golden file WANT against FILE
compare_golden() {
	local want=$1
	if [ -n "${UPDATE_GOLDEN:-}" ]; then
		mkdir -p "$(dirname "$want")"
		cp "$2" "$want"
		echo "updated $want"
		ok
	elif [ ! -f "$want" ]; then
		bad "$(basename "$want"): no golden file (run with UPDATE_GOLDEN=1 and review the result)"
	elif cmp -s "$want" "$2"; then
		ok
	else
		bad "$(basename "$want") differs from the golden file"
		diff -u "$want" "$2" | head -40 | sed 's/^/  | /'
	fi
}

# check_text FILE DESCRIPTION: printer layout: <= 80 columns, pages of at most 65 lines each ended
# by a form feed and never padded, "page N of M" footers (queued: FILE must not change until
# run_queued_checks); then the sheets printed (enscript, and CUPS' text filter where installed)
# must be M.
check_text() {
	expect_in "$1" "page 1 of " "$2"
	queue_check layout "$1" "$2: text layout"
	check_sheets "$1" "$2"
}

# queue_check KIND FILE MESSAGE [ARGUMENT]: a check of FILE, failing with MESSAGE, that python3
# makes when run_queued_checks runs all those queued in one python3 (FILE must not change until
# then); nothing without python3.
# KIND (tests/cli/queued_checks.py): layout (as check_text says), widths (no line wider than 80
# columns by glibc's wcwidth), json (parses), utf8, csv-field (the first row's first field is
# ARGUMENT), assert (ARGUMENT is python asserting about the file at `path`).
queue_check() {
	have_python || return 0
	[ -d "$tmp/queued" ] || mkdir "$tmp/queued"
	printf '%s\0%s\0%s\0%s\0' "$1" "$3" "$2" "${4:-}" >>"$tmp/queued/manifest"
}

# run_queued_checks: makes the checks queued so far, in one python3, and counts each (ok, or bad
# with its message and details); the queue is then empty.
run_queued_checks() {
	[ -f "$tmp/queued/manifest" ] || return 0
	local line made=0 all=
	while IFS= read -r line; do
		case $line in
		ok) ok; made=$((made + 1)) ;;
		"FAIL: "*) bad "${line#FAIL: }"; made=$((made + 1)) ;;
		"all "*) all=${line#all } ;;
		*) printf '%s\n' "$line" ;;
		esac
	done < <(python3 "$src/tests/cli/queued_checks.py" "$tmp/queued/manifest" 2>&1)
	[ "$made" = "$all" ] || bad "$made queued checks made, of ${all:-an unknown number}"
	rm -rf "$tmp/queued"
}

# check_sheets FILE DESCRIPTION: a printer given the text log wastes no sheet: enscript on 66-line
# pages prints as many sheets as the footer counts pages; so does CUPS' text-to-PDF filter, where
# it is installed.
check_sheets() {
	local want sheets
	want=$(grep -o 'page 1 of [0-9]*' "$1" | head -n 1 | sed 's/.* of //')
	if command -v enscript >/dev/null; then
		sheets=$(enscript -B -L 66 -p - "$1" 2>/dev/null | grep -c '^%%Page:')
		if [ "$sheets" = "$want" ]; then ok; else bad "$2: enscript prints $sheets sheets for $want pages"; fi
	elif [ -z "${SHEETS_NOTICE:-}" ]; then
		SHEETS_NOTICE=1
		echo "SKIP: enscript not installed: the sheet count is not checked (apt-get install enscript)"
	fi
	if [ -x /usr/lib/cups/filter/texttopdf ] && command -v pdfinfo >/dev/null; then
		sheets=$(/usr/lib/cups/filter/texttopdf 1 user title 1 "" "$1" 2>/dev/null | pdfinfo - 2>/dev/null |
			sed -n 's/^Pages: *//p')
		if [ "$sheets" = "$want" ]; then ok; else bad "$2: CUPS texttopdf prints ${sheets:-no} sheets for $want pages"; fi
	elif [ -z "${CUPS_NOTICE:-}" ]; then
		CUPS_NOTICE=1
		echo "SKIP: CUPS' texttopdf filter not installed: the CUPS sheet count is not checked"
	fi
}


# rechain FILE: gives the lines of a journal made or edited by hand the integrity members pathwalk
# writes (DESIGN §6): "seq" numbered 1..N, "prev" (the sha256 of the line before) after "time", and
# "action_end" on every line (each line an action of its own), so that commands accept it. Earlier
# chain members are replaced; a line that is not an object is chained over as it is.
rechain() {
	# One perl for the whole file, not a sed and a sha256sum per line: Digest::SHA comes with
	# Debian's perl, which dpkg-dev (in the README's apt-get line and .ci/run) depends on.
	LC_ALL=C perl -MDigest::SHA=sha256_hex -e '
		my ($prev, $n) = ("0" x 64, 0);
		while (my $line = <STDIN>) {
			chomp $line;
			$n++;
			$line =~ s/,"prev":"[0-9a-f]{64}"//;
			$line =~ s/,"action_end":true\}\z/}/;
			$line =~ s/^\{"seq":[0-9]+,"time":("[^"]*")/{"seq":$n,"time":$1,"prev":"$prev"/;
			$line =~ s/\}\z/,"action_end":true}/;
			print "$line\n";
			$prev = sha256_hex($line);
		}' <"$1" >"$1.chain" && mv "$1.chain" "$1"
}
