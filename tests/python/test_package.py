#!/usr/bin/python3
"""The notebook package (python/poolscope, issue 31) without torch: every layer form and argument becomes the
--params JSON the app reads, X in every form and shape becomes its --input JSON, unsupported layers,
arguments and shapes raise ValueError saying what is supported, links use the app's encoding, and the page
carries them. Torch's own modules and tensors: test_torch.py. Usage: test_package.py PYTHON_DIR [APP_VERSION]"""
import functools
import json
import math
import sys
import unittest
import urllib.parse

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, sys.argv[1] if len(sys.argv) > 1 else "python")
import poolscope  # noqa: E402
from poolscope import _layers  # noqa: E402

APP_VERSION = sys.argv[2] if len(sys.argv) > 2 else None


class Module:
    """Stands for torch.nn.Module: the package knows PyTorch's layers by their class names."""


def fake(name, **attrs):
    cls = type(name, (Module,), {})
    layer = cls()
    layer.__dict__.update(attrs)
    return layer


def max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    """Stands for torch.nn.functional.max_pool2d (known by its name)."""


def avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
               divisor_override=None):
    """Stands for torch.nn.functional.avg_pool2d."""


class Array:
    """Stands for a NumPy array or torch tensor: read through tolist() (and detach()/cpu() where present)."""

    def __init__(self, values, torch_like=False):
        self.values = values
        self.torch_like = torch_like
        self.calls = []

    def tolist(self):
        return self.values

    def __getattr__(self, name):
        if self.torch_like and name in ("detach", "cpu"):
            return lambda: (self.calls.append(name), self)[1]
        raise AttributeError(name)


def fragment_values(link):
    return dict(urllib.parse.parse_qsl(link.split("#", 1)[1], keep_blank_values=True))


X = [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11], [12, 13, 14, 15]]


