# SPDX-License-Identifier: Apache-2.0
"""The driver of the crash-point test (crash_points.py): drives `pathwalk walk --plain` through a
fixed walk, whatever screen it starts on (a fresh walk, or one resumed after a crash): Enter
everywhere (the case pre-fills the answers), except that on the first visit to BACK_SCREEN it goes
back once (unless the journal already records a back), and at OVERRIDE_SCREEN it overrides the
recommendation with a reason. When the journal cannot be written, it gives the relocation path
(once), else gives up."""
import os
import subprocess

BACK_SCREEN = "Screen: Pain, duration and function"
OVERRIDE_SCREEN = "Screen: Sacroiliac joint injection"
REASON = "the patient prefers an epidural"


def journal_has_back(path):
    """Whether the journal at path (if any) records a back."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return any('"event":"back"' in line for line in f)
    except OSError:
        return False


def drive(argv, env, journal, stderr, relocate=""):
    """Runs argv (pathwalk walk --plain ...) with env (None: this environment) and its standard
    error to the file stderr, answering its prompts as above; journal is the path it writes.
    Returns (status, output): the exit status (128 + the signal when killed: 137 for SIGKILL)
    and its standard output, text."""
    p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, env=env)
    whole, out, screen, prompts = [], b"", "", 0
    moved = relocate
    while True:
        chunk = os.read(p.stdout.fileno(), 65536)
        if not chunk:
            break
        whole.append(chunk)
        out += chunk
        if not out.endswith(b": "):
            continue
        # The screen is the last one shown since the last prompt (or the one before, if none).
        text = out.decode("utf-8", "replace")
        for line in text.splitlines():
            if line.startswith("Screen: "):
                screen = line
        last = text.rsplit("\n", 1)[-1]
        out = b""
        prompts += 1
        if prompts > 300:
            p.kill()
            p.wait()
            stderr.write(("crash_walk: more than 300 prompts; stuck at " + last + "\n").encode())
            stderr.flush()
            return 99, b"".join(whole).decode("utf-8", "replace")
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
    p.stdout.close()
    rc = p.wait()
    return (128 - rc if rc < 0 else rc), b"".join(whole).decode("utf-8", "replace")
