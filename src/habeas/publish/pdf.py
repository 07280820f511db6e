"""Render a profile as an A4 PDF through WeasyPrint, from the same HTML as the web page.

The print stylesheet adds the running header, "page X of Y" and the table of
contents page numbers (CSS ``target-counter``); charts stay vector SVG.
Nothing is fetched: a URL fetcher that refuses every request guarantees it.

Speed: the body is rendered in its ``print`` variant (plain-text footnote
references, flat stylesheet, charts as a few paths), which keeps a
2,000-fact profile well under ten seconds. Our own output is well-formed
XHTML, so it is parsed with the C XML parser instead of WeasyPrint's
pure-Python HTML5 parser; anything that does not parse as XML takes the
ordinary route.
"""

from __future__ import annotations

import gc
from typing import Any
from xml.etree import ElementTree

from habeas.publish.html import render_profile_html
from habeas.publish.model import Profile


def _no_fetch(url: str, *args: object, **kwargs: object) -> dict[str, object]:
    raise ValueError(f"profile rendering does not fetch external resources ({url})")


def parsed_document(html: str, fast: bool = True) -> Any:
    """A ``weasyprint.HTML`` for ``html``: from an XML parse when ``fast`` and well-formed."""
    from weasyprint import HTML  # heavy import, only when a PDF is asked for

    if fast:
        try:
            root = ElementTree.fromstring(html)
        except ElementTree.ParseError:
            root = None
        if root is not None and root.tag == "html":
            import cssselect2

            # What HTML.__init__ sets after its own parse (WeasyPrint 61-70); a test renders
            # the same profile both ways and compares the pages.
            document = HTML.__new__(HTML)
            document.base_url = HTML(string="<p></p>", base_url=".").base_url
            document.url_fetcher = _no_fetch
            document.media_type = "print"
            document.wrapper_element = cssselect2.ElementWrapper.from_html_root(root, content_language=None)
            document.etree_element = document.wrapper_element.etree_element
            return document
    return HTML(string=html, url_fetcher=_no_fetch, base_url=".")


def render_profile_pdf(profile: Profile) -> bytes:
    html = render_profile_html(profile, standalone=True, print_css=True)
    # Layout makes hundreds of thousands of short-lived objects; the cyclic collector would
    # scan them again and again (a fifth of the time) though reference counting frees them.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return bytes(parsed_document(html).write_pdf())
    finally:
        if was_enabled:
            gc.enable()
