#!/usr/bin/python3
"""Questions written in the real window (issue 29), driven with xdotool under Xvfb: the state report's
"lesson" part counts the step's questions and says whether the lesson has unsaved changes.

Scenarios:
  author_and_save  on a copy of lesson 02, step 2, with "Author this lesson" open: a right-click on an output
                   cell, "Its value"; "Ask about…", "A multiple choice…", its prompt and options typed, "Add
                   question"; Ctrl+Z and Ctrl+Y; Ctrl+S; `poolscope check` passes on the saved file and its step
                   holds the two questions with the answers the app recorded
  screenshots      the Ask menu and the multiple-choice dialog at 1280x720 in English and Chinese, written to
                   $POOLSCOPE_SHOTS (or a temporary folder); each control inside the window
Usage: xvfb-run -a question_gui_driver.py --app PATH --lessons LESSONS_DIR SCENARIO
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from xapp import TIMEOUT, Failure, XApp, check, run_scenario  # noqa: E402  (the shared X driver)


class App(XApp):
    def __init__(self, exe, args, workdir, size="1280x800"):
        env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(workdir, "config"))
        super().__init__(exe, ["--size", size, *args], os.path.join(workdir, "state.json"), env)

    def describe(self, state):
        lesson = state.get("lesson", {})
        return f"questions {lesson.get('questions')}, dirty {lesson.get('dirty')}, message {lesson.get('message')}"

    def right_click(self, x, y):
        self.xdotool("mousemove", "--window", self.window, str(int(x)), str(int(y)))
        self.report()
        self.xdotool("click", "3")

    def output_cell(self, state, h, w):
        """The centre of output cell (h, w) of channel 0, from the grid's rectangle and the output's size."""
        check("grid.output0" in state["anchors"], "no output grid on screen")
        x, y, width, height = state["anchors"]["grid.output0"]
        rows, cols = state["output_shape"][1], state["output_shape"][2]
        return x + (w + 0.5) * width / cols, y + (h + 0.5) * height / rows

    def scrolled_to(self, state, name):
        """As XApp's, also scrolling up: the lesson column brings a new question into view, which can take
        "Ask about…" above the window's top."""
        height = state.get("window_size", [0, 800])[1] or 800
        for _ in range(30):
            check(name in state["anchors"], f"the app reports no widget named {name!r}")
            x, y, w, h = state["anchors"][name]
            if y >= 30 and y + h <= height - 4:
                return state
            self.xdotool("mousemove", "--window", self.window, str(int(x + w / 2)), str(int(height / 2)))
            self.xdotool("click", "4" if y < 30 else "5")
            state = self.report()
        raise Failure(f"{name} stays out of the window")

    def click_until(self, name, predicate, what, tries=3):
        """Clicks a widget until predicate(state) holds (a click can land on a frame that has not yet seen
        the pointer move on a loaded machine)."""
        for attempt in range(tries):
            self.click_anchor(self.report(), name)
            try:
                return self.wait_for(predicate, what, timeout=8.0 if attempt + 1 < tries else TIMEOUT)
            except Failure:
                if attempt + 1 == tries:
                    raise

    def type_into(self, name, text):
        self.click_until(name, lambda s: True, name)
        time.sleep(0.2)
        self.key("ctrl+a")
        self.type(text)


def workspace(lessons):
    workdir = tempfile.mkdtemp(prefix="poolscope-question-gui-")
    shutil.copy(os.path.join(lessons, "02-padding-and-stride.json"), os.path.join(workdir, "lesson.json"))
    return workdir


# The Ask menu's last item in each language: on screen while the menu is up (anchors stay after a popup
# closes; the texts drawn are the last frame's).
CHOICE_ITEM = {"en": "A multiple choice", "zh": "选择题"}


def on_screen(state, text):
    return text in "".join(item["text"] for item in state["layout"]["screen_text"])


def ask_menu_on_cell(app, h, w, lang="en"):
    """Right-clicks output cell (h, w) until the Ask menu is up."""
    for attempt in range(3):
        s = app.report()
        app.right_click(*app.output_cell(s, h, w))
        try:
            return app.wait_for(lambda s: on_screen(s, CHOICE_ITEM[lang]), "the Ask menu",
                                timeout=8.0 if attempt < 2 else TIMEOUT)
        except Failure:
            if attempt == 2:
                raise


def ask_menu_from_button(app, lang="en"):
    return app.click_until("questions.ask", lambda s: on_screen(s, CHOICE_ITEM[lang]), "the Ask menu (button)")


