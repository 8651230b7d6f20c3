"""Large and hostile pages, made up, for the linear-time tests and bench/large_pages.py."""

from __future__ import annotations

import random

SYLLABLES = "ba be bi bo bu ca co cu da de di do ka ke ki ko la le li lo ma me mi mo na ne".split()
SUFFIXES = ("", "s", "ed", "ing", "er", "ly", "ation", "ness")


def _word(rng: random.Random) -> str:
    stem = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
    return stem + rng.choice(SUFFIXES)


def large_page(size: int, title: str, seed: int = 3) -> str:
    """About `size` bytes of Markdown: paragraphs of made-up words (tens of thousands of
    different ones, in families of forms) with a link every few sentences."""
    rng = random.Random(seed)
    parts = [f"---\ntitle: {title}\ndescription: A large page.\n---\n\n## Steps\n\n1. One.\n"]
    total = len(parts[0])
    n = 0
    while total < size:
        words = " ".join(_word(rng) for _ in range(40))
        link = f"[{_word(rng)} {_word(rng)}](https://example.gov.vn/{n}/) and [back](#steps)"
        paragraph = f"{words.capitalize()}, {link}.\n\n"
        parts.append(paragraph)
        total += len(paragraph.encode("utf-8"))
        n += 1
    return "".join(parts)


def unclosed_links(size: int, title: str) -> str:
    """About `size` bytes of `<a>` tags never closed, in one paragraph of lines of 100 tags
    (a page's lines are capped: content/limits.py)."""
    count = size // 35
    tags = ['<a href="https://example.gov.vn/x">' * 100] * (count // 100)
    tags.append('<a href="https://example.gov.vn/x">' * (count % 100))
    body = "\n".join(tags)
    return f"---\ntitle: {title}\ndescription: Unclosed links.\n---\n\n{body}\n"
