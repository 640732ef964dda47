#!/usr/bin/env bash
# Fetches Dear ImGui 1.86's sources (Debian's source package `imgui`, bookworm) into $1 for the web build:
# no binary Debian package ships imgui.cpp or the backends' .cpp files. The user's apt configuration is never
# touched: this one call uses a private sources list, lists directory and cache under $1.
# Usage: scripts/fetch_imgui_source.sh <dir>   (prints the source folder; quiet and quick when present)
set -euo pipefail

dest=$(realpath -m "$1")
want_version="1.86+ds-1"
src="$dest/imgui-1.86+ds"
if [[ -f "$src/imgui.cpp" && -f "$src/backends/imgui_impl_glfw.cpp" ]]; then
  echo "$src"
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
# --download-only then our own dpkg-source: the .dsc's version is checked before anything is unpacked.
apt-get "${apt_opts[@]}" -qq --download-only source "imgui=$want_version" >&2
dsc="$dest/imgui_${want_version}.dsc"
[[ -f "$dsc" ]] || { echo "fetch_imgui_source: $dsc was not downloaded" >&2; exit 1; }
grep -q "^Version: $want_version\$" "$dsc" || { echo "fetch_imgui_source: $dsc is not $want_version" >&2; exit 1; }
rm -rf "$src"
dpkg-source --no-check -x "$dsc" "$src" >&2
echo "$src"
