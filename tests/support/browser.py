"""Headless Chromium as the tests drive it: Debian's browser, pages opened in fresh contexts
with what they logged and requested."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from tests.support.sitebuild import ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 360, "height": 740}
# Records every Content-Security-Policy violation of a page from its first script on.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(
  `${e.effectiveDirective} blocked ${e.blockedURI || "inline"} ${e.sample || ""}`.trim()));
"""
DESKTOP = {"width": 1280, "height": 900}


class Visit:
    """A page opened in a fresh context, with what it logged and requested."""

    def __init__(self, browser, url: str, viewport: dict) -> None:
        self.context = browser.new_context(viewport=viewport)
        self.page = self.context.new_page()
        self.console: list[str] = []
        self.requests: list[str] = []
        self.failures: list[str] = []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.add_init_script(CSP_LISTENER)
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("requestfailed", lambda r: self.failures.append(r.url))
        self.page.on(
            "response",
            lambda r: self.failures.append(f"{r.status} {r.url}") if r.status >= 400 else None,
        )
        self.page.goto(url, wait_until="networkidle")

    def csp_violations(self) -> list[str]:
        """What the page's policy blocked: its events, and the console's reports of them."""
        events = self.page.evaluate("window.__cspViolations")
        assert events is not None, "the violation listener did not run in this page"
        return events + [m for m in self.console if "Content Security Policy" in m]

    def close(self) -> None:
        self.context.close()


def wait_until(page, expression: str, arg: Any = None, timeout: float = 30.0) -> None:
    """Poll a JavaScript function or expression until it is truthy. Playwright's own
    wait_for_function compiles its predicate inside the page, which the site's
    Content-Security-Policy forbids (no 'unsafe-eval'); evaluate() is not compiled there."""
    end = time.monotonic() + timeout
    while not page.evaluate(expression, arg):
        if time.monotonic() > end:
            raise AssertionError(f"gave up waiting for: {expression.strip()[:120]}")
        page.wait_for_timeout(50)


def add_script(page, path: Path) -> None:
    """Run a test tool (axe-core) in the page: not as a <script> tag, which the page's policy
    would block, but through evaluate()."""
    page.evaluate(path.read_text(encoding="utf-8"))


def page_opener(browser, kind: type[Visit] = Visit) -> Iterator[Callable[..., Visit]]:
    """Yield a function that opens pages as `kind`; every page is closed afterwards."""
    opened: list[Visit] = []

    def open_page(url: str, viewport: dict = DESKTOP) -> Visit:
        opened.append(kind(browser, url, viewport))
        return opened[-1]

    yield open_page
    for item in opened:
        item.close()
