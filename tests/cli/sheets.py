# SPDX-License-Identifier: Apache-2.0
# The sheet checks that tests/cli/lib_golden.sh's queue_sheets queues for queued_checks.py: text
# logs, printed one after another, take as many sheets as their footers count pages ("page 1 of
# M"), none blank, under enscript (66-line pages) and under CUPS' text filter as `lp -o cpi=12
# -o lpi=7` runs it (Letter without a PPD, A4 with cups-filters' generic PPD). enscript is run
# once for every check queued (it numbers each file's pages from 1, which tells them apart); CUPS'
# filter once per paper for every check queued, its PDF read here (pdf_sheets: the text of each
# sheet, by the glyphs of a key page printed last), which tells the logs apart by their footers:
# each sheet must end with its own page's "page k of M", in order. The tools' paths and options
# come from the environment lib_golden.sh exports (CUPS_TEXTTOPDF, CUPS_GENERIC_PPD,
# CUPS_LP_OPTIONS).
import os, re, shutil, subprocess, zlib

FOOTER = re.compile(r"page 1 of ([0-9]+)")


def footer_pages(path):
    """The pages the text log at path counts in its first "page 1 of M" footer (0 without one)."""
    m = FOOTER.search(open(path, encoding="utf-8", errors="replace").read())
    return int(m.group(1)) if m else 0


