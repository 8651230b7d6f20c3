"""The `extra` blocks of mkdocs.yml (organisation, corrections, web, flyers), validated once
for the whole build with MkDocs' typed config options and handed to the rest of the package as
plain frozen dataclasses. The one module of the package that imports MkDocs."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar, Generic, TypeVar

from mkdocs.config import base
from mkdocs.config import config_options as opt

from vneid_site.corrections import Corrections
from vneid_site.errors import SiteError
from vneid_site.flyers.packs import VOLUME_SIZE
from vneid_site.flyers.qr_targets import DEFAULT_QR_HOSTS, host_name_problem
from vneid_site.flyers.rules import PrintRules
from vneid_site.flyers.settings import FlyerOptions
from vneid_site.i18n.languages import DEFAULT_CODES, from_config
from vneid_site.organisation import OrganisationProfile
from vneid_site.site_build import SiteSettings
from vneid_site.web.settings import DEFAULT_CACHE_DIR, WebSettings

T = TypeVar("T")
_ADDRESS = re.compile(r"https?://[^\s/?#]+(/[^\s?#]+)+")
_LOCALISED = "a text or a {vi: ..., en: ...} mapping"


class ConfigError(SiteError):
    """The `extra` of mkdocs.yml holds something the build cannot use; the message lists every
    problem, each at its key."""

    def __init__(self, problems: Sequence[str]) -> None:
        # One problem on the line that names the file; several, each on a line of its own.
        lines = [f"mkdocs.yml: {problems[0]}"] if len(problems) == 1 else ["mkdocs.yml:", *problems]
        if not all("\nfix: " in problem for problem in problems):
            what = "this" if len(problems) == 1 else "these"
            lines.append(
                f"fix: correct {what} under extra: in mkdocs.yml (the project's own mkdocs.yml "
                "shows each block)"
            )
        super().__init__("\n".join(lines))
        self.problems = list(problems)


class _Tails(base.ValidationError):
    """An option's problems, each as it reads on from its key (`extra.<block>.<key>`): at a
    part of it (".en: missing ...") or naming its value (" 'x' is not ...")."""

    def __init__(self, tails: list[str]) -> None:
        super().__init__("; ".join(tails))
        self.tails = tails


# --- Options ------------------------------------------------------------------------------


class _Option(Generic[T], base.BaseConfigOption[T]):
    """An option whose messages say what it expects; left out or empty, it is its default."""

    expected = "a value"

    def __init__(self, default: T | None = None) -> None:
        super().__init__()
        self.default = default

    def validate(self, value: object, /) -> T:
        if value is None:
            if self.default is None:
                raise base.ValidationError(f"missing; expected {self.expected}")
            value = self.default
        return self.run_validation(value)

    def wrong(self, value: object) -> base.ValidationError:
        return base.ValidationError(f"expected {self.expected}, not {value!r}")


class Flag(_Option[bool]):
    expected = "true or false"

    def run_validation(self, value: object, /) -> bool:
        if not isinstance(value, bool):
            raise self.wrong(value)
        return value


class Text(_Option[str]):
    """A text that is not blank."""

    def __init__(self, expected: str, default: str | None = None) -> None:
        super().__init__(default)
        self.expected = expected

    def run_validation(self, value: object, /) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.wrong(value)
        return value.strip()


class ProjectPath(Text):
    """A path relative to mkdocs.yml that stays inside the project once symbolic links are
    followed: Typst may read every file under the folder holding the templates and the cache,
    and with `cache_dir: /` that was every file of the machine."""

    def __init__(self, example: str, default: str | None = None, *, blank: bool = False) -> None:
        super().__init__("a path relative to mkdocs.yml", default)
        self.example = example
        self.blank = blank  # "" means none (`offices: !ENV [OFFICES, ""]`)
        self.root = Path()

    def pre_validation(self, config: base.Config, key_name: str) -> None:
        self.root = Path(config.config_file_path or "mkdocs.yml").parent

    def run_validation(self, value: object, /) -> str:
        if self.blank and value == "":
            return ""
        text = super().run_validation(value)
        if not (self.root / text).resolve().is_relative_to(self.root.resolve()):
            raise base.ValidationError(
                f"'{text}' is outside the project ({self.root}); the flyer build may only read "
                "and write inside it\n"
                f"fix: use a path inside the project, relative to mkdocs.yml, such as "
                f"{self.example}"
            )
        return text


class WholeNumber(_Option[int]):
    """A whole number of at least `minimum`; `hint` ends the message."""

    expected = "a whole number"

    def __init__(self, minimum: int, hint: str = "", default: int | None = None) -> None:
        super().__init__(default)
        self.minimum, self.hint = minimum, hint

    def run_validation(self, value: object, /) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.wrong(value)
        if value < self.minimum:
            raise base.ValidationError(f"must be {self.minimum} or more{self.hint}")
        return value


class Points(_Option[float]):
    """A type size in points, from `low` to `high`."""

    def __init__(self, low: float, high: float, default: float) -> None:
        super().__init__(default)
        self.low, self.high = low, high

    def run_validation(self, value: object, /) -> float:
        number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
        if number is None or not self.low <= number <= self.high:
            raise base.ValidationError(
                f"must be a size from {self.low:g} to {self.high:g} (pt), not {value!r}"
            )
        return float(number)


class HostNames(_Option[list[str]]):
    expected = "a list of host names, e.g. [dichvucong.gov.vn]"

    def run_validation(self, value: object, /) -> list[str]:
        if not isinstance(value, list):
            raise self.wrong(value)
        hosts = [str(host) for host in value]
        if problems := [why for host in hosts if (why := host_name_problem(host))]:
            raise base.ValidationError("; ".join(problems))
        return hosts


class Localised(_Option[dict[str, str]]):
    """A text in every language of the site: one for all of them, or {vi: ..., en: ...}."""

    expected = _LOCALISED

    def __init__(self) -> None:
        super().__init__()
        self.languages: tuple[str, ...] = DEFAULT_CODES
        self.key = "text"

    def pre_validation(self, config: base.Config, key_name: str) -> None:
        self.languages = tuple(getattr(config, "languages", DEFAULT_CODES))
        self.key = key_name

    def run_validation(self, value: object, /) -> dict[str, str]:
        if isinstance(value, str):
            return dict.fromkeys(self.languages, value.strip())
        if not isinstance(value, dict):
            raise base.ValidationError(f"expected {_LOCALISED}, got {type(value).__name__}")
        texts = {lang: value.get(lang) for lang in self.languages}
        missing = [
            lang for lang, text in texts.items() if not (isinstance(text, str) and text.strip())
        ]
        if missing:
            example = f"expected a text, e.g. {self.key}: {{vi: ..., en: ...}}"
            raise _Tails([f".{lang}: missing; {example}" for lang in missing])
        return {lang: str(text).strip() for lang, text in texts.items()}


class Hotline(Localised):
    """A number (1022), or a text, or a text per language; never blank."""

    expected = 'a text such as "1900 1234", or no hotline key'

    def run_validation(self, value: object, /) -> dict[str, str]:
        if isinstance(value, dict):
            return super().run_validation(value)
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
            return super().run_validation(str(value))
        raise base.ValidationError(f"expected {self.expected}")


class RepositoryAddress(_Option[str]):
    """A repository's web address; empty: none (pages show no 'Suggest a change' link)."""

    def __init__(self) -> None:
        super().__init__("")

    def run_validation(self, value: object, /) -> str:
        address = str(value).strip().rstrip("/")
        if address and not _ADDRESS.fullmatch(address):
            raise _Tails(
                [
                    f" '{address}' is not a repository's web address\n"
                    "fix: write it in full, e.g. https://github.com/<owner>/<repository>"
                ]
            )
        return address


