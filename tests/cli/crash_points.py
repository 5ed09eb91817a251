# SPDX-License-Identifier: Apache-2.0
"""The crash points of tests/cli/crash_points.sh, in one process: the uninterrupted walk counts
the calls of write and fdatasync (the shim's PATHWALK_CRASH_COUNT); then the walk is killed at
every one of them (and torn at every write, and sees EIO at every sync), JOBS points at a time,
each point with its own files, and one point past the last call of each mode must be a whole walk.
What follows a kill (render, resume, compare, verify) has the journal the kill left as its only
input (the clock is fixed): the points that leave the same journal, byte for byte (most writes
are the screen's, not the journal's), are finished once, and each of them gets those checks.
Each check gives "ok" or "FAIL: ..."; the results are printed in order with the tally.
Usage: crash_points.py PATHWALK SRC SHIM TMPDIR JOBS"""
import concurrent.futures
import json
import os
import re
import subprocess
import sys

from crash_walk import drive

pathwalk, src, shim, tmp, jobs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
case_v5 = os.path.join(src, "config/cases/v5-sij-eligible.cfg")
MODES = ("fdatasync", "write", "tear", "eio")
# A sanitizer's report on any pathwalk's standard error fails the test, whatever its exit status.
SANITIZER = re.compile(r"ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error:")
reports = []


def seen(what, err):
    """Returns err, having kept it in reports when it holds a sanitizer's report."""
    if SANITIZER.search(err):
        reports.append("FAIL: %s: a sanitizer's report:\n%s" % (what, err))
    return err


def walk(journal, args, crash="", relocate="", count=""):
    """The driven plain walk writing journal (its standard error in journal.err), with the shim
    when crash (CALL:N) or count (a file for the counts) is given, else in this environment.
    Returns (status, out, err)."""
    env = None
    if crash or count:
        env = dict(os.environ)
        env["LD_PRELOAD"] = shim
        env["PATHWALK_CRASH"] = crash
        env["PATHWALK_CRASH_COUNT"] = count
    with open(journal + ".err", "w+b") as err:
        status, out = drive([pathwalk, "walk", "--plain"] + args, env, journal, err, relocate)
        err.seek(0)
        return status, out, seen("walk " + journal, err.read().decode("utf-8", "replace"))


def fresh(journal):
    """The arguments of a fresh walk of the case to journal."""
    return ["--case", case_v5, "--clinician", "T", "--log", journal]


def run(*args):
    """Runs pathwalk with args, its output discarded. Returns (status, standard error)."""
    p = subprocess.run((pathwalk,) + args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE)
    return p.returncode, seen(" ".join(args), p.stderr.decode("utf-8", "replace").rstrip("\n"))


