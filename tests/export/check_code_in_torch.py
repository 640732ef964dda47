#!/usr/bin/env python3
"""`poolscope export --code pytorch` run in PyTorch: each op's line builds the layer with torch.nn, and the
layer's output shape on the input equals `poolscope compute`'s; layers of the other frameworks written as
PyTorch compute exactly their output, or say in a comment why they cannot (issue 28). Skipped (exit 77) when /usr/bin/python3
cannot import torch; tests never need it otherwise."""
# setup: needs torch (python3-torch, POOLSCOPE_WITH_TORCH=1 in scripts/setup-deps.sh); ctest runs it only where torch imports.
import json
import subprocess
import sys

try:
    import torch
    from torch import nn  # noqa: F401  (the code lines name nn.*)
except ImportError:
    print("export.code_in_torch: torch is not installed: skipped")
    sys.exit(77)

exe = sys.argv[1]
matrix = [[float(r * 5 + c) for c in range(5)] for r in range(5)]
cases = [
    {"op": "max_pool2d", "kernel_size": 3},
    {"op": "max_pool2d", "kernel_size": 3, "stride": 2, "padding": 1, "ceil_mode": True},
    {"op": "max_pool2d", "kernel_size": [2, 3], "stride": [1, 2], "dilation": 2},
    {"op": "avg_pool2d", "kernel_size": 2, "stride": 1, "padding": 1, "count_include_pad": False},
    {"op": "avg_pool2d", "kernel_size": 3, "ceil_mode": True, "divisor_override": 2},
    {"op": "adaptive_max_pool2d", "output_size": [2, 3]},
    {"op": "adaptive_avg_pool2d", "output_size": 2},
    {"op": "lp_pool2d", "norm_type": 2, "kernel_size": 2},
]
problems = []
for case in cases:
    line = subprocess.run([exe, "export", "--params", json.dumps(case), "--input", json.dumps(matrix), "--code",
                           "pytorch"], capture_output=True, text=True)
    if line.returncode != 0:
        problems.append(f"{case}: exit {line.returncode}: {line.stderr}")
        continue
    code = line.stdout.strip()
    layer = eval(code, {"nn": torch.nn})
    got = list(layer(torch.tensor([matrix])).shape[-2:])
    answer = json.loads(subprocess.run([exe, "compute"], input=json.dumps(dict(case, input=matrix)) + "\n",
                                       capture_output=True, text=True, check=True).stdout)
    want = [len(answer["output"]), len(answer["output"][0])]
    if got != want:
        problems.append(f"{code}: PyTorch gives {got}, PoolScope {want}")
    print(f"{code:70} -> {got}")

# Layers of the other frameworks written as PyTorch (issue 28): a line without a comment must compute the
# original layer's output exactly on this input; a line that cannot must say so in a comment.
translated = [
    ({"convention": "tensorflow", "op": "max_pool2d", "pool_size": 3, "strides": 1, "padding": "same"}, True),
    ({"convention": "tensorflow", "op": "avg_pool2d", "pool_size": 2, "padding": "valid"}, True),
    ({"convention": "onnx", "op": "max_pool2d", "kernel_shape": [3, 3], "pads": [1, 1, 1, 1],
      "strides": [2, 2]}, True),
    ({"convention": "onnx", "op": "avg_pool2d", "kernel_shape": [2, 2], "pads": [1, 1, 1, 1],
      "count_include_pad": 0}, True),
    ({"convention": "mxnet", "op": "avg_pool2d", "kernel_size": 3, "stride": 2, "padding": 1}, True),
    ({"convention": "onnx", "op": "max_pool2d", "kernel_shape": [2, 2], "pads": [0, 0, 1, 1]}, False),
    ({"convention": "tensorflow", "op": "max_pool2d", "pool_size": 2, "strides": 1, "padding": "same"}, False),
]
for case, exact in translated:
    layer = dict(case)
    op = layer.pop("op")
    params = json.dumps(dict(layer, op=op))
    line = subprocess.run([exe, "export", "--params", params, "--input", json.dumps(matrix), "--code", "pytorch"],
                          capture_output=True, text=True)
    code = line.stdout.strip()
    if line.returncode != 0:
        problems.append(f"{case}: exit {line.returncode}: {line.stderr}")
        continue
    if not exact:
        if "# not exactly this layer:" not in code:
            problems.append(f"{case}: PyTorch cannot compute it exactly, but the line says nothing: {code}")
        print(f"{code[:100]:100} (noted)")
        continue
    if "#" in code:
        problems.append(f"{case}: expected an exact line, got {code}")
        continue
    got = eval(code, {"nn": torch.nn})(torch.tensor([matrix]))[0]
    answer = json.loads(subprocess.run([exe, "compute"], input=json.dumps(dict(case, input=matrix)) + "\n",
                                       capture_output=True, text=True, check=True).stdout)
    if not torch.equal(got, torch.tensor(answer["output"], dtype=torch.float32)):  # float32, bit for bit
        problems.append(f"{code}: PyTorch gives {got.tolist()}, {case['convention']} gives {answer['output']}")
    print(f"{code:70} -> equal to {case['convention']}'s output")
for p in problems:
    print(p)
print(f"export.code_in_torch: {len(problems)} problem(s)")
sys.exit(1 if problems else 0)
