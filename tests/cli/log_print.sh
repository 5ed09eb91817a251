#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Prints the HTML log to PDF with headless Chromium and checks that the printed text holds the
# endpoint and the disclaimer: the print styles must not hide or cut them. Skipped (exit 0, with a
# visible notice) when chromium or pdftotext is not installed. Usage: log_print.sh PATHWALK SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"
for tool in chromium pdftotext python3; do
	if ! command -v "$tool" >/dev/null; then
		echo "SKIP: $tool not installed (apt-get install chromium poppler-utils python3)"
		exit 0
	fi
done
export PATHWALK_NOW=2025-02-17T09:00:00Z TZ=UTC LC_ALL=C.UTF-8
failed=0

# Journal of a bundled case when there is one (a long, realistic log), else of the fixture.
case=$src/config/cases/v5-sij-eligible.cfg
pathway=()
if [ ! -f "$case" ]; then
	case=$src/tests/data/good/mini-log.cfg
	pathway=(-p "$src/tests/data/good/mini.cfg")
fi
if ! "$bin" replay "${pathway[@]}" --log "$tmp/j.jsonl" "$case" >/dev/null 2>"$tmp/err"; then
	bad "replay $case"; cat "$tmp/err"; exit 1
fi
"$bin" log "${pathway[@]}" -f html -o "$tmp/log.html" "$tmp/j.jsonl" 2>"$tmp/err" || { bad "log -f html"; cat "$tmp/err"; exit 1; }
"$bin" log "${pathway[@]}" -f json -o "$tmp/log.json" "$tmp/j.jsonl" 2>"$tmp/err" || { bad "log -f json"; cat "$tmp/err"; exit 1; }

timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
	--disable-component-update --disable-sync --no-first-run --no-pdf-header-footer \
	--user-data-dir="$tmp/profile" --print-to-pdf="$tmp/log.pdf" "file://$tmp/log.html" >"$tmp/chromium.log" 2>&1
if [ ! -s "$tmp/log.pdf" ]; then
	bad "chromium wrote no PDF"; tail -20 "$tmp/chromium.log"; exit 1
fi
pdftotext -layout "$tmp/log.pdf" "$tmp/log.txt" || { bad "pdftotext"; exit 1; }

# The endpoint title and the disclaimer, compared with whitespace normalised (the PDF wraps lines).
if python3 - "$tmp/log.json" "$tmp/log.txt" <<'PY'; then :; else failed=$((failed + 1)); fi
import json, re, sys
log = json.load(open(sys.argv[1], encoding="utf-8"))
printed = re.sub(r"\s+", " ", open(sys.argv[2], encoding="utf-8").read())
wanted = {"endpoint title": log["endpoint"]["title"], "disclaimer": log["disclaimer"] or "",
          "signature line": "Clinician signature:"}
bad = 0
for what, text in wanted.items():
    text = re.sub(r"\s+", " ", text).strip()
    if not text or text not in printed:
        print("FAIL: the printed PDF lacks the %s: %r" % (what, text[:80]))
        bad += 1
sys.exit(1 if bad else 0)
PY
pages=$(pdfinfo "$tmp/log.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
echo "log_print: PDF of ${pages:-?} pages checked"
[ "$failed" = 0 ]
