#!/usr/bin/python3
"""`make site` and the offline, installable web app (issue 31), end to end: make_site.py builds a folder from
build-web/ and the lessons; lessons.html lists every lesson with its title, description and a link, and each
link opens its lesson in the app; the manifest is one Chromium accepts for installing (its icons load). Then
offline: headless Chromium visits the served site once, the server is stopped, and a reload still opens a
lesson (and the lesson list); a new build served again is picked up on the next visit, its old cache dropped.
Usage: site_test.py BUILD_WEB_DIR LESSONS_DIR OUT_DIR"""
import functools
import html.parser
import http.server
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from cdp import Browser  # noqa: E402
from web_checks import QuietHandler, check, failures  # noqa: E402

HERE = pathlib.Path(__file__).resolve().parent
MAKE_SITE = HERE.parent.parent / "scripts" / "make_site.py"


class Server:
    """The site on 127.0.0.1, stoppable and startable again on the same port."""

    def __init__(self, root, port=0):
        handler = functools.partial(QuietHandler, directory=str(root))
        self.http = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.port = self.http.server_address[1]
        threading.Thread(target=self.http.serve_forever, daemon=True).start()

    def stop(self):
        self.http.shutdown()
        self.http.server_close()


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.text = [], []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs).get("href"))

    def handle_data(self, data):
        self.text.append(data)


def web_state(browser):
    return json.loads(browser.evaluate("Module.ccall('poolscope_state_json', 'string', [], [])"))


def open_page(browser, url, timeout=90):
    browser.events.clear()
    browser.page("Page.navigate", url="about:blank")
    browser.page("Page.navigate", url=url)
    browser.wait_for("window.poolscope && window.poolscope.firstFrameMs !== null", timeout=timeout)
    return web_state(browser)


def check_site(site, lessons_dir):
    lessons = sorted(p for p in lessons_dir.glob("*.json") if p.name != "schema.json")
    for name in ("index.html", "poolscope.js", "poolscope.wasm", "poolscope.data", "sw.js", "manifest.webmanifest",
                 "lessons.html", "README.md", "icons/poolscope-192.png", "icons/poolscope-512.png"):
        check((site / name).is_file(), f"the site has {name}")
    index = Links()
    index.feed((site / "lessons.html").read_text(encoding="utf-8"))
    text = " ".join(index.text)
    for lesson in lessons:
        data = json.loads(lesson.read_text(encoding="utf-8"))
        check(f"index.html#lesson=lessons/{lesson.name}&lang=en" in index.links and
              data["title"]["en"] in text and data["description"]["en"][:60] in text and
              (site / "lessons" / lesson.name).is_file(),
              f"lessons.html lists {lesson.name} with its title, description and a link")
    sw = (site / "sw.js").read_text()
    check('"lessons.html"' in sw and all(f'"lessons/{p.name}"' in sw for p in lessons),
          "the service worker keeps the lesson list and the lessons")
    readme = (site / "README.md").read_text()
    check("static" in readme and "https" in readme and "--web-base" in readme, "README.md says how to publish it")
    return lessons


def installable(browser, base):
    manifest = browser.page("Page.getAppManifest")
    check(manifest.get("url", "").endswith("/manifest.webmanifest") and not manifest.get("errors"),
          f"Chromium reads the manifest without errors ({manifest.get('errors')})")
    parsed = json.loads(manifest.get("data") or "{}")
    icons = {i["sizes"] for i in parsed.get("icons", [])}
    check({"192x192", "512x512"} <= icons and parsed.get("display") == "standalone",
          f"the manifest has 192 and 512 px icons and opens standalone ({icons})")
    try:  # deprecated in newer Chromium; where it still answers, nothing may stand in the way
        errors = browser.page("Page.getInstallabilityErrors").get("installabilityErrors", [])
        check(not errors, f"Chromium finds nothing against installing the page ({errors})")
    except RuntimeError as e:
        print(f"note: Page.getInstallabilityErrors is not available here ({str(e)[:80]})")
    for icon in ("icons/poolscope-192.png", "icons/poolscope-512.png"):
        loaded = browser.evaluate(f"fetch('{base}/{icon}').then((r) => r.ok && r.headers.get('content-type'))")
        check(loaded == "image/png", f"{icon} loads ({loaded})")


