"""Recommendations and questions that a source addresses to a state or a body.

Three shapes cover NGO submissions, lists of issues and UN concluding
observations:

* bullet lists under a "Recommendations" heading or after an introduction such
  as "... encourage the Committee to:" / "recommends that the State party:";
  each bullet (with its wrapped lines) is one recommendation;
* questions of a list-of-issues submission: a paragraph opening with a
  question word and ending with "?", possibly wrapped over lines and even
  over a page break with footnotes in between (the words are joined; the
  quote stays a verbatim span, the part before the break);
* prose of concluding observations: "The State party should ..." and
  "The Committee recommends that the State party ...".

Bullets listing facts ("Practices ... include:") and ordinary sentences that
merely contain "should" are not recommendations. ``articles`` are the ICCPR
articles named by the nearest section heading above ("Article 7 on ...",
"(ARTICLES 2, 9 AND 14)"); a heading that names none resets them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from habeas.domain import Document, Fact, FactType
from habeas.extract.registry import register
from habeas.extract.spans import make_fact
from habeas.text.sentences import BULLET, iter_lines, split_paragraph

NAME = "recommendations"
VERSION = 4
EXTRACTOR_ID = f"{NAME}@{VERSION}"

_ARTICLE_HEADING = re.compile(r"^\s*(?:Articles?|ARTICLES?)\s+\d+[^\n]{0,100}$")
_ARTICLE_NUMBERS = re.compile(r"\b(?:articles?|arts?\.)\s*((?:\d+(?:\(\d+\))?(?:\s*(?:,|and|&|-|–)\s*)?)+)", re.IGNORECASE)
# Concluding observations title each section "Topic (arts. 7, 9 and 13)".
_ARTICLES_TAIL_HEADING = re.compile(r"^[^\n]{3,120}\((?:arts?\.|articles?)\s*\d[^)]*\)\s*$", re.IGNORECASE)
_NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s")
_FOLLOW_UP = re.compile(r"^(?:It|The State party|The Government) (?:should|must) (?:also |further |moreover )?\w")
_RECOMMENDATIONS_HEADING = re.compile(
    r"^\s*(?:[\dIVX]+(?:\.\d+)*[.)]?\s*)?(?:(?:key|main|our|general|specific|final)\s+)?recommendations?\b"
    r"(?:\s+(?:to|for)\b[^.]*)?\s*:?\s*$", re.IGNORECASE)
# Verbs that open a recommendation written as an order ("Ensure that ...", "Repeal ...").
_IMPERATIVE_VERBS = (
    r"(?:Abolish|Accede|Adopt|Align|Allocate|Allow|Amend|Apply|Avoid|Ban|Bring|Cease|Collect|Consider|Create|"
    r"Decriminali[sz]e|Develop|Discontinue|End|Enact|Ensure|Establish|Expand|Extend|Facilitate|Grant|Guarantee|"
    r"Halt|Implement|Improve|Incorporate|Increase|Introduce|Investigate|Issue|Limit|Make|Monitor|Phase|Prevent|"
    r"Prohibit|Promote|Protect|Provide|Publish|Ratify|Recogni[sz]e|Reduce|Refrain|Reform|Release|Remove|Repeal|"
    r"Respect|Restrict|Review|Revise|Set|Stop|Strengthen|Support|Take|Train|Uphold|Withdraw|Propose|Order|Give|Open|"
    r"Press|Fund|Inform|Resume|Suspend|Appoint|Empower|Authori[sz]e|Assess|Conduct|Reinstate|Close|Separate)")
_IMPERATIVE = re.compile(
    r"(?:(?:Immediately|Promptly|Urgently|Swiftly|Systematically|Publicly|Fully)\s+(?i:" + _IMPERATIVE_VERBS + r")"
    r"|" + _IMPERATIVE_VERBS + r")\b")
# "To the Ministry of the Interior:" splits a list of recommendations by addressee.
_TO_ADDRESSEE = re.compile(r"^\s*(?:To|TO) (?:the |THE )?([A-Z][^:\n]{1,100}?)\s*:\s*$")
_INTRO = re.compile(
    r"\b(?:recommends?|urges?|encourages?|calls? (?:up)?on|invites?|requests?|asks?|should)\b[^\n]*:\s*$", re.IGNORECASE)
_QUESTION_START = re.compile(
    r"^(?:Will|Can|Could|What|How|Does|Do|Is|Are|Has|Have|Why|When|Which|Who|Whom|Would|Should|Did|"
    r"Please|In what|To what|Where)\b")
_PROSE = re.compile(
    r"^(?:\d+\.\s*)?(?:The State party should\b|The (?:Committee|Subcommittee|Working Group|Special Rapporteur) "
    r"(?:recommends|urges|calls (?:up)?on|encourages|requests|invites|reiterates its recommendation)\b"
    r"[^.]{0,40}\b(?:State party|Government|authorities)\b"
    # NGO submissions to a treaty body suggest what the Committee should say to the state.
    r"|(?:We (?:urge|invite|encourage|ask) the |The )(?:Human Rights |Sub)?Committee (?:should|to|may wish to) "
    r"(?:also |further )?(?:urge|ask|recommend|request|call (?:up)?on|encourage|invite|question)\b"
    r"[^.]{0,30}\b(?:State party|Government|authorities)\b"
    # ... or name the state: "The Committee should urge Qatar to", "recommend that Chile ratify"
    r"|(?:We (?:urge|invite|encourage|ask) the |The )(?:Human Rights |Sub)?Committee (?:should|to|may wish to) "
    r"(?:also |further )?(?:urge|ask|recommend that|request|call (?:up)?on|encourage|invite)\s+"
    r"(?:the\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2}\s+(?:to\s+)?[a-z])")
_ADDRESSEE = re.compile(
    r"\b(?i:urges?|encourages?|calls? (?:up)?on|invites?|requests?|asks?|recommends? that)\s+(?:the\s+)?"
    r"([A-Z][\w-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w-]*)*)(?:\s+\(([A-Z]{2,10})\))?")
_BODY_WORDS = re.compile(
    r"\b(?:Committee|Council|Commission|Office|Agency|Organi[sz]ation|Union|Rapporteur|Bank|Fund|Programme|"
    r"Commissioner|Secretary-General|Ombudsperson|Ombudsman|Institution|Mechanism|Parliament|donors)\b")
_STATE_WORDS = re.compile(r"^(?:State|States|Government|Authorities|State Party|State party)\b")
_TREATY_BODIES = re.compile(r"^(?:Committee|Human Rights Committee|CCPR|CAT|CERD|CEDAW|CRC|CMW|CESCR|CRPD|"
                            r"Human Rights Council|Subcommittee)\b")
_RELAYED = re.compile(r"\s+to\s+(?:also\s+)?(?:urge|ask|recommend|request|call|encourage|invite|question)\b")
_FOOTNOTE = re.compile(r"^\s*\d{1,3}\s+\S")
_TERMINAL = re.compile(r"[.!?][\"'”’)]*\s*$")
# A list of issues phrases many questions as polite requests ending in a full stop.
_REQUEST = re.compile(
    r"^Please\s+(?:also\s+)?(?:indicate|provide|explain|clarify|describe|comment|specify|elaborate|inform|report|"
    r"give|outline|state|update|detail|list|set out|share|submit|supply|confirm)\b")


@dataclass(slots=True)
class Item:
    """One recommendation found: its words, the verbatim span to quote, its context."""

    pieces: list[str]
    quote_start: int
    quote_end: int
    articles: list[str]
    intro_addressee: str | None = None
    rule: str = ""
    extra: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        joined = ""
        for piece in self.pieces:
            piece = piece.strip()
            if not piece:
                continue
            if joined.endswith("-") and piece[:1].islower():
                joined += piece
            else:
                joined = f"{joined} {piece}" if joined else piece
        return re.sub(r"\s+", " ", joined).strip()


def _heading_articles(line: str) -> list[str]:
    numbers: list[str] = []
    for m in _ARTICLE_NUMBERS.finditer(line):
        numbers += re.findall(r"\d+(?:\(\d+\))?", m.group(1))
    return numbers


def _is_caps_heading(line: str) -> bool:
    if len(line.strip()) > 140:
        return False  # checked first: it spares counting the letters of every long prose line
    letters = [c for c in line if c.isalpha()]
    if len(letters) < 4:
        return False
    return sum(c.isupper() for c in letters) / len(letters) >= 0.8


def addressee_of(text: str, intro: str | None) -> str:
    """``state`` unless the words name another body ("urges UNHCR to ...")."""
    for m in _ADDRESSEE.finditer(text):
        name, acronym = m.group(1), m.group(2)
        if _TREATY_BODIES.match(name) and _RELAYED.match(text, m.end()):
            continue  # "We urge the Committee to ask the Government ...": the request goes on to the state
        if _STATE_WORDS.match(name):
            return "state"
        if acronym and _BODY_WORDS.search(name):
            return acronym
        if re.fullmatch(r"[A-Z]{2,10}", name) or _BODY_WORDS.search(name):
            return name
        return "state"
    if intro and not _TREATY_BODIES.match(intro):
        return intro
    return "state"


def _intro_body(line: str) -> str | None:
    m = _ADDRESSEE.search(line)
    if not m:
        return None
    name, acronym = m.group(1), m.group(2)
    if _STATE_WORDS.match(name):
        return None
    if re.fullmatch(r"[A-Z]{2,10}", name) or _BODY_WORDS.search(name):
        return acronym if acronym and _BODY_WORDS.search(name) else name
    return None


def _addressee_body(name: str) -> str | None:
    """The body a "To ...:" line addresses, or None for the state's own organs."""
    name = name.strip()
    if _STATE_WORDS.match(name):
        return None
    if re.fullmatch(r"[A-Z]{2,10}", name) or _BODY_WORDS.search(name) and not re.search(
            r"\b(?:Ministry|Department|Parliament|Congress|Government|Senate|Assembly|Police|Office of the President)\b", name):
        return name
    return None


