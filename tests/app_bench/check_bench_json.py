#!/usr/bin/python3
"""Runs `xvfb-run -a poolscope --bench-frames 30 --input 4x4x1` and checks its JSON line: the issue's keys,
30 frames, and sane values (positive, p50 <= p99, first frame under a minute, RSS under 2 GiB). Timing
targets are not checked here; they live in bench/app_bench.sh.
Usage: check_bench_json.py XVFB_RUN POOLSCOPE"""
import json
import os
import subprocess
import sys
import tempfile

xvfb, app = sys.argv[1], sys.argv[2]
env = dict(os.environ, XDG_CONFIG_HOME=tempfile.mkdtemp(prefix="poolscope-benchtest-"))
run = subprocess.run([xvfb, "-a", "-s", "-screen 0 1280x800x24", app, "--bench-frames", "30", "--input", "4x4x1",
                      "--size", "640x480"], capture_output=True, text=True, timeout=150, env=env)
if run.returncode != 0:
    sys.exit(f"poolscope exited {run.returncode}\nstdout: {run.stdout}\nstderr: {run.stderr}")
lines = [l for l in run.stdout.splitlines() if l.strip()]
if not lines:
    sys.exit(f"no output; stderr: {run.stderr}")
report = json.loads(lines[-1])
problems = []
for key in ("frames", "p50_ms", "p99_ms", "first_frame_ms", "peak_rss_mb"):
    if not isinstance(report.get(key), (int, float)):
        problems.append(f"missing or non-numeric {key}")
if not problems:
    if report["frames"] != 30:
        problems.append(f"frames = {report['frames']}, expected 30")
    if not 0 < report["p50_ms"] <= report["p99_ms"] <= report["max_ms"]:
        problems.append("expected 0 < p50_ms <= p99_ms <= max_ms")
    if not 0 < report["first_frame_ms"] < 60000:
        problems.append("first_frame_ms outside (0, 60000)")
    if not 1 < report["peak_rss_mb"] < 2048:
        problems.append("peak_rss_mb outside (1, 2048)")
if problems:
    sys.exit(f"{lines[-1]}\n" + "\n".join(problems))
print("ok:", lines[-1])
