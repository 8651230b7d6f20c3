"""The tooltip of the permalink MkDocs adds to each heading, in the language of the build.

`toc.permalink_title` in mkdocs.yml is one text for the whole site (in Vietnamese); static-i18n
cannot set Markdown options per language, so the other languages' pages get theirs here.
"""

from __future__ import annotations

import html
import re
from typing import Any

# Tooltip of the heading permalinks per language; the default language's is in mkdocs.yml.
PERMALINK_TITLES = {
    "vi": "Đường link tới mục này",
    "en": "Link to this section",
}


def retitle_permalinks(page_html: str, mdx_configs: dict[str, Any], lang: str) -> str:
    """`page_html` with the permalinks' tooltip (`toc.permalink_title` of `mdx_configs`, the
    Markdown extensions' options in mkdocs.yml) in `lang`'s words."""
    configured = str((mdx_configs.get("toc") or {}).get("permalink_title") or "")
    wanted = PERMALINK_TITLES.get(lang)
    if not configured or wanted is None or wanted == configured:
        return page_html
    anchor = re.compile(
        r'(<a class="headerlink" href="[^"]*" title=")' + re.escape(html.escape(configured)) + '"'
    )
    return anchor.sub(lambda m: m.group(1) + html.escape(wanted) + '"', page_html)
