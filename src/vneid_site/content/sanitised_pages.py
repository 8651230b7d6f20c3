"""The sanitised bodies of pages in which the HTML policy found nothing to refuse or strip,
kept between builds by a digest of the policy and of the rendered body: a warm build does not
run nh3 and lxml again over a page whose HTML has not changed (0.2 s for 200 pages).

A page with a problem is always checked again, so that its warning is said on every build.
The file lives in the web cache folder, which a pull request cannot bring: the build refuses
a committed cache (checks/repository.py).
"""

from __future__ import annotations

from pathlib import Path

from vneid_site.cache import KeptResults, code_digest, digest
from vneid_site.content.sanitise import CheckedPage, clean_page

FORMAT = "1"
# Every module whose code decides what the sanitiser keeps or reports, and the libraries they
# parse with: a change to any of them makes every saved verdict stale.
POLICY_MODULES = (
    "vneid_site.content.sanitise",
    "vneid_site.content.html_policy",
    "vneid_site.urls",
    "vneid_site.content.ids",
    "vneid_site.content.link_text",
    __name__,
)
POLICY_LIBRARIES = ("nh3", "lxml", "ada-url")


def policy_fingerprint() -> str:
    return digest(FORMAT, code_digest(POLICY_MODULES, POLICY_LIBRARIES))


class SanitisedPages:
    """clean_page with the verdicts of the last build of one language, in `path` (see
    KeptResults: digest of the policy and the body -> the sanitised body)."""

    def __init__(self, path: Path) -> None:
        self._kept = KeptResults(path, policy_fingerprint())
        self.hits = 0

    def clean_page(self, html: str, source: str, shown: str) -> CheckedPage:
        """content.sanitise.clean_page(html, source, shown), from the last build when the
        policy found nothing in the same body then."""
        key = self._kept.key(html)
        if (clean := self._kept.get(key)) is not None:
            self.hits += 1
            return CheckedPage(clean, [], [])
        checked = clean_page(html, source, shown)
        if not checked.refused and not checked.stripped:
            self._kept.keep(key, checked.html)
        return checked

    def save(self) -> None:
        """Keep this build's verdicts (only those: a page changed or gone leaves no entry)."""
        self._kept.save()
