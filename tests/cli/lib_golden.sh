# SPDX-License-Identifier: Apache-2.0
# Helpers shared by the golden-file tests (log_golden.sh, train_report.sh); sourced, not run.
# The caller sets tmp (a scratch directory, where commands run), src (the source tree), passed=0
# and failed=0.
# UPDATE_GOLDEN=1 makes compare_golden rewrite the golden file instead of comparing.

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }
have_python() { command -v python3 >/dev/null; }

# run CODE DESCRIPTION -- COMMAND...: runs it in $tmp with stdout/stderr in $tmp/out, $tmp/err;
# stdout goes to $run_out instead when that is set (`run_out=FILE run ...`: a file to keep, with
# no cp of $tmp/out after)
run() {
	local want=$1 what=$2
	shift 3
	(cd "$tmp" && "$@") >"${run_out:-$tmp/out}" 2>"$tmp/err"
	local got=$?
	if [ "$got" = "$want" ]; then ok; else bad "$what: exit $got, expected $want"; sed 's/^/  | /' "$tmp/err" | head -20; fi
}
expect_in() { # FILE TEXT DESCRIPTION (TEXT may span lines; matched in bash: lib.sh's file_has)
	if file_has "$1" "$2"; then ok; else bad "$3: '$2' not in $(basename "$1")"; sed 's/^/  | /' "$1" | head -20; fi
}
expect_not_in() { # FILE TEXT DESCRIPTION (matched in bash, as file_has; by grep in a file with a NUL)
	local text=
	if [ ! -f "$1" ]; then
		ok # nothing to find TEXT in, as grep finds nothing
	elif IFS= read -r -d '' text <"$1"; then # stopped at a NUL byte: bash cannot hold the rest
		if grep -qF -- "$2" "$1"; then bad "$3: '$2' found in $(basename "$1")"; grep -nF -- "$2" "$1" | head -5; else ok; fi
	elif [[ $text == *"$2"* ]]; then
		bad "$3: '$2' found in $(basename "$1")"; grep -nF -- "$2" "$1" | head -5
	else
		ok
	fi
}

# same_bytes A B: the files A and B hold the same bytes (compared in bash; by cmp when either holds a
# NUL byte, which bash cannot hold)
same_bytes() {
	local a= b= nul=
	IFS= read -r -d '' a <"$1" && nul=1
	IFS= read -r -d '' b <"$2" && nul=1
	if [ -n "$nul" ]; then cmp -s "$1" "$2"; else [[ $a == "$b" ]]; fi
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
	elif same_bytes "$want" "$2"; then
		ok
	else
		bad "$(basename "$want") differs from the golden file"
		diff -u "$want" "$2" | head -40 | sed 's/^/  | /'
	fi
}

