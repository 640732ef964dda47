#!/usr/bin/python3
# Generates PoolScope's golden data for networks from PyTorch 1.13: tests/golden/network_cases.jsonl (random
# D2L-like stacks of Conv2d / pooling / activations / Flatten / Linear / Dropout / Sequential blocks, half of
# them broken on purpose, plus the networks in lessons/networks/) and tests/golden/network_expected.jsonl
# (what PyTorch does with each: every layer's output size and parameter count, or the layer that raises, the
# exception and its message; and the receptive fields of a few output cells).
#
# Regenerate (deterministic: fixed seed, CPU only; needs the PyTorch 1.13 at /usr/bin/python3):
#     /usr/bin/python3 scripts/gen_golden_network.py            # writes tests/golden/network_*.jsonl
#     /usr/bin/python3 scripts/gen_golden_network.py --check    # regenerates in memory, fails if they differ
#
# Shapes: the network is built with PyTorch's own classes from the JSON (arguments passed as a Python user
# would pass them) and run on torch.randn(input) the way D2L does (`for layer in net: X = layer(X)`); forward
# hooks record every layer's output, nested ones included. An exception while building (nn.Linear(-1, 3)) is
# reported with `when_built`; an exception while running names the innermost layer that was running.
#
# Receptive fields: the nonzero pattern of the gradient of one output cell with respect to the input (and to
# every map in between), computed with autograd in float64 on positive inputs, positive weights and biases,
# in eval mode (Dropout passes everything). Max pooling's gradient reaches only the window's maximum, so for
# the gradient a MaxPool2d is replaced by a layer that reads the same windows and sums them: AvgPool2d with
# the same kernel, stride, padding and ceil_mode (count_include_pad=True) when there is no dilation, else a
# depthwise convolution of ones with the same dilation and padding, its end padded as far as ceil_mode's
# last window reaches and its output cut to MaxPool2d's own output size; AdaptiveMaxPool2d becomes
# AdaptiveAvgPool2d. A convolution without bias whose window reads only padding makes an exact 0, where the
# gradients of LPPool2d (x^(p-1)) and ReLU vanish: LPPool2d becomes the AvgPool2d it is built on, and ReLU (one
# cell in, one cell out) the identity. The script checks that the real MaxPool2d's gradient (the argmax) always
# lies inside the set. Every pattern is checked to be a box (one index set per dimension) and written as runs per
# dimension.
# setup: needs torch (python3-torch, POOLSCOPE_WITH_TORCH=1 in scripts/setup-deps.sh); a generator no test runs
# unless torch is installed (ctest network_golden_up_to_date).
import argparse
import glob
import json
import os
import random
import sys
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F

warnings.filterwarnings("ignore")  # lazy modules warn that they are new
SEED = 20261207
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "tests", "golden")
NETWORK_DIR = os.path.join(ROOT, "lessons", "networks")
RANDOM_CASES = 700

CLASSES = {name: getattr(nn, name) for name in [
    "Conv2d", "LazyConv2d", "Linear", "LazyLinear", "MaxPool2d", "AvgPool2d", "LPPool2d", "AdaptiveAvgPool2d",
    "AdaptiveMaxPool2d", "ReLU", "Sigmoid", "Dropout", "Flatten"]}


# ------------------------------------------------------------------------------------------- building
class Built(Exception):
    def __init__(self, index, error):
        super().__init__(str(error))
        self.index, self.error = index, error


def build(layers, prefix=()):
    """nn.Modules from the JSON layers, depth-first, with their index paths; Built on a constructor error."""
    modules = []
    for i, spec in enumerate(layers):
        index = prefix + (i,)
        args = {k: v for k, v in spec.items() if k != "type"}
        if spec["type"] == "Sequential":
            children = build(args["layers"], index)
            module = nn.Sequential(*[m for m, _ in children])
            module.poolscope_children = children
        else:
            weight, bias = args.pop("weight", None), None
            if isinstance(args.get("bias"), list):
                bias, args["bias"] = args["bias"], True
            try:
                module = CLASSES[spec["type"]](**args)
            except Exception as e:  # noqa: BLE001 -- PyTorch's own exception is the answer
                raise Built(index, e)
            with torch.no_grad():
                if weight is not None:
                    module.weight.copy_(torch.tensor(weight).reshape(module.weight.shape))
                if bias is not None:
                    module.bias.copy_(torch.tensor(bias))
        module.poolscope_index = index
        modules.append((module, index))
    return modules


