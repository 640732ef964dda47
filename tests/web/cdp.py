"""A headless Chromium driven over the DevTools protocol through --remote-debugging-pipe (standard library
only: the protocol is NUL-separated JSON on file descriptors 3 and 4, no websocket). Used by web_test.py and
bench/web_first_frame.py."""
import base64
import json
import os
import shutil
import subprocess
import tempfile
import time


# The browser's own omnibox popup, a WebUI page that a headless browser never shows: Chromium 156 loads it in a
# renderer of its own as the browser starts, ~1.5 s of CPU on a 2-core machine while the page under test
# starts beside it (bench/README.md: the page's first frame 1279 -> 1000 ms, the bare WebGL page's 847 ->
# 609 ms). Puppeteer turns the same two features off in the browsers it starts (puppeteer#15278).
CHROME_UI_FEATURES = ("WebUIOmniboxPopup", "WebUIOmniboxAimPopup")


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    raise SystemExit("web test: chromium is not installed (scripts/setup-deps.sh installs it)")


class Browser:
    """One headless Chromium with one page; events are kept in self.events for the caller to inspect."""

    def __init__(self, width=1280, height=800, extra_args=()):
        self.profile = tempfile.mkdtemp(prefix="poolscope-chromium-")
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        def plumb():  # in the child: the pipe ends become fds 3 (commands in) and 4 (answers out)
            read_end, write_end = os.dup(to_child_r), os.dup(from_child_w)  # either may be 3 or 4 already
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        args = [find_chromium(), "--headless=new", "--remote-debugging-pipe", "--use-angle=swiftshader",
                "--enable-unsafe-swiftshader", "--no-first-run", "--no-default-browser-check",
                "--disable-gpu-sandbox", f"--user-data-dir={self.profile}", f"--window-size={width},{height}",
                "--lang=en-US", f"--disable-features={','.join(CHROME_UI_FEATURES)}", *extra_args, "about:blank"]
        if os.geteuid() == 0:
            args.insert(1, "--no-sandbox")  # Chromium refuses to run as root with its sandbox
        # close_fds=False: Popen would otherwise close fds 3 and 4 after plumb() made them.
        self.process = subprocess.Popen(args, preexec_fn=plumb, close_fds=False, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        self._buffer = b""
        self._next_id = 0
        self.events = []
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.page(f"{domain}.enable")

    def _read_message(self, deadline):
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self._from_child, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, session=None, timeout=30, **params):
        self._next_id += 1
        request = {"id": self._next_id, "method": method, "params": params}
        if session:
            request["sessionId"] = session
        os.write(self._to_child, json.dumps(request).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            message = self._read_message(deadline)
            if message.get("id") == self._next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def page(self, method, **params):
        return self.call(method, session=self.session, **params)

    def evaluate(self, expression):
        result = self.page("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.05)
        raise TimeoutError(f"timed out waiting for {expression}")

    def press(self, key, code, key_code):
        for kind in ("rawKeyDown", "keyUp"):
            self.page("Input.dispatchKeyEvent", type=kind, key=key, code=code, windowsVirtualKeyCode=key_code,
                      nativeVirtualKeyCode=key_code)

    def key_down(self, key, code, key_code, down=True):
        self.page("Input.dispatchKeyEvent", type="rawKeyDown" if down else "keyUp", key=key, code=code,
                  windowsVirtualKeyCode=key_code, nativeVirtualKeyCode=key_code)

    def click(self, x, y):
        """A left click at page coordinates: the move first (ImGui hovers in one frame, presses in a later one)."""
        self.page("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
        time.sleep(0.2)
        for kind in ("mousePressed", "mouseReleased"):
            self.page("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def screenshot(self, path):
        data = self.page("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as out:
            out.write(base64.b64decode(data))

    def errors(self):
        """Console errors, uncaught exceptions and error log entries seen so far, as text."""
        found = []
        for e in self.events:
            p = e.get("params", {})
            if e["method"] == "Runtime.exceptionThrown":
                found.append(json.dumps(p["exceptionDetails"])[:500])
            elif e["method"] == "Runtime.consoleAPICalled" and p.get("type") == "error":
                found.append(" ".join(str(a.get("value", a.get("description"))) for a in p.get("args", [])))
            elif e["method"] == "Log.entryAdded" and p["entry"].get("level") == "error":
                found.append(p["entry"].get("text", ""))
        return found

    def close(self):
        try:
            self.call("Browser.close", timeout=5)
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._to_child, self._from_child):
            os.close(fd)
        shutil.rmtree(self.profile, ignore_errors=True)
