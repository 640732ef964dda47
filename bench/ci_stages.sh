#!/usr/bin/env bash
# Times `make test` stage by stage on a fresh clone, as CI runs it (.ci/run), with no compiler cache:
#   bench/ci_stages.sh [SOURCE] [CLONE_DIR]
# SOURCE is any git URL or path (default: this repository), CLONE_DIR must not exist (default: a new
# /tmp/ci-stages.XXXX). It runs the Makefile's own targets in the order `make test` does (setup, build,
# test-release, test-asan, test-fuzz), so it measures what .ci/run does, and for each prints its wall time,
# how much of it the build took (from the build trees' .ninja_log: the new entries' last end time) and the
# CPU time it used (user + system of every process it ran and waited for: the figure least moved by other
# programs sharing the machine) and the 1-minute load average when it ended (wall times on a shared machine
# are only comparable at similar loads; the CPU column divided by the cores is the quiet machine's floor).
# After the table: the ctest counts, the slowest tests and the slowest compile steps of each tree.
# Logs: CLONE_DIR/ci-stages/*.log. JOBS (default nproc) is passed on to make. A failing stage stops the run,
# as it stops `make test`; KEEP_GOING=1 times the later stages anyway (and the script still fails at the end).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
source=${1:-$here}
clone=${2:-$(mktemp -u /tmp/ci-stages.XXXX)}
[[ -x /usr/bin/time ]] || { echo "ci_stages: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
[[ -e "$clone" ]] && { echo "ci_stages: $clone exists; give a new directory" >&2; exit 2; }
export CCACHE_DISABLE=1  # a fresh CI machine has no cache (and the Makefile sets no launcher anyway)
unset CMAKE_CXX_COMPILER_LAUNCHER CMAKE_C_COMPILER_LAUNCHER

load() { cut -d' ' -f1 /proc/loadavg; }
now() { date +%s.%N; }
git clone -q "$source" "$clone"
cd "$clone"
logs=$clone/ci-stages
mkdir -p "$logs"
echo "ci_stages: $(git log -1 --format='%h %s' | cut -c1-80)"
echo "ci_stages: $clone, $(nproc) CPUs, load at start $(load), $(date -u '+%F %T UTC')"

# New .ninja_log entries since the last call: the build's wall time is the latest end among them (ninja
# writes milliseconds since its own start; a stage runs one ninja per tree, one tree after the other).
declare -A seen
build_seconds() {
  local total=0 log lines span
  for log in build*/.ninja_log; do
    [[ -f "$log" ]] || continue
    lines=$(wc -l <"$log")
    span=$(tail -n +"$((${seen[$log]:-1} + 1))" "$log" | awk '$1 !~ /^#/ && $2 > m {m = $2} END {print m / 1000}')
    seen[$log]=$lines
    total=$(echo "$total + $span" | bc)
  done
  echo "$total"
}

printf '%-14s %9s %9s %9s %9s %7s\n' stage "wall s" "build s" "rest s" "CPU s" load
total=0
cpu_total=0
failed=""
run_stage() {
  local name=$1 start end wall build cpu
  shift
  start=$(now)
  if ! /usr/bin/time -o "$logs/$name.cpu" -f '%U + %S' "$@" >"$logs/$name.log" 2>&1; then
    echo "ci_stages: '$*' failed; the end of $logs/$name.log:" >&2
    tail -30 "$logs/$name.log" >&2
    [[ "${KEEP_GOING:-0}" == 1 ]] || exit 1
    failed="$failed $name"
  fi
  end=$(now)
  wall=$(echo "$end - $start" | bc)
  build=$(build_seconds)
  cpu=$(echo "$(tail -1 "$logs/$name.cpu")" | bc)
  total=$(echo "$total + $wall" | bc)
  cpu_total=$(echo "$cpu_total + $cpu" | bc)
  printf '%-14s %9.0f %9.0f %9.0f %9.0f %7s\n' "$name" "$wall" "$build" "$(echo "$wall - $build" | bc)" "$cpu" "$(load)"
}
run_stage setup make setup
run_stage build make build
run_stage test-release make test-release
run_stage test-asan make test-asan
run_stage test-fuzz make test-fuzz
printf '%-14s %9.0f %29.0f   (make test = every stage above; load now %s)\n' total "$total" "$cpu_total" "$(load)"

# The report below cuts long lists with head, which ends its writers early (SIGPIPE): not a failure.
set +o pipefail
echo
for preset in release asan; do
  echo "ctest --preset $preset: $(ctest --preset "$preset" -N 2>/dev/null | grep -o 'Total Tests: [0-9]*')"
done
echo "fuzzers (libFuzzer's last line each):"
grep -o 'Done [0-9]* runs in [0-9]* second(s)' "$logs/test-fuzz.log" | sed 's/^/  /' || true
echo
echo "slowest tests of the release suite (s):"
grep -E 'Test +#[0-9]+: ' "$logs/test-release.log" | sed -E 's/.*Test +#[0-9]+: ([^ ]+) .* ([0-9.]+) sec$/\2 \1/' |
  sort -rn | head -12 | awk '{printf "  %7.1f %s\n", $1, $2}'
echo "slowest tests of the ASan suite (s):"
grep -E 'Test +#[0-9]+: ' "$logs/test-asan.log" | sed -E 's/.*Test +#[0-9]+: ([^ ]+) .* ([0-9.]+) sec$/\2 \1/' |
  sort -rn | head -6 | awk '{printf "  %7.1f %s\n", $1, $2}'
for log in build*/.ninja_log; do
  awk -v tree="${log%/.ninja_log}" '$1 !~ /^#/ {s += $2 - $1; n++} END {
    printf "%s: %d build steps, %.0f s of compile/link time summed over both cores; slowest:\n", tree, n, s / 1000}' "$log"
  awk '$1 !~ /^#/ {printf "  %7.1f %s\n", ($2 - $1) / 1000, $4}' "$log" | sort -rn | head -6
done
[[ -z "$failed" ]] || { echo "ci_stages: failed stages:$failed" >&2; exit 1; }
