"""Markdown rendered as the build renders it (mkdocs.yml's markdown_extensions), so the content
checks look at the same HTML the build sanitises, without running MkDocs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import markdown

from vneid_site.errors import SiteError

# MkDocs always loads these, before the extensions mkdocs.yml names.
BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")


class RenderingError(SiteError):
    """mkdocs.yml names a Markdown extension that cannot be loaded."""


def extension_list(configured: Sequence[Any]) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """(names, configs) from mkdocs.yml's list of names and {name: config} items."""
    names: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    for item in (*BUILTIN_EXTENSIONS, *configured):
        entries = item.items() if isinstance(item, dict) else [(item, None)]
        for name, config in entries:
            if not isinstance(name, str):
                continue
            if name not in names:
                names.append(name)
            if isinstance(config, dict):
                configs[name] = {**configs.get(name, {}), **config}
    return names, configs


class MarkdownRenderer:
    """One Markdown instance for every page, reset between pages."""

    def __init__(self, configured: Sequence[Any]) -> None:
        names, configs = extension_list(configured)
        try:
            self._md = markdown.Markdown(extensions=names, extension_configs=configs)
        except (ImportError, ValueError, TypeError, KeyError) as err:
            raise RenderingError(
                f"mkdocs.yml: markdown_extensions cannot be loaded ({err})\n"
                "fix: correct the extension's name or options under markdown_extensions, or "
                "install the pinned requirements (pip install -r requirements.txt)"
            ) from None

    def render(self, body: str) -> str:
        """The HTML of a page's Markdown body (front matter removed)."""
        self._md.reset()
        return self._md.convert(body)

    @property
    def toc_tokens(self) -> list[dict[str, Any]]:
        """The table of contents of the page rendered last, as the toc extension gives it to
        MkDocs (which makes each token an entry of `page.toc`)."""
        return list(getattr(self._md, "toc_tokens", []))
