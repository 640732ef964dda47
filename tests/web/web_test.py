#!/usr/bin/env python3
"""PoolScope in the browser (issue 19), end to end: serves build-web/ from 127.0.0.1, loads it in headless
Chromium (SwiftShader WebGL 2), waits for the first frame, drives lesson steps with the keyboard (and F5:
presentation mode in browser fullscreen), reads the app's state report (poolscope_state_json(), the same JSON as the desktop's --state-out) and compares the
output values with the desktop app's for the same lesson step. Also: ?lang=zh (the CJK subset holds every
character shown; a lesson in another script says what it cannot draw), ?lesson=<url> fetched from the
server, a file opened through the page's upload path, Copy
to and paste from the browser's clipboard, File → Export… downloading a GIF with one frame per window
position, a 2× screen drawn in device pixels, bad ?step= values (a note and step 1, issue 28), the desktop's budgets
(a quiz over budget refused, a 256 × 256 global average drawn), and no console errors, exceptions or WebGL
errors. Screenshots land in the build folder (web-en.png, web-zh.png).
Usage: web_test.py BUILD_WEB_DIR DESKTOP_POOLSCOPE LESSONS_DIR OUT_DIR"""
import functools
import http.server
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from cdp import Browser  # noqa: E402
from web_checks import check, failures  # noqa: E402

LESSON = "01-pool2d-from-scratch.json"
URL_LESSON = "06-average-pooling.json"


class Handler(http.server.SimpleHTTPRequestHandler):
    """build-web/ at the root; the source lessons at /test-lessons/ (a teacher's lesson on some server), and
    the hostile lessons this test writes at /hostile/."""
    lessons_dir = None
    hostile_dir = None

    def translate_path(self, path):
        if path.startswith("/test-lessons/"):
            return str(self.lessons_dir / pathlib.Path(path.split("?")[0]).name)
        if path.startswith("/hostile/"):
            return str(self.hostile_dir / pathlib.Path(path.split("?")[0]).name)
        return super().translate_path(path)

    def log_message(self, *args):
        pass


def serve(root, lessons_dir, hostile_dir):
    Handler.lessons_dir = lessons_dir
    Handler.hostile_dir = hostile_dir
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def desktop_state(poolscope, lesson_path, step, out_dir, size="1280x800"):
    """The desktop app's --state-out for the lesson's step (1-based), drawn off-screen under Xvfb."""
    with tempfile.TemporaryDirectory() as home:
        state = pathlib.Path(home) / "state.json"
        env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=home, LANG="C.UTF-8")
        subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", poolscope, "--lesson", str(lesson_path),
                        "--lesson-step", str(step), "--screenshot",
                        str(out_dir / f"desktop-{pathlib.Path(lesson_path).stem}-step{step}-{size}.png"),
                        "--size", size, "--state-out", str(state)], env=env, check=True, timeout=120,
                       stdout=subprocess.DEVNULL)
        return json.loads(state.read_text())


def web_state(browser):
    return json.loads(browser.evaluate("Module.ccall('poolscope_state_json', 'string', [], [])"))


def wait_state(browser, predicate, what, timeout=20):
    deadline = time.monotonic() + timeout
    state = web_state(browser)
    while not predicate(state) and time.monotonic() < deadline:
        time.sleep(0.1)
        state = web_state(browser)
    check(predicate(state), what)
    return state


def settle():
    """Paces key presses like a person: ImGui 1.86 reads keys once per frame, so a second press arriving in
    the same frame gap as the first one's release would look like a key held down. The app draws a few
    frames after input and then idles, so this waits for time, not for a frame count."""
    time.sleep(0.25)


def same_numbers(web, desktop, step):
    for key in ("input", "params", "output_shape", "output", "errors"):
        check(web.get(key) == desktop.get(key), f"step {step}: '{key}' equals the desktop's "
              f"({json.dumps(web.get(key))[:80]} vs {json.dumps(desktop.get(key))[:80]})")


def open_page(browser, base, query):
    browser.events.clear()
    browser.page("Page.navigate", url=f"{base}/index.html?{query}")
    browser.wait_for("window.poolscope && window.poolscope.firstFrameMs !== null", timeout=60)
    return browser.evaluate("window.poolscope.firstFrameMs")


