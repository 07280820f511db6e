"""Domestic legislation and the constitution that a source names.

Laws are named in many national styles: "Law on Refugees", "Code of the
Republic of X on administrative offences", "Law No. 3-I on Public Associations
of 31 May 1996", "Law 4636/2019 on International Protection", "Immigration Act
1971", "Penal Code (226-V (2014))", "Organic Law 4/2000", "the constitution".
Every mention is found, then mentions of one law are merged into one record
(title compared by the scoring rule's word set) whose articles are the union of
those cited from it anywhere in the document and whose quote is the first
mention. Treaties ("Convention", "Covenant"), generic "the law" and laws of
other countries are not domestic legislation and are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import pycountry

from habeas.domain import Document, Fact, FactType
from habeas.extract.registry import register
from habeas.extract.spans import make_fact
from habeas.text.dates import find_dates
from habeas.text.patterns import finditer_ci, lower_pattern, lowered_exact, word_start
from habeas.text.titles import title_words

NAME = "laws"
VERSION = 3

_APOS = "’'"
_WORD = r"[A-Za-z][\w’'-]*"

# The title patterns scan whole documents. Each opens on a lookahead for the letters its matches
# can begin with: the engine rejects other positions with that one class test instead of trying
# the pattern there (two to three times faster, same matches).
# "Law (No. 3-I) (of the Republic of X) on <subject>"
_LAW_ON = re.compile(
    r"(?=[ACDEFGLMOPRScl])\b(?P<kw>(?:Federal\s+|Organic\s+|Constitutional\s+|General\s+){0,2}(?:[Ll]aw|LAW)|[Cc]ode"
    r"|(?:Federal\s+)?(?:Constitutional\s+)?Act|(?:Presidential\s+|Government\s+)?Decree"
    r"|(?:Presidential|Government|Ministerial|Cabinet|Royal|Federal|Supreme|Executive)\s+(?:Regulation|Order|Ordinance|Instruction|Resolution))"
    r"(?:\s+(?:No\.?|Nr\.?|Number)\s*(?P<num>\d{1,3}(?:,\d{3})+(?![\d,])|\d[\w/.-]*|[A-Z]{1,3}-\d[\w/.-]*))?"
    r"(?:\s+(?P<num2>\d+/(?:19|20)\d\d|\d+-[IVX]+|\d+-[A-Z]{1,3}|\d{1,3}\.\d{3}(?![\d.])))?"
    r"(?:\s+of\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+)?(?P<ofyear>(?:19|20)\d\d))?"
    r"(?:\s+o[fd]\s+(?P<of>(?:the\s+)?(?:Republic\s+of\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}))?"
    r"\s+(?P<prep>on|about|regarding|concerning|(?P<verb>[Ee]stablishing|[Rr]egulating|[Gg]overning|[Aa]mending|[Cc]reating|[Rr]elating\s+to))\s+"
)
# Capitalised titles ending in Act: "Nationality and Borders Act 2022", "Aliens Act".
_ACT = re.compile(
    r"\b(?P<title>[A-Z][\w’'-]*(?:(?:,?\s+(?:(?:and|of|for|the|on|in|to|&)\s+)*[A-Z][\w’'-]*)|\s+\([A-Z][^()\n]{0,60}\)){0,8})"
    r"\s+(?P<kw>Act|(?=[^\n]{0,12}\d{4})(?:Rules|Regulations|Order|Bill))\b"
    r"(?:,?\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)(?:/\d\d)?\b)?"
)
_CODE = re.compile(
    r"(?=[abcfhilmptw])\b(?P<title>(?:Criminal|Penal|Administrative|Civil|Labou?r|Migration|Immigration|Family|Tax|Land|Water|Customs|Border|Housing)"
    r"(?:\s+(?:Procedure|Procedural|Offences|Offenses|Infractions|Violations|Execution|Enforcement))?\s+Code"
    r"|Code\s+of\s+(?:Criminal|Civil|Administrative)\s+(?:Procedure|Offences|Offenses|Infractions|Violations))\b",
    re.IGNORECASE,
)
_CODE_LOWER = lower_pattern(_CODE)
_NUMBERED = re.compile(
    r"(?=[ACDEGLMOPRS])\b(?P<title>(?:Organic\s+Law|Royal\s+Decree|Legislative\s+Decree|Presidential\s+Decree|Government\s+Decree"
    r"|(?:Presidential|Government|Ministerial|Cabinet)\s+(?:Regulation|Order|Instruction)"
    r"|Executive\s+Decree|Supreme\s+Decree|Decree[\s-]Law|Decree|Law|Act|Ordinance)"
    r"\s+(?:(?P<no>No\.?|Nr\.?|Number)\s*)?(?P<num>\d{1,5}/(?P<year>(?:19|20)\d\d)|\d{1,5}-[IVX]{1,4}"
    r"|(?(no)\d{1,3}(?:,\d{3})+(?![\d,])|(?!))|(?(no)\d{1,5}(?:[-/.]\d+)*(?:-[A-Z]{1,4})?"
    r"|(?:\d{1,5}(?=\s+of\s+(?:19|20)\d\d\b)|\d{1,3}\.\d{3}(?![\d.])"
    # "Executive Decree 436 of June 2022", "Decree 698 in 2023": a bare number dated right after it
    r"|(?<=Decree\s)\d{1,5}(?=\s+(?:of\s+(?:\d{1,2}\s+)?[A-Z][a-z]+\s+|in\s+)(?:19|20)\d\d\b))))"
    r")(?![\w/-])(?!\s+(?:of\s+(?:19|20)\d\d\s+)?(?:on|about|regarding|concerning|establishing|regulating|governing|amending|creating|relating\s+to)\b)"
)
# Spanish, Portuguese and French titles: "Ley de Migración", "Lei de Migração", "Loi relative à l'asile".
_ROMANCE = re.compile(
    r"(?=[CDL])\b(?P<title>(?:Ley|Lei|Loi|Decreto|Código|Codigo|Code)(?:\s+(?:General|Org[áâa]nica|Federal|Nacional))?"
    r"(?:\s+(?:No\.?|n[º°o]\.?)\s*\d[\d./-]*)?"
    r"\s+(?:de|del|sobre|relativa\s+a|relative\s+(?:à|au|aux)|sur|da|do|dos|das)\s+(?:la\s+|las\s+|los\s+|el\s+|l[’']|les\s+|a\s+)?"
    r"[A-ZÁÉÍÓÚ][\wáéíóúãõçñ’'-]*(?:\s+(?:(?:de|del|la|las|los|y|e|et|des|du|da|do|dos|das|para|en)\s+)*[A-ZÁÉÍÓÚa-záéíóú][\wáéíóúãõçñ’'-]*){0,6}?)"
    r"(?=\s*[,.;:()]|\s+(?:of|de|del|from|in|and|which|that|was|is|,|\d)\b|\s*$)",
    re.MULTILINE,
)
# Capitalised "<Subject> Law" titles, only for subjects that are migration or criminal law.
_SUBJECT_LAW = re.compile(
    r"\b(?P<title>(?:[A-Z][\w’'-]*\s+(?:(?:and|of|on|the|into|in)\s+)?){0,3}"
    r"(?:Migration|Immigration|Emigration|Population|Asylum|Refugees?|Foreigners|Aliens|Nationality|Citizenship|Residence"
    r"|Border|Deportation|Trafficking|Penal|Criminal|Detention|Crime|Labou?r|Employment|Terrorism|Counter-Terrorism"
    r"|Anti-Terrorism|Security|Police|Prisons?|Juvenile|Child|Children|Passports?|Entry|Smuggling|Extradition|Emergency)"
    r"(?:\s+(?:into|in|to|of|from)\s+[A-Z][\w’'-]*)?"
    r"\s+Law"
    # "(Temporary Provision)", "(Amendment No. 5)": a qualifier that belongs to the title
    r"(?:\s+\((?:Temporary\s+Provisions?|Amendment(?:\s+No\.\s*\d+)?|Consolidated\s+Version|Interim\s+Provisions?)\))?"
    r"|(?:[A-Z][\w’'-]*\s+(?:(?:and|of|on|the|for|into|in)\s+)?){1,4}Law(?=\s+(?:of\s+|\()(?:19|20)\d\d\b)"
    # "the Basic Law of Governance": a constitutional law named by its subject after "of"
    r"|(?:Basic|Fundamental)\s+Law\s+(?:of|on)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:and\s+)?[A-Z][\w’'-]*){0,2})"
    r"(?:\b|(?<=\)))(?:\s+(?:of\s+|\()?(?P<year>(?:19|20)\d\d)\b\)?)?"
)
_CONSTITUTION = re.compile(word_start(["Constitution", "constitution"]) + r"\b(?!al)(?!\s+of\s+(?:a|an|the(?!\s+(?:Republic|Kingdom|Federation|State|Commonwealth|Principality|Grand\s+Duchy|Sultanate|United)\b)|this|that|its)\b)")

_STOP = frozenset(["in", "to", "has", "have", "had", "was", "were", "is", "are", "be", "been", "being", "adopted", "amended", "enacted", "signed", "passed", "approved", "promulgated", "that", "which", "who", "whom", "whose", "as", "by", "at", "from", "since", "provides", "provide", "prohibits", "requires", "allows", "states", "stipulates", "establishes", "grants", "permits", "sets", "defines", "includes", "gives", "guarantees", "regulates", "criminalises", "criminalizes", "punishes", "bans", "obliges", "enables", "lacks", "contains", "applies", "entered", "came", "introduced", "took", "may", "must", "shall", "can", "could", "would", "should", "will", "does", "did", "not", "also", "only", "so", "it", "its", "their", "his", "her", "but", "or", "when", "where", "while", "if", "because", "after", "before", "during", "under", "into", "over", "with", "this", "these", "those", "such", "any", "all", "a", "an", "there", "here", "than", "then", "through", "within", "without", 'whether".'])
_CONNECTORS = frozenset({"and", "of", "the", "for", "against", "&"})
_LEADING_NOISE = frozenset({
    "The", "This", "That", "These", "Those", "A", "An", "Both", "Under", "According", "While", "Although", "However",
    "Since", "Its", "Their", "His", "Her", "New", "Article", "Articles", "Section", "In", "On", "By", "Final", "Single",
    "Same", "Such", "Each", "Any", "Said", "If", "When", "Where", "As", "And", "Of", "For", "To", "Yes", "No",
})
_NOT_DOMESTIC_BEFORE = re.compile(
    r"(?:international|customary|humanitarian|refugee|human\s+rights|case|soft|EU|European|Union|model|Sharia|martial"
    r"|religious|natural|common|civil|criminal)\s+$", re.IGNORECASE)
# What _NOT_DOMESTIC_BEFORE can end with: a cheap necessary condition checked first.
_NOT_DOMESTIC_ENDINGS = ("international", "customary", "humanitarian", "refugee", "rights", "case", "soft", "eu",
                         "european", "union", "model", "sharia", "martial", "religious", "natural", "common", "civil",
                         "criminal")
_TREATY_WORDS = re.compile(r"\b(?:Convention|Covenant|Protocol|Charter|Treaty|Agreement|Declaration|Directive|Regulation\s+\(EU\))\b")

# "Penal Code (Legislative Decree No. 340 of 1943)": the instrument that enacted the title.
_INSTRUMENT = r"(?:(?:Legislative|Presidential|Royal|Government|Cabinet|Federal|Organic|Ministerial|Supreme|Executive)\s+)?(?:Law|Act|Decree|Order|Ordinance|Regulation|Decree-Law)"
_NUMBER_AFTER = re.compile(
    r"\s*\(\s*(?:" + _INSTRUMENT + r"\s+)?(?:No\.?\s*)?(?P<num>\d{1,3}(?:,\d{3})+(?![\d,])|(?!Art)[\w/.-]*\d[\w/.-]*)\s*(?:\(\s*(?P<y1>(?:19|20)\d\d)\s*\)|,?\s*of\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\s+)?(?P<y2>(?:19|20)\d\d))?\s*\)")
_OF_DATE_AFTER = re.compile(r"\s+(?:of|dated|from)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+|[A-Z][a-z]+\s+\d{1,2},?\s+)?(?P<y>(?:19|20)\d\d)\b")
_YEAR_PAREN_AFTER = re.compile(r"\s*(?:,\s*|\()(?P<y>(?:19|20)\d\d)\)?")
_ADOPTION = re.compile(r"\b(?:adopted|enacted|passed|promulgated|signed|approved|entered\s+into\s+force|came\s+into\s+(?:force|effect))\b", re.IGNORECASE)
_AMENDMENT = re.compile(r"\b(?:amended|amendments?|revised)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<![\s.][A-Z])(?<!\bNo)(?<!\bArt)\.\s|[;\n]\s*\n|\n(?=[-•\u2022]|\s*[A-Z][A-Z ]{6,}$)", re.MULTILINE)

_ARTICLE = re.compile(
    r"(?=[Aa])\b(?:[Aa]rt(?:icle|icie|ide)s?|[Aa]ricles?|Art\.)\s*"
    r"(?P<nums>\d+(?:\s*\(\s*\w{1,3}\s*\))*(?:\s*(?:,|and|&)\s*\d+(?:\s*\(\s*\w{1,3}\s*\))*)*)"
)
_ARTICLE_NUM = re.compile(r"\d+(?:\s*\(\s*\w{1,3}\s*\))*")
_OF_LAW_GAP = re.compile(r"\bof\s+(?:the\s+)?(?:(?:new|same|current|amended|present|said|country[’']s|its|this|that|[A-Z][\w-]*[’']s)\s+)*$")
_NUMBER_NEXT = re.compile(r"\.?\s*\d")
# "Law on X No. 24 of 1973", "Act 13 of 2002": a number (and date) written after the title.
_NUMBER_TRAILING = re.compile(
    r",?\s+(?:No\.?|Nr\.?|Number)\s*(?P<num>\d{1,3}(?:,\d{3})+(?![\d,])|\d[\w/.-]*?)(?=[\s,;:)]|\.(?:\s|$)|$)"
    r"(?:,?\s+(?:of|dated|from)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+|[A-Z][a-z]+\s+\d{1,2},?\s+)?(?P<y>(?:19|20)\d\d)\b)?")
_TRAILING_NUMBERS = re.compile(r"((?:[ \t]*\b\d{3,4}\b)+)[ \t]*$")


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    title: str
    number: str | None = None
    year_adopted: int | None = None
    year_amended: int | None = None
    articles: list[str] = field(default_factory=list)
    truncated: bool = False  # the title was cut by a page or footnote break


# --- countries: a law "of X" or "X's law" is foreign unless X is the document's country --------


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names[value.casefold()] = c.alpha_3
    extra = {"russia": "RUS", "iran": "IRN", "syria": "SYR", "bolivia": "BOL", "venezuela": "VEN", "tanzania": "TZA",
             "vietnam": "VNM", "laos": "LAO", "moldova": "MDA", "south korea": "KOR", "north korea": "PRK",
             "turkey": "TUR", "uk": "GBR", "britain": "GBR", "great britain": "GBR", "us": "USA", "usa": "USA",
             "united states": "USA", "czech republic": "CZE", "kosovo": "XKX"}
    names.update(extra)
    return names


def _is_foreign(name: str, country: str | None) -> bool:
    code = _country_names().get(re.sub(r"^(?:the\s+)?(?:republic\s+of\s+)?", "", name.casefold()).strip())
    return code is not None and country is not None and code != country


_POSSESSOR = re.compile(r"(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)[’']s\s+(?:new\s+|current\s+|amended\s+)?$")


def _foreign_possessor(text: str, start: int, country: str | None) -> bool:
    m = _POSSESSOR.search(text, max(0, start - 40), start)
    return bool(m and _is_foreign(m.group("name"), country))


# --- finding mentions -------------------------------------------------------------------

_ACT_ANCHOR = re.compile(word_start(["Act", "Rules", "Regulations", "Order", "Bill"]) + r"\b")
_LAW_ANCHOR = re.compile(word_start(["Law"]) + r"\b")


def _anchored(pattern: re.Pattern[str], text: str, anchor: re.Pattern[str], group: str) -> Iterator[re.Match[str]]:
    """Matches of a costly title pattern, tried only in windows that end at its keyword.

    Titles such as "Nationality and Borders Act 2022" start anywhere but end in a
    rare word; scanning back from that word keeps extraction fast on long reports.
    """
    last_end = -1
    for a in anchor.finditer(text):
        lo = max(0, a.start() - 160, last_end)
        for m in pattern.finditer(text, lo, min(len(text), a.end() + 40)):
            if m.start(group) <= a.start() < m.end(group) + 1 and m.end() > last_end:
                last_end = m.end()
                yield m
                break


def _subject(text: str, pos: int) -> tuple[str, int] | None:
    """The subject words of "Law on <subject>", as written, and where they end."""
    words: list[tuple[str, int, int]] = []
    capitalised_title = None
    for m in re.finditer(r"[ \t]*\n?[ \t]*(" + _WORD + r"|&)", text[pos:pos + 160]):
        if m.start() != (words[-1][2] - pos if words else 0):
            break
        word = m.group(1)
        start, end = pos + m.start(1), pos + m.end(1)
        lower = word.casefold()
        if lower in _STOP and not (lower == "the" and (not words or words[-1][0].casefold() in ("of", "on"))):
            break
        if capitalised_title is None and lower != "the":
            capitalised_title = word[0].isupper()
        elif capitalised_title and word[0].islower() and lower not in _CONNECTORS:
            break
        if any(ch.isdigit() for ch in word) or (word in ("No", "Nr") and _NUMBER_NEXT.match(text, end)):
            break  # "Law on X No. 24 of 1973": the number closes the title
        words.append((word, start, end))
        if len(words) >= (12 if capitalised_title else 7):
            break
    while words and words[-1][0].casefold() in _CONNECTORS:
        words.pop()
    if not words or all(w.casefold() in _CONNECTORS for w, _, _ in words):
        return None
    return text[words[0][1]:words[-1][2]], words[-1][2]


_PLACE_CONNECTORS = frozenset({"into", "in", "to", "of", "from", "for"})


def _clean_title_prefix(title: str) -> str:
    """Drop leading words that open a sentence or a phrase rather than the title."""
    words = title.split()
    cut = 0
    for i, w in enumerate(words):
        bare = w.rstrip("’'s") if w.endswith(("’s", "'s")) else w
        after_connector = bool(i) and words[i - 1].casefold() in _PLACE_CONNECTORS
        if (w in _LEADING_NOISE or w == "the") and not (after_connector and w.casefold() == "the") \
                or w.endswith(("’s", "'s")):
            cut = i + 1
        elif _country_names().get(bare.casefold()) and not after_connector:
            cut = i + 1  # "Kazakhstan Law on ..." is named without its country; "Entry into Israel Law" keeps it
    return " ".join(words[cut:])


def _law_on_mentions(document: Document) -> Iterable[_Mention]:
    text = document.text
    for m in _LAW_ON.finditer(text):
        kw = m.group("kw")
        if kw[0].islower() and text[max(0, m.start() - 30):m.start()].rstrip().lower().endswith(_NOT_DOMESTIC_ENDINGS) \
                and _NOT_DOMESTIC_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue
        if m.group("of") and not re.match(r"(?:the\s+)?Republic\s+of", m.group("of")) and not _country_names().get(m.group("of").casefold()):
            continue
        if m.group("of") and _is_foreign(m.group("of"), document.country):
            continue
        if _foreign_possessor(text, m.start(), document.country):
            continue
        if kw[0].islower() and re.search(r"\b(?:adopt\w*|enact\w*|introduc\w*|pass|draft\w*)\s+(?:a|an|any|new)\s+$",
                                         text[max(0, m.start() - 30):m.start()]) \
                and not (m.group("num") or m.group("num2") or m.group("ofyear")):
            continue  # "plans to adopt a law on asylum": a law that does not exist yet
        if m.group("verb") and kw[0].islower() and not (m.group("num") or m.group("num2") or m.group("ofyear")):
            continue  # "the law regulating detention" describes; "Law Regulating the Entry of ..." names
        subject = _subject(text, m.end())
        if subject is None:
            continue
        words, end = subject
        kw_title = " ".join(w.capitalize() if i == len(kw.split()) - 1 else w for i, w in enumerate(kw.split()))
        mention = _Mention(m.start(), end, f"{kw_title} {m.group('prep')} {words}")
        mention.truncated = bool(re.match(r"[ \t]*\n[ \t]*\n", text[end:end + 8]))
        mention.number = m.group("num") or m.group("num2")
        if mention.number and re.search(r"/((?:19|20)\d\d)$", mention.number):
            mention.year_adopted = int(mention.number[-4:])
        if m.group("ofyear"):
            mention.year_adopted = int(m.group("ofyear"))
        yield mention


def _act_mentions(document: Document) -> Iterable[_Mention]:
    text = document.text
    for m in _anchored(_ACT, text, _ACT_ANCHOR, "kw"):
        # a table cell before the title ("Yes<TAB>Federal ... Act") is no part of it
        title = _clean_title_prefix(m.group("title").rsplit("\t", 1)[-1])
        if not title or _TREATY_WORDS.search(title):
            continue
        start = m.start("title") + m.group("title").rfind(title) if title in m.group("title") else m.start("title")
        if _foreign_possessor(text, start, document.country):
            continue
        kw = m.group("kw")
        if kw != "Act" and not m.group("year"):
            continue  # "Rules", "Regulations" and "Order" are titles only with their year
        mention = _Mention(start, m.end("kw"), f"{title} {kw}")
        if m.group("year"):
            mention.year_adopted = int(m.group("year"))
            mention.title = f"{title} {kw} {m.group('year')}"
            mention.end = m.end()
        yield mention


def _code_mentions(document: Document) -> Iterable[_Mention]:
    low = lowered_exact(document.text)
    if low is not None and "code" not in low:
        return  # every title says "code": most documents need no scan
    for m in finditer_ci(_CODE, _CODE_LOWER, document.text):
        if _foreign_possessor(document.text, m.start(), document.country):
            continue
        title = " ".join(w if w.islower() and w in ("of",) else w.capitalize() for w in m.group("title").split())
        yield _Mention(m.start(), m.end(), title)


def _numbered_mentions(document: Document) -> Iterable[_Mention]:
    text = document.text
    for m in _NUMBERED.finditer(text):
        mention = _Mention(m.start(), m.end(), " ".join(m.group("title").split()), number=m.group("num"))
        if m.group("year"):
            mention.year_adopted = int(m.group("year"))
        dated = _MONTH_OR_IN_YEAR.match(text, mention.end)
        if dated and mention.year_adopted is None:
            mention.year_adopted = int(dated.group("y"))
            mention.end += dated.end() - dated.start()
        _add_number_and_year(text, mention)
        quoted = _QUOTED_TITLE.match(text, mention.end)
        if quoted and not _TREATY_WORDS.search(quoted.group("title")):
            # 'Federal Law No. 115-FZ of 25 July 2002 "On the Legal Status of Foreign Citizens"': the quoted words
            # are the title; the country the title ends with is left out, as everywhere
            title = " ".join(quoted.group("title").split())
            country = re.search(r"\s+(?:in|of)\s+(?:the\s+)?(?:Republic\s+of\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)$", title)
            if country and _country_names().get(country.group(1).casefold()):
                title = title[:country.start()]
            mention.title = title
            mention.end = quoted.end()
            yield mention
            continue
        # "Law 23/2007 of 4 July (the Aliens Act)": the day of a year the number gives may stand between
        day = _DAY_NO_YEAR.match(text, mention.end)
        short = _SHORT_TITLE.match(text, day.end() if day else mention.end)
        if short and not _TREATY_WORDS.search(short.group("title")):
            # "Law No. 9,474 of 1997 (the Refugee Law)": the short title is the name the text uses
            mention.title = " ".join(_clean_title_prefix(short.group("title")).split())
            mention.end = short.end()
        yield mention


_ISSUED_BY = re.compile(r",?\s+(?:as\s+)?(?:issued|promulgated|enacted|adopted|approved|introduced|enforced)\s+by\s+$")
_ISSUED_TITLE = re.compile(
    r"(?P<title>(?:[A-Z][\w’'-]*\s+(?:(?:and|of|on|the|for)\s+)?){1,5}(?:Regulations|Rules|Ordinance|Order|Law|Act|Code|Statute|Bylaws?))$")


def _issued_by(document: Document, mentions: list[_Mention]) -> list[_Mention]:
    """ "The Residency Regulations, issued by Royal Decree No. 17 in 1952": the decree is the number of the
    regulations it issued, not a law of its own."""
    text = document.text
    out = []
    for mention in mentions:
        gap = _ISSUED_BY.search(text, max(0, mention.start - 40), mention.start)
        if not mention.number or gap is None:
            continue
        m = _ISSUED_TITLE.search(text, max(0, gap.start() - 120), gap.start())
        if not m:
            continue
        title = _clean_title_prefix(m.group("title"))
        if not title or len(title.split()) < 2 or _TREATY_WORDS.search(title):
            continue
        issued = _Mention(gap.start() - len(title), mention.end, title, number=mention.number,
                          year_adopted=mention.year_adopted, articles=list(mention.articles))
        year = re.match(r"\s+(?:in|of)\s+((?:19|20)\d\d)\b", text[mention.end:mention.end + 12])
        if year and issued.year_adopted is None:
            issued.year_adopted = int(year.group(1))
            issued.end = mention.end + year.end()
        out.append(issued)
    return out


def _romance_mentions(document: Document) -> Iterable[_Mention]:
    for m in _ROMANCE.finditer(document.text):
        if m.group("title").split()[0] == "Code":
            continue  # English "Code" titles are read by the other patterns
        if _foreign_possessor(document.text, m.start(), document.country):
            continue
        yield _Mention(m.start(), m.end("title"), " ".join(m.group("title").split()))


# A capitalised noun right after "<Subject> Law" makes it part of a longer proper name.
_ORGANISATION_AFTER = re.compile(r"[ \t]+(?!(?:Article|Art|Articles|Section|Chapter|Part|No|Nr|Number|Of|On)\b)[A-Z][a-z]")


def _subject_law_mentions(document: Document) -> Iterable[_Mention]:
    for m in _anchored(_SUBJECT_LAW, document.text, _LAW_ANCHOR, "title"):
        title = _clean_title_prefix(m.group("title"))
        if not title or re.search(r"\b(?:International|Customary|Humanitarian|European|EU|Human|Rights|Soft|Case)\b", title):
            continue
        if not title or title.split()[0] == "Law" or _foreign_possessor(document.text, m.start(), document.country):
            continue
        if not m.group("year") and _ORGANISATION_AFTER.match(document.text, m.end("title")):
            continue  # "Refugee Law Clinic", "Migration Law Centre": an organisation, not a law
        mention = _Mention(m.end("title") - len(title), m.end("title"), title)
        if m.group("year"):
            mention.year_adopted = int(m.group("year"))
            mention.end = m.end()
        yield mention


def _constitution_mentions(document: Document) -> Iterable[_Mention]:
    text = document.text
    for m in _CONSTITUTION.finditer(text):
        line_start, line_end = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        if "\t" in line and re.search(r"\bYear\b", line) and not re.search(r"\d", line):
            continue  # a table's column header ("Constitution and Articles<TAB>Year Adopted")
        of = re.match(r"\s+of\s+(?:the\s+)?(?:Republic\s+of\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)", text[m.end():m.end() + 60])
        if of and _is_foreign(of.group(1), document.country):
            continue
        if _foreign_possessor(text, m.start(), document.country):
            continue
        end = m.end() + (of.end() if of and _country_names().get(of.group(1).casefold()) else 0)
        yield _Mention(m.start(), end, "Constitution")


def _non_overlapping(mentions: list[_Mention]) -> list[_Mention]:
    mentions.sort(key=lambda x: (x.start, -(x.end - x.start)))
    kept: list[_Mention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


# --- numbers, years and articles ------------------------------------------------------------


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = max(0, pos - 350)
    for m in _SENTENCE_END.finditer(text, start, pos):
        start = m.end()
    end_match = _SENTENCE_END.search(text, pos, min(len(text), pos + 350))
    return start, (end_match.start() + 1 if end_match else min(len(text), pos + 350))


_MONTH_OR_IN_YEAR = re.compile(r"\s+(?:of\s+(?:\d{1,2}\s+)?[A-Z][a-z]+|in)\s+(?P<y>(?:19|20)\d\d)\b")
_DAY_NO_YEAR = re.compile(r",?\s+of\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}(?:st|nd|rd|th)?)(?![\w,]|\s+(?:19|20)\d\d)")
_QUOTED_TITLE = re.compile(r",?[ \t]*[“\"«](?P<title>[A-Z][^”\"»\n]{2,150}?)[”\"»]")
_SHORT_TITLE = re.compile(
    r"\s*\((?:the\s+|hereinafter\s+(?:the\s+)?)?[“\"]?(?P<title>(?:[A-Z][\w’'-]*\s+){1,4}(?:Law|Act|Code))[”\"]?\)")


def _add_number_and_year(text: str, mention: _Mention) -> None:
    after = text[mention.end:mention.end + 80]
    m = _NUMBER_TRAILING.match(after)
    if m:
        mention.number = mention.number or m.group("num")
        if m.group("y"):
            mention.year_adopted = mention.year_adopted or int(m.group("y"))
        mention.end += m.end()
        return
    m = _NUMBER_AFTER.match(after)
    if m:
        num, year = m.group("num"), m.group("y1") or m.group("y2")
        if re.fullmatch(r"(?:19|20)\d\d", num) and not year:
            mention.year_adopted = mention.year_adopted or int(num)
        else:
            mention.number = mention.number or num
            if year:
                mention.year_adopted = mention.year_adopted or int(year)
        mention.end += m.end()
        return
    m = _OF_DATE_AFTER.match(after) or _YEAR_PAREN_AFTER.match(after)
    if m and mention.year_adopted is None:
        mention.year_adopted = int(m.group("y"))
        mention.end += m.end()


def _add_table_years(text: str, mention: _Mention) -> None:
    """Profile rows end in "<year adopted><TAB><year last amended>" cells."""
    line_end = text.find("\n", mention.end)
    line_end = len(text) if line_end < 0 else line_end
    line_start = text.rfind("\n", 0, mention.start) + 1
    if "\t" not in text[line_start:line_end]:
        return
    m = _TRAILING_NUMBERS.search(text, mention.end, line_end)
    if not m:
        return
    years = []
    for raw in m.group(1).split():
        if len(raw) == 3 and raw[0] == "9":
            raw = "1" + raw  # a first digit lost by the PDF layer
        if len(raw) == 4 and 1800 <= int(raw) <= 2100:
            years.append(int(raw))
    if years and mention.year_adopted is None:
        mention.year_adopted = years[0]
    if len(years) > 1:
        mention.year_amended = years[-1]


def _add_prose_years(document: Document, mention: _Mention, previous: _Mention | None,
                     following: _Mention | None) -> None:
    """An adoption or amendment verb next to the title dates it, unless another law stands between.

    ``previous`` and ``following`` are the mention's neighbours among the non-overlapping
    mentions in text order: only they can stand between it and its verb.
    """
    text = document.text
    s_start, s_end = _sentence_bounds(text, mention.start)
    near_start, near_end = max(s_start, mention.start - 100), min(s_end, mention.end + 80)
    if following is not None and mention.end <= following.start < near_end:
        near_end = following.start
    if previous is not None and near_start <= previous.end <= mention.start:
        near_start = previous.end
    near = (near_start, near_end)
    amendment = _AMENDMENT.search(text, *near)
    adoption = _ADOPTION.search(text, *near)
    if not amendment and not adoption:
        return
    dates = [d for d in find_dates(text[s_start:s_end], document.year)
             if not d.is_period and not mention.start <= s_start + d.start < mention.end]
    anchor = (amendment or adoption).start() - s_start  # type: ignore[union-attr]
    year = None
    if dates:
        year = min(dates, key=lambda d: abs(d.start - anchor)).year
    if amendment and (not adoption or amendment.start() <= adoption.start() + 30):
        if year is None and re.search(r"\b(?:were|was|been|enacted|made)\b", text[s_start:s_end]):
            year = document.year
        if year is not None:
            mention.year_amended = max(mention.year_amended or 0, year) or None
    elif adoption and dates:
        # "adopted on 2 July 2013 and last amended in 2022": each verb takes the date nearest to it
        at = adoption.start() - s_start
        adopted = min(dates, key=lambda d: abs(d.start - at)).year
        if mention.year_adopted is None:
            mention.year_adopted = adopted
        if amendment:
            at = amendment.start() - s_start
            amended = min(dates, key=lambda d: abs(d.start - at)).year
            if amended is not None and adopted is not None and amended > adopted:
                mention.year_amended = max(mention.year_amended or 0, amended)


def _parse_articles(nums: str) -> list[str]:
    return [re.sub(r"\s+", "", a) for a in _ARTICLE_NUM.findall(nums)]


def _attach_articles(text: str, mentions: list[_Mention]) -> None:
    starts = [m.start for m in mentions]
    for art in _ARTICLE.finditer(text):
        numbers = _parse_articles(art.group("nums"))
        target = _law_after(text, art, mentions)
        if target is False:
            continue  # "Article 33 of the Refugee Convention": cited from something that is not a law
        if target is None:
            target = _law_right_before(text, art, mentions)
        if target is None and _stands_alone(text, art):
            target = _nearest_before(text, art, mentions, starts)
        if isinstance(target, _Mention):
            for n in numbers:
                if n not in target.articles:
                    target.articles.append(n)


def _law_after(text: str, art: re.Match[str], mentions: list[_Mention]) -> _Mention | bool | None:
    window_end = art.end() + 90
    for mention in mentions:
        if art.end() <= mention.start <= window_end:
            gap = text[art.end():mention.start]
            if _OF_LAW_GAP.search(gap) and not re.search(r"[.;]\s", gap) and not _ARTICLE.search(gap):
                return mention
            break
    tail = text[art.end():art.end() + 12]
    if re.match(r"\s+of\s+(?:the\s+)?", tail):
        return False
    return None


def _law_right_before(text: str, art: re.Match[str], mentions: list[_Mention]) -> _Mention | None:
    for mention in mentions:
        if mention.end <= art.start() <= mention.end + 4 and re.fullmatch(r"(?:[’']s)?\s*[,(]?\s*", text[mention.end:art.start()]):
            return mention
    return None


def _stands_alone(text: str, art: re.Match[str]) -> bool:
    """ "(Article 10)" or "Article 21:" cite from the law the passage is about."""
    before = text[max(0, art.start() - 1):art.start()]
    after = text[art.end():art.end() + 1]
    return before == "(" and after == ")" or after == ":"


def _nearest_before(text: str, art: re.Match[str], mentions: list[_Mention], starts: list[int]) -> _Mention | None:
    candidates = [m for m in mentions if m.end <= art.start() and art.start() - m.end <= 450]
    if not candidates:
        return None
    mention = candidates[-1]
    between = text[mention.end:art.start()]
    if "\n\n" in between or _TREATY_WORDS.search(between) or re.search(r"\b(?:ICCPR|ICESCR|CAT|CRC|CEDAW)\b", between):
        return None
    return mention


# --- assembling -----------------------------------------------------------------------------


def _mentions(document: Document) -> list[_Mention]:
    found = [*_law_on_mentions(document), *_act_mentions(document), *_code_mentions(document),
             *_numbered_mentions(document), *_constitution_mentions(document), *_romance_mentions(document),
             *_subject_law_mentions(document)]
    for mention in found:
        _add_number_and_year(document.text, mention)
    if " by " in document.text:
        found += _issued_by(document, found)
    mentions = _non_overlapping(found)
    for i, mention in enumerate(mentions):
        _add_table_years(document.text, mention)
        _add_prose_years(document, mention, mentions[i - 1] if i else None,
                         mentions[i + 1] if i + 1 < len(mentions) else None)
    _attach_articles(document.text, mentions)
    return mentions


_GENERIC_TITLE_WORDS = frozenset({"law", "no", "decree", "legislative", "act", "order", "ordinance", "regulation"})


# between a title and its parenthetical number: the rest of the title at most ("Act on Immigration (")
_GLOSS_GAP = re.compile(r"(?:\s+(?:on|of|for|and|the|[A-Z][\w’'-]*)){0,6}\s*\(\s*(?:[A-Z][\w’'-]*\s+){0,2}")


def _fold_numbered(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """ "Law No. 02-03" cited again, or "(Legislative Decree No. 286 of 1998)" glossing the title before it, is that law."""
    out: list[_Mention] = []
    for mention in mentions:
        generic = title_words(mention.title) <= _GENERIC_TITLE_WORDS | title_words(mention.number or "")
        host = None
        if mention.number and generic:
            host = next((o for o in out if o.number == mention.number and o is not mention), None)
        if host is None and out and _GLOSS_GAP.fullmatch(text, out[-1].end, mention.start):
            host = out[-1]
        if host is None:
            out.append(mention)
            continue
        host.number = host.number or mention.number
        host.year_adopted = host.year_adopted or mention.year_adopted
        for a in mention.articles:
            if a not in host.articles:
                host.articles.append(a)
    return out


def _merge(mentions: list[_Mention], text: str = "") -> list[_Mention]:
    mentions = _fold_numbered(text, sorted(mentions, key=lambda m: m.start)) if text else mentions
    merged: dict[frozenset[str], _Mention] = {}
    keys = {title_words(m.title) for m in mentions if not m.truncated}
    # "the Immigration Act" later in a text that named "the Immigration Act 1971" is that Act.
    keys = {k for k in keys if not any(k < other and all(w.isdigit() for w in other - k) for other in keys)}
    for mention in sorted(mentions, key=lambda m: m.truncated):  # stable: cut titles last
        key = title_words(mention.title)
        if not key:
            continue
        if key not in keys or mention.truncated:
            longer = [k for k in keys if key < k]
            if (mention.truncated and len(longer) != 1) or len(longer) > 1:
                continue  # a cut or ambiguous short title: it names no one law of the document
            if len(longer) == 1:
                key = longer[0]
        first = merged.get(key)
        if first is None:
            merged[key] = mention
            continue
        first.number = first.number or mention.number
        first.year_adopted = first.year_adopted or mention.year_adopted
        if mention.year_amended:
            first.year_amended = max(first.year_amended or 0, mention.year_amended)
        for a in mention.articles:
            if a not in first.articles:
                first.articles.append(a)
    return list(merged.values())


@register(NAME, version=VERSION, produces=[FactType.LAW])
def extract_laws(document: Document) -> Iterable[Fact]:
    """One law fact per distinct law the document names."""
    for law in _merge(_mentions(document), document.text):
        if law.year_amended is not None and law.year_adopted is not None and law.year_amended < law.year_adopted:
            law.year_amended = None
        fields = {"title": law.title, "number": law.number, "year_adopted": law.year_adopted,
                  "year_amended": law.year_amended, "articles": list(law.articles)}
        yield make_fact(document, FactType.LAW, law.start, law.end, fields,
                        extractor=f"{NAME}@{VERSION}", rule="mention", confidence=0.75)
