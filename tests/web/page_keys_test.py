#!/usr/bin/env python3
"""The web page's key bindings come from the app's bindings table (scripts/gen_page_keys.py, run when the web
build links): the real table gives the keys the page takes over from the browser today, a binding added to
the table reaches the page, and a key the generator cannot name fails the build instead of being dropped."""
import json
import pathlib
import re
import subprocess
import sys
import tempfile

root = pathlib.Path(__file__).resolve().parents[2]
generator = root / "scripts/gen_page_keys.py"
table = (root / "app/panels/actions_table.cpp").read_text(encoding="utf-8")
failures = []


def generate(text):
    with tempfile.TemporaryDirectory() as d:
        src, out = pathlib.Path(d) / "table.cpp", pathlib.Path(d) / "keys.js"
        src.write_text(text, encoding="utf-8")
        run = subprocess.run([sys.executable, str(generator), str(src), str(out)], capture_output=True, text=True)
        if run.returncode != 0:
            return None
        js = out.read_text(encoding="utf-8")
        sets = dict(re.findall(r"const (\w+) = new Set\((\[.*?\])\);", js))
        return {name: set(json.loads(values)) for name, values in sets.items()}


keys = generate(table)
if keys is None:
    failures.append("the real table does not generate")
else:
    if not {"F1", "F5"} <= keys["kAppKeys"]:
        failures.append(f"F1 / F5 missing: {keys['kAppKeys']}")
    if not {"o", "s", "=", "+", "-", "0"} <= keys["kAppCtrlKeys"]:
        failures.append(f"Ctrl+O, S, =, +, -, 0 missing: {keys['kAppCtrlKeys']}")
    if {"v", "c", "z"} & keys["kAppCtrlKeys"] or "F12" in keys["kAppKeys"]:
        failures.append("the page would take keys the browser must keep (paste, copy, undo, developer tools)")
printing = table.replace("GLFW_KEY_Q, M::kCtrl,", "GLFW_KEY_P, M::kCtrl,")
added = generate(printing)
if added is None or "p" not in added["kAppCtrlKeys"]:
    failures.append("a binding added to the table (Ctrl+P) does not reach the page")
if generate(table.replace("GLFW_KEY_HOME", "GLFW_KEY_NOT_A_KEY")) is not None:
    failures.append("a key without a browser name is dropped silently")
if generate("// no bindings\n") is not None:
    failures.append("an empty table generates")
for f in failures:
    print(f)
print(f"page keys: {len(failures)} failure(s)")
sys.exit(1 if failures else 0)
