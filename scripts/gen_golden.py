#!/usr/bin/python3
# Generates PoolScope's golden data from PyTorch 1.13: tests/golden/cases.jsonl (the cases, in the
# `poolscope compute` input format) and tests/golden/expected.jsonl (PyTorch's answer for each, same order).
#
# Regenerate (deterministic: fixed seed, CPU only; needs the PyTorch 1.13 at /usr/bin/python3):
#     /usr/bin/python3 scripts/gen_golden.py            # writes tests/golden/*.jsonl
#     /usr/bin/python3 scripts/gen_golden.py --check    # regenerates in memory, fails if the files differ
#
# Each expected line is {"id", "output"[, "indices"]} or {"id", "error": true, "torch": "<PyTorch's message>"}.
# The case is handed to PyTorch exactly as a Python user would pass the JSON values (lists stay lists, null is
# None, absent keys are not passed), so whatever PyTorch accepts or rejects is the truth. Rank-2 input is
# PoolScope's extension: it is run as 1x1xHxW and squeezed back. Values that have no Python meaning for a
# tensor (strings other than "nan"/"inf"/"-inf", booleans, null, ragged or empty arrays) are errors.
# setup: needs torch (python3-torch, POOLSCOPE_WITH_TORCH=1 in scripts/setup-deps.sh); a generator no test runs.
import argparse
import json
import math
import os
import random
import sys

import numpy as np
import torch
import torch.nn.functional as F

SEED = 20240613
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "tests", "golden")

OPS = ["max_pool2d", "avg_pool2d", "adaptive_max_pool2d", "adaptive_avg_pool2d"]
# Keyword arguments each functional op takes (its signature in torch.nn.functional, 1.13).
OP_KEYS = {
    "max_pool2d": ["kernel_size", "stride", "padding", "dilation", "ceil_mode", "return_indices"],
    "avg_pool2d": ["kernel_size", "stride", "padding", "ceil_mode", "count_include_pad", "divisor_override"],
    "adaptive_max_pool2d": ["output_size", "return_indices"],
    "adaptive_avg_pool2d": ["output_size"],
}


class Malformed(Exception):
    pass


# ---------------------------------------------------------------- value text (float32, shortest round-trip)
def f32_text(v):
    v = np.float32(v)
    if np.isnan(v):
        return "nan"
    if np.isinf(v):
        return "inf" if v > 0 else "-inf"
    return float(str(v))  # numpy's str() of a float32 is the shortest text that round-trips float32


def to_json_value(v):
    """A float32 as a JSON-ready value: float (shortest) or the strings for non-finite values."""
    t = f32_text(v)
    return t


def encode_nested(arr):
    if isinstance(arr, np.ndarray) and arr.ndim == 0:
        return to_json_value(arr)
    return [encode_nested(a) for a in arr] if isinstance(arr, (list, np.ndarray)) else to_json_value(arr)


def decode_input(value):
    """JSON nested array -> float32 numpy array, raising Malformed for what a tensor cannot be made from."""
    def leaf(x):
        if isinstance(x, bool) or x is None:
            raise Malformed("boolean/null element")
        if isinstance(x, (int, float)):
            return float(x)
        if isinstance(x, str):
            if x in ("nan", "inf", "-inf"):
                return float(x)
            raise Malformed("string element %r" % x)
        raise Malformed("element %r" % (x,))

    def walk(x, depth):
        if depth > 4:
            raise Malformed("nested deeper than rank 4")
        if isinstance(x, list):
            return [walk(e, depth + 1) for e in x]
        return leaf(x)

    if not isinstance(value, list):
        raise Malformed("input is not an array")
    data = walk(value, 0)
    try:
        with np.errstate(over="ignore"):  # 1e39 becomes inf, as torch.tensor(..., dtype=float32) does
            arr = np.array(data, dtype=np.float32)
    except ValueError as e:
        raise Malformed("ragged: %s" % e)
    if arr.dtype == object:
        raise Malformed("ragged")
    if arr.ndim < 2 or arr.ndim > 4:
        raise Malformed("rank %d" % arr.ndim)
    if arr.size == 0:
        raise Malformed("empty")
    return arr