# check_text FILE DESCRIPTION: printer layout: <= 80 columns, pages of at most 65 lines each ended
# by a form feed and never padded, "page N of M" footers; then the sheets printed (enscript, and
# CUPS' text filter where installed) must be M (both queued: FILE must not change until
# run_queued_checks).
check_text() {
	expect_in "$1" "page 1 of " "$2"
	queue_check layout "$1" "$2: text layout"
	queue_sheets "$2" "$1"
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

# queue_from MANIFEST...: queues the checks another shell queued (the manifests of their queues;
# a file not there queued nothing), to be made and counted by this shell's run_queued_checks.
queue_from() {
	local m
	for m; do
		[ -f "$m" ] || continue
		[ -d "$tmp/queued" ] || mkdir "$tmp/queued"
		cat "$m" >>"$tmp/queued/manifest"
	done
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

# The options README and pathwalk(1) give for `lp`: CUPS' defaults (10 characters, 6 lines per
# inch) fit 60 lines of 80 columns on Letter and under 80 columns on A4. Exported for sheets.py.
export CUPS_LP_OPTIONS="cpi=12 lpi=7"
export CUPS_TEXTTOPDF=/usr/lib/cups/filter/texttopdf
export CUPS_GENERIC_PPD=/usr/share/ppd/cupsfilters/Generic-PDF_Printer-PDF.ppd

# queue_sheets DESCRIPTION FILE...: a printer given the text logs FILE..., one after another,
# wastes no sheet: enscript on 66-line pages prints them on as many sheets as their footers count
# pages; so does `lp -o cpi=12 -o lpi=7` (CUPS' text filter run as cupsd runs it for a text job,
# with no PPD, on Letter, none of the sheets blank; and with cups-filters' generic PPD on A4).
# Queued (tests/cli/sheets.py: every queued job printed at once, one run of each tool per paper,
# each sheet's footer read back from the PDF); says SKIP once for a tool that is not installed.
queue_sheets() {
	local what=$1 first=$2 more=
	shift 2
	have_python || { skip_once SHEETS_PY "python3 not installed: the sheet counts are not checked"; return 0; }
	[ $# = 0 ] || printf -v more '%s\n' "$@"
	if command -v enscript >/dev/null; then
		queue_check sheets-enscript "$first" "$what: enscript prints as many sheets as the footers count pages" "$more"
	else
		skip_once SHEETS_NOTICE "enscript not installed: the sheet count is not checked (apt-get install enscript)"
	fi
	if [ ! -x "$CUPS_TEXTTOPDF" ]; then
		skip_once CUPS_NOTICE "CUPS' texttopdf filter not installed: the CUPS sheet count is not checked (apt-get install cups-filters)"
		return 0
	fi
	queue_check sheets-letter "$first" "$what: CUPS texttopdf (Letter, $CUPS_LP_OPTIONS) prints as many sheets as the footers count pages" "$more"
	queue_check sheets-blank "$first" "$what: CUPS texttopdf (Letter, $CUPS_LP_OPTIONS) prints no blank sheet" "$more"
	[ ! -f "$CUPS_GENERIC_PPD" ] ||
		queue_check sheets-a4 "$first" "$what: CUPS texttopdf (A4, $CUPS_LP_OPTIONS) prints as many sheets as the footers count pages" "$more"
}

# skip_once VARIABLE MESSAGE: says "SKIP: MESSAGE" unless VARIABLE is set, then sets it.
skip_once() {
	[ -z "${!1:-}" ] || return 0
	printf -v "$1" 1
	echo "SKIP: $2"
}

# rechain FILE...: gives the lines of each journal made or edited by hand the integrity members
# pathwalk writes (DESIGN §6): "seq" numbered 1..N, "prev" (the sha256 of the line before) after
# "time", and "action_end" on every line (each line an action of its own), so that commands accept
# it. Earlier chain members are replaced; a line that is not an object is chained over as it is.
rechain() {
	# One perl for all the files (it renames each rewritten file over its journal itself), not a
	# sed and a sha256sum per line: Digest::SHA comes with Debian's perl, which dpkg-dev (in the
	# README's apt-get line and .ci/run) depends on.
	LC_ALL=C perl -MDigest::SHA=sha256_hex -e '
		for my $path (@ARGV) {
			open(my $in, "<", $path) or die "rechain: $path: $!\n";
			open(my $out, ">", "$path.chain") or die "rechain: $path.chain: $!\n";
			my ($prev, $n) = ("0" x 64, 0);
			while (my $line = <$in>) {
				chomp $line;
				$n++;
				$line =~ s/,"prev":"[0-9a-f]{64}"//;
				$line =~ s/,"action_end":true\}\z/}/;
				$line =~ s/^\{"seq":[0-9]+,"time":("[^"]*")/{"seq":$n,"time":$1,"prev":"$prev"/;
				$line =~ s/\}\z/,"action_end":true}/;
				print $out "$line\n";
				$prev = sha256_hex($line);
			}
			close($out) or die "rechain: $path.chain: $!\n";
			rename("$path.chain", $path) or die "rechain: $path: $!\n";
		}' "$@"
}
