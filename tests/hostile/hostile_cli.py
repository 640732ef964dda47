#!/usr/bin/python3
"""Hostile input against the built `poolscope` (issue 12): deep JSON in every field, huge sizes, NaN and
infinite options, FIFOs where files are expected. Every case runs with a time limit and, unless
--no-memory-limit (sanitizer builds reserve terabytes of shadow memory), a 1 GiB address-space limit, and
must end with exit status 0, 1 or 2 (never a signal), answer one line per non-blank `compute` line in order,
and say what is wrong in a short message. Standard library only."""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile

MEMORY_LIMIT = 1 << 30  # bytes of address space (ulimit -v 1048576)
TIME_LIMIT = 20  # seconds per run
MAX_MESSAGE = 2000  # bytes of stderr, or of one error answer, a readable message stays under

GOOD = {"op": "max_pool2d", "input": [[0, 1, 2], [3, 4, 5], [6, 7, 8]], "kernel_size": 2, "stride": 1}
GOOD_OUTPUT = [[4.0, 5.0], [7.0, 8.0]]
DEEP = 100000  # levels: segfaulted the release build before the fix (ASan: stack overflow at ~5,000)
ANY = "error or output"  # PyTorch accepts some of the extreme values (stride 2^31-1 gives a 1x1 output)
DEEP_ARG = 30000  # levels in one command-line argument (Linux caps an argument at 128 KiB)


def deep(levels, leaf="1"):
    return "[" * levels + leaf + "]" * levels


