"""The page templates' compiled code, kept between builds: Jinja compiles every template it
renders (Material's and the project's, about forty) in every build and in each language's,
which is a third of a warm build of a small site. A template is compiled again when its source,
its name or path, the settings of the environment that compiles it, or the versions of Jinja,
MkDocs or the theme changed.

The code is loaded and run as Python: it is kept in the web cache folder, which is the build's
own (checks/repository.py stops a build that finds files committed there)."""

from __future__ import annotations

import base64
import binascii
import pickle
from pathlib import Path

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket

from vneid_site.cache import KeptResults, code_digest

FILE = "templates.json"
# What compiles a template and what the compiled code calls into.
PACKAGES = ("jinja2", "mkdocs", "mkdocs-material", "mkdocs-static-i18n", "markupsafe")


def environment_key(env: Environment) -> str:
    """The settings of `env` that shape the code Jinja compiles."""

    def named(value: object) -> str:
        return getattr(value, "__qualname__", None) or repr(value)

    return repr(
        (
            sorted(env.extensions),
            env.block_start_string,
            env.block_end_string,
            env.variable_start_string,
            env.variable_end_string,
            env.comment_start_string,
            env.comment_end_string,
            env.line_statement_prefix,
            env.line_comment_prefix,
            env.trim_blocks,
            env.lstrip_blocks,
            env.newline_sequence,
            env.keep_trailing_newline,
            env.optimized,
            env.is_async,
            named(env.autoescape),
            named(env.finalize),
        )
    )


class KeptTemplates(BytecodeCache):
    """Compiled templates, in one file of `folder`: those this build compiled or found there
    are kept for the next one."""

    def __init__(self, folder: Path) -> None:
        self.results = KeptResults(folder / FILE, code_digest((__name__,), PACKAGES))

    def _key(self, bucket: Bucket) -> str:
        # bucket.key: the template's name and path; checksum: its source.
        env = environment_key(bucket.environment)
        return self.results.key(f"{env}\0{bucket.key}\0{bucket.checksum}")

    def load_bytecode(self, bucket: Bucket) -> None:
        kept = self.results.get(self._key(bucket))
        if kept is None:
            return
        try:
            # Jinja checks its own version and the source's checksum again, and compiles the
            # template when the code is not whole.
            bucket.bytecode_from_string(base64.b64decode(kept, validate=True))
        except (binascii.Error, pickle.UnpicklingError, ValueError, TypeError, EOFError):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        code = base64.b64encode(bucket.bytecode_to_string()).decode("ascii")
        self.results.keep(self._key(bucket), code)

    def save(self) -> None:
        self.results.save()
