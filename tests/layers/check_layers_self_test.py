#!/usr/bin/env python3
"""check_layers.py must fail on each kind of offence: a model file including ImGui, core including app/,
the command line including the model, a long file and a long main.cpp; and pass on a clean tree."""
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
    "long file": {"app/panels/p.cpp": "\n" * 501},
    "long main": {"app/main.cpp": "\n" * 201},
}
for name, files in cases.items():
    if run(files).returncode != 1:
        failures.append(f"not caught: {name}")
for f in failures:
    print(f)
print(f"{len(cases) + 2 - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