def page_errors(browser):
    found = browser.errors()
    found += browser.evaluate("window.poolscope.errors")
    for e in browser.events:  # WebGL misuse and the app's own ERROR lines are warnings to Chromium
        p = e.get("params", {})
        if e["method"] == "Log.entryAdded" and p["entry"].get("text", "").startswith("WebGL"):
            found.append(p["entry"]["text"])
        if e["method"] == "Runtime.consoleAPICalled" and any(
                "ERROR" in str(a.get("value", "")) for a in p.get("args", [])):
            found.append(str(p["args"]))
    return found


def click_anchor(browser, name, what):
    """Clicks the middle of an item once the app reports it in the same place in two later frames (a popup is
    placed after its first frame); its coordinates are the canvas's device pixels, below the page's bar."""
    deadline = time.monotonic() + 20
    last = web_state(browser)
    while time.monotonic() < deadline:
        time.sleep(0.3)
        state = web_state(browser)
        rect = state["anchors"].get(name)
        if rect and rect == last["anchors"].get(name):
            break
        last = state
    check(rect is not None, what)
    if rect is None:
        raise RuntimeError(f"{name} is not on screen")
    x, y, w, h = rect
    left, top, ratio = browser.evaluate("(() => { const r = document.getElementById('canvas')"
                                        ".getBoundingClientRect(); return [r.left, r.top, devicePixelRatio]; })()")
    browser.click(left + (x + w / 2) / ratio, top + (y + h / 2) / ratio)
    return state


def clipboard_and_export(browser):
    """Copy reaches the browser's clipboard, a paste event reaches the app, File → Export writes a GIF that the
    page offers as a download: the browser versions of the desktop's clipboard and export (no threads here,
    the export runs in slices between frames)."""
    browser.evaluate("(() => { window.copied = []; navigator.clipboard.writeText = (text) => {"
                     " window.copied.push(text); return Promise.resolve(); };"
                     " window.downloads = []; HTMLAnchorElement.prototype.click = function () {"
                     " window.downloads.push(this.download); }; return true; })()")
    browser.page("Runtime.evaluate", expression="document.getElementById('canvas').focus()")
    settle()
    browser.key_down("Control", "ControlLeft", 17)
    browser.press("c", "KeyC", 67)
    browser.key_down("Control", "ControlLeft", 17, down=False)
    copied = browser.wait_for("window.copied.length > 0 && window.copied", timeout=10)
    state = web_state(browser)
    check(copied and copied[-1].startswith("tensor(["),
          f"Ctrl+C puts the input on the browser's clipboard ({copied[-1][:60] if copied else None!r})")
    settle()
    browser.key_down("Control", "ControlLeft", 17)
    pasted = [[float(6 * r + c) for c in range(6)] for r in range(6)]  # 6 × 6: the step's 3 × 3 windows fit
    browser.evaluate("(() => { const data = new DataTransfer();"
                     f" data.setData('text/plain', '{json.dumps(pasted)}');"
                     " document.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data}));"
                     " return true; })()")
    browser.key_down("Control", "ControlLeft", 17, down=False)
    wait_state(browser, lambda s: s["input"] == pasted,
               "a paste in the browser (its paste event, then Ctrl+V) becomes the input matrix")
    settle()
    click_anchor(browser, "menu.file", "the menu bar shows File")
    click_anchor(browser, "menu.export", "the File menu shows Export…")
    positions = click_anchor(browser, "export.go", "File → Export… opens the dialog")["steps"]
    downloads = browser.wait_for("window.downloads.length > 0 && window.downloads", timeout=60)
    check(downloads == ["poolscope-export.gif"], f"the exported GIF is offered as a download ({downloads})")
    wait_state(browser, lambda s: "poolscope-export.gif" in s["status"], "the status line names the export")
    gif = bytes(browser.evaluate("Array.from(Module.FS.readFile('/poolscope-export.gif'))"))
    check(gif[:6] == b"GIF89a" and gif_frames(gif) == positions,
          f"the GIF has one frame per window position ({gif[:6]}, {gif_frames(gif)} frames, {positions})")
    # File → Quit (Ctrl+Q) cannot close a tab: the page's bar says so, in the page's language.
    settle()
    browser.key_down("Control", "ControlLeft", 17)
    browser.press("q", "KeyQ", 81)
    browser.key_down("Control", "ControlLeft", 17, down=False)
    note = browser.wait_for("document.getElementById('status').textContent.includes('PoolScope')"
                            " && document.getElementById('status').textContent", timeout=10)
    check("关闭此标签页" in note, f"Ctrl+Q in a tab says to close the tab ({note!r})")


