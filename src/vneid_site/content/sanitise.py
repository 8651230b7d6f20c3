"""Every page's HTML through nh3 (Rust's ammonia) by the allowlist of html_policy.py, and what
it refused or stripped as problems with the file and line, for the build and the checks alike.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass

import nh3

from vneid_site.content import html_policy as policy
from vneid_site.content.markdown_source import masked
from vneid_site.content.problems import Problem

_ATTRIBUTES = {
    tag: set(policy.GLOBAL_ATTRIBUTES | policy.TAG_ATTRIBUTES.get(tag, frozenset()))
    for tag in policy.ALLOWED_TAGS
}
MAX_REPORTED = 30  # problems placed on their lines per page; the rest are counted


# An <input> as nh3 writes it: every value in double quotes, with '"' inside escaped.
_INPUT = re.compile(r'<input((?:\s+[^\s"\'>/=]+(?:="[^"]*")?)*)\s*/?>')
_KEPT_INPUT = re.compile(r'\stype="(?:checkbox|radio)"')


def sanitise(html: str) -> str:
    """`html` with only the allowed elements, attributes, address schemes and styles."""
    clean = nh3.clean(
        html,
        tags=set(policy.ALLOWED_TAGS),
        clean_content_tags=set(policy.CONTENT_DROPPED),
        attributes=_ATTRIBUTES,
        attribute_filter=policy.filter_value,
        generic_attribute_prefixes=set(policy.GENERIC_PREFIXES),
        url_schemes=set(policy.URL_SCHEMES),
        filter_style_properties=set(policy.STYLE_PROPERTIES),
        strip_comments=True,
        link_rel=None,  # links keep the markup Markdown gave them
    )
    # nh3 drops an unlisted type but keeps the element, which would make it a text box: only
    # the check boxes of task lists and the radio buttons of tabs stay.
    if "<input" not in clean:
        return clean
    return _INPUT.sub(lambda m: m[0] if _KEPT_INPUT.search(m[1]) else "", clean)


@dataclass(frozen=True)
class CheckedPage:
    html: str  # sanitised
    refused: list[Problem]  # the build stops on these
    stripped: list[Problem]  # removed from the page, with a warning


def clean_page(html: str, source: str, shown: str) -> CheckedPage:
    """Sanitise a page's rendered body; `source` is its Markdown file's text, `shown` its path
    as messages show it ('docs/x.md')."""
    refused, stripped = html_problems(html, source, shown)
    return CheckedPage(sanitise(html), refused, stripped)


def refusal(refused: list[Problem]) -> str:
    """What the build says when a page holds HTML the sanitiser refuses."""
    return (
        f"{len(refused)} piece(s) of HTML that pages may not hold (see CONTRIBUTING.en.md, "
        "'Allowed HTML'; python scripts/check_content.py lists every page's):\n"
        + "\n".join(map(str, refused))
    )


class SourceLines:
    """The source's lines as a browser would read text in them: entities decoded, tabs gone,
    lower case; front matter, fenced code and code spans blanked (comments are kept: a
    comment opened inside a code span is no comment)."""

    def __init__(self, source: str) -> None:
        text = masked(source, comments=False)
        self.lines = [
            html_lib.unescape(line).replace("\t", "").lower() for line in text.split("\n")
        ]

    def find(self, needles: tuple[str, ...], nth: int = 0) -> int:
        """The line of the `nth` occurrence of the first needle found at all (or its last)."""
        for needle in needles:
            found = [n for n, line in enumerate(self.lines, 1) for _ in range(line.count(needle))]
            if found:
                return found[min(nth, len(found) - 1)]
        return 1


def html_problems(html: str, source: str, shown: str) -> tuple[list[Problem], list[Problem]]:
    """(refused, stripped) problems of a page's rendered body, each at the line of the source
    that holds it; the same problem on one line is said once, with its count."""
    findings = policy.inspect(html)
    if not findings:
        return [], []
    lines = SourceLines(source)
    seen: dict[policy.Finding, int] = {}
    placed: dict[tuple[policy.Finding, int], int] = {}  # (finding, line) -> count
    for finding in findings[:MAX_REPORTED]:
        nth = seen.get(finding, 0)
        seen[finding] = nth + 1
        key = (finding, lines.find(finding.needles, nth))
        placed[key] = placed.get(key, 0) + 1
    refused: list[Problem] = []
    stripped: list[Problem] = []
    for (finding, line), count in placed.items():
        times, times_vi = (f" ({count} times)", f" ({count} lần)") if count > 1 else ("", "")
        problem = Problem(
            shown,
            line,
            finding.message + times,
            finding.fix,
            finding.message_vi + times_vi,
            finding.fix_vi,
        )
        (refused if finding.refused else stripped).append(problem)
    rest = findings[MAX_REPORTED:]
    if rest:
        (refused if any(f.refused for f in rest) else stripped).append(
            Problem(
                shown,
                1,
                f"{len(rest)} more HTML problem(s) in this page",
                "fix the ones above first",
                f"còn {len(rest)} lỗi HTML khác trong trang này",
                "sửa các lỗi ở trên trước",
            )
        )
    return refused, stripped