def run_torch(case):
    """PyTorch's answer for one case as a dict (without the id)."""
    op = case.get("op")
    if op not in OPS and op != "lp_pool2d":
        raise Malformed("unknown op")
    if "input" not in case:
        raise Malformed("no input")
    arr = decode_input(case["input"])
    x = torch.from_numpy(arr)
    rank = arr.ndim
    if rank == 2:
        x = x[None, None]
    kwargs = {k: v for k, v in case.items() if k not in ("id", "op", "input")}
    if isinstance(kwargs.get("norm_type"), str) and kwargs["norm_type"] in ("inf", "-inf", "nan"):
        kwargs["norm_type"] = float(kwargs["norm_type"])  # JSON spells the non-finite floats as strings
    fn = getattr(F, op)
    result = fn(x, **kwargs)
    if isinstance(result, tuple):
        values, indices = result
    else:
        values, indices = result, None
    if rank == 2:
        values = values[0, 0]
        indices = indices[0, 0] if indices is not None else None
    answer = {"output": encode_nested(values.numpy())}
    if indices is not None:
        answer["indices"] = indices.numpy().tolist()
    return answer


def answer_for(case):
    try:
        return dict({"id": case["id"]}, **run_torch(case))
    except (Malformed, RuntimeError, TypeError, ValueError, IndexError, ZeroDivisionError) as e:
        message = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        return {"id": case["id"], "error": True, "torch": "%s: %s" % (type(e).__name__, message)}


# ---------------------------------------------------------------- value families
def values(rng, shape, family):
    n = int(np.prod(shape))
    if family == "ints":  # small integers: many ties
        v = [float(rng.randint(-3, 3)) for _ in range(n)]
    elif family == "ties":
        v = [float(rng.choice([0, 1])) for _ in range(n)]
    elif family == "const":
        c = float(rng.randint(-2, 2))
        v = [c] * n
    elif family == "halves":
        v = [rng.randint(-8, 8) / 2.0 for _ in range(n)]
    elif family == "floats":  # random float32 values with full mantissas
        v = [float(np.float32(rng.uniform(-10, 10))) for _ in range(n)]
    elif family == "negatives":
        v = [-float(rng.randint(1, 9)) for _ in range(n)]
    elif family == "nonfinite":
        pool = [float("nan"), float("inf"), float("-inf"), 1.0, -1.0, 0.0, 2.0, -2.0]
        v = [rng.choice(pool) for _ in range(n)]
    elif family == "nan_sparse":
        v = [float(rng.randint(-3, 3)) for _ in range(n)]
        v[rng.randrange(n)] = float("nan")
    elif family == "zeros_signed":
        v = [rng.choice([0.0, -0.0, -1.0]) for _ in range(n)]
    elif family == "tiny":  # subnormals and near-FLT_MIN, both signs
        pool = [1e-45, -1e-45, 1e-40, -3e-42, 1.1754944e-38, -1.1754944e-38, 0.0, -0.0, 2e-44]
        v = [rng.choice(pool) for _ in range(n)]
    elif family == "huge":  # sums can overflow float32 to inf; max must not
        pool = [3e38, 3.4028235e38, -3e38, 1e38, -3.4028235e38, 2e38, 1.5e38]
        v = [rng.choice(pool) for _ in range(n)]
    elif family == "positive_floats":  # lp with a fractional p: x^p is real only for x >= 0
        v = [float(np.float32(rng.uniform(0, 6))) for _ in range(n)]
    elif family == "unit_floats":  # |x| < 1: x^p shrinks toward 0 as p grows
        v = [float(np.float32(rng.uniform(-1, 1))) for _ in range(n)]
    elif family == "mixed_mag":
        pool = [1e20, -1e20, 1.0, 1e-20, -7.5, 3.25, 1e10, -1e-10]
        v = [rng.choice(pool) for _ in range(n)]
    else:
        raise ValueError(family)
    return np.array(v, dtype=np.float32).reshape(shape)


FAMILIES = ["ints", "ints", "ties", "const", "halves", "floats", "negatives", "nonfinite",
            "nan_sparse", "zeros_signed", "tiny", "huge", "mixed_mag"]
# adaptive_avg_pool2d to (1, 1) is mean() in PyTorch, whose summation order is vectorised and depends on the
# CPU (AVX2 / AVX-512); with cancelling huge magnitudes the result is then order noise (1e20 - 1e20 + 1 can
# be 0 or 1, inf - inf NaN or inf), not pooling semantics. Adaptive avg cases use well-conditioned values.
# (Measured on this AVX2 build for n = H*W <= 69: n < 8: p[k] += x[4r+k], leftovers into p[0], then
# ((p0+p1)+p2)+p3; n >= 8: the same over 8-lane vectors, then s = sequential sum of the n%8 tail, then
# s += lane 0..7; mean = s / n in float32.)
WELL_CONDITIONED = [f for f in FAMILIES if f not in ("huge", "mixed_mag")]


