"""Fixtures of the browser tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tests.support.browser import Visit, page_opener


@pytest.fixture
def visit(browser) -> Iterator[Callable[..., Visit]]:
    """Opens pages in fresh contexts (at DESKTOP size unless told), closed after the test."""
    yield from page_opener(browser)
