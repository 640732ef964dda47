#!/usr/bin/env bash
# `make test-fuzz`: every libFuzzer target for its time budget, seeded, with its dictionary; corpora kept in
# BUILD_DIR/fuzz-corpus/. JOBS fuzzers run at once (default: the number of cores; each fuzzer is one process
# on one core, so two at a time on two cores halves the wall time and not a second of anyone's budget).
#   fuzz/run_fuzzers.sh BUILD_DIR     (the asan tree: cmake --build --preset asan --target poolscope_fuzzers)
# Prints each fuzzer's last line (runs done in how many seconds); on a crash, leak or timeout the end of its
# log and the reproducer libFuzzer wrote, and the script fails.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: fuzz/run_fuzzers.sh BUILD_DIR}
jobs=${JOBS:-$(nproc)}
out=$build/fuzz-corpus
mkdir -p "$out"
# Stack traces with file:line (clang's sanitizers ask llvm-symbolizer, which Debian ships versioned).
export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-$(command -v llvm-symbolizer || echo /usr/bin/llvm-symbolizer-14)}
common=(-timeout=10 -rss_limit_mb=2048)

# name | seconds | extra options | seed folders (the corpus folder comes first, created here)
#   lesson_loader  the lesson loader, seeded with the shipped lessons and the broken fixtures
#   compute, shape `poolscope compute` lines and `poolscope shape` arguments (issue 12)
#   network        networks as JSON (issue 33);  app_options  the window's options
#   export, fmt    `poolscope export` arguments and `poolscope fmt` on a lesson file (issue 28)
fuzzers=(
  "lesson_loader_fuzzer|30|-dict=fuzz/lesson.dict|lessons tests/lessons/fixtures"
  "compute_fuzzer|20|-dict=fuzz/compute.dict -max_len=65536|fuzz/seeds/compute"
  "shape_fuzzer|20|-dict=fuzz/shape.dict -max_len=512|fuzz/seeds/shape"
  "network_fuzzer|20|-dict=fuzz/network.dict -max_len=65536|fuzz/seeds/network"
  "app_options_fuzzer|20|-dict=fuzz/app_options.dict -max_len=65536|fuzz/seeds/app_options"
  "export_fuzzer|20|-dict=fuzz/export.dict -max_len=4096|fuzz/seeds/export"
  "fmt_fuzzer|20|-dict=fuzz/lesson.dict|lessons tests/lessons/fixtures"
)

run_one() {
  local name=$1 seconds=$2 options=$3 seeds=$4
  local corpus=$out/${name%_fuzzer} log=$out/${name%_fuzzer}.log
  mkdir -p "$corpus"
  # shellcheck disable=SC2086  # options and seeds are word lists
  if "$build/fuzz/$name" $options -max_total_time="$seconds" "${common[@]}" \
      -artifact_prefix="$out/${name%_fuzzer}-" "$corpus" $seeds >/dev/null 2>"$log"; then
    echo "$name: $(tail -1 "$log")"
  else
    echo "$name FAILED: the end of $log (reproducers are in $out):"
    tail -40 "$log"
    return 1
  fi
}

failed=0
running=0
for entry in "${fuzzers[@]}"; do
  IFS='|' read -r name seconds options seeds <<<"$entry"
  [[ -x "$build/fuzz/$name" ]] || { echo "run_fuzzers: $build/fuzz/$name is not built" >&2; exit 1; }
  if ((running >= jobs)); then
    wait -n || failed=1
    running=$((running - 1))
  fi
  run_one "$name" "$seconds" "$options" "$seeds" &
  running=$((running + 1))
done
while ((running > 0)); do
  wait -n || failed=1
  running=$((running - 1))
done
exit "$failed"
