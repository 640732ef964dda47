#!/usr/bin/python3
"""PoolScope in a Jupyter notebook (issue 31), end to end: `pip install --no-index ./python` into a fresh
virtual environment (no network: the package carries the web build), a notebook calling poolscope.show()
executed by nbclient in a real IPython kernel of that environment, its output cells' HTML opened in headless
Chromium (as Jupyter and VS Code show output: an iframe in the page, also inside a sandboxed frame as
Colab-like services and VS Code's webviews use), and the app's state (poolscope_state_json()) equal to the
layer and tensor the cell gave. With torch: nn.MaxPool2d and a torch tensor, and the app's output equal to
PyTorch's; always: a dict and nested lists, and a NumPy batch (the first sample, with the note). Screenshot:
OUT_DIR/notebook-output.png.
Usage: notebook_test.py PYTHON_DIR BUILD_WEB_DIR OUT_DIR"""
import functools
import html as html_module
import http.server
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from cdp import Browser  # noqa: E402
from web_checks import QuietHandler, check, failures  # noqa: E402



def have(module):
    return subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True).returncode == 0


HAS_TORCH = have("torch")
HAS_NUMPY = have("numpy")

# Each cell and what the app must show for it: params (as the app's state reports them), input, view.
CELLS = []
if HAS_TORCH:
    CELLS.append(("import torch\nimport poolscope\n"
                  "X = torch.arange(25.).reshape(1, 1, 5, 5) / 4\n"
                  "poolscope.show(torch.nn.MaxPool2d(3, stride=2, ceil_mode=True), X)",
                  {"op": "max_pool2d", "kernel_size": 3, "stride": 2, "ceil_mode": True},
                  [[v / 4 for v in range(r * 5, r * 5 + 5)] for r in range(5)], "forward"))
CELLS.append(("import poolscope\n"
              "poolscope.show({'op': 'avg_pool2d', 'kernel_size': 2, 'padding': 1, 'count_include_pad': False},\n"
              "               [[1, 2, 3], [4, 5, 6], [7, 8, 9]], view='backward', lang='zh')",
              {"op": "avg_pool2d", "kernel_size": 2, "padding": 1, "count_include_pad": False},
              [[1, 2, 3], [4, 5, 6], [7, 8, 9]], "backward"))
if HAS_NUMPY:
    CELLS.append(("import numpy as np\nimport poolscope\n"
                  "batch = np.arange(2 * 2 * 4 * 4, dtype=np.float32).reshape(2, 2, 4, 4)\n"
                  "poolscope.show({'pool_size': 2, 'strides': 1, 'padding': 'same'}, batch, convention='tensorflow')",
                  {"op": "max_pool2d", "kernel_size": 2, "stride": 1},
                  [[[float(c * 16 + r * 4 + w) for w in range(4)] for r in range(4)] for c in range(2)], "forward"))