def events(path):
    """The events of a journal, markers (start, resume, interrupted) and chain (seq, time, prev)
    aside."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            if e["event"] in ("start", "resume", "interrupted"):
                continue
            for key in ("seq", "time", "prev"):
                e.pop(key, None)
            out.append(e)
    return out


def differs(ref, path):
    """None when the journal at path holds exactly the events ref, else where it differs."""
    try:
        got = events(path)
    except (OSError, ValueError, KeyError) as e:
        return "  unreadable: %s" % e
    if got == ref:
        return None
    for i, (x, y) in enumerate(zip(ref, got)):
        if x != y:
            return "  first difference at event %d:\n  %s\n  %s" % (i + 1, x, y)
    return "  %d events against %d" % (len(ref), len(got))


def same_events(res, what, ref, path):
    """Checks that the journal at path holds the events ref."""
    diff = differs(ref, path)
    res.append("ok" if diff is None else "FAIL: %s\n%s" % (what, diff))


def verified(res, what, path):
    """Asks that `pathwalk verify` accept the journal at path: a check that verify_all makes."""
    res.append(("verify", what, path))


def verify_all(results):
    """Makes the checks that verified asked for in results, in one `pathwalk verify` of every
    journal named (it prints "JOURNAL: whole: ..." for each journal it accepts, and says on its
    standard error why it refuses one, each line naming the journal). Returns the results."""
    asked = [r for r in results if isinstance(r, tuple)]
    if not asked:
        return results
    paths = list(dict.fromkeys(path for _, _, path in asked))
    p = subprocess.run([pathwalk, "verify"] + paths, stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = p.stdout.decode("utf-8", "replace").splitlines()
    err = seen("verify", p.stderr.decode("utf-8", "replace")).splitlines()
    whole = {line.split(": whole: ", 1)[0] for line in out if ": whole: " in line}
    done = []
    for r in results:
        if isinstance(r, tuple):
            _, what, path = r
            why = [line for line in err if line.startswith("pathwalk: %s:" % path)]
            r = "ok" if path in whole else "FAIL: %s: verify: %s" % (what, "\n".join(why) or "exit %d" % p.returncode)
        done.append(r)
    return done


def finish(res, ref, j, what):
    """After a crash, resumes j to the end (or walks again when nothing whole was written) and
    checks the result against the uninterrupted walk."""
    status, logerr = run("log", j)
    if status != 0:
        if "no complete event" not in logerr:
            res.append("FAIL: %s: the journal does not render: %s" % (what, logerr))
            return
        os.remove(j)
        status, _, err = walk(j, fresh(j))
        if status != 0:
            res.append("FAIL: %s: the walk again: %s" % (what, err))
            return
    else:
        with open(j, encoding="utf-8", errors="replace") as f:
            ended = '"event":"end"' in f.read()
        if not ended:
            status, _, err = walk(j, ["--resume", j, "--case", case_v5])
            if status != 0:
                res.append("FAIL: %s: resume: exit %d: %s" % (what, status, err))
                return
    same_events(res, what + ": not the events of the uninterrupted walk", ref, j)
    verified(res, what, j)


def point_path(mode, n):
    """The journal of the point n of mode."""
    return os.path.join(tmp, "%s-%d.jsonl" % (mode, n))


def crash_point(ref, mode, n):
    """The walk killed at the n-th call of mode (the whole walk checked when it was not). Returns
    (crashed, status, err, results, left): crashed when killed (137), left the journal's bytes then
    (None when there is none); finish_point makes the checks of a killed walk."""
    j = point_path(mode, n)
    res, left = [], None
    status, _, err = walk(j, fresh(j), crash="%s:%d" % (mode, n))
    if status == 137:
        try:
            with open(j, "rb") as f:
                left = f.read()
        except OSError:
            pass
    elif status == 0:
        same_events(res, "%s:%d: the whole walk" % (mode, n), ref, j)
    return status == 137, status, err, res, left


def finish_point(ref, mode, n):
    """The journal the point n of mode left, finished and checked (finish). Returns the results."""
    res = []
    finish(res, ref, point_path(mode, n), "%s:%d" % (mode, n))
    return res


def shared(what, first, results):
    """The results of the point first as the point what's, what having left the same journal:
    the same oks, a verify of the same finished journal, and each failure said again for what."""
    out = []
    for r in results:
        if isinstance(r, tuple):
            out.append(("verify", what, r[2]))
        elif r == "ok":
            out.append(r)
        else:
            out.append("FAIL: %s: the journal it left is %s's: %s" % (what, first, r[len("FAIL: "):]))
    return out


def eio_point(ref, n):
    """The n-th fdatasync fails with EIO: noticed on that action (the walk asks at once, before
    another screen), and the journal written to another path holds every event, chain intact.
    Returns (relocated, status, err, results, None)."""
    j = os.path.join(tmp, "eio-%d.jsonl" % n)
    moved = os.path.join(tmp, "eio-%d-moved.jsonl" % n)
    res = []
    status, out, err = walk(j, fresh(j), crash="eio:%d" % n, relocate=moved)
    if not os.path.exists(moved):
        return False, status, err, res, None
    what = "eio:%d" % n
    res.append("ok" if status == 0 else "FAIL: %s: exit %d after relocating: %s" % (what, status, err))
    res.append("ok" if "Input/output error" in err else "FAIL: %s: the failed sync was not reported" % what)
    # Noticed on that action: the n-th sync is the n-th action, and each action before it led to
    # one screen; had the walk moved on, it would have shown one more before asking.
    screens = 0
    for line in out.split("\n"):
        if "Write the session log to another path" in line:
            break
        screens += bool(re.match(r"(Screen|Endpoint): ", line))
    res.append("ok" if screens == n - 1 else
               "FAIL: %s: %d screens shown before the failed sync was dealt with" % (what, screens))
    same_events(res, what + ": the moved journal lost or repeated events", ref, moved)
    verified(res, what, moved)
    return True, status, err, res, None


def past_last(mode, k, point):
    """The point k past the last call of mode: the walk ran to its end untouched, to the events of
    the uninterrupted walk (and k > 3: the calls were there to be crashed at)."""
    crashed, status, err, res, _ = point
    if crashed:
        return ["FAIL: %s:%d: %s past the last of the %d calls counted" %
                (mode, k, "relocated" if mode == "eio" else "killed", k - 1)]
    if status != 0 or k <= 3:
        return ["FAIL: %s:%d: exit %d after %d calls: %s" % (mode, k, status, k - 1, err)]
    return res or ["ok"]


def main():
    results = []
    ref_path, counts = os.path.join(tmp, "ref.jsonl"), os.path.join(tmp, "counts")
    status, _, err = walk(ref_path, fresh(ref_path), count=counts)
    if status != 0 or not os.path.exists(ref_path):
        print("FAIL: the uninterrupted walk: exit %d: %s" % (status, err))
        return 1
    results.append("ok")
    with open(ref_path, encoding="utf-8") as f:
        text = f.read()
    results.append("ok" if '"event":"back"' in text and '"event":"override"' in text else
                   "FAIL: the walk has no back or no override")
    try:
        with open(counts, encoding="utf-8") as f:
            fields = f.read().split()
        calls = {"write": int(fields[1]), "fdatasync": int(fields[3])}
    except (OSError, IndexError, ValueError):
        print("FAIL: the shim counted no calls (%s)" % counts)
        return 1
    calls["tear"], calls["eio"] = calls["write"], calls["fdatasync"]
    ref = events(ref_path)
    # Every point of every mode at once, JOBS at a time; the first past the last call included.
    # Then each journal left by a kill is finished once, for the first point that left it.
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        points = {(mode, k): pool.submit(eio_point, ref, k) if mode == "eio" else
                  pool.submit(crash_point, ref, mode, k)
                  for mode in MODES for k in range(1, calls[mode] + 2)}
        firsts = {}
        for key, point in points.items():
            crashed, _, _, _, left = point.result()
            if crashed and key[0] != "eio":
                firsts.setdefault(left, key)
        finished = {left: pool.submit(finish_point, ref, *key) for left, key in firsts.items()}
    for mode in MODES:
        for k in range(1, calls[mode] + 1):
            crashed, status, err, res, left = points[mode, k].result()
            if crashed and mode != "eio":
                first = firsts[left]
                res = finished[left].result()
                if first != (mode, k):
                    res = shared("%s:%d" % (mode, k), "%s:%d" % first, res)
            if not crashed:
                res = ["FAIL: %s:%d: exit %d, not %s at call %d of %d: %s" %
                       (mode, k, status, "relocated" if mode == "eio" else "killed", k, calls[mode], err)]
            results += res
        results += past_last(mode, calls[mode] + 1, points[mode, calls[mode] + 1].result())
        print("%s: %s each of %d %s" % (mode, "failed" if mode == "eio" else "killed at", calls[mode],
                                         "syncs" if mode == "eio" else "calls"))
    results = verify_all(results)
    results += reports
    failed = [r for r in results if r != "ok"]
    for r in failed:
        print(r)
    print("crash points: %d passed, %d failed" % (len(results) - len(failed), len(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
