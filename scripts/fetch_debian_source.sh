#!/usr/bin/env bash
# Fetches a Debian (bookworm) source package into a folder under $3 for the web build, which compiles C and C++
# libraries that no binary Debian package ships for emscripten: Dear ImGui 1.86 (imgui.cpp and the backends'
# .cpp files; its version must match libimgui-dev's headers) and giflib (the exports' GIF writer). The user's
# apt configuration is never touched: this one call uses a private sources list, lists directory and cache.
# Usage: scripts/fetch_debian_source.sh <package> <version|any> <dir>
#   prints the unpacked source folder; quiet and quick when it is already there.
set -euo pipefail

package=$1
want_version=$2
dest=$(realpath -m "$3")
done_mark="$dest/.unpacked"
if [[ -f "$done_mark" ]]; then
  cat "$done_mark"
  exit 0
fi
mkdir -p "$dest/apt/lists/partial" "$dest/apt/cache/archives/partial" "$dest/apt/etc"
mirror=${POOLSCOPE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
echo "deb-src $mirror bookworm main" >"$dest/apt/etc/sources.list"
apt_opts=(
  -o Dir::Etc::SourceList="$dest/apt/etc/sources.list"
  -o Dir::Etc::SourceParts=/dev/null
  -o Dir::State::Lists="$dest/apt/lists"
  -o Dir::Cache="$dest/apt/cache"
  -o Debug::NoLocking=1
  -o APT::Get::List-Cleanup=0
  -o APT::Sandbox::User=root  # the private folders belong to the caller, not to _apt
)
apt-get "${apt_opts[@]}" -qq update >&2
cd "$dest"
request=$package
[[ "$want_version" == any ]] || request="$package=$want_version"
# --download-only then our own dpkg-source: the .dsc's version is checked before anything is unpacked.
apt-get "${apt_opts[@]}" -qq --download-only source "$request" >&2
dsc=$(ls "$dest/${package}_"*.dsc 2>/dev/null | head -n 1 || true)
[[ -f "$dsc" ]] || { echo "fetch_debian_source: no ${package}_*.dsc was downloaded" >&2; exit 1; }
if [[ "$want_version" != any ]] && ! grep -q "^Version: $want_version\$" "$dsc"; then
  echo "fetch_debian_source: $dsc is not $want_version" >&2
  exit 1
fi
src="$dest/$package-source"
rm -rf "$src"
dpkg-source --no-check -x "$dsc" "$src" >&2
echo "$src" >"$done_mark"
echo "$src"
