#!/usr/bin/env python3
"""check_layers.py must fail on each kind of offence: a model file including ImGui, core including app/,
the command line including the model, an include pointing up inside the window library, a long file and a
long main.cpp; and pass on a clean tree (with includes that point down)."""
import pathlib
import subprocess
import sys
import tempfile

checker = pathlib.Path(__file__).with_name("check_layers.py")


def run(files):
    with tempfile.TemporaryDirectory() as d:
        root = pathlib.Path(d)
        base = {"app/main.cpp": "int main() {}\n", "core/src/a.cpp": "#include <vector>\n",
                "app/model/m.cpp": '#include "poolscope/tensor.h"\n', "app/cli/c.cpp": '#include "poolscope/x.h"\n'}
        base.update(files)
        for name, text in base.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text)
        return subprocess.run([sys.executable, str(checker), str(root)], capture_output=True, text=True)


failures = []
if run({}).returncode != 0:
    failures.append("a clean tree fails")
if run({"app/export/e.cpp": '#include "platform/font_files.h"\n'}).returncode != 0:
    failures.append("the exports' font lookup seam (platform/font_files.h) is refused")
downward = {"app/frame.cpp": '#include "testing/state_report.h"\n#include "shell/shell.h"\n',
            "app/testing/t.cpp": '#include "shell/shell.h"\n#include "gpu/gpu_pooler.h"\n',
            "app/shell/s.cpp": '#include "panels/panels.h"\n#include "platform/window.h"\n',
            "app/panels/p.cpp": '#include "widgets/ui_probe.h"\n#include "gpu/picture_pooler.h"\n',
            "app/widgets/w.cpp": '#include "platform/font_files.h"\n#include "gpu/g.h"\n#include "model/view.h"\n',
            "app/gpu/g.cpp": '#include "widgets/palette.h"\n',
            "app/platform/web/x.cpp": '#include "platform/window.h"\n'}
if run(downward).returncode != 0:
    failures.append("includes that point down (or stay in their layer) are refused")
cases = {
    "model includes imgui": {"app/model/m.cpp": "#include <imgui.h>\n"},
    "model includes GLFW": {"app/i18n/t.cpp": "#include <GLFW/glfw3.h>\n"},
    "model includes a panel": {"app/model/m.h": '#include "panels/panels.h"\n'},
    "core includes app": {"core/src/a.cpp": '#include "model/app_state.h"\n'},
    "cli includes model": {"app/cli/c.cpp": '#include "model/app_state.h"\n'},
    "cli includes export": {"app/cli/c.cpp": '#include "export/export_command.h"\n'},
    "export includes imgui": {"app/export/e.cpp": "#include <imgui.h>\n"},
    "export includes a widget": {"app/export/e.cpp": '#include "widgets/palette.h"\n'},
    "export includes the window": {"app/export/e.cpp": '#include "platform/window.h"\n'},
    "platform includes the frame": {"app/platform/web/main_loop_web.cpp": '#include "frame.h"\n'},
    "platform includes testing": {"app/platform/web/w.cpp": '#include "testing/state_report.h"\n'},
    "widgets include the shell": {"app/widgets/w.cpp": '#include "shell/fonts.h"\n'},
    "widgets include testing": {"app/widgets/w.cpp": '#include "testing/text_fit.h"\n'},
    "a panel includes the shell": {"app/panels/p.cpp": '#include "shell/shell.h"\n'},
    "a panel includes testing": {"app/panels/p.h": '#include "testing/ui_probe.h"\n'},
    "the shell includes testing": {"app/shell/menus.cpp": '#include "testing/ui_probe.h"\n'},
    "testing includes the frame": {"app/testing/t.cpp": '#include "frame.h"\n'},
    "gpu includes a panel": {"app/gpu/g.cpp": '#include "panels/image_view.h"\n'},
    "long file": {"app/panels/p.cpp": "\n" * 501},
    "long main": {"app/main.cpp": "\n" * 201},
}
for name, files in cases.items():
    if run(files).returncode != 1:
        failures.append(f"not caught: {name}")
for f in failures:
    print(f)
print(f"{len(cases) + 3 - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