# --- Blocks -------------------------------------------------------------------------------


class _Block(base.Config):
    """One `extra.<name>` block. MkDocs' own validation stops at the first error and lets an
    unknown key pass with a warning; here every problem is reported, an unknown key too."""

    what: ClassVar[str]  # what the block holds, for "expected a mapping with ..."
    unknown: ClassVar[str] = "unknown key"  # what the block's messages call a key it lacks
    needed: ClassVar[bool] = False  # a site must have this block

    def problems(self, where: str) -> list[str]:
        found = []
        for key, option in self._schema:
            try:
                option.pre_validation(self, key_name=key)
                self[key] = option.validate(self.get(key))
                option.post_validation(self, key_name=key)
            except _Tails as err:
                found += [f"{where}.{key}{tail}" for tail in err.tails]
            except base.ValidationError as err:
                found.append(f"{where}.{key}: {err}")
        names = [key for key, _ in self._schema]
        expected = " or ".join(names) if len(names) == 2 else "one of " + ", ".join(names)
        for key in sorted(map(str, set(self) - set(names))):
            found.append(f"{where}.{key}: {self.unknown}; expected {expected}")
        return found


class OrganisationConfig(_Block):
    """`extra.organisation`: who publishes the site, printed in every page's header and footer
    and on every flyer."""

    what = "name, department, contact and logo (hotline is optional)"
    needed = True

    name = Localised()
    department = Localised()
    # Where readers get help today; a note beside it.
    contact = Localised()
    contact_note = opt.Optional(Localised())
    # An organisation's own support line, if it runs one.
    hotline = opt.Optional(Hotline())
    logo = Text("a path under docs/")

    def __init__(self, languages: Sequence[str] = DEFAULT_CODES) -> None:
        super().__init__()
        self.languages = tuple(languages)  # every language's texts are checked


