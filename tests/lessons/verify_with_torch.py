#!/usr/bin/python3
# Recomputes every step of the shipped lessons with PyTorch itself (independently of PoolScope's core) and
# compares with the lesson's expected values. Run with the Python that has torch 1.13:
#   /usr/bin/python3 tests/lessons/verify_with_torch.py lessons/*.json
# Other conventions are computed from each framework's documented rule with torch doing the arithmetic: the
# padding is made explicit (-inf for max, 0 for average; a dilated average sums windows with unfold), the
# average divides by a pooled mask (the cells
# inside the input, or the whole padded input when padding counts), and the output is cut to the size the
# framework's own formula gives. TensorFlow: "same" (ceil(in/s), the odd cell at the end) or "valid", average
# excludes padding. ONNX: pads [top, left, bottom, right] or auto_pad, stride 1 and count_include_pad 0 by
# default, ceil_mode drops windows starting in the end padding. MXNet: symmetric padding of any size,
# pooling_convention "valid" (floor) or "full" (ceil, every window kept), count_include_pad true by default.
# expected.grad_input is torch.autograd.grad(output, input, grad_output) ("ones": torch.ones_like(output)).
# Network steps (network_with_torch.py): D2L's loop over nn modules built from the step's network.
# setup: needs torch (python3-torch, POOLSCOPE_WITH_TORCH=1 in scripts/setup-deps.sh); ctest runs it only where torch imports.
import json
import math
import sys

import torch
import torch.nn.functional as F

import network_with_torch

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


ALIASES = {"pool_size": "kernel_size", "kernel_shape": "kernel_size", "strides": "stride",
           "dilations": "dilation", "pads": "padding"}


def step_params(step):
    """The step's layer keys in PyTorch's names, plus "mode": a padding word, and pooling_convention."""
    out = {}
    for k, v in step.items():
        k = ALIASES.get(k, k)
        if k in PARAMS:
            out[k] = bool(v) if k in ("ceil_mode", "count_include_pad") else v
    if isinstance(out.get("padding"), str):
        out["mode"] = out.pop("padding").lower()
    if "auto_pad" in step:
        out["mode"] = step["auto_pad"].lower()
    elif "padding" in out:
        out["mode"] = "notset"
    if "pooling_convention" in step:
        out["ceil_mode"] = step["pooling_convention"] == "full"
    return out


