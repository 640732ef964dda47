#!/bin/sh
# Renders poolscope.svg to the web app manifest's 192 and 512 px icons (poolscope-192.png, poolscope-512.png,
# committed beside the desktop icons) with headless Chromium, transparent outside the rounded square.
# Run it again after editing the SVG: packaging/render_web_icons.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for size in 192 512; do
  printf '<!doctype html><body style="margin:0"><img src="file://%s/poolscope.svg" width="%s" height="%s" style="display:block">' \
    "$here" "$size" "$size" >"$work/icon.html"
  chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
    --user-data-dir="$work/profile" --window-size="$size,$size" --screenshot="$here/poolscope-$size.png" \
    "file://$work/icon.html" 2>/dev/null
done
