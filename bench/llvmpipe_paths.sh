#!/usr/bin/env bash
# What one textured, blended pixel costs llvmpipe here, per shader and blend (bench/llvmpipe_paths.c): each
# variant with 0 and 10 layers of 1:1 quads, ROUNDS rounds alternating, then the CPU time per drawn pixel.
# Needs a configured build for its generated glad loader.
# Usage: [ROUNDS=3] BUILD_DIR=build bench/llvmpipe_paths.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
bench/gl_program.sh bench/llvmpipe_paths.c "$out/paths"
load_before=$(cut -d' ' -f1 /proc/loadavg)
variants=(imgui flat texture texture-opaque colour)
layers=10
for ((r = 1; r <= ${ROUNDS:-3}; r++)); do
  for v in "${variants[@]}"; do
    for n in 0 "$layers"; do
      xvfb-run -a -s "-screen 0 1280x800x24" "$out/paths" "$v" "$n" >>"$out/runs.jsonl"
    done
  done
done
echo "load average $load_before before the runs, $(cut -d' ' -f1 /proc/loadavg) after"
/usr/bin/python3 - "$out/runs.jsonl" <<'PY'
import json, statistics, sys
runs = [json.loads(line) for line in open(sys.argv[1])]
layers = max(r["layers"] for r in runs)
print(f"{'variant':16} {'cpu ms/frame, 0 layers':>24} {str(layers) + ' layers':>10} {'ns of CPU per pixel':>20}")
for v in dict.fromkeys(r["variant"] for r in runs):
    base = statistics.median(r["cpu_ms_per_frame"] for r in runs if r["variant"] == v and r["layers"] == 0)
    full = [r for r in runs if r["variant"] == v and r["layers"] == layers]
    cpu = statistics.median(r["cpu_ms_per_frame"] for r in full)
    ns = (cpu - base) * 1e6 / (layers * full[0]["px_per_layer"])
    print(f"{v:16} {base:24.2f} {cpu:10.2f} {ns:20.2f}")
PY
