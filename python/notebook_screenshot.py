#!/usr/bin/python3
"""Makes the README's "From a notebook" picture from a real Jupyter Notebook page: pip-installs this package
(offline) into a throwaway virtual environment, runs a notebook that calls poolscope.show() with nbclient,
trusts it, serves it with `jupyter notebook` on 127.0.0.1, and takes headless Chromium's screenshot once the
app in the output cell has drawn. Needs the web build (make web) and, beyond the test dependencies, Debian's
jupyter-notebook (POOLSCOPE_WITH_NOTEBOOK=1 scripts/setup-deps.sh) and torch for the torch cell
(POOLSCOPE_WITH_TORCH=1). Usage: python/notebook_screenshot.py BUILD_WEB_DIR OUT.png"""
import json
import os
import pathlib
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "web"))
from cdp import Browser  # noqa: E402

CELLS = [
    ("markdown", "## Max pooling with `ceil_mode`\n"
                 "The last window starts inside the input, so PyTorch keeps it: a 3 × 3 output from 6 × 6."),
    ("code", "import torch\nimport poolscope\n\n"
             "X = torch.arange(36.).reshape(1, 1, 6, 6)\n"
             "pool = torch.nn.MaxPool2d(3, stride=2, ceil_mode=True)\n"
             "pool(X)"),
    ("code", "poolscope.show(pool, X, step=8, height=700)"),
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    build_web, out = pathlib.Path(sys.argv[1]).resolve(), pathlib.Path(sys.argv[2]).resolve()
    import nbformat
    from nbclient import NotebookClient
    with tempfile.TemporaryDirectory(prefix="poolscope-shot-") as tmp:
        work = pathlib.Path(tmp)
        venv = work / "venv"
        subprocess.run(["/usr/bin/python3", "-m", "venv", "--system-site-packages", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "--no-index", "-q", str(HERE)], check=True,
                       env=dict(os.environ, POOLSCOPE_WEB_BUILD=str(build_web)))
        kernel = work / "jupyter" / "kernels" / "python3"
        kernel.mkdir(parents=True)
        (kernel / "kernel.json").write_text(json.dumps({
            "argv": [str(venv / "bin" / "python"), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "Python 3 (ipykernel)", "language": "python"}))
        env = dict(os.environ, JUPYTER_PATH=str(work / "jupyter"), JUPYTER_DATA_DIR=str(work / "data"),
                   JUPYTER_CONFIG_DIR=str(work / "config"), JUPYTER_RUNTIME_DIR=str(work / "runtime"))
        os.environ.update(env)
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
        nb.cells = [nbformat.v4.new_markdown_cell(text) if kind == "markdown" else nbformat.v4.new_code_cell(text)
                    for kind, text in CELLS]
        NotebookClient(nb, kernel_name="python3", timeout=120).execute()
        notebook = work / "pooling.ipynb"
        nbformat.write(nb, str(notebook))
        # Trusted, as a notebook one ran oneself is: Jupyter shows its HTML output (else it sanitizes it away).
        from nbformat.sign import NotebookNotary
        NotebookNotary().sign(nb)
        port = free_port()
        server = subprocess.Popen(["jupyter", "notebook", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
                                   "--NotebookApp.token=", "--NotebookApp.password=", "--allow-root",
                                   f"--notebook-dir={work}"], env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/tree", timeout=1)
                    break
                except OSError:
                    time.sleep(0.3)
            browser = Browser(width=1280, height=1180)
            try:
                browser.page("Page.navigate", url=f"http://127.0.0.1:{port}/notebooks/pooling.ipynb")
                browser.wait_for("(() => { const f = document.querySelector('.output_area iframe');"
                                 " const w = f && f.contentWindow; return Boolean(w && w.poolscope &&"
                                 " w.poolscope.firstFrameMs !== null); })()", timeout=120)
                time.sleep(3)  # the app's animation to the chosen window, the notebook's own layout
                browser.evaluate("(() => { document.querySelector('#notebook').scrollTop = 0; return true; })()")
                browser.screenshot(str(out))
            finally:
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=20)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
