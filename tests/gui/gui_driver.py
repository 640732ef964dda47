#!/usr/bin/python3
"""Drives the real PoolScope window with real X input events (xdotool) under Xvfb.

Each scenario starts `poolscope --state-out FILE ...`, waits for the window (xdotool search --sync), sends
keys and clicks, presses F12 to get the app's state as JSON, and asserts on it. Widget positions come from
the state's "anchors" (screen rectangles the app records every frame), so the clicks hit real widgets.
Run under `xvfb-run -a`; usage: gui_driver.py --app PATH SCENARIO.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "."))
from xapp import Failure, TIMEOUT, XApp, check, run_scenario  # noqa: E402  (the shared X driver)


ARTICLE_5X5 = "[[1,2,0,3,1],[0,1,2,3,1],[1,2,1,0,0],[5,2,3,1,1],[2,1,0,1,1]]"


class App(XApp):
    def __init__(self, exe, args):
        self.tmp = tempfile.TemporaryDirectory(prefix="poolscope-gui-")
        env = dict(os.environ, XDG_CONFIG_HOME=self.tmp.name)
        super().__init__(exe, ["--size", "1280x800", *args], os.path.join(self.tmp.name, "state.json"), env)

    def quit(self):
        if self.alive():
            self.key("ctrl+q")
            try:
                return self.proc.wait(timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                try:
                    with open(self.state_path) as f:
                        last = json.load(f)["sequence"]
                except (OSError, ValueError, KeyError):
                    last = None
                raise Failure(f"the app did not quit on Ctrl+Q (last state {last}, reports asked {self.sequence})")
        return self.proc.returncode


def scenario_step_right(exe):
    app = App(exe, [])  # the default lesson: 4x4 arange, MaxPool2d(3, stride=2, padding=1) -> 2x2
    s0 = app.report()
    check(s0["output_shape"] == [1, 2, 2], f"default output shape {s0['output_shape']}")
    check(s0["output_cell"] == {"oh": 0, "ow": 0}, f"starts at {s0['output_cell']}")
    app.key("Right")
    s1 = app.report()
    check(s1["step"] == 1 and s1["output_cell"] == {"oh": 0, "ow": 1},
          f"after Right: step {s1['step']}, highlighted {s1['output_cell']}")
    app.key("Right")
    s2 = app.report()
    check(s2["output_cell"] == {"oh": 1, "ow": 0}, f"after Right twice: {s2['output_cell']}")
    app.key("Left")
    s3 = app.report()
    check(s3["output_cell"] == {"oh": 0, "ow": 1}, f"after Left: {s3['output_cell']}")
    app.key("End")
    check(app.report()["step"] == 3, "End goes to the last step")
    app.key("Home")
    check(app.report()["step"] == 0, "Home goes to the first step")
    check(app.quit() == 0, "exit status")


def scenario_edit_cell(exe):
    app = App(exe, ["--input", ARTICLE_5X5, "--params", '{"kernel_size": 3}'])
    s0 = app.report()
    check(s0["output"] == [[2.0]], f"MaxPool2d(3) of the article input (max of the top-left 3x3 is 2): {s0['output']}")
    # No padding: the input grid is exactly 5x5 cells; click cell (1, 1) and type a new value.
    x, y, w, h = s0["anchors"]["grid.input0"]
    app.click(x + w * 1.5 / 5, y + h * 1.5 / 5)
    s1 = app.report()
    check(s1["selected"] is not None and (s1["selected"]["h"], s1["selected"]["w"]) == (1, 1),
          f"clicking cell (1, 1) selected {s1['selected']}")
    app.type("42")
    app.key("Return")
    s2 = app.report()
    check(s2["input"][1][1] == 42.0, f"input cell (1, 1) is {s2['input'][1][1]} after typing 42")
    check(s2["output"] == [[42.0]], f"the output did not follow the edit: {s2['output']}")
    app.key("Escape")  # leave the cell editor
    app.key("ctrl+z")
    s3 = app.report()
    check(s3["input"][1][1] == 1.0 and s3["output"] == [[2.0]], f"Ctrl+Z did not undo: {s3['output']}")
    app.key("ctrl+y")
    check(app.report()["output"] == [[42.0]], "Ctrl+Y did not redo")
    check(app.quit() == 0, "exit status")


def scenario_ceil_mode(exe):
    app = App(exe, ["--input", ARTICLE_5X5, "--params", '{"kernel_size": 3}'])
    s0 = app.report()
    check(s0["output_shape"] == [1, 1, 1], f"without ceil_mode: {s0['output_shape']}")
    app.click_anchor(s0, "param.ceil_mode", fx=0.1)
    s1 = app.report()
    check(s1["params"].get("ceil_mode") is True, f"ceil_mode not switched on: {s1['params']}")
    check(s1["output_shape"] == [1, 2, 2], f"with ceil_mode the output is {s1['output_shape']}, not 2x2")
    check(s1["output"] == [[2.0, 3.0], [5.0, 1.0]], f"with ceil_mode: {s1['output']}")
    app.click_anchor(s1, "param.ceil_mode", fx=0.1)
    check(app.report()["output_shape"] == [1, 1, 1], "switching ceil_mode off again")
    check(app.quit() == 0, "exit status")


def scenario_invalid_padding(exe):
    app = App(exe, [])  # kernel 3: padding may be at most 1
    s0 = app.report()
    check(not s0["errors"], f"default has errors: {s0['errors']}")
    app.click_anchor(s0, "param.padding.h", fx=0.2)
    app.key("ctrl+a")
    app.type("5")
    app.key("Return")
    s1 = app.report()
    check(app.alive(), "the app died on an invalid padding")
    check(s1["output"] is None, "an output is shown for a configuration PyTorch rejects")
    check(any(e["field"] == "padding" and "half" in e["message"] for e in s1["errors"]),
          f"PyTorch's reason is not shown: {s1['errors']}")
    check("ui.error_box" in s1["anchors"], "the error box is not drawn in place of the output")
    check(s1["input"] == s0["input"], "the input was lost")
    # Fixing the value brings the output back.
    app.click_anchor(s1, "param.padding.h", fx=0.2)
    app.key("ctrl+a")
    app.type("1")
    app.key("Return")
    s2 = app.report()
    check(not s2["errors"] and s2["output_shape"] == [1, 2, 2], f"after fixing: {s2['errors']}")
    check(app.quit() == 0, "exit status")


def choose_framework(app, name, tries=3):
    """Opens the Framework chooser and clicks `name` until the window follows it: on a loaded machine a click
    can reach a frame in which the popup has not settled yet."""
    for attempt in range(tries):
        state = app.report()
        if "param.framework." + name not in state["anchors"] or state.get("convention") == name:
            app.click_anchor(state, "param.framework")
            state = app.report()
        check("param.framework." + name in state["anchors"], "the chooser did not open")
        app.click_anchor(state, "param.framework." + name)
        try:
            return app.wait_for(lambda s: s["convention"] == name, f"the window to follow {name}",
                                timeout=8.0 if attempt + 1 < tries else TIMEOUT)
        except Failure:
            if attempt + 1 == tries:
                raise


def scenario_framework(exe):
    """The Framework chooser with real clicks: TensorFlow's SAME pads at the end, so D2L's MaxPool2d(3,
    padding=1, stride=2) becomes [[10, 11], [14, 15]]; Ctrl+Z brings PyTorch back."""
    app = App(exe, [])
    s0 = app.report()
    check(s0["convention"] == "pytorch", f"default convention: {s0['convention']}")
    check(s0["layer_code"] == "nn.MaxPool2d(3, stride=2, padding=1)", f"code line: {s0['layer_code']}")
    s2 = choose_framework(app, "tensorflow")
    check(s2["convention"] == "tensorflow", f"after choosing TensorFlow: {s2['convention']}")
    check(s2["convention_options"] == {"padding": "same"}, f"options: {s2['convention_options']}")
    check(s2["output"] == [[10.0, 11.0], [14.0, 15.0]], f"TensorFlow's output: {s2['output']}")
    check(s2["layer_code"].startswith("tf.keras.layers.MaxPool2D(pool_size=3"), f"code: {s2['layer_code']}")
    check("param.pad_mode" in s2["anchors"], "no padding mode chooser for TensorFlow")
    app.key("ctrl+z")
    s3 = app.report()
    check(s3["convention"] == "pytorch" and s3["output"] == [[5.0, 7.0], [13.0, 15.0]],
          f"undo: {s3['convention']} {s3['output']}")
    check(app.quit() == 0, "exit status")


def scenario_compare(exe):
    """View > Compare frameworks opened with --compare; choosing MXNet in the window makes it the reference."""
    app = App(exe, ["--compare", "--params", '{"op": "avg_pool2d", "kernel_size": 3, "stride": 2, "padding": 1}'])
    s0 = app.report()
    check(s0["compare_open"] and "compare.window" in s0["anchors"], "the compare view is not open")
    cols = s0["compare"]["columns"]
    check([c["convention"] for c in cols] == ["pytorch", "tensorflow", "onnx", "mxnet"], f"columns: {cols}")
    check(cols[2]["differences"] == ["divisor_excludes_padding"], f"ONNX differences: {cols[2]['differences']}")
    s1 = choose_framework(app, "mxnet")
    check(s1["convention"] == "mxnet" and s1["compare"]["reference"] == 3,
          f"after choosing MXNet: {s1['convention']}, reference {s1['compare']['reference']}")
    check(app.quit() == 0, "exit status")


def scenario_screenshot(exe):
    with tempfile.TemporaryDirectory() as tmp:
        png = os.path.join(tmp, "shot.png")
        r = subprocess.run([exe, "--screenshot", png, "--size", "900x600", "--step", "2"], timeout=TIMEOUT)
        check(r.returncode == 0, f"--screenshot exited with {r.returncode}")
        with open(png, "rb") as f:
            data = f.read()
        check(data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG")
        width = int.from_bytes(data[16:20], "big")
        height = int.from_bytes(data[20:24], "big")
        check((width, height) == (900, 600), f"PNG is {width}x{height}, asked for 900x600")
        check(len(data) > 20000, "the PNG is suspiciously small (blank?)")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def scenario_idle(exe):
    """Idle means idle: with nothing animating and no input, the app sleeps instead of redrawing."""
    app = App(exe, [])
    s0 = app.report()
    time.sleep(1.0)  # let the post-input frames finish
    frame0 = app.report()["frame"]
    cpu0 = cpu_seconds(app.proc.pid)
    time.sleep(3.0)
    cpu1 = cpu_seconds(app.proc.pid)
    frame1 = app.report()["frame"]
    # Each report itself draws a few frames (F12 press and release); an app redrawing all the time would
    # have drawn ~180 frames (vsync) or thousands (no vsync under Xvfb) in these 3 seconds.
    check(frame1 - frame0 <= 12, f"{frame1 - frame0} frames drawn while idle")
    check(cpu1 - cpu0 < 0.5, f"{cpu1 - cpu0:.2f} s of CPU used in 3 s of idling")
    # Playing animates: frames are drawn while it plays.
    app.key("space")
    time.sleep(1.5)
    s1 = app.report()
    check(s1["frame"] - frame1 > 8 and s1["step"] > 0, f"playing drew {s1['frame'] - frame1} frames, step {s1['step']}")
    check(s0["frame"] >= 1, "no frame")
    check(app.quit() == 0, "exit status")


SCENARIOS = {
    "idle": scenario_idle,
    "step_right": scenario_step_right,
    "edit_cell": scenario_edit_cell,
    "ceil_mode": scenario_ceil_mode,
    "invalid_padding": scenario_invalid_padding,
    "screenshot": scenario_screenshot,
    "framework": scenario_framework,
    "compare": scenario_compare,
}


if __name__ == "__main__":
    sys.exit(run_scenario(SCENARIOS))
