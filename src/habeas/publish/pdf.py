"""Render a profile as an A4 PDF through WeasyPrint, from the same HTML as the web page.

The print stylesheet adds the running header, "page X of Y" and the table of
contents page numbers (CSS ``target-counter``); charts stay vector SVG.
Nothing is fetched: a URL fetcher that refuses every request guarantees it.
"""

from __future__ import annotations

from habeas.publish.html import render_profile_html
from habeas.publish.model import Profile


def _no_fetch(url: str, *args: object, **kwargs: object) -> dict[str, object]:
    raise ValueError(f"profile rendering does not fetch external resources ({url})")


def render_profile_pdf(profile: Profile) -> bytes:
    from weasyprint import HTML  # heavy import, only when a PDF is asked for

    html = render_profile_html(profile, standalone=True, print_css=True)
    document = HTML(string=html, url_fetcher=_no_fetch, base_url=".")
    return bytes(document.write_pdf())
