#!/usr/bin/env bash
# CPU use of the PoolScope window over a 10 s window (see bench/README.md, "App"): starts the app under its
# own Xvfb (xvfb-run -a), waits for the window, lets it settle, then samples utime+stime of the app's
# process (all its threads, llvmpipe's included) from /proc/<pid>/stat. Default state, paused, no input.
# Extra arguments go to the app; with --play it also reports the frames drawn per second while playing
# (two F12 state reports, SECONDS apart). The last line is exactly `idle cpu: <x>%` (percent of one core;
# `cpu while playing: <x>%` with --play).
# Env: BUILD_DIR (default build), SETTLE (default 2 s), SECONDS_MEASURED (default 10), SIZE (1280x800).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
build="${BUILD_DIR:-$root/build}"
app="$build/poolscope"
settle="${SETTLE:-2}"
measured="${SECONDS_MEASURED:-10}"
size="${SIZE:-1280x800}"

if [[ -z "${POOLSCOPE_IDLE_INNER:-}" ]]; then
  [[ -x "$app" ]] || { echo "idle_cpu.sh: $app not found; build first (make build)" >&2; exit 1; }
  command -v xvfb-run >/dev/null && command -v xdotool >/dev/null ||
    { echo "idle_cpu.sh: needs xvfb-run and xdotool (scripts/setup-deps.sh)" >&2; exit 1; }
  # Our own X server, so nothing else's windows or input reach the app; xvfb-run stops it when we return.
  POOLSCOPE_IDLE_INNER=1 exec xvfb-run -a -s "-screen 0 ${size}x24" "$0" "$@"
fi

work="$(mktemp -d)"
app_pid=""
cleanup() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

play=0
for a in "$@"; do [[ "$a" == --play ]] && play=1; done
# A fresh config dir: saved settings, window layout and recent lessons of the user do not change the test.
XDG_CONFIG_HOME="$work/config" "$app" --size "$size" --state-out "$work/state.json" "$@" >"$work/app.log" 2>&1 &
app_pid=$!

wid="$(timeout 60 xdotool search --sync --name PoolScope | head -1)" ||
  { echo "idle_cpu.sh: no PoolScope window within 60 s" >&2; cat "$work/app.log" >&2; exit 1; }
sleep "$settle"

ticks() {  # utime + stime (fields 14 and 15; the name in field 2 may hold spaces, so cut after ')')
  local stat rest
  stat="$(cat "/proc/$app_pid/stat")"
  rest="${stat##*) }"
  read -r -a f <<<"$rest"
  echo $((f[11] + f[12]))
}
frame_now() {  # asks the app for a state report (F12) and prints its frame counter
  rm -f "$work/state.json"
  xdotool key --window "$wid" F12
  for _ in $(seq 1 50); do
    [[ -s "$work/state.json" ]] && break
    sleep 0.1
  done
  /usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["frame"])' "$work/state.json"
}

hz="$(getconf CLK_TCK)"
[[ $play == 1 ]] && f0="$(frame_now)"
t0="$(date +%s.%N)"
c0="$(ticks)"
sleep "$measured"
c1="$(ticks)"
t1="$(date +%s.%N)"
[[ $play == 1 ]] && f1="$(frame_now)"

kill -0 "$app_pid" 2>/dev/null || { echo "idle_cpu.sh: the app exited early" >&2; cat "$work/app.log" >&2; exit 1; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ $play == 1 ]]; then
  /usr/bin/python3 -c 'import sys; f0,f1,t0,t1=map(float,sys.argv[1:]); print(f"frames/s while playing: {(f1-f0)/(t1-t0):.1f} ({int(f1-f0)} frames in {t1-t0:.1f} s)")' \
    "$f0" "$f1" "$t0" "$t1"
fi
label="idle cpu"
[[ $play == 1 ]] && label="cpu while playing"
/usr/bin/python3 -c 'import sys; c0,c1,t0,t1,hz=map(float,sys.argv[2:]); print(f"{sys.argv[1]}: {100*(c1-c0)/hz/(t1-t0):.2f}%")' \
  "$label" "$c0" "$c1" "$t0" "$t1" "$hz"
