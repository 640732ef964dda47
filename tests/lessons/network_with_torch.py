# Network steps for verify_with_torch.py: the step's network resolved as the lesson format says (its own, or the
# previous one with a new input and "change"s merged into layers), built from PyTorch's own classes, and D2L's
# loop run on it; quiz answers from torch: layer_shape (the hooked output size), parameter_count
# (p.numel() after the call), receptive_field (the nonzero pattern of autograd's gradient of the cell, with
# positive weights, in float64; MaxPool2d's gradient reaches only its argmax, so for the gradient it is
# replaced by a layer that sums the same windows: AvgPool2d, or with dilation a depthwise convolution of ones).
# setup: needs torch (python3-torch, POOLSCOPE_WITH_TORCH=1 in scripts/setup-deps.sh); imported by
# verify_with_torch.py, which ctest runs only where torch imports.
import copy
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F

warnings.filterwarnings("ignore", message="Lazy modules")

CLASSES = {name: getattr(nn, name) for name in [
    "Conv2d", "LazyConv2d", "Linear", "LazyLinear", "MaxPool2d", "AvgPool2d", "LPPool2d", "AdaptiveAvgPool2d",
    "AdaptiveMaxPool2d", "ReLU", "Sigmoid", "Dropout", "Flatten"]}


def merge_patch(target, patch):
    for key, value in patch.items():
        if value is None:
            target.pop(key, None)
        else:
            target[key] = value
    return target


def resolve(spec, previous):
    """The step's network document: its own, or `previous` with a new input and/or changes."""
    if "layers" in spec:
        net = {"input": spec.get("input", previous["input"] if previous else None), "layers": spec["layers"]}
    else:
        net = copy.deepcopy(previous)
        if "input" in spec:
            net["input"] = spec["input"]
    net = copy.deepcopy(net)
    for key, patch in spec.get("change", {}).items():
        layers, layer = net["layers"], None
        for part in key.split("/"):
            layer = layers[int(part)]
            layers = layer.get("layers", [])
        if "type" in patch:
            layer.clear()
            layer.update(patch)
        else:
            merge_patch(layer, patch)
    return net


def build(layers, prefix=()):
    out = []
    for i, spec in enumerate(layers):
        args = {k: v for k, v in spec.items() if k != "type"}
        if spec["type"] == "Sequential":
            children = build(args["layers"], prefix + (i,))
            module = nn.Sequential(*[m for m, _ in children])
        else:
            module = CLASSES[spec["type"]](**args)
        module.poolscope_index = prefix + (i,)
        out.append((module, prefix + (i,)))
    return out


def modules_of(net):
    """(module, index) of every layer, depth-first, after building the Sequential."""
    top = build(net["layers"])
    found = []

    def walk(items):
        for module, index in items:
            found.append((module, index))
            if isinstance(module, nn.Sequential):
                walk([(child, child.poolscope_index) for child in module])

    walk(top)
    return top, found


def run(net):
    """D2L's loop: (lines, {index: size}, parameters, (index, message) or None)."""
    top, every = modules_of(net)
    sizes, running = {}, []
    def pre(m, _inputs):
        running.append(m.poolscope_index)

    def post(m, _inputs, y):  # returns None, so the output stays
        running.pop()
        sizes[m.poolscope_index] = list(y.shape)

    for module, _ in every:
        module.register_forward_pre_hook(pre)
        module.register_forward_hook(post)
    lines, error = [], None
    x = torch.rand(size=tuple(net["input"]))
    try:
        for module, _ in top:
            x = module(x)
            lines.append("%s output shape:\t %s" % (module.__class__.__name__, x.shape))
    except Exception as e:  # noqa: BLE001 -- PyTorch's exception is what the lesson expects
        error = ("/layers/" + "/layers/".join(map(str, running[-1])), str(e).splitlines()[0])
    params = sum(p.numel() for m, i in every if i in sizes and not isinstance(m, nn.Sequential) for p in m.parameters())
    per_layer = {i: sum(p.numel() for p in m.parameters()) for m, i in every if i in sizes}
    return lines, sizes, params, per_layer, error


def _pair(v):
    return tuple(v) if isinstance(v, (list, tuple)) else (v, v)


class WindowSum(nn.Module):
    """MaxPool2d's windows (dilation, padding and ceil_mode included), summed: a depthwise convolution of ones."""

    def __init__(self, pool):
        super().__init__()
        self.pool = pool

    def forward(self, x):
        p = self.pool
        k, s, pad, d = _pair(p.kernel_size), _pair(p.stride or p.kernel_size), _pair(p.padding), _pair(p.dilation)
        out = F.max_pool2d(torch.zeros_like(x), p.kernel_size, p.stride, p.padding, p.dilation, p.ceil_mode).shape
        extra = [max(0, (out[-2 + a] - 1) * s[a] + d[a] * (k[a] - 1) + 1 - (x.shape[-2 + a] + 2 * pad[a]))
                 for a in (0, 1)]
        y = F.pad(x, (pad[1], pad[1] + extra[1], pad[0], pad[0] + extra[0]))
        y = y if y.dim() == 4 else y[None]
        ones = torch.ones(y.shape[1], 1, k[0], k[1], dtype=x.dtype)
        y = F.conv2d(y, ones, stride=s, dilation=d, groups=y.shape[1])[..., :out[-2], :out[-1]]
        return y if x.dim() == 4 else y[0]


def receptive_span(net, layer, cell):
    """Rows x columns from the first to the last input cell the output cell's gradient reaches."""
    top, every = modules_of(net)
    leaves = [(m, i) for m, i in every if not isinstance(m, nn.Sequential)]
    x0 = torch.rand(size=tuple(net["input"]))
    for module, _ in top:  # materialise lazy layers
        x0 = module(x0)
    chain = []
    for m, i in leaves:
        if isinstance(m, nn.MaxPool2d):
            m = WindowSum(m)
        elif isinstance(m, nn.AdaptiveMaxPool2d):
            m = nn.AdaptiveAvgPool2d(m.output_size)
        elif isinstance(m, nn.ReLU):
            m = nn.Identity()
        chain.append((m.double().eval(), i))
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            with torch.no_grad():
                m.weight.copy_(torch.rand(m.weight.shape, dtype=torch.float64) + 0.5)
                if m.bias is not None:
                    m.bias.fill_(0.01)
    target = max(k for k, (_, i) in enumerate(chain) if list(i[:len(layer)]) == list(layer))
    x = (torch.rand(size=tuple(net["input"]), dtype=torch.float64) + 0.5).requires_grad_(True)
    y = x
    for m, _ in chain[:target + 1]:
        y = m(y)
    full = [0] * (y.dim() - len(cell)) + list(cell)
    y[tuple(full)].backward()
    nz = x.grad.nonzero()
    rows, cols = nz[:, -2], nz[:, -1]
    return [int(rows.max() - rows.min() + 1), int(cols.max() - cols.min() + 1)]
