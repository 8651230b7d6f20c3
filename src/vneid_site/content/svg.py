"""SVG files of docs/, checked before they are published. Opened by its address, an SVG is a
document of the site's origin: a script, an event attribute or a foreignObject in it runs there.
So an SVG may hold only drawing: an allowlist of elements, no event attributes, references only
to its own #fragments, and styles without imports or outside addresses. Anything else is refused
(not rewritten), naming the line. Parsed with lxml without entities, DTDs or the network."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from vneid_site.content.problems import Problem

if TYPE_CHECKING:  # lxml (10 ms to import) only when docs/ holds an SVG file
    from lxml import etree

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
# Editors' own data (Inkscape, Sodipodi, RDF and Dublin Core metadata): kept, never drawn or run.
INERT = frozenset(
    {
        "http://www.inkscape.org/namespaces/inkscape",
        "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "http://creativecommons.org/ns#",
        "http://purl.org/dc/elements/1.1/",
    }
)
# Drawing, text, paint servers and filters: what an illustration needs. Not script,
# foreignObject, image, feImage, a, animations (which can rewrite href), fonts or media.
ELEMENTS = frozenset(
    "svg g defs symbol use switch title desc metadata style path rect circle ellipse line "
    "polyline polygon text tspan textPath linearGradient radialGradient stop clipPath mask "
    "pattern marker filter feBlend feColorMatrix feComponentTransfer feComposite "
    "feConvolveMatrix feDiffuseLighting feDisplacementMap feDistantLight feDropShadow feFlood "
    "feFuncA feFuncB feFuncG feFuncR feGaussianBlur feMerge feMergeNode feMorphology feOffset "
    "fePointLight feSpecularLighting feSpotLight feTile feTurbulence".split()
)
MAX_REPORTED = 10
_INTERNAL_SUBSET = re.compile(r"<!DOCTYPE[^>\[]*\[", re.IGNORECASE)
_URL = re.compile(r"url\(\s*[\"']?\s*([^\"')\s]*)", re.IGNORECASE)
# CSS that loads or runs something, or hides what it does behind escapes.
_CSS_REFUSED = re.compile(
    r"@import|\\|expression\s*\(|javascript:|-moz-binding|behavior\s*:|image-set\s*\("
    r"|\bimage\s*\(|\bsrc\s*\(|\belement\s*\(",
    re.IGNORECASE,
)
_FIX = (
    "remove it from the drawing (in Inkscape: File, Save As, 'Optimized SVG' or 'Plain SVG'), "
    "or export the drawing as PNG"
)
_FIX_VI = (
    "xóa phần đó khỏi hình (trong Inkscape: Tệp, Lưu thành, 'Optimized SVG' hoặc "
    "'Plain SVG'), hoặc xuất hình ra PNG"
)


def svg_problems(data: bytes, shown: str) -> list[Problem]:
    """What in an SVG file's bytes stops it from being published; `shown` names the file."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [
            _problem(
                shown,
                1,
                "the SVG file is not saved as UTF-8",
                "tệp SVG không được lưu ở dạng UTF-8",
                "save it again as UTF-8 (Inkscape's 'Plain SVG' does), or export it as PNG",
                "lưu lại ở dạng UTF-8 ('Plain SVG' của Inkscape làm vậy), hoặc xuất ra PNG",
            )
        ]
    # Declarations of its own can define entities and default attributes (onload=...).
    if m := _INTERNAL_SUBSET.search(text):
        line = text.count("\n", 0, m.start()) + 1
        return [_refused(shown, line, "a DOCTYPE with declarations of its own")]
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        line = err.lineno or 1
        return [
            _problem(
                shown,
                line,
                f"the SVG file is not well-formed XML ({err.msg})",
                "tệp SVG không đúng cú pháp XML",
                "save it again from a drawing program, or export it as PNG",
                "lưu lại từ chương trình vẽ, hoặc xuất ra PNG",
            )
        ]
    found = list(_problems(root, shown))
    if len(found) > MAX_REPORTED:
        more = len(found) - MAX_REPORTED
        found = [*found[:MAX_REPORTED], _problem(shown, found[MAX_REPORTED].line,
                 f"and {more} more", f"và {more} chỗ khác", _FIX, _FIX_VI)]  # fmt: skip
    return found


