#!/usr/bin/python3
"""The Network view in the real window (xdotool under Xvfb, see xapp.py).

lenet_edit: View > Network view opens D2L's LeNet; net[5]'s card opened, its kernel_size field clicked and
"3" typed makes the Linear after it raise PyTorch's mismatch; Ctrl+Z takes it back; a click on a cell of
net[5]'s 5x5 map lights up on the input the rows and columns `poolscope shape --receptive-field` prints.
Usage: network_gui_driver.py --app PATH --lessons DIR SCENARIO.
"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from xapp import FreshApp, check, run_scenario  # noqa: E402


def cli_field(exe, network, layer, cell):
    """The input rows and columns the core's receptive field holds, as the report writes them ("6-21")."""
    out = subprocess.run([exe, "shape", "--net", network, "--receptive-field", str(layer), "--cell", cell],
                         capture_output=True, text=True, check=True).stdout
    rows = re.search(r"^  rows: (\d+)\.\.(\d+)", out, re.M)
    cols = re.search(r"^  columns: (\d+)\.\.(\d+)", out, re.M)
    check(rows and cols, f"the CLI printed no rows/columns:\n{out}")
    return f"{rows[1]}-{rows[2]};{cols[1]}-{cols[2]}"


def scenario_lenet_edit(exe, lessons):
    app = FreshApp(exe, [], "poolscope-network-")
    app.click_anchor(app.report(), "menu.view")
    s = app.wait_for(lambda s: "menu.network" in s["anchors"], "the View menu")
    app.click_anchor(s, "menu.network")
    s = app.wait_for(lambda s: s["network_view"]["shown"] and s["network_view"].get("cards"), "the Network view")
    cards = s["network_view"]["cards"]
    check(cards[5]["code"] == "nn.AvgPool2d(2, stride=2)" or cards[5]["code"] == "nn.AvgPool2d(2)", f"{cards[5]}")
    check(cards[7]["state"] == "ok", f"the Linear before the edit: {cards[7]}")
    app.click_anchor(s, "network.open./layers/5")
    s = app.wait_for(lambda s: "network.field./layers/5/kernel_size" in s["anchors"], "net[5]'s fields")
    app.click_anchor(s, "network.field./layers/5/kernel_size")
    app.key("ctrl+a")
    app.type("3")
    s = app.wait_for(lambda s: s["network_view"]["cards"][7]["state"] == "raises", "the Linear raising")
    cards = s["network_view"]["cards"]
    check(cards[5]["shape"] == "torch.Size([1, 16, 4, 4])", f"net[5] after kernel 3: {cards[5]}")
    check(cards[7]["error"] == "RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x256 and 400x120)",
          f"the Linear's error: {cards[7]}")
    check(cards[8]["state"] == "not_reached", f"the layer after it: {cards[8]}")
    app.key("Escape")  # leave the field, so Ctrl+Z is the window's undo
    app.key("ctrl+z")
    s = app.wait_for(lambda s: s["network_view"]["cards"][7]["state"] == "ok", "Undo bringing the Linear back")
    # net[5]'s map is 5x5: click row 2, column 3.
    s = app.scrolled_to(s, "network.map.5")
    x, y, w, h = s["anchors"]["network.map.5"]
    app.click(x + w * 3.5 / 5, y + h * 2.5 / 5)
    s = app.wait_for(lambda s: s["network_view"]["selected"] == "net[5] (2, 3)", "the clicked cell")
    want = cli_field(exe, os.path.join(lessons, "networks", "lenet.json"), 5, "2,3")
    check(s["network_view"]["input_highlight"] == want,
          f"input highlighted {s['network_view']['input_highlight']}, the core says {want}")
    check(app.quit_with_ctrl_q() == 0, "exit status")


SCENARIOS = {"lenet_edit": scenario_lenet_edit}


if __name__ == "__main__":
    sys.exit(run_scenario(SCENARIOS, "lessons"))
