#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# No run of 10 or more consecutive words of any source document in ../shared/seeds (or, when the
# project is checked out outside the shared tree, tests/data/seeds) stands in the text of the bundled
# pathway, config/sciatica.cfg: every quoted setting is checked except reference citations (a
# citation may carry a title word for word). Case, punctuation, white space and numbers (figures
# are carried from the sources on purpose) are ignored.
# The check is first shown to catch a planted seed sentence. Usage: seed_copy.sh PATHWALK SOURCE_DIR
set -u
src=${2:?source dir}
src=$(cd "$src" && pwd)
seeds=$src/../shared/seeds
[ -d "$seeds" ] || seeds=$src/tests/data/seeds
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }

if ! ls "$seeds"/*.txt >/dev/null 2>&1; then
	echo "SKIP: no seed documents in ../shared/seeds or tests/data/seeds; nothing to compare with"
	exit 0
fi

# check PATHWAY: exit 0 when no 10-word run of a seed is in PATHWAY, 1 (listing each run) if any is
check() {
	python3 - "$1" "$seeds"/*.txt <<'PY'
import re, sys
RUN = 10

def words(text):
    """The words of text, lower case; numbers are figures, not words, and are left out."""
    return [w for w in re.findall(r"[^\W_]+", text.lower()) if not w.isdigit()]

def settings(path):
    """(line, key, text) for every quoted setting; adjacent literals are joined, comments skipped."""
    src = open(path, encoding="utf-8").read()
    token = re.compile(r'#[^\n]*|"((?:[^"\\]|\\.)*)"|([A-Za-z_][A-Za-z0-9_]*)\s*=|[;,()\[\]{}]')
    out, key, parts, line = [], None, [], 0
    for m in token.finditer(src):
        if m.group(0).startswith("#"):
            continue
        if m.group(1) is not None:
            if not parts:
                line = src.count("\n", 0, m.start()) + 1
            parts.append(re.sub(r'\\(.)', r'\1', m.group(1)))
            continue
        if parts:
            out.append((line, key, "".join(parts)))
            parts = []
        if m.group(2):
            key = m.group(2)
    return out

seed_runs = {}
for name in sys.argv[2:]:
    w = words(open(name, encoding="utf-8").read())
    for i in range(len(w) - RUN + 1):
        seed_runs.setdefault(tuple(w[i:i + RUN]), name.rsplit("/", 1)[-1])

found = 0
for line, key, text in settings(sys.argv[1]):
    if key == "citation":
        continue
    w = words(text)
    for i in range(len(w) - RUN + 1):
        run = tuple(w[i:i + RUN])
        if run in seed_runs:
            found += 1
            print("  %s:%d: %s: '%s' is in %s" % (sys.argv[1].rsplit("/", 1)[-1], line, key,
                                                 " ".join(run), seed_runs[run]))
            break
sys.exit(1 if found else 0)
PY
}

pathway=$src/config/sciatica.cfg
if check "$pathway" >"$tmp/out"; then ok; else bad "seed text stands in the bundled pathway:"; cat "$tmp/out"; fi

# The check itself: a pathway with one seed sentence planted in a note must be caught, and a
# sentence that only shares fewer than 10 words in a row must not.
planted=$(awk 'NF >= 20 { print; exit }' "$seeds"/003_*.txt | head -c 400)
sed "s|^  notes = \"|  notes = \"$(printf '%s' "$planted" | sed 's/[|&\\"]/ /g') |" "$pathway" >"$tmp/planted.cfg"
if check "$tmp/planted.cfg" >"$tmp/out"; then bad "a planted seed sentence was not caught"; else ok; fi
grep -q "notes" "$tmp/out" && ok || bad "the planted sentence was not reported in notes: $(cat "$tmp/out")"
printf 'pathway = { notes = "Sciatica causes pain that radiates out from the lower spine, and more."; };\n' >"$tmp/nine.cfg"
if check "$tmp/nine.cfg" >"$tmp/out"; then ok; else bad "nine words in a row were reported: $(cat "$tmp/out")"; fi

echo "seed_copy: $passed passed, $failed failed"
[ "$failed" = 0 ]
