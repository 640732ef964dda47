#!/usr/bin/python3
# Generates PoolScope's golden data for the backward pass and MaxUnpool2d from PyTorch 1.13:
# tests/golden/backward_cases.jsonl (cases in the `poolscope compute` input format: pooling cases with a
# "grad_output", and "op": "max_unpool2d" cases) and tests/golden/backward_expected.jsonl (PyTorch's answer for
# each, same order).
#
# Regenerate (deterministic: fixed seed, CPU only, one thread; needs the PyTorch 1.13 at /usr/bin/python3):
#     /usr/bin/python3 scripts/gen_golden_backward.py            # writes tests/golden/backward_*.jsonl
#     /usr/bin/python3 scripts/gen_golden_backward.py --check    # fails if the committed files differ
#
# Expected lines: {"id", "output"[, "indices"], "grad_input"} for a pooling case (grad_input from
# torch.autograd.grad(output, input, grad_output)), {"id", "output"} for an unpooling case, or
# {"id", "error": true, "torch": "<PyTorch's message>"}. Rank-2 tensors are PoolScope's extension, run as
# 1x1xHxW and squeezed back, as in gen_golden.py. Cases where PyTorch 1.13 itself would write a gradient past the
# end of grad_input (a max window holding no input cell whose saved index points beyond the tensor: heap
# corruption, no stable answer) are not generated; tests/core/backward_test.cpp covers them.
# setup: needs torch (python3-torch, POOLSCOPE_WITH_TORCH=1 in scripts/setup-deps.sh); a generator no test runs.
import argparse
import os
import random
import sys

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_golden as g  # noqa: E402  (shares the value families, encoders and case builders)

SEED = 20261126
OUT_DIR = g.OUT_DIR


def decode_grad(value):
    """grad_output JSON -> float32 numpy array; unlike an input it may have zero extents."""
    def walk(x, depth):
        if depth > 4:
            raise g.Malformed("nested deeper than rank 4")
        if isinstance(x, list):
            return [walk(e, depth + 1) for e in x]
        if isinstance(x, bool) or x is None:
            raise g.Malformed("boolean/null element")
        if isinstance(x, (int, float)):
            return float(x)
        if isinstance(x, str) and x in ("nan", "inf", "-inf"):
            return float(x)
        raise g.Malformed("element %r" % (x,))

    if not isinstance(value, list):
        raise g.Malformed("grad_output is not an array")
    try:
        with np.errstate(over="ignore"):
            arr = np.array(walk(value, 0), dtype=np.float32)
    except ValueError as e:
        raise g.Malformed("ragged: %s" % e)
    return arr


def run_pool_backward(case):
    op = case["op"]
    arr = g.decode_input(case["input"])
    x = torch.from_numpy(arr).requires_grad_()
    rank = arr.ndim
    x4 = x[None, None] if rank == 2 else x
    kwargs = {k: v for k, v in case.items() if k not in ("id", "op", "input", "grad_output")}
    result = getattr(F, op)(x4, **kwargs)
    values, indices = result if isinstance(result, tuple) else (result, None)
    if rank == 2:
        values = values[0, 0]
        indices = indices[0, 0] if indices is not None else None
    grad = torch.from_numpy(decode_grad(case["grad_output"]))
    (grad_input,) = torch.autograd.grad(values, x, grad, allow_unused=True)
    if grad_input is None:
        grad_input = torch.zeros_like(x)
    answer = {"output": g.encode_nested(values.detach().numpy())}
    if indices is not None:
        answer["indices"] = indices.numpy().tolist()
    answer["grad_input"] = g.encode_nested(grad_input.numpy())
    return answer


def decode_indices(value):
    def walk(x, depth):
        if depth > 4:
            raise g.Malformed("nested deeper than rank 4")
        if isinstance(x, list):
            return [walk(e, depth + 1) for e in x]
        if isinstance(x, bool) or not isinstance(x, int):
            raise g.Malformed("index %r is not an integer" % (x,))
        return x

    arr = np.array(walk(value, 0), dtype=np.int64)
    return arr


