#!/usr/bin/python3
"""The A/B view (issue 29) in the real window, with real X input (xdotool) under Xvfb.

  view_menu       View > A/B settings opens it; B changes ceil_mode, then (combo, entry) padding, then one
                  more column of padding with its "+" button; each time the window's reasons are the ones
                  `poolscope export --ab --svg` writes for the same two layers (both come from the core);
                  pointing at a reason outlines its cells
  lesson_step     lesson 04's ceil_mode step opens it with the step's A and B, in presentation mode in
                  Chinese; the next step without a compare closes it
Usage: ab_gui_driver.py --app PATH --lessons DIR SCENARIO (under xvfb-run -a).
"""
import html
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "."))
from xapp import FreshApp, TIMEOUT, check, run_scenario  # noqa: E402  (the shared X driver)

INPUT = "[[0,1,2,3],[4,5,6,7],[8,9,10,11],[12,13,14,15]]"
PARAMS = {"op": "max_pool2d", "kernel_size": 3, "stride": 2, "padding": 1}  # the app's default layer


def slide_text(exe, params_b):
    """The text of the A/B slide the command line writes for the default layer and B = A + params_b."""
    with tempfile.TemporaryDirectory() as tmp:
        svg = os.path.join(tmp, "ab.svg")
        run = subprocess.run([exe, "export", "--params", json.dumps(PARAMS), "--params-b", json.dumps(params_b),
                              "--input", INPUT, "--ab", "--svg", svg], capture_output=True, text=True,
                             timeout=TIMEOUT)
        check(run.returncode == 0, f"export --ab failed: {run.stderr}")
        with open(svg) as f:
            return html.unescape(f.read())


def check_reasons_match_slide(exe, state, params_b):
    reasons = state["ab_view"]["reasons"]
    check(reasons, f"no reasons shown for B = A + {params_b}: {state['ab_view']}")
    svg = slide_text(exe, params_b)
    for i, reason in enumerate(reasons):
        start = f"{i + 1}. " + reason["text"][:40]  # wrapped later in the slide, so the first words
        check(start in svg, f"the window's reason {start!r} is not the slide's")


def scenario_view_menu(exe, lessons):
    app = FreshApp(exe, [])
    try:
        state = app.report()
        app.click_anchor(state, "menu.view")
        state = app.wait_for(lambda s: "menu.ab_settings" in s["anchors"], "the View menu")
        app.click_anchor(state, "menu.ab_settings")
        state = app.wait_for(lambda s: s["ab_view"]["open"] and s["ab_view"]["reasons"], "the A/B view")
        ab = state["ab_view"]
        check(ab["field"] == "ceil_mode" and ab["a.shape"] == "2x2" and ab["b.shape"] == "3x3", f"{ab}")
        check_reasons_match_slide(exe, state, {"ceil_mode": True})

        app.click_anchor(state, "abview.field")
        state = app.wait_for(lambda s: "abview.field.padding" in s["anchors"], "the field combo")
        app.click_anchor(state, "abview.field.padding")
        state = app.wait_for(lambda s: s["ab_view"]["field"] == "padding", "B to change the padding")
        check(state["ab_view"]["b.code"] == "nn.MaxPool2d(3, stride=2)", f"B: {state['ab_view']['b.code']}")
        check_reasons_match_slide(exe, state, {"padding": 0})
        app.click_anchor(state, "abview.value.w.plus")
        state = app.wait_for(lambda s: s["ab_view"]["b.code"] == "nn.MaxPool2d(3, stride=2, padding=(0, 1))",
                             "B's width padding to go up by one")
        check_reasons_match_slide(exe, state, {"padding": [0, 1]})

        # Pointing at the first reason outlines its cells (in the grids the reason's place names).
        x, y, w, h = state["anchors"]["abview.reason.0"]
        app.xdotool("mousemove", "--window", app.window, str(int(x + w / 3)), str(int(y + h / 2)))
        state = app.wait_for(lambda s: s["ab_view"]["highlight"], "the reason's cells to be outlined")
        reason = state["ab_view"]["reasons"][0]
        grids = {"both": ["a", "b"], "only_a": ["a"], "only_b": ["b"]}[reason["place"]]
        want = sorted(f"{g}:{cell}" for g in grids for cell in reason["cells"].split(";"))
        check(sorted(state["ab_view"]["highlight"].split(";")) == want,
              f"outlined {state['ab_view']['highlight']}, the reason's cells {want}")
        check(app.quit_with_ctrl_q() == 0, "exit status")
    finally:
        app.kill()


def scenario_lesson_step(exe, lessons):
    lesson = os.path.join(lessons, "04-ceil-mode.json")
    app = FreshApp(exe, ["--lesson", lesson, "--lesson-step", "6", "--presentation", "--lang", "zh"])
    try:
        state = app.wait_for(lambda s: s["ab_view"]["open"] and s["ab_view"]["reasons"], "the step's A/B view")
        ab = state["ab_view"]
        check(ab["mode"] == "lesson", f"mode {ab['mode']}")
        check(ab["a.code"] == "nn.MaxPool2d(3, stride=2)" and ab["b.code"] == "nn.MaxPool2d(3, stride=2, ceil_mode=True)",
              f"A {ab['a.code']}, B {ab['b.code']}")
        check(all("增加了输出的第" in r["text"] for r in ab["reasons"]), f"reasons: {ab['reasons']}")
        x, y, w, h = state["anchors"]["abview.window"]
        width, height = state.get("window_size", [1280, 800])
        check(x >= 0 and y >= 0 and x + w <= width and y + h <= height, f"the window {x, y, w, h} is off screen")
        for grid in ("abview.grid.a", "abview.grid.b"):
            gx, gy, gw, gh = state["anchors"][grid]
            check(gx >= x and gx + gw <= x + w and gy + gh <= y + h, f"{grid} is outside the window")
        app.key("Prior")  # PgUp: the lesson's previous step
        state = app.wait_for(lambda s: s["lesson"]["step"] == 4, "the previous step")
        state = app.wait_for(lambda s: not s["ab_view"]["open"], "the A/B view to close on a step without one")
        check(app.quit_with_ctrl_q() == 0, "exit status")
    finally:
        app.kill()


if __name__ == "__main__":
    sys.exit(run_scenario({"view_menu": scenario_view_menu, "lesson_step": scenario_lesson_step}, "lessons"))
