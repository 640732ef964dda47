#!/usr/bin/python3
"""Hostile input, round three (issue 28), against the built `poolscope`: exports of sizes a format cannot
store, animations with no end, --all-steps on a picture-sized step, `--input @FILE` on /dev/zero and a FIFO,
a quiz that would trace a million-cell window thousands of times, a valid lesson with one huge window, a full
disk (a small tmpfs, when run as root) and a file-size limit (ulimit -f) under export and fmt, fmt on
symlinks, read-only files, hard links and duplicate keys, and a lesson that formats past the load limit.
Every run has a time limit and (unless --no-memory-limit) a 1 GiB address-space limit; each case says what it
measured (seconds, peak memory). Standard library only."""
import argparse
import json
import os
import resource
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time

MEMORY_LIMIT = 1 << 30


class Run:
    def __init__(self, rc, out, err, seconds, peak_mb, timed_out):
        self.rc, self.out, self.err = rc, out, err
        self.seconds, self.peak_mb, self.timed_out = seconds, peak_mb, timed_out

    def __repr__(self):
        return "exit %s in %.2f s, peak %.0f MB; stderr: %s" % (self.rc, self.seconds, self.peak_mb,
                                                                 self.err[-400:])


class Runner:
    def __init__(self, exe, memory_limit, gui):
        self.exe, self.memory_limit, self.gui = exe, memory_limit, gui
        self.failures, self.count = [], 0

    def run(self, args, timeout=30, fsize=None, env=None, cwd=None, memory=True):
        """Runs poolscope with limits; returns its exit code (negative: signal), output, time and peak memory."""
        def limits():
            if self.memory_limit and memory:
                resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
            if fsize is not None:
                resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

        run_env = dict(os.environ)
        run_env.pop("DISPLAY", None)
        run_env.update(env or {})
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            start = time.monotonic()
            p = subprocess.Popen([self.exe] + args, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                 preexec_fn=limits, env=run_env, cwd=cwd)
            timed_out = []
            timer = threading.Timer(timeout, lambda: (timed_out.append(True), p.kill()))
            timer.start()
            _, status, usage = os.wait4(p.pid, 0)
            timer.cancel()
            p.returncode = os.waitstatus_to_exitcode(status)
            seconds = time.monotonic() - start
            out.seek(0)
            err.seek(0)
            return Run(p.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                       seconds, usage.ru_maxrss / 1024.0, bool(timed_out))

    def expect(self, name, condition, why):
        self.count += 1
        print(("ok   " if condition else "FAIL ") + name + ("" if condition else ": " + why))
        if not condition:
            self.failures.append(name + ": " + why)
        return condition

    def measured(self, name, r):
        print("     %s: %.2f s, peak %.0f MB" % (name, r.seconds, r.peak_mb))


def matrix(c, h, w):
    if c == 1:
        return json.dumps([[float((r * w + k) % 10) for k in range(w)] for r in range(h)])
    return json.dumps([[[float((ch + r + k) % 10) for k in range(w)] for r in range(h)] for ch in range(c)])


def no_temps(folder):
    return [n for n in os.listdir(folder) if ".tmp-" in n]


def lesson(steps):
    for step in steps:
        if "input" in step:
            step.setdefault("op", "max_pool2d")
    return json.dumps({"format": "poolscope-lesson/1", "title": "hostile", "steps": steps})


