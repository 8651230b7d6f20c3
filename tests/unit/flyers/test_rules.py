"""What makes a flyer fit to print: legible at A5 or not, and worth printing or not."""

from __future__ import annotations

from vneid_site.flyers.content import FlyerContent, Run, StepSection
from vneid_site.flyers.rules import PrintRules, empty_flyer

RULES = PrintRules()


def test_only_a_body_of_at_least_the_pack_floor_once_scaled_goes_two_up():
    assert RULES.two_up(15) and RULES.two_up(14.5)  # 10.6 and 10.25 pt at A5
    assert not RULES.two_up(14) and not RULES.two_up(11)  # 9.9 and 7.8 pt
    assert PrintRules(min_pack_body_size=7).two_up(11)


def flyer(**fields) -> FlyerContent:
    return FlyerContent(lang="vi", title="T", url="https://x.vn/", **fields)


def test_steps_a_list_or_a_summary_of_a_few_lines_make_a_flyer_worth_printing():
    steps = (StepSection(None, ((Run("Một."),),)),)
    assert empty_flyer(flyer(sections=steps), "docs/a.md", RULES) is None
    assert empty_flyer(flyer(topics=("Hỏi?", "Đáp?", "Ba?")), "docs/a.md", RULES) is None
    assert empty_flyer(flyer(summary="x" * 240), "docs/a.md", RULES) is None
    warning = empty_flyer(flyer(summary="Một câu."), "docs/can-bo.en.md", RULES)
    assert warning.startswith("docs/can-bo.en.md: the flyer has no steps, no list")
    assert "a summary of 8 characters (at least 240" in warning
    assert "fix: add flyer.steps" in warning and "flyer: enabled: false" in warning
    assert empty_flyer(flyer(summary="Một câu."), "x", PrintRules(min_summary_chars=5)) is None