def hidpi(browser, base, out):
    """A HiDPI screen (device pixel ratio 2, as on tablets and Chromebooks): the canvas is drawn in device
    pixels and the UI scaled to match, so text is sharp, and a click still lands on what it points at."""
    browser.page("Emulation.setDeviceMetricsOverride", width=1280, height=800, deviceScaleFactor=2, mobile=False)
    try:
        open_page(browser, base, f"lesson=lessons/{LESSON}&lang=en")
        state = wait_state(browser, lambda s: s["content_scale"] == 2, "a 2× screen scales the UI by 2")
        css = browser.evaluate("(() => { const r = document.getElementById('canvas').getBoundingClientRect();"
                               " return [r.width, r.height]; })()")
        check(state["window_size"] == [round(css[0] * 2), round(css[1] * 2)],
              f"the canvas is drawn in device pixels ({state['window_size']} for {css} CSS pixels)")
        browser.screenshot(str(out / "web-hidpi.png"))
        before = web_state(browser)["lesson"]["step"]
        click_anchor(browser, "lesson.next", "the lesson's Next button is on screen")
        wait_state(browser, lambda s: s["lesson"]["step"] == before + 1, "a click on Next at 2× moves the lesson on")
    finally:
        browser.page("Emulation.clearDeviceMetricsOverride")


def laptop_viewport(browser, base, poolscope, lessons, out):
    """Issue 27: a laptop's browser viewport (1366 × 650 CSS pixels) lays the page out as the desktop window
    of that size does (the same frame code): lesson 05 step 5's 10 × 10 padded grid gets the same readable
    cells (at least 28 px in the canvas the page leaves) and the same placement of its rows."""
    browser.page("Emulation.setDeviceMetricsOverride", width=1366, height=650, deviceScaleFactor=1, mobile=False)
    try:
        open_page(browser, base, "lesson=lessons/05-output-size.json&step=5&lang=en")
        state = wait_state(browser, lambda s: s["frame"] > 2 and s["lesson"].get("step") == 4,
                           "lesson 05 opens at step 5 in a 1366×650 viewport")
        time.sleep(1.0)  # the rows settle over a few frames
        state = web_state(browser)
        width, height = state["window_size"]
        browser.screenshot(str(out / "web-1366x650.png"))
        desktop = desktop_state(poolscope, lessons / "05-output-size.json", 5, out, f"{width}x{height}")
        web_cell, desktop_cell = state["layout"]["cell_px"], desktop["layout"]["cell_px"]
        check(abs(web_cell - desktop_cell) <= 0.5,
              f"at {width}×{height} the page's cells are the desktop's ({web_cell:.1f} vs {desktop_cell:.1f} px)")
        # (The page's own line under the canvas leaves it 1366 × 623: 28.9 px, as on the desktop at that size.)
        check(web_cell >= 28, f"at {width}×{height} a 10 × 10 padded grid gets 28 px cells ({web_cell:.1f})")
        check(state["layout"]["rows_beside"] == desktop["layout"]["rows_beside"],
              "the step and walkthrough rows sit where the desktop puts them")
        check(not state["layout"]["clipped_text"], f"no text cut ({state['layout']['clipped_text'][:2]})")
    finally:
        browser.page("Emulation.clearDeviceMetricsOverride")