def run_unpool(case):
    if "input" not in case or "indices" not in case:
        raise g.Malformed("input and indices are required")
    arr = g.decode_input(case["input"])
    idx = decode_indices(case["indices"])
    x = torch.from_numpy(arr)
    i = torch.from_numpy(idx)
    rank = arr.ndim
    if rank == 2:
        x = x[None, None]
        i = i[None, None] if i.dim() == 2 else i
    kwargs = {k: v for k, v in case.items() if k not in ("id", "op", "input", "indices")}
    out = F.max_unpool2d(x, i, **kwargs)
    if rank == 2:
        out = out[0, 0]
    return {"output": g.encode_nested(out.numpy())}


def answer_for(case):
    try:
        body = run_unpool(case) if case["op"] == "max_unpool2d" else run_pool_backward(case)
        return dict({"id": case["id"]}, **body)
    except (g.Malformed, RuntimeError, TypeError, ValueError, IndexError) as e:
        message = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        return {"id": case["id"], "error": True, "torch": "%s: %s" % (type(e).__name__, message)}


# ---------------------------------------------------------------- grad_output
GRAD_FAMILIES = ["ones", "ones", "ints", "floats", "floats", "halves", "special", "signed_zero"]


def grad_values(rng, shape, family):
    n = int(np.prod(shape)) if len(shape) else 1
    if family == "ones":
        v = [1.0] * n
    elif family == "ints":
        v = [float(rng.randint(-3, 3)) for _ in range(n)]
    elif family == "floats":
        v = [float(np.float32(rng.uniform(-5, 5))) for _ in range(n)]
    elif family == "halves":
        v = [rng.randint(-8, 8) / 2.0 for _ in range(n)]
    elif family == "special":
        pool = [float("nan"), float("inf"), float("-inf"), 1.0, -2.0, 0.5, 3e38, 1e-40]
        v = [rng.choice(pool) for _ in range(n)]
    else:
        v = [rng.choice([0.0, -0.0, 1.0, -1.0]) for _ in range(n)]
    return np.array(v, dtype=np.float32).reshape(shape)


def forward_shape(case):
    """The output's shape as PyTorch gives it (squeezed for rank 2), or None when PyTorch rejects the case."""
    try:
        arr = g.decode_input(case["input"])
        x = torch.from_numpy(arr)
        x4 = x[None, None] if arr.ndim == 2 else x
        kwargs = {k: v for k, v in case.items() if k not in ("id", "op", "input")}
        kwargs["return_indices"] = True if "max" in case["op"] else kwargs.get("return_indices", False)
        if "return_indices" in kwargs and "max" not in case["op"]:
            del kwargs["return_indices"]
        result = getattr(F, case["op"])(x4, **kwargs)
        values, indices = result if isinstance(result, tuple) else (result, None)
        if indices is not None:
            # A saved index past the end of the whole tensor: PyTorch's backward corrupts memory. Skip.
            plane = arr.shape[-1] * arr.shape[-2]
            planes = indices.reshape(-1, indices.shape[-1] * indices.shape[-2]) if indices.numel() else None
            if planes is not None:
                base = torch.arange(planes.shape[0])[:, None] * plane
                if bool(((base + planes) >= arr.size).any()):
                    return "corrupt"
        return list(values.shape[2:] if arr.ndim == 2 else values.shape)
    except Exception:
        return None


def with_grad(rng, case, wrong_rate=0.06):
    shape = forward_shape(case)
    if shape == "corrupt":
        return None
    if shape is None:
        case["grad_output"] = [[1.0]]
        return case
    if rng.random() < wrong_rate:
        wrong = list(shape)
        kind = rng.choice(["extra_col", "extra_row", "drop_rank", "add_rank", "transpose"])
        if kind == "extra_col":
            wrong[-1] += 1
        elif kind == "extra_row":
            wrong[-2] += 1
        elif kind == "drop_rank" and len(wrong) > 2:
            wrong = wrong[1:] if wrong[0] == 1 else wrong[:1] + wrong[2:]
        elif kind == "add_rank":
            wrong = [1] + wrong
        else:
            wrong[-1], wrong[-2] = wrong[-2], wrong[-1] + (1 if wrong[-1] == wrong[-2] else 0)
        if wrong == list(shape):
            wrong[-1] += 1
        shape = wrong
    case["grad_output"] = g.encode_nested(grad_values(rng, tuple(shape), rng.choice(GRAD_FAMILIES)))
    if not isinstance(case["grad_output"], list) or (len(shape) and 0 in shape):
        # Zero extents lose their inner sizes in nested lists, as in PyTorch's tolist().
        case["grad_output"] = np.zeros(shape, dtype=np.float32).tolist()
    return case


