#!/usr/bin/env bash
# PoolScope in the browser (issue 19): the page's download, compressed (gzip -9 of every file a browser
# fetches, the way a static host serves them), and the time to the first frame in headless Chromium
# (SwiftShader WebGL 2) from 127.0.0.1, median of ROUNDS fresh browsers. Targets (issue 34): <= 1 MB gzip and
# <= 1 s (issue 19's were 5 MB and 1.5 s).
# Env: WEB_DIR (default build-web), ROUNDS (default 5), WEB_DELAY_MS (the wasm and data that much later).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
web="${WEB_DIR:-$root/build-web}"
files=(index.html poolscope_keys.js poolscope_page.js poolscope.js poolscope.wasm poolscope.data)
for f in "${files[@]}"; do
  [[ -f "$web/$f" ]] || { echo "web_bench.sh: $web/$f not found; build first (make web)" >&2; exit 1; }
done
raw=0
gz=0
for f in "${files[@]}"; do
  size=$(stat -c %s "$web/$f")
  packed=$(gzip -9 -c "$web/$f" | wc -c)
  printf '%-20s %9d bytes, gzip -9 %9d\n' "$f" "$size" "$packed"
  raw=$((raw + size))
  gz=$((gz + packed))
done
awk -v raw="$raw" -v gz="$gz" 'BEGIN { printf "download: %.2f MB raw, %.2f MB gzip -9 (target <= 1 MB: %s)\n", raw / 1e6, gz / 1e6, gz <= 1e6 ? "met" : "MISSED" }'
echo "load average $(cut -d' ' -f1 /proc/loadavg) before the browsers"
/usr/bin/python3 "$here/web_first_frame.py" "$web" "${ROUNDS:-5}"
