#!/usr/bin/python3
"""`make site` (issue 31): a folder any static web host can serve as it is: the app (the web build's page,
script, WebAssembly, data, service worker, manifest and icons), lessons.html listing the shipped lessons
(title, description, a link that opens each in the app, in English or Chinese), the lesson files themselves,
and README.md on publishing it.
Usage: make_site.py BUILD_WEB_DIR LESSONS_DIR OUT_DIR"""
import html
import json
import pathlib
import shutil
import sys

APP_FILES = ("index.html", "poolscope_keys.js", "poolscope_page.js", "poolscope.js", "poolscope.wasm",
             "poolscope.data", "sw.js", "manifest.webmanifest", "version.txt")
SITE_MARK = "/*POOLSCOPE_SITE_FILES*/"
LESSON_FILES = (".json", ".png", ".jpg", ".jpeg", ".bmp")

PAGE = """<!doctype html>
<!-- Written by scripts/make_site.py from the shipped lessons: each opens the app at index.html#lesson=. -->
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="#1f2a44">
<link rel="manifest" href="manifest.webmanifest">
<link rel="icon" href="icons/poolscope-192.png">
<title>PoolScope lessons</title>
<style>
  body {{ font: 16px/1.5 sans-serif; max-width: 52em; margin: 2em auto; padding: 0 1em; color: #1d1d1d; }}
  header {{ display: flex; align-items: center; gap: 0.8em; }}
  header img {{ width: 56px; height: 56px; }}
  h1 {{ margin: 0; }}
  li {{ margin: 0 0 1.2em; }}
  .zh {{ color: #555; }}
  .open a {{ margin-right: 1em; }}
</style>
</head>
<body>
<header><img src="icons/poolscope.svg" alt=""><h1>PoolScope lessons</h1></header>
<p>Each lesson opens in <a href="index.html">PoolScope</a>, right here in the browser. After one visit the
app and these lessons work offline, and the browser can install PoolScope as an app.</p>
<ol>
{items}
</ol>
<p><small>PoolScope {version}</small></p>
</body>
</html>
"""

ITEM = """<li id="{anchor}"><strong>{title_en}</strong> <span class="zh" lang="zh">{title_zh}</span><br>
{description_en}<br><span class="zh" lang="zh">{description_zh}</span><br>
<span class="open"><a href="index.html#lesson=lessons/{name}&amp;lang=en">Open</a>
<a href="index.html#lesson=lessons/{name}&amp;lang=zh" lang="zh">打开（中文）</a>
<a href="lessons/{name}" download>{name}</a></span></li>"""

README = """# PoolScope, ready to publish

This folder is PoolScope's web version with its lessons, built by `make site`. Any static web host serves
it as it is: copy the whole folder (GitHub Pages, GitLab Pages, a university web space, `nginx`, `python3
-m http.server`). Nothing is computed on the server.

- `index.html` is the app. `lessons.html` lists the lessons, each with a link that opens it.
- Links carry what the app shows after `#`: `index.html#lesson=lessons/01-pool2d-from-scratch.json&step=2`,
  or a layer and input, `index.html#params=...&input=...` (Edit → Copy link in the app writes them). A
  `?` instead of `#` works too, but `#` keeps long inputs out of the server's logs.
- Serve it over https (or from localhost): browsers run the service worker (`sw.js`) only there. After one
  visit the app and its lessons open without the network, and the browser offers to install PoolScope as
  an app. A new build is picked up on the next visit; keep the files together, they carry one version
  ({version}).
- Give the desktop app this folder's address (`poolscope --web-base https://.../index.html`) and its
  Edit → Copy link points here too.
- The server should send `.wasm` as `application/wasm` (most do; the app also starts without it, a little
  slower).
"""


def lesson_items(lessons_dir):
    items = []
    for path in sorted(lessons_dir.glob("*.json")):
        if path.name == "schema.json":
            continue
        lesson = json.loads(path.read_text(encoding="utf-8"))
        title, description = lesson.get("title", {}), lesson.get("description", {})
        items.append(ITEM.format(anchor=html.escape(path.stem), name=html.escape(path.name),
                                 title_en=html.escape(title.get("en", path.stem)),
                                 title_zh=html.escape(title.get("zh", "")),
                                 description_en=html.escape(description.get("en", "")),
                                 description_zh=html.escape(description.get("zh", ""))))
    return items


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    build, lessons_dir, out = (pathlib.Path(a) for a in sys.argv[1:])
    missing = [n for n in APP_FILES if not (build / n).is_file()]
    if missing:
        sys.exit(f"make_site.py: {build} has no {', '.join(missing)}: build the web version first (make web)")
    if out.exists():
        shutil.rmtree(out)
    (out / "lessons").mkdir(parents=True)
    for name in APP_FILES:
        shutil.copy2(build / name, out / name)
    shutil.copytree(build / "icons", out / "icons")
    lesson_files = []
    for path in sorted(lessons_dir.iterdir()):
        if path.suffix.lower() in LESSON_FILES and path.name != "schema.json":
            shutil.copy2(path, out / "lessons" / path.name)
            lesson_files.append(f"lessons/{path.name}")
    version = (build / "version.txt").read_text().strip()
    (out / "lessons.html").write_text(PAGE.format(items="\n".join(lesson_items(lessons_dir)), version=version),
                                      encoding="utf-8")
    (out / "README.md").write_text(README.format(version=version), encoding="utf-8")
    # The service worker keeps the lesson index and the lesson files too.
    sw = (out / "sw.js").read_text()
    if SITE_MARK not in sw:
        sys.exit("make_site.py: sw.js has no place for the site's files")
    (out / "sw.js").write_text(sw.replace(SITE_MARK, ", ".join(json.dumps(f) for f in
                                                               ["lessons.html"] + lesson_files)))
    print(f"make site: {out} ({len(lesson_files)} lesson files, version {version})")


if __name__ == "__main__":
    main()
