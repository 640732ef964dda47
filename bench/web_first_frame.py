#!/usr/bin/env python3
"""Time to PoolScope's first frame in headless Chromium (bench/web_bench.sh): serves the web build from
127.0.0.1, opens index.html in a fresh browser each round (empty cache) and reads window.poolscope.firstFrameMs,
the page's performance.now() when the app's first frame was drawn (from navigation start: download, wasm
compile, data, fonts, the first ImGui frame). Prints each round and the median against the 1 s target (issue 34).
Beside each round, in a fresh browser of its own, the peer: bench/web_peer.html, a page that only asks for a
WebGL 2 context and clears it at its first display frame. A freshly started browser's first context waits for
its GPU process to come up, so that page's time is the floor any WebGL page's first frame stands on.
Both start as tests/web/cdp.py starts Chromium: without the browser's omnibox popup page (CHROME_UI_FEATURES),
which a headless browser never shows and which took a core for the first second and a half.
WEB_DELAY_MS=N holds poolscope.wasm and poolscope.data back N ms each, as a slow network would.
Usage: web_first_frame.py BUILD_WEB_DIR ROUNDS"""
import functools
import http.server
import json
import os
import pathlib
import statistics
import sys
import threading
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "tests" / "web"))
from cdp import Browser  # noqa: E402


PEER_PAGE = pathlib.Path(__file__).resolve().parent / "web_peer.html"


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def translate_path(self, path):  # the peer page from bench/, everything else from the build
        return str(PEER_PAGE) if path.startswith("/web_peer.html") else super().translate_path(path)

    def do_GET(self):  # WEB_DELAY_MS: the wasm and the data arrive that much later, as over a slow network
        delay = float(os.environ.get("WEB_DELAY_MS", "0")) / 1000
        if delay and (".wasm" in self.path or ".data" in self.path):
            time.sleep(delay)
        return super().do_GET()


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    root, rounds = pathlib.Path(sys.argv[1]).resolve(), int(sys.argv[2])
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    url = f"{base}/index.html?lesson=lessons/01-pool2d-from-scratch.json"
    times, peer_times = [], []
    try:
        for i in range(rounds):
            # Which page goes first alternates, so neither always meets the machine as the other left it.
            if i % 2:
                peer_times.append(peer_first_frame(f"{base}/web_peer.html"))
            browser = Browser()
            try:
                browser.page("Page.navigate", url=url)
                browser.wait_for("window.poolscope && window.poolscope.firstFrameMs !== null", timeout=60)
                times.append(browser.evaluate("window.poolscope.firstFrameMs"))
                started = browser.evaluate("window.poolscope.startedMs")
                state = json.loads(browser.evaluate("Module.ccall('poolscope_state_json', 'string', [], [])"))
            finally:
                browser.close()
            if i % 2 == 0:
                peer_times.append(peer_first_frame(f"{base}/web_peer.html"))
            print(f"round {i + 1}: first frame after {times[-1]:.0f} ms (download and wasm compile "
                  f"{started:.0f} ms, main() to first frame {state['first_frame_ms']:.0f} ms); the peer page "
                  f"{peer_times[-1]:.0f} ms")
            # main()'s own steps (app/platform/startup_phases.h), each one's duration
            steps, previous = [], 0.0
            for mark in state.get("startup_ms", []):
                steps.append(f"{mark['step']} {mark['ms'] - previous:.0f}")
                previous = mark["ms"]
            if steps:
                print(f"  main() steps, ms: {', '.join(steps)}")
    finally:
        server.shutdown()
    median, peer = statistics.median(times), statistics.median(peer_times)
    print(f"first frame: median {median:.0f} ms over {rounds} fresh browsers "
          f"(target <= 1000 ms: {'met' if median <= 1000 else 'MISSED'}); the peer page (a WebGL 2 context "
          f"cleared, bench/web_peer.html) median {peer:.0f} ms in the same run, PoolScope {median - peer:+.0f} ms")


def peer_first_frame(url):
    """The peer page's first frame in a fresh browser, ms from navigation."""
    browser = Browser()
    try:
        browser.page("Page.navigate", url=url)
        browser.wait_for("window.poolscope && window.poolscope.firstFrameMs !== null", timeout=60)
        return browser.evaluate("window.poolscope.firstFrameMs")
    finally:
        browser.close()


if __name__ == "__main__":
    main()
