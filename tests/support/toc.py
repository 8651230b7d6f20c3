"""A page's table of contents as the theme prints it: Material's own partials/toc.html (the
sidebar) and base.html's skip link, rendered by Jinja as MkDocs renders them (no autoescape),
so tests see exactly what a heading can put into those parts of the page."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
from mkdocs.structure.toc import get_toc

_spec = importlib.util.find_spec("material")
assert _spec is not None and _spec.submodule_search_locations
MATERIAL_TEMPLATES = Path(next(iter(_spec.submodule_search_locations))) / "templates"
_ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(MATERIAL_TEMPLATES))
# base.html's skip link, as written there (MkDocs' url filter leaves a "#..." address alone).
_SKIP = _ENV.from_string(
    "{% if page.toc | first is defined %}{% set skip = page.toc | first %}"
    '<a href="{{ skip.url }}" class="md-skip">Skip</a>{% endif %}'
)


def page_toc(tokens: list[dict[str, Any]]) -> Any:
    """MkDocs' `page.toc` for the toc extension's tokens."""
    return get_toc(tokens)


def toc_html(toc: Any) -> str:
    """The sidebar's table of contents and the skip link, as a built page holds them."""
    page = SimpleNamespace(toc=toc)
    config = SimpleNamespace(mdx_configs={})
    lang = SimpleNamespace(t=lambda key: "Mục lục")
    sidebar = _ENV.get_template("partials/toc.html").render(
        page=page, config=config, lang=lang, features=[]
    )
    return _SKIP.render(page=page) + sidebar