def exports(r, tmp):
    # Item 2: stb_image_write sized its filter buffer in int: 19800 x 80760 wrapped into 502 MB for 4.8 GB.
    big = matrix(8, 32, 32)
    png = os.path.join(tmp, "huge.png")
    x = r.run(["export", "--params", '{"op":"max_pool2d","kernel_size":1}', "--input", big, "--png", png,
               "--cell", "300"])
    r.measured("huge PNG refused", x)
    r.expect("huge PNG refused before painting", x.rc == 1 and "more than the 16,384 pixels a side" in x.err and
             not os.path.exists(png) and x.seconds < 15 and x.peak_mb < 400, repr(x))
    # Item 3: a GIF's screen is 16-bit: 6995 x 65938 was written as 6995 x 402.
    gif = os.path.join(tmp, "tall.gif")
    x = r.run(["export", "--params", '{"op":"max_pool2d","kernel_size":32}', "--input", big, "--gif", gif,
               "--cell", "187"])
    r.expect("GIF taller than 65535 refused", x.rc == 1 and "the GIF would be" in x.err and
             "pixels a side" in x.err and not os.path.exists(gif), repr(x))
    # Item 5: 32x32 with kernel 1 is 1024 window positions: refused at once, with the way out.
    one = matrix(1, 32, 32)
    x = r.run(["export", "--params", '{"op":"max_pool2d","kernel_size":1}', "--input", one, "--gif", gif])
    r.measured("1024-frame GIF refused", x)
    r.expect("1024-frame GIF refused before starting", x.rc == 1 and "1,024 frames" in x.err and
             "--every N or --windows A..B" in x.err and x.seconds < 10 and not os.path.exists(gif), repr(x))
    x = r.run(["export", "--params", '{"op":"max_pool2d","kernel_size":1}', "--input", one, "--gif", gif,
               "--every", "16", "--windows", "1..1024", "--cell", "16"], timeout=120)
    r.measured("--every 16 (64 frames)", x)
    r.expect("--every 16 makes the long animation on purpose", x.rc == 0 and "(64 frames" in x.out, repr(x))
    x = r.run(["export", "--params", '{"op":"max_pool2d","kernel_size":1}', "--input", one, "--gif", gif,
               "--windows", "1..10", "--smooth", "--cell", "16"], timeout=120)
    r.expect("--windows 1..10 --smooth: 10 positions and 9 slides of 4 in-between frames",
             x.rc == 0 and "(46 frames" in x.out, repr(x))
    x = r.run(["export", "--help"])
    r.expect("export --help states the limits", x.rc == 0 and "at most 400 frames" in x.out and
             "--every N" in x.out and "--windows A..B" in x.out, repr(x))
    # Same file twice (item 11).
    x = r.run(["export", "--params", '{"kernel_size":2}', "--input", "[[1,2],[3,4]]", "--gif", gif,
               "--png", os.path.join(tmp, ".", "tall.gif")])
    r.expect("--gif and --png naming one file refused", x.rc == 2 and "names the same file as --gif" in x.err,
             repr(x))
    # Item 4: --all-steps had no size check: a 1024x1024 step grew ~100 MB/s without bound.
    path = os.path.join(tmp, "big-step.json")
    with open(path, "w") as f:
        f.write(lesson([{"input": {"arange": {"shape": [1024, 1024]}}, "kernel_size": 2},
                        {"input": [[1, 2, 3], [4, 5, 6], [7, 8, 9]], "kernel_size": 2}]))
    out_dir = os.path.join(tmp, "steps")
    x = r.run(["export", "--lesson", path, "--all-steps", "--gif", out_dir + "/"], timeout=60)
    r.measured("--all-steps with a 1024x1024 step", x)
    r.expect("--all-steps skips the 1024x1024 step with --step's size check",
             x.rc == 0 and "skipped step 1: input: exports draw up to 8 channels of 32 × 32" in x.out and
             os.path.exists(os.path.join(out_dir, "step-02.gif")) and x.seconds < 20 and x.peak_mb < 600, repr(x))
    x = r.run(["export", "--lesson", path, "--step", "1", "--png", os.path.join(tmp, "s1.png")])
    r.expect("--step applies the same check", x.rc == 1 and "exports draw up to 8 channels" in x.err, repr(x))


def input_files(r, tmp):
    # Item 6: one guarded reader for @FILE.
    args = ["export", "--params", '{"kernel_size":2}', "--png", os.path.join(tmp, "z.png"), "--input"]
    x = r.run(args + ["@/dev/zero"], timeout=10)
    r.expect("export --input @/dev/zero refused at once", x.rc == 1 and "is a device" in x.err and
             x.seconds < 5, repr(x))
    fifo = os.path.join(tmp, "fifo")
    os.mkfifo(fifo)
    x = r.run(args + ["@" + fifo], timeout=10)
    r.expect("export --input @FIFO refused without blocking", x.rc == 1 and "named pipe" in x.err and
             not x.timed_out, repr(x))
    huge = os.path.join(tmp, "huge.txt")
    with open(huge, "wb") as f:
        f.truncate(17 << 20)
    x = r.run(args + ["@" + huge], timeout=10)
    r.expect("export --input @17 MiB file refused", x.rc == 1 and "larger than 16777216 bytes" in x.err, repr(x))


