"""Web pages: the article text without the site around it, plus page metadata.

Monitoring updates and NGO briefings are mostly read as web pages. Navigation,
headers, footers, sidebars and forms are dropped; when a <main> or <article>
holds most of the text it is taken alone. Block elements become paragraphs
separated by blank lines, list items keep a "- " prefix and table rows become
tab-separated lines, so the extractors see the same shapes as in other formats.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from habeas.domain.document import ExtractedText
from habeas.ingest.text import decode_text
from habeas.text.dates import parse_date

_DROP = (
    "script, style, nav, header, footer, aside, form, noscript, template, svg, iframe, "
    "button, select, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]"
)
_BLOCKS = frozenset(
    ["p", "div", "section", "article", "main", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "dt", "dd", "figure", "figcaption", "address", "header", "footer", "hr", "details", "summary", "caption", "center"]
)
_MAIN_SHARE = 0.5  # <main>/<article> is taken alone when it holds at least this share of the text
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_ORG_WORDS = re.compile(
    r"\b(?:Project|Watch|International|Organi[sz]ation|Committee|Ministry|Department|Office|"
    r"Council|Agency|Association|Network|Cent(?:re|er)|Foundation|Institute|Commission|"
    r"Initiative|Union|Nations|Service|Coalition|Federation|Bureau)\b"
)


class _TextBuilder:
    """Collects inline text into lines and lines into blank-line-separated paragraphs."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.lines: list[str] = []
        self.inline: list[str] = []

    def text(self, value: str) -> None:
        self.inline.append(value)

    def line_break(self) -> None:
        line = _SPACES.sub(" ", "".join(self.inline)).strip()
        self.inline = []
        if line:
            self.lines.append(line)

    def paragraph_break(self) -> None:
        self.line_break()
        if self.lines:
            self.paragraphs.append("\n".join(self.lines))
            self.lines = []

    def result(self) -> str:
        self.paragraph_break()
        return "\n\n".join(self.paragraphs)


def _cell_text(cell: LexborNode) -> str:
    return _SPACES.sub(" ", cell.text(deep=True, separator=" ")).strip()


def _walk(node: LexborNode, out: _TextBuilder, list_depth: int = 0) -> None:
    child = node.child
    while child is not None:
        tag = child.tag
        if tag == "-text":
            out.text(child.text(deep=False))
        elif tag == "br":
            out.line_break()
        elif tag == "li":
            out.line_break()
            out.text("  " * max(0, list_depth - 1) + "- ")
            _walk(child, out, list_depth)
            out.line_break()
        elif tag in ("ul", "ol"):
            out.paragraph_break()
            _walk(child, out, list_depth + 1)
            out.paragraph_break()
        elif tag == "table":
            out.paragraph_break()
            for row in child.css("tr"):
                cells = [_cell_text(c) for c in row.iter() if c.tag in ("td", "th")]
                if any(cells):
                    out.lines.append("\t".join(cells))
            out.paragraph_break()
        elif tag in _BLOCKS:
            out.paragraph_break()
            _walk(child, out, list_depth)
            out.paragraph_break()
        elif tag not in ("-comment", "head", "title", "meta", "link"):
            _walk(child, out, list_depth)
        child = child.next


def _meta(tree: LexborHTMLParser, *selectors: str) -> str | None:
    for selector in selectors:
        node = tree.css_first(selector)
        if node is None:
            continue
        value = node.attributes.get("content") or node.attributes.get("datetime") or node.attributes.get("href")
        if value and value.strip():
            return _SPACES.sub(" ", value).strip()
    return None


def _content_root(tree: LexborHTMLParser) -> LexborNode | None:
    body = tree.body
    if body is None:
        return tree.root
    total = len(body.text(deep=True).strip())
    for selector in ("main", "article", "[role=main]", "#content", ".content"):
        candidates = tree.css(selector)
        if not candidates:
            continue
        if len(candidates) > 1:
            # Several sibling <article>s (a page of dated updates) belong together:
            # take their common parent so no update and no dateline heading is lost.
            parents = {n.parent.mem_id: n.parent for n in candidates if n.parent is not None}  # wrappers differ, mem_id does not
            if len(parents) == 1:
                parent = next(iter(parents.values()))
                return body if parent.tag in ("body", "html") else parent
        best = max(candidates, key=lambda n: len(n.text(deep=True).strip()))
        if total and len(best.text(deep=True).strip()) >= _MAIN_SHARE * total:
            return best
    return body


def _title(tree: LexborHTMLParser, site: str | None) -> str | None:
    og = _meta(tree, 'meta[property="og:title"]', 'meta[name="twitter:title"]', 'meta[name="citation_title"]')
    if og:
        return og
    node = tree.css_first("title")
    if node is not None:
        title = _SPACES.sub(" ", node.text()).strip()
        if site:
            for sep in (" | ", " - ", " – ", " — "):
                if title.endswith(sep + site):
                    title = title[: -len(sep + site)].strip()
        if title:
            return title
    h1 = tree.css_first("h1")
    return _SPACES.sub(" ", h1.text()).strip() or None if h1 is not None else None


def _date(tree: LexborHTMLParser) -> str | None:
    raw = _meta(
        tree,
        'meta[property="article:published_time"]',
        'meta[name="citation_publication_date"]',
        'meta[name="dc.date"]', 'meta[name="DC.date"]', 'meta[name="DC.date.issued"]',
        'meta[name="dcterms.date"]', 'meta[name="date"]', 'meta[itemprop="datePublished"]',
        "time[datetime]",
    )
    if not raw:
        return None
    iso = re.match(r"(\d{4})[-/](\d{2})(?:[-/](\d{2}))?", raw)
    if iso:
        return "-".join(part for part in iso.groups() if part)
    parsed = parse_date(raw)
    return parsed if parsed and "/" not in parsed else None


def _publisher(tree: LexborHTMLParser) -> str | None:
    site = _meta(tree, 'meta[property="og:site_name"]', 'meta[name="citation_publisher"]',
                 'meta[name="dc.publisher"]', 'meta[name="DC.publisher"]', 'meta[name="publisher"]')
    if site:
        return site
    author = _meta(tree, 'meta[name="author"]')
    return author if author and _ORG_WORDS.search(author) else None


def _inside_content(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in ("article", "main"):
            return True
        parent = parent.parent
    return False


def read(data: bytes, filename: str) -> ExtractedText:
    html, _encoding = decode_text(data)
    tree = LexborHTMLParser(html)
    publisher = _publisher(tree)
    title = _title(tree, publisher)
    published = _date(tree)
    url = _meta(tree, 'link[rel="canonical"]', 'meta[property="og:url"]')
    for node in tree.css(_DROP):
        if node.tag == "header" and _inside_content(node):
            continue  # an article's own header holds its headline and dateline
        node.decompose()
    root = _content_root(tree)
    out = _TextBuilder()
    if root is not None:
        _walk(root, out)
    return ExtractedText(
        text=out.result(),
        title=title,
        publisher=publisher,
        published=published,
        url=url,
        media_type="text/html",
    )
