"""A static file server for a built site, on 127.0.0.1, its port bound before anything uses
its address (no "free" port picked now and bound minutes later)."""

from __future__ import annotations

import functools
import http.server
import socket
import threading
from pathlib import Path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


class SiteServer:
    """Bound on creation; serves `root` once `start()` is called, until `stop()`."""

    def __init__(self) -> None:
        self.root: Path | None = None
        handler = functools.partial(self._handle)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.port = self.httpd.server_address[1]
        self.thread: threading.Thread | None = None

    def _handle(self, *args, **kwargs):
        return _QuietHandler(*args, directory=str(self.root), **kwargs)

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