def install(python_dir, build_web, work):
    """A fresh virtual environment (seeing Debian's ipykernel, torch, NumPy) with the package pip-installed
    offline, and a kernel spec that starts that environment's Python."""
    venv = work / "venv"
    subprocess.run(["/usr/bin/python3", "-m", "venv", "--system-site-packages", str(venv)], check=True)
    env = dict(os.environ, POOLSCOPE_WEB_BUILD=str(build_web), PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
    pip = subprocess.run([str(venv / "bin" / "pip"), "install", "--no-index", str(python_dir)], env=env,
                         capture_output=True, text=True, timeout=300)
    check(pip.returncode == 0, f"pip install --no-index ./python works offline ({pip.stderr.strip()[-200:]})")
    where = subprocess.run([str(venv / "bin" / "python"), "-c", "import poolscope, os;"
                            "print(poolscope.__file__); print(os.path.getsize(poolscope._PAGE))"],
                           capture_output=True, text=True)
    lines = where.stdout.split()
    check(len(lines) == 2 and lines[0].startswith(str(venv)),
          f"the kernel's environment imports the installed package ({where.stdout.strip()} {where.stderr[-200:]})")
    if len(lines) == 2:
        print(f"the package's page: {int(lines[1]) / 1e6:.2f} MB")
    kernels = work / "jupyter" / "kernels" / "poolscope-test"
    kernels.mkdir(parents=True)
    (kernels / "kernel.json").write_text(json.dumps({
        "argv": [str(venv / "bin" / "python"), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "PoolScope test", "language": "python"}))
    return work / "jupyter"


def run_notebook(jupyter_path, work):
    """Executes the cells with nbclient in a real kernel; returns each cell's text/html output (or None)."""
    import nbformat
    from nbclient import NotebookClient
    os.environ["JUPYTER_PATH"] = str(jupyter_path)
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source, *_ in CELLS]
    client = NotebookClient(nb, kernel_name="poolscope-test", timeout=120, resources={"metadata": {"path": str(work)}})
    client.execute()
    nbformat.write(nb, str(work / "executed.ipynb"))
    outputs = []
    for cell in nb.cells:
        html = [o["data"]["text/html"] for o in cell.outputs if o.get("output_type") == "display_data"
                and "text/html" in o.get("data", {})]
        errors = [o for o in cell.outputs if o.get("output_type") == "error"]
        check(not errors, f"the cell runs without an error ({errors[:1]})")
        outputs.append(html[0] if html else None)
    return outputs


# Notebook-like pages around a cell's output: as Jupyter puts it in its page, and inside a sandboxed frame
# (allow-scripts only, an opaque origin: what Colab-like services and VS Code's webviews give outputs).
OUTPUT_PAGE = """<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>notebook</title></head>
<body style="margin:0;font:14px sans-serif"><div style="padding:8px;background:#f7f7f7">In [1]:</div>
<div class="output" style="width:1100px;padding:8px">{output}</div></body></html>"""


def serve(root):
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def frame_state(browser, expression_prefix):
    return json.loads(browser.evaluate(f"{expression_prefix}Module.ccall('poolscope_state_json', 'string', [], [])"))


def check_cell(browser, base, name, expected, out):
    _, params, data, view = expected
    browser.events.clear()
    browser.page("Page.navigate", url=f"{base}/{name}")
    inner = "document.querySelector('iframe').contentWindow."
    browser.wait_for("(() => { const f = document.querySelector('iframe'); const w = f && f.contentWindow;"
                     " return Boolean(w && w.poolscope && w.poolscope.firstFrameMs !== null); })()", timeout=90)
    state = frame_state(browser, inner)
    check(state["params"] == params, f"{name}: the app's layer is the cell's ({state['params']} vs {params})")
    check(state["input"] == data, f"{name}: the app's input is the cell's X ({json.dumps(state['input'])[:60]})")
    check(state["gradient"]["pass"] == view, f"{name}: the view is {view} ({state['gradient']['pass']})")
    check(not state["status"] or "Link" not in state["status"], f"{name}: no link notes ({state['status']!r})")
    errors = browser.errors() + browser.evaluate(f"{inner}poolscope.errors")
    check(not errors, f"{name}: no console errors ({errors[:2]})")
    size = browser.evaluate("(() => { const r = document.querySelector('iframe').getBoundingClientRect();"
                            " return [Math.round(r.width), Math.round(r.height)]; })()")
    check(size[0] >= 1090 and size[1] == 622, f"{name}: the output is sized to the cell ({size})")
    return state


def check_sandboxed(browser, base, name, expected):
    """The output inside <iframe sandbox="allow-scripts">: the app still starts and shows the cell's layer.
    The test reaches the frames through the DevTools protocol (Chromium may run a sandboxed frame in a process
    of its own: an "iframe" target to attach to); the page itself cannot reach into an opaque origin."""
    browser.events.clear()
    browser.page("Page.navigate", url=f"{base}/{name}")
    attached, state = {}, None
    probe = ("window.poolscope && window.poolscope.firstFrameMs !== null && window.poolscope.errors.length === 0"
             " && Module.ccall('poolscope_state_json', 'string', [], [])")
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and state is None:
        time.sleep(0.5)
        for target in browser.call("Target.getTargets")["targetInfos"]:
            if target["type"] == "iframe" and target["targetId"] not in attached:
                session = browser.call("Target.attachToTarget", targetId=target["targetId"], flatten=True)
                attached[target["targetId"]] = session["sessionId"]
                browser.call("Runtime.enable", session=session["sessionId"])
        for e in list(browser.events):
            if e["method"] != "Runtime.executionContextCreated":
                continue
            session = e.get("sessionId") or browser.session
            try:
                result = browser.call("Runtime.evaluate", session=session, expression=probe, returnByValue=True,
                                      contextId=e["params"]["context"]["id"])
            except RuntimeError:
                continue
            value = result.get("result", {}).get("value")
            if isinstance(value, str):
                state = json.loads(value)
                break
    check(state is not None, f"{name}: the app starts inside a sandboxed frame (allow-scripts, opaque origin)")
    if state is not None:
        check(state["params"] == expected[1] and state["input"] == expected[2],
              f"{name}: and shows the cell's layer and X there ({state['params']})")


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    python_dir, build_web, out = (pathlib.Path(a).resolve() for a in sys.argv[1:])
    if not (build_web / "poolscope-notebook.html").is_file():
        sys.exit(f"notebook test: {build_web}/poolscope-notebook.html is missing: build the web preset (make web)")
    out.mkdir(parents=True, exist_ok=True)
    print(f"torch: {'yes' if HAS_TORCH else 'no (its cell is left out)'}; numpy: {'yes' if HAS_NUMPY else 'no'}")
    with tempfile.TemporaryDirectory(prefix="poolscope-notebook-") as tmp:
        work = pathlib.Path(tmp)
        jupyter_path = install(python_dir, build_web, work)
        outputs = run_notebook(jupyter_path, work)
        site = work / "site"
        site.mkdir()
        for i, html in enumerate(outputs):
            check(html is not None and "<iframe" in html, f"cell {i + 1} shows an iframe ({(html or '')[:60]!r})")
            (site / f"cell{i}.html").write_text(OUTPUT_PAGE.format(output=html or ""), encoding="utf-8")
            escaped = (html or "").replace("&", "&amp;").replace('"', "&quot;")
            (site / f"sandboxed{i}.html").write_text(OUTPUT_PAGE.format(
                output=f'<iframe sandbox="allow-scripts" style="width:100%;height:660px;border:0" '
                       f'srcdoc="{escaped}"></iframe>'), encoding="utf-8")
        pages = [html_module.unescape(o or "") for o in outputs]
        remote = [m.group(0) for p in pages for m in re.finditer(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//[^"' >]*""", p)]
        check(not remote, f"the output loads nothing from the network (no remote src or href: {remote[:3]})")
        server = serve(site)
        base = f"http://127.0.0.1:{server.server_address[1]}"
        browser = Browser(width=1200, height=800)
        try:
            for i, expected in enumerate(CELLS):
                state = check_cell(browser, base, f"cell{i}.html", expected, out)
                if i == 0:
                    browser.screenshot(str(out / "notebook-output.png"))
                if expected[0].startswith("import torch"):
                    reference = subprocess.run(
                        [sys.executable, "-c", "import torch, json; X = torch.arange(25.).reshape(1, 1, 5, 5) / 4;"
                         "print(json.dumps(torch.nn.MaxPool2d(3, stride=2, ceil_mode=True)(X)[0, 0].tolist()))"],
                        capture_output=True, text=True).stdout
                    check(state["output"] == json.loads(reference),
                          f"the app's output is PyTorch's ({state['output']} vs {reference.strip()})")
                if "batch" in expected[0]:
                    check(state["convention"] == "tensorflow" and state["convention_options"]["padding"] == "same",
                          f"the Keras layer keeps its framework ({state['convention']})")
            check_sandboxed(browser, base, "sandboxed0.html", CELLS[0])
        finally:
            browser.close()
            server.shutdown()
        notes = [o for o in outputs if o and "batch of 2" in o]
        check(not HAS_NUMPY or len(notes) == 1, "the batch's cell says it shows the first sample")
    print(f"notebook test: {len(failures)} failure(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
