#!/usr/bin/python3
"""Prints bench/run.sh's table from its rounds: pool_bench JSON (cpp_<i>.json) and torch_baseline.py JSON
(torch_<i>.json) in one directory. Each round's ratios are taken within the round (our time and the
baselines measured back to back), then the medians over rounds are shown. Times are CPU time of the
measuring thread (this machine is shared, so wall time counts other people's compiles too).

The last line is exactly: worst ratio vs pytorch: <x>, worst ratio vs copy: <y>
"""
import glob
import json
import os
import platform
import statistics
import sys

ROWS = ["stem/max_indices", "stem/max", "stem/avg", "image/max_indices", "image/max", "image/avg"]
LABELS = {
    "stem": "1x64x112x112 k3 s2 p1",
    "image": "1x3x1024x1024 k2 s2",
    "max_indices": "max+indices",
    "max": "max",
    "avg": "avg",
}
TARGET_VS_TORCH = 0.25
TARGET_VS_COPY = 3.0


def medians_ms(path):
    """name -> median cpu time in ms from one Google Benchmark JSON file."""
    with open(path) as f:
        data = json.load(f)
    scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}
    out = {}
    for b in data["benchmarks"]:
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
            continue
        out[b.get("run_name", b["name"])] = b["cpu_time"] * scale[b["time_unit"]]
    return out, data.get("context", {})


def main():
    d = sys.argv[1]
    rounds = sorted(glob.glob(os.path.join(d, "cpp_*.json")))
    ours, torch_ms, copy_ms, r_torch, r_copy, extra = {}, {}, {}, {}, {}, {}
    identical = {}
    context = {}
    for cpp in rounds:
        i = cpp.rsplit("_", 1)[1].split(".")[0]
        c, context = medians_ms(cpp)
        with open(os.path.join(d, f"torch_{i}.json")) as f:
            t = json.load(f)
        identical = t["identical"]
        for row in ROWS:
            shape = row.split("/")[0]
            o, p, k = c["forward/" + row], t["rows"][row]["cpu_ms"], c["copy/" + shape]
            ours.setdefault(row, []).append(o)
            torch_ms.setdefault(row, []).append(p)
            copy_ms.setdefault(row, []).append(k)
            r_torch.setdefault(row, []).append(o / p)
            r_copy.setdefault(row, []).append(o / k)
        for name, v in c.items():
            if not name.startswith("forward/") and not name.startswith("copy/"):
                extra.setdefault(name, []).append(v)

    med = statistics.median
    cpu = context.get("mhz_per_cpu", "?")
    print(f"PoolScope core throughput: {len(rounds)} rounds, medians; CPU time, single thread; "
          f"{platform.processor() or platform.machine()} {os.cpu_count()} CPUs @ {cpu} MHz")
    print(f"{'case':24} {'op':12} {'ours ms':>9} {'torch ms':>9} {'copy ms':>8} {'vs torch':>9} "
          f"{'vs copy':>8}  targets (<= {TARGET_VS_TORCH}x torch, <= {TARGET_VS_COPY}x copy)")
    worst_t = worst_c = 0.0
    for row in ROWS:
        shape, op = row.split("/")
        rt, rc = med(r_torch[row]), med(r_copy[row])
        worst_t, worst_c = max(worst_t, rt), max(worst_c, rc)
        ok = ("met" if rt <= TARGET_VS_TORCH else "MISSED") + " / " + ("met" if rc <= TARGET_VS_COPY else "MISSED")
        print(f"{LABELS[shape]:24} {LABELS[op]:12} {med(ours[row]):9.3f} {med(torch_ms[row]):9.3f} "
              f"{med(copy_ms[row]):8.3f} {rt:9.3f} {rc:8.3f}  {ok}")
    same = all(identical.values()) and identical
    print("outputs identical to PyTorch (values and indices, bit for bit): " + ("yes" if same else
          "NO: " + ", ".join(k for k, v in identical.items() if not v)))
    for name in sorted(extra):
        note = ""
        if name.startswith("trace_all_cells"):
            note = "  (target < 1 ms: " + ("met" if med(extra[name]) < 1.0 else "MISSED") + ")"
        print(f"{name:42} {med(extra[name]):9.3f} ms{note}")
    print(f"worst ratio vs pytorch: {worst_t:.3f}, worst ratio vs copy: {worst_c:.3f}")


if __name__ == "__main__":
    main()
