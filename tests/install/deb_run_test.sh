#!/bin/bash
# Unpacks the Debian package into a throwaway root (dpkg -x: the files a lab machine's /usr would get) and
# uses it from an unrelated directory: --version against the package's version, poolscope check over its
# lessons directory, and a Chinese screenshot of a lesson step (run under xvfb-run) that must draw with the
# unpacked data and the fonts the package depends on.
# Usage: deb_run_test.sh DEB_DIR VERSION
set -u
here=$(dirname "$(readlink -f "$0")")
debs=("$1"/poolscope_*.deb)
deb=${debs[0]}
version=$2
fail=0
say() { echo "deb_run_test: $*"; }
bad() { say "FAIL: $*"; fail=1; }

[ -f "$deb" ] || { bad "no package in $1 (the fixture install.deb_build makes it)"; exit 1; }
tmp=$(mktemp -d /tmp/poolscope-deb-run-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
root=$tmp/root
work=$tmp/elsewhere
mkdir -p "$work"
dpkg-deb -x "$deb" "$root" || { bad "dpkg-deb -x failed"; exit 1; }
exe=$root/usr/bin/poolscope
lessons=$root/usr/share/poolscope/lessons
cd "$work" || exit 1

out=$("$exe" --version 2>&1)
[ "$out" = "poolscope $version" ] || bad "--version says '$out', expected 'poolscope $version'"

if "$exe" check "$lessons" >"$tmp/check.log" 2>&1; then
    tail -1 "$tmp/check.log" | sed 's/^/deb_run_test: /'
else
    cat "$tmp/check.log"
    bad "poolscope check $lessons failed"
fi
grep -q "checked [1-9][0-9]* lessons" "$tmp/check.log" || bad "poolscope check found no lessons in $lessons"

export XDG_CONFIG_HOME=$tmp/config
if ! "$exe" --screenshot out.png --state-out state.json --size 1366x768 --lang zh \
        --lesson "$lessons/04-ceil-mode.json" --lesson-step 2 >"$tmp/shot.log" 2>&1; then
    cat "$tmp/shot.log"
    bad "the unpacked poolscope could not take a screenshot"
fi
/usr/bin/python3 "$here/check_screenshot.py" out.png state.json "$root" 1366 768 || fail=1
/usr/bin/python3 - state.json <<'PY' || fail=1
import json, sys
state = json.load(open(sys.argv[1]))
problems = []
if state.get("language") != "zh":
    problems.append(f"language is {state.get('language')!r}, not zh")
if not state.get("has_cjk_font"):
    problems.append("no Chinese font found (the package depends on fonts-wqy-microhei | fonts-noto-cjk)")
if state.get("missing_glyphs", 1) != 0:
    problems.append(f"{state.get('missing_glyphs')} characters would be drawn as '?'")
for p in problems:
    print("deb_run_test: FAIL:", p)
sys.exit(1 if problems else 0)
PY
leftovers=$(ls -A "$work" | grep -v -x -e out.png -e state.json)
[ -z "$leftovers" ] || bad "the app wrote into the working directory: $leftovers"

[ $fail -eq 0 ] && say "ok: $(basename "$deb") unpacked into $root and ran from $work"
exit $fail
