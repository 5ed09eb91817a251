# SPDX-License-Identifier: Apache-2.0
# The checks that the golden-file tests queue with queue_check (tests/cli/lib_golden.sh), made in
# one python3 instead of one each. Reads the manifest (argv[1]: KIND, MESSAGE, FILE, ARGUMENT, each
# ended by a NUL) and prints, per check in order, "ok" or "FAIL: MESSAGE" with details as "  | ..."
# lines, then "all N" (N checks). The sheet checks (sheets.py) of a kind are made together.
# Usage: python3 queued_checks.py MANIFEST
import csv, ctypes, json, locale, re, sys, unicodedata

import sheets


def layout(path, _):
    """Printer layout: <= 80 columns, pages of at most 65 lines each ended by a form feed and never
    padded, "page N of M" footers."""
    text = open(path, encoding="utf-8").read()
    pages = text.split("\f")
    problems = []
    if pages[-1] != "":
        problems.append("the text does not end with a form feed")
    pages.pop()

    def width(s):
        if s.isascii():  # no ASCII character combines or is wide: one column each
            return len(s)
        return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
    for n, page in enumerate(pages, 1):
        lines = page.split("\n")
        if lines[-1] == "":
            lines.pop()
        if len(lines) > 65:
            problems.append("page %d has %d lines" % (n, len(lines)))
        if not lines[-1].strip().endswith("page %d of %d" % (n, len(pages))):
            problems.append("page %d footer is %r" % (n, lines[-1]))
        if len(lines) > 3 and lines[-3] == "":
            problems.append("page %d is padded with blank lines" % n)
        for i, line in enumerate(lines, 1):
            if width(line) > 80:
                problems.append("page %d line %d is %d columns" % (n, i, width(line)))
            if line != line.rstrip():
                problems.append("page %d line %d has trailing blanks" % (n, i))
    return problems[:10]


_wcwidth = {}


def widths(path, _):
    """Every line at most 80 columns by glibc's wcwidth in C.UTF-8 (each character measured once)."""
    if not _wcwidth:
        libc = ctypes.CDLL(None)
        libc.setlocale.restype = ctypes.c_char_p
        if not libc.setlocale(locale.LC_CTYPE, b"C.UTF-8"):
            sys.exit("no C.UTF-8 locale")
        _wcwidth[None] = libc.wcwidth

    def width(line):
        if line.isascii() and line.isprintable():  # glibc's wcwidth of each is 1
            return len(line)
        w = 0
        for c in line:
            n = _wcwidth.get(c)
            if n is None:
                n = _wcwidth[c] = _wcwidth[None](ctypes.c_wchar(c))
            if n < 0:
                raise ValueError("a character wcwidth cannot measure: U+%04X in %r" % (ord(c), line))
            w += n
        return w
    problems = []
    name = path.rsplit("/", 1)[-1]
    for i, line in enumerate(open(path, encoding="utf-8").read().replace("\f", "\n").split("\n"), 1):
        if width(line) > 80:
            problems.append("%s:%d is %d columns: %s" % (name, i, width(line), line))
    return problems[:10]


def parses(path, _):
    """The file is one JSON document."""
    json.load(open(path, encoding="utf-8"))
    return []


def utf8(path, _):
    """The file is valid UTF-8."""
    open(path, "rb").read().decode("utf-8")
    return []


def csv_field(path, want):
    """The first field of the second line (the first row after the header), read as CSV, is want."""
    lines = open(path, encoding="utf-8", newline="").read().split("\n")
    field = next(csv.reader([lines[1] if len(lines) > 1 else ""]), [""])[0]
    return [] if field == want else ["field read back as [%s], expected [%s]" % (field, want)]


def asserts(path, code):
    """Runs code (python statements: assert ...) with path, json and re in scope."""
    exec(code, {"path": path, "json": json, "re": re})
    return []


KINDS = {"layout": layout, "widths": widths, "json": parses, "utf8": utf8, "csv-field": csv_field, "assert": asserts}


def sheet_problems(queued):
    """The problems of the sheet checks among queued (KIND, MESSAGE, FILE, ARGUMENT; the
    ARGUMENT of a sheet check: more files, one a line), by their place in queued; each kind's
    checks made together (sheets.answer)."""
    found = {}
    for kind in sorted({q[0] for q in queued if q[0].startswith("sheets-")}):
        mine = [i for i, q in enumerate(queued) if q[0] == kind]
        checks = [(queued[i][1], [queued[i][2]] + queued[i][3].split("\n")[:-1]) for i in mine]
        try:
            answers = sheets.answer(kind, checks)
        except Exception as e:  # a tool that cannot be run fails the checks, and says why
            answers = [["%s: %s" % (type(e).__name__, e)]] * len(mine)
        found.update(zip(mine, answers))
    return found


def main():
    fields = open(sys.argv[1], "rb").read().decode("utf-8", "surrogateescape").split("\0")[:-1]
    queued = [fields[i:i + 4] for i in range(0, len(fields), 4)]
    found = sheet_problems(queued)
    for i, (kind, message, path, arg) in enumerate(queued):
        try:
            problems = found[i] if i in found else KINDS[kind](path, arg)
        except Exception as e:  # a check that raises fails, and says why
            problems = ["%s: %s" % (type(e).__name__, e)]
        if problems:
            print("FAIL: %s" % message)
            for p in problems:
                print("  | %s" % p)
        else:
            print("ok")
    print("all %d" % len(queued))


main()
