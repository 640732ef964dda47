#!/usr/bin/env bash
# Measures the frame-time floor of the machine's OpenGL (Mesa llvmpipe under Xvfb here) at 1280x800: 0, 1 and
# 3 full-window blended layers, no UI code. Needs a configured build for its generated glad loader.
# Usage: BUILD_DIR=build bench/llvmpipe_floor.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
bench/gl_program.sh bench/llvmpipe_floor.c "$out/floor"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for layers in 0 1 3; do
  xvfb-run -a -s "-screen 0 1280x800x24" "$out/floor" "$layers" 1280 800
done
