#!/usr/bin/python3
"""Real-window scenarios for languages, settings, help and presentation mode, under Xvfb with xdotool.

Each scenario starts `poolscope --state-out FILE` with its own XDG_CONFIG_HOME, sends real X key presses
and clicks, presses F12 for the app's state as JSON and asserts on it (and on settings.json).
Run under `xvfb-run -a -s "-screen 0 1280x800x24"`; usage: i18n_gui_driver.py --app PATH SCENARIO.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

from xapp import TIMEOUT, Failure, XApp, check  # noqa: E402  (the shared X driver)


SCREEN = (1280, 800)  # the Xvfb screen the ctest runs with


class App(XApp):
    def __init__(self, exe, args, config_dir, env_extra=None, env_drop=()):
        env = dict(os.environ, XDG_CONFIG_HOME=config_dir)
        for name in ("LC_ALL", "LC_MESSAGES", "LANG", *env_drop):
            env.pop(name, None)
        env.update(env_extra or {})
        super().__init__(exe, args, os.path.join(config_dir, "state.json"), env)

    def describe(self, state):
        return "last state: " + json.dumps({k: state.get(k) for k in ("presentation", "fullscreen", "window_size",
                                                                      "monitor_size", "help_open", "language")})

    def quit(self):
        if self.alive():
            self.key("ctrl+q")
            try:
                self.proc.wait(timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                raise Failure("the app did not quit on Ctrl+Q")
        check(self.proc.returncode == 0, f"the app exited with {self.proc.returncode}")


def settings_of(config_dir):
    with open(os.path.join(config_dir, "poolscope", "settings.json")) as f:
        return json.load(f)


LESSON_7 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lessons", "07-why-pool.json")


def scenario_help_f1(exe, tmp):
    # With a Chinese lesson open: its characters beyond the UI tables must reach the font atlas too.
    app = App(exe, ["--lang", "zh", "--size", "1280x800", LESSON_7], tmp)
    state = app.wait_for(lambda s: s["missing_glyphs"] == 0, "the lesson's Chinese characters in the font atlas")
    check(state["help_open"] is False, "help is open before F1")
    check("help_overlay" not in state["anchors"], "the overlay is drawn before F1")
    app.key("F1")
    state = app.wait_for(lambda s: s["help_open"], "F1 to open the help")
    check("help_overlay" in state["anchors"], "help_open is set but no overlay was drawn")
    x, y, w, h = state["anchors"]["help_overlay"]
    check(w > 600 and h > 400, f"the overlay is too small to read: {w}x{h}")
    check(state["missing_glyphs"] == 0, f"{state['missing_glyphs']} Chinese characters have no glyph")
    app.key("Escape")
    app.wait_for(lambda s: not s["help_open"], "Escape to close the help")
    app.key("F1")
    app.wait_for(lambda s: s["help_open"], "F1 to open the help again")
    app.key("F1")
    app.wait_for(lambda s: not s["help_open"], "F1 to close the help")
    app.quit()


def scenario_presentation_f5(exe, tmp):
    app = App(exe, ["--lang", "en", "--size", "900x600"], tmp)
    state = app.report()
    check(state["presentation"] is False and state["window_size"] == [900, 600],
          f"unexpected start: presentation {state['presentation']}, size {state['window_size']}")
    normal_scale = state["ui_scale"]
    app.key("F5")
    state = app.wait_for(lambda s: s["presentation"] and s["window_size"] == list(SCREEN),
                         "F5 to make the window fill the screen")
    check(state["fullscreen"] is True, "presentation mode is not fullscreen on a monitor")
    check(state["window_size"] == state["monitor_size"], f"window {state['window_size']} != monitor {state['monitor_size']}")
    check(state["theme"] == "high_contrast", f"theme in presentation mode is {state['theme']}")
    check(state["ui_scale"] > normal_scale * 1.4, f"presentation UI scale {state['ui_scale']} is not large")
    # A focus layout: the parameters fold away; Ctrl+= (US keyboard) and Ctrl+keypad + zoom the matrices.
    check(state["layout"]["params_shown"] is False, "presentation mode still shows the parameters")
    zoom, cell = state["zoom"], state["layout"]["cell_px"]
    app.key("ctrl+equal")
    state = app.wait_for(lambda s: s["zoom"] > zoom and s["layout"]["cell_px"] > cell, "Ctrl+= to zoom the matrices")
    zoom = state["zoom"]
    app.key("ctrl+KP_Add")
    state = app.wait_for(lambda s: s["zoom"] > zoom, "Ctrl+keypad + to zoom the matrices")
    app.click_anchor(state, "layout.params_toggle")
    state = app.wait_for(lambda s: s["layout"]["params_shown"], "the edge button to bring the parameters back")
    app.click_anchor(state, "layout.params_toggle")
    app.wait_for(lambda s: not s["layout"]["params_shown"], "the edge button to fold the parameters again")
    app.key("F5")
    state = app.wait_for(lambda s: not s["presentation"] and s["window_size"] == [900, 600],
                         "F5 to return to the 900x600 window")
    check(state["ui_scale"] == normal_scale and state["theme"] == "light", "normal mode did not come back")
    app.key("F5")
    app.wait_for(lambda s: s["presentation"], "F5 again")
    app.key("Escape")
    app.wait_for(lambda s: not s["presentation"] and s["window_size"] == [900, 600], "Escape to leave presentation")
    app.quit()
    saved = settings_of(tmp)
    check(saved["window"]["width"] == 900 and saved["window"]["height"] == 600,
          f"the saved window is {saved.get('window')}, not the 900x600 windowed size")


LESSON_5 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lessons", "05-output-size.json")


def scenario_presentation_bar(exe, tmp):
    """Issue 27 with the mouse: in presentation the timeline sits in the menu bar (its row's height goes to the
    cells), its Play button there plays, and a 10 × 10 grid's folded notes open with a click."""
    app = App(exe, ["--lang", "en", "--size", "1280x720", "--lesson", LESSON_5, "--lesson-step", "2"], tmp)
    app.report()
    app.key("F5")
    state = app.wait_for(lambda s: s["presentation"] and "ui.play" in s["anchors"] and
                         s["anchors"]["ui.play"][1] + s["anchors"]["ui.play"][3] < 48,
                         "F5: the timeline's Play button in the menu bar")
    check(state["layout"]["cell_px"] >= 40, f"a 10 × 10 grid gets {state['layout']['cell_px']:.1f} px cells")
    check(not state["layout"]["clipped_text"], f"text cut: {state['layout']['clipped_text'][:2]}")
    check("step.notes_toggle" in state["anchors"], "the step's notes are folded behind one button")
    app.click_anchor(state, "ui.play")
    app.wait_for(lambda s: s["playing"], "a click on Play in the menu bar to play")
    app.key("space")  # pause again (Space toggles playing)
    state = app.wait_for(lambda s: not s["playing"], "Space to pause")
    app.click_anchor(state, "step.notes_toggle")
    app.wait_for(lambda s: any("return_indices" in t["text"] for t in s["layout"]["screen_text"]),
                 "a click on the folded notes to open them")
    app.quit()


