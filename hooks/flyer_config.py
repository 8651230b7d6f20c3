"""`extra.flyers` in mkdocs.yml, validated once in the flyer hook's on_config (a module of the
hooks folder, which MkDocs puts on sys.path while it imports the hook)."""

from __future__ import annotations

from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as opt

from vneid_site.flyers.packs import VOLUME_SIZE
from vneid_site.flyers.qr_targets import DEFAULT_QR_HOSTS
from vneid_site.flyers.rules import PrintRules


class AtLeast(opt.Type[int]):
    """A whole number of at least `minimum`; `hint` ends the message."""

    def __init__(self, minimum: int, hint: str = "", **kwargs: Any) -> None:
        super().__init__(int, **kwargs)
        self.minimum = minimum
        self.hint = hint

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if number < self.minimum:
            raise base.ValidationError(f"must be {self.minimum} or more{self.hint}")
        return number


class Points(opt.Type[float]):
    """A type size in points, from `low` to `high`."""

    def __init__(self, low: float, high: float, **kwargs: Any) -> None:
        super().__init__((int, float), **kwargs)
        self.low, self.high = low, high

    def run_validation(self, value: object) -> float:
        number = float(super().run_validation(value))
        if not self.low <= number <= self.high:
            raise base.ValidationError(f"must be a size from {self.low:g} to {self.high:g} (pt)")
        return number


class FlyersConfig(base.Config):
    """`extra.flyers` in mkdocs.yml."""

    enabled = opt.Type(bool, default=True)
    # Folder with main.typ, pack.typ and what they import, relative to mkdocs.yml.
    template_dir = opt.Type(str, default="flyer-templates")
    # Generated files kept between builds, relative to mkdocs.yml.
    cache_dir = opt.Type(str, default=".cache/flyers")
    # Flyers per print-pack file; a larger site gets several volumes.
    pack_volume = AtLeast(1, default=VOLUME_SIZE)
    # The offices (a CSV file, relative to mkdocs.yml): each gets its own print packs.
    offices = opt.Optional(opt.Type(str))
    # Worker processes for the flyers; default: one per core, but the one MkDocs renders on.
    workers = opt.Optional(AtLeast(1, " (or left out)"))
    # Hosts that the extra QR codes of flyers (flyer.qr) may open, besides the site's own.
    qr_hosts = opt.ListOfItems(opt.Type(str), default=list(DEFAULT_QR_HOSTS))
    # Legibility (pt): an A4 flyer's body is never smaller; a page that does not fit fails.
    min_body_size = Points(8, 20, default=PrintRules.min_body_size)
    # A flyer goes two to a sheet in the A5 pack only if its body stays this large at A5.
    min_pack_body_size = Points(6, 20, default=PrintRules.min_pack_body_size)
    # A poster's steps on A4 (A3: times 1.41), to read from two metres.
    min_poster_size = Points(14, 40, default=PrintRules.min_poster_size)
    # A flyer with neither steps nor a list needs a summary this long, or the build warns.
    min_summary_chars = AtLeast(0, default=PrintRules.min_summary_chars)
