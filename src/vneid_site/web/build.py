"""One build's web assets, for the site hook: the settings from mkdocs.yml, the web fonts
(made while MkDocs collects the files), and compressed copies once the whole site is written."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from vneid_site.cache import FileCache
from vneid_site.web.fonts import WebFonts, build_web_fonts
from vneid_site.web.precompress import precompress_site
from vneid_site.web.settings import WebSettings


@dataclass
class WebBuild:
    settings: WebSettings
    config_file: Path  # mkdocs.yml: its text (site name, navigation) is shown on pages
    fonts: WebFonts | None = None

    @cached_property
    def cache(self) -> FileCache:
        # One for the whole build: it keeps what it verified for the next build (`finish`).
        return FileCache(self.settings.cache_dir)

    def make_fonts(self, pages: Iterable[str]) -> dict[str, Path]:
        """The stylesheet and font files to copy into the site (site path -> file), cut down
        to what the site can show: the text of `pages` and of mkdocs.yml."""
        texts = [*pages, self.config_file.read_text(encoding="utf-8")]
        self.cache.sweep()  # temporary files of a build that was killed mid-write
        self.fonts = build_web_fonts(self.cache, texts)  # a FontError if they are missing
        return self.fonts.site_files()

    def add_fonts(
        self, files: Any, pages: Iterable[str], generated: Callable[[str, Path], Any]
    ) -> None:
        """Add the fonts to MkDocs' `files` (read duck-typed), made for `pages`, the text of
        its pages; `generated(site path, source file)` makes a file. A copy in docs/ (an old
        fonts.css, which would name font files that are not there) gives way."""
        made = self.make_fonts(pages)
        for path, source in made.items():
            if stale := files.get_file_from_path(path):
                files.remove(stale)
            files.append(generated(path, source))

    @property
    def preload(self) -> str | None:
        """Site path of the font that every page preloads (overrides/main.html)."""
        return self.fonts.preload if self.fonts else None

    def finish(self, site_dir: str | Path) -> str | None:
        """Write the compressed copies if the settings ask for them: the line for the log."""
        done = precompress_site(Path(site_dir), self.cache) if self.settings.precompress else None
        self.cache.save_index()
        return done.report() if done else None
