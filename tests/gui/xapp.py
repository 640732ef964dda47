"""The real PoolScope window under Xvfb, driven with xdotool: shared by every real-window test driver.

XApp starts `poolscope --state-out FILE ...`, waits for the window (xdotool search --sync), sends keys and
clicks, and reads the app's state JSON back by pressing F12 until a newer report is written. Widget positions
come from the state's "anchors" (screen rectangles the app records every frame), so clicks hit real widgets.
"""
import json
import os
import subprocess
import sys
import time

TIMEOUT = 60.0  # seconds for any single wait: generous for a loaded 2-core machine


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class XApp:
    def __init__(self, exe, args, state_path, env, cwd=None):
        self.state_path = state_path
        if os.path.exists(state_path):
            os.remove(state_path)
        self.proc = subprocess.Popen([exe, "--state-out", state_path, *args], env=env, cwd=cwd)
        self.sequence = 0
        out = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", "^PoolScope$"],
                             capture_output=True, text=True, timeout=TIMEOUT)
        check(out.returncode == 0 and out.stdout.strip(), "the PoolScope window did not appear")
        self.window = out.stdout.split()[0]
        # No window manager under Xvfb: focus the window directly and keep the pointer inside it.
        self.xdotool("mousemove", "--window", self.window, "5", "5")
        self.xdotool("windowfocus", self.window)

    def xdotool(self, *args):
        subprocess.run(["xdotool", *args], check=True, timeout=TIMEOUT)

    def grab(self):
        """The window's pixels as the X server holds them (what the screen shows, not what the app last drew),
        as (width, height, bytes): XGetImage through ctypes, so no screenshot tool is needed."""
        import ctypes
        xlib = ctypes.CDLL("libX11.so.6")

        class XImage(ctypes.Structure):  # the leading fields of Xlib's XImage
            _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int), ("xoffset", ctypes.c_int),
                        ("format", ctypes.c_int), ("data", ctypes.POINTER(ctypes.c_char)),
                        ("byte_order", ctypes.c_int), ("bitmap_unit", ctypes.c_int),
                        ("bitmap_bit_order", ctypes.c_int), ("bitmap_pad", ctypes.c_int),
                        ("depth", ctypes.c_int), ("bytes_per_line", ctypes.c_int),
                        ("bits_per_pixel", ctypes.c_int)]

        class XWindowAttributes(ctypes.Structure):  # x, y, width, height lead the struct
            _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int),
                        ("height", ctypes.c_int), ("rest", ctypes.c_char * 256)]

        xlib.XOpenDisplay.restype = ctypes.c_void_p
        xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        xlib.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p]
        xlib.XGetImage.restype = ctypes.POINTER(XImage)
        xlib.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint,
                                   ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
        xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
        display = xlib.XOpenDisplay(None)
        check(bool(display), "cannot open the X display to read the window")
        try:
            attributes = XWindowAttributes()
            xlib.XGetWindowAttributes(display, int(self.window), ctypes.byref(attributes))
            width, height = attributes.width, attributes.height
            image = xlib.XGetImage(display, int(self.window), 0, 0, width, height, 0xFFFFFFFF, 2)  # ZPixmap
            check(bool(image), "XGetImage failed")
            stride = image.contents.bytes_per_line
            pixels = ctypes.string_at(image.contents.data, stride * height)
            return width, height, pixels  # the image is left to the display's close: a test process
        finally:
            xlib.XCloseDisplay(display)

    def check_same_picture(self, a, b, what):
        """Two grab()s show the same pixels; else a Failure naming `what` and the rows that differ."""
        if a == b:
            return
        width, height, pixels_a = a
        pixels_b = b[2]
        stride = len(pixels_a) // max(height, 1)
        rows = [y for y in range(height)
                if pixels_a[y * stride:(y + 1) * stride] != pixels_b[y * stride:(y + 1) * stride]]
        raise Failure(f"{what}: {len(rows)} of {height} rows differ" +
                      (f" (rows {rows[0]}..{rows[-1]})" if rows else f" (size {a[:2]} against {b[:2]})"))

    def alive(self):
        return self.proc.poll() is None

    def key(self, *keys):
        self.xdotool("key", "--delay", "60", *keys)

    def type(self, text):
        self.xdotool("type", "--delay", "80", text)

    def click(self, x, y):
        self.xdotool("mousemove", "--window", self.window, str(int(x)), str(int(y)))
        # A frame with the pointer in place first, so ImGui knows what is under it when the button goes down.
        self.report()
        self.xdotool("click", "1")

    def scrolled_to(self, state, name):
        """The state once widget `name` is inside the window, scrolling its column with the mouse wheel as a
        user would (a long sidebar or lesson column)."""
        height = state.get("window_size", [0, 800])[1] or 800
        for _ in range(20):
            check(name in state["anchors"], f"the app reports no widget named {name!r}")
            x, y, w, h = state["anchors"][name]
            if y + h <= height - 4:
                return state
            self.xdotool("mousemove", "--window", self.window, str(int(x + w / 2)), str(int(height - 60)))
            self.xdotool("click", "5")
            state = self.report()
        raise Failure(f"{name} stays below the window")

    def click_anchor(self, state, name, fx=0.5, fy=0.5):
        check(name in state["anchors"], f"the app reports no widget named {name!r}")
        state = self.scrolled_to(state, name)
        x, y, w, h = state["anchors"][name]
        self.click(x + w * fx, y + h * fy)

    def report(self):
        """Presses F12 until the app writes a newer state file; returns the state."""
        self.sequence += 1
        deadline = time.monotonic() + TIMEOUT
        next_press = 0.0
        while time.monotonic() < deadline:
            check(self.alive(), f"the app exited (status {self.proc.returncode})")
            if time.monotonic() >= next_press:
                self.key("F12")
                next_press = time.monotonic() + 3.0
            try:
                with open(self.state_path) as f:
                    state = json.load(f)
                if state["sequence"] >= self.sequence:
                    self.sequence = state["sequence"]
                    return state
            except (OSError, ValueError, KeyError):
                pass
            time.sleep(0.05)
        raise Failure("the app did not write its state after F12")

    def describe(self, state):
        """What a failed wait_for shows of the last state; drivers narrow it to what they test."""
        return ""

    def wait_for(self, predicate, what, timeout=TIMEOUT):
        """Reports until predicate(state) holds (window changes take a few frames under X)."""
        deadline = time.monotonic() + timeout
        state = None
        while time.monotonic() < deadline:
            state = self.report()
            if predicate(state):
                return state
            time.sleep(0.2)
        raise Failure(f"timed out waiting for {what}" + (f"; {self.describe(state)}" if state else ""))

    def quit_with_ctrl_q(self):
        """Ctrl+Q, then the exit status (killed and a Failure if the app does not quit)."""
        self.key("ctrl+q")
        try:
            return self.proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.kill()
            raise Failure("the app did not quit on Ctrl+Q")

    def kill(self):
        if self.alive():
            self.proc.kill()
            self.proc.wait()


class FreshApp(XApp):
    """The app at 1280x800 with a settings folder of its own (a temporary XDG_CONFIG_HOME)."""

    def __init__(self, exe, args, prefix="poolscope-gui-"):
        import tempfile
        self.tmp = tempfile.TemporaryDirectory(prefix=prefix)
        env = dict(os.environ, XDG_CONFIG_HOME=self.tmp.name)
        super().__init__(exe, ["--size", "1280x800", *args], os.path.join(self.tmp.name, "state.json"), env)


def run_scenario(scenarios, *options):
    """A driver's main(): `--app PATH [--OPTION VALUE ...] SCENARIO`; runs scenarios[SCENARIO](app, *option
    values), prints "ok NAME" or "FAIL NAME: why" and returns the exit status."""
    import argparse
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", required=True)
    for option in options:
        parser.add_argument("--" + option, required=True)
    parser.add_argument("scenario", choices=sorted(scenarios))
    args = parser.parse_args()
    try:
        scenarios[args.scenario](args.app, *(getattr(args, o) for o in options))
    except Failure as e:
        print(f"FAIL {args.scenario}: {e}", file=sys.stderr)
        return 1
    print(f"ok {args.scenario}")
    return 0