def run(argv, env=None, given=b""):
    """The standard output of argv (bytes) given the bytes given on its standard input, its
    standard error discarded. The program is looked up on PATH once (an exec tried in every
    directory of PATH costs as much as a process)."""
    if argv[0] not in found:
        found[argv[0]] = shutil.which(argv[0]) or argv[0]
    argv = [found[argv[0]]] + argv[1:]
    return subprocess.run(argv, env=env, input=given, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout


found = {}


def enscript_sheets(files):
    """The sheets enscript prints for each of files, given it all at once (its pages' labels
    start again from 1 at each file)."""
    ps = run(["enscript", "-B", "-L", "66", "-p", "-"] + files).decode("latin-1")
    counts = []
    for label in re.findall(r"^%%Page: \(([0-9]+)\)", ps, re.M):
        if label == "1" or not counts:
            counts.append(0)
        counts[-1] += 1
    return counts


KEY = ["".join(chr(c) for c in range(0x21, 0x50)), "".join(chr(c) for c in range(0x50, 0x7f)) + " !"]
FOOTER_AT_END = re.compile(r"page ([0-9]+) of ([0-9]+)$")


def cups_pdf(paper, files, key=False):
    """The PDF CUPS' text filter makes of files, one job (their text one after another), on paper
    (Letter: no PPD; A4: the generic PPD), as cupsd runs it for a UTF-8 text job; with key, one
    more page after theirs holding the lines of KEY, the printable ASCII (pdf_sheets reads the text
    back by it)."""
    env = dict(os.environ, CHARSET="utf-8", CONTENT_TYPE="text/plain", FINAL_CONTENT_TYPE="application/pdf")
    env.pop("PPD", None)
    options = os.environ["CUPS_LP_OPTIONS"]
    if paper == "A4":
        env["PPD"] = os.environ["CUPS_GENERIC_PPD"]
        options += " media=A4"
    job = b"".join(open(f, "rb").read() for f in files)
    if key:  # on a page of its own
        job += b"" if job.endswith(b"\f") or not job else b"\f"
        job += "".join(k + "\n" for k in KEY).encode()
    return run([os.environ["CUPS_TEXTTOPDF"], "1", "pathwalk", "sheets", "1", options], env, job)


def pdf_object(pdf, offsets, n):
    """The object n of pdf: (its dictionary, as text; its stream's bytes, decompressed, or None)."""
    m = OBJECT.match(pdf, offsets[n])
    if not m or int(m.group(1)) != n:
        raise ValueError("no object %d where the PDF's xref says" % n)
    head = m.group(2).decode("latin-1")
    if m.group(3) == b"endobj":
        return head, None
    length = re.search(r"/Length\s+(\d+)(\s+0\s+R)?", head)
    size = int(pdf_object(pdf, offsets, int(length.group(1)))[0]) if length.group(2) else int(length.group(1))
    data = pdf[m.end():m.end() + size]
    filters = re.findall(r"/Filter\s*\[?\s*/(\w+)", head)
    if filters == ["FlateDecode"]:
        data = zlib.decompress(data)
    elif filters:
        raise ValueError("a stream in a filter this reader does not know: %s" % filters)
    return head, data


def refs(text, key):
    """The objects that the entry key of the dictionary text refers to (one, or an array)."""
    m = re.search(r"/%s\s*(\[[^\]]*\]|\d+\s+0\s+R)" % key, text)
    return [int(n) for n in re.findall(r"(\d+)\s+0\s+R", m.group(1))] if m else []


OBJECT = re.compile(rb"([0-9]+)\s+0\s+obj\s*(.*?)(stream\r?\n|endobj)", re.S)
# How CUPS' text filter places and shows each run of text, a line each: "X Y Td", then
# "/FONT SIZE Tf <HEX> Tj"; any other text operator is one this reader does not know.
RUN = re.compile(r"(?m)^ *[-0-9.]+ ([-0-9.]+) Td$|^ */(\S+) [-0-9.]+ Tf <([0-9A-Fa-f]*)> Tj$")
OTHER_TEXT = re.compile(r"T[JDm*]\s")
TAIL = 8192  # characters at the end of a content stream that hold its last line


def shown_lines(content, tail=None):
    """The lines a page's content stream shows (those of its last tail characters when tail is
    given), as lists of (font, hex glyph ids) runs: CUPS' text filter shows a line by one or more
    <hex> Tj, each placed by x y Td at the line's y. Raises ValueError on text shown or placed any
    other way anywhere in the stream."""
    if "(" in content or "'" in content or '"' in content or OTHER_TEXT.search(content):
        raise ValueError("text shown or placed otherwise than by x y Td and <hex> Tj")
    y, lines, line_y = None, [], None
    for placed_y, font, ids in RUN.findall(content[-tail:] if tail else content):
        if placed_y:
            y = placed_y
        elif y is not None:
            if not lines or y != line_y:
                lines.append([])
                line_y = y
            lines[-1].append((font, ids))
    if "Tj" in content and not lines:
        raise ValueError("a page's text is not shown as \"/FONT SIZE Tf <HEX> Tj\" after \"X Y Td\"")
    return lines


def last_line(contents):
    """The last line the content streams of a page show (shown_lines, of the last TAIL characters
    of each), [] when they show none."""
    lines = [shown_lines(content, TAIL) for content in contents]
    return next((shown[-1] for shown in reversed(lines) if shown), [])


def glyphs(line):
    """The glyphs of a line of shown_lines, each as (font, 4 hex digits)."""
    return [(font, ids[i:i + 4]) for font, ids in line for i in range(0, len(ids), 4)]


def pdf_sheets(pdf):
    """Each page of pdf, a PDF of CUPS' text filter, as (whether it shows any text, the text of its
    last line), read back by the glyphs of the PDF's last page, which must show the lines of KEY
    (the filter's fonts carry no Unicode): a glyph not in KEY reads as "?". The last page is left
    out."""
    end = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", pdf[-64:])
    if not end:
        raise ValueError("not a whole PDF (%d bytes, without startxref and %%%%EOF at the end)" % len(pdf))
    xref = re.compile(rb"xref\s+(\d+)\s+(\d+)\r?\n").match(pdf, int(end.group(1)))
    if not xref:
        raise ValueError("no xref table where startxref says")
    first, count = int(xref.group(1)), int(xref.group(2))
    rows = pdf[xref.end():xref.end() + 20 * count]
    offsets = {first + i: int(rows[20 * i:20 * i + 10])
               for i in range(count) if rows[20 * i + 17:20 * i + 18] == b"n"}
    trailer = pdf[xref.end() + 20 * count:].decode("latin-1")
    kids = refs(pdf_object(pdf, offsets, refs(trailer, "Root")[0])[0], "Pages")
    pages = []
    while kids:  # the page tree, depth first, in order
        head, _ = pdf_object(pdf, offsets, kids.pop(0))
        if re.search(r"/Type\s*/Pages\b", head):
            kids[:0] = refs(head, "Kids")
            continue
        pages.append([pdf_object(pdf, offsets, n)[1].decode("latin-1") for n in refs(head, "Contents")])
    key = [glyphs(line) for line in shown_lines("\n".join(pages.pop()))] if pages else []
    if [len(line) for line in key] != [len(k) for k in KEY]:
        raise ValueError("the last page does not show the key's lines of %s characters" % [len(k) for k in KEY])
    chars = dict(zip(sum(key, []), "".join(KEY)))
    sheets = []
    for contents in pages:
        last = last_line(contents)
        sheets.append((bool(last), "".join(chars.get(g, "?") for g in glyphs(last))))
    return sheets


def misplaced(pages, files):
    """None when pages (pdf_sheets) are the pages of files one after another, each page's last line
    ending with its footer "page k of M", k counting from 1 to M (the pages the file's footers
    count) in each; else the first sheet that is not."""
    at = 0
    for f in files:
        m = footer_pages(f)
        for k in range(1, m + 1):
            last = pages[at][1].rstrip() if at < len(pages) else ""
            footer = FOOTER_AT_END.search(last)
            if at >= len(pages) or not footer or (int(footer.group(1)), int(footer.group(2))) != (k, m):
                return "sheet %d of %s ends with %r, not \"page %d of %d\"" % (
                    at + 1, os.path.basename(f), last[-40:] if at < len(pages) else "(none printed)", k, m)
            at += 1
    return None if at == len(pages) else "%d sheets more than the footers count" % (len(pages) - at)


def answer(kind, checks):
    """The problems of each check of one sheets kind (sheets-enscript, sheets-letter, sheets-blank
    or sheets-a4): checks is a list of (message, files); returns a list of problem lists. Under
    CUPS every check of the kind is printed in one job: when each of its pages carries its own
    footer, in order, every check has as many sheets as pages and none blank; else each check is
    printed alone to say which fails and how."""
    if kind == "sheets-enscript":
        return enscript_answer(checks)
    paper = "A4" if kind == "sheets-a4" else "Letter"
    everything = [f for _, fs in checks for f in fs]
    if misplaced(printed(paper, everything), everything) is None:
        return [[] for _ in checks]
    tool = "CUPS texttopdf (%s, %s)" % (paper, os.environ["CUPS_LP_OPTIONS"])
    results = []
    for _, fs in checks:
        pages = printed(paper, fs)
        if kind == "sheets-blank":
            blank = sum(1 for shows, _ in pages if not shows)
            results.append(["%s prints %d blank sheets" % (tool, blank)] if blank else [])
            continue
        wrong = misplaced(pages, fs)
        if wrong is None:
            results.append([])
            continue
        want = [footer_pages(f) for f in fs]
        problems = ["%s prints %d sheets for %d pages: %s" % (tool, len(pages), sum(want), wrong)]
        if len(fs) > 1:  # which of them (each printed alone)
            problems += ["%s: %d sheets for %d pages" % (os.path.basename(f), len(printed(paper, [f])), w)
                         for f, w in zip(fs, want) if misplaced(printed(paper, [f]), [f]) is not None]
        results.append(problems)
    return results


def enscript_answer(checks):
    """answer for sheets-enscript: every check's files given to one enscript."""
    files = [f for _, fs in checks for f in fs]
    got = enscript_sheets(files)
    if len(got) != len(files):
        return [["enscript printed %d files of %d" % (len(got), len(files))] for _ in checks]
    results, at = [], 0
    for _, fs in checks:
        want = [footer_pages(f) for f in fs]
        sheets = sum(got[at:at + len(fs)])
        at += len(fs)
        results.append([] if sheets == sum(want) else
                       ["enscript prints %d sheets for %d pages" % (sheets, sum(want))] +
                       ["%s: %d sheets for %d pages" % (os.path.basename(f), n, w)
                        for f, n, w in zip(fs, got[at - len(fs):at], want) if n != w and len(fs) > 1])
    return results


def printed(paper, files):
    """pdf_sheets of the PDF of CUPS' filter for files on paper, each job printed once."""
    key = (paper, tuple(files))
    if key not in jobs:
        jobs[key] = pdf_sheets(cups_pdf(paper, files, key=True))
    return jobs[key]


jobs = {}
