"""A headless Chromium driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``: commands on the
browser's file descriptor 3, answers and events on 4, each message JSON ended by a NUL byte), for the tests that
press keys and click in a page. Standard library only: no Playwright, no websocket, no network port.

``Browser(tmp_path)`` opens a blank page; ``open(url)`` loads a page and waits for it; ``evaluate(js)`` returns
the value of an expression; ``key(k)`` types a key; ``requests`` holds every URL the page asked for and
``errors`` every console error and uncaught exception, since the browser started.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

CHROMIUM = shutil.which("chromium")


class Browser:
    def __init__(self, cwd: Path, width: int = 1280, height: int = 900) -> None:
        assert CHROMIUM is not None
        profile = tempfile.mkdtemp(prefix="chromium-profile-", dir=cwd)
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        # the child's descriptors 3 and 4 must be these two pipe ends (copied first, so that placing one cannot
        # close the other where it already sits at 3 or 4); descriptors not listed in ``pass_fds`` are closed
        # after this runs
        def place() -> None:  # runs in the child, before exec
            reading, writing = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(reading, 3)
            os.dup2(writing, 4)

        self._process = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
             "--disable-background-networking", "--disable-component-update", "--remote-debugging-pipe",
             f"--user-data-dir={profile}", f"--window-size={width},{height}", "about:blank"],
            preexec_fn=place, pass_fds=(3, 4), cwd=cwd,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next = 0
        self.requests: list[str] = []
        self.errors: list[str] = []
        self._loaded = False
        targets = self._call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self._session = self._call("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                  mobile=False)

    # --- the protocol ---------------------------------------------------------------------------------------

    def _send(self, method: str, params: dict[str, Any], session: str | None) -> int:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        return self._next

    def _receive(self, timeout: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("chromium did not answer")
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        self._event(message)
        return message

    def _event(self, message: dict[str, Any]) -> None:
        method, params = message.get("method"), message.get("params", {})
        if method == "Network.requestWillBeSent":
            self.requests.append(params["request"]["url"])
        elif method == "Runtime.exceptionThrown":
            self.errors.append(json.dumps(params["exceptionDetails"])[:500])
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            self.errors.append(json.dumps(params.get("args"))[:500])
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            self.errors.append(params["entry"].get("text", "")[:500])
        elif method == "Page.loadEventFired":
            self._loaded = True

    def _call(self, method: str, session: str | None = None, timeout: float = 30, **params: Any) -> dict[str, Any]:
        wanted = self._send(method, params, session)
        while True:
            message = self._receive(timeout)
            if message.get("id") == wanted:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        return self._call(method, self._session, **params)

    # --- what the tests do ----------------------------------------------------------------------------------

    def open(self, url: str) -> None:
        self._loaded = False
        self.call("Page.navigate", url=url)
        deadline = time.monotonic() + 30
        while not self._loaded:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url} did not load")
            self._receive(30)

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(json.dumps(result["exceptionDetails"])[:500])
        return result["result"].get("value")

    def key(self, key: str) -> None:
        for kind in ("keyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", type=kind, key=key, text=key if kind == "keyDown" else "")

    def screenshot(self, path: Path) -> None:
        import base64

        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        try:
            self._send("Browser.close", {}, None)
            self._process.wait(timeout=10)
        except Exception:
            self._process.kill()
        finally:
            os.close(self._to_browser)
            os.close(self._from_browser)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
