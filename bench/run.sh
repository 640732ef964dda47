#!/usr/bin/env bash
# Runs the core benchmarks beside their baselines and prints one table (see bench/README.md):
# pool_bench (Google Benchmark, JSON) and bench/torch_baseline.py (PyTorch 1.13, one thread) on identical
# inputs, ROUNDS times back to back; the ratios are taken within each round, then the medians are shown.
# The last line is exactly `worst ratio vs pytorch: <x>, worst ratio vs copy: <y>`.
# Env: BUILD_DIR (default build-bench, the `bench` preset), ROUNDS (default 3), REPETITIONS (default 7).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
build="${BUILD_DIR:-$root/build-bench}"
bin="$build/bench/pool_bench"
rounds="${ROUNDS:-3}"
reps="${REPETITIONS:-7}"
py=/usr/bin/python3  # Debian's, which has python3-torch (the `python3` on PATH may not)

[[ -x "$bin" ]] || { echo "run.sh: $bin not found; build the bench preset first (make bench)" >&2; exit 1; }
"$py" -c "import torch" 2>/dev/null ||
  { echo "run.sh: $py has no torch; install python3-torch (POOLSCOPE_WITH_TORCH=1 scripts/setup-deps.sh)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin" --write-inputs "$work"
for ((i = 1; i <= rounds; i++)); do
  echo "round $i/$rounds: pool_bench ..." >&2
  "$bin" --benchmark_repetitions="$reps" --benchmark_report_aggregates_only=true --benchmark_min_time=0.05 \
    --benchmark_format=json --benchmark_out="$work/cpp_$i.json" --benchmark_out_format=json >/dev/null
  echo "round $i/$rounds: torch_baseline.py ..." >&2
  "$py" "$here/torch_baseline.py" --inputs "$work" --out "$work/torch_$i.json"
done
"$py" "$here/report.py" "$work"
