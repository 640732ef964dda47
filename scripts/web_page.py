#!/usr/bin/python3
"""Writes the web build's page around poolscope.js/.wasm/.data (issue 31), after each link of the app:
  index.html            the page, with the build's version in the names of the files it loads
  poolscope_page.js     the page's script (poolscope_keys.js beside it: its key bindings, generated before
                        the link from the app's bindings table by gen_page_keys.py)
  sw.js                 the service worker (offline and installable), keyed by the same version
  manifest.webmanifest  the web app manifest, and icons/ (192 and 512 px PNGs and the SVG, from packaging/)
  poolscope-notebook.html  one self-contained page for notebooks (python/poolscope): the script, the
                        WebAssembly and the data inlined (gzip, base64), opened from an iframe's srcdoc
The version is a hash of everything the page loads, so a new build is a new version and nothing else is.
Usage: web_page.py WEB_SOURCE_DIR PACKAGING_DIR BUILD_WEB_DIR"""
import base64
import gzip
import hashlib
import pathlib
import re
import sys

APP_FILES = ("poolscope_keys.js", "poolscope.js", "poolscope.wasm", "poolscope.data")
PAGE_FILES = ("index.html", "poolscope_page.js", "sw.js", "manifest.webmanifest")
ICONS = ("poolscope-192.png", "poolscope-512.png", "poolscope.svg")
VERSION = "@POOLSCOPE_WEB_VERSION@"
# Where python/poolscope/__init__.py puts the notebook's values (JSON): the link and the Copy link address.
EMBED_MARK = "/*POOLSCOPE_EMBEDDED*/null"


def write_if_changed(path, data):
    """Leaves an unchanged file alone, so its time stamp says when it last changed."""
    if isinstance(data, str):
        data = data.encode()
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def version_of(source, packaging, out):
    digest = hashlib.sha256()
    for path in [out / n for n in APP_FILES] + [source / n for n in PAGE_FILES] + [packaging / n for n in ICONS]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def packed(data):
    """gzip -9 without a time stamp (the same bytes on every build), as base64 text."""
    return base64.b64encode(gzip.compress(data, 9, mtime=0)).decode()


# Inflates the three packed blocks with the browser's DecompressionStream, hands the WebAssembly and the data
# to emscripten's loader (Module.wasmBinary, Module.getPreloadedPackage) and runs poolscope.js.
BOOT = """<script type="text/plain" id="poolscope-js">{js}</script>
<script type="text/plain" id="poolscope-wasm">{wasm}</script>
<script type="text/plain" id="poolscope-data">{data}</script>
<script>
(async () => {{
  const inflate = async (id) => {{
    const bytes = Uint8Array.from(atob(document.getElementById(id).textContent), (c) => c.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).arrayBuffer();
  }};
  if (typeof DecompressionStream !== "function") {{
    reportError("This browser is too old for PoolScope in a notebook (it has no DecompressionStream).");
    return;
  }}
  const [js, wasm, data] = await Promise.all(["poolscope-js", "poolscope-wasm", "poolscope-data"].map(inflate));
  Module.wasmBinary = wasm;
  Module.getPreloadedPackage = () => data;
  const script = document.createElement("script");
  script.textContent = new TextDecoder().decode(js);
  document.body.appendChild(script);
}})().catch(reportError);
</script>"""


def notebook_page(index_html, page_js, out):
    """index.html with everything it loads inside it; no manifest, icons or service worker (an iframe)."""
    html = re.sub(r'<link rel="(?:manifest|icon|apple-touch-icon)"[^>]*>\n', "", index_html)
    keys_js = (out / "poolscope_keys.js").read_text()
    if "</script" in page_js or "</script" in keys_js:
        sys.exit("web_page.py: poolscope_page.js and poolscope_keys.js must not contain '</script'")
    page = (f"<script>window.poolscopeEmbedded = {EMBED_MARK};</script>\n<script>\n{keys_js}</script>\n"
            f"<script>\n{page_js}</script>")
    html, n_keys = re.subn(r'<script src="poolscope_keys\.js[^"]*"></script>\n', "", html)
    boot = BOOT.format(js=packed((out / "poolscope.js").read_bytes()),
                       wasm=packed((out / "poolscope.wasm").read_bytes()),
                       data=packed((out / "poolscope.data").read_bytes()))
    html, n_page = re.subn(r'<script src="poolscope_page\.js[^"]*"></script>', lambda _: page, html)
    html, n_app = re.subn(r'<script async src="poolscope\.js[^"]*"></script>', lambda _: boot, html)
    if n_keys != 1 or n_page != 1 or n_app != 1:
        sys.exit("web_page.py: index.html no longer loads poolscope_keys.js, poolscope_page.js and "
                 "poolscope.js as expected")
    return html


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    source, packaging, out = (pathlib.Path(a) for a in sys.argv[1:])
    version = version_of(source, packaging, out)
    index_html = (source / "index.html").read_text().replace(VERSION, version)
    page_js = (source / "poolscope_page.js").read_text()
    write_if_changed(out / "index.html", index_html)
    write_if_changed(out / "poolscope_page.js", page_js)
    write_if_changed(out / "sw.js", (source / "sw.js").read_text().replace(VERSION, version))
    write_if_changed(out / "manifest.webmanifest", (source / "manifest.webmanifest").read_bytes())
    (out / "icons").mkdir(exist_ok=True)
    for name in ICONS:
        write_if_changed(out / "icons" / name, (packaging / name).read_bytes())
    write_if_changed(out / "poolscope-notebook.html", notebook_page(index_html, page_js, out))
    write_if_changed(out / "version.txt", version + "\n")


if __name__ == "__main__":
    main()