def scenario_language_menu(exe, tmp):
    app = App(exe, ["--size", "1280x800"], tmp, env_extra={"LANG": "en_US.UTF-8"})
    state = app.report()
    check(state["language"] == "en", f"started in {state['language']} with LANG=en_US")
    check(state["menu_language_text"] == "Language", state["menu_language_text"])
    app.click_anchor(state, "menu.language")
    state = app.wait_for(lambda s: "language.chinese" in s["anchors"] and
                         s["anchors"]["language.chinese"][2] > 0, "the Language menu to open")
    app.click_anchor(state, "language.chinese")
    state = app.wait_for(lambda s: s["language"] == "zh", "the menu to switch to Chinese")
    check(state["menu_language_text"] == "语言", f"menu shows {state['menu_language_text']!r}, not 语言")
    check(state["missing_glyphs"] == 0, f"{state['missing_glyphs']} Chinese characters would show as '?'")
    app.quit()
    check(settings_of(tmp)["language"] == "zh", "the language choice was not saved")
    # Saved choice beats the system locale on the next start.
    app = App(exe, ["--size", "1280x800"], tmp, env_extra={"LANG": "en_US.UTF-8"})
    check(app.report()["language"] == "zh", "the saved Chinese did not come back")
    app.quit()


def scenario_system_locale(exe, tmp):
    app = App(exe, ["--size", "1280x800"], tmp, env_extra={"LANG": "zh_CN.UTF-8"})
    check(app.report()["language"] == "zh", "first start with LANG=zh_CN is not Chinese")
    app.quit()
    check(settings_of(tmp)["language"] == "zh", "the first start did not save the locale's language")
    # --lang overrides the saved choice (and is not saved itself).
    app = App(exe, ["--size", "1280x800", "--lang", "en"], tmp, env_extra={"LC_ALL": "zh_CN.UTF-8"})
    check(app.report()["language"] == "en", "--lang en did not override")
    app.quit()
    check(settings_of(tmp)["language"] == "zh", "--lang was saved as the choice")
    # A fresh config with LC_ALL=C beating LANG=zh: English.
    fresh = os.path.join(tmp, "fresh")
    os.makedirs(fresh)
    app = App(exe, ["--size", "1280x800"], fresh, env_extra={"LC_ALL": "C", "LANG": "zh_CN.UTF-8"})
    check(app.report()["language"] == "en", "LC_ALL=C did not win over LANG=zh_CN")
    app.quit()