class CorrectionsConfig(_Block):
    """`extra.corrections`: the repository readers suggest changes to."""

    what = "repository and branch"

    repository = RepositoryAddress()
    branch = Text("a branch name", default="main")


class WebConfig(_Block):
    """`extra.web`: the web fonts and compressed copies."""

    what = "cache_dir and precompress"
    unknown = "unknown setting"

    # Subset fonts and compressed copies reused by the next build, relative to mkdocs.yml.
    cache_dir = Text("a folder name", default=DEFAULT_CACHE_DIR)
    # .gz and .br copies beside every text file of the site.
    precompress = Flag(default=False)


class FlyersConfig(_Block):
    """`extra.flyers`: QR codes, flyers, posters and print packs."""

    what = "the flyer settings (enabled, template_dir, cache_dir, ...)"
    unknown = "unknown setting"

    enabled = Flag(default=True)
    # Folder with main.typ, pack.typ and what they import, relative to mkdocs.yml.
    template_dir = ProjectPath("flyer-templates", default="flyer-templates")
    # Generated files kept between builds, relative to mkdocs.yml.
    cache_dir = ProjectPath(".cache/flyers", default=".cache/flyers")
    # Flyers per print-pack file; a larger site gets several volumes.
    pack_volume = WholeNumber(1, default=VOLUME_SIZE)
    # The offices (a CSV file, relative to mkdocs.yml): each gets its own print packs.
    offices = opt.Optional(ProjectPath("offices.csv", blank=True))
    # Worker processes for the flyers; default: one per core, but the one MkDocs renders on.
    workers = opt.Optional(WholeNumber(1, " (or left out)"))
    # Hosts that the extra QR codes of flyers (flyer.qr) may open, besides the site's own.
    qr_hosts = HostNames(default=list(DEFAULT_QR_HOSTS))
    # Legibility (pt): an A4 flyer's body is never smaller; a page that does not fit fails.
    min_body_size = Points(8, 20, default=PrintRules.min_body_size)
    # A flyer goes two to a sheet in the A5 pack only if its body stays this large at A5.
    min_pack_body_size = Points(6, 20, default=PrintRules.min_pack_body_size)
    # A poster's steps on A4 (A3: times 1.41), to read from two metres.
    min_poster_size = Points(14, 40, default=PrintRules.min_poster_size)
    # A flyer with neither steps nor a list needs a summary this long, or the build warns.
    min_summary_chars = WholeNumber(0, default=PrintRules.min_summary_chars)


def _checked(block: _Block, raw: object, where: str) -> list[str]:
    """The problems of `raw`, the block `where` as mkdocs.yml holds it, loaded into `block`."""
    if raw is None and not block.needed:
        raw = {}
    if not isinstance(raw, dict):
        missing = "missing; " if raw is None else ""
        return [f"{where}: {missing}expected a mapping with {block.what}"]
    block.load_dict(raw)
    return block.problems(where)


# --- The settings the package uses -------------------------------------------------------