def leaves(modules):
    for module, index in modules:
        if isinstance(module, nn.Sequential):
            yield from leaves(module.poolscope_children)
        else:
            yield module, index


def all_modules(modules):
    for module, index in modules:
        yield module, index
        if isinstance(module, nn.Sequential):
            yield from all_modules(module.poolscope_children)


def message(error):
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def run_shapes(net):
    """{"layers": [{"index", "output", "params"}...], "parameters", "error"?} as PyTorch runs the network."""
    answer = {"layers": [], "parameters": 0}
    try:
        modules = build(net["layers"])
    except Built as b:
        answer["error"] = {"index": list(b.index), "when_built": True, "kind": type(b.error).__name__,
                           "message": message(b.error)}
        return answer, None
    running, done = [], {}

    def pre(module, _inputs):
        running.append(module.poolscope_index)

    def post(module, _inputs, output):
        running.pop()
        done[module.poolscope_index] = list(output.shape)

    for module, _ in all_modules(modules):
        module.register_forward_pre_hook(pre)
        module.register_forward_hook(post)
    torch.manual_seed(0)
    x = torch.randn(*net["input"])
    try:
        for module, _ in modules:
            x = module(x)
    except Exception as e:  # noqa: BLE001
        answer["error"] = {"index": list(running[-1]), "when_built": False, "kind": type(e).__name__,
                           "message": message(e)}
    for module, index in all_modules(modules):
        if index in done:
            params = sum(p.numel() for p in module.parameters())
            answer["layers"].append({"index": list(index), "output": done[index], "params": params})
    answer["parameters"] = sum(row["params"] for row in answer["layers"] if not _is_block(modules, row["index"]))
    return answer, (modules if "error" not in answer else None)


def _is_block(modules, index):
    for module, i in all_modules(modules):
        if list(i) == list(index):
            return isinstance(module, nn.Sequential)
    return False


# ------------------------------------------------------------------------------------- receptive fields
def _pair(v):
    return tuple(v) if isinstance(v, (list, tuple)) else (v, v)


class WindowSum(nn.Module):
    """Reads MaxPool2d's windows (dilation included) and sums them: a depthwise convolution of ones."""

    def __init__(self, pool):
        super().__init__()
        self.pool = pool

    def forward(self, x):
        p = self.pool
        k, s, pad, d = _pair(p.kernel_size), _pair(p.stride or p.kernel_size), _pair(p.padding), _pair(p.dilation)
        out = F.max_pool2d(torch.zeros_like(x), p.kernel_size, p.stride, p.padding, p.dilation, p.ceil_mode).shape
        extra = [max(0, (out[-2 + a] - 1) * s[a] + d[a] * (k[a] - 1) + 1 - (x.shape[-2 + a] + 2 * pad[a]))
                 for a in (0, 1)]
        padded = F.pad(x, (pad[1], pad[1] + extra[1], pad[0], pad[0] + extra[0]))
        batched = padded if padded.dim() == 4 else padded[None]
        channels = batched.shape[1]
        ones = torch.ones(channels, 1, k[0], k[1], dtype=x.dtype)
        y = F.conv2d(batched, ones, stride=s, dilation=d, groups=channels)[..., :out[-2], :out[-1]]
        return y if x.dim() == 4 else y[0]


def dependency_layer(module):
    if isinstance(module, nn.MaxPool2d):
        if _pair(module.dilation) == (1, 1):
            return nn.AvgPool2d(module.kernel_size, module.stride, module.padding, module.ceil_mode, True)
        return WindowSum(module)
    if isinstance(module, nn.AdaptiveMaxPool2d):
        return nn.AdaptiveAvgPool2d(module.output_size)
    if isinstance(module, nn.LPPool2d):  # x^(p-1) makes its gradient vanish where a cell is exactly 0
        return nn.AvgPool2d(module.kernel_size, module.stride, 0, module.ceil_mode, True)
    if isinstance(module, nn.ReLU):  # elementwise, but its gradient at exactly 0 is 0
        return nn.Identity()
    return module


