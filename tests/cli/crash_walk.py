#!/usr/bin/env python3
"""Drives `pathwalk walk --plain` through a fixed walk, whatever screen it starts on (a fresh
walk, or one resumed after a crash): Enter everywhere (the case pre-fills the answers), except
that on the first visit to BACK_SCREEN it goes back once (unless the journal already records a
back), and at OVERRIDE_SCREEN it overrides the recommendation with a reason. When the journal
cannot be written, it gives the path in $CRASH_WALK_RELOCATE (once), else gives up. The shim in
$CRASH_WALK_PRELOAD is preloaded into pathwalk only, not into this driver.
Usage: crash_walk.py JOURNAL PATHWALK ARGS...   Exits with pathwalk's status (137 when killed),
having copied pathwalk's output to its own."""
import json
import os
import subprocess
import sys

BACK_SCREEN = "Screen: Pain, duration and function"
OVERRIDE_SCREEN = "Screen: Sacroiliac joint injection"
REASON = "the patient prefers an epidural"


def journal_has_back(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return any('"event":"back"' in line for line in f)
    except OSError:
        return False


def main():
    journal, argv = sys.argv[1], sys.argv[2:]
    env = dict(os.environ)
    if env.get("CRASH_WALK_PRELOAD"):
        env["LD_PRELOAD"] = env["CRASH_WALK_PRELOAD"]
    p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
    out, screen, prompts = b"", "", 0
    relocate = moved = os.environ.get("CRASH_WALK_RELOCATE", "")
    while True:
        chunk = os.read(p.stdout.fileno(), 65536)
        if not chunk:
            break
        out += chunk
        sys.stdout.buffer.write(chunk)
        for line in out.decode("utf-8", "replace").splitlines():
            if line.startswith("Screen: "):
                screen = line
        if not out.endswith(b": "):
            continue
        last = out.decode("utf-8", "replace").rsplit("\n", 1)[-1]
        out = b""
        prompts += 1
        if prompts > 300:
            p.kill()
            print("crash_walk: more than 300 prompts; stuck at " + last, file=sys.stderr)
            sys.exit(99)
        if "Write the session log to another path" in last:
            reply, relocate = relocate, ""
        elif last.startswith("Reason for choosing"):
            reply = REASON
        elif screen == OVERRIDE_SCREEN and "a number picks another" in last:
            reply = "2"
        elif screen == BACK_SCREEN and not journal_has_back(journal) and not journal_has_back(moved):
            reply = "b"
        else:
            reply = ""
        try:
            p.stdin.write(reply.encode() + b"\n")
            p.stdin.flush()
        except BrokenPipeError:
            break
    try:
        p.stdin.close()
    except BrokenPipeError:
        pass
    rc = p.wait()
    sys.exit(128 - rc if rc < 0 else rc)


if __name__ == "__main__":
    main()
