#!/usr/bin/env python3
"""`poolscope export --svg` read back with xml.etree: the file parses, and every input cell's value and every
output cell's value (from `poolscope compute`, the core's numbers) is a <text> of the picture, with the
padding ring, the window outline, the argmax ring and the arithmetic line. The Backward view's export
(--view backward --grad-output, issue 29) at its last window: per channel the input, grad_output and grad_input
cells in order, grad_input being `poolscope compute`'s answer for that grad_output. Exit 1 listing what is
missing."""
import json
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

exe = sys.argv[1]
NS = "{http://www.w3.org/2000/svg}"
problems = []


def cell_text(v):
    """The cell's rule (number_text.h cell_value_text) for the integers and short decimals used here, with
    the typographic minus the window draws."""
    return (str(int(v)) if v == int(v) else f"{v:.3g}").replace("-", "−")


def check(params, matrix, frame, expect_argmax):
    with tempfile.TemporaryDirectory() as tmp:
        path = f"{tmp}/f.svg"
        run = subprocess.run([exe, "export", "--params", json.dumps(params), "--input", json.dumps(matrix),
                              "--svg", path, "--frame", str(frame)], capture_output=True, text=True)
        if run.returncode != 0:
            problems.append(f"{params}: exit {run.returncode}: {run.stderr}")
            return
        root = ET.parse(path).getroot()
    case = dict(params, id="x", input=matrix)
    answer = json.loads(subprocess.run([exe, "compute"], input=json.dumps(case) + "\n", capture_output=True,
                                       text=True, check=True).stdout)
    values = [t.text for t in root.iter(NS + "text") if t.get("class") == "v"]
    lines = "".join(t.text or "" for t in root.iter(NS + "text") if t.get("class") == "line")
    for row in matrix:
        for v in row:
            if cell_text(v) not in values:
                problems.append(f"{params}: input value {v} is not in the SVG")
    output = [v for row in answer["output"] for v in row]
    for v in output[:frame]:  # the output fills in up to the window shown
        if cell_text(v) not in values:
            problems.append(f"{params}: output value {v} is not in the SVG")
    if params.get("padding") and "−∞" not in values and "0" not in values:
        problems.append(f"{params}: no padding ring")
    if not any(r.get("stroke-width") and float(r.get("stroke-width")) >= 2.5 for r in root.iter(NS + "rect")):
        problems.append(f"{params}: no window outline")
    if expect_argmax != any(True for _ in root.iter(NS + "circle")):
        problems.append(f"{params}: argmax ring {'missing' if expect_argmax else 'drawn for an average'}")
    if not lines.endswith(cell_text(output[frame - 1])) or "=" not in lines:
        problems.append(f"{params}: the arithmetic line '{lines}' does not end in the result")
    if root.find(NS + "title") is None or "Window" not in root.find(NS + "title").text:
        problems.append(f"{params}: no title")


check({"op": "max_pool2d", "kernel_size": 3, "stride": 2, "padding": 1},
      [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11], [12, 13, 14, 15]], 4, True)
check({"op": "avg_pool2d", "kernel_size": 2, "stride": 1}, [[1, 2, 3], [4, 5, 6], [7, 8, 10]], 3, False)
check({"op": "max_pool2d", "kernel_size": 2, "convention": "onnx", "pads": [0, 0, 1, 1]},
      [[3, 1, 4], [1, 5, 9], [2, 6, 5]], 2, True)
# Negative values: the typographic minus, as the window writes them.
check({"op": "max_pool2d", "kernel_size": 2}, [[-1, -2], [-3, -4]], 1, True)



def check_backward(params, matrix, grad_output):
    """matrix and grad_output as [C][H][W] lists (rank 3)."""
    case = dict(params, id="b", input=matrix, grad_output=grad_output)
    answer = json.loads(subprocess.run([exe, "compute"], input=json.dumps(case) + "\n", capture_output=True,
                                       text=True, check=True).stdout)
    if "grad_input" not in answer:
        problems.append(f"{params}: compute gave no grad_input: {answer}")
        return
    cells_out = len(grad_output[0]) * len(grad_output[0][0])
    with tempfile.TemporaryDirectory() as tmp:
        path = f"{tmp}/b.svg"
        run = subprocess.run([exe, "export", "--params", json.dumps(params), "--input", json.dumps(matrix),
                              "--grad-output", json.dumps(grad_output), "--svg", path,
                              "--frame", str(cells_out)], capture_output=True, text=True)
        if run.returncode != 0:
            problems.append(f"backward {params}: exit {run.returncode}: {run.stderr}")
            return
        root = ET.parse(path).getroot()
    values = [t.text for t in root.iter(NS + "text") if t.get("class") == "v"]
    flat = lambda grid: [cell_text(v) for row in grid for v in row]
    expected = []
    for c in range(len(matrix)):
        expected += flat(matrix[c]) + flat(grad_output[c]) + flat(answer["grad_input"][c])
    if values != expected:
        problems.append(f"backward {params}: the SVG's cells {values} are not input, grad_output and "
                        f"compute's grad_input {expected}")
    labels = [t.text for t in root.iter(NS + "text") if t.get("class") == "line"]
    if "grad_input c0 (so far)" not in labels or "grad_output c0" not in labels:
        problems.append(f"backward {params}: grid labels missing in {labels}")


# Max with overlapping windows (maxima shared: grad_input adds up), padding, ceil_mode; averages with and
# without the padding counted; two channels.
check_backward({"op": "max_pool2d", "kernel_size": 3, "stride": 1, "padding": 1},
               [[[3, 1, 4, 1], [5, 9, 2, 6], [5, 3, 5, 8], [9, 7, 9, 3]]],
               [[[1, -2, 3, 1], [2, 1, -1, 4], [1, 1, 2, 2], [3, -1, 1, 2]]])
check_backward({"op": "max_pool2d", "kernel_size": 2, "stride": 2, "ceil_mode": True},
               [[[1, 2, 3, 4, 5], [6, 7, 8, 9, 10], [11, 12, 13, 14, 15], [16, 17, 18, 19, 20],
                 [21, 22, 23, 24, 25]]],
               [[[1, 2, 3], [4, 5, 6], [7, 8, 9]]])
check_backward({"op": "avg_pool2d", "kernel_size": 3, "stride": 2, "padding": 1},
               [[[0, 1, 2, 3, 4], [5, 6, 7, 8, 9], [1, 2, 3, 4, 5], [6, 7, 8, 9, 0], [2, 4, 6, 8, 1]],
                [[9, 8, 7, 6, 5], [4, 3, 2, 1, 0], [1, 1, 1, 1, 1], [2, 2, 2, 2, 2], [3, 3, 3, 3, 3]]],
               [[[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[2, 2, 2], [-1, -1, -1], [4, 0, 4]]])
check_backward({"op": "avg_pool2d", "kernel_size": 2, "stride": 1, "padding": 1, "count_include_pad": False},
               [[[1, 2, 3], [4, 5, 6], [7, 8, 10]]],
               [[[4, 4, 4, 4], [8, 8, 8, 8], [1, 2, 3, 4], [2, 2, 2, 2]]])

for p in problems:
    print(p)
print(f"export.svg: {len(problems)} problem(s)")
sys.exit(1 if problems else 0)
