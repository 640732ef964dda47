#!/usr/bin/python3
"""Drives the lesson player in the real PoolScope window (xdotool under Xvfb) and asserts on the app's state
report (--state-out, refreshed by F12), whose "lesson" part holds the file, step (0-based), badge, dirty flag,
load errors and whether the unsaved-changes question is on screen.

Scenarios: open_and_step, reload_on_change, unsaved_quit_modal, save_keys, browser, conflict_modal,
new_lesson, narration_wraps.
Usage: xvfb-run -a lesson_gui_driver.py --app PATH --lessons LESSONS_DIR SCENARIO
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

from xapp import TIMEOUT, Failure, XApp, check  # noqa: E402  (the shared X driver)


class App(XApp):
    def __init__(self, exe, args, workdir, cwd=None):
        env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(workdir, "config"))
        super().__init__(exe, ["--size", "1280x800", *args], os.path.join(workdir, "state.json"), env, cwd)

    def describe(self, state):
        return f"last lesson state: {state['lesson']}"

    def click_until(self, name, predicate, what, tries=3):
        """Clicks a widget until predicate(state) holds: on a loaded machine a click can land on a frame
        that has not yet seen the pointer move."""
        for attempt in range(tries):
            self.click_anchor(self.report(), name)
            try:
                return self.wait_for(predicate, what, timeout=8.0 if attempt + 1 < tries else TIMEOUT)
            except Failure:
                if attempt + 1 == tries:
                    raise

    def click_to_exit(self, name, tries=3):
        """Clicks a widget that should end the app; returns the exit status."""
        for attempt in range(tries):
            self.click_anchor(self.report(), name)
            try:
                return self.proc.wait(timeout=8.0 if attempt + 1 < tries else TIMEOUT)
            except subprocess.TimeoutExpired:
                pass
        raise Failure(f"clicking {name} did not end the app")

    def wait_exit(self):
        try:
            return self.proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise Failure("the app did not exit")


def copy_lesson(lessons, name, workdir):
    path = os.path.join(workdir, name)
    shutil.copy(os.path.join(lessons, name), path)
    return path


def rewrite(path, text):
    """Writes the lesson in place (not a rename: editors do both; the app must see either) and moves its
    mtime on, so even a coarse clock shows the change."""
    with open(path, "w") as f:
        f.write(text)
    later = time.time() + 2
    os.utime(path, (later, later))


def scenario_open_and_step(exe, lessons, workdir):
    path = copy_lesson(lessons, "04-ceil-mode.json", workdir)
    with open(path) as f:
        doc = json.load(f)
    app = App(exe, [path], workdir)
    try:
        s0 = app.report()
        lesson = s0["lesson"]
        check(lesson["file"] == path, f"opened {lesson['file']}")
        check(lesson["step"] == 0 and lesson["steps"] == len(doc["steps"]), f"step {lesson['step']}/{lesson['steps']}")
        check(lesson["badge"] == "matches", f"badge {lesson['badge']}")
        check(s0["input"] == doc["steps"][0]["input"], f"input is the lesson's: {s0['input']}")
        check(s0["params"]["kernel_size"] in (3, [3, 3]) and not s0["params"].get("ceil_mode", False), f"params {s0['params']}")
        check(s0["output"] == [[2.0]], f"output {s0['output']}")

        app.key("Next")  # PgDn
        s1 = app.report()
        check(s1["lesson"]["step"] == 1, f"PgDn went to step {s1['lesson']['step']}")
        check(s1["params"].get("ceil_mode") is True, f"step 2 sets ceil_mode: {s1['params']}")
        check(s1["output"] == [[2.0, 3.0], [5.0, 1.0]], f"step 2's output {s1['output']}")
        check(s1["lesson"]["badge"] == "matches", f"badge {s1['lesson']['badge']}")
        check(s1["lesson"]["dirty"] is False, "navigating does not make the lesson dirty")

        app.key("Next")
        s2 = app.report()
        check(s2["lesson"]["step"] == 2 and s2["lesson"]["kind"] == "shape", f"step 3 is the shape step: {s2['lesson']}")
        # A shape step shows its own layer in every panel (issue 11): 5x5, kernel 2, stride 2, padding 1, ceil.
        check(s2["params"].get("kernel_size") == 2 and s2["params"].get("padding") == 1,
              f"the shape step's layer is in the parameters: {s2['params']}")
        check(s2["output_shape"][1:] == [3, 3], f"the shape step's output shape: {s2['output_shape']}")
        check(s2["lesson"]["badge"] == "matches" and s2["lesson"]["window_shows_step"], f"badge {s2['lesson']}")
        app.key("Prior")  # PgUp
        s3 = app.report()
        check(s3["lesson"]["step"] == 1, f"PgUp went to step {s3['lesson']['step']}")

        # The buttons do the same as the keys.
        app.click_until("lesson.next", lambda s: s["lesson"]["step"] == 2, "the Next button", tries=1)
        app.click_until("lesson.prev", lambda s: s["lesson"]["step"] == 1, "the Previous button", tries=1)

        # Free play, then "Reset step" puts the lesson's parameters back.
        s5 = app.report()
        # the editor's Fill (arange) replaces the lesson's input
        app.click_until("ui.fill", lambda s: s["input"] != doc["steps"][0]["input"], "the student's edit")
        s6 = app.click_until("lesson.reset_step", lambda s: s["input"] == doc["steps"][0]["input"], "Reset step")
        check(s6["params"].get("ceil_mode") is True and s6["input"] == doc["steps"][0]["input"], "reset step")
    finally:
        app.kill()


def scenario_reload_on_change(exe, lessons, workdir):
    path = copy_lesson(lessons, "04-ceil-mode.json", workdir)
    with open(path) as f:
        original = f.read()
    app = App(exe, [path, "--lesson-step", "2"], workdir)  # 1-based: the lesson's second step
    try:
        s0 = app.report()
        check(s0["lesson"]["step"] == 1 and s0["lesson"]["badge"] == "matches", f"start: {s0['lesson']}")
        # A teacher changes the step on disk: another input, and an expected output that is now wrong.
        doc = json.loads(original)
        doc["steps"][0]["input"][0][0] = 7
        doc["steps"][1]["expected"]["output"] = [[2, 3], [5, 9]]
        rewrite(path, json.dumps(doc, ensure_ascii=False, indent=2))
        s1 = app.wait_for(lambda s: s["lesson"]["badge"] == "differs", "the reload")
        check(s1["lesson"]["step"] == 1, f"the reload kept the step: {s1['lesson']['step']}")
        check(s1["input"][0][0] == 7.0, f"the reloaded step's input is on screen: {s1['input'][0]}")
        check(s1["output"][0][0] == 7.0, f"and the output follows: {s1['output']}")

        # A broken edit: the error with file:line:column, the last good version stays.
        broken = json.dumps(doc, indent=2).replace('"ceil_mode": true', '"ceil_mode": true,,', 1)
        rewrite(path, broken)
        s2 = app.wait_for(lambda s: s["lesson"]["load_errors"], "the broken reload")
        err = s2["lesson"]["load_errors"][0]
        check(os.path.basename(path) + ":" in err["field"], f"the error says where: {err}")
        check(s2["lesson"]["step"] == 1 and s2["lesson"]["badge"] == "differs" and s2["input"][0][0] == 7.0,
              f"the last good version stays: {s2['lesson']}")
        check(app.alive(), "the app survives a broken lesson")

        rewrite(path, original)  # fixed
        s3 = app.wait_for(lambda s: not s["lesson"]["load_errors"] and s["lesson"]["badge"] == "matches",
                          "the fixed reload")
        check(s3["lesson"]["step"] == 1 and s3["input"][0][0] == 1.0, f"back to the original: {s3['lesson']}")
    finally:
        app.kill()


def reloaded_without_input(exe, lessons, workdir):
    """Lesson 04 open at its second step; then its file changes on disk (the step's input gets a 9) and no
    input reaches the app. Returns the app and the window's picture once the reload is on screen, as the X
    server holds it (the app checks the file twice a second)."""
    path = copy_lesson(lessons, "04-ceil-mode.json", workdir)
    with open(path) as f:
        doc = json.loads(f.read())
    app = App(exe, [path, "--lesson-step", "2"], workdir)
    try:
        app.report()
        time.sleep(1.0)
        before = app.grab()
        doc["steps"][0]["input"][0][0] = 9  # the step on screen keeps the first step's input
        rewrite(path, json.dumps(doc, ensure_ascii=False, indent=2))
        deadline = time.monotonic() + TIMEOUT
        while app.grab() == before:
            check(time.monotonic() < deadline, "the window did not change when the lesson file did")
            time.sleep(0.1)
        time.sleep(0.5)
        return app, app.grab()
    except BaseException:
        app.kill()
        raise


def scenario_shown_after_reload(exe, lessons, workdir):
    """The window shows the app's latest picture when it goes idle, also when the change came with no input:
    a lesson file changed on disk. Frames drawn back to back are swapped only once the next one is laid out
    (platform/frame_pacer.h), so the last one must still reach the screen before the app sleeps."""
    app, reloaded = reloaded_without_input(exe, lessons, workdir)
    try:
        # F12 draws the same picture again (within the 4 s the "reloaded" line stays).
        state = app.report()
        check(state["input"][0][0] == 9.0, f"the reloaded step's input: {state['input'][0]}")
        time.sleep(0.3)
        app.check_same_picture(reloaded, app.grab(), "the idle window after the reload showed an older frame")
    finally:
        app.kill()


def scenario_message_expires_when_idle(exe, lessons, workdir):
    """The lesson column's "reloaded" line leaves the screen after its seconds (model/status_line.h) with no
    input to draw a frame: the idle window wakes for it."""
    app, reloaded = reloaded_without_input(exe, lessons, workdir)
    try:
        time.sleep(6.0)  # past the line's 4 s, no input
        idle = app.grab()
        check(idle != reloaded, "the reloaded line stayed on the idle window past its time")
        app.report()  # F12: the same picture drawn again
        time.sleep(0.3)
        app.check_same_picture(idle, app.grab(), "the idle window after the line expired")
    finally:
        app.kill()


def make_dirty(app):
    app.click_until("lesson.author", lambda s: "lesson.save_over_step" in s["anchors"], "the authoring buttons")
    return app.click_until("lesson.save_new_step", lambda s: s["lesson"]["dirty"], "the unsaved step", tries=1)


def scenario_unsaved_quit_modal(exe, lessons, workdir):
    path = copy_lesson(lessons, "04-ceil-mode.json", workdir)
    with open(path) as f:
        original = f.read()
    app = App(exe, [path], workdir)
    try:
        s = make_dirty(app)
        check(s["lesson"]["steps"] == len(json.loads(original)["steps"]) + 1, f"a new step: {s['lesson']}")
        app.key("ctrl+q")
        s = app.wait_for(lambda s: s["lesson"]["unsaved_modal"], "the unsaved-changes question")
        check(app.alive(), "Ctrl+Q with unsaved changes must not quit at once")
        s = app.click_until("lesson.unsaved_cancel", lambda s: not s["lesson"]["unsaved_modal"], "Cancel")
        check(app.alive() and s["lesson"]["dirty"], "Cancel keeps the app and the changes")
        app.key("ctrl+q")
        s = app.wait_for(lambda s: s["lesson"]["unsaved_modal"], "the question again")
        check(app.click_to_exit("lesson.unsaved_discard") == 0, "Discard quits")
        with open(path) as f:
            check(f.read() == original, "Discard leaves the file as it was")
    finally:
        app.kill()

    # Save: the file on disk gets the new step, then the app quits.
    app = App(exe, [path], workdir)
    try:
        make_dirty(app)
        app.key("ctrl+q")
        s = app.wait_for(lambda s: s["lesson"]["unsaved_modal"], "the question")
        check(app.click_to_exit("lesson.unsaved_save") == 0, "Save quits")
        with open(path) as f:
            saved = json.load(f)
        check(len(saved["steps"]) == len(json.loads(original)["steps"]) + 1, "Save wrote the new step")
    finally:
        app.kill()


def scenario_save_keys(exe, lessons, workdir):
    path = copy_lesson(lessons, "04-ceil-mode.json", workdir)
    with open(path) as f:
        original = json.load(f)
    app = App(exe, [path], workdir)
    try:
        make_dirty(app)
        app.key("ctrl+s")
        s = app.wait_for(lambda s: not s["lesson"]["dirty"], "Ctrl+S")
        with open(path) as f:
            saved = json.load(f)
        check(len(saved["steps"]) == len(original["steps"]) + 1, "Ctrl+S wrote the new step")
        check(saved.get("description") == original.get("description"), "keys the app does not edit are kept")
        check(not [n for n in os.listdir(workdir) if n.endswith(".tmp")], "no temporary file is left behind")
        # Our own save is not an outside change: no reload message, same step.
        time.sleep(1.2)
        s2 = app.report()
        check(s2["lesson"]["step"] == s["lesson"]["step"] and not s2["lesson"]["load_errors"], f"{s2['lesson']}")
        app.key("ctrl+q")
        check(app.wait_exit() == 0, "a saved lesson quits without asking")
    finally:
        app.kill()


def scenario_narration_wraps(exe, lessons, workdir):
    """The narration editor wraps long lines (issue 29): text typed at the end of a long narration reaches the
    lesson exactly as typed, with no line break the user did not type, and the save passes `poolscope check`.
    With $POOLSCOPE_SHOTS set, the field is photographed there (narration.png)."""
    path = copy_lesson(lessons, "04-ceil-mode.json", workdir)
    app = App(exe, ["--author", path], workdir)
    try:
        s = app.wait_for(lambda s: "author_text_2_0" in s["anchors"], "the narration editor")
        original = s["lesson"]["narration"]
        typed = " Typed at the end, so that this last line is far too long for the field and has to wrap."
        app.click_anchor(s, "author_text_2_0")
        app.key("ctrl+End")
        app.type(typed)
        s = app.wait_for(lambda s: s["lesson"]["narration"] == original + typed, "the narration typed")
        check("\r" not in s["lesson"]["narration"], "a soft break reached the narration")
        shots = os.environ.get("POOLSCOPE_SHOTS")
        if shots:
            from PIL import ImageGrab
            ImageGrab.grab(xdisplay=os.environ.get("DISPLAY")).save(os.path.join(shots, "narration.png"))
        app.key("Escape")  # leave the field, then save
        app.key("ctrl+s")
        app.wait_for(lambda s: not s["lesson"]["dirty"], "Ctrl+S")
        with open(path, encoding="utf-8") as f:
            saved = json.load(f)
        check(saved["steps"][0]["narration"]["en"] == original + typed, f"saved {saved['steps'][0]['narration']}")
        out = subprocess.run([exe, "check", path], capture_output=True, text=True, timeout=TIMEOUT)
        check(out.returncode == 0, f"poolscope check: {out.stdout}{out.stderr}")
    finally:
        app.kill()


def scenario_browser(exe, lessons, workdir):
    app = App(exe, ["--lessons"], workdir)
    try:
        s = app.report()
        check(s["lesson"]["browser_open"] and s["lesson"]["file"] is None, f"browser: {s['lesson']}")
        names = sorted(n for n in os.listdir(lessons) if n.endswith(".json") and n != "schema.json")
        row = names.index("04-ceil-mode.json")
        s = app.wait_for(lambda s: f"lesson_browser.row{row}" in s["anchors"], "the browser rows")
        s = app.click_until(f"lesson_browser.row{row}", lambda s: s["lesson"]["browser_selected"] == names[row],
                            "a click selects the lesson")
        x, y, w, h = s["anchors"][f"lesson_browser.row{row}"]
        app.xdotool("mousemove", "--window", app.window, str(int(x + w / 2)), str(int(y + h / 2)))
        app.report()
        app.xdotool("click", "--repeat", "2", "--delay", "90", "1")  # a double-click opens it
        s = app.wait_for(lambda s: s["lesson"]["file"] is not None, "the lesson to open")
        check(os.path.basename(s["lesson"]["file"]) == "04-ceil-mode.json", f"opened {s['lesson']['file']}")
        check(not s["lesson"]["browser_open"], "the browser closes")
        check(s["lesson"]["recent"] and s["lesson"]["recent"][0].endswith("04-ceil-mode.json"), "recent files")
    finally:
        app.kill()
    # The recent list survives a restart.
    app = App(exe, [], workdir)
    try:
        s = app.report()
        check(s["lesson"]["recent"] and s["lesson"]["recent"][0].endswith("04-ceil-mode.json"),
              f"recent after restart: {s['lesson']['recent']}")
    finally:
        app.kill()


def scenario_conflict_modal(exe, lessons, workdir):
    """Ctrl+S after another editor changed the file asks; Keep both writes both changes."""
    path = copy_lesson(lessons, "04-ceil-mode.json", workdir)
    app = App(exe, [path], workdir)
    try:
        make_dirty(app)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        last_title = json.loads(text)["steps"][-1]["title"]["en"]
        quoted = json.dumps(last_title, ensure_ascii=False)
        check(quoted in text, f"the last title {quoted} as written")
        text = text.replace(quoted, json.dumps(last_title + " (edited outside)", ensure_ascii=False), 1)
        time.sleep(1.1)  # a new modification time even on coarse clocks
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        app.key("ctrl+s")
        s = app.wait_for(lambda s: s["lesson"]["conflict_modal"], "the external-change question")
        with open(path, encoding="utf-8") as f:
            check(f.read() == text, "Ctrl+S must not overwrite the editor's change before the answer")
        s = app.click_until("lesson.conflict_keep_both", lambda s: not s["lesson"]["dirty"], "Keep both")
        with open(path, encoding="utf-8") as f:
            saved = json.load(f)
        check(saved["steps"][-1]["title"]["en"] == last_title + " (edited outside)", "the editor's change kept")
        check(len(saved["steps"]) == len(json.loads(text)["steps"]) + 1, "the app's new step kept")
    finally:
        app.kill()


def type_into(app, anchor, text, field):
    """Clicks a text field, replaces its text as a user would (Ctrl+A, typing) and waits for the lesson."""
    app.click_anchor(app.report(), anchor)
    app.key("ctrl+a")
    app.type(text)
    return app.wait_for(lambda s: s["lesson"][field] == text, f"{field} typed into {anchor}")


def scenario_new_lesson(exe, lessons, workdir):
    """File → New lesson from the window; titles typed; a step added, duplicated, deleted, the delete undone
    and redone, a step moved; Ctrl+S asks where, Enter saves my-lesson.json, and `poolscope check` passes."""
    app = App(exe, [], workdir, cwd=workdir)
    try:
        s = app.report()
        check(s["lesson"]["file"] is None, "no lesson at the start")
        app.click_anchor(s, "menu.file")
        app.wait_for(lambda s: "author.menu_new" in s["anchors"], "the File menu")
        s = app.click_until("author.menu_new", lambda s: s["lesson"]["file"] == "", "a new lesson", tries=1)
        check(s["lesson"]["steps"] == 1 and s["lesson"]["dirty"], f"one unsaved step: {s['lesson']}")
        check(s["lesson"]["badge"] == "matches", "the new step expects what the window shows")
        app.click_until("lesson.author", lambda s: "author.words" in s["anchors"], "the authoring tools")
        app.click_until("author.words", lambda s: "author_text_0_0" in s["anchors"], "the text fields")
        type_into(app, "author_text_0_0", "Max pooling by hand", "title")
        type_into(app, "author_text_1_0", "A 2x2 window", "step_title")
        steps = lambda n: lambda s: s["lesson"]["steps"] == n  # noqa: E731
        app.click_until("lesson.save_new_step", steps(2), "Save as new step", tries=1)
        app.click_until("author.duplicate", steps(3), "Duplicate", tries=1)
        s = app.click_until("author.delete", steps(2), "Delete", tries=1)
        check(s["lesson"]["step"] == 1 and s["lesson"]["step_title"] == "Step 2", f"after delete: {s['lesson']}")
        app.key("ctrl+z")
        app.wait_for(steps(3), "Ctrl+Z brings the deleted step back")
        app.key("ctrl+y")
        app.wait_for(steps(2), "Ctrl+Y deletes it again")
        s = app.click_until("author.move_up", lambda s: s["lesson"]["step"] == 0, "Move up", tries=1)
        check(s["lesson"]["step_title"] == "Step 2", f"the moved step stays current: {s['lesson']}")
        app.key("ctrl+s")  # a lesson without a file: the picker asks where, my-lesson.json in the folder
        path = os.path.join(workdir, "my-lesson.json")
        for attempt in range(3):
            time.sleep(1.0)
            app.key("Return")
            try:
                s = app.wait_for(lambda s: not s["lesson"]["dirty"], "Enter in the save picker", timeout=8.0)
                break
            except Failure:
                check(attempt < 2, "the lesson was not saved")
        check(os.path.realpath(s["lesson"]["file"]) == os.path.realpath(path), f"saved to {s['lesson']['file']}")
        out = subprocess.run([exe, "check", path], capture_output=True, text=True, timeout=TIMEOUT)
        check(out.returncode == 0, f"poolscope check: {out.stdout}{out.stderr}")
        with open(path, encoding="utf-8") as f:
            saved = json.load(f)
        check(saved["title"]["en"] == "Max pooling by hand", f"title {saved['title']}")
        check([step["title"]["en"] for step in saved["steps"]] == ["Step 2", "A 2x2 window"],
              f"steps {[step.get('title') for step in saved['steps']]}")
        check(all("expected" in step and "code" in step for step in saved["steps"]), "expected and code lines")
    finally:
        app.kill()


SCENARIOS = {
    "open_and_step": scenario_open_and_step,
    "reload_on_change": scenario_reload_on_change,
    "shown_after_reload": scenario_shown_after_reload,
    "message_expires_when_idle": scenario_message_expires_when_idle,
    "unsaved_quit_modal": scenario_unsaved_quit_modal,
    "browser": scenario_browser,
    "save_keys": scenario_save_keys,
    "conflict_modal": scenario_conflict_modal,
    "new_lesson": scenario_new_lesson,
    "narration_wraps": scenario_narration_wraps,
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", required=True)
    parser.add_argument("--lessons", required=True)
    parser.add_argument("scenario", choices=sorted(SCENARIOS))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="poolscope-lesson-gui-") as workdir:
        try:
            SCENARIOS[args.scenario](args.app, args.lessons, workdir)
        except Failure as e:
            print(f"FAIL {args.scenario}: {e}", file=sys.stderr)
            return 1
    print(f"ok {args.scenario}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
