#!/usr/bin/python3
"""Links to a state (issue 31), end to end. For each view (forward, backward, unpool, compare) and each
convention (PyTorch, TensorFlow, ONNX, MXNet): the desktop app (off-screen under Xvfb) starts in that state
with --web-base set to the served page and reports the link Edit → Copy link writes; headless Chromium opens
that link and its poolscope_state_json() equals the desktop's state, and the page's own Copy link text is
the same link. The browser's Edit → Copy link menu item, clicked, puts the link on the clipboard and the link
reopens the state; the desktop opens such a link given on its command line. Hostile values (a huge input, bad
JSON, unknown keys, a lesson outside the site, a step that is no step) give a note in the app and the
defaults, never a blank page.
Usage: link_test.py BUILD_WEB_DIR DESKTOP_POOLSCOPE OUT_DIR"""
import concurrent.futures
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
import urllib.parse

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from cdp import Browser  # noqa: E402
from web_checks import QuietHandler, check, failures  # noqa: E402

LESSONS = pathlib.Path(__file__).resolve().parent.parent.parent / "lessons"

# What the two states must agree on: everything the link carries and everything computed from it.
KEYS = ("input_shape", "input", "params", "stride_follows_kernel", "convention", "convention_options",
        "layer_code", "step", "steps", "errors", "output_shape", "output", "output_cell", "language",
        "compare_open", "compare", "gradient", "presentation", "link")

INPUT = ("tensor([[[0.5, 1.25, 2., 3., -4., 7.], [5., 6., 7., 8., 9., -1.], [1e-3, 2., 3., 4., 5., 0.],"
         " [6., 7., 8., 9., 10., 11.], [3., 1., 4., 1., 5., 9.]],"
         " [[1., 2., 3., 4., 5., 6.], [0., 0., 0., 0., 1., 2.], [2., 2., 2., 2., 2., 2.],"
         " [9., 8., 7., 6., 5., 4.], [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]]])")
LAYERS = {
    "pytorch": '{"op":"max_pool2d","kernel_size":3,"stride":2,"padding":1,"ceil_mode":true}',
    "tensorflow": '{"convention":"tensorflow","op":"max_pool2d","pool_size":2,"strides":1,"padding":"same"}',
    "onnx": '{"convention":"onnx","op":"max_pool2d","kernel_shape":[2,3],"pads":[1,0,0,1],"strides":[1,2]}',
    "mxnet": '{"convention":"mxnet","op":"max_pool2d","pool_size":3,"strides":2,"padding":1,'
             '"pooling_convention":"full"}',
}
VIEWS = ("forward", "backward", "unpool", "compare")
DEFAULT_INPUT = [[float(4 * r + c) for c in range(4)] for r in range(4)]  # the default state: D2L's arange