class _Reader:
    """Walks the lines once, keeping the section's articles and whether a list is open."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = iter_lines(text)
        self.items: list[Item] = []
        self.articles: list[str] = []
        self.block = False
        self.block_intro: str | None = None
        self.block_items = 0
        self.block_numbered = False
        self.block_paragraph = 0  # the number of the numbered paragraph that opened the list
        self._after_recommendations = False  # inside a section headed "Recommendations"

    def line(self, i: int) -> str:
        s, e = self.lines[i]
        return self.text[s:e]

    def is_heading(self, line: str) -> bool:
        return bool((_ARTICLE_HEADING.match(line) or _ARTICLES_TAIL_HEADING.match(line))
                    and not _TERMINAL.search(line)) or (
            _is_caps_heading(line)) or bool(_RECOMMENDATIONS_HEADING.match(line))

    def _continues(self, i: int, current: str) -> bool:
        """Is line ``i`` a wrapped continuation of the item whose text so far is ``current``?"""
        line = self.line(i)
        if not line.strip() or BULLET.match(line) or self.is_heading(line):
            return False
        if _QUESTION_START.match(line.strip()):
            return False
        return not _TERMINAL.search(current) or line.strip()[:1].islower()

    def _after_break(self, i: int) -> int | None:
        """After a blank line inside an unfinished question: the line where it resumes,
        skipping footnote blocks (page breaks put footnotes between the halves)."""
        j, blocks = i, 0
        while j < len(self.lines) and blocks < 4:
            while j < len(self.lines) and not self.line(j).strip():
                j += 1
            if j >= len(self.lines):
                return None
            first = self.line(j)
            if _FOOTNOTE.match(first) or first.strip().startswith("http"):
                while j < len(self.lines) and self.line(j).strip():
                    j += 1
                blocks += 1
                continue
            if BULLET.match(first) or self.is_heading(first) or _QUESTION_START.match(first.strip()):
                return None
            return j
        return None

    def read_item(self, i: int, body_start: int, question: bool) -> tuple[Item, int]:
        """The item starting at line ``i`` (its words from ``body_start``); returns the next line."""
        e = self.lines[i][1]
        pieces = [self.text[body_start:e]]
        quote_end = e
        broke = False
        j = i + 1
        while j < len(self.lines):
            current = " ".join(pieces).strip()
            if question and current.endswith("?"):
                break
            if self._continues(j, current):
                pieces.append(self.line(j))
                if not broke:
                    quote_end = self.lines[j][1]
                j += 1
                continue
            if question and not self.line(j).strip():
                resume = self._after_break(j)
                if resume is not None:
                    if resume != j + 1 or any(self.line(k).strip() for k in range(j, resume)):
                        broke = broke or any(_FOOTNOTE.match(self.line(k)) for k in range(j, resume))
                    pieces.append(self.line(resume))
                    if not broke:
                        quote_end = self.lines[resume][1]
                    j = resume + 1
                    continue
            break
        item = Item(pieces, body_start, quote_end, list(self.articles))
        return item, j

    def run(self) -> list[Item]:
        i = 0
        while i < len(self.lines):
            line = self.line(i)
            stripped = line.strip()
            if not stripped:
                i += 1
                continue
            bullet = BULLET.match(line)
            to = _TO_ADDRESSEE.match(line) if not bullet and (self.block or self._after_recommendations) else None
            if to:
                self.block, self.block_intro, self.block_items = True, _addressee_body(to.group(1)), 0
                self.block_numbered = False
                i += 1
                continue
            # "4. RECOMMENDATIONS": a numbered section title is a heading, not a list item
            numbered_title = bool(bullet) and bool(_NUMBERED.match(line)) and len(line.strip()) < 80 \
                and not _TERMINAL.search(line)
            if (not bullet or numbered_title) and self.is_heading(line):
                self.articles = _heading_articles(line)
                self.block = bool(_RECOMMENDATIONS_HEADING.match(line)) or "RECOMMENDATION" in line.upper() and \
                    _is_caps_heading(line)
                self.block_intro, self.block_items = None, 0
                self._after_recommendations = self.block
                i += 1
                continue
            body_start = self.lines[i][0] + (bullet.end() if bullet else len(line) - len(line.lstrip()))
            body = self.text[body_start:self.lines[i][1]].strip()
            if _QUESTION_START.match(body) and self._starts_paragraph(i):
                item, nxt = self.read_item(i, body_start, question=True)
                if item.text.endswith("?") or (_REQUEST.match(body) and _TERMINAL.search(item.text)):
                    item.rule = "question"
                    self.items.append(item)
                    i = nxt
                    continue
            numbered = bool(bullet) and bool(_NUMBERED.match(line))  # "24. The State party should:" is a paragraph
            if numbered and self.block and self.block_numbered and not self._list_item(line, body):
                self.block = False  # the next numbered paragraph closes the (a), (b) list of the previous one
            if bullet and self.block and not body.endswith(":"):
                item, nxt = self.read_item(i, body_start, question=False)
                item.rule, item.intro_addressee = "list", self.block_intro
                self.items.append(item)
                self.block_items += 1
                i = nxt
                continue
            if (not bullet or numbered) and _INTRO.search(stripped) and len(stripped) < 400:
                self.block, self.block_intro, self.block_items = True, _intro_body(stripped), 0
                self.block_numbered = numbered
                number = re.match(r"\s*(\d{1,3})", line) if numbered else None
                self.block_paragraph = int(number.group(1)) if number else 0
                i += 1
                continue
            if (not bullet and self._after_recommendations and len(stripped) < 80 and not _TERMINAL.search(stripped)
                    and not stripped.endswith(":") and (i == 0 or not self.line(i - 1).strip())):
                self._after_recommendations = False  # a plain title line ends the section
            if not bullet and self._after_recommendations and _IMPERATIVE.match(body):
                item, nxt = self.read_item(i, body_start, question=False)
                if _TERMINAL.search(item.text):  # word-processor lists lose their bullets
                    item.rule, item.intro_addressee = "list", self.block_intro
                    self.items.append(item)
                    self.block_items += 1
                    i = nxt
                    continue
            if not bullet and self.block and self.block_items:
                self.block = False
            if not bullet or numbered:
                self._prose(i)
            i += 1
        return self.items

    def _list_item(self, line: str, body: str) -> bool:
        """Under a numbered paragraph that ends in a colon, is this numbered line one of its items?

        Submissions number their paragraphs and then number the recommendations again from 1
        ("11. We ask that the State: / 1. Adopt ... / 2. Repeal ..."): an item restarts the
        count or gives an order; the next paragraph does neither.
        """
        number = re.match(r"\s*(\d{1,3})", line)
        if number and int(number.group(1)) == self.block_items + 1 and self.block_items < int(number.group(1)) <= 30 \
                and int(number.group(1)) < self.block_paragraph:
            return True
        return bool(_IMPERATIVE.match(body))

    def _starts_paragraph(self, i: int) -> bool:
        if i == 0:
            return True
        previous = self.line(i - 1)
        return (not previous.strip() or bool(_TERMINAL.search(previous)) or previous.rstrip().endswith(":")
                or self.is_heading(previous) or bool(BULLET.match(self.line(i))))

    def _prose(self, i: int) -> None:
        """Prose recommendations, and the sentences that continue one ("It should also ...")."""
        s, e = self.lines[i]
        follows = False
        for a, b in split_paragraph(self.text, s, e):
            sentence = self.text[a:b]
            if sentence.rstrip().endswith(":"):
                follows = False
                continue
            if _PROSE.match(sentence) or (follows and _FOLLOW_UP.match(sentence)):
                self.items.append(Item([sentence], a, b, list(self.articles), rule="prose"))
                follows = True
            else:
                follows = False


@register(NAME, version=VERSION, produces=[FactType.RECOMMENDATION])
def extract_recommendations(document: Document) -> Iterable[Fact]:
    facts: list[Fact] = []
    seen: set[str] = set()
    for item in _Reader(document.text).run():
        text = item.text
        if len(text.split()) < 3 or text.lower() in seen:
            continue
        seen.add(text.lower())
        fields = {"text": text, "addressee": addressee_of(text, item.intro_addressee), "articles": item.articles}
        confidence = {"list": 0.8, "question": 0.75, "prose": 0.7}.get(item.rule, 0.6)
        facts.append(make_fact(document, FactType.RECOMMENDATION, item.quote_start, item.quote_end, fields,
                               extractor=EXTRACTOR_ID, rule=item.rule, confidence=confidence))
    return facts
