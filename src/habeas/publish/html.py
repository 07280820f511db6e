"""Render a profile as HTML: a standalone self-contained page, or a fragment for the web app.

Self-contained means inline CSS and inline SVG only; nothing is fetched from
the network when the page is opened or printed.
"""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape

from habeas.publish import charts
from habeas.publish.formatting import unit_label
from habeas.publish.model import Profile

SECTIONS = (
    ("quick-facts", "1 Quick facts"),
    ("statistics", "2 Statistics"),
    ("domestic-law", "3 Domestic law"),
    ("international-law", "4 International law"),
    ("institutions", "5 Institutions"),
    ("timeline", "6 Cases and events"),
    ("detention-places", "7 Detention places"),
    ("recommendations", "8 Recommendations received"),
    ("sources", "9 Sources"),
    ("notes", "Notes"),
)
SECTION_HEADINGS = tuple(title.split(" ", 1)[1] if title[0].isdigit() else title for _, title in SECTIONS)

INSTITUTION_KINDS = {"nhri": "National human rights institution", "ombudsperson": "Ombudsperson",
                     "npm": "National preventive mechanism", "un_body": "UN body", "ngo": "NGO",
                     "other": "Other"}


def kind_label(kind: str | None) -> str:
    return INSTITUTION_KINDS.get(kind or "", kind or "—")


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("habeas.publish", "templates"),
                      autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
                      extensions=["jinja2.ext.do"], trim_blocks=False, lstrip_blocks=False)
    env.globals.update(unit_label=unit_label, kind_label=kind_label)
    env.filters["chart_for_print"] = charts.for_print
    return env


def render_profile_html(profile: Profile, standalone: bool = True, *, print_css: bool = False) -> str:
    """The profile as HTML; ``standalone=False`` gives the body fragment (with its scoped CSS
    left to the embedding page, see ``profile_css``)."""
    env = environment()
    notes = {n.number: n for n in profile.footnotes}
    body = env.get_template("profile.html.j2").render(profile=profile, notes=notes, sections=SECTIONS,
                                                      print=print_css)
    if not standalone:
        return body
    return env.get_template("standalone.html.j2").render(profile=profile, body=body, print=print_css)


def profile_css() -> str:
    """The scoped stylesheet, for pages that embed the fragment."""
    return environment().get_template("profile.css").render()
