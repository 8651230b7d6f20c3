"""A problem found in a page, worded in English (the build log) and Vietnamese (the checks)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a page, with where and how to fix it, in English and Vietnamese."""

    path: str
    line: int
    message: str
    fix: str
    message_vi: str = ""
    fix_vi: str = ""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}\n  fix: {self.fix}"

    def bilingual(self) -> str:
        """`path:line: <Vietnamese> / <English>` and an indented `sửa / fix:` line."""
        vi, fix_vi = self.message_vi or self.message, self.fix_vi or self.fix
        return (
            f"{self.path}:{self.line}: {vi} / {self.message}\n    sửa / fix: {fix_vi} / {self.fix}"
        )