class Builder(g.Builder):
    def __init__(self, rng):
        super().__init__()
        self.rng = rng

    def add(self, tag, case):
        if case.get("op") != "max_unpool2d":
            case = with_grad(self.rng, case)
            if case is None:
                return
        super().add(tag, case)


def backward_edges(rng, b):
    inp = g.make_input
    # Overlapping windows (stride < kernel): shared winners add up; ties and NaN pick the same argmax as forward.
    for op in ["max_pool2d", "avg_pool2d"]:
        for fam in ["ties", "const", "ints", "nonfinite", "nan_sparse", "floats", "zeros_signed"]:
            for (k, s) in [(2, 1), (3, 1), (3, 2), ([2, 3], [1, 2])]:
                case = {"op": op, "input": inp(rng, 5, 5, family=fam), "kernel_size": k, "stride": s}
                if rng.random() < 0.5:
                    case["padding"] = 1
                if op == "avg_pool2d":
                    case["count_include_pad"] = rng.random() < 0.5
                    if rng.random() < 0.3:
                        case["divisor_override"] = rng.choice([1, 3, -2, 7])
                else:
                    case["return_indices"] = rng.random() < 0.5
                b.add("bw-overlap", case)
    # ceil_mode windows hanging past the end, with and without padding counted.
    for op in ["max_pool2d", "avg_pool2d"]:
        for (h, k, s, p) in [(5, 2, 2, 1), (4, 3, 2, 1), (6, 3, 3, 1), (5, 3, 2, 0), (7, 2, 3, 1), (2, 2, 2, 1)]:
            for cip in [True, False]:
                case = {"op": op, "input": inp(rng, h, h + 1, family="floats"), "kernel_size": k, "stride": s,
                        "padding": p, "ceil_mode": True}
                if op == "avg_pool2d":
                    case["count_include_pad"] = cip
                elif not cip:
                    continue
                b.add("bw-ceil", case)
    # Dilation with padding: windows whose taps step over the input, including windows with no input cell whose
    # saved index lands on another cell or in a later channel's plane (PyTorch adds the gradient there).
    for h in range(1, 6):
        for w in range(1, 6):
            for d in [2, 3]:
                case = {"op": "max_pool2d", "input": g.make_input(rng, h, w, rank=rng.choice([3, 4])),
                        "kernel_size": rng.choice([2, 3, [2, 3]]), "dilation": [d, rng.choice([1, d])],
                        "padding": 1, "stride": rng.choice([1, 2]), "ceil_mode": rng.random() < 0.5}
                b.add("bw-dilation", case)
    # Adaptive windows of uneven size, overlapping (output > input / 2), and the 1x1 mean.
    for op in ["adaptive_max_pool2d", "adaptive_avg_pool2d"]:
        fams = g.WELL_CONDITIONED if op == "adaptive_avg_pool2d" else g.FAMILIES
        for (h, w, o) in [(5, 7, [3, 4]), (7, 5, [4, 3]), (4, 4, [3, 3]), (3, 5, [5, 7]), (6, 6, 1), (5, 3, [1, 2]),
                          (1, 7, [1, 3]), (7, 1, [4, 1]), (3, 3, [0, 2]), (4, 6, [2, None])]:
            case = {"op": op, "input": g.make_input(rng, h, w, family=rng.choice(fams)), "output_size": o}
            b.add("bw-adaptive", case)
    # avg_pool2d: every divisor rule with padding.
    for dv in [None, -3, 1, 2, 5]:
        for cip in [True, False]:
            case = {"op": "avg_pool2d", "input": inp(rng, 4, 5, family="floats"), "kernel_size": [3, 2],
                    "stride": [2, 1], "padding": [1, 1], "ceil_mode": True, "count_include_pad": cip}
            if dv is not None:
                case["divisor_override"] = dv
            b.add("bw-divisor", case)


