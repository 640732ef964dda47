#!/usr/bin/env python3
"""Two (or more) web builds side by side (issue 34): each round opens every build's index.html in a fresh
headless Chromium, in turn, the order reversed every other round so no build always meets the machine as the
one before left it, and reads the time to the app's first frame (window.poolscope.firstFrameMs) and main()'s
own step marks. Prints per build the median first frame, when main() started, when its first frame was laid
out and how long it then waited for its WebGL context. For changes too small to see across separate
`make bench-web` runs, whose medians swing with the machine; the builds are served as they are (copy a
build-web/ aside before rebuilding). A build given as DIR|FLAGS starts its browsers with those extra
switches (space-separated), e.g. to try a V8 flag.
Usage: web_ab.py ROUNDS DIR[|FLAGS] DIR[|FLAGS] ..."""
import functools
import http.server
import json
import pathlib
import statistics
import sys
import threading

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "tests" / "web"))
from cdp import Browser  # noqa: E402
from web_first_frame import Quiet  # noqa: E402

LESSON_QUERY = "index.html?lesson=lessons/01-pool2d-from-scratch.json"


def serve(root):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def one_round(url, flags):
    """(first frame, main() started, first frame laid out, GL context waited), ms, in a fresh browser."""
    browser = Browser(extra_args=flags)
    try:
        browser.page("Page.navigate", url=url)
        browser.wait_for("window.poolscope && window.poolscope.firstFrameMs !== null", timeout=60)
        state = json.loads(browser.evaluate("Module.ccall('poolscope_state_json', 'string', [], [])"))
        marks = {m["step"]: m["ms"] for m in state.get("startup_ms", [])}
        started = browser.evaluate("window.poolscope.startedMs")
        laid_out = marks.get("first frame laid out", 0.0)
        return (browser.evaluate("window.poolscope.firstFrameMs"), started, started + laid_out,
                marks.get("GL context", laid_out) - laid_out)
    finally:
        browser.close()


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    rounds, specs = int(sys.argv[1]), sys.argv[2:]
    builds = []
    for spec in specs:
        root, _, flags = spec.partition("|")
        if not (pathlib.Path(root) / "index.html").is_file():
            sys.exit(f"web_ab.py: {root}/index.html not found")
        builds.append((spec, serve(pathlib.Path(root).resolve()), flags.split()))
    results = {spec: [] for spec, _, _ in builds}
    try:
        for i in range(rounds):
            for spec, server, flags in (builds if i % 2 == 0 else builds[::-1]):
                url = f"http://127.0.0.1:{server.server_address[1]}/{LESSON_QUERY}"
                results[spec].append(one_round(url, flags))
    finally:
        for _, server, _ in builds:
            server.shutdown()
    print(f"{rounds} rounds, each build in a fresh browser, alternating; medians in ms")
    for spec, rows in results.items():
        first, started, laid_out, context = (statistics.median(column) for column in zip(*rows))
        print(f"{spec}: first frame {first:.0f} (main() started {started:.0f}, laid out {laid_out:.0f}, "
              f"then the GL context {context:.0f}); rounds: {' '.join(f'{r[0]:.0f}' for r in rows)}")


if __name__ == "__main__":
    main()
