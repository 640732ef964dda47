#!/usr/bin/env python3
"""The layers of the tree, checked: core/ includes nothing from app/; app/model, app/i18n and app/image (the
GUI-free model library) include no ImGui, GLFW, glad or OpenGL header and nothing from the UI folders;
app/export (the exports, CPU-painted) likewise, so `poolscope export` runs without a display; app/cli includes
only the core (`export` reaches it through cli::run's hook, never an include). Files over 500 lines in app/ or core/ and a main.cpp over 200 lines fail
too. Inside the window library (poolscope_ui) includes point down only: platform < gpu, widgets < panels < shell <
testing < frame; a lower layer that needs something from above declares an interface the upper one fills in
(the test probe in widgets/probe.h, the page's hooks in platform/main_loop.h). Exit 1 listing every offence."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parents[2]
include = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)
gui_headers = re.compile(r'^(imgui|imgui_internal|backends/|GLFW/|glad/|GL/|KHR/)')
ui_folders = ("shell/", "panels/", "widgets/", "gpu/", "platform/", "testing/", "frame.h")
problems = []


def sources(folder):
    return sorted(p for p in (root / folder).rglob("*") if p.suffix in (".h", ".cpp"))


for path in sources("core"):
    for name in include.findall(path.read_text(encoding="utf-8")):
        if name.split("/")[0] in ("model", "shell", "panels", "widgets", "platform", "testing", "cli", "i18n"):
            problems.append(f"{path.relative_to(root)}: core includes app header {name}")
for folder in ("app/model", "app/i18n", "app/image"):
    for path in sources(folder):
        for name in include.findall(path.read_text(encoding="utf-8")):
            if gui_headers.match(name) or name.startswith(ui_folders):
                problems.append(f"{path.relative_to(root)}: the GUI-free model includes {name}")
for path in sources("app/export"):
    for name in include.findall(path.read_text(encoding="utf-8")):
        if name == "platform/font_files.h":
            continue  # the font lookup seam: fontconfig or the page's files, no display either way
        if gui_headers.match(name) or name.startswith(ui_folders):
            problems.append(f"{path.relative_to(root)}: the exports (no display) include {name}")
for path in sources("app/cli"):
    for name in include.findall(path.read_text(encoding="utf-8")):
        if gui_headers.match(name) or name.startswith(ui_folders + ("model/", "export/", "i18n/")):
            problems.append(f"{path.relative_to(root)}: the command line includes {name}")
for folder in ("app", "core"):
    for path in sources(folder):
        lines = path.read_text(encoding="utf-8").count("\n")
        if lines > 500:
            problems.append(f"{path.relative_to(root)}: {lines} lines (split it along its concerns; limit 500)")
# The window library's direction. A file's layer is its folder (frame.h/.cpp at the top); it may include its
# own layer and the ones below.
ui_levels = {"platform": 0, "gpu": 1, "widgets": 1, "panels": 2, "shell": 3, "testing": 4, "frame.h": 5}


def ui_level(name):
    return ui_levels.get(name.split("/")[0])


for path in sources("app"):
    relative = path.relative_to(root / "app").as_posix()
    own = ui_level(relative) if "/" in relative else ui_levels["frame.h"] if path.stem == "frame" else None
    if own is None:
        continue
    for name in include.findall(path.read_text(encoding="utf-8")):
        level = ui_level(name)
        if level is not None and level > own:
            problems.append(f"{path.relative_to(root)}: includes {name} from a layer above it "
                            "(platform < gpu, widgets < panels < shell < testing < frame)")

main_lines = (root / "app/main.cpp").read_text(encoding="utf-8").count("\n")
if main_lines > 200:
    problems.append(f"app/main.cpp: {main_lines} lines (init, loop, cleanup only; limit 200)")

for p in problems:
    print(p)
print(f"layers: {len(problems)} problem(s)")
sys.exit(1 if problems else 0)
