#!/usr/bin/env bash
# PoolScope's frame time as a ratio of plain Dear ImGui's on the same renderer (issue 13): the ImGui demo
# peer (bench/imgui_demo_peer.cpp) and `poolscope --bench-frames` run alternately under xvfb-run (Mesa
# llvmpipe, vsync off), peer then PoolScope then PoolScope with POOLSCOPE_FULL_REDRAW=1 (every pixel drawn
# every frame, as when a zoom, scroll, resize or new lesson changes everything; issue 34) at each size, ROUNDS
# times; a round's ratios are PoolScope's p50s over the peer's p50 measured just before them, and the medians
# over rounds are printed. The last two lines are exactly
# `frame ratio vs imgui demo: <r> (1280x800), <r> (1920x1080)` and
# `full-redraw ratio vs imgui demo: <r> (1280x800), <r> (1920x1080)`.
# Env: BUILD_DIR (default build), APP (default $BUILD_DIR/poolscope: another build to compare), ROUNDS (default 3),
# FRAMES (default 300); POOLSCOPE_DRAW_STATS=1 also
# prints both programs' per-frame draw counts (app/testing/draw_stats.h).
set -euo pipefail
unset POOLSCOPE_FULL_REDRAW  # the second run of each pair sets it itself
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
build="${BUILD_DIR:-$root/build}"
rounds="${ROUNDS:-3}"
frames="${FRAMES:-300}"
app="${APP:-$build/poolscope}"
for exe in poolscope imgui_demo_peer; do
  [[ -x "$build/$exe" ]] || { echo "peer_ratio.sh: $build/$exe not found; build first (make build)" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# size | PoolScope's input
cases=("1280x800|16x16x3" "1920x1080|32x32x8")
run() {  # output file, size, program and arguments: one JSON line appended
  local out="$1" size="$2"
  shift 2
  XDG_CONFIG_HOME="$work/config" xvfb-run -a -s "-screen 0 ${size}x24" "$@" 2>>"$work/stderr.log" | tail -1 >>"$out"
  uptime >>"$work/load.log"
}
for ((r = 1; r <= rounds; r++)); do
  for c in "${cases[@]}"; do
    IFS='|' read -r size input <<<"$c"
    echo "round $r/$rounds: $size peer, then poolscope --input $input, then the same drawing every pixel ..." >&2
    run "$work/peer_$size.jsonl" "$size" "$build/imgui_demo_peer" --frames "$frames" --size "$size"
    run "$work/app_$size.jsonl" "$size" "$app" --bench-frames "$frames" --size "$size" --input "$input"
    run "$work/full_$size.jsonl" "$size" env POOLSCOPE_FULL_REDRAW=1 "$app" --bench-frames "$frames" \
      --size "$size" --input "$input"
  done
done
[[ -n "${POOLSCOPE_DRAW_STATS:-}" ]] && grep draw_stats "$work/stderr.log" >&2 || true

/usr/bin/python3 - "$work" "$rounds" "$frames" "${cases[@]}" <<'PY'
import json, os, statistics, sys
work, rounds, frames, cases = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
def rows(name):
    return [json.loads(l) for l in open(os.path.join(work, name)) if l.strip()]
loads = [l.split("load average:")[1].split(",")[0].strip() for l in open(os.path.join(work, "load.log"))]
print(f"PoolScope vs the ImGui demo peer: {rounds} alternating rounds of {frames} frames; xvfb-run + Mesa "
      f"llvmpipe, vsync off; load average {min(loads, key=float)}-{max(loads, key=float)} (uptime after each run)")
print(f"{'size':9} {'input':8} {'peer p50':>9} {'app p50':>8} {'ratios by round':>24} {'median':>7}  "
      f"{'full p50':>8} {'full ratios by round':>24} {'median':>7}  targets (full redraw)")
medians, full_medians = [], []
targets = {"1280x800": 1.0, "1920x1080": 1.5}
for c in cases:
    size, inp = c.split("|")
    peer, app, full = rows(f"peer_{size}.jsonl"), rows(f"app_{size}.jsonl"), rows(f"full_{size}.jsonl")
    if not peer or not len(peer) == len(app) == len(full):
        sys.exit(f"peer_ratio.sh: missing runs at {size} (see the programs' stderr)")
    ratios = [a["p50_ms"] / p["p50_ms"] for p, a in zip(peer, app)]
    full_ratios = [f["p50_ms"] / p["p50_ms"] for p, f in zip(peer, full)]
    medians.append(statistics.median(ratios))
    full_medians.append(statistics.median(full_ratios))
    target = targets.get(size)
    verdict = "" if target is None else f"<= {target}: {'met' if full_medians[-1] <= target else 'MISSED'}"
    print(f"{size:9} {inp:8} {statistics.median(p['p50_ms'] for p in peer):9.2f} "
          f"{statistics.median(a['p50_ms'] for a in app):8.2f} {' '.join(f'{x:.2f}' for x in ratios):>24} "
          f"{medians[-1]:7.2f}  {statistics.median(f['p50_ms'] for f in full):8.2f} "
          f"{' '.join(f'{x:.2f}' for x in full_ratios):>24} {full_medians[-1]:7.2f}  {verdict}")
print("frame ratio vs imgui demo: " + ", ".join(f"{m:.2f} ({c.split('|')[0]})" for m, c in zip(medians, cases)))
print("full-redraw ratio vs imgui demo: " +
      ", ".join(f"{m:.2f} ({c.split('|')[0]})" for m, c in zip(full_medians, cases)))
PY