def scenario_corrupt_settings(exe, tmp):
    os.makedirs(os.path.join(tmp, "poolscope"))
    garbage = '{"language": "zh", "ui_scale": 1.5,, oops'
    with open(os.path.join(tmp, "poolscope", "settings.json"), "w") as f:
        f.write(garbage)
    app = App(exe, ["--size", "1280x800"], tmp, env_extra={"LANG": "en_US.UTF-8"})
    state = app.report()
    check("settings.json" in state["status"] and state["status_is_error"] if "status_is_error" in state
          else "settings.json" in state["status"], f"no message about the broken file: {state['status']!r}")
    check(state["ui_scale"] == 1.0 and state["language"] == "en", "defaults were not used")
    with open(os.path.join(tmp, "poolscope", "settings.json.bad")) as f:
        check(f.read() == garbage, "the broken file was not kept as settings.json.bad")
    check(settings_of(tmp)["ui_scale"] == 1.0, "settings.json was not replaced with defaults")
    app.quit()


def scenario_no_cjk_font(exe, tmp):
    # A fontconfig that knows only DejaVu: Chinese cannot be drawn, so one message and English.
    conf = os.path.join(tmp, "fonts.conf")
    with open(conf, "w") as f:
        f.write('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                '<dir>/usr/share/fonts/truetype/dejavu</dir>'
                f'<cachedir>{tmp}/fc-cache</cachedir></fontconfig>')
    app = App(exe, ["--size", "1280x800", "--lang", "zh"], tmp, env_extra={"FONTCONFIG_FILE": conf})
    state = app.report()
    check(state["has_cjk_font"] is False, "the restricted fontconfig still found a Chinese font")
    check(state["language"] == "en", f"shows {state['language']} without a Chinese font")
    check("Chinese font" in state["status"], f"no message about the missing font: {state['status']!r}")
    check(state["missing_glyphs"] == 0, "English text has glyphs missing")
    app.quit()


SCENARIOS = {
    "no_cjk_font": scenario_no_cjk_font,
    "help_f1": scenario_help_f1,
    "presentation_f5": scenario_presentation_f5,
    "presentation_bar": scenario_presentation_bar,
    "language_menu": scenario_language_menu,
    "system_locale": scenario_system_locale,
    "corrupt_settings": scenario_corrupt_settings,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", required=True)
    parser.add_argument("scenario", choices=sorted(SCENARIOS))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="poolscope-i18n-") as tmp:
        try:
            SCENARIOS[args.scenario](os.path.abspath(args.app), tmp)
        except Failure as e:
            print(f"FAIL {args.scenario}: {e}")
            return 1
    print(f"ok {args.scenario}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
