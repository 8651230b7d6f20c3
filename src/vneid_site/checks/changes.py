"""Which pages and flyers a set of changed files affects, in both languages, written as the
Markdown summary a pull request shows. Nothing here imports MkDocs."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from vneid_site.content.front_matter import parse_page_meta
from vneid_site.flyers.paths import output_paths
from vneid_site.i18n.languages import Languages

STATUS = {"A": "thêm / added", "M": "sửa / modified", "D": "xóa / deleted"}


@dataclass(frozen=True)
class AffectedPage:
    lang: str
    url: str  # site path, 'en/huong-dan/x/'
    src: str  # the docs file whose text the page shows
    title: str
    flyer: str | None  # site path of its flyer, None when the page has none
    change: str


@dataclass
class Summary:
    pages: list[AffectedPage] = field(default_factory=list)
    site_wide: list[str] = field(default_factory=list)  # why every page may change
    other_files: list[str] = field(default_factory=list)


def _site_wide(path: str) -> str | None:
    if path.startswith("flyer-templates/"):
        return f"`{path}`: mẫu tờ rơi / the flyer template (mọi tờ rơi / every flyer)"
    if path == "mkdocs.yml":
        return "`mkdocs.yml`: cấu hình trang web / site configuration (mọi trang / every page)"
    if path.startswith(("hooks/", "overrides/", "src/")):
        return f"`{path}`: mã dựng trang / build code (mọi trang / every page)"
    if path in ("requirements.txt", "requirements.in"):
        return f"`{path}`: phiên bản công cụ / tool versions (mọi trang / every page)"
    return None


def affected(
    changes: Iterable[tuple[str, str]],
    existing: set[str],
    read: Callable[[str], str | None],
    languages: Languages,
    docs_prefix: str = "docs/",
) -> Summary:
    """Pages and flyers touched by `changes` ((status A/M/D, repository path) pairs).

    `existing` holds the docs-relative pages present after the change, and `read` returns a
    page's text (None if it cannot be read). A change to a Vietnamese page also changes the
    English page when that page has no translation yet: the English site shows its text.
    """
    summary = Summary()
    for status, path in changes:
        reason = _site_wide(path)
        if reason is not None:
            summary.site_wide.append(reason)
            continue
        if not path.startswith(docs_prefix):
            continue
        src = path[len(docs_prefix) :]
        if not src.endswith(".md"):
            summary.other_files.append(path)
            continue
        lang, base = languages.of_source(src)
        shown_in = [lang]
        if lang == languages.default:
            shown_in += [
                other
                for other, twin in languages.twins(src).items()
                if other != lang and twin not in existing
            ]
        text = read(src) if status != "D" else None
        meta = parse_page_meta(text, path)[0] if text is not None else None
        for shown_lang in shown_in:
            url = languages.page_url(base, shown_lang)
            has_flyer = meta is not None and meta.flyer.enabled
            summary.pages.append(
                AffectedPage(
                    lang=shown_lang,
                    url=url,
                    src=path,
                    title=meta.title if meta is not None else src,
                    flyer=output_paths(url).flyer_pdf if has_flyer or status == "D" else None,
                    change=STATUS.get(status[:1], status),
                )
            )
    summary.pages.sort(key=lambda p: (languages.strip_root(p.url)[1], p.lang != languages.default))
    return summary


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(summary: Summary, preview: str | None = None) -> str:
    """The job summary: a table of changed pages and flyers, then site-wide changes."""
    out = ["## Trang và tờ rơi thay đổi / Changed pages and flyers", ""]
    if preview:
        out += [f"Bản xem trước / Preview: {preview}", ""]
    if summary.pages:
        out += [
            "| Trang / Page | Ngôn ngữ / Language | Đường dẫn / Site path | Tờ rơi / Flyer "
            "| Thay đổi / Change | Tệp / Source |",
            "|---|---|---|---|---|---|",
        ]
        for p in summary.pages:
            flyer = f"`{p.flyer}`" if p.flyer else "-"
            out.append(
                f"| {_cell(p.title)} | {p.lang} | `{p.url or '/'}` | {flyer} | {p.change} "
                f"| `{p.src}` |"
            )
    else:
        out.append("Không có trang nào thay đổi / No page changed.")
    if summary.site_wide:
        out += ["", "Thay đổi ảnh hưởng toàn trang / Changes that affect the whole site:", ""]
        out += [f"- {reason}" for reason in summary.site_wide]
    if summary.other_files:
        out += ["", "Tệp khác trong docs/ / Other files in docs/:", ""]
        out += [f"- `{path}`" for path in summary.other_files]
    return "\n".join(out) + "\n"
