"""The tooltip of the permalink MkDocs adds to each heading, in the language of the build.

`toc.permalink_title` in mkdocs.yml is one text for the whole site (in Vietnamese); static-i18n
cannot set Markdown options per language, so the other languages' pages get theirs here.
"""

from __future__ import annotations

import html
import re

# Tooltip of the heading permalinks per language; the default language's is in mkdocs.yml.
PERMALINK_TITLES = {
    "vi": "Liên kết tới mục này",
    "en": "Link to this section",
}


def retitle_permalinks(page_html: str, configured: str, lang: str) -> str:
    """`page_html` with the permalinks' `title="configured"` in `lang`'s words."""
    wanted = PERMALINK_TITLES.get(lang)
    if not configured or wanted is None or wanted == configured:
        return page_html
    anchor = re.compile(
        r'(<a class="headerlink" href="[^"]*" title=")' + re.escape(html.escape(configured)) + '"'
    )
    return anchor.sub(lambda m: m.group(1) + html.escape(wanted) + '"', page_html)