class Layers(unittest.TestCase):
    def params(self, layer, **kw):
        return poolscope.params_of(layer, **kw)

    def test_every_module_and_its_arguments(self):
        self.assertEqual(self.params(fake("MaxPool2d", kernel_size=3, stride=2, padding=1, dilation=2,
                                          ceil_mode=True, return_indices=True)),
                         {"op": "max_pool2d", "kernel_size": 3, "stride": 2, "padding": 1, "dilation": 2,
                          "ceil_mode": True, "return_indices": True})
        # PyTorch stores stride = kernel_size when none was given; defaults are left out.
        self.assertEqual(self.params(fake("MaxPool2d", kernel_size=(2, 3), stride=(2, 3), padding=0, dilation=1,
                                          ceil_mode=False, return_indices=False)),
                         {"op": "max_pool2d", "kernel_size": [2, 3]})
        self.assertEqual(self.params(fake("AvgPool2d", kernel_size=2, stride=1, padding=(1, 0), ceil_mode=True,
                                          count_include_pad=False, divisor_override=3)),
                         {"op": "avg_pool2d", "kernel_size": 2, "stride": 1, "padding": [1, 0], "ceil_mode": True,
                          "count_include_pad": False, "divisor_override": 3})
        self.assertEqual(self.params(fake("LPPool2d", norm_type=3.0, kernel_size=2, stride=None, ceil_mode=True)),
                         {"op": "lp_pool2d", "norm_type": 3.0, "kernel_size": 2, "ceil_mode": True})
        self.assertEqual(self.params(fake("LPPool2d", norm_type=math.inf, kernel_size=2, stride=1,
                                          ceil_mode=False)),
                         {"op": "lp_pool2d", "norm_type": "inf", "kernel_size": 2, "stride": 1})
        self.assertEqual(self.params(fake("AdaptiveMaxPool2d", output_size=(None, 2), return_indices=True)),
                         {"op": "adaptive_max_pool2d", "output_size": [None, 2], "return_indices": True})
        self.assertEqual(self.params(fake("AdaptiveAvgPool2d", output_size=3)),
                         {"op": "adaptive_avg_pool2d", "output_size": 3})
        unpool = poolscope.page(fake("MaxUnpool2d", kernel_size=2, stride=2, padding=1), X)
        self.assertEqual(unpool.params, {"op": "max_pool2d", "kernel_size": 2, "padding": 1, "return_indices": True})
        self.assertIn(("view", "unpool"), unpool.values)

    def test_a_subclass_is_its_layer(self):
        base = type("MaxPool2d", (Module,), {})
        mine = type("MyPool", (base,), {})()
        mine.__dict__.update(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False, return_indices=False)
        self.assertEqual(self.params(mine), {"op": "max_pool2d", "kernel_size": 2})

    def test_functional_forms(self):
        self.assertEqual(self.params(max_pool2d, kernel_size=3, stride=1, ceil_mode=True),
                         {"op": "max_pool2d", "kernel_size": 3, "stride": 1, "ceil_mode": True})
        self.assertEqual(self.params(functools.partial(avg_pool2d, kernel_size=2, count_include_pad=False)),
                         {"op": "avg_pool2d", "kernel_size": 2, "count_include_pad": False})
        self.assertEqual(self.params("adaptive_avg_pool2d", output_size=(2, 2)),
                         {"op": "adaptive_avg_pool2d", "output_size": [2, 2]})
        self.assertEqual(self.params("lp_pool2d", norm_type=2, kernel_size=2),
                         {"op": "lp_pool2d", "norm_type": 2.0, "kernel_size": 2})
        view = poolscope.page("max_unpool2d", X, kernel_size=2)
        self.assertEqual(view.params, {"op": "max_pool2d", "kernel_size": 2, "return_indices": True})
        self.assertIn(("view", "unpool"), view.values)
        # show()'s own options are not layer arguments.
        view = poolscope.page(max_pool2d, X, kernel_size=2, step=3, view="backward", lang="zh")
        self.assertEqual(view.params, {"op": "max_pool2d", "kernel_size": 2})

    def test_dicts_in_every_convention(self):
        self.assertEqual(self.params({"op": "avg_pool2d", "kernel_size": 3, "padding": 1}),
                         {"op": "avg_pool2d", "kernel_size": 3, "padding": 1})
        self.assertEqual(self.params({"kernel_size": 2}), {"op": "max_pool2d", "kernel_size": 2})
        self.assertEqual(self.params({"pool_size": 2, "strides": 1, "padding": "same"}, convention="tensorflow"),
                         {"op": "max_pool2d", "pool_size": 2, "strides": 1, "padding": "same",
                          "convention": "tensorflow"})
        self.assertEqual(self.params({"op": "AveragePool", "kernel_shape": [2, 2], "pads": [1, 0, 0, 1],
                                      "count_include_pad": 1, "convention": "onnx"}),
                         {"op": "avg_pool2d", "kernel_shape": [2, 2], "pads": [1, 0, 0, 1],
                          "count_include_pad": True, "convention": "onnx"})
        self.assertEqual(self.params({"op": "MaxPool", "kernel_shape": [3, 3], "auto_pad": "SAME_UPPER",
                                      "storage_order": 1}, convention="onnx"),
                         {"op": "max_pool2d", "kernel_shape": [3, 3], "auto_pad": "SAME_UPPER", "storage_order": 1,
                          "convention": "onnx"})
        self.assertEqual(self.params({"pool_type": "avg", "pool_size": 3, "strides": 2,
                                      "pooling_convention": "full"}, convention="mxnet"),
                         {"op": "avg_pool2d", "pool_size": 3, "strides": 2, "pooling_convention": "full",
                          "convention": "mxnet"})
        self.assertEqual(self.params({"op": "GlobalAveragePool"}, convention="onnx"),
                         {"op": "avg_pool2d", "global_pool": True, "convention": "onnx"})
        self.assertEqual(self.params({"op": "LpPool", "p": 3, "kernel_shape": [2, 2]}, convention="onnx"),
                         {"op": "lp_pool2d", "p": 3.0, "kernel_shape": [2, 2], "convention": "onnx"})
        self.assertEqual(self.params({"pool_size": 2, "padding": [[0, 0], [1, 0], [0, 1], [0, 0]], "dilations": 2},
                                     convention="tensorflow"),
                         {"op": "max_pool2d", "pool_size": 2, "padding": [[0, 0], [1, 0], [0, 1], [0, 0]],
                          "dilations": 2, "convention": "tensorflow"})
        self.assertEqual(self.params({"pool_size": 2, "return_indices": True, "include_batch_in_index": True},
                                     convention="tensorflow"),
                         {"op": "max_pool2d", "pool_size": 2, "return_indices": True, "include_batch_in_index": True,
                          "convention": "tensorflow"})
        self.assertEqual(self.params({"op": "MaxPooling2D", "pool_size": [2, 2]}, convention="tensorflow"),
                         {"op": "max_pool2d", "pool_size": [2, 2], "convention": "tensorflow"})

    def test_unsupported_layers_and_arguments_say_what_is_supported(self):
        cases = [
            (object(), "torch.nn.MaxPool2d"),
            (fake("Conv2d", kernel_size=3), "torch.nn.MaxPool2d"),
            (fake("MaxPool3d", kernel_size=3), "torch.nn.MaxPool2d"),
            ({"op": "max_pool3d"}, "max_pool2d"),
            ({"op": "max_pool2d", "kernal_size": 3}, "kernel_size"),
            ({"pool_size": 2}, "convention="),                  # Keras names need the convention
            ({"kernel_size": 2, "dilation": 2}, None),           # fine: dilation is max_pool2d's
            ({"op": "avg_pool2d", "dilation": 2}, "avg_pool2d takes"),
            ({"kernel_size": "3"}, "kernel_size='3'"),
            ({"kernel_size": 2.5}, "kernel_size=2.5"),
            ({"kernel_size": True}, "kernel_size=True"),
            ({"kernel_size": 2, "ceil_mode": "yes"}, "ceil_mode"),
            ({"kernel_size": 2, "convention": "caffe"}, "pytorch, tensorflow, onnx, mxnet"),
            ({"kernel_size": 2, "convention": "onnx"}, None),
        ]
        for layer, says in cases:
            if says is None:
                poolscope.params_of(layer)
                continue
            with self.assertRaises(ValueError, msg=repr(layer)) as caught:
                poolscope.params_of(layer)
            self.assertIn(says, str(caught.exception))
        with self.assertRaisesRegex(ValueError, "carries its own arguments"):
            poolscope.params_of(fake("MaxPool2d", kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False,
                                     return_indices=False), kernel_size=3)
        with self.assertRaisesRegex(ValueError, "does not apply"):
            poolscope.params_of(fake("AdaptiveAvgPool2d", output_size=2), convention="onnx")
        with self.assertRaisesRegex(ValueError, "by keyword"):
            poolscope.params_of(functools.partial(max_pool2d, X))
        with self.assertRaisesRegex(ValueError, "convention must be"):
            poolscope.params_of({"kernel_size": 2}, convention="jax")
        with self.assertRaisesRegex(ValueError, "says convention"):
            poolscope.params_of({"kernel_size": 2, "convention": "onnx"}, convention="mxnet")