def positive_parameters(modules, rng):
    gen = torch.Generator().manual_seed(rng.randrange(1 << 30))
    for module, _ in leaves(modules):
        if isinstance(module, (nn.Conv2d, nn.Linear)):
            fan_in = module.weight[0].numel()
            with torch.no_grad():
                module.weight.copy_((0.5 + torch.rand(module.weight.shape, generator=gen)) / fan_in)
                if module.bias is not None:
                    module.bias.fill_(0.01)


def runs(indices):
    out = []
    for i in sorted(indices):
        if out and out[-1][1] == i:
            out[-1][1] += 1
        else:
            out.append([i, i + 1])
    return out


def box(grad):
    """The nonzero pattern of `grad` as index runs per dimension; asserts it is a box."""
    nonzero = (grad != 0).nonzero().tolist()
    dims = [sorted({cell[d] for cell in nonzero}) for d in range(grad.dim())]
    count = 1
    for d in dims:
        count *= len(d)
    assert count == len(nonzero), "the dependency set is not a box"
    return [runs(d) for d in dims]


def receptive_fields(net, modules, queries, rng):
    positive_parameters(modules, rng)
    chain = [(dependency_layer(m).double().eval(), m.double().eval(), index) for m, index in leaves(modules)]
    answers = []
    for query in queries:
        x = (0.5 + torch.rand(*net["input"], dtype=torch.float64, generator=torch.Generator().manual_seed(1)))
        x.requires_grad_(True)
        target = max(i for i, (_, _, index) in enumerate(chain)
                     if list(index[:len(query["layer"])]) == query["layer"])
        outputs, real, y = [], [], x
        for position, (surrogate, original, _) in enumerate(chain[:target + 1]):
            if surrogate is not original:  # keep the real MaxPool2d's input, to check its argmax below
                real.append((position, original, y.detach().clone()))
            y = surrogate(y)
            y.retain_grad()
            outputs.append(y)
        y[tuple(query["cell"])].backward()
        # The real MaxPool2d sends each cell's gradient to the window's maximum: it must lie in the set.
        for position, original, inp in real:
            inp.requires_grad_(True)
            mask = (outputs[position].grad != 0).to(inp.dtype)
            (original(inp) * mask).sum().backward()
            before = x.grad if position == 0 else outputs[position - 1].grad
            assert not ((inp.grad != 0) & (before == 0)).any(), "an argmax outside the receptive field"
        after = {"/".join(map(str, chain[i][2])): box(outputs[i].grad) for i in range(len(outputs))}
        answers.append({"input": box(x.grad), "after": after})
    return answers


