#!/usr/bin/python3
"""PyTorch 1.13 baseline for bench/run.sh: times F.max_pool2d (with and without indices) and F.avg_pool2d,
single-threaded, on the exact inputs pool_bench wrote, and checks PyTorch's outputs equal ours bit for bit.

Usage: /usr/bin/python3 bench/torch_baseline.py --inputs DIR --out FILE.json [--samples N]
Each figure is the median over N samples; a sample times a batch of calls lasting about 20 ms.
"""
import argparse
import json
import statistics
import time

import numpy as np
import torch
import torch.nn.functional as F

# Must match the cases in bench/pool_bench.cpp.
CASES = {
    "stem": {"shape": (1, 64, 112, 112), "kernel": 3, "stride": 2, "padding": 1},
    "image": {"shape": (1, 3, 1024, 1024), "kernel": 2, "stride": 2, "padding": 0},
}


def time_call(fn, samples):
    for _ in range(10):  # warm-up: allocator, caches, lazy init
        fn()
    t0 = time.perf_counter()
    fn()
    batch = max(1, int(0.02 / max(time.perf_counter() - t0, 1e-7)))
    wall, cpu = [], []
    for _ in range(samples):
        w0, c0 = time.perf_counter(), time.thread_time()
        for _ in range(batch):
            fn()
        w1, c1 = time.perf_counter(), time.thread_time()
        wall.append((w1 - w0) / batch)
        cpu.append((c1 - c0) / batch)
    return {"real_ms": statistics.median(wall) * 1e3, "cpu_ms": statistics.median(cpu) * 1e3}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--inputs", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--samples", type=int, default=15)
    args = ap.parse_args()
    torch.set_num_threads(1)
    results = {"torch_version": torch.__version__, "rows": {}, "identical": {}}
    for name, c in CASES.items():
        base = f"{args.inputs}/{name}"
        x = torch.from_numpy(np.fromfile(base + ".f32", dtype=np.float32).reshape(c["shape"]))
        k, s, p = c["kernel"], c["stride"], c["padding"]
        with torch.no_grad():
            v, i = F.max_pool2d(x, k, s, p, return_indices=True)
            a = F.avg_pool2d(x, k, s, p)
            ours_v = np.fromfile(base + ".max.f32", dtype=np.float32)
            ours_i = np.fromfile(base + ".max.i64", dtype=np.int64)
            ours_a = np.fromfile(base + ".avg.f32", dtype=np.float32)
            results["identical"][name + "/max"] = bool(
                np.array_equal(v.numpy().reshape(-1).view(np.uint32), ours_v.view(np.uint32))
                and np.array_equal(i.numpy().reshape(-1), ours_i))
            results["identical"][name + "/avg"] = bool(
                np.array_equal(a.numpy().reshape(-1).view(np.uint32), ours_a.view(np.uint32)))
            rows = results["rows"]
            rows[name + "/max_indices"] = time_call(lambda: F.max_pool2d(x, k, s, p, return_indices=True),
                                                    args.samples)
            rows[name + "/max"] = time_call(lambda: F.max_pool2d(x, k, s, p), args.samples)
            rows[name + "/avg"] = time_call(lambda: F.avg_pool2d(x, k, s, p), args.samples)
    with open(args.out, "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
