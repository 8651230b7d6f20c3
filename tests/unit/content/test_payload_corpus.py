"""The payload corpus (tests/support/payloads.py), run in-process through the build's own
renderer, sanitiser, id rule and table of contents, as the theme prints it: whatever a page
holds, either the build stops naming it, or nothing of it can run, navigate, load or style."""

from __future__ import annotations

from lxml.html import fragment_fromstring

from tests.support.payloads import HANDWRITTEN, corpus, vectors
from tests.support.toc import page_toc, toc_html
from vneid_site import urls
from vneid_site.content.html_policy import STYLE_PROPERTIES, URL_ATTRIBUTES, theme_class
from vneid_site.content.ids import ID_ATTRIBUTES, verdict
from vneid_site.content.sanitise import clean_page
from vneid_site.content.toc import make_safe, toc_problems
from vneid_site.csp import ScriptAllowlist, inline_script_hashes

HEAD = "---\ntitle: Trang\ndescription: Mô tả.\n---\n\n"
ACTIVE = frozenset(
    "script iframe frame frameset object embed form meta base link style svg math noscript "
    "template textarea select button portal".split()
)
# What the theme's table of contents is made of (Material's partials/toc.html, toc-item.html).
TOC_TAGS = frozenset({"div", "nav", "label", "span", "ul", "li", "a"})
TOC_ATTRIBUTES = frozenset({"class", "href", "for", "aria-label", "data-md-component"})


def active(html: str) -> list[str]:
    """Whatever a browser would act on in `html`, read by an HTML parser as browsers read it."""
    found = []
    root = fragment_fromstring(html or "<p></p>", create_parent="div")
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag in ACTIVE or (tag == "input" and el.get("type") not in ("checkbox", "radio")):
            found.append(f"<{tag}>")
        for name, value in el.attrib.items():
            if name.startswith("on"):
                found.append(f"{tag} {name}=")
            if name in URL_ATTRIBUTES and (
                urls.scheme_of(value) not in (None, "http", "https", "mailto", "tel")
                or urls.tricks(value)
            ):
                found.append(f"{tag} {name}={value}")
            if name in ID_ATTRIBUTES and verdict(tag, name, value) != "ok":
                found.append(f"{tag} {name}={value}")
            if name == "style" and any(
                p.split(":")[0].strip() not in STYLE_PROPERTIES for p in value.split(";") if p
            ):
                found.append(f"{tag} style={value}")
            if name == "class" and any(theme_class(c) for c in value.split()):
                found.append(f"{tag} class={value}")
    return found


def toc_markup(printed: str) -> list[str]:
    """Anything in the printed table of contents that its templates do not write."""
    found = []
    root = fragment_fromstring(printed, create_parent="div")
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag not in TOC_TAGS:
            found.append(f"<{el.tag}>")
        for name, value in el.attrib.items():
            if name not in TOC_ATTRIBUTES and not name.startswith("data-md-"):
                found.append(f"{el.tag} {name}=")
            if name == "href" and not value.startswith("#"):
                found.append(f"href={value}")
    return found


def test_the_corpus_is_a_few_hundred_payloads_in_every_construct():
    assert len(vectors()) >= 300 and len(HANDWRITTEN) >= 40
    assert len(corpus()) >= 2000


def test_no_payload_survives_in_the_body_or_the_table_of_contents(markdown_renderer):
    allowlist = ScriptAllowlist(())  # a page's own scripts: none is ever hashed
    failures: list[tuple[str, list[str]]] = []
    stopped = 0
    for body in corpus():
        html = markdown_renderer.render(body)
        toc = page_toc(markdown_renderer.toc_tokens)
        checked = clean_page(html, HEAD + body, "docs/x.md")
        if checked.refused or toc_problems(toc, HEAD + body, "docs/x.md"):
            stopped += 1
        # The sanitiser holds even where the build would have stopped.
        found = active(checked.html)
        # The table of contents as the theme prints it, made safe as the build makes it.
        make_safe(toc)
        found += toc_markup(toc_html(toc))
        hashes, foreign = inline_script_hashes(checked.html, allowlist)
        found += [f"script hashed: {h}" for h in hashes] + [f"script: {s}" for s in foreign]
        if found:
            failures.append((body, found))
    assert failures == [], failures[:10]
    # Most of the corpus stops the build with a message; the rest is published harmless.
    assert stopped > 0.75 * len(corpus()), stopped
