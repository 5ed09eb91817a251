# SPDX-License-Identifier: Apache-2.0
# The sheet checks that tests/cli/lib_golden.sh's queue_sheets queues for queued_checks.py: text
# logs, printed one after another, take as many sheets as their footers count pages ("page 1 of
# M"), none blank, under enscript (66-line pages) and under CUPS' text filter as `lp -o cpi=12
# -o lpi=7` runs it (Letter without a PPD, A4 with cups-filters' generic PPD). enscript is run
# once for every check queued (it numbers each file's pages from 1, which tells them apart); CUPS'
# filter once per check and paper (its PDF's text cannot be read back: the glyphs carry no
# Unicode), its Letter PDF read once for both its sheets and its blank sheets. The tools' paths
# and options come from the environment lib_golden.sh exports (CUPS_TEXTTOPDF, CUPS_GENERIC_PPD,
# CUPS_LP_OPTIONS).
import os, re, shutil, subprocess

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


def cups_pdf(paper, files):
    """The PDF CUPS' text filter makes of files, one job (their text one after another), on paper
    (Letter: no PPD; A4: the generic PPD), as cupsd runs it for a UTF-8 text job."""
    env = dict(os.environ, CHARSET="utf-8", CONTENT_TYPE="text/plain", FINAL_CONTENT_TYPE="application/pdf")
    env.pop("PPD", None)
    options = os.environ["CUPS_LP_OPTIONS"]
    if paper == "A4":
        env["PPD"] = os.environ["CUPS_GENERIC_PPD"]
        options += " media=A4"
    job = b"".join(open(f, "rb").read() for f in files)
    return run([os.environ["CUPS_TEXTTOPDF"], "1", "pathwalk", "sheets", "1", options], env, job)


def pdf_pages(pdf):
    """The text of each page of pdf (pdftotext ends each with a form feed), in the order of the
    page's content (-raw: what is on a page and how many pages, without the cost of laying the
    text out in reading order)."""
    text = run(["pdftotext", "-raw", "-", "-"], given=pdf).decode("utf-8", "replace")
    return text.split("\f")[:-1]


def pdf_page_count(pdf):
    """The pages of pdf by pdfinfo (None when it says nothing)."""
    m = re.search(r"^Pages:\s*([0-9]+)", run(["pdfinfo", "-"], given=pdf).decode("utf-8", "replace"), re.M)
    return int(m.group(1)) if m else None


def cups_sheets(paper, files):
    """The sheets the PDF of CUPS' filter has for files on paper, and (Letter only, else None)
    how many of them are blank."""
    pdf = cups_pdf(paper, files)
    if paper == "A4":
        return pdf_page_count(pdf), None
    pages = pdf_pages(pdf)
    return len(pages), sum(1 for page in pages if not page.strip())


def answer(kind, checks):
    """The problems of each check of one sheets kind (sheets-enscript, sheets-letter, sheets-blank
    or sheets-a4): checks is a list of (message, files); returns a list of problem lists."""
    if kind == "sheets-enscript":
        files = [f for _, fs in checks for f in fs]
        got = enscript_sheets(files)
        if len(got) != len(files):
            return [["enscript printed %d files of %d" % (len(got), len(files))] for _ in checks]
    results, at = [], 0
    for _, fs in checks:
        want = [footer_pages(f) for f in fs]
        if kind == "sheets-enscript":
            tool, each = "enscript", got[at:at + len(fs)]
            sheets = sum(each)
            at += len(fs)
        else:
            paper = "A4" if kind == "sheets-a4" else "Letter"
            tool = "CUPS texttopdf (%s, %s)" % (paper, os.environ["CUPS_LP_OPTIONS"])
            sheets, blank = printed(paper, fs)
            if kind == "sheets-blank":
                results.append(["%s prints %d blank sheets" % (tool, blank)] if blank else [])
                continue
            each = None
        problems = []
        if sheets != sum(want):
            problems.append("%s prints %s sheets for %d pages" % (tool, sheets, sum(want)))
            if len(fs) > 1:  # which of them (under CUPS: each printed alone)
                each = each or [printed(paper, [f])[0] for f in fs]
                problems += ["%s: %s sheets for %d pages" % (os.path.basename(f), n, w)
                             for f, n, w in zip(fs, each, want) if n != w]
        results.append(problems)
    return results


def printed(paper, files):
    """cups_sheets(paper, files), each job printed once (the Letter checks and the blank-sheet
    checks read one PDF)."""
    key = (paper, tuple(files))
    if key not in jobs:
        jobs[key] = cups_sheets(paper, files)
    return jobs[key]


jobs = {}
