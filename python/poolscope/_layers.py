"""A pooling layer, however a notebook holds it, as the JSON PoolScope's --params takes: "op", PyTorch's
argument names (or, with a convention, TensorFlow's, ONNX's or MXNet's), "convention". PyTorch's modules and
functions are recognised by their names, so nothing here imports torch."""
import functools
import math
import numbers

OPS = ("max_pool2d", "avg_pool2d", "lp_pool2d", "adaptive_max_pool2d", "adaptive_avg_pool2d")
CONVENTIONS = ("pytorch", "tensorflow", "onnx", "mxnet")

# torch.nn modules: the op, and the attributes that are its arguments (as PyTorch names them).
MODULES = {
    "MaxPool2d": ("max_pool2d", ("kernel_size", "stride", "padding", "dilation", "ceil_mode", "return_indices")),
    "AvgPool2d": ("avg_pool2d",
                  ("kernel_size", "stride", "padding", "ceil_mode", "count_include_pad", "divisor_override")),
    "LPPool2d": ("lp_pool2d", ("norm_type", "kernel_size", "stride", "ceil_mode")),
    "AdaptiveMaxPool2d": ("adaptive_max_pool2d", ("output_size", "return_indices")),
    "AdaptiveAvgPool2d": ("adaptive_avg_pool2d", ("output_size",)),
    "MaxUnpool2d": ("max_unpool2d", ("kernel_size", "stride", "padding")),  # undoes a MaxPool2d like it
}
# PyTorch's argument names per op (torch.nn.functional's keywords; a dict's keys).
PYTORCH_KEYS = {
    "max_pool2d": ("kernel_size", "stride", "padding", "dilation", "ceil_mode", "return_indices"),
    "avg_pool2d": ("kernel_size", "stride", "padding", "ceil_mode", "count_include_pad", "divisor_override"),
    "lp_pool2d": ("norm_type", "kernel_size", "stride", "ceil_mode"),
    "adaptive_max_pool2d": ("output_size", "return_indices"),
    "adaptive_avg_pool2d": ("output_size",),
    "max_unpool2d": ("kernel_size", "stride", "padding"),
}
# The other frameworks' own keys, beside PyTorch's (core/include/poolscope/json_layer.h reads them).
CONVENTION_KEYS = {
    "pytorch": (),
    "tensorflow": ("pool_size", "strides", "padding", "dilations", "dilation_rate", "include_batch_in_index"),
    "onnx": ("kernel_shape", "strides", "pads", "auto_pad", "dilations", "storage_order", "p", "global_pool"),
    "mxnet": ("pool_size", "strides", "pooling_convention"),
}
# Op names as the frameworks write them.
OP_NAMES = {
    "maxpool": "max_pool2d", "maxpool2d": "max_pool2d", "maxpooling2d": "max_pool2d", "max": "max_pool2d",
    "averagepool": "avg_pool2d", "avgpool2d": "avg_pool2d", "averagepooling2d": "avg_pool2d", "avg": "avg_pool2d",
    "lppool2d": "lp_pool2d", "lppool": "lp_pool2d", "adaptivemaxpool2d": "adaptive_max_pool2d",
    "adaptiveavgpool2d": "adaptive_avg_pool2d", "maxunpool2d": "max_unpool2d",
}

PYTORCH_DEFAULTS = {"padding": 0, "dilation": 1, "ceil_mode": False, "return_indices": False,
                    "count_include_pad": True, "divisor_override": None}

SUPPORTED = ("torch.nn.MaxPool2d, AvgPool2d, LPPool2d, AdaptiveMaxPool2d, AdaptiveAvgPool2d or MaxUnpool2d; "
             "torch.nn.functional.max_pool2d, avg_pool2d, lp_pool2d, adaptive_max_pool2d, adaptive_avg_pool2d or "
             "max_unpool2d with keyword arguments; or a dict such as {'op': 'max_pool2d', 'kernel_size': 3}")


class Layer:
    """The layer as PoolScope takes it: `params` (the --params JSON object) and the view it suggests."""

    def __init__(self, params, view=None):
        self.params = params
        self.view = view


def _op_name(name):
    if name in OPS or name == "max_unpool2d":
        return name
    return OP_NAMES.get(str(name).replace("_", "").lower())


def _class_names(obj):
    return [c.__name__ for c in type(obj).__mro__]


def _check_value(key, value, where):
    """The JSON types PoolScope reads: ints or pairs of ints (None inside output_size), bools, numbers for
    norm_type, words for padding modes. Values themselves are the app's to judge (it says why, in place)."""
    def is_int(v):
        return isinstance(v, numbers.Integral) and not isinstance(v, bool)
    if key in ("ceil_mode", "return_indices", "count_include_pad", "global_pool", "include_batch_in_index"):
        if isinstance(value, bool) or (is_int(value) and value in (0, 1)):
            return bool(value)
    elif key in ("norm_type", "p"):
        if isinstance(value, numbers.Real) and not isinstance(value, bool):
            value = float(value)
            return value if math.isfinite(value) else ("nan" if math.isnan(value) else
                                                       ("inf" if value > 0 else "-inf"))
    elif key == "divisor_override":
        if value is None or is_int(value):
            return value
    elif key in ("padding", "auto_pad", "pooling_convention") and isinstance(value, str):
        return value
    elif key == "padding" and isinstance(value, (list, tuple)) and all(  # tf.nn's [[0, 0], [t, b], [l, r], [0, 0]]
            isinstance(v, (list, tuple)) and len(v) == 2 and all(is_int(x) for x in v) for v in value):
        return [[int(x) for x in v] for v in value]
    elif key == "storage_order":
        if is_int(value):
            return int(value)
    else:  # sizes: an int or a list of ints (output_size may hold None: keep that side of the input)
        if is_int(value):
            return int(value)
        if isinstance(value, (list, tuple)) and all(
                is_int(v) or (v is None and key == "output_size") for v in value):
            return [None if v is None else int(v) for v in value]
    raise ValueError(f"{where}: {key}={value!r} is not a value PoolScope reads for it")


