"""What makes a flyer fit to print for the people who read it: type no smaller than a floor
(older readers), and something to say (steps, a list, or a summary of a few lines)."""

from __future__ import annotations

from dataclasses import dataclass

from vneid_site.flyers.content import FlyerContent

# An A4 flyer scaled to A5 in the two-up pack: every size shrinks by this much.
A5_SCALE = 148.5 / 210


@dataclass(frozen=True)
class PrintRules:
    """The numbers of `extra.flyers` that keep flyers legible and worth printing."""

    min_body_size: float = 11.0  # pt: an A4 flyer's body text; a page that does not fit fails
    min_pack_body_size: float = 10.0  # pt: a flyer's body once scaled to A5 in the two-up pack
    min_poster_size: float = 20.0  # pt: a poster's steps on A4 (A3: times √2)
    min_summary_chars: int = 240  # a flyer with neither steps nor a list: about three lines

    def two_up(self, body_size: float) -> bool:
        """Whether a flyer of this body size stays legible at A5."""
        return body_size * A5_SCALE >= self.min_pack_body_size - 1e-6


def empty_flyer(content: FlyerContent, src: str, rules: PrintRules) -> str | None:
    """What the build warns about a flyer that says next to nothing, or None."""
    if any(section.steps for section in content.sections) or content.topics:
        return None
    if len(content.summary) >= rules.min_summary_chars:
        return None
    return (
        f"{src}: the flyer has no steps, no list and a summary of {len(content.summary)} "
        f"characters (at least {rules.min_summary_chars} make a few lines): printed, it says "
        "next to nothing.\n"
        "fix: add flyer.steps (the heading of a section with a numbered list) or a longer "
        "flyer.summary, or set flyer: enabled: false"
    )