def _problems(root: etree._Element, shown: str) -> Iterator[Problem]:
    from lxml import etree

    for node in [*root.itersiblings(preceding=True), *root.itersiblings()]:
        if isinstance(node, etree._ProcessingInstruction):
            yield _refused(shown, node.sourceline or 1, f"the instruction <?{node.target} ...?>")
    if root.tag != f"{{{SVG}}}svg":
        yield _refused(shown, root.sourceline or 1, f"the root element {_name(str(root.tag))}")
        return
    for node in root.iter():
        line = node.sourceline or 1
        if isinstance(node, etree._ProcessingInstruction):
            yield _refused(shown, line, f"the instruction <?{node.target} ...?>")
            continue
        if isinstance(node, etree._Entity):
            yield _refused(shown, line, f"the entity {node.text}")
            continue
        if not isinstance(node.tag, str):
            continue  # a comment
        namespace, local = _split(node.tag)
        if namespace in INERT:
            continue
        if namespace != SVG or local not in ELEMENTS:
            yield _refused(shown, line, f"the element <{_name(node.tag)}>")
            continue
        if local == "style" and (reason := _css_refused(node.text or "")):
            yield _refused(shown, line, f"a <style> with {reason}")
        for name, value in node.attrib.items():
            if reason := _attribute_refused(name, value):
                yield _refused(shown, line, reason)


def _attribute_refused(name: str, value: str) -> str | None:
    namespace, local = _split(name)
    shown = _name(name)
    if local.lower().startswith("on"):
        return f"the event attribute {shown}="
    if namespace not in (None, XLINK, XML) and namespace not in INERT:
        return f"the attribute {shown}="
    if namespace == XML and local == "base":
        return "the attribute xml:base="
    if local == "href" and not value.strip().startswith("#"):
        return f'{shown}="{_short(value)}" (only #fragments of the drawing itself)'
    if local == "style" and (reason := _css_refused(value)):
        return f"a style= with {reason}"
    for target in _URL.findall(value):
        if not target.startswith("#"):
            return f"{shown}= with url({_short(target)}) (only #fragments of the drawing itself)"
    return None


def _css_refused(css: str) -> str | None:
    css = _without_comments(css)
    if m := _CSS_REFUSED.search(css):
        return f"'{m.group()}'"
    for target in _URL.findall(css):
        if not target.startswith("#"):
            return f"url({_short(target)}) (only #fragments of the drawing itself)"
    return None


def _without_comments(css: str) -> str:
    """CSS without /* comments */, in one pass (an unclosed comment runs to the end)."""
    parts, at = [], 0
    while (start := css.find("/*", at)) != -1:
        parts.append(css[at:start])
        end = css.find("*/", start + 2)
        if end == -1:
            return "".join(parts)
        at = end + 2
    parts.append(css[at:])
    return "".join(parts)


def _split(name: str) -> tuple[str | None, str]:
    if name.startswith("{"):
        namespace, _, local = name[1:].partition("}")
        return namespace, local
    return None, name


def _name(name: str) -> str:
    namespace, local = _split(name)
    if namespace in (None, SVG):
        return local
    prefix = {XLINK: "xlink:", XML: "xml:"}.get(namespace)
    return f"{prefix}{local}" if prefix else f"{{{namespace}}}{local}"


def _short(text: str, limit: int = 60) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _refused(shown: str, line: int, what: str) -> Problem:
    return _problem(
        shown,
        line,
        f"the SVG file holds {what}, which may not be published: a browser that opens the "
        "file runs or loads it on the site's address",
        f"tệp SVG có {what}, không được đăng: trình duyệt mở tệp sẽ chạy hoặc tải nó dưới "
        "địa chỉ của trang web",
        _FIX,
        _FIX_VI,
    )


def _problem(shown: str, line: int, en: str, vi: str, fix: str, fix_vi: str) -> Problem:
    return Problem(shown, line, en, fix, vi, fix_vi)
