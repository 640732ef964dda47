#!/bin/bash
# Installs PoolScope into a temporary prefix and uses it from an unrelated working directory, the way a
# student's machine would: poolscope check over the installed lessons, a screenshot (needs a display: run
# under xvfb-run), the data folders the app reports (they must be inside the prefix), desktop-file-validate
# and appstreamcli on the installed metadata, and the Makefile's `make install PREFIX=...` wiring.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -u
here=$(dirname "$(readlink -f "$0")")
build=$1
source=$2
fail=0
say() { echo "install_test: $*"; }
bad() { say "FAIL: $*"; fail=1; }

tmp=$(mktemp -d /tmp/poolscope-install-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
work=$tmp/elsewhere
mkdir -p "$work"

if ! cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1; then
    cat "$tmp/install.log"
    bad "cmake --install failed"
    exit 1
fi

app_id=io.github.poolscope.PoolScope
for f in bin/poolscope \
         share/poolscope/shaders/pool.frag share/poolscope/shaders/compose.frag share/poolscope/shaders/fullscreen.vert \
         share/poolscope/lessons/01-pool2d-from-scratch.json \
         share/applications/$app_id.desktop share/metainfo/$app_id.metainfo.xml \
         share/icons/hicolor/scalable/apps/$app_id.svg share/icons/hicolor/128x128/apps/$app_id.png \
         share/doc/poolscope/THIRD_PARTY_LICENSES.md share/doc/poolscope/copyright \
         share/doc/poolscope/changelog.gz share/man/man1/poolscope.1.gz; do
    [ -s "$prefix/$f" ] || bad "not installed: $f"
done
[ -x "$prefix/bin/poolscope" ] || bad "bin/poolscope is not executable"

# Lessons: every installed lesson passes the checker (schema.json is the lesson format's JSON Schema,
# installed for authors, not a lesson).
cd "$work" || exit 1
lessons=()
for f in "$prefix"/share/poolscope/lessons/*.json; do
    [ "$(basename "$f")" = schema.json ] || lessons+=("$f")
done
[ ${#lessons[@]} -ge 7 ] || bad "only ${#lessons[@]} lessons installed"
if ! "$prefix/bin/poolscope" check "${lessons[@]}" >"$tmp/check.log" 2>&1; then
    cat "$tmp/check.log"
    bad "poolscope check failed on the installed lessons"
fi

# A screenshot from the installed copy, with its own config dir, from a directory that is neither the
# prefix nor the source tree; the working directory must stay untouched.
export XDG_CONFIG_HOME=$tmp/config
if ! "$prefix/bin/poolscope" --screenshot out.png --state-out state.json >"$tmp/shot.log" 2>&1; then
    cat "$tmp/shot.log"
    bad "the installed poolscope could not take a screenshot"
fi
/usr/bin/python3 "$here/check_screenshot.py" "$work/out.png" "$work/state.json" "$prefix" 1280 800 || fail=1
leftovers=$(ls -A "$work" | grep -v -x -e out.png -e state.json)
[ -z "$leftovers" ] || bad "the app wrote into the working directory: $leftovers"
[ -z "$(ls -A "$work" | grep -i ini)" ] || bad "imgui.ini in the working directory"

# Desktop integration metadata, validated as distributions do.
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$prefix/share/applications/$app_id.desktop" || bad "desktop-file-validate"
else
    bad "desktop-file-validate missing (scripts/setup-deps.sh installs desktop-file-utils)"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net --pedantic "$prefix/share/metainfo/$app_id.metainfo.xml" >"$tmp/as.log" 2>&1 ||
        { cat "$tmp/as.log"; bad "appstreamcli validate"; }
else
    bad "appstreamcli missing (scripts/setup-deps.sh installs appstream)"
fi

# make install PREFIX=... hands the prefix to cmake --install (dry run: the Makefile builds ./build).
if ! make -n -C "$source" install PREFIX="$prefix-make" 2>/dev/null | grep -q -- "--install build --prefix $prefix-make"; then
    bad "make install PREFIX=... does not pass the prefix to cmake --install"
fi

[ $fail -eq 0 ] && say "ok: installed into $prefix and ran from $work"
exit $fail