def offline(browser, site, lessons, out):
    server = Server(site)
    base = f"http://127.0.0.1:{server.port}"
    try:
        state = open_page(browser, f"{base}/index.html")
        check(state["frame"] > 0, "the site's app starts")
        installable(browser, base)
        controlled = browser.wait_for("navigator.serviceWorker.ready.then(() => navigator.serviceWorker.controller"
                                      " !== null)", timeout=60)
        check(controlled, "after one visit the service worker controls the page")
        cached = browser.wait_for("caches.keys().then(async (names) => { const c = await caches.open(names[0]);"
                                  " const keys = await c.keys(); return keys.length >= 20 && [names, keys.length]; })",
                                  timeout=60)
        check(cached and len(cached[0]) == 1, f"one cache, named after the build, holds the site ({cached})")
        version = (site / "version.txt").read_text().strip()
        check(cached and cached[0] == [f"poolscope-{version}"], f"the cache is this build's ({version})")
        # Each lesson's link opens it (online).
        for lesson in lessons:
            state = open_page(browser, f"{base}/index.html#lesson=lessons/{lesson.name}&lang=en")
            check((state["lesson"]["file"] or "").endswith(lesson.name) and not state["status"].startswith("Link"),
                  f"lessons.html's link opens {lesson.name} ({state['lesson']['file']}, {state['status'][:60]!r})")
    finally:
        server.stop()
    # The network is gone: the page, the app, a lesson and the lesson list still open.
    check(subprocess.run([sys.executable, "-c", f"import urllib.request; urllib.request.urlopen('{base}/index.html',"
                          " timeout=3)"], capture_output=True).returncode != 0, "the server is stopped")
    browser.events.clear()
    browser.page("Page.reload")
    browser.wait_for("window.poolscope && window.poolscope.firstFrameMs !== null", timeout=90)
    state = web_state(browser)
    check((state["lesson"]["file"] or "").endswith(lessons[-1].name),
          f"offline, a reload opens the lesson again ({state['lesson']['file']})")
    state = open_page(browser, f"{base}/index.html#lesson=lessons/04-ceil-mode.json&step=2&lang=zh")
    check(state["lesson"]["file"] == "/poolscope/lessons/04-ceil-mode.json" and state["lesson"]["step"] == 1
          and state["language"] == "zh", f"offline, a reload opens a lesson at its step ({state['lesson']['file']})")
    browser.screenshot(str(out / "site-offline.png"))
    browser.page("Page.navigate", url=f"{base}/lessons.html")
    title = browser.wait_for("document.readyState === 'complete' && document.title", timeout=30)
    check(title == "PoolScope lessons", f"offline, the lesson list opens ({title!r})")
    return server.port


def update(browser, site, port, work):
    """A new build on the same address: the next visit runs it and the old cache goes."""
    newer = work / "newer"
    shutil.copytree(site, newer)
    old = (site / "version.txt").read_text().strip()
    for name in ("index.html", "sw.js", "version.txt"):
        path = newer / name
        path.write_text(path.read_text().replace(old, "0newbuild0"))
    server = Server(newer, port)
    try:
        base = f"http://127.0.0.1:{port}"
        state = open_page(browser, f"{base}/index.html#lesson=lessons/01-pool2d-from-scratch.json")
        version = browser.evaluate("document.documentElement.dataset.version")
        check(version == "0newbuild0" and state["lesson"]["file"].endswith("01-pool2d-from-scratch.json"),
              f"the next visit runs the new build ({version})")
        names = browser.wait_for("caches.keys().then((n) => n.length === 1 && n[0] === 'poolscope-0newbuild0'"
                                 " && n)", timeout=60)
        check(names == ["poolscope-0newbuild0"], f"the new build's cache replaced the old one ({names})")
    finally:
        server.stop()


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    build_web, lessons_dir, out = (pathlib.Path(a).resolve() for a in sys.argv[1:])
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="poolscope-site-") as tmp:
        work = pathlib.Path(tmp)
        site = work / "site"
        made = subprocess.run(["/usr/bin/python3", str(MAKE_SITE), str(build_web), str(lessons_dir), str(site)],
                              capture_output=True, text=True)
        check(made.returncode == 0, f"make_site.py builds the site ({made.stdout.strip()} {made.stderr[-200:]})")
        lessons = check_site(site, lessons_dir)
        browser = Browser()
        try:
            port = offline(browser, site, lessons, out)
            update(browser, site, port, work)
            time.sleep(0.1)
        finally:
            browser.close()
    print(f"site test: {len(failures)} failure(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
