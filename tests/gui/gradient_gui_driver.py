#!/usr/bin/python3
"""The Backward and Unpool views in the real window, driven with xdotool under Xvfb (see xapp.py).

backward_view: click "Backward", check grad_input after the first window and after the last (the default
layer, MaxPool2d(3, stride=2, padding=1) on the 4x4 arange: the maxima 5, 7, 13, 15 take their windows'
gradient), then click a grad_output cell, type a new gradient and see it arrive at that window's maximum.
unpool_view: click "MaxUnpool" and check the maxima are back in place with zeros around them.
Usage: gradient_gui_driver.py --app PATH SCENARIO.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from xapp import FreshApp, check, run_scenario  # noqa: E402


def App(exe, args):
    return FreshApp(exe, args, "poolscope-grad-")


def only(cells, value=1.0):
    """A 4x4 matrix of zeros with `value` at the (row, col) pairs in `cells`."""
    return [[value if (r, c) in cells else 0.0 for c in range(4)] for r in range(4)]


def scenario_backward_view(exe):
    app = App(exe, [])
    s0 = app.report()
    check(s0["gradient"]["pass"] == "forward", f"starts in {s0['gradient']['pass']}")
    app.click_anchor(s0, "ui.pass.backward", fx=0.1)
    s1 = app.report()
    g = s1["gradient"]
    check(g["pass"] == "backward", f"after clicking Backward: {g['pass']}")
    check(g["grad_output"] == [[1.0, 1.0], [1.0, 1.0]], f"grad_output defaults to ones: {g['grad_output']}")
    check(g["grad_input_shown"] == only({(1, 1)}), f"after the first window: {g['grad_input_shown']}")
    check("grid.grad_output0" in s1["anchors"] and "grid.grad_input0" in s1["anchors"], "grids not drawn")
    app.key("End")
    g = app.report()["gradient"]
    final = only({(1, 1), (1, 3), (3, 1), (3, 3)})
    check(g["grad_input_shown"] == final and g["grad_input"] == final, f"after the last window: {g}")
    # Click grad_output cell (1, 0) (a 2x2 grid), type 3, Enter: the gradient 3 lands on the maximum 13.
    x, y, w, h = app.report()["anchors"]["grid.grad_output0"]
    app.click(x + w * 0.25, y + h * 0.75)
    check("ui.grad_edit" in app.report()["anchors"], "clicking a grad_output cell opens no editor")
    app.type("3")
    app.key("Return")
    s2 = app.report()
    g = s2["gradient"]
    check(g["grad_output"] == [[1.0, 1.0], [3.0, 1.0]], f"grad_output after typing 3: {g['grad_output']}")
    check(g["grad_input"][3][1] == 3.0 and g["grad_input"][1][1] == 1.0, f"grad_input: {g['grad_input']}")
    check(app.quit_with_ctrl_q() == 0, "exit status")


def scenario_unpool_view(exe):
    app = App(exe, [])
    app.click_anchor(app.report(), "ui.pass.unpool", fx=0.1)
    s = app.report()
    check(s["gradient"]["pass"] == "unpool", f"after clicking MaxUnpool: {s['gradient']['pass']}")
    expected = [[float(r * 4 + c) if r in (1, 3) and c in (1, 3) else 0.0 for c in range(4)] for r in range(4)]
    check(s["gradient"]["unpooled"] == expected, f"unpooled: {s['gradient']['unpooled']}")
    check("grid.unpooled0" in s["anchors"], "the unpooled grid is not drawn")
    check(app.quit_with_ctrl_q() == 0, "exit status")


SCENARIOS = {"backward_view": scenario_backward_view, "unpool_view": scenario_unpool_view}


if __name__ == "__main__":
    sys.exit(run_scenario(SCENARIOS))