# ------------------------------------------------------------------------------------------- random stacks
def conv(rng, out_channels, in_channels=None, lazy=False):
    layer = {"type": "LazyConv2d" if lazy else "Conv2d"}
    if not lazy:
        layer["in_channels"] = in_channels
    layer["out_channels"] = out_channels
    k = rng.choice([1, 3, 3, 3, 5, [3, 1], [1, 3], [2, 3]])
    layer["kernel_size"] = k
    if rng.random() < 0.25:
        layer["padding"] = "same" if rng.random() < 0.3 else ("valid" if rng.random() < 0.2 else 0)
    else:
        kk = max(_pair(k))
        layer["padding"] = rng.choice([0, kk // 2, kk // 2, [kk // 2, 0]])
    if layer["padding"] != "same" and rng.random() < 0.3:
        layer["stride"] = rng.choice([2, [2, 1]])
    if rng.random() < 0.15:
        layer["dilation"] = rng.choice([2, [2, 1]])
    if not lazy and rng.random() < 0.1 and in_channels % 2 == 0 and out_channels % 2 == 0:
        layer["groups"] = 2
    if rng.random() < 0.1:
        layer["bias"] = False
    return layer


def pool(rng):
    kind = rng.choice(["MaxPool2d", "MaxPool2d", "AvgPool2d", "AvgPool2d", "LPPool2d"])
    k = rng.choice([2, 2, 3, [2, 3], [3, 2]])
    layer = {"type": kind, "kernel_size": k}
    if kind == "LPPool2d":
        layer = {"type": kind, "norm_type": rng.choice([1, 2, 3, 1.5]), "kernel_size": k}
    r = rng.random()
    if r < 0.5:
        layer["stride"] = rng.choice([1, 2, 2, 3, [1, 2]])
    if kind != "LPPool2d" and rng.random() < 0.35:
        layer["padding"] = rng.choice([1, [1, 0], [0, 1]]) if min(_pair(k)) >= 2 else 0
    if rng.random() < 0.3:
        layer["ceil_mode"] = True
    if kind == "MaxPool2d" and rng.random() < 0.2:
        layer["dilation"] = rng.choice([2, [1, 2]])
    if kind == "AvgPool2d" and rng.random() < 0.2:
        layer["count_include_pad"] = False
    if kind == "AvgPool2d" and rng.random() < 0.1:
        layer["divisor_override"] = rng.choice([1, 3])
    return layer


def current_shape(net):
    """The size after the layers so far, or None when they already break."""
    answer, _ = run_shapes(net)
    if "error" in answer:
        return None
    top = [row for row in answer["layers"] if len(row["index"]) == 1]
    return top[-1]["output"] if top else list(net["input"])


FAULTS = ["linear_features", "linear_no_flatten", "conv_channels", "too_small", "pool_padding", "conv_after_flatten",
          "pool_after_flatten", "adaptive_after_flatten", "dropout_p", "linear_negative", "conv_groups",
          "conv_same_stride", "conv_padding_negative", "conv_stride_zero", "pool_stride_zero", "pool_padding_negative",
          "pool_kernel_zero", "pool_divisor_zero", "pool_dilation_zero", "pool_stride_negative", "lp_norm_zero",
          "flatten_dims", "adaptive_negative", "conv_kernel_negative", "conv_kernel_zero", "conv_out_zero"]


def random_network(rng, fault):
    rank4 = rng.random() < 0.8
    c = rng.randint(1, 3)
    h = rng.randint(8, 32)
    w = h if rng.random() < 0.6 else rng.randint(8, 32)
    net = {"input": ([rng.randint(1, 2)] if rank4 else []) + [c, h, w], "layers": []}
    layers = net["layers"]
    for _ in range(rng.randint(1, 3)):
        shape = current_shape(net)
        if shape is None or min(shape[-2:]) < 4:
            break
        channels = shape[-3]
        out = rng.choice([2, 4, 6, 8])
        lazy = rng.random() < 0.15
        if rng.random() < 0.25:  # a block, as D2L's vgg_block / nin_block
            block = [conv(rng, out, channels, lazy), {"type": "ReLU"}]
            if rng.random() < 0.5:
                block += [{"type": "Conv2d", "in_channels": out, "out_channels": out, "kernel_size": 1}, {"type": "ReLU"}]
            if rng.random() < 0.6:
                block.append(pool(rng))
            layers.append({"type": "Sequential", "layers": block})
        else:
            layers.append(conv(rng, out, channels, lazy))
            layers.append({"type": rng.choice(["ReLU", "Sigmoid"])})
            if rng.random() < 0.7:
                layers.append(pool(rng))
        if current_shape(net) is None:
            layers.pop()
            break
    shape = current_shape(net)
    if shape is None:
        return net
    if rng.random() < 0.3:
        layers.append({"type": rng.choice(["AdaptiveAvgPool2d", "AdaptiveMaxPool2d"]),
                       "output_size": rng.choice([1, 2, [1, 1], [2, 1], [None, 1]])})
    if fault == "too_small":
        layers.append({"type": rng.choice(["MaxPool2d", "AvgPool2d", "LPPool2d"]), "kernel_size": 40, "stride": 1}
                      if rng.random() < 0.5 else
                      {"type": "Conv2d", "in_channels": current_shape(net)[-3], "out_channels": 2, "kernel_size": 40})
        if layers[-1]["type"] == "LPPool2d":
            layers[-1]["norm_type"] = 2
        return net
    breakers = {
        "pool_padding": {"type": "MaxPool2d", "kernel_size": 3, "padding": 2},
        "conv_padding_negative": {"type": "Conv2d", "in_channels": shape[-3], "out_channels": 2, "kernel_size": 3,
                                  "padding": -1},
        "conv_stride_zero": {"type": "Conv2d", "in_channels": shape[-3], "out_channels": 2, "kernel_size": 3,
                             "stride": 0},
        "conv_groups": {"type": "Conv2d", "in_channels": 3, "out_channels": 4, "kernel_size": 3, "groups": 2},
        "conv_same_stride": {"type": "Conv2d", "in_channels": shape[-3], "out_channels": 2, "kernel_size": 3,
                             "padding": "same", "stride": 2},
        "conv_kernel_negative": {"type": "Conv2d", "in_channels": shape[-3], "out_channels": 2, "kernel_size": -1},
        "conv_kernel_zero": {"type": "Conv2d", "in_channels": shape[-3], "out_channels": 2, "kernel_size": 0},
        "conv_out_zero": {"type": "Conv2d", "in_channels": shape[-3], "out_channels": 0, "kernel_size": 1},
        "conv_channels": {"type": "Conv2d", "in_channels": shape[-3] + rng.randint(1, 3), "out_channels": 2,
                          "kernel_size": 1, "padding": rng.choice([0, "same"])},
        "pool_stride_zero": {"type": rng.choice(["MaxPool2d", "AvgPool2d"]), "kernel_size": 2, "stride": 0},
        "pool_padding_negative": {"type": rng.choice(["MaxPool2d", "AvgPool2d"]), "kernel_size": 2, "padding": -1},
        "pool_kernel_zero": {"type": rng.choice(["MaxPool2d", "AvgPool2d"]), "kernel_size": 0},
        "pool_divisor_zero": {"type": "AvgPool2d", "kernel_size": 2, "divisor_override": 0},
        "pool_dilation_zero": {"type": "MaxPool2d", "kernel_size": 2, "dilation": 0},
        "pool_stride_negative": {"type": rng.choice(["MaxPool2d", "AvgPool2d"]), "kernel_size": 2, "stride": -1},
        "lp_norm_zero": {"type": "LPPool2d", "norm_type": 0, "kernel_size": 2},
        "adaptive_negative": {"type": rng.choice(["AdaptiveAvgPool2d", "AdaptiveMaxPool2d"]), "output_size": [-1, 2]},
    }
    if fault in breakers:
        layers.append(breakers[fault])
        return net
    if fault == "flatten_dims":
        layers.append({"type": "Flatten", "start_dim": rng.choice([2, 4, -5]), "end_dim": rng.choice([1, -1, 5])})
        return net
    if fault != "linear_no_flatten":
        layers.append({"type": "Flatten"})
    after_flatten = {
        "conv_after_flatten": {"type": "Conv2d", "in_channels": 1, "out_channels": 2, "kernel_size": 1},
        "pool_after_flatten": {"type": rng.choice(["MaxPool2d", "AvgPool2d", "LPPool2d"]), "kernel_size": 1},
        "adaptive_after_flatten": {"type": rng.choice(["AdaptiveAvgPool2d", "AdaptiveMaxPool2d"]),
                                   "output_size": rng.choice([1, 2, [1, 1]])},
    }
    if fault in after_flatten:
        layers.append(after_flatten[fault])
        if layers[-1]["type"] == "LPPool2d":
            layers[-1]["norm_type"] = 2
        return net
    shape = current_shape(net)
    if shape is None:
        return net
    features = shape[-1]
    for i in range(rng.randint(1, 2)):
        out = rng.choice([5, 10, 16, 32])
        last = i == 1 or rng.random() < 0.4
        if fault in ("linear_features", "linear_no_flatten") and last:
            wrong = rng.choice([features + rng.randint(1, 9), max(1, features // 2), shape[-3] if len(shape) >= 3
                                else features * 2])
            layers.append({"type": "Linear", "in_features": wrong if wrong != features else features + 1,
                           "out_features": out})
            return net
        if fault == "linear_negative" and last:
            layers.append({"type": "Linear", "in_features": -1, "out_features": out})
            return net
        layers.append({"type": "LazyLinear", "out_features": out} if rng.random() < 0.2 else
                      {"type": "Linear", "in_features": features, "out_features": out})
        features = out
        if last:
            break
        layers.append({"type": rng.choice(["ReLU", "Sigmoid"])})
        if rng.random() < 0.5 or fault == "dropout_p":
            layers.append({"type": "Dropout", "p": rng.choice([1.5, -0.1, 2]) if fault == "dropout_p" else 0.5})
    return net


def random_queries(rng, answer, count):
    rows = answer["layers"]
    queries = []
    for _ in range(count):
        row = rng.choice(rows) if rng.random() < 0.7 else rows[-1]
        queries.append({"layer": row["index"], "cell": [rng.randrange(d) for d in row["output"]]})
    return queries


def thin(layers):
    """The same network with 2 channels per convolution and lazy Linear layers: the same receptive fields,
    cheap enough for autograd at 224 x 224."""
    out = []
    for layer in layers:
        layer = dict(layer)
        if layer["type"] == "Sequential":
            layer["layers"] = thin(layer["layers"])
        elif layer["type"] == "Conv2d":
            layer = dict(layer, type="LazyConv2d", out_channels=min(layer["out_channels"], 2))
            del layer["in_channels"]
        elif layer["type"] == "Linear":
            layer = {"type": "LazyLinear", "out_features": min(layer["out_features"], 4)}
        out.append(layer)
    return out


def cases(rng):
    out = []
    for path in sorted(glob.glob(os.path.join(NETWORK_DIR, "*.json"))):
        with open(path, encoding="utf-8") as f:
            net = json.load(f)
        name = os.path.splitext(os.path.basename(path))[0]
        out.append({"id": "d2l-" + name, "network": {"input": net["input"], "layers": net["layers"]}})
        out.append({"id": "d2l-" + name + "-thin", "network": {"input": net["input"], "layers": thin(net["layers"])}})
    for i in range(RANDOM_CASES):
        fault = rng.choice(FAULTS) if rng.random() < 0.5 else None
        out.append({"id": "net-%04d" % (i + 1), "network": random_network(rng, fault)})
    return out


def dumps(obj):
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if the committed files differ")
    args = parser.parse_args()
    torch.manual_seed(0)
    torch.set_num_threads(1)
    rng = random.Random(SEED)
    all_cases, expected = [], []
    fields = 0
    for case in cases(rng):
        answer, modules = run_shapes(case["network"])
        big = any(d > 64 for d in case["network"]["input"][-2:]) and not case["id"].endswith("-thin")
        if modules is not None and answer["layers"] and not big:
            case["fields"] = random_queries(rng, answer, 2)
            answer["fields"] = receptive_fields(case["network"], modules, case["fields"], rng)
            fields += len(case["fields"])
        all_cases.append(case)
        expected.append(dict({"id": case["id"]}, **answer))
    texts = {"network_cases.jsonl": "".join(dumps(c) + "\n" for c in all_cases),
             "network_expected.jsonl": "".join(dumps(e) + "\n" for e in expected)}
    if args.check:
        for name, text in texts.items():
            with open(os.path.join(OUT_DIR, name), encoding="utf-8") as f:
                if f.read() != text:
                    print("%s differs from a fresh generation" % name, file=sys.stderr)
                    return 1
        print("network golden data is up to date (%d networks, %d receptive fields)" % (len(all_cases), fields))
        return 0
    for name, text in texts.items():
        with open(os.path.join(OUT_DIR, name), "w", encoding="utf-8") as f:
            f.write(text)
    errors = sum(1 for e in expected if "error" in e)
    print("wrote %d networks (%d broken), %d receptive fields, torch %s" % (
        len(all_cases), errors, fields, torch.__version__))
    return 0


if __name__ == "__main__":
    sys.exit(main())