def grad_rejections(rng, b):
    """grad_output shapes that PyTorch's autograd refuses, and malformed grad_output values."""
    base = {"op": "max_pool2d", "input": g.make_input(rng, 4, 4, rank=4), "kernel_size": 2}
    for bad in [[[1.0, 2.0]], [], 3.0, "x", [[1, "a"], [2, 3]], [[1, None], [2, 3]], [[[[[1.0]]]]],
                [[1.0, 2.0], [3.0]]]:
        case = dict(base)
        case["grad_output"] = bad
        g.Builder.add(b, "bw-reject-grad", case)  # keep the bad value (Builder.add would replace it)
    for op in g.OPS:
        case = {"op": op, "input": g.make_input(rng, 3, 4, rank=3)}
        case["output_size" if op.startswith("adaptive") else "kernel_size"] = 2
        case["grad_output"] = [[[1.0, 2.0], [3.0, 4.0]], [[1.0, 2.0], [3.0, 4.0]], [[1.0, 2.0], [3.0, 4.0]]]
        g.Builder.add(b, "bw-reject-grad", case)


# ---------------------------------------------------------------- MaxUnpool2d
def unpool_cases(rng, b):
    # Pool with indices, then unpool with the same layer (output_size: default, the input size, or absent).
    for _ in range(260):
        rank = rng.choice([2, 3, 4, 4])
        h, w = rng.randint(1, 7), rng.randint(1, 7)
        x = g.make_input(rng, h, w, rank=rank)
        k = rng.choice([1, 2, 2, 3, [2, 3], [3, 2]])
        kh, kw = (k, k) if isinstance(k, int) else k
        s = rng.choice([None, None, 1, 2, [2, 1], 3])
        sh, sw = (kh, kw) if s is None else ((s, s) if isinstance(s, int) else s)
        p = rng.choice([0, 0, 0, 1, [0, 1], [1, 0]])
        ph, pw = (p, p) if isinstance(p, int) else p
        if ph > kh // 2 or pw > kw // 2:
            p, ph, pw = 0, 0, 0
        t = torch.tensor(np.array(g.decode_input(x)))
        t4 = t[None, None] if rank == 2 else t
        try:
            vals, idx = F.max_pool2d(t4, k, stride=s, padding=p, ceil_mode=rng.random() < 0.3,
                                     return_indices=True)
        except RuntimeError:
            continue
        if rank == 2:
            vals, idx = vals[0, 0], idx[0, 0]
        case = {"op": "max_unpool2d", "input": g.encode_nested(vals.numpy()), "indices": idx.numpy().tolist(),
                "kernel_size": k}
        if s is not None:
            case["stride"] = s
        if p != 0 or rng.random() < 0.2:
            case["padding"] = p
        form = rng.random()
        if form < 0.35:
            case["output_size"] = [h, w]
        elif form < 0.45:
            case["output_size"] = list(t4.shape[:2]) + [h, w]
        elif form < 0.5:
            case["output_size"] = None
        b.add("unpool-roundtrip", case)
    # Free indices: duplicates (the later wins), every position, out of range, negative.
    for _ in range(120):
        rank = rng.choice([2, 3, 4])
        h, w = rng.randint(1, 4), rng.randint(1, 4)
        x = g.make_input(rng, h, w, rank=rank, family=rng.choice(["floats", "ints", "nonfinite"]))
        arr = g.decode_input(x)
        k = rng.choice([1, 2, 3, [1, 2], [2, 1]])
        kh, kw = (k, k) if isinstance(k, int) else k
        oh, ow = (h - 1) * kh + kh, (w - 1) * kw + kw
        mode = rng.random()
        hi = oh * ow - 1
        if mode < 0.6:
            idx = np.array([rng.randint(0, hi) for _ in range(arr.size)]).reshape(arr.shape)
        elif mode < 0.8:
            idx = np.array([rng.randint(0, min(hi, 2)) for _ in range(arr.size)]).reshape(arr.shape)
        else:
            idx = np.array([rng.choice([0, hi, hi + 1, -1, rng.randint(-3, hi + 3)]) for _ in range(arr.size)])
            idx = idx.reshape(arr.shape)
        b.add("unpool-indices", {"op": "max_unpool2d", "input": x, "indices": idx.tolist(), "kernel_size": k})
    # The size formula and its checks: output_size strictly within one stride, 2 or 4 entries; zero and
    # negative sizes; kernel, stride and padding that PyTorch does not validate on their own.
    x = g.encode_nested(g.values(rng, (1, 1, 2, 2), "floats"))
    zeros = [[[[0, 1], [2, 3]]]]
    for extra in [{"output_size": [3, 3]}, {"output_size": [5, 5]}, {"output_size": [2, 2]}, {"output_size": [6, 6]},
                  {"output_size": [4, 5]}, {"output_size": [5]}, {"output_size": [1, 1, 4, 4]},
                  {"output_size": [4, 4, 4]}, {"output_size": [9, 9, 3, 5]}, {"output_size": 4},
                  {"output_size": [4.0, 4]}, {"output_size": [None, 4]}, {"stride": 1}, {"stride": [1, 2]},
                  {"stride": 0}, {"stride": -1}, {"stride": [2, 2, 7]}, {"stride": [2]}, {"padding": 1},
                  {"padding": [0, 1]}, {"padding": [1, 0]}, {"padding": 2}, {"padding": [3, 0]}, {"padding": [0]},
                  {"stride": 0, "output_size": [2, 2]}, {"stride": 3, "output_size": [3, 6]},
                  {"kernel_size": 0}, {"kernel_size": [2]}, {"kernel_size": [2, 2, 2]}, {"kernel_size": -1},
                  {"kernel_size": 2.5}, {"kernel_size": [1, 3], "padding": [0, 1]}]:
        case = {"op": "max_unpool2d", "input": x, "indices": zeros, "kernel_size": 2}
        case.update(extra)
        b.add("unpool-sizes", case)
    for bad in [[[[[0, 1]]]], [[0, 1], [2, 3]], [[[[0, 1], [2, 3]]], [[[0, 1], [2, 3]]]], [[[[0, 1.0], [2, 3]]]],
                [[[[0, 1], [2, "3"]]]], [[[[0, 1], [2]]]], [[[[0, 1], [2, None]]]], 3]:
        b.add("unpool-reject-indices", {"op": "max_unpool2d", "input": x, "indices": bad, "kernel_size": 2})
    b.add("unpool-reject", {"op": "max_unpool2d", "input": x, "kernel_size": 2})
    b.add("unpool-reject", {"op": "max_unpool2d", "input": x, "indices": zeros})
    b.add("unpool-reject", {"op": "max_unpool2d", "input": [[]], "indices": [[]], "kernel_size": 2})


