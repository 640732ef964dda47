#!/usr/bin/python3
"""The notebook package with PyTorch's own layers, functions and tensors, and NumPy's arrays (issue 31): every
torch.nn pooling module and torch.nn.functional function with each of its arguments, float32 values carried
exactly, a tensor that requires grad or has a batch. Exits 77 (ctest: skipped) when torch is not installed
(POOLSCOPE_WITH_TORCH=1 scripts/setup-deps.sh installs it). Usage: test_torch.py PYTHON_DIR"""
# setup: needs torch
import json
import math
import struct
import sys
import unittest
import warnings

try:
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
except ImportError:
    print("torch is not installed: skipped")
    sys.exit(77)

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, sys.argv[1] if len(sys.argv) > 1 else "python")
import poolscope  # noqa: E402


def params(layer, **kw):
    return poolscope.params_of(layer, **kw)


class TorchLayers(unittest.TestCase):
    def test_modules(self):
        self.assertEqual(params(nn.MaxPool2d(3, stride=2, ceil_mode=True)),
                         {"op": "max_pool2d", "kernel_size": 3, "stride": 2, "ceil_mode": True})
        self.assertEqual(params(nn.MaxPool2d((2, 3), padding=1, dilation=(1, 2), return_indices=True)),
                         {"op": "max_pool2d", "kernel_size": [2, 3], "padding": 1, "dilation": [1, 2],
                          "return_indices": True})
        self.assertEqual(params(nn.AvgPool2d(3, stride=1, padding=1, ceil_mode=True, count_include_pad=False,
                                             divisor_override=2)),
                         {"op": "avg_pool2d", "kernel_size": 3, "stride": 1, "padding": 1, "ceil_mode": True,
                          "count_include_pad": False, "divisor_override": 2})
        self.assertEqual(params(nn.LPPool2d(2, 3, stride=2)),
                         {"op": "lp_pool2d", "norm_type": 2.0, "kernel_size": 3, "stride": 2})
        self.assertEqual(params(nn.LPPool2d(1.5, (2, 3), ceil_mode=True)),
                         {"op": "lp_pool2d", "norm_type": 1.5, "kernel_size": [2, 3], "ceil_mode": True})
        self.assertEqual(params(nn.AdaptiveMaxPool2d((None, 2), return_indices=True)),
                         {"op": "adaptive_max_pool2d", "output_size": [None, 2], "return_indices": True})
        self.assertEqual(params(nn.AdaptiveAvgPool2d(3)), {"op": "adaptive_avg_pool2d", "output_size": 3})
        view = poolscope.page(nn.MaxUnpool2d(2, stride=2, padding=1), torch.zeros(4, 4))
        self.assertEqual(view.params, {"op": "max_pool2d", "kernel_size": 2, "padding": 1, "return_indices": True})
        self.assertIn(("view", "unpool"), view.values)

    def test_functional(self):
        self.assertEqual(params(F.max_pool2d, kernel_size=3, stride=2, padding=1, dilation=1, ceil_mode=True,
                                return_indices=False),
                         {"op": "max_pool2d", "kernel_size": 3, "stride": 2, "padding": 1, "dilation": 1,
                          "ceil_mode": True, "return_indices": False})
        self.assertEqual(params(F.avg_pool2d, kernel_size=2, count_include_pad=False, divisor_override=None),
                         {"op": "avg_pool2d", "kernel_size": 2, "count_include_pad": False,
                          "divisor_override": None})
        self.assertEqual(params(F.lp_pool2d, norm_type=2, kernel_size=2),
                         {"op": "lp_pool2d", "norm_type": 2.0, "kernel_size": 2})
        self.assertEqual(params(F.adaptive_max_pool2d, output_size=2, return_indices=True),
                         {"op": "adaptive_max_pool2d", "output_size": 2, "return_indices": True})
        self.assertEqual(params(F.adaptive_avg_pool2d, output_size=(1, None)),
                         {"op": "adaptive_avg_pool2d", "output_size": [1, None]})
        self.assertEqual(poolscope.page(F.max_unpool2d, torch.zeros(4, 4), kernel_size=2).params,
                         {"op": "max_pool2d", "kernel_size": 2, "return_indices": True})
        with self.assertRaisesRegex(ValueError, "max_pool2d takes"):
            params(F.max_pool2d, kernel=3)
        for other in (nn.Conv2d(1, 1, 3), nn.MaxPool1d(2), nn.MaxPool3d(2), nn.FractionalMaxPool2d(2, (2, 2)),
                      F.relu, torch.max):
            with self.assertRaisesRegex(ValueError, "torch.nn.MaxPool2d", msg=repr(other)):
                params(other)


class TorchTensors(unittest.TestCase):
    def test_float32_values_are_carried_exactly(self):
        torch.manual_seed(0)
        x = torch.randn(2, 5, 7, requires_grad=True)
        values = poolscope.page(nn.MaxPool2d(2), x).input
        flat = [v for c in values for row in c for v in row]
        back = torch.tensor([struct.unpack("f", struct.pack("f", v))[0] for v in flat]).reshape(2, 5, 7)
        self.assertTrue(torch.equal(back, x.detach()))
        link = poolscope.link(nn.MaxPool2d(2), x, base="https://example.org/p/")
        self.assertIn("#params=", link)

    def test_dtypes_devices_and_ranks(self):
        self.assertEqual(poolscope.page(nn.MaxPool2d(2), torch.arange(16).reshape(4, 4)).input[1], [4, 5, 6, 7])
        self.assertEqual(poolscope.page(nn.MaxPool2d(2), torch.arange(4.).reshape(1, 1, 2, 2)).input,
                         [[[0.0, 1.0], [2.0, 3.0]]])
        x = torch.tensor([[1.0, float("nan")], [float("inf"), -2.0]], dtype=torch.float64)
        self.assertEqual(poolscope.page(nn.MaxPool2d(2), x).input, [[1.0, "nan"], ["inf", -2.0]])
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            view = poolscope.page(nn.MaxPool2d(2), torch.rand(4, 3, 8, 8))
        self.assertIn("batch of 4", str(caught[0].message))
        self.assertEqual(len(view.input), 3)
        for bad, says in [(torch.zeros(3), "1 dimension"), (torch.zeros(1, 1, 1, 4, 4), "5 dimension"),
                          (torch.zeros(9, 4, 4), "9 channel"), (torch.zeros(40, 40), "40 x 40"),
                          (torch.zeros(2, 2, dtype=torch.bool), "real numbers"),
                          (torch.zeros(2, 2, dtype=torch.complex64), "real numbers"),
                          (torch.zeros(0, 4), "empty")]:
            with self.assertRaisesRegex(ValueError, says, msg=str(bad.shape)):
                poolscope.page(nn.MaxPool2d(2), bad)


class NumpyArrays(unittest.TestCase):
    def test_arrays(self):
        try:
            import numpy as np
        except ImportError:
            self.skipTest("numpy is not installed")
        a = np.arange(12, dtype=np.float32).reshape(3, 4) / 3
        values = poolscope.page({"kernel_size": 2}, a).input
        self.assertEqual(np.array(values, dtype=np.float32).tolist(), a.tolist())
        self.assertEqual(poolscope.page({"kernel_size": 2}, np.ones((1, 2, 2, 2), dtype=np.int64)).input,
                         [[[1, 1], [1, 1]], [[1, 1], [1, 1]]])
        with self.assertRaisesRegex(ValueError, "real numbers"):
            poolscope.page({"kernel_size": 2}, np.array([["a", "b"]]))
        self.assertTrue(math.isnan(json.loads(json.dumps(float("nan")))))


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