class Inputs(unittest.TestCase):
    def test_every_form_and_rank(self):
        self.assertEqual(poolscope.page({"kernel_size": 2}, X).input, X)
        self.assertEqual(poolscope.page({"kernel_size": 2}, tuple(tuple(r) for r in X)).input, X)
        array = Array([X, X])  # C x H x W, as NumPy's tolist() gives it
        self.assertEqual(poolscope.page({"kernel_size": 2}, array).input, [X, X])
        tensor = Array([[X]], torch_like=True)  # 1 x 1 x H x W
        self.assertEqual(poolscope.page({"kernel_size": 2}, tensor).input, [X])
        self.assertEqual(tensor.calls, ["detach", "cpu"])
        floats = [[0.1, -2.5], [float("nan"), float("-inf")]]
        self.assertEqual(poolscope.page({"kernel_size": 1}, floats).input, [[0.1, -2.5], ["nan", "-inf"]])

    def test_a_batch_shows_its_first_sample_and_says_so(self):
        batch = [[X], [[[9] * 4] * 4], [X]]
        with self.assertWarnsRegex(UserWarning, "batch of 3"):
            view = poolscope.page({"kernel_size": 2}, batch)
        self.assertEqual(view.input, [X])
        self.assertIn("batch of 3", view.notes[0])
        self.assertIn("batch of 3", view._repr_html_() if _has_page() else view.notes[0])

    def test_unsupported_shapes_say_what_is_supported(self):
        supported = "(H, W), (C, H, W) or (N, C, H, W)"
        for x, says in [([1, 2, 3], supported), (5, supported), ([[[[[1]]]]], supported),
                        ([], "empty"), ([[1, 2], [3]], "ragged"), ([[[1]]] * 9, "9 channel(s)"),
                        ([[0] * 33] * 2, "2 x 33"), ([["a", "b"]], "real numbers"),
                        ([[True, False]], "real numbers"), ([[1 + 2j]], "real numbers"),
                        ([[1e39]], "float32"), ([[10 ** 40]], "float32"), ([[[[]]]], "empty")]:
            with self.assertRaises(ValueError, msg=repr(x)[:40]) as caught:
                poolscope.page({"kernel_size": 1}, x)
            self.assertIn(says, str(caught.exception))