def _organisation(block: OrganisationConfig) -> OrganisationProfile:
    none = dict.fromkeys(block.languages, "")
    return OrganisationProfile(
        name=block.name,
        department=block.department,
        contact=block.contact,
        contact_note=block.contact_note or none,
        hotline=block.hotline or none,
        logo=block.logo,
    )


def _corrections(block: CorrectionsConfig, docs_path: str) -> Corrections | None:
    if not block.repository:
        return None
    return Corrections(block.repository, block.branch, docs_path.strip("/"))


def _web(block: WebConfig, root: Path) -> WebSettings:
    return WebSettings((root / block.cache_dir).resolve(), block.precompress)


def _flyers(block: FlyersConfig, root: Path) -> FlyerOptions:
    return FlyerOptions(
        template_dir=(root / block.template_dir).resolve(),
        cache_dir=(root / block.cache_dir).resolve(),
        enabled=block.enabled,
        pack_volume=block.pack_volume,
        offices=(root / block.offices).resolve() if block.offices else None,
        offices_shown=block.offices or "",
        workers=block.workers,
        qr_hosts=tuple(block.qr_hosts),
        rules=PrintRules(
            block.min_body_size,
            block.min_pack_body_size,
            block.min_poster_size,
            block.min_summary_chars,
        ),
    )


def _one(block: _Block, raw: object, name: str) -> None:
    if problems := _checked(block, raw, f"extra.{name}"):
        raise ConfigError(problems)


def load_organisation(raw: object, languages: Sequence[str] = DEFAULT_CODES) -> OrganisationProfile:
    """`extra.organisation` as mkdocs.yml holds it, checked in every language."""
    block = OrganisationConfig(languages)
    _one(block, raw, "organisation")
    return _organisation(block)


def load_corrections(raw: object, docs_path: str = "docs") -> Corrections | None:
    """`extra.corrections`; None when no repository is set (no links, no error). `docs_path`:
    the docs folder inside the repository."""
    block = CorrectionsConfig()
    _one(block, raw, "corrections")
    return _corrections(block, docs_path)


def load_web(raw: object, root: Path) -> WebSettings:
    """`extra.web`; its folder is relative to `root`, the folder of mkdocs.yml."""
    block = WebConfig()
    _one(block, raw, "web")
    return _web(block, root)


def load_flyers(raw: object, config_file: Path) -> FlyerOptions:
    """`extra.flyers` of the mkdocs.yml at `config_file`; its paths are relative to it."""
    block = FlyersConfig(str(config_file))
    _one(block, raw, "flyers")
    return _flyers(block, config_file.parent)


def flyer_options(config: Any) -> FlyerOptions:
    """`extra.flyers` of a MkDocs config (read duck-typed) alone, for what runs outside a build
    (the files `mkdocs serve` watches)."""
    return load_flyers((config.extra or {}).get("flyers"), Path(config.config_file_path))


def repository_docs_path(config_file: Path, docs_dir: Path) -> str:
    """The docs folder's path in the repository, taken to be its path from mkdocs.yml."""
    root = config_file.parent.resolve()
    docs = docs_dir.resolve()
    return docs.relative_to(root).as_posix() if docs.is_relative_to(root) else "docs"


def load_extra(config: Any) -> SiteSettings:
    """Every `extra` block of a MkDocs config (read duck-typed), checked at once: one
    ConfigError lists every problem of every block."""
    extra: Mapping[str, Any] = config.extra or {}
    config_file = Path(config.config_file_path)
    organisation = OrganisationConfig(from_config(config).codes)
    corrections = CorrectionsConfig()
    web = WebConfig()
    flyers = FlyersConfig(str(config_file))
    problems = [
        *_checked(organisation, extra.get("organisation"), "extra.organisation"),
        *_checked(corrections, extra.get("corrections"), "extra.corrections"),
        *_checked(web, extra.get("web"), "extra.web"),
        *_checked(flyers, extra.get("flyers"), "extra.flyers"),
    ]
    if problems:
        raise ConfigError(problems)
    root = config_file.parent
    docs_path = repository_docs_path(config_file, Path(config.docs_dir))
    return SiteSettings(
        organisation=_organisation(organisation),
        web=_web(web, root),
        flyers=_flyers(flyers, root),
        corrections=_corrections(corrections, docs_path),
    )
