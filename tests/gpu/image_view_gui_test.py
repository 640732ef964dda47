#!/usr/bin/python3
"""The Image view in the real PoolScope window, driven with xdotool under Xvfb (label gpu + gui).

Opens assets/images/patterns.png with --picture and MaxPool2d(2, stride=2), clicks a pooled pixel in the
result pane (found through the app's reported anchors), presses "As matrix", and checks with F12's state
that the matrix view now holds the 8x8 crop of the picture starting at that pixel's window, read here
independently with PIL. Reuses the window driver of tests/gui/gui_driver.py.
Usage: xvfb-run -a /usr/bin/python3 image_view_gui_test.py --app build/poolscope
"""
import argparse
import os
import pathlib
import sys

import numpy as np
from PIL import Image

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "tests" / "gui"))
from gui_driver import App, Failure, check  # noqa: E402

PICTURE = ROOT / "assets" / "images" / "patterns.png"


def pooled_pixel_point(state, oh, ow, out_h, out_w, picture_side=256):
    """Screen point of output pixel (oh, ow) in the result pane at zoom 1 (the picture fits the pane)."""
    x, y, w, h = state["anchors"]["image_view.result"]
    side = min(w, h)  # square picture, fitted, same size as the original
    return (x + w / 2 + ((ow + 0.5) / out_w - 0.5) * side, y + h / 2 + ((oh + 0.5) / out_h - 0.5) * side)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", required=True)
    args = parser.parse_args()
    app = App(args.app, ["--picture", str(PICTURE), "--params", '{"op":"max_pool2d","kernel_size":2,"stride":2}'])
    try:
        s0 = app.report()
        for name in ("image_view.original", "image_view.result", "image_view.as_matrix"):
            check(name in s0["anchors"], f"the Image view reports no {name} (is it open?)")
        oh, ow = 50, 40  # 256x256 picture, kernel 2 stride 2 -> 128x128; window starts at (100, 80)
        x, y = pooled_pixel_point(s0, oh, ow, 128, 128)
        app.click(x, y)
        app.report()
        app.click_anchor(app.report(), "image_view.as_matrix")
        s1 = app.report()
        check(s1["input_shape"] == [3, 8, 8], f"As matrix gave input shape {s1['input_shape']}")
        rgb = np.asarray(Image.open(PICTURE).convert("RGB")).astype(np.float32)
        want = rgb[2 * oh:2 * oh + 8, 2 * ow:2 * ow + 8, :].transpose(2, 0, 1)
        got = np.array(s1["input"], dtype=np.float32).reshape(3, 8, 8)
        check(np.array_equal(got, want), f"the crop differs from patterns.png rows {2 * oh}.., columns {2 * ow}..:\n"
              f"{got[0]}\nexpected\n{want[0]}")
        check("patterns.png" in s1["status"], f"status line: {s1['status']!r}")
        check(s1["output_shape"] == [3, 4, 4], f"the matrix view pools the crop with the same params: {s1['output_shape']}")
    except Failure as e:
        print(f"FAIL: {e}", file=sys.stderr)
        app.proc.kill()
        return 1
    app.quit()
    print("image view: As matrix took the clicked window's 8x8 crop")
    return 0


if __name__ == "__main__":
    sys.exit(main())