def _from_keywords(op, keywords, where, convention="pytorch", view=None):
    op = _op_name(op)
    if op is None:
        raise ValueError(f"{where}: PoolScope shows {', '.join(OPS)} (and max_unpool2d); "
                         f"not this op. It takes {SUPPORTED}")
    allowed = PYTORCH_KEYS[op] + CONVENTION_KEYS[convention]
    params = {"op": op}
    for key, value in keywords.items():
        if key not in allowed:
            raise ValueError(f"{where}: {op} takes {', '.join(allowed)}, not {key!r}"
                             + ("" if convention != "pytorch" else
                                " (another framework's names need convention='tensorflow', 'onnx' or 'mxnet')"))
        params[key] = _check_value(key, value, where)
    if op == "max_unpool2d":  # MaxUnpool2d undoes the max_pool2d with the same window, shown in the Unpool view
        params["op"] = "max_pool2d"
        params["return_indices"] = True
        view = view or "unpool"
    if convention != "pytorch":
        params["convention"] = convention
    return Layer(params, view)


def _from_module(layer, name):
    op, attrs = MODULES[name]
    keywords = {a: getattr(layer, a) for a in attrs}
    # PyTorch stores stride = kernel_size when none was given; PoolScope's "stride follows the kernel".
    if keywords.get("stride") is None or keywords.get("stride") == keywords.get("kernel_size"):
        keywords.pop("stride", None)
    for key, value in keywords.items():  # a module keeps (2, 2) for 2 (PyTorch's _pair): write 2, as given
        if isinstance(value, tuple) and len(value) == 2 and value[0] == value[1] and value[0] is not None:
            keywords[key] = value[0]
    for key, default in PYTORCH_DEFAULTS.items():  # shorter links: only what differs from PyTorch's defaults
        if key in keywords and _same(keywords[key], default):
            keywords.pop(key)
    return _from_keywords(op, keywords, f"torch.nn.{name}")


def _same(value, default):
    """1 and (1, 1) are the same padding or dilation; True is not 1 for a flag."""
    if isinstance(default, bool) or default is None:
        return value is default or (isinstance(value, bool) and value == default)
    return value == default or (isinstance(value, (list, tuple)) and all(v == default for v in value))


def layer_of(layer, keywords=None, convention=None):
    """A Layer from a torch.nn module, a torch.nn.functional function (or its name) with `keywords`, a
    functools.partial of one, or a dict. ValueError says what is supported."""
    keywords = dict(keywords or {})
    if convention is not None and convention not in CONVENTIONS:
        raise ValueError(f"convention must be one of {', '.join(CONVENTIONS)}, not {convention!r}")
    module = next((n for n in _class_names(layer) if n in MODULES), None)
    if module is not None and "Module" in _class_names(layer):
        if keywords:
            raise ValueError(f"torch.nn.{module} carries its own arguments; "
                             f"leave out {', '.join(sorted(keywords))}")
        if convention not in (None, "pytorch"):
            raise ValueError(f"torch.nn.{module} is PyTorch's layer: convention={convention!r} does not apply")
        return _from_module(layer, module)
    if isinstance(layer, functools.partial):
        if layer.args:
            raise ValueError("a functools.partial of a pooling function takes its arguments by keyword")
        return layer_of(layer.func, {**layer.keywords, **keywords}, convention)
    if callable(layer) and getattr(layer, "__name__", "") in PYTORCH_KEYS:
        return _from_keywords(layer.__name__, keywords, f"torch.nn.functional.{layer.__name__}",
                              convention or "pytorch")
    if isinstance(layer, str) and layer in PYTORCH_KEYS:
        return _from_keywords(layer, keywords, layer, convention or "pytorch")
    if isinstance(layer, dict):
        given = dict(layer)
        given.update(keywords)
        conv = given.pop("convention", None) or convention or "pytorch"
        if convention is not None and conv != convention:
            raise ValueError(f"the dict says convention {conv!r}, the call {convention!r}")
        if conv not in CONVENTIONS:
            raise ValueError(f"convention must be one of {', '.join(CONVENTIONS)}, not {conv!r}")
        op = given.pop("op", None)
        if op is None and "pool_type" in given:  # MXNet's Pooling(pool_type="max" | "avg")
            op = given.pop("pool_type")
        if isinstance(op, str) and op.lower() in ("globalmaxpool", "globalaveragepool"):  # ONNX's Global*Pool
            op = "max_pool2d" if op.lower() == "globalmaxpool" else "avg_pool2d"
            given["global_pool"] = True
        return _from_keywords(op or "max_pool2d", given, "the layer dict", conv)
    raise ValueError(f"PoolScope does not know this layer ({type(layer).__name__}). It takes {SUPPORTED}")
