#!/usr/bin/python3
# Recomputes every step of the shipped lessons with PyTorch itself (independently of PoolScope's core) and
# compares with the lesson's expected values. Run with the Python that has torch 1.13:
#   /usr/bin/python3 tests/lessons/verify_with_torch.py lessons/*.json
# MXNet-convention steps are computed as the book's MXNet layer: explicit -inf (max) padding, then no padding.
import json
import math
import sys

import torch
import torch.nn.functional as F

PARAMS = ["kernel_size", "stride", "padding", "dilation", "ceil_mode", "count_include_pad", "divisor_override",
          "norm_type"]


def to4(t):
    while t.dim() < 4:
        t = t.unsqueeze(0)
    return t


def shape4(dims):
    dims = [dims, dims] if isinstance(dims, int) else list(dims)
    return [1] * (4 - len(dims)) + dims


def make_input(spec, previous):
    if isinstance(spec, list):
        conv = lambda v: float(v) if not isinstance(v, list) else [conv(x) for x in v]
        return to4(torch.tensor(conv(spec), dtype=torch.float32))
    (name, s), = spec.items()
    if name == "values":
        return make_input(s, previous)
    if name == "arange":
        n = math.prod(shape4(s["shape"]))
        return (s.get("start", 0) + s.get("step", 1) * torch.arange(n, dtype=torch.float32)).reshape(shape4(s["shape"]))
    if name == "constant":
        return torch.full(shape4(s["shape"]), float(s.get("value", 0)))
    if name == "vertical_edge":
        x = torch.ones(shape4(s["shape"]))
        b, e = s.get("zero_columns", [2, 6])
        x[..., b:e] = 0
        return x
    if name == "cat_offset":
        x = make_input(s["of"], previous) if "of" in s else previous
        return torch.cat((x, x + s.get("offset", 1)), 1)
    raise SystemExit("generator %s is not covered by this script" % name)


def pair(v):
    return (v, v) if isinstance(v, int) else tuple(v) * (2 if len(v) == 1 else 1)


def run(x, op, p, convention):
    kw = {k: v for k, v in p.items() if v is not None}
    if "padding" in kw and isinstance(kw["padding"], list) and len(kw["padding"]) == 4:
        t, l, b, r = kw.pop("padding")
        x = F.pad(x, (l, r, t, b), value=float("-inf") if op == "max_pool2d" else 0.0)
    if convention == "mxnet":
        ph, pw = pair(kw.pop("padding", 0))
        x = F.pad(x, (pw, pw, ph, ph), value=float("-inf") if op == "max_pool2d" else 0.0)
    if op == "lp_pool2d":
        p_ = kw.pop("norm_type")
        p_ = float(p_) if isinstance(p_, str) else p_
        return F.lp_pool2d(x, p_, kw["kernel_size"], kw.get("stride"), kw.get("ceil_mode", False))
    if op == "max_pool2d":
        kw.pop("count_include_pad", None)
        kw.pop("divisor_override", None)
        return F.max_pool2d(x, **kw)
    kw.pop("dilation", None)
    return F.avg_pool2d(x, **kw)


def close(a, b):
    if math.isinf(b) or math.isinf(a):
        return a == b
    return abs(a - b) <= 1e-4 * max(1.0, abs(b))


def flat(v):
    return [y for x in v for y in flat(x)] if isinstance(v, list) else [float(v)]


failures = 0
checked = 0
for path in sys.argv[1:]:
    lesson = json.load(open(path, encoding="utf-8"))
    x = None
    size = None
    op, params, convention = None, {}, "pytorch"
    for i, step in enumerate(lesson["steps"]):
        if "input" in step:
            x = make_input(step["input"], x)
            size = list(x.shape)
        if "input_size" in step:
            size = shape4(step["input_size"])
        if "op" in step:
            op, params = step["op"], {}
        params.update({k: step[k] for k in PARAMS if k in step})
        convention = step.get("convention", convention)
        want = step.get("expected", {})
        quiz = step.get("quiz", [])
        quiz = [quiz] if isinstance(quiz, dict) else quiz
        # Quiz answers PyTorch can give: an output value, the argmax (max_pool2d's indices), the output shape.
        for j, q in enumerate(quiz):
            if q["kind"] not in ("value", "argmax", "output_shape"):
                continue
            src = x if step.get("kind", "pool") == "pool" else torch.zeros(size)
            where = "%s /steps/%d/quiz/%d" % (path, i, j)
            cell = q.get("cell", step.get("focus", {}).get("cell", [0, 0]))
            cell = [0] * (4 - len(cell)) + list(cell)
            if q["kind"] == "output_shape":
                got = list(run(src, op, params, convention).shape)[2:]
                ok = got == q["answer"]
            elif q["kind"] == "value":
                got = run(src, op, params, convention)[tuple(cell)].item()
                a = q["answer"]
                ok = close(got, float(a) if not isinstance(a, str) or "/" not in a else
                           float(a.split("/")[0]) / float(a.split("/")[1])) or (math.isnan(got) and a == "nan")
            else:
                kw = dict(params, return_indices=True)
                _, idx = run(src, op, kw, convention)
                flat_index = idx[tuple(cell)].item()
                got = [flat_index // src.shape[3], flat_index % src.shape[3]]
                ok = got == q["answer"]
            print(("ok   " if ok else "FAIL ") + "%s: %s %s" % (where, q["kind"], got))
            failures += not ok
            checked += 1
        if not want:
            continue
        src = x if step.get("kind", "pool") == "pool" else torch.zeros(size)
        where = "%s /steps/%d" % (path, i)
        try:
            y = run(src, op, params, convention)
        except RuntimeError as e:
            ok = "error" in want
            print(("ok   " if ok else "FAIL ") + where + ": torch raises: " + str(e).splitlines()[0])
            failures += not ok
            checked += 1
            continue
        if "error" in want:
            print("FAIL %s: expected an error, torch gives %s" % (where, list(y.shape)))
            failures += 1
            continue
        if "shape" in want:
            got = list(y.shape)[4 - len(want["shape"]):]
            ok = got == want["shape"] and all(d == 1 for d in list(y.shape)[: 4 - len(want["shape"])])
            print(("ok   " if ok else "FAIL ") + "%s: shape %s" % (where, got))
            failures += not ok
        if "output" in want:
            got = y.flatten().tolist()
            exp = flat(want["output"])
            ok = len(got) == len(exp) and all(close(a, b) for a, b in zip(got, exp))
            print(("ok   " if ok else "FAIL ") + "%s: output %s" % (where, got if len(got) < 13 else "(%d values)" % len(got)))
            failures += not ok
        checked += 1
print("%d expectations checked with torch %s, %d failed" % (checked, torch.__version__, failures))
sys.exit(1 if failures else 0)
