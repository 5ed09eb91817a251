#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The pathway authors' tools through the real binary: `graph` (DOT accepted by Graphviz when it is
# installed, the route of a case and of a journal highlighted, the text outline), `diff` (same
# pathway, a changed threshold, a journal, an invalid case) and `check --strict` (findings with
# FILE:LINE, exit codes). Usage: author_tools.sh PATHWALK SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"
good=$src/tests/data/good
export PATHWALK_NOW=2024-03-01T09:30:00Z TZ=UTC LANG=C.UTF-8


# expect_exit CODE DESCRIPTION -- COMMAND...: runs it, keeps stdout/stderr in $tmp/out, $tmp/err
# (and the standard error, after a "== DESCRIPTION" line, in $tmp/errs for sanitizer_reports)
expect_exit() {
	local want=$1 what=$2 text=
	shift 3
	"$@" >"$tmp/out" 2>"$tmp/err"
	local got=$?
	if [ "$got" = "$want" ]; then ok; else bad "$what: exit $got, expected $want"; sed 's/^/  | /' "$tmp/err" | head -20; fi
	IFS= read -r -d '' text <"$tmp/err"
	printf '== %s\n%s' "$what" "$text" >>"$tmp/errs"
}
# sanitizer_reports: an expected exit 1 must not hide a sanitizer report (it exits 1 too): every
# command's standard error searched at once (one awk), each report a failure of its command.
sanitizer_reports() {
	local what line
	while IFS=$'\t' read -r what line; do
		bad "$what: sanitizer report"
		echo "  | $line"
	done < <(awk '/^== / { what = substr($0, 4); next }
		/ERROR: (Address|Leak)Sanitizer|runtime error:/ && !(what in said) { said[what]; print what "\t" $0 }' "$tmp/errs")
}
expect_in() { # FILE TEXT DESCRIPTION
	if file_has "$1" "$2"; then ok; else bad "$3: '$2' not in $(basename "$1")"; sed 's/^/  | /' "$1" | head -20; fi
}
expect_not_in() { # FILE TEXT DESCRIPTION
	if file_has "$1" "$2"; then bad "$3: '$2' unexpectedly in $(basename "$1")"; else ok; fi
}

# --- graph ---------------------------------------------------------------------------------
expect_exit 0 "graph --help" -- "$bin" graph --help
expect_in "$tmp/out" "usage: pathwalk graph" "graph --help"
expect_exit 2 "graph bad format" -- "$bin" graph --format png
expect_exit 2 "graph case and journal" -- "$bin" graph --case a.cfg --journal b.jsonl

expect_exit 0 "graph dot" -- "$bin" graph -p "$good/mini.cfg"
cp "$tmp/out" "$tmp/mini.dot"
expect_in "$tmp/mini.dot" 'subgraph "cluster_0"' "graph dot: stages are clusters"
expect_in "$tmp/mini.dot" 'label="1. One"' "graph dot: cluster labelled with the stage label"
expect_in "$tmp/mini.dot" '"n:choose" [label=<Choose<BR/><FONT POINT-SIZE="8">choose</FONT>>, shape=diamond]' \
	"graph dot: decision node"
expect_in "$tmp/mini.dot" 'shape=doubleoctagon' "graph dot: endpoint shape"
# Edges carry their place in the next list (first true wins) and the label, else the condition.
expect_in "$tmp/mini.dot" '"n:choose" -> "n:high" [label="1. High road"]' "graph dot: edge 1, its label"
expect_in "$tmp/mini.dot" '"n:choose" -> "n:many" [label="2. nsigns >= 2"]' "graph dot: edge 2, its condition"
expect_in "$tmp/mini.dot" '"n:choose" -> "n:low" [label="3. Low road"]' "graph dot: edge 3, the fallback's label"
expect_in "$tmp/mini.dot" '"n:screen" -> "n:choose" [];' "graph dot: a single step has no number"
sed -e 's/ label = "High road";//' -e 's/ label = "Low road";//' "$good/mini.cfg" >"$tmp/mini-unlabelled.cfg"
expect_exit 0 "graph dot unlabelled" -- "$bin" graph -p "$tmp/mini-unlabelled.cfg"
expect_in "$tmp/out" '"n:choose" -> "n:high" [label="1. score > 4 && kind == \"a\""]' \
	"graph dot: condition with escaped quotes"
expect_in "$tmp/out" '"n:choose" -> "n:low" [label="3. otherwise"]' "graph dot: fallback"
# Warnings are notes on the nodes where they can show; one about answers alone goes to the legend.
expect_in "$tmp/mini.dot" '"n:high" [label=<High<BR/><FONT POINT-SIZE="8">high</FONT><BR/><FONT POINT-SIZE="9" COLOR="#b35900">warning: At the end</FONT><BR/><FONT POINT-SIZE="9" COLOR="#b35900">warning: High</FONT>>' \
	"graph dot: warnings at() and endpoint as notes on the node"
expect_in "$tmp/mini.dot" '"n:low" [label=<Low<BR/><FONT POINT-SIZE="8">low</FONT><BR/><FONT POINT-SIZE="9" COLOR="#b35900">warning: At the end</FONT>>' \
	"graph dot: at(high) not noted at low"
expect_not_in "$tmp/mini.dot" 'style=dashed, arrowhead=none' "graph dot: no lines across for warnings"
expect_in "$tmp/mini.dot" 'subgraph "cluster_warnings"' "graph dot: warnings legend"
expect_in "$tmp/mini.dot" '"w:flagged" [shape=note' "graph dot: a warning on answers alone in the legend"
# Stages in breadcrumb order: the last node of stage 1 is tied above the first of stage 2.
expect_in "$tmp/mini.dot" '"n:choose" -> "n:high" [style=invis];' "graph dot: stage order"
expect_not_in "$tmp/mini.dot" 'penwidth=3' "graph dot without a route: nothing highlighted"

expect_exit 0 "graph dot with a case" -- "$bin" graph -p "$good/mini.cfg" --case "$good/mini-high.cfg"
cp "$tmp/out" "$tmp/route.dot"
expect_in "$tmp/route.dot" '"n:choose" -> "n:high" [label="1. High road", penwidth=3' \
	"graph dot: the case's decision edge is bold"
expect_in "$tmp/route.dot" '<B>warning: High</B></FONT>>, shape=doubleoctagon, penwidth=3' \
	"graph dot: the case's endpoint and its warning are bold"
expect_not_in "$tmp/route.dot" '"n:choose" -> "n:low" [label="3. Low road", penwidth=3' "graph dot: other edges plain"

# A pathway with errors is still drawn: problems first, broken parts in red, exit 1.
sed 's/goto = "low"/goto = "lwo"/' "$good/mini.cfg" >"$tmp/mini-broken.cfg"
expect_exit 1 "graph of a broken pathway" -- "$bin" graph -p "$tmp/mini-broken.cfg"
cp "$tmp/out" "$tmp/broken.dot"
expect_in "$tmp/err" "error: node 'choose': goto unknown node 'lwo'; did you mean 'low'?" "graph broken: the problem said"
expect_in "$tmp/err" "mini-broken.cfg: 1 problem found; drawn with the broken parts in red" "graph broken: summary"
expect_in "$tmp/broken.dot" '"n:choose" -> "x:1:2" [label="3. Low road", penwidth=2, color="#d00000"' \
	"graph broken: the edge to the unknown node is red"
expect_in "$tmp/broken.dot" '"x:1:2" [shape=box, style=dashed, color="#d00000"' "graph broken: a red placeholder"
expect_in "$tmp/broken.dot" '1 problem: drawn in red' "graph broken: title says so"
expect_exit 1 "graph of a broken pathway with a case" -- "$bin" graph -p "$tmp/mini-broken.cfg" --case "$good/mini-high.cfg"
expect_in "$tmp/err" "has problems; drawn without the route" "graph broken: no route drawn on it"
printf 'pathway = { id = ; };\n' >"$tmp/syntax.cfg"
expect_exit 3 "graph of a file that is not a pathway" -- "$bin" graph -p "$tmp/syntax.cfg"

if command -v dot >/dev/null 2>&1; then
	# dot takes the four graphs in one run (-O: each to its NAME.dot.svg; a run costs more than a
	# small graph), and each on its own only when that run fails, to tell which (dot_failed[NAME],
	# its errors in $tmp/NAME.dot.err).
	"$bin" graph >"$tmp/bundled.dot" 2>"$tmp/err"
	graphed=$?
	declare -A dot_failed=()
	svg() { # NAME...: dot renders each $tmp/NAME.dot to $tmp/NAME.dot.svg, its errors in $tmp/dot.err
		local name files=()
		for name; do files+=("$tmp/$name.dot"); done
		dot -Tsvg -O "${files[@]}" 2>"$tmp/dot.err"
	}
	if ! svg mini route bundled broken; then
		for f in mini route bundled broken; do
			svg "$f" || dot_failed[$f]=1
			mv "$tmp/dot.err" "$tmp/$f.dot.err"
		done
	fi
	for f in mini route; do
		if [ -z "${dot_failed[$f]-}" ] && file_has "$tmp/$f.dot.svg" '<svg'; then ok
		else bad "dot rejected $f.dot"; sed 's/^/  | /' "$tmp/$f.dot.err"; fi
	done
	if [ "$graphed" = 0 ] && [ -z "${dot_failed[bundled]-}" ] && [ -s "$tmp/bundled.dot.svg" ]; then ok
	else bad "graph of the bundled pathway not accepted by dot"; sed 's/^/  | /' "$tmp/err" "$tmp/bundled.dot.err"; fi
	if [ -z "${dot_failed[broken]-}" ] && file_has "$tmp/broken.dot.svg" '#d00000'; then ok
	else bad "dot rejected the broken pathway's graph"; sed 's/^/  | /' "$tmp/broken.dot.err"; fi
	expect_exit 0 "graph --format svg" -- "$bin" graph -p "$good/mini.cfg" --format svg
	expect_in "$tmp/out" '<svg' "graph --format svg writes SVG"
	expect_in "$tmp/out" '1. High road' "graph --format svg: numbered edges"
	expect_exit 1 "graph --format svg of a broken pathway" -- "$bin" graph -p "$tmp/mini-broken.cfg" --format svg
	expect_in "$tmp/out" '#d00000' "graph --format svg: broken parts red"
	expect_exit 5 "graph --format svg without dot" -- env PATH=/nonexistent "$bin" graph --format svg
	expect_in "$tmp/err" "needs Graphviz's dot on PATH" "graph --format svg without dot: says why"
else
	echo "NOTICE: Graphviz 'dot' is not installed: skipping the checks that dot accepts the output"
fi

expect_exit 0 "graph text" -- "$bin" graph -p "$good/mini.cfg" --case "$good/mini-high.cfg" --format text
expect_in "$tmp/out" "Stage 1: One (one)" "graph text: stage"
expect_in "$tmp/out" "* choose [decision] Choose" "graph text: node on the route marked"
expect_in "$tmp/out" '*     1. if score > 4 && kind == "a" -> high' "graph text: transition taken marked, numbered"
expect_in "$tmp/out" '      3. otherwise -> low' "graph text: fallback not taken"
expect_in "$tmp/out" "  many [endpoint] Many" "graph text: endpoint off the route"
expect_in "$tmp/out" "* at_high: High (when at(high))" "graph text: warning shown"

"$bin" replay -p "$good/mini.cfg" --log "$tmp/walk.jsonl" "$good/mini-high.cfg" >/dev/null 2>&1
expect_exit 0 "graph with a journal" -- "$bin" graph -p "$good/mini.cfg" --journal "$tmp/walk.jsonl" -f text
expect_in "$tmp/out" "* high [endpoint] High" "graph journal: endpoint marked"
expect_exit 3 "graph with a journal of another pathway" -- "$bin" graph --journal "$tmp/walk.jsonl"
expect_in "$tmp/err" "names node 'screen'" "graph journal of another pathway"
expect_exit 3 "graph with an unreadable case" -- "$bin" graph -p "$good/mini.cfg" --case "$tmp/none.cfg"

# --- diff ----------------------------------------------------------------------------------
sed 's/score > 4/score > 6/' "$good/mini.cfg" >"$tmp/mini-v2.cfg"
expect_exit 0 "diff --help" -- "$bin" diff --help
expect_exit 2 "diff without cases" -- "$bin" diff "$good/mini.cfg" "$good/mini.cfg"
expect_exit 0 "diff identical" -- "$bin" diff "$good/mini.cfg" "$good/mini.cfg" "$good/mini-high.cfg"
expect_in "$tmp/out" "same    mini-high: high" "diff identical"
expect_in "$tmp/out" "1 unchanged, 0 changed" "diff identical summary"
expect_exit 1 "diff changed threshold" -- "$bin" diff "$good/mini.cfg" "$tmp/mini-v2.cfg" "$good/mini-high.cfg"
expect_in "$tmp/out" "CHANGED mini-high" "diff changed"
expect_in "$tmp/out" "endpoint: high -> many" "diff endpoint"
expect_in "$tmp/out" "route first differs at choose (step 2): next high -> many" "diff first differs at"
expect_in "$tmp/out" "-at_high" "diff warnings"
expect_exit 1 "diff a journal" -- "$bin" diff "$good/mini.cfg" "$tmp/mini-v2.cfg" "$tmp/walk.jsonl"
expect_in "$tmp/out" "route first differs at choose (step 2): next high -> many" "diff journal"
mkdir "$tmp/cases"
cp "$good/mini-high.cfg" "$tmp/walk.jsonl" "$tmp/cases/"
cat >"$tmp/cases/low.cfg" <<'CASE'
case = { id = "mini-low"; answers = { score = 2; flag = false; kind = "b"; signs = [ ]; last = "2024-02-01"; }; };
CASE
expect_exit 1 "diff a directory" -- "$bin" diff "$good/mini.cfg" "$tmp/mini-v2.cfg" "$tmp/cases"
expect_in "$tmp/out" "same    mini-low: low" "diff directory: unchanged case"
expect_in "$tmp/out" "1 unchanged, 2 changed" "diff directory summary"
sed 's/max = 10/max = 5/' "$good/mini.cfg" >"$tmp/mini-narrow.cfg"
expect_exit 1 "diff case invalid under one version" -- "$bin" diff "$good/mini.cfg" "$tmp/mini-narrow.cfg" "$good/mini-high.cfg"
expect_in "$tmp/out" "INVALID mini-high" "diff invalid"
expect_in "$tmp/out" "invalid under $tmp/mini-narrow.cfg" "diff invalid names the version"
expect_exit 3 "diff unreadable case" -- "$bin" diff "$good/mini.cfg" "$good/mini.cfg" "$tmp/none.cfg"
expect_exit 3 "diff unreadable pathway" -- "$bin" diff "$tmp/none.cfg" "$good/mini.cfg" "$good/mini-high.cfg"

# --- colour: on a terminal only, CLICOLOR_FORCE forces it, NO_COLOR wins ----------------------
expect_exit 1 "check in a pipe" -- "$bin" check "$tmp/mini-broken.cfg"
expect_not_in "$tmp/err" $'\033[' "no colour in a pipe"
expect_exit 1 "check with CLICOLOR_FORCE" -- env CLICOLOR_FORCE=1 "$bin" check "$tmp/mini-broken.cfg"
expect_in "$tmp/err" $'\033[1;31merror: \033[0m' "CLICOLOR_FORCE colours the error"
expect_in "$tmp/err" $'\033[1;32m^~~\033[0m' "CLICOLOR_FORCE colours the caret"
expect_exit 1 "check with NO_COLOR and CLICOLOR_FORCE" -- env NO_COLOR=1 CLICOLOR_FORCE=1 "$bin" check "$tmp/mini-broken.cfg"
expect_not_in "$tmp/err" $'\033[' "NO_COLOR wins over CLICOLOR_FORCE"

# --- check --strict ------------------------------------------------------------------------
expect_exit 0 "check without --strict unchanged" -- "$bin" check "$good/mini.cfg"
expect_not_in "$tmp/out" "strict" "check without --strict"
expect_exit 1 "check --strict finds errors" -- "$bin" check --strict "$good/mini.cfg"
expect_in "$tmp/err" "pathwalk: $good/mini.cfg:34:5: error: warning 'flagged' cites no reference" "strict FILE:LINE"
expect_in "$tmp/err" "pathwalk: $good/mini.cfg:49:5: error: endpoint 'many' has no recommendation" "strict endpoint"
expect_in "$tmp/out" "strict: 4 errors, 4 warnings" "strict summary"
expect_in "$tmp/err" "pathwalk: $good/mini.cfg:14:5: warning: variable 'score' is read by a decision but has no short name" \
	"strict: a variable explained without a short name"
expect_in "$tmp/err" "pathwalk: $good/mini.cfg:25:5: warning: derived value 'nsigns' is read by a decision but has no label" \
	"strict: a derived value explained without a label"
# Fix the errors; leave a warning (a passed review date) and a never-true comparison inside ||.
sed -e 's/when = "flag"; text = "The flag is set.";/when = "flag || score > 10"; text = "The flag is set."; refs = [ "ref1" ];/' \
	-e 's/text = "High score.";/text = "High score."; refs = [ "ref1" ];/' \
	-e 's/title = "Many"; }/title = "Many"; recommendation = "M."; }/' \
	-e 's/title = "Low"; }/title = "Low"; recommendation = "L."; }/' "$good/mini.cfg" >"$tmp/mini-fixed.cfg"
PATHWALK_NOW=2031-01-01 expect_exit 0 "check --strict with only warnings" -- "$bin" check --strict "$tmp/mini-fixed.cfg"
expect_in "$tmp/err" "pathwalk: $tmp/mini-fixed.cfg:6:3: warning: the review date 2030-01-01 has passed (today is 2031-01-01)" \
	"strict review date"
expect_in "$tmp/err" "pathwalk: $tmp/mini-fixed.cfg:34:58: warning: 'score > 10' in warning 'flagged' is never true" \
	"strict range"
expect_in "$tmp/out" "strict: 0 errors, 6 warnings" "strict warnings summary"
PATHWALK_NOW=bad expect_exit 2 "check --strict bad PATHWALK_NOW" -- "$bin" check --strict "$good/mini.cfg"
expect_exit 0 "check --strict on the bundled pathway" -- "$bin" check --strict
expect_in "$tmp/out" "strict: 0 errors" "strict bundled"

sanitizer_reports
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