def _has_page():
    import os
    return os.path.exists(poolscope._PAGE)


class Links(unittest.TestCase):
    def test_link_is_the_apps_encoding(self):
        link = poolscope.link({"kernel_size": 3, "stride": 2, "padding": 1}, X,
                              base="https://example.org/p/index.html?old=1#old", step=2, view="backward,compare",
                              lang="zh", presentation=True)
        self.assertTrue(link.startswith("https://example.org/p/index.html#params=%7B%22op%22:%22max_pool2d%22,"))
        values = fragment_values(link)
        self.assertEqual(json.loads(values["params"]),
                         {"op": "max_pool2d", "kernel_size": 3, "stride": 2, "padding": 1})
        self.assertEqual(json.loads(values["input"]), X)
        self.assertEqual((values["step"], values["view"], values["lang"], values["presentation"]),
                         ("2", "backward,compare", "zh", "1"))
        self.assertNotIn("+", link)
        self.assertNotIn(" ", link)

    def test_link_needs_a_base_and_options_are_checked(self):
        with self.assertRaisesRegex(ValueError, "base="):
            poolscope.link({"kernel_size": 2}, X)
        for bad in [dict(view="sideways"), dict(step=-1), dict(step=True), dict(lang="fr"), dict(height=10),
                    dict(view="backward,unpool")]:
            with self.assertRaises(ValueError, msg=repr(bad)):
                poolscope.page({"kernel_size": 2}, X, **bad)

    def test_the_page_carries_the_link(self):
        if not _has_page():
            self.skipTest("no web page in the package (make python)")
        view = poolscope.page({"kernel_size": 2}, X, base="https://example.org/p/")
        page = view.page_html()
        self.assertNotIn(_layers.__name__, page)
        self.assertIn('"link": "#' + view.fragment + '"', page)
        self.assertIn('"base": "https://example.org/p/"', page)
        frame = view._repr_html_()
        self.assertTrue(frame.startswith('<div class="poolscope"><iframe title="PoolScope" srcdoc="&lt;!doctype'))
        self.assertIn("width:100%;height:620px", frame)
        self.assertNotIn("http://", page.split("<body>")[0].replace("http://www.w3.org", ""))


class Package(unittest.TestCase):
    def test_version_is_the_apps(self):
        if APP_VERSION is None:
            self.skipTest("no app version given")
        self.assertEqual(poolscope.__version__, APP_VERSION)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
