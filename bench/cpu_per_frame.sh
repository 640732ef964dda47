#!/usr/bin/env bash
# CPU time per frame of one program under xvfb-run (Mesa llvmpipe), all of its threads: `perf stat -e
# task-clock` of a run of 200 frames minus a run of 40, over 160. CPU time moves far less than wall time when
# other processes share the cores (issue 34's measurements; bench/README.md).
#   bench/cpu_per_frame.sh WxH PROGRAM ARGS...   where ARGS contain @F@ for the frame count, e.g.
#   POOLSCOPE_FULL_REDRAW=1 bench/cpu_per_frame.sh 1280x800 build/poolscope --bench-frames @F@ --size 1280x800 --input 16x16x3
#   bench/cpu_per_frame.sh 1280x800 build/imgui_demo_peer --frames @F@ --size 1280x800
set -euo pipefail
size="$1"
shift
command -v perf >/dev/null || { echo "cpu_per_frame.sh: needs perf (apt install linux-perf)" >&2; exit 1; }
config="$(mktemp -d)"
trap 'rm -rf "$config"' EXIT
run() {
  local n="$1"
  shift
  XDG_CONFIG_HOME="$config" xvfb-run -a -s "-screen 0 ${size}x24" perf stat -e task-clock -x, "${@//@F@/$n}" \
    2>&1 >/dev/null | grep task-clock | cut -d, -f1
}
short=$(run 40 "$@")
long=$(run 200 "$@")
/usr/bin/python3 -c "import sys; a, b = map(float, sys.argv[1:]); print(f'{(b - a) / 160:.2f} cpu ms/frame (load {open(\"/proc/loadavg\").read().split()[0]})')" "$short" "$long"
