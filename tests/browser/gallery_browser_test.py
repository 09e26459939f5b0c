#!/usr/bin/env python3
"""Issue 9, item 3: the proof gallery in a real browser. Starts `koho watch
--serve` on a small project, opens the gallery in Debian's headless
Chromium (driven over the DevTools protocol, tests/browser/cdp.py), and
checks that the page loads and shows each asset with its proof, that an
edit to a layout makes the open page reload with the new proof, and that a
broken layout shows its error on the page. Keeps a screenshot of the
gallery as a test artefact.

    gallery_browser_test.py KOHO WORK_DIR

Exit 77 (skipped) without chromium, unless KOHO_REQUIRE_BROWSER=1 (CI)."""
import base64
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import DevTools  # noqa: E402

CARD = """{"type": "print",
"page": {"size": {"w": "100mm", "h": "70mm"}, "bleed": "3mm"},
"fonts": {"gothic": "Noto Sans CJK JP"},
"styles": {"body": {"font": "gothic", "size": "20px", "leading": "28px"}},
"pages": [{"frames": [
  {"type": "text", "x": "8mm", "y": "8mm", "w": "84mm", "h": "30mm", "style": "%s", "text": "%s"}]}]}
"""


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def wait_for(predicate, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    fail(f"timed out waiting for {what}")


def main():
    koho, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    chromium = shutil.which("chromium")
    if not chromium:
        if os.environ.get("KOHO_REQUIRE_BROWSER") == "1":
            fail("chromium is missing (scripts/bootstrap.sh installs it)")
        print("skipped: needs Debian's chromium (scripts/bootstrap.sh installs it)")
        return 77
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, "project", "layouts"))
    project = os.path.join(work, "project")
    card = os.path.join(project, "layouts", "card.json")
    with open(card, "w", encoding="utf-8") as f:
        f.write(CARD % ("body", "里親説明会のご案内"))

    log_path = os.path.join(work, "watch.log")
    log = open(log_path, "w+", encoding="utf-8")
    watch = subprocess.Popen([koho, "watch", "--serve", "127.0.0.1:0", "--poll", "100"], cwd=project,
                             stdout=log, stderr=log, env=dict(os.environ, SOURCE_DATE_EPOCH="0"))
    profile = tempfile.mkdtemp(prefix="koho-chromium-")
    browser = None
    try:
        def watch_log():
            with open(log_path, encoding="utf-8") as f:
                return f.read()
        wait_for(lambda: "koho watch: watching" in watch_log() or watch.poll() is not None, 60, "koho watch")
        found = re.search(r"serving output/ at (http://127\.0\.0\.1:\d+/)", watch_log())
        if not found:
            fail(f"koho watch did not serve:\n{watch_log()}")
        gallery = found.group(1)

        # Flags as for any headless Chromium on a machine without network:
        # no background connections, no sandbox (tests run as root), a
        # fresh profile; the DevTools port is chosen by Chromium and
        # written to the profile.
        browser = subprocess.Popen([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                                    "--no-first-run", "--disable-background-networking",
                                    "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}",
                                    "--remote-debugging-port=0", "--window-size=1280,900", "about:blank"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(profile, "DevToolsActivePort")
        wait_for(lambda: os.path.exists(port_file) and open(port_file).read().strip(), 30, "Chromium's DevTools port")
        port = open(port_file).read().split()[0]
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
        page = next(t for t in targets if t.get("type") == "page")
        tab = DevTools(page["webSocketDebuggerUrl"])
        tab.call("Page.enable")
        tab.call("Page.navigate", url=gallery)
        tab.wait_event("Page.loadEventFired", 30)

        proof = os.path.join(project, "output", "proofs", "card", "card-p1.png")
        text = tab.evaluate("document.body.innerText")
        if "card" not in text:
            fail(f"the gallery does not show card.pdf:\n{text}")
        # Proofs are lazy-loaded pictures: they arrive after the load event.
        def shown():
            return tab.evaluate("[...document.images].filter(i => i.complete && i.naturalWidth > 0)"
                                ".map(i => new URL(i.src).pathname)")
        deadline = time.monotonic() + 15
        while "/proofs/card/card-p1.png" not in shown() and time.monotonic() < deadline:
            time.sleep(0.2)
        if "/proofs/card/card-p1.png" not in shown():
            fail(f"the gallery shows no proof of card.pdf; pictures shown: {shown()}")
        before = os.path.getsize(proof)

        # An edit: the rebuild makes the open page reload, with the new proof.
        with open(card, "w", encoding="utf-8") as f:
            f.write(CARD % ("body", "説明会の日程が変わりました。会場は千葉市です。"))
        tab.wait_event("Page.loadEventFired", 30)
        after = os.path.getsize(proof)
        if after == before:
            fail("the proof did not change after the edit")
        served = tab.call("Runtime.evaluate", expression="fetch('proofs/card/card-p1.png', {cache: 'no-store'})"
                          ".then(r => r.arrayBuffer()).then(b => b.byteLength)", awaitPromise=True,
                          returnByValue=True)["result"]["value"]
        if served != after:
            fail(f"the page reads a proof of {served} bytes, the new one has {after}")

        # A broken layout: the page reloads and shows the located error.
        with open(card, "w", encoding="utf-8") as f:
            f.write(CARD % ("nosuch", "x"))
        tab.wait_event("Page.loadEventFired", 30)
        text = tab.evaluate("document.body.innerText")
        if "unknown style 'nosuch'" not in text:
            fail(f"the gallery does not show the error:\n{text}")

        tab.evaluate("window.scrollTo(0, 0)")  # a reload keeps the scroll; the error box is at the top
        time.sleep(0.3)
        shot = tab.call("Page.captureScreenshot", format="png")
        with open(os.path.join(work, "gallery.png"), "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        print(f"ok: gallery at {gallery}, screenshot {os.path.join(work, 'gallery.png')}")
        return 0
    finally:
        if browser:
            browser.kill()
            browser.wait()
        watch.send_signal(signal.SIGTERM)
        try:
            watch.wait(timeout=20)
        except subprocess.TimeoutExpired:
            watch.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
