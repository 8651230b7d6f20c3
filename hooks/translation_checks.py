"""Translation parity: every page exists in each language, and no translation falls behind
its Vietnamese source by more than the allowed number of days."""

from __future__ import annotations

from collections.abc import Iterable

from content_checks import Page
from front_matter import Problem

LANGUAGE_NAMES = {"vi": ("tiếng Việt", "Vietnamese"), "en": ("tiếng Anh", "English")}
DAY = 86400.0


def _names(lang: str) -> tuple[str, str]:
    return LANGUAGE_NAMES.get(lang, (lang, lang))


def translated_name(base: str, lang: str, default: str) -> str:
    return base if lang == default else f"{base[:-3]}.{lang}.md"


def check_parity(
    pages: Iterable[Page], languages: tuple[str, ...], default: str, shown: str = "docs/"
) -> list[Problem]:
    """A missing translation is reported on the original; an orphan translation on itself."""
    pages = list(pages)
    present = {p.src for p in pages}
    problems = []
    for page in pages:
        if page.lang == default:
            for lang in languages:
                want = translated_name(page.src, lang, default)
                if want in present:
                    continue
                vi, en = _names(lang)
                problems.append(
                    Problem(
                        f"{shown}{page.src}",
                        1,
                        f"this page has no {en} translation ({shown}{want})",
                        f"add {shown}{want}: the same front matter keys and the same sections, "
                        f"in {en}; until then the {en} site shows this page untranslated",
                        f"trang này chưa có bản {vi} ({shown}{want})",
                        f"tạo tệp {shown}{want}: cùng các khóa ở phần đầu trang và cùng các mục, "
                        f"viết bằng {vi}; trong lúc chờ, trang {vi} hiện bản chưa dịch",
                    )
                )
        elif page.base not in present:
            vi, en = _names(default)
            problems.append(
                Problem(
                    f"{shown}{page.src}",
                    1,
                    f"this translation has no {en} original ({shown}{page.base}), "
                    "so it is not published",
                    f"add {shown}{page.base}, or rename this file if its name is misspelt",
                    f"bản dịch này không có bản gốc {vi} ({shown}{page.base}), nên không được đăng",
                    f"tạo {shown}{page.base}, hoặc đổi tên tệp này nếu gõ sai tên",
                )
            )
    return problems


def check_staleness(
    pages: Iterable[Page],
    times: dict[str, float],
    default: str,
    max_age_days: float,
    shown: str = "docs/",
) -> list[Problem]:
    """A translation last changed more than `max_age_days` before its original."""
    problems = []
    for page in pages:
        if page.lang == default or page.src not in times or page.base not in times:
            continue
        behind = (times[page.base] - times[page.src]) / DAY
        if behind <= max_age_days:
            continue
        vi, en = _names(page.lang)
        days = round(behind)
        src = f"{shown}{page.base}"
        problems.append(
            Problem(
                f"{shown}{page.src}",
                1,
                f"the {en} page is {days} days older than its source {src} "
                f"(at most {max_age_days:g} allowed)",
                f"bring the translation up to date with the changes to {src} "
                f"(see them with: git log -p {src}), then commit both files",
                f"bản {vi} cũ hơn bản gốc {src} {days} ngày (cho phép tối đa {max_age_days:g})",
                f"cập nhật bản dịch theo các thay đổi của {src} "
                f"(xem bằng lệnh: git log -p {src}), rồi lưu cả hai tệp",
            )
        )
    return problems
