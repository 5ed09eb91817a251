#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Prints the HTML log to PDF with headless Chromium on A4 and on Letter (the log's named pages,
# chosen by the body's class) and reads it back with pdftotext: the paper size is the one asked
# for, page 1 holds the visit summary (outcome, recommendation, warnings, digest and signature
# line) and nothing of the record, the record starts on page 2, no decision is split across
# pages, and the endpoint and the disclaimer are printed. Skipped (exit 0, with a visible notice)
# when chromium or pdftotext is not installed. Usage: log_print.sh PATHWALK SOURCE_DIR
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
# Chromium prints it with scripts off (print_pdf.py): the log must hold none for that to be the print.
if file_has "$tmp/log.html" "<script"; then bad "the HTML log holds a script"; fi

# print SIZE...: the log printed on each paper SIZE (a4 or letter: the body's class) by one Chromium
# as $tmp/SIZE.pdf
print() {
	timeout 120 "${python_cmd[@]}" "$src/tests/cli/print_pdf.py" "$tmp/profile" "$tmp/log.html" "$@" >"$tmp/chromium.log" 2>&1
}

# pdf_text SIZE: $tmp/SIZE.pdf page by page (form feeds between pages) as $tmp/SIZE.txt
pdf_text() {
	if [ ! -s "$tmp/$1.pdf" ]; then
		bad "chromium wrote no PDF on $1"; tail -20 "$tmp/chromium.log" "$tmp/profile.log"; return 1
	fi
	pdftotext -layout "$tmp/$1.pdf" "$tmp/$1.txt" || { bad "pdftotext on $1"; return 1; }
}

print a4 letter
# Each size's PDF read back, then checked with the others in one python3 (SIZE TEXT PDFINFO each);
# it exits with the number of sizes that failed.
checks=()
for size in a4 letter; do
	pdf_text "$size" || continue
	checks+=("$size" "$tmp/$size.txt" "$(pdfinfo "$tmp/$size.pdf" 2>/dev/null)")
done
if [ "${#checks[@]}" -gt 0 ]; then
	python3 - "$tmp/log.json" "${checks[@]}" <<'PY' || failed=$((failed + $?))
import json, re, sys
log = json.load(open(sys.argv[1], encoding="utf-8"))
def check(size, text_file, info):
    pages = [re.sub(r"\s+", " ", p) for p in open(text_file, encoding="utf-8").read().split("\f")]
    printed = " ".join(pages)
    bad = 0
    def fail(msg):
        nonlocal bad
        print("FAIL: %s: %s" % (size, msg))
        bad += 1
    want_size = {"a4": "(A4)", "letter": "(letter)"}[size]
    if want_size not in info:
        fail("the PDF is not on %s paper: %s" % (size, re.findall(r"Page size:.*", info)))
    pages_n = int(re.search(r"Pages:\s*(\d+)", info).group(1))
    if pages_n < 2:
        fail("%d page(s): the record does not start on page 2" % pages_n)
    def norm(t):
        return re.sub(r"\s+", " ", t).strip()
    summary = {"outcome": log["endpoint"]["title"], "recommendation": log["endpoint"].get("recommendation") or "",
               "signature line": "Clinician signature:", "journal digest": log["journal_digest"]}
    titles = [e["title"] for e in log["events"] if e.get("event") == "warning" and e.get("title")]
    for i, t in enumerate(titles):
        summary["warning %d" % (i + 1)] = t
    for what, text in summary.items():
        if not norm(text) or norm(text) not in pages[0]:
            fail("page 1 lacks the %s: %r" % (what, norm(text)[:80]))
    for what in ["About this pathway", "The walk", "Step 1."]:
        if what in pages[0]:
            fail("page 1 holds the record's %r" % what)
    if len(pages) > 1 and "About this pathway" not in pages[1]:
        fail("page 2 does not start the record with About this pathway")
    for what, text in {"disclaimer": log["disclaimer"] or ""}.items():
        if not norm(text) or norm(text) not in printed:
            fail("the printed PDF lacks the %s: %r" % (what, norm(text)[:80]))
    # A decision is one box: its heading and its "At <time>, ..." line on the same page.
    for n, page in enumerate(pages, 1):
        for m in re.finditer(r"Decision: ", page):
            rest = page[m.end():]
            nxt = rest.find("Decision: ")
            if not re.search(r"At \d{4}-\d\d-\d\dT", rest[:nxt] if nxt >= 0 else rest):
                fail("page %d: a decision is split across pages" % n)
    print("log_print: %s: PDF of %d pages checked" % (size, pages_n))
    return bad
sys.exit(sum(1 for i in range(2, len(sys.argv), 3) if check(*sys.argv[i:i + 3])))
PY
fi
[ "$failed" = 0 ]