def axis_rule(n, k, s, d, begin, end, ceil, mode, convention):
    """(out, pad_begin, pad_end) by the framework's formula."""
    ek = d * (k - 1) + 1
    if mode in ("same", "same_upper", "same_lower"):
        out = -(-n // s)
        total = max((out - 1) * s + ek - n, 0)
        small = total // 2
        return (out, total - small, small) if mode == "same_lower" else (out, small, total - small)
    if mode == "valid":
        return -(-(n - ek + 1) // s), 0, 0
    num = n + begin + end - ek
    out = (-(-num // s) if ceil else num // s) + 1
    if ceil and convention != "mxnet" and (out - 1) * s >= n + begin:
        out -= 1
    return out, begin, end


def window_sums(t, k, s, d):
    """The sum of each dilated window of t (N x C x H x W), windows at multiples of the stride."""
    N, C, H, W = t.shape
    cols = F.unfold(t.reshape(N * C, 1, H, W), k, dilation=d, stride=s)
    oh = (H - d[0] * (k[0] - 1) - 1) // s[0] + 1
    ow = (W - d[1] * (k[1] - 1) - 1) // s[1] + 1
    return cols.sum(1).reshape(N, C, oh, ow)


def run_framework(x, op, p, convention):
    k = pair(p["kernel_size"])
    s = pair(p["stride"]) if p.get("stride") not in (None, []) else ((1, 1) if convention == "onnx" else k)
    # ONNX and TensorFlow (tf.nn.pool) dilate the average too.
    d = pair(p.get("dilation", 1)) if op == "max_pool2d" or convention in ("onnx", "tensorflow") else (1, 1)
    mode = p.get("mode", "valid" if convention == "tensorflow" else "notset")
    pad = p.get("padding", 0)
    t, l, b, r = pad if isinstance(pad, list) and len(pad) == 4 else pair(pad) * 2
    ceil = bool(p.get("ceil_mode", False))
    include = p.get("count_include_pad", convention == "mxnet") and convention != "tensorflow"
    H, W = x.shape[-2:]
    oh, t, b = axis_rule(H, k[0], s[0], d[0], t, b, ceil, mode, convention)
    ow, l, r = axis_rule(W, k[1], s[1], d[1], l, r, ceil, mode, convention)
    if oh < 1 or ow < 1:
        raise RuntimeError("%s: output size %dx%d" % (convention, oh, ow))
    kw = dict(kernel_size=k, stride=s, ceil_mode=True)
    if op == "max_pool2d":
        y = F.max_pool2d(F.pad(x, (l, r, t, b), value=float("-inf")), dilation=d, **kw)
    elif d != (1, 1):
        # avg_pool2d cannot dilate: sum the dilated windows with unfold; s-1 zeros at the end of both the
        # values and the mask make room for ceil_mode's last windows without counting them.
        mask = F.pad(torch.ones_like(x[:1, :1]), (l, r, t, b), value=1.0 if include else 0.0)
        extra = (0, s[1] - 1, 0, s[0] - 1)
        y = window_sums(F.pad(F.pad(x, (l, r, t, b)), extra), k, s, d) / window_sums(F.pad(mask, extra), k, s, d)
    else:
        total = F.avg_pool2d(F.pad(x, (l, r, t, b)), divisor_override=1, **kw)
        mask = torch.ones_like(x[:1, :1])
        mask = F.pad(mask, (l, r, t, b), value=1.0 if include else 0.0)
        y = total / F.avg_pool2d(mask, divisor_override=1, **kw)
    if y.shape[-2] < oh or y.shape[-1] < ow:
        raise SystemExit("torch computed fewer windows than %s's rule; extend this script" % convention)
    return y[..., :oh, :ow]


def run(x, op, p, convention):
    if convention in ("tensorflow", "onnx") or (convention == "mxnet" and p.get("ceil_mode")):
        return run_framework(x, op, p, convention)
    p = {k: v for k, v in p.items() if k != "mode"}
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


def verify_network_step(path, i, step, net):
    """Network steps: D2L's table, sizes, parameters or error, and the quiz answers torch can give."""
    lines, sizes, params, per_layer, error = network_with_torch.run(net)
    want = step.get("expected", {})
    results = []
    if "error" in want:
        e = want["error"]
        ok = error is not None and (not isinstance(e, dict) or (
            e.get("field", error[0]) == error[0] and e.get("contains", "") in error[1]))
        results.append(("error", ok, error))
    elif error:
        results.append(("runs", False, error))
    if "table" in want:
        results.append(("table", lines == want["table"], "%d lines" % len(lines)))
    if "shapes" in want:
        got = [sizes[(k,)] for k in range(len(net["layers"])) if (k,) in sizes]
        results.append(("shapes", got == want["shapes"], got))
    if "parameters" in want:
        results.append(("parameters", params == want["parameters"], params))
    quiz = step.get("quiz", [])
    for q in [quiz] if isinstance(quiz, dict) else quiz:
        layer = q.get("layer", step.get("focus", {}).get("layer"))
        layer = tuple(layer) if isinstance(layer, list) else (layer,)
        if q["kind"] == "layer_shape":
            results.append(("quiz layer_shape", sizes.get(layer) == q["answer"], sizes.get(layer)))
        elif q["kind"] == "parameter_count":
            results.append(("quiz parameter_count", per_layer.get(layer) == q["answer"], per_layer.get(layer)))
        elif q["kind"] == "receptive_field":
            cell = q.get("cell", step.get("focus", {}).get("cell"))
            got = network_with_torch.receptive_span(net, list(layer), cell)
            answer = q["answer"] if isinstance(q["answer"], list) else [q["answer"]] * 2
            results.append(("quiz receptive_field", got == answer, got))
    for what, ok, got in results:
        print(("ok   " if ok else "FAIL ") + "%s /steps/%d: %s %s" % (path, i, what, got))
    return len(results), sum(1 for _, ok, _ in results if not ok)


failures = 0
checked = 0
for path in sys.argv[1:]:
    lesson = json.load(open(path, encoding="utf-8"))
    x = None
    size = None
    op, params, convention = None, {}, "pytorch"
    net = None
    for i, step in enumerate(lesson["steps"]):
        if "network" in step or step.get("kind") == "network":
            net = network_with_torch.resolve(step["network"], net) if "network" in step else net
            n, bad = verify_network_step(path, i, step, net)
            checked += n
            failures += bad
            continue
        if "input" in step:
            x = make_input(step["input"], x)
            size = list(x.shape)
        if "input_size" in step:
            size = shape4(step["input_size"])
        if "op" in step:
            op, params = step["op"], {}
        params.update(step_params(step))
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
        if "grad_input" in want:
            src = src.detach().clone().requires_grad_()
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
        if "grad_input" in want:
            g = step["grad_output"]
            g = torch.ones_like(y) if g == "ones" else to4(torch.tensor(g, dtype=torch.float32)).reshape(y.shape)
            (grad,) = torch.autograd.grad(y, src, g)
            got = grad.flatten().tolist()
            exp = flat(want["grad_input"])
            ok = len(got) == len(exp) and all(close(a, b) for a, b in zip(got, exp))
            print(("ok   " if ok else "FAIL ") + "%s: grad_input %s" % (where, got if len(got) < 17 else "(%d values)" % len(got)))
            failures += not ok
        checked += 1
print("%d expectations checked with torch %s, %d failed" % (checked, torch.__version__, failures))
sys.exit(1 if failures else 0)