def scenario_author_and_save(exe, lessons):
    workdir = workspace(lessons)
    path = os.path.join(workdir, "lesson.json")
    app = App(exe, ["--author", path, "--lesson-step", "2"], workdir)
    try:
        s = app.wait_for(lambda s: s["lesson"]["file"] and s["lesson"]["step"] == 1 and s["output_shape"],
                         "lesson 02, step 2")
        before = s["lesson"]["questions"]
        ask_menu_on_cell(app, 1, 0)
        s = app.click_until("ask.value", lambda s: s["lesson"]["questions"] == before + 1, "the value question")
        check(s["lesson"]["dirty"], "asking a question left the lesson unchanged")

        ask_menu_from_button(app)
        app.click_until("ask.choice", lambda s: "choice_dialog.add" in s["anchors"], "the multiple-choice dialog")
        app.type_into("choice_dialog.prompt.en", "Which stride halves a 4 x 4 input?")
        app.type_into("choice_dialog.option.0.en", "1")
        app.type_into("choice_dialog.option.1.en", "2")
        app.type_into("choice_dialog.option.2.en", "4")
        app.click_until("choice_dialog.right.1", lambda s: True, "the right option")
        app.type_into("choice_dialog.why.0.en", "Stride 1 keeps every window.")
        s = app.click_until("choice_dialog.add", lambda s: s["lesson"]["questions"] == before + 2,
                            "the choice question")

        # Undo and redo go through the lesson's history like every other lesson edit.
        app.key("ctrl+z")
        app.wait_for(lambda s: s["lesson"]["questions"] == before + 1, "Ctrl+Z takes the choice back")
        app.key("ctrl+y")
        app.wait_for(lambda s: s["lesson"]["questions"] == before + 2, "Ctrl+Y brings it again")

        app.key("ctrl+s")
        app.wait_for(lambda s: not s["lesson"]["dirty"], "Ctrl+S saves")
        check(app.quit_with_ctrl_q() == 0, "the app did not quit cleanly")
        out = subprocess.run([exe, "check", path], capture_output=True, text=True, timeout=TIMEOUT)
        check(out.returncode == 0 and ": ok (" in out.stdout, f"poolscope check failed:\n{out.stdout}{out.stderr}")
        with open(path) as f:
            quiz = json.load(f)["steps"][1]["quiz"]
        check(len(quiz) == before + 2, f"the saved step has {len(quiz)} questions")
        value, choice = quiz[-2], quiz[-1]
        check(value["kind"] == "value" and value["cell"] == [1, 0], f"the value question: {value}")
        check(isinstance(value["answer"], (int, float)), f"no recorded answer: {value}")
        check(choice["kind"] == "choice" and choice["answer"] == 1, f"the choice question: {choice}")
        check(choice["prompt"]["en"] == "Which stride halves a 4 x 4 input?", f"the prompt: {choice['prompt']}")
        check(choice["options"][0]["why"]["en"] == "Stride 1 keeps every window.", f"the why: {choice['options']}")
    finally:
        app.kill()
        shutil.rmtree(workdir, ignore_errors=True)


def grab(app, path):
    from PIL import ImageGrab
    time.sleep(0.5)
    app.report()
    ImageGrab.grab(xdisplay=os.environ.get("DISPLAY")).crop((0, 0, 1280, 720)).save(path)


def inside(state, names, width, height):
    for name in names:
        check(name in state["anchors"], f"no {name} on screen")
        x, y, w, h = state["anchors"][name]
        check(x >= 0 and y >= 0 and x + w <= width and y + h <= height, f"{name} {[x, y, w, h]} leaves the window")


def scenario_screenshots(exe, lessons):
    shots = os.environ.get("POOLSCOPE_SHOTS") or tempfile.mkdtemp(prefix="poolscope-question-shots-")
    os.makedirs(shots, exist_ok=True)
    for lang in ("en", "zh"):
        workdir = workspace(lessons)
        app = App(exe, ["--lang", lang, "--author", os.path.join(workdir, "lesson.json"), "--lesson-step", "2"],
                  workdir, size="1280x720")
        try:
            app.wait_for(lambda s: s["lesson"]["file"] and s["output_shape"], "the lesson")
            s = ask_menu_on_cell(app, 1, 1, lang)
            inside(s, ["ask.value", "ask.divisor", "ask.argmax", "ask.window_cells", "ask.output_shape", "ask.choice"],
                   1280, 720)
            grab(app, os.path.join(shots, f"ask_menu_{lang}.png"))
            app.click_until("ask.value", lambda s: s["lesson"]["questions"] >= 1, "the value question")
            ask_menu_from_button(app, lang)
            s = app.click_until("ask.choice", lambda s: "choice_dialog.add" in s["anchors"], "the dialog")
            inside(s, ["choice_dialog.prompt." + lang, "choice_dialog.option.0." + lang, "choice_dialog.add",
                       "choice_dialog.cancel"], 1280, 720)
            grab(app, os.path.join(shots, f"choice_dialog_{lang}.png"))
            app.key("Escape")
            s = app.wait_for(lambda s: True, "the dialog closing")
            grab(app, os.path.join(shots, f"questions_{lang}.png"))
        finally:
            app.kill()
            shutil.rmtree(workdir, ignore_errors=True)
    print(f"screenshots in {shots}")


SCENARIOS = {
    "author_and_save": scenario_author_and_save,
    "screenshots": scenario_screenshots,
}

if __name__ == "__main__":
    sys.exit(run_scenario(SCENARIOS, "lessons"))