def hostile_links(browser, base, out):
    """Issue 28: every bad ?step= (below 1, not a number, past the end) starts the app at the lesson's first
    step with a note in its status line, instead of "Starting…" forever; and the desktop's budgets hold in the
    browser: a lesson whose quiz would trace a 1024 × 1024 window 32 times is refused with a message (it
    crashed the page), and a global average over 256 × 256 draws its first frame in bounded time."""
    for step, note in (("-1", "step=-1 is not a step number"), ("0", "step=0 is not a step number"),
                       ("1e99", "step=1e99 is not a step number"), ("abc", "step=abc is not a step number"),
                       ("99", "step=99 is past the lesson's last step")):
        open_page(browser, base, f"lesson=lessons/{LESSON}&step={step}&lang=en")
        state = wait_state(browser, lambda s: s["frame"] > 2, f"?step={step}: the app starts")
        check(state["lesson"].get("file", "").endswith(LESSON) and state["lesson"]["step"] == 0,
              f"?step={step}: the lesson opens at its first step ({state['lesson'].get('step')})")
        check(note in state["status"], f"?step={step}: the status line says so ({state['status']!r})")
        errors = page_errors(browser)
        check(not errors, f"?step={step}: no errors on the page ({errors[:2]})")
    open_page(browser, base, f"lesson=lessons/{LESSON}&step=abc&lang=zh")
    state = wait_state(browser, lambda s: s["frame"] > 2, "?step=abc in Chinese: the app starts")
    check("step=abc" in state["status"] and "第 1 步" in state["status"],
          f"the note is in the page's language ({state['status']!r})")

    quiz = [{"kind": "value", "answer": 0} for _ in range(32)]
    (out / "hostile-quiz.json").write_text(json.dumps({
        "format": "poolscope-lesson/1", "title": "quiz", "steps": [
            {"op": "avg_pool2d", "input": {"constant": {"shape": [1024, 1024]}}, "kernel_size": 1024, "quiz": quiz}]}))
    (out / "hostile-global.json").write_text(json.dumps({
        "format": "poolscope-lesson/1", "title": "global", "steps": [
            {"op": "avg_pool2d", "input": {"arange": {"shape": [256, 256]}}, "kernel_size": 256}]}))
    ms = open_page(browser, base, "lesson=/hostile/hostile-quiz.json&lang=en")
    state = wait_state(browser, lambda s: s["frame"] > 2, "a lesson over the quiz budget: the app starts")
    failed = state["lesson"].get("open_failed", {}).get("errors", [])
    check(any("more window reads than a lesson step may spend" in e["message"] for e in failed),
          f"the lesson over the quiz budget is refused with a message ({failed[:1]})")
    errors = page_errors(browser)
    check(not errors, f"no crash on the lesson over the budget ({errors[:2]})")
    # A JSON syntax error is a C++ exception inside the parser (WebAssembly exception handling in the page):
    # caught, it becomes the open's error with its line and column, and the page goes on.
    (out / "hostile-syntax.json").write_text('{"format": "poolscope-lesson/1", "steps": [ {oops')
    open_page(browser, base, "lesson=/hostile/hostile-syntax.json&lang=en")
    state = wait_state(browser, lambda s: s["frame"] > 2, "a lesson with a JSON syntax error: the app starts")
    failed = state["lesson"].get("open_failed", {}).get("errors", [])
    check(any("JSON syntax error" in e["message"] and e["field"].endswith("hostile-syntax.json:1:46")
              for e in failed), f"the syntax error is reported at its line and column ({failed[:1]})")
    errors = page_errors(browser)
    check(not errors, f"no crash on the syntax error ({errors[:2]})")
    started = browser.evaluate("window.poolscope.startedMs")
    ms = open_page(browser, base, "lesson=/hostile/hostile-global.json&lang=en")
    started = browser.evaluate("window.poolscope.startedMs")
    print(f"a 256 × 256 global average: first frame {ms - started:.0f} ms after main() started")
    check(ms - started < 30000, f"a 256 × 256 global average draws its first frame within 30 s ({ms - started:.0f} ms)")
    state = wait_state(browser, lambda s: s["frame"] > 3, "the page goes on drawing frames")
    check(state["lesson"].get("file", "").endswith("hostile-global.json") and not state["errors"],
          "the global average's lesson is open and computed")
    errors = page_errors(browser)
    check(not errors, f"no errors with a 256 × 256 window ({errors[:2]})")


def no_webgl(base):
    """A browser without WebGL: the app asks for its context only when its first frame is laid out (inside the
    frame loop, after main() has started it), and the page still says why it cannot start."""
    browser = Browser(extra_args=["--disable-3d-apis"])
    try:
        browser.page("Page.navigate", url=f"{base}/index.html?lesson=lessons/{LESSON}")
        text = browser.wait_for("(() => { const s = document.getElementById('status');"
                                " return s && s.className === 'error' ? s.textContent : ''; })()", timeout=60)
        check("could not start" in text and "WebGL 2" in text,
              f"without WebGL the page says the app could not start and why ({text!r})")
        check(browser.evaluate("window.poolscope.firstFrameMs") is None, "no frame was drawn without WebGL")
        errors = browser.evaluate("window.poolscope.errors")
        check(errors == [text], f"and nothing else went wrong on the way out ({errors})")
    finally:
        browser.close()


