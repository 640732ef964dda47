#!/usr/bin/python3
"""Checks a screenshot taken by an installed poolscope: a PNG of the expected size with something drawn on
it, and a --state-out report whose data folders all lie inside the installed tree (the copy under test used
its own lessons, shaders and assets, not the source tree's).

Usage: check_screenshot.py PNG STATE_JSON INSTALLED_ROOT WIDTH HEIGHT
"""
import json
import os
import struct
import sys
import zlib


def fail(message):
    print("check_screenshot: FAIL:", message)
    sys.exit(1)


def distinct_colours(data, width, height):
    """Distinct RGB colours on a sparse grid of the decoded rows (a blank frame has one or two)."""
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * 3 + 1
    return {raw[r * stride + 1 + 3 * x: r * stride + 4 + 3 * x] for r in range(0, height, 7)
            for x in range(0, width, 5)}


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    png, state_path, root = sys.argv[1], sys.argv[2], os.path.realpath(sys.argv[3])
    expected = (int(sys.argv[4]), int(sys.argv[5]))
    if not os.path.exists(png):
        fail("no screenshot written")
    data = open(png, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("the screenshot is not a PNG")
    size = struct.unpack(">II", data[16:24])
    if size != expected:
        fail(f"screenshot is {size[0]}x{size[1]}, expected {expected[0]}x{expected[1]}")
    colours = distinct_colours(data, *size)
    if len(colours) < 20:
        fail(f"the screenshot has only {len(colours)} colours: nothing was drawn")
    state = json.load(open(state_path))
    for name, path in state["data_dirs"].items():
        if not path or not os.path.realpath(path).startswith(root + os.sep):
            fail(f"the installed app uses {name} from {path!r}, not from {root}")
    print(f"check_screenshot: {size[0]}x{size[1]} with {len(colours)} colours; data from {root}: "
          + ", ".join(f"{k}={v}" for k, v in state["data_dirs"].items()))


if __name__ == "__main__":
    main()