def serve(root):
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def desktop_state(poolscope, args, out, name):
    """The desktop app's --state-out after a few off-screen frames under Xvfb."""
    with tempfile.TemporaryDirectory() as home:
        state = pathlib.Path(home) / "state.json"
        env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=home, LANG="C.UTF-8")
        run = subprocess.run(["xvfb-run", "-a", poolscope, *args, "--screenshot", str(out / f"{name}.png"),
                              "--size", "1280x800", "--state-out", str(state)], env=env, timeout=180,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if run.returncode != 0:
            raise RuntimeError(f"desktop {name}: exit {run.returncode}: {run.stderr[-300:]}")
        return json.loads(state.read_text())


def web_state(browser):
    return json.loads(browser.evaluate("Module.ccall('poolscope_state_json', 'string', [], [])"))


def open_url(browser, url):
    browser.events.clear()
    browser.page("Page.navigate", url="about:blank")
    browser.page("Page.navigate", url=url)
    browser.wait_for("window.poolscope && window.poolscope.firstFrameMs !== null", timeout=90)
    deadline = time.monotonic() + 10  # the app's first frames: the recompute and the gradient views settle
    state = web_state(browser)
    while state["frame"] < 3 and time.monotonic() < deadline:
        time.sleep(0.1)
        state = web_state(browser)
    return state


def differences(web, desktop):
    return [k for k in KEYS if web.get(k) != desktop.get(k)]


def page_errors(browser):
    return browser.errors() + browser.evaluate("window.poolscope.errors")


def same_state_for_every_view_and_convention(browser, poolscope, page, out):
    combos = [(c, v) for c in LAYERS for v in VIEWS]

    def run(combo):
        convention, view = combo
        args = ["--params", LAYERS[convention], "--input", INPUT, "--step", "1", "--view", view,
                "--web-base", page]
        if convention == "onnx":
            args += ["--lang", "zh"]
        return desktop_state(poolscope, args, out, f"link-{convention}-{view}")

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        states = list(pool.map(run, combos))
    for (convention, view), desktop in zip(combos, states):
        link = desktop["link"]
        check(link.startswith(page + "#params="), f"{convention}/{view}: Copy link's text is a link to the page "
              f"({link[:70]})")
        web = open_url(browser, link)
        diff = differences(web, desktop)
        check(not diff, f"{convention}/{view}: the browser opens the desktop's state "
              f"({[(k, web.get(k), desktop.get(k)) for k in diff][:1]})")
        check(web["status"] == "", f"{convention}/{view}: no notes ({web['status'][:80]!r})")
        check(not page_errors(browser), f"{convention}/{view}: no console errors ({page_errors(browser)[:1]})")
    return states


def lesson_links(browser, poolscope, page, out):
    """A shipped lesson's step links the lesson and step (and the view on screen): the browser opens it."""
    for lesson, step, view in (("09-backward.json", 3, "backward"), ("04-ceil-mode.json", 2, "unpool")):
        desktop = desktop_state(poolscope, ["--lesson", str(LESSONS / lesson), "--lesson-step", str(step),
                                            "--view", view, "--web-base", page], out, f"link-lesson-{step}")
        link = desktop["link"]
        check(link == f"{page}#lesson=lessons/{lesson}&step={step}&view={view}&lang=en",
              f"a lesson step's link names the lesson, step and view ({link})")
        web = open_url(browser, link)
        # A lesson step may autoplay its windows: where the timeline is depends on the time since it opened.
        diff = [k for k in differences(web, desktop) if k not in ("step", "output_cell", "gradient")]
        diff += [f"gradient.{k}" for k in ("pass", "grad_output", "grad_input", "unpooled")
                 if web["gradient"][k] != desktop["gradient"][k]]
        check(not diff and web["lesson"]["step"] == desktop["lesson"]["step"] and
              web["lesson"]["file"].endswith(lesson), f"{lesson} step {step}: the browser opens the same state "
              f"({diff[:3]})")


def copy_link_menu(browser, page):
    """Edit → Copy link in the browser: the page's own address, the link on the clipboard, and it reopens."""
    state = open_url(browser, f"{page}#params=%7B%22op%22:%22avg_pool2d%22,%22kernel_size%22:2,"
                              f"%22padding%22:1,%22count_include_pad%22:false%7D&input=%5B%5B1,2,3%5D,%5B4,5,6%5D,"
                              f"%5B7,8,9%5D%5D&step=2&view=backward")
    browser.evaluate("(() => { window.copied = []; navigator.clipboard.writeText = (text) => {"
                     " window.copied.push(text); return Promise.resolve(); }; return true; })()")
    click_anchor(browser, "menu.edit")
    click_anchor(browser, "menu.copy_link")
    copied = browser.wait_for("window.copied.length > 0 && window.copied", timeout=20)
    state = web_state(browser)
    check(copied[-1] == state["link"] and copied[-1].startswith(page + "#params="),
          f"Edit → Copy link puts the page's link on the clipboard ({copied[-1][:80]})")
    check("Copied a link" in state["status"], f"the status line says so ({state['status']!r})")
    again = open_url(browser, copied[-1])
    diff = differences(again, state)
    check(not diff, f"the copied link reopens the same state ({[(k, again.get(k)) for k in diff][:1]})")
    return copied[-1], again


def click_anchor(browser, name):
    """Clicks the middle of an item once the app reports it in the same place in two frames."""
    deadline = time.monotonic() + 20
    last, rect = web_state(browser), None
    while time.monotonic() < deadline:
        time.sleep(0.3)
        state = web_state(browser)
        rect = state["anchors"].get(name)
        if rect and rect == last["anchors"].get(name):
            break
        last = state
    if rect is None:
        raise RuntimeError(f"{name} is not on screen")
    x, y, w, h = rect
    left, top, ratio = browser.evaluate("(() => { const r = document.getElementById('canvas')"
                                        ".getBoundingClientRect(); return [r.left, r.top, devicePixelRatio]; })()")
    browser.click(left + (x + w / 2) / ratio, top + (y + h / 2) / ratio)


def desktop_opens_links(poolscope, links, out):
    """`poolscope LINK`: the desktop reads the link locally and shows the state it came from."""
    for i, (link, desktop) in enumerate(links):
        opened = desktop_state(poolscope, [link, "--web-base", link.split("#")[0]], out, f"link-desktop-{i}")
        diff = differences(opened, desktop)
        check(not diff, f"the desktop opens {link[:60]}... as the state it came from "
              f"({[(k, opened.get(k), desktop.get(k)) for k in diff][:1]})")


def hostile(browser, page, out):
    huge = "1," * 150000
    cases = {
        "a huge input": f"#input=%5B%5B{huge}1%5D%5D",
        "bad JSON": "#params=%7B%22op%22:%22max_pool2d%22,%22kernel_size%22:",
        "unknown keys": "#zoom=3&utm_source=mail&params=%7B%22kernel_size%22:2%7D",
        "a lesson on another site": "#lesson=https%3A%2F%2Fevil.example%2Flesson.json",
        "a lesson outside the lessons": "?lesson=lessons/..%2F..%2Fetc%2Fpasswd",
        "a step that is no step": "#step=-1&view=sideways",
    }
    for what, values in cases.items():
        state = open_url(browser, page + values)
        browser.screenshot(str(out / f"link-hostile-{what.replace(' ', '-')}.png"))
        kept_params = what == "unknown keys"
        check(state["input"] == DEFAULT_INPUT, f"{what}: the default input stays")
        check(kept_params or state["params"] == {"op": "max_pool2d", "kernel_size": 3, "stride": 2, "padding": 1},
              f"{what}: the default layer stays ({state['params']})")
        check(state["lesson"]["file"] is None, f"{what}: no lesson opened ({state['lesson']['file']})")
        check(state["status"].startswith("Link: ") and state["frame"] > 0,
              f"{what}: the app runs and notes it ({state['status'][:100]!r})")
        # The page fetches a path on its own site (here one the server does not have): the 404 is Chromium's.
        errors = [e for e in page_errors(browser) if not (what.endswith("outside the lessons") and "404" in e)]
        check(not errors, f"{what}: no console errors ({errors[:1]})")


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    root, poolscope, out = (pathlib.Path(a).resolve() for a in sys.argv[1:])
    out.mkdir(parents=True, exist_ok=True)
    server = serve(root)
    page = f"http://127.0.0.1:{server.server_address[1]}/index.html"
    browser = Browser()
    try:
        states = same_state_for_every_view_and_convention(browser, str(poolscope), page, out)
        lesson_links(browser, str(poolscope), page, out)
        copied, web = copy_link_menu(browser, page)
        # The desktop opens links too: the browser's copied one, and one of each convention's.
        picked = [states[i * len(VIEWS) + i] for i in range(len(LAYERS))]
        desktop_opens_links(str(poolscope), [(s["link"], s) for s in picked] + [(copied, web)], out)
        hostile(browser, page, out)
    finally:
        browser.close()
        server.shutdown()
    print(f"link test: {len(failures)} failure(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