def quiz_and_windows(r, tmp):
    # Item 7: 32 "value" questions on a 1024x1024 window on every one of 1000 steps (~3 hours before).
    quiz = [{"kind": "value", "answer": 0} for _ in range(32)]
    steps = [{"op": "avg_pool2d", "input": {"constant": {"shape": [1024, 1024]}}, "kernel_size": 1024,
              "quiz": quiz}] + [{"quiz": quiz} for _ in range(999)]
    path = os.path.join(tmp, "quiz.json")
    with open(path, "w") as f:
        f.write(lesson(steps))
    x = r.run(["check", path], timeout=60)
    r.measured("check: 32 questions x 1000 steps on a 1024x1024 window (%.1f MB)" %
               (os.path.getsize(path) / 1e6), x)
    r.expect("check bounds the quiz's work", x.rc == 1 and "more window reads than a lesson step may spend" in x.out
             and x.seconds < 20 and x.peak_mb < 700, repr(x) + " " + x.out[-300:])
    # Item 8: a valid lesson with one very large window: check is quick, and so is the window (xvfb).
    big = os.path.join(tmp, "global.json")
    with open(big, "w") as f:
        f.write(lesson([{"op": "avg_pool2d", "input": {"arange": {"shape": [256, 256]}}, "kernel_size": 256}]))
    x = r.run(["check", big], timeout=30)
    r.expect("check of a 256x256 global average", x.rc == 0, repr(x))
    if r.gui and shutil.which("xvfb-run"):
        shot = os.path.join(tmp, "global.png")
        state = os.path.join(tmp, "global-state.json")
        # Leak checking is not the subject here (Mesa and fontconfig keep caches until exit under ASan).
        env = {"HOME": tmp, "XDG_CONFIG_HOME": tmp, "DISPLAY": "", "ASAN_OPTIONS": "detect_leaks=0"}
        run_args = ["--lesson", big, "--screenshot", shot, "--state-out", state, "--size", "1280x720"]
        r.exe, exe = "xvfb-run", r.exe
        x = r.run(["-a", exe] + run_args, timeout=120, env=env, memory=False)  # Xvfb and llvmpipe too
        r.exe = exe
        r.measured("window: first frames of a 256x256 global average", x)
        ok = x.rc == 0 and os.path.exists(shot) and x.seconds < 60
        if ok:
            with open(state) as f:
                s = json.load(f)
            clipped = s.get("layout", {}).get("clipped_text", [])
            ok = len(clipped) < 200
        r.expect("the window draws a 256x256 global average in bounded time", ok, repr(x))


def full_disk(r, tmp):
    # Items 10 and 11: every write error is reported, and what was there stays.
    args = ["export", "--params", '{"kernel_size":2}', "--input", matrix(1, 16, 16)]
    targets = []
    if os.geteuid() == 0:
        disk = os.path.join(tmp, "small-disk")
        os.mkdir(disk)
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk]).returncode == 0:
            targets.append(("a 64 KiB tmpfs", disk, None))
    limited = os.path.join(tmp, "limited")
    os.mkdir(limited)
    targets.append(("ulimit -f 16 KiB", limited, 16 << 10))
    try:
        for what, folder, fsize in targets:
            for ext in ("png", "gif", "svg"):
                out = os.path.join(folder, "x." + ext)
                with open(out, "w") as f:
                    f.write("the previous export")
                x = r.run(args + ["--" + ext, out, "--cell", "96"], fsize=fsize)
                with open(out) as f:
                    kept = f.read()
                r.expect("%s: %s export reports the error, keeps the previous file" % (what, ext.upper()),
                         x.rc == 1 and ("No space left" in x.err or "File too large" in x.err) and
                         "wrote" not in x.out and kept == "the previous export" and not no_temps(folder), repr(x))
        # fmt under a file-size limit (SIGXFSZ killed it before, leaving its temporary file).
        path = os.path.join(limited, "l.json")
        text = lesson([{"input": {"arange": {"shape": [40, 40]}}, "kernel_size": 2}])
        doc = json.loads(text)
        doc["steps"][0]["input"] = [list(range(k, k + 40)) for k in range(40)]  # formatted: ", " between
        compact = json.dumps(doc, separators=(",", ":"))
        with open(path, "w") as f:
            f.write(compact)
        x = r.run(["fmt", path], fsize=len(compact))
        r.expect("fmt past ulimit -f: an error, not SIGXFSZ; no temporary file; the lesson unchanged",
                 x.rc == 1 and "File too large" in x.err and not no_temps(limited) and
                 open(path).read() == compact, repr(x))
    finally:
        for what, folder, _ in targets:
            if what.startswith("a 64"):
                subprocess.run(["umount", folder])


