"""Front matter of every page in the current build, shared by the hooks."""

from __future__ import annotations

from front_matter import PageMeta

# Keyed by docs-relative source path ('huong-dan/x.en.md'); filled by site_hook.on_files.
PAGE_META: dict[str, PageMeta] = {}