def gif_frames(data):
    """Image descriptors in a GIF, walking its blocks (header, colour tables, extensions, images)."""
    def skip_sub_blocks(i):
        while data[i]:
            i += data[i] + 1
        return i + 1
    i = 13 + (3 << ((data[10] & 7) + 1) if data[10] & 0x80 else 0)
    frames = 0
    while i < len(data) and data[i] != 0x3B:
        if data[i] == 0x21:
            i = skip_sub_blocks(i + 2)
        elif data[i] == 0x2C:
            frames += 1
            flags = data[i + 9]
            i += 10 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
            i = skip_sub_blocks(i + 1)  # after the LZW minimum code size
        else:
            return -1
    return frames


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    root, poolscope, lessons, out = (pathlib.Path(a).resolve() for a in sys.argv[1:])
    for name in ("index.html", "poolscope.js", "poolscope.wasm", "poolscope.data", "poolscope_page.js",
                 "poolscope_keys.js"):
        if not (root / name).is_file():
            sys.exit(f"web test: {root / name} is missing: build the web preset first (make web)")
    out.mkdir(parents=True, exist_ok=True)
    server = serve(root, lessons, out)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    browser = Browser()
    try:
        # English, a shipped lesson, stepped with the keyboard.
        ms = open_page(browser, base, f"lesson=lessons/{LESSON}&lang=en")
        print(f"first frame after {ms:.0f} ms (from navigation start)")
        # The manifest is linked once the first frame is drawn, not at load (bench/README.md, issue 34).
        html = (root / "index.html").read_text(encoding="utf-8")
        at_load = html.split('<template id="manifest-link">')[0]
        linked = browser.evaluate("Boolean(document.querySelector('head > link[rel=manifest]'))"
                                  " && !document.getElementById('manifest-link')")
        check('rel="manifest"' not in at_load and linked,
              "the page links its manifest after the first frame, not at load")
        state = web_state(browser)
        check(state["language"] == "en", "?lang=en shows English")
        check(state["lesson"].get("file", "").endswith(LESSON) and state["lesson"]["step"] == 0,
              f"the shipped lesson opens at its first step ({state['lesson'].get('file')})")
        browser.page("Runtime.evaluate", expression="document.getElementById('canvas').focus()")
        for step in (1, 2):
            browser.press("PageDown", "PageDown", 34)
            wait_state(browser, lambda s, n=step: s["lesson"]["step"] == n, f"PageDown moves to lesson step {step + 1}")
            settle()
        # A lesson step may autoplay its windows: let it finish, or the keys race the animation.
        state = wait_state(browser, lambda s: not s["playing"], "the step's autoplay comes to rest")
        before = state["step"]
        right, left = ("ArrowRight", 39), ("ArrowLeft", 37)
        there, back = (right, left) if before + 1 < state["steps"] else (left, right)  # the last window: Left first
        browser.press(there[0], there[0], there[1])
        moved = before + (1 if there is right else -1)
        wait_state(browser, lambda s: s["step"] == moved, f"{there[0]} moves the timeline one window")
        settle()
        browser.press(back[0], back[0], back[1])
        state = wait_state(browser, lambda s: s["step"] == before, f"{back[0]} moves it back")
        same_numbers(state, desktop_state(poolscope, lessons / LESSON, 3, out), 3)
        browser.screenshot(str(out / "web-en.png"))
        # F5: presentation mode, and the browser's fullscreen (not Chromium's reload, which the page stops).
        browser.press("F5", "F5", 116)
        state = wait_state(browser, lambda s: s["presentation"] and s.get("fullscreen"),
                           "F5 starts presentation mode in browser fullscreen")
        check(state["lesson"]["step"] == 2, "F5 did not reload the page (the lesson is still at step 3)")
        settle()
        browser.press("F5", "F5", 116)
        wait_state(browser, lambda s: not s["presentation"] and not s.get("fullscreen"),
                   "F5 again leaves presentation mode and fullscreen")
        errors = page_errors(browser)
        check(not errors, f"no console errors, exceptions or WebGL errors ({errors[:3]})")

        # Chinese; a lesson fetched by URL at a given step.
        open_page(browser, base, f"lesson=/test-lessons/{URL_LESSON}&step=2&lang=zh")
        state = wait_state(browser, lambda s: s["frame"] > 3, "the Chinese page draws frames")
        check(state["language"] == "zh" and state["has_cjk_font"], "?lang=zh shows Chinese with the CJK font")
        check(not state.get("missing_glyphs"), f"the font subset has every character shown "
              f"({state.get('missing_glyphs')})")
        check(state["lesson"].get("file") == f"/uploads/{URL_LESSON}" and state["lesson"]["step"] == 1,
              f"?lesson=<url>&step=2 fetches the lesson and opens its step 2 ({state['lesson'].get('file')})")
        same_numbers(state, desktop_state(poolscope, lessons / URL_LESSON, 2, out), 2)
        browser.screenshot(str(out / "web-zh.png"))

        # The page's upload path: a File handed to the same code the <input type=file> uses.
        browser.evaluate("(() => { const bytes = Module.FS.readFile('/poolscope/lessons/04-ceil-mode.json');"
                         " openUpload(new File([bytes], 'my lesson.json')); return true; })()")
        wait_state(browser, lambda s: s["lesson"].get("file") == "/uploads/my_lesson.json",
                   "an uploaded lesson opens in the player")
        # A lesson in a script the page's font subset lacks (Cyrillic here) says so instead of drawing '?'.
        browser.evaluate("(() => { const lesson = JSON.parse(Module.FS.readFile('/poolscope/lessons/04-ceil-mode.json',"
                         " {encoding: 'utf8'})); lesson.title.zh = 'Пулинг'; openUpload(new File([JSON.stringify(lesson)],"
                         " 'cyrillic.json')); return true; })()")
        wait_state(browser, lambda s: "6 个字符不在应用的任何字体中" in s["status"],
                   "characters the font subset lacks are counted in the status line")
        browser.evaluate("(() => { const bytes = Module.FS.readFile('/poolscope/lessons/04-ceil-mode.json');"
                         " openUpload(new File([bytes], 'my lesson.json')); return true; })()")
        wait_state(browser, lambda s: s["lesson"].get("file") == "/uploads/my_lesson.json",
                   "the uploaded lesson opens again")
        # Saving: the core writes a temporary file and renames it over the lesson; the page offers the result
        # as a download (an <a download> click, recorded here instead of saving a file).
        downloaded = browser.evaluate(
            "(async () => { const names = []; HTMLAnchorElement.prototype.click = function () {"
            " names.push(this.download); }; Module.FS.writeFile('/uploads/.saved.json.tmp-1', '{}');"
            " Module.FS.rename('/uploads/.saved.json.tmp-1', '/uploads/saved.json');"
            " await new Promise((done) => setTimeout(done, 100)); return names; })()")
        check(downloaded == ["saved.json"], f"a saved lesson is offered as a download ({downloaded})")
        clipboard_and_export(browser)
        errors = page_errors(browser)
        check(not errors, f"no console errors, exceptions or WebGL errors ({errors[:3]})")

        # Settings outlast the visit (IndexedDB): written the way the app writes them (temporary file, then
        # rename), they are what the next visit starts with.
        settings = web_state(browser)["settings_file"]
        browser.evaluate(
            f"(async () => {{ const text = JSON.parse(Module.FS.readFile('{settings}', {{encoding: 'utf8'}}));"
            f" text.language = 'zh'; text.start_card = false;"
            f" Module.FS.writeFile('{settings}.tmp', JSON.stringify(text));"
            f" Module.FS.rename('{settings}.tmp', '{settings}');"
            " await new Promise((done) => setTimeout(done, 1000)); return true; })()")
        open_page(browser, base, "")
        state = web_state(browser)
        check(state["language"] == "zh" and not state["start_card"],
              "the next visit starts with the saved settings (Chinese, no start card)")

        hidpi(browser, base, out)
        laptop_viewport(browser, base, poolscope, lessons, out)
        hostile_links(browser, base, out)
        no_webgl(base)
    finally:
        browser.close()
        server.shutdown()
    print(f"web test: {len(failures)} failure(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