def fmt_files(r, tmp):
    good = lesson([{"input": [[1, 2], [3, 4]], "kernel_size": 2}])
    real = os.path.join(tmp, "real")
    os.mkdir(real)
    target = os.path.join(real, "lesson.json")
    with open(target, "w") as f:
        f.write(good)
    link = os.path.join(tmp, "link.json")
    os.symlink(target, link)
    os.chmod(target, 0o600)
    x = r.run(["fmt", link])
    r.expect("fmt formats a symlink's target, keeps the link and the mode",
             x.rc == 0 and os.path.islink(link) and open(target).read() != good and
             stat.S_IMODE(os.stat(target).st_mode) == 0o600 and not no_temps(real), repr(x))
    ro = os.path.join(tmp, "ro.json")
    with open(ro, "w") as f:
        f.write(good)
    os.chmod(ro, 0o444)
    x = r.run(["fmt", ro])
    r.expect("fmt refuses a read-only lesson", x.rc == 1 and "is read-only" in x.err and open(ro).read() == good,
             repr(x))
    a, b = os.path.join(tmp, "a.json"), os.path.join(tmp, "b.json")
    with open(a, "w") as f:
        f.write(good)
    os.link(a, b)
    x = r.run(["fmt", a])
    r.expect("fmt refuses a lesson with other hard links", x.rc == 1 and "hard links" in x.err and
             open(b).read() == good, repr(x))
    if os.geteuid() == 0:
        theirs = os.path.join(tmp, "theirs.json")
        with open(theirs, "w") as f:
            f.write(good)
        os.chown(theirs, 65534, 65534)
        x = r.run(["fmt", theirs])
        st = os.stat(theirs)
        r.expect("fmt as root keeps another user's ownership", x.rc == 0 and (st.st_uid, st.st_gid) ==
                 (65534, 65534), repr(x))
    dup = os.path.join(tmp, "dup.json")
    dup_text = ('{"format": "poolscope-lesson/1", "title": "T", "steps": [\n  {"op": "max_pool2d", "input": [[1, 2], '
                '[3, 4]],\n   "kernel_size": 2,\n   "kernel_size": 1}]}\n')
    with open(dup, "w") as f:
        f.write(dup_text)
    x = r.run(["check", dup])
    r.expect("check reports a duplicate key with its JSON path and both lines",
             x.rc == 1 and "/steps/0/kernel_size: error: the key \"kernel_size\" is written twice in this object, "
             "on lines 3 and 4" in x.out, repr(x) + x.out)
    x = r.run(["fmt", dup])
    r.expect("fmt refuses a duplicate key and leaves the file", x.rc == 1 and "written twice" in x.err and
             open(dup).read() == dup_text, repr(x))
    # Item 12: compact, under the 4 MiB load limit; formatted (", " between values), over it.
    values = [[100 + (r_ * 1000 + c) % 900 for c in range(1000)] for r_ in range(900)]
    doc = {"format": "poolscope-lesson/1", "title": "T", "steps": [{"op": "max_pool2d", "input": values,
                                                                      "kernel_size": 2}]}
    compact = json.dumps(doc, separators=(",", ":"))
    big = os.path.join(tmp, "compact.json")
    with open(big, "w") as f:
        f.write(compact)
    x = r.run(["fmt", big], timeout=120)
    r.measured("fmt of a %.1f MB compact lesson" % (len(compact) / 1e6), x)
    r.expect("fmt never writes a lesson the loader would refuse", x.rc == 1 and
             "more than the 4194304 a lesson may have" in x.err and open(big).read() == compact and
             not no_temps(tmp), repr(x))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--exe", required=True)
    parser.add_argument("--gui", action="store_true")
    parser.add_argument("--no-memory-limit", action="store_true")
    args = parser.parse_args()
    r = Runner(args.exe, not args.no_memory_limit, args.gui)
    with tempfile.TemporaryDirectory(prefix="poolscope_hostile3_") as tmp:
        for part in (exports, input_files, quiz_and_windows, full_disk, fmt_files):
            folder = os.path.join(tmp, part.__name__)
            os.mkdir(folder)
            part(r, folder)
    for f in r.failures:
        print("FAIL " + f)
    print("%d checks, %d failures" % (r.count, len(r.failures)))
    return 1 if r.failures else 0


if __name__ == "__main__":
    sys.exit(main())
