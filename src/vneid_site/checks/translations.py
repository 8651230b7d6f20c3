"""Translation parity: every page exists in each language, and no translation falls behind
its Vietnamese source by more than the allowed number of days. The build and
scripts/check_content.py use the same check, so they say the same thing."""

from __future__ import annotations

from collections.abc import Iterable

from vneid_site.content.problems import Problem
from vneid_site.i18n.languages import Languages

LANGUAGE_NAMES = {"vi": ("tiếng Việt", "Vietnamese"), "en": ("tiếng Anh", "English")}
DAY = 86400.0


def _names(lang: str) -> tuple[str, str]:
    return LANGUAGE_NAMES.get(lang, (lang, lang))


def check_parity(
    sources: Iterable[str], languages: Languages, shown: str = "docs/"
) -> list[Problem]:
    """A missing translation is reported on the original; an orphan translation on itself.

    `sources` are docs-relative Markdown files ('huong-dan/x.en.md').
    """
    sources = list(sources)
    present = set(sources)
    problems = []
    for src in sources:
        lang, base = languages.of_source(src)
        if lang == languages.default:
            for other, want in languages.twins(src).items():
                if want in present:
                    continue
                vi, en = _names(other)
                problems.append(
                    Problem(
                        f"{shown}{src}",
                        1,
                        f"this page has no {en} translation ({shown}{want})",
                        f"add {shown}{want}: the same front matter keys and the same sections, "
                        f"in {en}; until then the {en} site shows this page untranslated",
                        f"trang này chưa có bản {vi} ({shown}{want})",
                        f"tạo tệp {shown}{want}: cùng các khóa ở phần đầu trang và cùng các mục, "
                        f"viết bằng {vi}; trong lúc chờ, trang {vi} hiện bản chưa dịch",
                    )
                )
        elif base not in present:
            vi, en = _names(languages.default)
            problems.append(
                Problem(
                    f"{shown}{src}",
                    1,
                    f"this translation has no {en} original ({shown}{base}), "
                    "so it is not published",
                    f"add {shown}{base}, or rename this file if its name is misspelt",
                    f"bản dịch này không có bản gốc {vi} ({shown}{base}), nên không được đăng",
                    f"tạo {shown}{base}, hoặc đổi tên tệp này nếu gõ sai tên",
                )
            )
    return problems


def check_staleness(
    sources: Iterable[str],
    times: dict[str, float],
    languages: Languages,
    max_age_days: float,
    shown: str = "docs/",
) -> list[Problem]:
    """A translation last changed more than `max_age_days` before its original."""
    problems = []
    for src in sources:
        lang, base = languages.of_source(src)
        if lang == languages.default or src not in times or base not in times:
            continue
        behind = (times[base] - times[src]) / DAY
        if behind <= max_age_days:
            continue
        vi, en = _names(lang)
        days = round(behind)
        original = f"{shown}{base}"
        problems.append(
            Problem(
                f"{shown}{src}",
                1,
                f"the {en} page is {days} days older than its source {original} "
                f"(at most {max_age_days:g} allowed)",
                f"bring the translation up to date with the changes to {original} "
                f"(see them with: git log -p {original}), then commit both files",
                f"bản {vi} cũ hơn bản gốc {original} {days} ngày "
                f"(cho phép tối đa {max_age_days:g})",
                f"cập nhật bản dịch theo các thay đổi của {original} "
                f"(xem bằng lệnh: git log -p {original}), rồi lưu cả hai tệp",
            )
        )
    return problems
