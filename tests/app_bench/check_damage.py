#!/usr/bin/python3
"""Runs `poolscope --bench-frames 40` under xvfb-run with POOLSCOPE_DAMAGE_CHECK=1 (every frame is also drawn
whole off-screen and compared with the retained picture the window shows) at 1280x800 with a 16x16x3 input and
at 800x600 with a 9x9x2 input in Chinese keeping the picture in a texture (POOLSCOPE_RETAIN_TEXTURE=1, the way
for drivers whose back buffer does not survive a swap), and requires no differing pixel.
Usage: check_damage.py XVFB_RUN POOLSCOPE"""
import json
import os
import subprocess
import sys
import tempfile

xvfb, app = sys.argv[1], sys.argv[2]
env = dict(os.environ, XDG_CONFIG_HOME=tempfile.mkdtemp(prefix="poolscope-damagetest-"), POOLSCOPE_DAMAGE_CHECK="1")
env.pop("POOLSCOPE_FULL_REDRAW", None)
failed = False
for size, extra, texture in (("1280x800", ["--input", "16x16x3"], "0"),
                             ("800x600", ["--input", "9x9x2", "--lang", "zh"], "1")):
    env["POOLSCOPE_RETAIN_TEXTURE"] = texture
    run = subprocess.run([xvfb, "-a", "-s", f"-screen 0 {size}x24", app, "--bench-frames", "40", "--size", size]
                         + extra, capture_output=True, text=True, timeout=200, env=env)
    lines = [l for l in run.stderr.splitlines() if l.startswith('{"damage_check"')]
    if run.returncode != 0 or not lines:
        sys.exit(f"{size}: exit {run.returncode}, no damage_check line\nstderr: {run.stderr}")
    check = json.loads(lines[-1])["damage_check"]
    print(size, lines[-1])
    if check["frames"] < 40 or check["differing_px"] != 0 or check["damage_px"] <= 0:
        failed = True
sys.exit(1 if failed else 0)
