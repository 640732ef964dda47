#!/usr/bin/python3
"""The faster drawing must not change a pixel (issue 34). For views with every kind of grid (the matrices, the
backward pass, MaxUnpool, a quiz card's cells, presentation, Chinese, a network), takes `poolscope --screenshot` four ways
and requires identical PNG files: as shipped (our renderer, cells as one picture per grid, the panels' fills
left to the clear), with POOLSCOPE_CELL_QUADS=1 (our renderer, every cell as its quads), with
POOLSCOPE_CARD_FILLS=1 (each panel fills itself, shell/card_backdrop.h) and with POOLSCOPE_IMGUI_RENDERER=1
(ImGui's own OpenGL 3 backend draws everything, as before). A fifth way, POOLSCOPE_IMGUI_CORNERS=1 (ImGui's own
rounded rectangles instead of the baked corners, platform/rounded_rect_pass.h), may differ by one 8-bit step
where a rectangle's edge is partly covered (its corners; a thick outline's anti-aliased rows): a sprite's or a
quad's alpha is a whole step, an interpolated one is not. Nowhere by more, and at under 1 % of the pixels.
Also checks, with POOLSCOPE_DRAW_STATS, that the pictures are in use (fewer triangles than with the quads), the
backdrop too (fewer 4×4 blocks reached) and the baked corners (fewer triangles under 2 px).
Usage: check_same_pixels.py XVFB_RUN POOLSCOPE"""
import json
import os

from PIL import Image
import subprocess
import sys
import tempfile

xvfb, app = sys.argv[1], sys.argv[2]
lessons = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lessons")
work = tempfile.mkdtemp(prefix="poolscope-samepixels-")
cases = {
    "matrices": ["--size", "1280x800", "--input", "16x16x3"],
    "backward_zh": ["--size", "1366x768", "--lang", "zh", "--input", "8x8x3", "--view", "backward",
                    "--params", '{"op":"avg_pool2d","kernel_size":3,"stride":2,"padding":1}'],
    "unpool": ["--size", "1366x768", "--input", "6x6x2", "--view", "unpool"],
    "quiz_cells": ["--size", "1280x800", os.path.join(lessons, "02-padding-and-stride.json"), "--lesson-step", "2",
                   "--reveal"],
    "backward_lesson": ["--size", "1920x1080", os.path.join(lessons, "09-backward.json"), "--lesson-step", "3"],
    "presentation": ["--size", "1280x720", "--presentation", os.path.join(lessons, "05-output-size.json"),
                     "--lesson-step", "7"],
    "network": ["--size", "1366x768", os.path.join(lessons, "11-lenet-shapes.json"), "--lesson-step", "2"],
}
ways = {"shipped": {}, "quads": {"POOLSCOPE_CELL_QUADS": "1"}, "card_fills": {"POOLSCOPE_CARD_FILLS": "1"},
        "imgui": {"POOLSCOPE_IMGUI_RENDERER": "1"}, "imgui_corners": {"POOLSCOPE_IMGUI_CORNERS": "1"}}


def run(args, extra_env, timeout=120):
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(work, "config"), **extra_env)
    for name in ("POOLSCOPE_CELL_QUADS", "POOLSCOPE_IMGUI_RENDERER", "POOLSCOPE_FULL_REDRAW", "POOLSCOPE_CARD_FILLS",
                 "POOLSCOPE_IMGUI_CORNERS"):
        if name not in extra_env:
            env.pop(name, None)
    done = subprocess.run([xvfb, "-a", "-s", "-screen 0 1920x1080x24", app] + args, capture_output=True,
                          text=True, timeout=timeout, env=env)
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} ({extra_env}): exit {done.returncode}\n{done.stderr}")
    return done


failed = []
for name, args in cases.items():
    pictures = {}
    for way, env in ways.items():
        path = os.path.join(work, f"{name}-{way}.png")
        run(args + ["--screenshot", path], env)
        pictures[way] = open(path, "rb").read()
    same = len({pictures[way] for way in ways if way != "imgui_corners"}) == 1
    print(f"{name}: {'identical' if same else 'DIFFERENT'} ({len(pictures['shipped'])} bytes)")
    if not same:
        failed.append(name)
    # ImGui's corners against the baked ones: every pixel within one step, the differing few near corners.
    mine = Image.open(os.path.join(work, f"{name}-shipped.png")).convert("RGB")
    theirs = Image.open(os.path.join(work, f"{name}-imgui_corners.png")).convert("RGB")
    steps = [max(abs(a - b) for a, b in zip(p, q)) for p, q in zip(mine.getdata(), theirs.getdata())]
    off = sum(1 for s in steps if s > 0)
    print(f"{name}: ImGui's corners: {off} pixels differ, by at most {max(steps)} step(s)")
    if max(steps) > 1 or off > len(steps) // 100:
        failed.append(f"{name} (ImGui's corners)")


def draw_stats(extra_env):
    done = run(["--bench-frames", "3", "--size", "1280x800", "--input", "16x16x3"],
               dict(extra_env, POOLSCOPE_DRAW_STATS="1"))
    line = [l for l in done.stderr.splitlines() if l.startswith('{"draw_stats"')][-1]
    return json.loads(line)["draw_stats"]


shipped, with_quads = draw_stats({}), draw_stats({"POOLSCOPE_CELL_QUADS": "1"})
print(f"triangles per frame: {shipped['triangles']} with pictures, {with_quads['triangles']} with quads")
if not shipped["triangles"] < with_quads["triangles"]:
    failed.append("pictures not in use")
with_fills = draw_stats({"POOLSCOPE_CARD_FILLS": "1"})
print(f"4x4 blocks per frame: {shipped['blocks']} with the backdrop, {with_fills['blocks']} with the panels' fills")
if not shipped["blocks"] < with_fills["blocks"] * 0.8:
    failed.append("backdrop not in use")
imgui_corners = draw_stats({"POOLSCOPE_IMGUI_CORNERS": "1"})
print(f"triangles under 2 px per frame: {shipped['tiny_triangles']} with baked corners, "
      f"{imgui_corners['tiny_triangles']} with ImGui's")
if not shipped["tiny_triangles"] < imgui_corners["tiny_triangles"] * 0.6:
    failed.append("baked corners not in use")
if failed:
    sys.exit("differs: " + ", ".join(failed))
