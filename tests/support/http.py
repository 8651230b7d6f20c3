"""A static file server for a built site, on 127.0.0.1, its port bound before anything uses
its address (no "free" port picked now and bound minutes later)."""

from __future__ import annotations

import http.server
import socket
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extra_headers: ClassVar[dict[str, str]] = {}

    def log_message(self, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()


class SiteServer:
    """Bound on creation; serves `root` once `start()` is called, until `stop()`, with
    `headers` added to every response (as a web server configured for the site would).

    `handler` answers the requests (a SimpleHTTPRequestHandler subclass: the phone benchmark
    gives one that compresses text); `port` 0 takes a free one.
    """

    def __init__(
        self,
        handler: type[http.server.SimpleHTTPRequestHandler] = _QuietHandler,
        port: int = 0,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.root: Path | None = None
        self.handler = type("_Handler", (handler,), {"extra_headers": dict(headers or {})})
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), self._handle)
        self.port = self.httpd.server_address[1]
        self.thread: threading.Thread | None = None

    def _handle(self, *args, **kwargs) -> http.server.SimpleHTTPRequestHandler:
        # The folder is known only at start(), after the server is bound.
        return self.handler(*args, directory=str(self.root), **kwargs)

    def start(self, root: Path) -> None:
        self.root = root
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        if self.thread is not None:
            self.httpd.shutdown()
        self.httpd.server_close()


def free_port() -> int:
    """A port free now, for a server in another process (`mkdocs serve`) that binds it at once;
    a server in this process binds its own (SiteServer)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> bytes | None:
    """The body at `url`, or None while nothing answers there (a server still starting)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read()
    except OSError:
        return None


def wait_for(predicate: Callable[[], object], timeout: float = 120.0, what: str = "") -> None:
    """Poll `predicate` until it holds; fail naming `what` after `timeout` seconds."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.3)
    raise AssertionError(f"gave up waiting for {what}")
