"""The one base of the errors a person building the site can fix themselves."""

from __future__ import annotations


class SiteError(Exception):
    """A problem with the site's content or configuration, not with the code: the message
    names the file (or the setting of mkdocs.yml), says what is wrong and ends with a "fix:"
    line. The hooks turn it into a clean MkDocs error, without a traceback; anything else is a
    bug and keeps its traceback."""