def build():
    rng = random.Random(SEED)
    b = Builder(rng)
    g.windowed(rng, b, "max_pool2d", 260, "bw-max")
    g.windowed(rng, b, "avg_pool2d", 260, "bw-avg")
    g.adaptive(rng, b, "adaptive_max_pool2d", 120, "bw-amax")
    g.adaptive(rng, b, "adaptive_avg_pool2d", 120, "bw-aavg")
    backward_edges(rng, b)
    grad_rejections(rng, b)
    unpool_cases(rng, b)
    return b.cases


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if the committed files differ")
    args = parser.parse_args()
    torch.manual_seed(0)
    torch.set_num_threads(1)
    cases = build()
    expected = [answer_for(c) for c in cases]
    texts = {"backward_cases.jsonl": "".join(g.dumps(c) + "\n" for c in cases),
             "backward_expected.jsonl": "".join(g.dumps(e) + "\n" for e in expected)}
    if args.check:
        for name, text in texts.items():
            with open(os.path.join(OUT_DIR, name), encoding="utf-8") as f:
                if f.read() != text:
                    print("%s differs from a fresh generation" % name, file=sys.stderr)
                    return 1
        print("backward golden data is up to date (%d cases)" % len(cases))
        return 0
    for name, text in texts.items():
        with open(os.path.join(OUT_DIR, name), "w", encoding="utf-8") as f:
            f.write(text)
    errors = sum(1 for e in expected if "error" in e)
    size = sum(len(t.encode()) for t in texts.values())
    print("wrote %d cases (%d errors), %d bytes, torch %s" % (len(cases), errors, size, torch.__version__))
    return 0


if __name__ == "__main__":
    sys.exit(main())
