#!/usr/bin/env bash
# Two variants of PoolScope's full redraw beside the ImGui demo peer, alternating in the same rounds (issue
# 34: a change measured against what it replaced, on a machine whose speed drifts between minutes): each
# round runs the peer, then `poolscope --bench-frames` with POOLSCOPE_FULL_REDRAW=1 and the environment
# ENV_A, then the same with ENV_B (e.g. ENV_A="POOLSCOPE_SERIAL_FRAMES=1" ENV_B=""), and prints each one's
# p50 by round, the medians and the median per-round ratio over the peer.
# Usage: [ENV_A=...] [ENV_B=...] [APP_A=...] [APP_B=...] bench/full_redraw_ab.sh [ROUNDS [SIZE [INPUT]]]
# Defaults: 8 rounds, 1280x800, 16x16x3, 300 frames (FRAMES), both variants build/poolscope (BUILD_DIR).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
rounds="${1:-8}" size="${2:-1280x800}" input="${3:-16x16x3}" frames="${FRAMES:-300}"
app_a="${APP_A:-$build/poolscope}" app_b="${APP_B:-$build/poolscope}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
p50() {  # program and arguments under a fresh X server and settings folder: the p50 of its JSON line
  XDG_CONFIG_HOME="$work/config" xvfb-run -a -s "-screen 0 ${size}x24" "$@" 2>/dev/null | tail -1 |
    /usr/bin/python3 -c 'import json, sys; print(json.loads(sys.stdin.read())["p50_ms"])'
}
for ((r = 1; r <= rounds; r++)); do
  echo "round $r/$rounds" >&2
  p50 "$build/imgui_demo_peer" --frames "$frames" --size "$size" >>"$work/peer"
  p50 env POOLSCOPE_FULL_REDRAW=1 ${ENV_A:-} "$app_a" --bench-frames "$frames" --size "$size" --input "$input" >>"$work/a"
  p50 env POOLSCOPE_FULL_REDRAW=1 ${ENV_B:-} "$app_b" --bench-frames "$frames" --size "$size" --input "$input" >>"$work/b"
done
/usr/bin/python3 - "$work" "${ENV_A:-}" "${ENV_B:-}" "$(uptime)" <<'PY'
import statistics, sys
work, env_a, env_b, load = sys.argv[1:]
rows = {n: [float(v) for v in open(f"{work}/{n}")] for n in ("peer", "a", "b")}
print(f"full redraw, {len(rows['peer'])} alternating rounds; {load.strip()}")
for name, label in (("peer", "peer"), ("a", f"A {env_a or '(default)'}"), ("b", f"B {env_b or '(default)'}")):
    v = rows[name]
    line = f"{label:40} p50 median {statistics.median(v):6.2f} ms  by round " + " ".join(f"{x:.2f}" for x in v)
    if name != "peer":
        line += f"  ratio {statistics.median(x / p for x, p in zip(v, rows['peer'])):.3f}"
    print(line)
PY
