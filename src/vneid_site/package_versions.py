"""Installed packages' versions, which go into cache keys: a new release invalidates what it
made."""

from __future__ import annotations

from functools import cache
from importlib.metadata import version


@cache
def installed(name: str) -> str:
    """importlib.metadata.version(name), looked up once per process: each lookup scans every
    installed distribution (about 3 ms), and a build asks for the same few dozens of times."""
    return version(name)