class Runner:
    def __init__(self, exe, memory_limit):
        self.exe = exe
        self.memory_limit = memory_limit
        self.failures = []
        self.count = 0

    def run(self, name, args, stdin=b"", env=None):
        def limit():
            if self.memory_limit:
                resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

        run_env = dict(os.environ)
        run_env.pop("DISPLAY", None)  # window options must fail before any window is opened
        run_env.pop("WAYLAND_DISPLAY", None)
        run_env.update(env or {})
        try:
            p = subprocess.run([self.exe] + args, input=stdin, capture_output=True, timeout=TIME_LIMIT,
                               preexec_fn=limit, env=run_env)
        except subprocess.TimeoutExpired:
            self.fail(name, "no answer within %d s (hang)" % TIME_LIMIT)
            return None
        if p.returncode < 0:
            self.fail(name, "killed by signal %d; stderr: %s" % (-p.returncode, p.stderr[-500:]))
            return None
        return p

    def fail(self, name, why):
        self.failures.append("%s: %s" % (name, why))

    def expect(self, name, condition, why):
        self.count += 1
        if not condition:
            self.fail(name, why)
        return condition

    # ---- compute ------------------------------------------------------------------------------------

    def compute(self, name, lines, want_errors, want_code=None, message=None):
        """Runs `lines` (bytes each) with a good case after every one; `want_errors[i]` says whether line i
        must be answered with an error (True), an output (False) or either (ANY). Checks one answer per
        non-blank line, in order."""
        stdin = b""
        expected = []  # None = the good case's answer, else True/False for "error expected"
        for line, error in zip(lines, want_errors):
            stdin += line + b"\n" + json.dumps(dict(GOOD, id="good")).encode() + b"\n"
            if line.strip():
                expected.append(error)
            expected.append(None)
        p = self.run(name, ["compute"], stdin)
        if p is None:
            return
        codes = (want_code,) if want_code is not None else (0, 1)
        self.expect(name, p.returncode in codes, "exit %d, wanted %s" % (p.returncode, codes))
        self.expect(name, len(p.stderr) < MAX_MESSAGE, "stderr of %d bytes" % len(p.stderr))
        answers = p.stdout.decode("utf-8", "strict").splitlines()
        if not self.expect(name, len(answers) == len(expected),
                           "%d answers for %d non-blank lines" % (len(answers), len(expected))):
            return
        for i, (answer, want) in enumerate(zip(answers, expected)):
            a = json.loads(answer)
            self.expect(name, ("error" in a) != ("output" in a), "answer %d is %s" % (i, answer[:200]))
            if want is None:
                self.expect(name, a == {"id": "good", "output": GOOD_OUTPUT}, "answer %d is %s" % (i, answer))
            elif want is ANY:
                self.expect(name, len(answer) < MAX_MESSAGE or "output" in a, "answer %d is %d bytes" %
                            (i, len(answer)))
            elif want:
                self.expect(name, "error" in a, "answer %d should be an error: %s" % (i, answer[:200]))
                self.expect(name, len(answer) < MAX_MESSAGE, "answer %d is %d bytes" % (i, len(answer)))
                if message:
                    self.expect(name, message in a.get("error", ""), "answer %d lacks %r: %s" %
                                (i, message, answer[:300]))
            else:
                self.expect(name, "output" in a, "answer %d should be an output: %s" % (i, answer[:200]))

    def compute_cases(self):
        base = json.dumps(dict(GOOD, id="x"))[:-1]  # without the closing brace
        for field in ["id", "kernel_size", "stride", "dilation", "output_size", "return_indices",
                      "ceil_mode", "divisor_override"]:
            line = '{"op":"max_pool2d","input":[[1,2],[3,4]],"kernel_size":1,"%s":%s}' % (field, deep(DEEP))
            if field == "kernel_size":
                line = '{"op":"max_pool2d","input":[[1,2],[3,4]],"kernel_size":%s}' % deep(DEEP)
            self.compute("compute deep " + field, [line.encode()], [True], message="levels deep")
        self.compute("compute deep 4-sided padding",
                     [(base + ',"padding":[0,0,0,%s]}' % deep(DEEP)).encode()], [True], message="levels deep")
        self.compute("compute deep input leaf",
                     [b'{"id":1,"op":"max_pool2d","kernel_size":1,"input":[[1,' + deep(DEEP).encode() + b']]}'],
                     [True], message="levels deep")
        self.compute("compute deep object",
                     [b'{"id":' + b'{"a":' * DEEP + b'1' + b'}' * DEEP + b'}'], [True], message="levels deep")
        self.compute("compute unclosed deep", [b"[" * DEEP], [True])
        # Shallow but long values are quoted briefly.
        long_list = "[" + ",".join(["7"] * 200000) + "]"
        self.compute("compute long padding", [(base + ',"padding":' + long_list + '}').encode()], [True])
        self.compute("compute long kernel", [(base.replace('"kernel_size": 2', '"kernel_size": ' + long_list) +
                                              "}").encode()], [True])
        self.compute("compute long key", [(base + ',"' + "k" * 1000000 + '":1}').encode()], [True],
                     message="unknown key")
        self.compute("compute long op", [('{"op":"' + "m" * 1000000 + '","input":[[1]]}').encode()], [True],
                     message="unknown op")
        self.compute("compute long string leaf",
                     [('{"op":"max_pool2d","kernel_size":1,"input":[[1,"' + "n" * 1000000 + '"]]}').encode()],
                     [True])
        self.compute("compute invalid utf-8", [b'{"id":"\xff\xfe","op":"\xe6\x88"}'], [True])
        # Huge numbers: refused with PyTorch's reasons, never overflowing.
        for value in ["1e400", "-1e400", "99999999999999999999999", "-9223372036854775809",
                      "9223372036854775807", "2147483648", "[2147483647,2147483647]", "1.5", "-0"]:
            for field in ["kernel_size", "stride", "padding", "dilation"]:
                line = json.dumps(dict(GOOD, id="n"))[:-1] + ',"%s":%s}' % (field, value)
                if field == "kernel_size":
                    line = line.replace('"kernel_size": 2, ', "")
                self.compute("compute %s=%s" % (field, value), [line.encode()], [ANY])
        for value in ["1e400", "99999999999999999999999", "[2147483647,2147483647]", "[0,4294967296]"]:
            line = '{"op":"adaptive_avg_pool2d","input":[[1,2],[3,4]],"output_size":%s}' % value
            self.compute("compute output_size=" + value, [line.encode()], [ANY])
        self.compute("compute input 1e308", [b'{"op":"max_pool2d","kernel_size":1,"input":[[1e308,-1e308]]}'],
                     [False])
        # Blank lines get no answer (compute --help says so).
        p = self.run("compute blank lines", ["compute"],
                     b"\n   \n\t\r\n" + json.dumps(dict(GOOD, id="good")).encode() + b"\n\n")
        if p:
            self.expect("compute blank lines", p.stdout.count(b"\n") == 1 and p.returncode == 0,
                        "answers %r, exit %d" % (p.stdout[:200], p.returncode))
        p = self.run("compute --help", ["compute", "--help"])
        if p:
            self.expect("compute --help", p.returncode == 0 and b"blank lines" in p.stdout and
                        b"no answer" in p.stdout, "help does not say blank lines get no answer")
        # PyTorch parity (item 8).
        p = self.run("compute return_indices truthy", ["compute"],
                     json.dumps(dict(GOOD, id="t", return_indices=[33, 21])).encode() + b"\n" +
                     json.dumps(dict(GOOD, id="f", return_indices=[])).encode() + b"\n")
        if p:
            a = [json.loads(line) for line in p.stdout.decode().splitlines()]
            self.expect("compute return_indices truthy", len(a) == 2 and "indices" in a[0] and
                        "indices" not in a[1] and "output" in a[1], "answers %r" % a)
        self.compute("compute adaptive_avg padding 0",
                     [b'{"op":"adaptive_avg_pool2d","input":[[1,2],[3,4]],"output_size":1,"padding":0}'], [True],
                     message="has no padding")

    # ---- shape --------------------------------------------------------------------------------------

    def shape(self, name, args, code, message=None):
        p = self.run(name, ["shape"] + args)
        if p is None:
            return
        self.expect(name, p.returncode == code, "exit %d, wanted %d; stderr %s" % (p.returncode, code, p.stderr[:300]))
        self.expect(name, len(p.stderr) < MAX_MESSAGE and len(p.stdout) < 10 * MAX_MESSAGE,
                    "output of %d+%d bytes" % (len(p.stdout), len(p.stderr)))
        if message:
            self.expect(name, message in p.stderr.decode(), "stderr lacks %r: %s" % (message, p.stderr[:300]))

    def shape_cases(self):
        self.shape("shape in 2^31-1 kernel 8", ["--in", "2147483647", "--kernel", "8"], 1, "more than")
        self.shape("shape kernel 2,7", ["--in", "2147483647", "--kernel", "2,7"], 1)
        self.shape("shape huge padding", ["--in", "9", "--kernel", "1000000,4", "--padding", "2147483647"], 1)
        self.shape("shape in 2^32", ["--in", "4294967296", "--kernel", "3"], 1, "the input has")
        self.shape("shape in 2^62", ["--in", "4611686018427387904", "--kernel", "3", "--stride", "1"], 1)
        self.shape("shape dilation huge", ["--in", "8", "--kernel", "2147483647", "--dilation", "2147483647"], 1)
        self.shape("shape stride huge", ["--in", "2147483647", "--kernel", "1", "--stride", "1"], 1)
        for bad in ["nan", "inf", "-inf", "1e3", "99999999999999999999999", "", "4,", ",4", "4x4x4"]:
            self.shape("shape --in %r" % bad, ["--in", bad, "--kernel", "2"], 2)
        self.shape("shape long option", ["--" + "x" * 100000], 2)

    # ---- check and the window's options -------------------------------------------------------------

    def check_cases(self, tmp):
        fifo = os.path.join(tmp, "fifo.json")
        os.mkfifo(fifo)
        p = self.run("check fifo", ["check", fifo])
        if p:
            self.expect("check fifo", p.returncode == 1 and b"named pipe" in p.stdout,
                        "exit %d: %s" % (p.returncode, p.stdout[:300]))
        p = self.run("check dir with fifo", ["check", tmp])
        if p:
            self.expect("check dir with fifo", p.returncode == 1, "exit %d" % p.returncode)
        p = self.run("check /dev/zero", ["check", "/dev/zero"])
        if p:
            self.expect("check /dev/zero", p.returncode == 1, "exit %d" % p.returncode)

    def option(self, name, args, code, message=None, env=None):
        p = self.run(name, args, env=env)
        if p is None:
            return
        self.expect(name, p.returncode == code, "exit %d, wanted %d; stderr %s" % (p.returncode, code, p.stderr[:300]))
        self.expect(name, len(p.stderr) < MAX_MESSAGE, "stderr of %d bytes" % len(p.stderr))
        if message:
            self.expect(name, message in p.stderr.decode(), "stderr lacks %r: %s" % (message, p.stderr[:300]))

    def window_cases(self, tmp, gui):
        # Without the window (POOLSCOPE_BUILD_APP=OFF) every option is a usage error; messages need the app.
        msg = (lambda m: m) if gui else (lambda m: None)
        for option in ["--zoom", "--scale"]:
            for bad in ["nan", "NaN", "inf", "-inf", "infinity", "1e999", "-1e999", "0x1p99", "", "1,5"]:
                self.option("%s %r" % (option, bad), [option, bad], 2, msg(option))
        for option, bad in [("--size", "99999999999x99999999999"), ("--step", "99999999999999999999999"),
                            ("--select", "0,0,99999999999999999999"), ("--bench-frames", "nan"),
                            ("--lesson-step", "-9223372036854775808"), ("--lang", "x" * 100000)]:
            self.option("%s %s" % (option, bad[:20]), [option, bad], 2, msg(option))
        self.option("--params deep", ["--params", '{"op":"max_pool2d","kernel_size":%s}' % deep(DEEP_ARG)], 2,
                    msg("levels deep"))
        self.option("--params deep padding", ["--params", '{"padding":[0,0,0,%s]}' % deep(DEEP_ARG)], 2)
        self.option("--params deep id", ["--params", '{"op":%s}' % deep(DEEP_ARG)], 2)
        self.option("--params long", ["--params", '{"kernel_size":[%s]}' % ",".join(["3"] * 30000)], 2)
        deep_file = os.path.join(tmp, "deep.json")
        with open(deep_file, "w") as f:
            f.write('{"op":"max_pool2d","kernel_size":%s}' % deep(DEEP))
        self.option("--params @deep file", ["--params", "@" + deep_file], 2, msg("levels deep"))
        self.option("--input @deep file", ["--input", "@" + deep_file], 2)
        self.option("--input deep", ["--input", deep(DEEP_ARG)], 2)
        self.option("--params 1e400", ["--params", '{"kernel_size":1e400}'], 2)
        self.option("--state-out missing dir", ["--state-out", "/nonexistent/dir/s.json"], 2, msg("does not exist"))
        self.option("--screenshot missing dir", ["--screenshot", "/nonexistent/dir/s.png"], 2, msg("does not exist"))
        fifo = os.path.join(tmp, "fifo.json")
        self.option("--state-out fifo", ["--state-out", fifo], 2, msg("named pipe"))
        self.option("--input @fifo", ["--input", "@" + fifo], 2, msg("named pipe"))
        self.option("--params @fifo", ["--params", "@" + fifo], 2, msg("named pipe"))
        self.option("--lesson fifo", ["--lesson", fifo], 1 if gui else 2, msg("named pipe"))
        self.option("lesson fifo argument", [fifo], 1 if gui else 2, msg("named pipe"))
        if gui:
            # A FIFO settings.json: the start goes on (no display here, so it ends there, with exit 1).
            config = os.path.join(tmp, "config")
            os.makedirs(os.path.join(config, "poolscope"))
            os.mkfifo(os.path.join(config, "poolscope", "settings.json"))
            self.option("settings.json fifo", [], 1, "named pipe", env={"XDG_CONFIG_HOME": config})


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--exe", required=True, help="the built poolscope")
    parser.add_argument("--gui", action="store_true", help="the executable has the window (check its messages)")
    parser.add_argument("--no-memory-limit", action="store_true", help="sanitizer builds: no ulimit -v")
    args = parser.parse_args()
    runner = Runner(args.exe, not args.no_memory_limit)
    with tempfile.TemporaryDirectory(prefix="poolscope_hostile_") as tmp:
        runner.compute_cases()
        runner.shape_cases()
        runner.check_cases(tmp)
        runner.window_cases(tmp, args.gui)
    for f in runner.failures:
        print("FAIL " + f)
    print("%d checks, %d failures" % (runner.count, len(runner.failures)))
    return 1 if runner.failures else 0


if __name__ == "__main__":
    sys.exit(main())
