#!/usr/bin/python3
"""The app's one file dialog and the lesson browser in the real window (issue 29), driven with xdotool under
Xvfb; the state report's "file_dialog" part holds whether it is up, who asked, the folder, the listing, the
selection and the name field.

Scenarios:
  save_as      Ctrl+Shift+S, a click in the name field, a name typed with "-" and End (playback speed and
               step stay), a single click on a folder (selects), a double-click (enters, its files listed),
               Save into a new file, `poolscope check` passes on it
  cancel       Cancel and Escape leave no file and the lesson where it was
  browser      the lesson browser: a single click shows the description, a double-click opens the lesson
  screenshots  Save as, Open and the export's Choose at 1366x768 in English and Chinese, written to
               $POOLSCOPE_SHOTS (or a temporary folder); each dialog inside the window
Usage: xvfb-run -a file_dialog_gui_driver.py --app PATH --lessons LESSONS_DIR SCENARIO
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from xapp import TIMEOUT, Failure, XApp, check, run_scenario  # noqa: E402  (the shared X driver)


class App(XApp):
    def __init__(self, exe, args, workdir, size="1280x800", cwd=None):
        env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(workdir, "config"))
        super().__init__(exe, ["--size", size, *args], os.path.join(workdir, "state.json"), env, cwd)

    def describe(self, state):
        return f"file dialog: {state.get('file_dialog')}; lesson: {state.get('lesson', {}).get('file')}"

    def double_click(self, x, y):
        self.xdotool("mousemove", "--window", self.window, str(int(x)), str(int(y)))
        self.report()
        self.xdotool("click", "--repeat", "2", "--delay", "90", "1")

    def anchor_centre(self, state, name):
        check(name in state["anchors"], f"the app reports no widget named {name!r}; {self.describe(state)}")
        x, y, w, h = state["anchors"][name]
        return x + w / 2, y + h / 2

    def dialog(self, state):
        return state["file_dialog"]


def workspace(lessons):
    """A folder with a copy of lesson 04 and a subfolder holding one more lesson."""
    workdir = tempfile.mkdtemp(prefix="poolscope-file-dialog-gui-")
    shutil.copy(os.path.join(lessons, "04-ceil-mode.json"), os.path.join(workdir, "lesson.json"))
    os.makedirs(os.path.join(workdir, "sub"))
    shutil.copy(os.path.join(lessons, "01-pool2d-from-scratch.json"), os.path.join(workdir, "sub", "first.json"))
    return workdir


def open_save_as(app):
    app.key("ctrl+shift+s")
    return app.wait_for(lambda s: s["file_dialog"]["open"] and "files.name" in s["anchors"], "Save lesson as")


def scenario_save_as(exe, lessons):
    workdir = workspace(lessons)
    app = App(exe, [os.path.join(workdir, "lesson.json")], workdir)
    try:
        s = app.wait_for(lambda s: s["lesson"]["file"], "the lesson")
        speed, step = s["speed"], s["step"]
        s = open_save_as(app)
        d = app.dialog(s)
        check(d["asked_by"] == "save_lesson_as" and d["purpose"] == "save", f"who asked: {d}")
        check(os.path.realpath(d["dir"]) == os.path.realpath(workdir), f"starts in the lesson's folder: {d}")
        check("sub/" in d["entries"] and "lesson.json" in d["entries"], f"lists the folder: {d['entries']}")

        app.click_anchor(s, "files.name")
        app.key("ctrl+a")
        app.type("my-lesson")
        app.key("End", "minus")  # (xdotool type would read "-v2" as an option)
        app.type("v2")
        s = app.wait_for(lambda s: s["file_dialog"]["name"] == "my-lesson-v2", "the name typed into the field")
        check(s["speed"] == speed, f"'-' in the name changed the playback speed {speed} -> {s['speed']}")
        check(s["step"] == step, f"End in the name moved the timeline {step} -> {s['step']}")

        app.click_anchor(s, "files.entry.sub")  # one click selects the folder, it does not enter it
        s = app.wait_for(lambda s: s["file_dialog"]["selected"] == "sub", "the folder selected")
        check(os.path.realpath(s["file_dialog"]["dir"]) == os.path.realpath(workdir), "one click entered it")
        check(s["file_dialog"]["name"] == "my-lesson-v2", "selecting a folder changed the name")

        app.double_click(*app.anchor_centre(s, "files.entry.sub"))
        sub = os.path.join(workdir, "sub")
        s = app.wait_for(lambda s: os.path.realpath(s["file_dialog"]["dir"]) == os.path.realpath(sub),
                         "a double-click into the folder")
        check(s["file_dialog"]["entries"] == ["first.json"], f"the folder's file is listed: {s['file_dialog']}")
        check("files.empty" not in s["anchors"], "a folder with a lesson says it is empty")

        app.click_anchor(s, "files.name")  # the name typed before is still there: save it here
        s = app.wait_for(lambda s: s["file_dialog"]["name"] == "my-lesson-v2", "the name kept")
        app.click_anchor(s, "files.confirm")
        path = os.path.join(sub, "my-lesson-v2.json")
        s = app.wait_for(lambda s: not s["file_dialog"]["open"] and os.path.exists(path), "the save")
        check(os.path.realpath(s["lesson"]["file"]) == os.path.realpath(path), f"now editing {s['lesson']['file']}")
        out = subprocess.run([exe, "check", path], capture_output=True, text=True, timeout=TIMEOUT)
        check(out.returncode == 0, f"poolscope check: {out.stdout}{out.stderr}")
    finally:
        app.kill()
        shutil.rmtree(workdir, ignore_errors=True)


def scenario_cancel(exe, lessons):
    workdir = workspace(lessons)
    listed = lambda: sorted(n for n in os.listdir(workdir) if n not in ("config", "state.json"))  # noqa: E731
    before = listed()
    app = App(exe, [os.path.join(workdir, "lesson.json")], workdir)
    try:
        app.wait_for(lambda s: s["lesson"]["file"], "the lesson")
        s = open_save_as(app)
        app.click_anchor(s, "files.name")
        app.key("ctrl+a")
        app.type("never")
        app.wait_for(lambda s: s["file_dialog"]["name"] == "never", "the name typed")
        app.click_anchor(app.report(), "files.cancel")
        app.wait_for(lambda s: not s["file_dialog"]["open"], "Cancel closes it")
        open_save_as(app)
        app.type("never-either")  # the field has the keyboard as soon as the dialog is up, the stem selected
        app.wait_for(lambda s: s["file_dialog"]["name"] == "never-either.json", "typed over the suggested name")
        app.key("Escape")
        s = app.wait_for(lambda s: not s["file_dialog"]["open"], "Escape closes it")
        check(listed() == before, f"files appeared: {listed()}")
        check(os.path.basename(s["lesson"]["file"]) == "lesson.json", f"still editing {s['lesson']['file']}")
    finally:
        app.kill()
        shutil.rmtree(workdir, ignore_errors=True)


def scenario_browser(exe, lessons):
    workdir = tempfile.mkdtemp(prefix="poolscope-browser-gui-")
    app = App(exe, ["--lessons"], workdir)
    try:
        names = sorted(n for n in os.listdir(lessons) if n.endswith(".json") and n != "schema.json")
        row = f"lesson_browser.row{names.index('04-ceil-mode.json')}"
        s = app.wait_for(lambda s: row in s["anchors"], "the browser rows")
        check("lesson_browser.description" not in s["anchors"], "a description before any click")
        app.click_anchor(s, row)
        s = app.wait_for(lambda s: s["lesson"]["browser_selected"] == "04-ceil-mode.json", "a click selects")
        s = app.wait_for(lambda s: "lesson_browser.description" in s["anchors"], "the description shown")
        check(s["lesson"]["file"] is None and s["lesson"]["browser_open"], "one click opened the lesson")
        app.double_click(*app.anchor_centre(s, row))
        s = app.wait_for(lambda s: s["lesson"]["file"] is not None, "a double-click opens it")
        check(os.path.basename(s["lesson"]["file"]) == "04-ceil-mode.json", f"opened {s['lesson']['file']}")
        check(not s["lesson"]["browser_open"], "the browser closes")
    finally:
        app.kill()
        shutil.rmtree(workdir, ignore_errors=True)


def grab(app, path):
    from PIL import ImageGrab
    time.sleep(0.5)
    app.report()
    ImageGrab.grab(xdisplay=os.environ.get("DISPLAY")).save(path)


def inside(state, names, width, height):
    for name in names:
        check(name in state["anchors"], f"no {name} on screen")
        x, y, w, h = state["anchors"][name]
        check(x >= 0 and y >= 0 and x + w <= width and y + h <= height, f"{name} {[x, y, w, h]} leaves the window")


def scenario_screenshots(exe, lessons):
    shots = os.environ.get("POOLSCOPE_SHOTS") or tempfile.mkdtemp(prefix="poolscope-file-dialog-shots-")
    os.makedirs(shots, exist_ok=True)
    controls = ["files.up", "files.folder", "files.listing", "files.name", "files.confirm", "files.cancel"]
    for lang in ("en", "zh"):
        workdir = workspace(lessons)
        app = App(exe, ["--lang", lang, os.path.join(workdir, "lesson.json")], workdir, size="1366x768")
        try:
            app.wait_for(lambda s: s["lesson"]["file"], "the lesson")
            s = open_save_as(app)
            inside(s, controls, 1366, 768)
            grab(app, os.path.join(shots, f"save_as_{lang}.png"))
            app.key("Escape")
            app.wait_for(lambda s: not s["file_dialog"]["open"], "Escape")
            app.key("ctrl+o")
            s = app.wait_for(lambda s: s["file_dialog"]["open"] and s["file_dialog"]["purpose"] == "open", "Open")
            inside(s, controls, 1366, 768)
            grab(app, os.path.join(shots, f"open_{lang}.png"))
            app.key("Escape")
            app.wait_for(lambda s: not s["file_dialog"]["open"], "Escape")
            app.click_anchor(app.report(), "menu.file")
            app.wait_for(lambda s: "menu.export" in s["anchors"], "the File menu")
            app.click_anchor(app.report(), "menu.export")
            s = app.wait_for(lambda s: "export.choose" in s["anchors"], "the Export dialog")
            app.click_anchor(s, "export.choose")
            s = app.wait_for(lambda s: s["file_dialog"]["open"] and s["file_dialog"]["purpose"] == "export",
                             "the export's file dialog")
            inside(s, controls, 1366, 768)
            grab(app, os.path.join(shots, f"export_{lang}.png"))
            app.key("Escape")
            app.wait_for(lambda s: "export.go" in s["anchors"] and not s["file_dialog"]["open"],
                         "Escape brings the export back")
        finally:
            app.kill()
            shutil.rmtree(workdir, ignore_errors=True)
    print(f"screenshots in {shots}")


SCENARIOS = {
    "save_as": scenario_save_as,
    "cancel": scenario_cancel,
    "browser": scenario_browser,
    "screenshots": scenario_screenshots,
}

if __name__ == "__main__":
    sys.exit(run_scenario(SCENARIOS, "lessons"))
