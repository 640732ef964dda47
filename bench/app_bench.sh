#!/usr/bin/env bash
# The app's frame benchmark (see bench/README.md, "App"): `poolscope --bench-frames N` under xvfb-run
# (Mesa llvmpipe, vsync off, the timeline stepping every frame) for each case, ROUNDS times, medians shown
# next to the issue's targets; then bench/idle_cpu.sh paused (idle CPU) and playing (frames/s); then
# bench/first_frame.sh (issue 34: the first frame as the machine is and with 4 busy loops, load printed); then
# bench/peer_ratio.sh (issues 13 and 34: PoolScope against the ImGui demo peer, alternating, 300 frames a run,
# as it animates and drawing every pixel), whose lines `frame ratio vs imgui demo: <r> (1280x800), <r>
# (1920x1080)` and `full-redraw ratio vs imgui demo: <r> (1280x800), <r> (1920x1080)` are the last.
# Env: BUILD_DIR (default build), ROUNDS (default 3), FRAMES (default 300).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
build="${BUILD_DIR:-$root/build}"
app="$build/poolscope"
rounds="${ROUNDS:-3}"
frames="${FRAMES:-300}"
[[ -x "$app" ]] || { echo "app_bench.sh: $app not found; build first (make build)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# name | size | app arguments | p99 target ms
cases=(
  "16x16x3 en|1280x800|--input 16x16x3 --lang en|8"
  "16x16x3 zh|1280x800|--input 16x16x3 --lang zh|8"
  "32x32x8 all cells|3200x1000|--input 32x32x8 --lang en --zoom 0.5|16"
)
for ((r = 1; r <= rounds; r++)); do
  for c in "${cases[@]}"; do
    IFS='|' read -r name size args target <<<"$c"
    echo "round $r/$rounds: $name ..." >&2
    # shellcheck disable=SC2086  # args are words on purpose
    XDG_CONFIG_HOME="$work/config" xvfb-run -a -s "-screen 0 ${size}x24" \
      "$app" --bench-frames "$frames" --size "$size" $args 2>>"$work/stderr.log" | tail -1 \
      >>"$work/$(echo "$name" | tr ' ' _).jsonl"
  done
done
echo "idle_cpu.sh (paused) ..." >&2
BUILD_DIR="$build" "$here/idle_cpu.sh" >"$work/idle.txt"
echo "idle_cpu.sh --play --input 16x16x3 ..." >&2
BUILD_DIR="$build" "$here/idle_cpu.sh" --play --input 16x16x3 >"$work/play.txt"

/usr/bin/python3 - "$work" "$rounds" "$frames" "${cases[@]}" <<'PY'
import json, statistics, sys, os
work, rounds, frames, cases = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
print(f"PoolScope app: {rounds} rounds of {frames} frames, medians; xvfb-run + Mesa llvmpipe, vsync off; "
      f"load average {open('/proc/loadavg').read().split()[0]}")
print(f"{'case':20} {'size':9} {'p50 ms':>7} {'p99 ms':>7} {'first ms':>8} {'rss MB':>7}  targets (p99, first <= 300 ms, rss <= 150 MB)")
for c in cases:
    name, size, args, target = c.split("|")
    rows = [json.loads(l) for l in open(os.path.join(work, name.replace(" ", "_") + ".jsonl")) if l.strip()]
    med = {k: statistics.median(r[k] for r in rows) for k in ("p50_ms", "p99_ms", "first_frame_ms", "peak_rss_mb")}
    ok = lambda b: "met" if b else "MISSED"
    print(f"{name:20} {size:9} {med['p50_ms']:7.2f} {med['p99_ms']:7.2f} {med['first_frame_ms']:8.1f} "
          f"{med['peak_rss_mb']:7.1f}  p99 <= {target} ms: {ok(med['p99_ms'] <= float(target))}, "
          f"first: {ok(med['first_frame_ms'] <= 300)}, rss: {ok(med['peak_rss_mb'] <= 150)}")
idle = open(os.path.join(work, "idle.txt")).read().split("\n")
play = open(os.path.join(work, "play.txt")).read().split("\n")
idle_line = [l for l in idle if l.startswith("idle cpu:")][-1]
x = float(idle_line.split(":")[1].strip().rstrip("%"))
print(f"{idle_line} (paused, default lesson, 10 s; target < 1%: {'met' if x < 1 else 'MISSED'})")
for l in play:
    if l.startswith("frames/s") or l.startswith("cpu while playing"):
        print(l + " (--play --input 16x16x3)")
PY

echo "first_frame.sh ..." >&2
BUILD_DIR="$build" ROUNDS="$rounds" "$here/first_frame.sh"

echo "peer_ratio.sh ..." >&2
BUILD_DIR="$build" ROUNDS="$rounds" FRAMES=300 "$here/peer_ratio.sh"