def make_input(rng, h, w, rank=None, family=None):
    rank = rank or rng.choice([2, 3, 3, 4, 4])
    if rank == 2:
        shape = (h, w)
    elif rank == 3:
        shape = (rng.randint(1, 3), h, w)
    else:
        shape = (rng.randint(1, 2), rng.randint(1, 3), h, w)
    # keep tensors small: at most ~36 elements
    while int(np.prod(shape)) > 36 and len(shape) > 2 and shape[0] > 1:
        shape = (shape[0] - 1,) + shape[1:]
    return encode_nested(values(rng, shape, family or rng.choice(FAMILIES)))


def size_value(rng, h, w):
    """An int, a 1-list or a pair, as a user would write it."""
    form = rng.choice(["int", "int", "list1", "pair", "pair"])
    if form == "int" or (form != "pair" and h == w):
        return h if form == "int" else [h]
    return [h, w] if form == "pair" else [h]


# ---------------------------------------------------------------- case families
class Builder:
    def __init__(self):
        self.cases = []
        self.counts = {}

    def add(self, tag, case):
        n = self.counts.get(tag, 0)
        self.counts[tag] = n + 1
        c = {"id": "%s-%04d" % (tag, n)}
        c.update(case)
        self.cases.append(c)


def windowed(rng, b, op, count, tag):
    """Random valid-ish windowed configurations (some deliberately just past a limit)."""
    for _ in range(count):
        h, w = rng.randint(1, 6), rng.randint(1, 6)
        # Mostly kernels that fit (so most cases have an output); some that do not.
        kh = rng.randint(1, 4) if rng.random() < 0.15 else rng.randint(1, min(4, h + 1))
        kw = rng.randint(1, 4) if rng.random() < 0.15 else rng.randint(1, min(4, w + 1))
        if rng.random() < 0.4 and kh <= w + 1:
            kw = kh
        case = {"op": op, "input": make_input(rng, h, w)}
        case["kernel_size"] = size_value(rng, kh, kw)
        if isinstance(case["kernel_size"], int) or len(case["kernel_size"]) == 1:
            kw = kh
        sform = rng.choice(["absent", "null", "int", "pair", "list1"])
        sh, sw = rng.randint(1, 3), rng.randint(1, 3)
        if sform == "null":
            case["stride"] = None
        elif sform == "int":
            case["stride"] = sh
        elif sform == "pair":
            case["stride"] = [sh, sw]
        elif sform == "list1":
            case["stride"] = [sh]
        if rng.random() < 0.6:
            ph = rng.randint(0, kh // 2 + (1 if rng.random() < 0.1 else 0))
            pw = rng.randint(0, kw // 2 + (1 if rng.random() < 0.1 else 0))
            case["padding"] = rng.choice([ph, [ph, pw], [ph]])
        if op == "max_pool2d" and rng.random() < 0.4:
            dh, dw = rng.randint(1, 3), rng.randint(1, 3)
            case["dilation"] = rng.choice([dh, [dh, dw], [dh]])
        if rng.random() < 0.5:
            case["ceil_mode"] = rng.random() < 0.7
        if op == "avg_pool2d":
            if rng.random() < 0.5:
                case["count_include_pad"] = rng.random() < 0.5
            r = rng.random()
            if r < 0.15:
                case["divisor_override"] = rng.choice([1, 2, 3, 5, -1, -2, -3])
            elif r < 0.2:
                case["divisor_override"] = None
        if op == "max_pool2d" and rng.random() < 0.5:
            case["return_indices"] = rng.random() < 0.8
        b.add(tag, case)


def adaptive(rng, b, op, count, tag):
    for _ in range(count):
        h, w = rng.randint(1, 7), rng.randint(1, 7)
        fam = rng.choice(WELL_CONDITIONED if op == "adaptive_avg_pool2d" else FAMILIES)
        case = {"op": op, "input": make_input(rng, h, w, family=fam)}
        oh = rng.choice([1, 1, 2, 3, h, h + 1, h + 2, max(1, h - 1), rng.randint(1, 9)])
        ow = rng.choice([1, 2, 3, w, w + 1, w + 3, max(1, w - 1), rng.randint(1, 9)])
        form = rng.choice(["int", "pair", "pair", "pair", "null_h", "null_w", "null_both"])
        if form == "int":
            case["output_size"] = oh
        elif form == "pair":
            case["output_size"] = [oh, ow]
        elif form == "null_h":
            case["output_size"] = [None, ow]
        elif form == "null_w":
            case["output_size"] = [oh, None]
        else:
            case["output_size"] = [None, None]
        if op == "adaptive_max_pool2d" and rng.random() < 0.5:
            case["return_indices"] = rng.random() < 0.8
        b.add(tag, case)


def edges(rng, b):
    """Hand-picked edges of the output-size rule and of the value semantics."""
    # ceil_mode: the last window would start inside the end padding (PyTorch drops it).
    for op in ["max_pool2d", "avg_pool2d"]:
        for (h, k, s, p) in [(5, 2, 2, 1), (4, 2, 2, 1), (6, 3, 3, 1), (3, 2, 2, 1), (5, 3, 2, 1),
                             (7, 2, 3, 1), (2, 2, 2, 1), (1, 2, 2, 1), (4, 4, 3, 2), (5, 4, 4, 2)]:
            for ceil in [False, True]:
                for fam in ["ints", "floats", "nonfinite"]:
                    case = {"op": op, "input": make_input(rng, h, h, family=fam), "kernel_size": k,
                            "stride": s, "padding": p, "ceil_mode": ceil}
                    if op == "max_pool2d":
                        case["return_indices"] = True
                    else:
                        case["count_include_pad"] = rng.random() < 0.5
                    b.add("edge-ceil", case)
    # kernel larger than the input with stride > 1: only ceil_mode + padding can make an output.
    for op in ["max_pool2d", "avg_pool2d"]:
        for (h, k, s, p) in [(2, 3, 2, 1), (3, 4, 2, 2), (1, 3, 2, 1), (2, 4, 3, 2), (3, 5, 4, 2), (2, 5, 2, 2),
                             (1, 2, 3, 1), (3, 6, 5, 3)]:
            for ceil in [False, True]:
                case = {"op": op, "input": make_input(rng, h, h + 1, family="ints"), "kernel_size": k,
                        "stride": s, "padding": p, "ceil_mode": ceil}
                if op == "avg_pool2d":
                    case["count_include_pad"] = rng.random() < 0.5
                b.add("edge-bigkernel", case)
    # dilation with padding and ceil_mode (max only).
    for h in range(1, 8):
        for d in [1, 2, 3]:
            for k in [2, 3]:
                case = {"op": "max_pool2d", "input": make_input(rng, h, rng.randint(1, 7)), "kernel_size": k,
                        "dilation": d, "stride": rng.choice([1, 2]), "padding": rng.randint(0, k // 2),
                        "ceil_mode": rng.random() < 0.5, "return_indices": True}
                b.add("edge-dilation", case)
    # Max semantics: NaN anywhere in a window wins; ties keep the first; -0.0 vs 0.0.
    specials = [
        [[float("nan"), 1.0], [2.0, 3.0]], [[1.0, float("nan")], [float("nan"), 3.0]],
        [[float("-inf"), float("-inf")], [float("-inf"), float("-inf")]], [[-0.0, 0.0], [0.0, -0.0]],
        [[0.0, -0.0], [-0.0, 0.0]], [[5.0, 5.0], [5.0, 5.0]], [[float("inf"), float("nan")], [1.0, 2.0]],
        [[1.0, 2.0, float("nan")], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]],
        [[float("inf"), float("-inf")], [float("-inf"), float("inf")]],
    ]
    # All -inf (the first in-bounds cell is the argmax) and NaN placement, with padding, dilation and ceil.
    for m in [[[float("-inf")] * 4] * 4, [[float("nan")] * 3] * 3, [[-1.0, float("-inf")], [float("nan"), -2.0]]]:
        enc = encode_nested(np.array(m, dtype=np.float32))
        for k, pad, dil, ceil in [(3, 1, 1, False), (2, 1, 1, True), (2, 1, 2, True), (3, 1, 2, False)]:
            b.add("edge-maxfill", {"op": "max_pool2d", "input": enc, "kernel_size": k, "stride": rng.choice([1, 2]),
                                   "padding": pad, "dilation": dil, "ceil_mode": ceil, "return_indices": True})
            b.add("edge-maxfill", {"op": "avg_pool2d", "input": enc, "kernel_size": k, "stride": 1, "padding": pad,
                                   "ceil_mode": ceil, "count_include_pad": rng.random() < 0.5})
    for m in specials:
        enc = encode_nested(np.array(m, dtype=np.float32))
        for op in OPS:
            for k in [1, 2]:
                case = {"op": op, "input": enc}
                if op.startswith("adaptive"):
                    case["output_size"] = k
                else:
                    case["kernel_size"] = k
                    case["stride"] = 1
                if "max" in op:
                    case["return_indices"] = True
                b.add("edge-values", case)
    # Adaptive to (1, 1) (PyTorch uses mean()), to 0 and to sizes around the input.
    for op in ["adaptive_max_pool2d", "adaptive_avg_pool2d"]:
        for fam in (WELL_CONDITIONED if op == "adaptive_avg_pool2d" else FAMILIES):
            h, w = rng.randint(1, 6), rng.randint(1, 6)
            b.add("edge-adaptive1", {"op": op, "input": make_input(rng, h, w, family=fam),
                                     "output_size": rng.choice([1, [1, 1], [1]])})
        for out in [0, [0, 0], [0, 2], [2, 0], [0, None], [None, 0]]:
            case = {"op": op, "input": make_input(rng, 3, 4, family="ints"), "output_size": out}
            if op == "adaptive_max_pool2d":
                case["return_indices"] = rng.random() < 0.5
            b.add("edge-adaptive0", case)
    # JSON numbers that are not float32 text: overflow to inf, underflow to 0, integers past 2^24 and 2^64.
    raw = [[1e39, -1e39, 1e-50, 16777217], [-1e-50, 100000.0, 0.1, 123456789012345678901234567890]]
    for op, extra in [("max_pool2d", {"kernel_size": 1, "return_indices": True}), ("max_pool2d", {"kernel_size": 2}),
                      ("avg_pool2d", {"kernel_size": 1}), ("avg_pool2d", {"kernel_size": [1, 2]}),
                      ("adaptive_avg_pool2d", {"output_size": [2, 1]})]:
        b.add("edge-json-numbers", dict({"op": op, "input": raw}, **extra))
    # Strides far larger than the input (one window), huge divisors, empty stride list (= kernel_size).
    for op in ["max_pool2d", "avg_pool2d"]:
        for stride in [5, 100, [1, 1000], 10 ** 6, 10 ** 9]:
            for ceil in [False, True]:
                case = {"op": op, "input": make_input(rng, 3, 4, family="floats"), "kernel_size": 2,
                        "stride": stride, "padding": 1, "ceil_mode": ceil}
                b.add("edge-bigstride", case)
        b.add("edge-emptystride", {"op": op, "input": make_input(rng, 4, 5), "kernel_size": 2, "stride": []})
    for dv in [10 ** 6, -(10 ** 6), 2 ** 30 - 1]:
        b.add("edge-divisor", {"op": "avg_pool2d", "input": make_input(rng, 3, 3, family="floats"),
                               "kernel_size": 2, "stride": 1, "divisor_override": dv})
    # Avg: divisor_override with every padding/count_include_pad combination, negatives included.
    for dv in [-3, -2, -1, 1, 2, 3, 4, 7, 9]:
        for cip in [True, False]:
            for pad in [0, 1]:
                b.add("edge-divisor", {"op": "avg_pool2d", "input": make_input(rng, 4, 5), "kernel_size": [2, 3],
                                       "stride": rng.choice([1, 2, None]), "padding": pad, "ceil_mode": True,
                                       "count_include_pad": cip, "divisor_override": dv})


def rejections(rng, b):
    """Every class of configuration PyTorch rejects, and malformed values."""
    def inp(fam="ints", h=4, w=4):
        return make_input(rng, h, w, family=fam)

    for op in ["max_pool2d", "avg_pool2d"]:
        for k in [0, -1, [0, 2], [2, 0], [-2, 2], [2, -3]]:
            b.add("reject-kernel", {"op": op, "input": inp(), "kernel_size": k})
        for s in [0, -1, [0, 1], [1, 0], [-1, 2], [2, -2], [0]]:
            b.add("reject-stride", {"op": op, "input": inp(), "kernel_size": 2, "stride": s})
        for p in [-1, [-1, 0], [0, -1], [2, 0], [0, 2], 2, [1, 3]]:
            b.add("reject-padding", {"op": op, "input": inp(), "kernel_size": rng.choice([2, 3]), "padding": p})
        for k, p in [(1, 1), (3, 2), ([4, 2], [2, 2]), ([5, 1], [2, 1]), (4, 2), (5, 2)]:
            b.add("reject-padding-half", {"op": op, "input": inp(h=6, w=6), "kernel_size": k, "padding": p})
        # output too small
        for h, w, k, s, p, ceil in [(1, 4, 2, 1, 0, False), (2, 2, 3, 1, 0, False), (3, 3, 5, 2, 1, True),
                                    (2, 5, 4, 2, 1, False), (1, 1, 2, 2, 0, True), (4, 1, 2, 1, 0, True)]:
            b.add("reject-small", {"op": op, "input": inp(h=h, w=w), "kernel_size": k, "stride": s,
                                   "padding": p, "ceil_mode": ceil})
        # malformed sizes
        for k in ["2", 2.5, [2, 2, 2], [], [2.0, 2], None, {"h": 2}, [[2], 2], True]:
            b.add("reject-malformed-kernel", {"op": op, "input": inp(), "kernel_size": k})
        for s in ["1", 1.5, [1, 1, 1], [1, None], True]:
            b.add("reject-malformed-stride", {"op": op, "input": inp(), "kernel_size": 2, "stride": s})
        for p in ["0", 0.5, [0, 0, 0], [0, 0, 0, 0], [], None]:
            b.add("reject-malformed-padding", {"op": op, "input": inp(), "kernel_size": 2, "padding": p})
        for c in [1, 0, "true", None]:
            b.add("reject-malformed-ceil", {"op": op, "input": inp(), "kernel_size": 2, "ceil_mode": c})
        b.add("reject-missing-kernel", {"op": op, "input": inp()})
    for d in [0, -1, [0, 1], [1, 0], [-2, 1], "1", 1.5, [1, 1, 1], None, []]:
        b.add("reject-dilation", {"op": "max_pool2d", "input": inp(), "kernel_size": 2, "dilation": d})
    b.add("reject-dilation-small", {"op": "max_pool2d", "input": inp(h=4, w=4), "kernel_size": 2, "dilation": 4})
    b.add("reject-dilation-small", {"op": "max_pool2d", "input": inp(h=3, w=5), "kernel_size": [2, 3],
                                    "dilation": [3, 2]})
    for dv in [0, "2", 1.5, [2]]:
        b.add("reject-divisor", {"op": "avg_pool2d", "input": inp(), "kernel_size": 2, "divisor_override": dv})
    for cip in [1, 0, "false", None]:
        b.add("reject-malformed-cip", {"op": "avg_pool2d", "input": inp(), "kernel_size": 2,
                                       "count_include_pad": cip})
    for op in ["adaptive_max_pool2d", "adaptive_avg_pool2d"]:
        for o in [-1, [-1, 2], [2, -1], [-3, -3], [None, -1]]:
            b.add("reject-adaptive-negative", {"op": op, "input": inp(), "output_size": o})
        for o in ["2", 2.5, [2, 2, 2], [], [2], [None], None, [1.0, 2], True]:
            b.add("reject-adaptive-malformed", {"op": op, "input": inp(), "output_size": o})
        b.add("reject-adaptive-missing", {"op": op, "input": inp()})
    # return_indices is only tested for truth by PyTorch's Python wrapper.
    for op in ["max_pool2d", "adaptive_max_pool2d"]:
        for ri in [None, 0, 1, 2, False]:
            case = {"op": op, "input": inp(), "return_indices": ri}
            case["kernel_size" if op == "max_pool2d" else "output_size"] = 2
            b.add("edge-return-indices", case)
    # Keys an op does not have, with non-default values.
    b.add("reject-foreign-key", {"op": "avg_pool2d", "input": inp(), "kernel_size": 2, "dilation": 2})
    b.add("reject-foreign-key", {"op": "avg_pool2d", "input": inp(), "kernel_size": 2, "return_indices": True})
    b.add("reject-foreign-key", {"op": "max_pool2d", "input": inp(), "kernel_size": 2, "count_include_pad": False})
    b.add("reject-foreign-key", {"op": "max_pool2d", "input": inp(), "kernel_size": 2, "divisor_override": 2})
    b.add("reject-foreign-key", {"op": "max_pool2d", "input": inp(), "kernel_size": 2, "output_size": 2})
    b.add("reject-foreign-key", {"op": "adaptive_avg_pool2d", "input": inp(), "output_size": 2, "kernel_size": 2})
    b.add("reject-foreign-key", {"op": "adaptive_max_pool2d", "input": inp(), "output_size": 2, "stride": 2})
    b.add("reject-foreign-key", {"op": "adaptive_avg_pool2d", "input": inp(), "output_size": 2,
                                 "return_indices": True})
    b.add("reject-unknown-key", {"op": "max_pool2d", "input": inp(), "kernel_size": 2, "kernel": 2})
    b.add("reject-unknown-key", {"op": "avg_pool2d", "input": inp(), "kernel_size": 2, "Padding": 1})
    # Malformed inputs and ops.
    bad_inputs = [[], [[]], [[], []], [[[]]], [1.0, 2.0], 3.0, "x", [[1, 2], [3]], [[1, 2], 3],
                  [[1, "a"], [2, 3]], [[1, None], [2, 3]], [[1, True], [2, 3]], [[[[[1.0]]]]],
                  [[1, "NaN?"], [2, 3]], [[[1, 2]], [[3]]], None, {"a": 1}]
    for x in bad_inputs:
        b.add("reject-input", {"op": rng.choice(OPS[:2]), "input": x, "kernel_size": 1})
    b.add("reject-op", {"op": "maxpool", "input": inp(), "kernel_size": 2})
    b.add("reject-op", {"op": "lp_pool2d", "input": inp(), "kernel_size": 2})
    b.add("reject-op", {"op": None, "input": inp(), "kernel_size": 2})
    b.add("reject-op", {"input": inp(), "kernel_size": 2})
    b.add("reject-op", {"op": "max_pool2d", "kernel_size": 2})
    # Issue 12 (appended last, so the cases above keep their random inputs): return_indices takes any JSON
    # value with Python's truthiness, and a keyword the op lacks is a TypeError even at its default value.
    for op in ["max_pool2d", "adaptive_max_pool2d"]:
        for ri in [[33, 21], [], "", "x", "false", {}, {"a": 1}, 1.5, 0.0, -1]:
            case = {"op": op, "input": inp(), "return_indices": ri}
            case["kernel_size" if op == "max_pool2d" else "output_size"] = 2
            b.add("edge-return-indices-truthy", case)
    defaults = {"kernel_size": None, "stride": None, "padding": 0, "dilation": 1, "ceil_mode": False,
                "count_include_pad": True, "divisor_override": None, "return_indices": False,
                "output_size": None}
    for op in OPS:
        for key, default in defaults.items():
            if key in OP_KEYS[op]:
                continue
            case = {"op": op, "input": inp(), key: default}
            case["output_size" if op.startswith("adaptive") else "kernel_size"] = 2
            b.add("reject-foreign-key-default", case)


# ---------------------------------------------------------------- lp_pool2d (F.lp_pool2d: norm_type, kernel_size,
# stride, ceil_mode; avg_pool2d of x^p with padding 0, times kh*kw, to the power 1/p)
LP_NORMS = [1, 1.0, 2, 2.0, 3, 3.0, 0.5, 1.5, 2.5, 4, 5, 6.0, 7.3, 10, 16, 32.0, 1 / 3, 0.25, -1, -2, -0.5,
            -1.5, "inf", "-inf", True]
LP_FAMILIES = ["ints", "ints", "halves", "floats", "positive_floats", "positive_floats", "unit_floats",
               "negatives", "nonfinite", "zeros_signed", "tiny", "huge", "const", "ties"]


def lp_cases(rng, b):
    for _ in range(700):
        h, w = rng.randint(1, 7), rng.randint(1, 7)
        kh = rng.randint(1, 4) if rng.random() < 0.1 else rng.randint(1, min(4, h))
        kw = rng.randint(1, 4) if rng.random() < 0.1 else rng.randint(1, min(4, w))
        if rng.random() < 0.3:
            kw = kh if kh <= w else kw
        case = {"op": "lp_pool2d", "input": make_input(rng, h, w, family=rng.choice(LP_FAMILIES)),
                "norm_type": rng.choice(LP_NORMS)}
        case["kernel_size"] = size_value(rng, kh, kw)
        sform = rng.choice(["absent", "null", "int", "pair", "pair", "list1"])
        sh, sw = rng.randint(1, 3), rng.randint(1, 3)
        if sform == "null":
            case["stride"] = None
        elif sform == "int":
            case["stride"] = sh
        elif sform == "pair":
            case["stride"] = [sh, sw]
        elif sform == "list1":
            case["stride"] = [sh]
        if rng.random() < 0.5:
            case["ceil_mode"] = rng.random() < 0.7
        b.add("lp", case)
    # ceil_mode windows that hang over the end: PyTorch divides by the clipped area, then multiplies by kh*kw.
    for (h, k, s) in [(5, 2, 2), (4, 3, 2), (7, 3, 3), (3, 2, 2), (5, 4, 3), (2, 2, 3), (6, 4, 4)]:
        for p in [1, 2, 3, 0.5, 4.5, "inf"]:
            for ceil in [False, True]:
                b.add("lp-ceil", {"op": "lp_pool2d", "input": make_input(rng, h, h + 1, family="positive_floats"),
                                  "norm_type": p, "kernel_size": k, "stride": s, "ceil_mode": ceil})
    # p from sum-like to max-like on one input, and negative inputs (NaN for fractional p, signed sums for odd p).
    x = make_input(rng, 4, 4, rank=3, family="positive_floats")
    neg = make_input(rng, 4, 4, rank=4, family="ints")
    for p in [1, 1.25, 2, 3, 4, 8, 12, 20, 30, 50, 100, 0.1, -3, -4]:
        b.add("lp-sweep", {"op": "lp_pool2d", "input": x, "norm_type": p, "kernel_size": 2})
        b.add("lp-sweep", {"op": "lp_pool2d", "input": neg, "norm_type": p, "kernel_size": [2, 3], "stride": [1, 2]})
    # Rejections: norm_type 0 (ZeroDivisionError), malformed or missing norm_type, the avg_pool2d errors, and the
    # keywords lp_pool2d does not have.
    def inp():
        return make_input(rng, 4, 4, rank=rng.choice([3, 4]), family="ints")
    for p in [0, 0.0, False, -0.0]:
        b.add("reject-lp-norm", {"op": "lp_pool2d", "input": inp(), "norm_type": p, "kernel_size": 2})
    for p in ["2", None, [2], {"p": 2}, "Infinity"]:
        b.add("reject-lp-norm", {"op": "lp_pool2d", "input": inp(), "norm_type": p, "kernel_size": 2})
    b.add("reject-lp-norm", {"op": "lp_pool2d", "input": inp(), "kernel_size": 2})
    for k in [0, -1, [0, 2], [2, -1], 5, [1, 5], "2", 2.5, [2, 2, 2], None]:
        b.add("reject-lp-kernel", {"op": "lp_pool2d", "input": inp(), "norm_type": 2, "kernel_size": k})
    for s_ in [0, -1, [1, 0], [2, -2], 1.5]:
        b.add("reject-lp-stride", {"op": "lp_pool2d", "input": inp(), "norm_type": 2, "kernel_size": 2, "stride": s_})
    for c in [1, "true", None]:
        b.add("reject-lp-ceil", {"op": "lp_pool2d", "input": inp(), "norm_type": 2, "kernel_size": 2, "ceil_mode": c})
    b.add("reject-lp-missing-kernel", {"op": "lp_pool2d", "input": inp(), "norm_type": 2})
    for key, v in [("padding", 0), ("padding", 1), ("dilation", 1), ("dilation", 2), ("count_include_pad", True),
                   ("divisor_override", 2), ("return_indices", False), ("output_size", 2)]:
        b.add("reject-lp-foreign-key", {"op": "lp_pool2d", "input": inp(), "norm_type": 2, "kernel_size": 2, key: v})
    b.add("reject-lp-foreign-key", {"op": "avg_pool2d", "input": inp(), "kernel_size": 2, "norm_type": 2})
    b.add("reject-lp-foreign-key", {"op": "max_pool2d", "input": inp(), "kernel_size": 2, "norm_type": 2})


def build():
    rng = random.Random(SEED)
    b = Builder()
    windowed(rng, b, "max_pool2d", 1300, "max")
    windowed(rng, b, "avg_pool2d", 1300, "avg")
    adaptive(rng, b, "adaptive_max_pool2d", 500, "amax")
    adaptive(rng, b, "adaptive_avg_pool2d", 500, "aavg")
    edges(rng, b)
    rejections(rng, b)
    lp_cases(rng, b)
    return b.cases


def dumps(obj):
    return json.dumps(obj, separators=(",", ":"), allow_nan=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if the committed files differ")
    args = parser.parse_args()
    torch.manual_seed(0)
    torch.set_num_threads(1)
    cases = build()
    expected = [answer_for(c) for c in cases]
    texts = {"cases.jsonl": "".join(dumps(c) + "\n" for c in cases),
             "expected.jsonl": "".join(dumps(e) + "\n" for e in expected)}
    if args.check:
        for name, text in texts.items():
            with open(os.path.join(OUT_DIR, name), encoding="utf-8") as f:
                if f.read() != text:
                    print("%s differs from a fresh generation" % name, file=sys.stderr)
                    return 1
        print("golden data is up to date (%d cases)" % len(cases))
        return 0
    os.makedirs(OUT_DIR, exist_ok=True)
    for name, text in texts.items():
        with open(os.path.join(OUT_DIR, name), "w", encoding="utf-8") as f:
            f.write(text)
    errors = sum(1 for e in expected if "error" in e)
    size = sum(len(t.encode()) for t in texts.values())
    print("wrote %d cases (%d errors), %d bytes, torch %s" % (len(cases), errors, size, torch.__version__))
    return 0


if __name__ == "__main__":
    sys.exit(main())
