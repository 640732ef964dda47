#!/usr/bin/python3
# Generates the A/B settings golden data from PyTorch 1.13 (issue 29): tests/golden/ab_cases.jsonl, one line per
# case: an input, two layers "a" and "b" that differ in one setting (ceil_mode, count_include_pad, padding,
# stride, kernel_size, dilation, or max vs average), and PyTorch's output for each ("a_output", "b_output").
# tests/golden/ab_golden_test.cpp checks that compare_ab() gives both outputs, and marks exactly the cells where
# PyTorch's two outputs differ or that only one of them has.
#
# Regenerate (deterministic: fixed seed, CPU only; needs the PyTorch 1.13 at /usr/bin/python3):
#     /usr/bin/python3 scripts/gen_golden_ab.py            # writes tests/golden/ab_cases.jsonl
#     /usr/bin/python3 scripts/gen_golden_ab.py --check    # regenerates in memory, fails if the file differs
# setup: needs torch (python3-torch, POOLSCOPE_WITH_TORCH=1 in scripts/setup-deps.sh); a generator the
# golden label's ab_golden_up_to_date test runs where torch is.
import argparse
import json
import os
import random
import sys

import numpy as np
import torch
import torch.nn.functional as F

SEED = 20261129
CASES = 240
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "golden", "ab_cases.jsonl")

FIELDS = ["ceil_mode", "count_include_pad", "padding", "stride", "kernel_size", "dilation", "mode"]


def f32(v):
    v = np.float32(v)
    if np.isnan(v):
        return "nan"
    if np.isinf(v):
        return "inf" if v > 0 else "-inf"
    return float(str(v))


def nested(t):
    if t.dim() == 0:
        return f32(t.item())
    return [nested(x) for x in t]


def run(x, layer):
    """PyTorch's output for a layer written as PoolScope's JSON keys, or None when PyTorch rejects it."""
    args = {k: v for k, v in layer.items() if k != "op"}
    try:
        if layer["op"] == "max_pool2d":
            y = F.max_pool2d(x, **args)
        else:
            y = F.avg_pool2d(x, **args)
    except RuntimeError:
        return None
    return nested(y[0, 0])


def random_layer(rng, h, w):
    op = rng.choice(["max_pool2d", "avg_pool2d"])
    k = rng.randint(1, min(4, h, w))
    layer = {"op": op, "kernel_size": k, "stride": rng.randint(1, 3), "padding": rng.randint(0, k // 2),
             "ceil_mode": rng.random() < 0.3}
    if op == "max_pool2d" and rng.random() < 0.3:
        layer["dilation"] = 2
    if op == "avg_pool2d":
        layer["count_include_pad"] = rng.random() < 0.7
    return layer


def change(rng, a, field):
    """`a` with one setting changed, as the A/B view would change it; None when the field does not apply."""
    b = dict(a)
    k = a["kernel_size"]
    if field == "ceil_mode":
        b["ceil_mode"] = not a.get("ceil_mode", False)
    elif field == "count_include_pad":
        if a["op"] != "avg_pool2d":
            return None
        b["count_include_pad"] = not a.get("count_include_pad", True)
    elif field == "padding":
        b["padding"] = rng.choice([p for p in range(0, k // 2 + 1) if p != a["padding"]] or [a["padding"]])
    elif field == "stride":
        b["stride"] = rng.choice([s for s in (1, 2, 3) if s != a["stride"]])
    elif field == "kernel_size":
        b["kernel_size"] = k + 1
        b["padding"] = min(a["padding"], (k + 1) // 2)
    elif field == "dilation":
        if a["op"] != "max_pool2d":
            return None
        b["dilation"] = 1 if a.get("dilation", 1) == 2 else 2
    elif field == "mode":
        b["op"] = "avg_pool2d" if a["op"] == "max_pool2d" else "max_pool2d"
        b.pop("dilation", None)
        b.pop("count_include_pad", None)
    return b if b != a else None


def make_cases():
    rng = random.Random(SEED)
    torch.manual_seed(SEED)
    lines = []
    while len(lines) < CASES:
        h, w = rng.randint(2, 8), rng.randint(2, 8)
        field = FIELDS[len(lines) % len(FIELDS)]
        a = random_layer(rng, h, w)
        b = change(rng, a, field)
        if b is None:
            continue
        # Small integers (ties and repeats included), so max windows often agree and averages often do not.
        values = [[float(rng.randint(-3, 5)) for _ in range(w)] for _ in range(h)]
        x = torch.tensor(values, dtype=torch.float32).reshape(1, 1, h, w)
        ya, yb = run(x, a), run(x, b)
        if ya is None or yb is None:  # both sides must be layers PyTorch accepts
            continue
        lines.append({"id": "ab-%04d" % len(lines), "field": field, "input": values, "a": a, "b": b,
                      "a_output": ya, "b_output": yb})
    return "".join(json.dumps(line, separators=(",", ":")) + "\n" for line in lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    text = make_cases()
    if parser.parse_args().check:
        with open(OUT) as f:
            if f.read() != text:
                sys.exit("tests/golden/ab_cases.jsonl is not what scripts/gen_golden_ab.py makes: regenerate it")
        print("ab_cases.jsonl is up to date")
        return
    with open(OUT, "w") as f:
        f.write(text)
    print("wrote", OUT)


if __name__ == "__main__":
    main()
