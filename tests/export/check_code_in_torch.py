#!/usr/bin/env python3
"""`poolscope export --code pytorch` run in PyTorch: each op's line builds the layer with torch.nn, and the
layer's output shape on the input equals `poolscope compute`'s. Skipped (exit 77) when /usr/bin/python3
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
for p in problems:
    print(p)
print(f"export.code_in_torch: {len(problems)} problem(s)")
sys.exit(1 if problems else 0)
