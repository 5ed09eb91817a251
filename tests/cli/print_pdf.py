# SPDX-License-Identifier: Apache-2.0
# Prints an HTML file to PDF once per class given to its body, with one headless Chromium and one
# page load (a start-up costs more than a page, and a load more than setting a class): drives it
# over the DevTools pipe with what `chromium --headless --print-to-pdf --no-pdf-header-footer
# --disable-pdf-tagging` asks (the page size the document's CSS names, backgrounds, no header or
# footer; no tags: the structure tree for screen readers, built from an accessibility tree of the
# page, cost 0.2-0.5 s of CPU for two prints of the log and changes nothing printed on any page),
# FILE.html with <body class="CLASS"> to CLASS.pdf beside it. One renderer process for the blank
# page and the file it navigates to (each renderer started costs a tenth of a second of CPU).
# Scripts are off (--blink-settings=scriptEnabled=false): the log holds none (log_print.sh and
# log_golden.sh check), the DevTools commands need none, and with them on the two prints cost
# 2.5-3.3 s of CPU against 2.1-2.2 s off, printing the same PDFs (pdftotext's text identical,
# the same number of bytes).
# Usage: python3 print_pdf.py PROFILE_DIR FILE.html CLASS...  (exit 1 with a message when a print fails)
import base64, json, os, subprocess, sys

profile, html, classes = sys.argv[1], sys.argv[2], sys.argv[3:]
to_chromium, from_chromium = os.pipe(), os.pipe()


def pipe_fds():
    """In the child: the DevTools pipe on fds 3 (commands in) and 4 (replies out)."""
    commands, replies = os.dup(to_chromium[0]), os.dup(from_chromium[1])
    os.dup2(commands, 3)
    os.dup2(replies, 4)


browser = subprocess.Popen(
    ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
     "--disable-component-update", "--disable-sync", "--no-first-run", "--renderer-process-limit=1",
     "--blink-settings=scriptEnabled=false",
     "--user-data-dir=" + profile,
     "--remote-debugging-pipe", "about:blank"],
    preexec_fn=pipe_fds, close_fds=False, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
    stderr=open(os.path.join(profile + ".log"), "w"))
os.close(to_chromium[0])
os.close(from_chromium[1])
received, pending, last_id = b"", [], 0


def message():
    """The next message from Chromium (they are JSON, each ended by a NUL)."""
    global received
    while b"\0" not in received:
        chunk = os.read(from_chromium[0], 1 << 20)
        if not chunk:
            sys.exit("print_pdf: chromium closed the DevTools pipe (see %s.log)" % profile)
        received += chunk
    text, received = received.split(b"\0", 1)
    return json.loads(text)


def call(method, session=None, **params):
    """Sends a command and returns its result; the events that come before it are kept."""
    global last_id
    last_id += 1
    command = {"id": last_id, "method": method, "params": params}
    if session:
        command["sessionId"] = session
    os.write(to_chromium[1], json.dumps(command).encode() + b"\0")
    while True:
        reply = message()
        if reply.get("id") == last_id:
            if "error" in reply:
                sys.exit("print_pdf: %s: %s" % (method, reply["error"]))
            return reply["result"]
        pending.append(reply)


def wait_for(event, session):
    """Waits for the event EVENT of the page attached as SESSION."""
    while True:
        for i, e in enumerate(pending):
            if e.get("method") == event and e.get("sessionId") == session:
                return pending.pop(i)
        pending.append(message())


try:
    target = call("Target.createTarget", url="about:blank")["targetId"]
    session = call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
    call("Page.enable", session=session)
    call("Page.navigate", session=session, url="file://" + os.path.abspath(html))
    wait_for("Page.loadEventFired", session)
    root = call("DOM.getDocument", session=session)["root"]["nodeId"]
    body = call("DOM.querySelector", session=session, nodeId=root, selector="body")["nodeId"]
    for name in classes:
        # The class set as an attribute, as <body class="NAME"> would have it; the print lays the
        # page out again for it.
        call("DOM.setAttributeValue", session=session, nodeId=body, name="class", value=name)
        pdf = call("Page.printToPDF", session=session, printBackground=True, preferCSSPageSize=True,
                   displayHeaderFooter=False, generateTaggedPDF=False)
        with open(os.path.join(os.path.dirname(os.path.abspath(html)), name + ".pdf"), "wb") as out:
            out.write(base64.b64decode(pdf["data"]))
    os.write(to_chromium[1], json.dumps({"id": last_id + 1, "method": "Browser.close"}).encode() + b"\0")
    browser.wait(timeout=60)
finally:
    if browser.poll() is None:
        browser.kill()
        browser.wait()
