#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# No run of 10 or more consecutive words of any source document in ../shared/seeds (or, when the
# project is checked out outside the shared tree, tests/data/seeds) stands in the text of the bundled
# pathway, config/sciatica.cfg: every quoted setting is checked except reference citations (a
# citation may carry a title word for word). Case, punctuation, white space and numbers (figures
# are carried from the sources on purpose) are ignored.
# The check is shown, in the same run, to catch a planted seed sentence. Usage: seed_copy.sh PATHWALK SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"
seeds=$src/../shared/seeds
[ -d "$seeds" ] || seeds=$src/tests/data/seeds

if ! ls "$seeds"/*.txt >/dev/null 2>&1; then
	echo "SKIP: no seed documents in ../shared/seeds or tests/data/seeds; nothing to compare with"
	exit 0
fi

# check PATHWAY...: for each PATHWAY in turn, in one python3 (the seeds' runs are read once), the
# file $tmp/out.N (N counting from 1) listing each 10-word run of a seed that stands in it, and
# $tmp/found.N holding 1 if one does, else 0.
check() {
	python3 - "$tmp" "$#" "$@" "$seeds"/*.txt <<'PY'
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

tmp, count = sys.argv[1], int(sys.argv[2])
pathways, seeds = sys.argv[3:3 + count], sys.argv[3 + count:]
seed_runs = {}
for name in seeds:
    w = words(open(name, encoding="utf-8").read())
    for i in range(len(w) - RUN + 1):
        seed_runs.setdefault(tuple(w[i:i + RUN]), name.rsplit("/", 1)[-1])

for n, pathway in enumerate(pathways, 1):
    found = 0
    with open("%s/out.%d" % (tmp, n), "w", encoding="utf-8") as out:
        for line, key, text in settings(pathway):
            if key == "citation":
                continue
            w = words(text)
            for i in range(len(w) - RUN + 1):
                run = tuple(w[i:i + RUN])
                if run in seed_runs:
                    found += 1
                    print("  %s:%d: %s: '%s' is in %s" % (pathway.rsplit("/", 1)[-1], line, key,
                                                         " ".join(run), seed_runs[run]), file=out)
                    break
    with open("%s/found.%d" % (tmp, n), "w") as f:
        f.write("1\n" if found else "0\n")
PY
}

# The check itself is checked on the way: a pathway with one seed sentence planted in a note must
# be caught, and a sentence that only shares fewer than 10 words in a row must not.
pathway=$src/config/sciatica.cfg
planted=$(awk 'NF >= 20 { print; exit }' "$seeds"/003_*.txt | head -c 400)
sed "s|^  notes = \"|  notes = \"$(printf '%s' "$planted" | sed 's/[|&\\"]/ /g') |" "$pathway" >"$tmp/planted.cfg"
printf 'pathway = { notes = "Sciatica causes pain that radiates out from the lower spine, and more."; };\n' >"$tmp/nine.cfg"
check "$pathway" "$tmp/planted.cfg" "$tmp/nine.cfg"
found=()
for n in 1 2 3; do found[n]=none; read -r "found[n]" <"$tmp/found.$n"; done
if [ "${found[1]}" = 0 ]; then ok; else bad "seed text stands in the bundled pathway:"; cat "$tmp/out.1"; fi
if [ "${found[2]}" = 1 ]; then ok; else bad "a planted seed sentence was not caught"; fi
file_has "$tmp/out.2" "notes" && ok || bad "the planted sentence was not reported in notes: $(cat "$tmp/out.2")"
if [ "${found[3]}" = 0 ]; then ok; else bad "nine words in a row were reported: $(cat "$tmp/out.3")"; fi

echo "seed_copy: $passed passed, $failed failed"
[ "$failed" = 0 ]
