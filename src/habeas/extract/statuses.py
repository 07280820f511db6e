"""Yes/no and categorical statuses of statuses.tsv.

Data profiles print them as table rows ("Constitutional guarantees?<TAB>Yes",
"recognized as independent?<TAB>No<TAB>2016"); the row labels are the
``synonyms`` column of statuses.tsv, so a new profile layout needs a data
change, not a code change. The observation date is the first year after the
value on the row (for UPR rows, the year the recommendation was issued).

Prose is read conservatively, for one status only: a sentence that ties
irregular entry or border crossing to a criminal sanction says that irregular
entry is criminalised; its date is the report's year.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from habeas.domain import Document, Fact, FactType
from habeas.extract.registry import register
from habeas.extract.spans import make_fact
from habeas.text.patterns import finditer_ci, lower_pattern, lowered, lowered_exact, trie_pattern
from habeas.vocab import status_indicators

NAME = "statuses"
VERSION = 3

_YES_NO = re.compile(r"(?:(?<=[\t ])|^)(Yes|No|YES|NO)(?=[\t .,;]|$)")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_CATEGORY_VALUES = {
    "legal_tradition": {
        "civil law": "civil law", "common law": "common law", "mixed": "mixed", "customary": "customary",
        "religious": "religious", "islamic law": "religious", "sharia": "religious",
    },
    "facility_types": {
        "administrative": "administrative", "ad hoc": "ad hoc", "ad-hoc": "ad hoc", "criminal": "criminal",
        "unknown": "unknown",
    },
}
# Rows that may continue on the following lines (one UPR cycle or facility type per line).
_CONTINUED = {"upr_detention_recommendation", "facility_types"}
_MAX_VALUE_DISTANCE = 80
_MAX_DATE_DISTANCE = 40


def _label_pattern(label: str) -> str:
    words = [re.escape(w.rstrip("?")) for w in label.replace("-", " ").split()]
    return r"\b" + r"[\s-]+".join(words) + (r"\s*\??" if label.endswith("?") else r"\b")


@lru_cache(maxsize=1)
def _labels() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for slug, indicator in status_indicators().items():
        labels = sorted({*indicator.synonyms}, key=len, reverse=True)
        if labels:
            out.append((slug, re.compile("|".join(_label_pattern(lab) for lab in labels), re.IGNORECASE)))
    return out


@lru_cache(maxsize=1)
def _any_label() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p.pattern})" for _, p in _labels()), re.IGNORECASE)


@lru_cache(maxsize=1)
def _any_label_lower() -> re.Pattern[str]:
    return lower_pattern(_any_label())


@lru_cache(maxsize=1)
def _any_label_finder() -> re.Pattern[str] | None:
    """The first words of all row labels, lower-cased: every label match begins with one
    (see ``finditer_from``). None if a first word is not plain word characters."""
    firsts = {label.replace("-", " ").split()[0].rstrip("?").lower()
              for indicator in status_indicators().values() for label in indicator.synonyms if label.strip()}
    if not all(re.fullmatch(r"\w+", w) for w in firsts):
        return None
    return re.compile(trie_pattern(sorted(firsts)))


@lru_cache(maxsize=16)
@lru_cache(maxsize=64)
def _lower(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """Lower-case twin of a case-insensitive prose pattern, for ``finditer_ci``."""
    return lower_pattern(pattern)


@lru_cache(maxsize=1)
def _category_patterns() -> dict[str, re.Pattern[str]]:
    return {
        slug: re.compile(r"(?<![\w-])(" + "|".join(re.escape(v) for v in sorted(values, key=len, reverse=True))
                         + r")(?![\w-])", re.IGNORECASE)
        for slug, values in _CATEGORY_VALUES.items()
    }


def _value_in(slug: str, line: str, start: int) -> tuple[str, int, int] | None:
    """The status value written after ``start`` on the row: (value, start, end)."""
    window_end = min(len(line), start + _MAX_VALUE_DISTANCE)
    if slug in _CATEGORY_VALUES:
        m = _category_patterns()[slug].search(line, start, window_end)
        if not m:
            return None
        return _CATEGORY_VALUES[slug][m.group(1).casefold()], m.start(), m.end()
    m = _YES_NO.search(line, start, window_end)
    if not m:
        return None
    return m.group(1).casefold(), m.start(), m.end()


# the value may carry a short qualifier in brackets: "Detains children: Yes (aged 15 and over)"
_BARE_VALUE_END = re.compile(r"[ \t]*(?:\([^()\n]{1,60}\)[ \t]*)?(?:$|\t|(?:19|20)\d\d\b)")


def _date_after(line: str, start: int) -> re.Match[str] | None:
    m = _YEAR.search(line, start)
    if m and m.start() - start <= _MAX_DATE_DISTANCE and "\n" not in line[start:m.start()]:
        return m
    return None


def _row_fact(document: Document, slug: str, line: str, line_start: int, label_start: int,
              value_from: int, rule: str, bare_label: bool = False) -> Fact | None:
    found = _value_in(slug, line, value_from)
    if found is None:
        return None
    value, v_start, v_end = found
    gap = line[value_from:v_start]
    if "\t" not in gap and gap.strip(" ?:-–.|·•,;/[]"):
        return None  # a value must sit in its own cell, not somewhere later in a sentence
    if bare_label and slug not in _CATEGORY_VALUES and (
            gap.strip(" \t:") or not _BARE_VALUE_END.match(line, v_end)):
        # a label without its question mark ("Migration-related detention", a row cut by a
        # garbled layout) is also a phrase of prose: its Yes/No must be a cell of its own
        return None
    date = _date_after(line, v_end)
    end = date.end() if date else v_end
    fields = {"indicator": slug, "value": value, "date": date.group(1) if date else None}
    return make_fact(document, FactType.STATUS, line_start + label_start, line_start + end, fields,
                     extractor=f"{NAME}@{VERSION}", rule=rule, confidence=0.85)


_UPR_BLOCK = re.compile(r"\bUPR\b|Universal\s+Periodic", re.IGNORECASE)
_UPR_BLOCK_LOWER = lower_pattern(_UPR_BLOCK)
_UPR_BLOCK_FINDER = re.compile(r"upr|universal")  # the words every _UPR_BLOCK match begins with
_UPR_ROW = re.compile(r"(?:^|\t)[ ]*(Yes|No|YES|NO)\b[^\t\n]{0,12}\t+[ ]*(19[5-9]\d|20\d\d)\b")


def _upr_block(document: Document, lines: list[str], starts: list[int], first: int) -> Iterator[Fact]:
    """UPR tables put one cycle per row, under a header that may carry no value itself."""
    for j in range(first, min(first + 5, len(lines))):
        m = _UPR_ROW.search(lines[j])
        if not m:
            if j > first and (not lines[j].strip() or not lines[j].startswith("\t") and j > first + 1):
                return
            continue
        yield make_fact(document, FactType.STATUS, starts[j] + m.start(1), starts[j] + m.end(2),
                        {"indicator": "upr_detention_recommendation", "value": m.group(1).casefold(),
                         "date": m.group(2)},
                        extractor=f"{NAME}@{VERSION}", rule="table.upr", confidence=0.85)


def _table_facts(document: Document) -> Iterator[Fact]:
    lines = document.text.split("\n")
    starts = []
    offset = 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    labels = _labels()
    upr_until = -1
    # a label may run over a line break ("...REVIEW\nRecommendations"): both its lines are candidates
    scans = ((_any_label(), _any_label_lower(), _any_label_finder()), (_UPR_BLOCK, _UPR_BLOCK_LOWER, _UPR_BLOCK_FINDER))
    candidates = sorted({bisect.bisect_right(starts, pos) - 1
                         for pattern, twin, finder in scans
                         for m in finditer_ci(pattern, twin, document.text, finder)
                         for pos in (m.start(), max(m.start(), m.end() - 1))})
    for i in candidates:
        line = lines[i]
        if i > upr_until and _UPR_BLOCK.search(line) and len(line) < 200:
            upr_rows = list(_upr_block(document, lines, starts, i))
            yield from upr_rows
            if upr_rows:
                upr_until = bisect.bisect_right(starts, upr_rows[-1].span.start_char) - 1
                continue
        if i <= upr_until and _UPR_ROW.search(line):
            continue
        used: list[tuple[int, int]] = []  # a garbled profile prints two rows side by side on one line
        for slug, pattern in labels:
            m = pattern.search(line)
            if not m or any(a < m.end() and m.start() < b for a, b in used):
                continue
            fact = _row_fact(document, slug, line, starts[i], m.start(), m.end(), "table.row",
                             bare_label=not m.group(0).rstrip().endswith("?"))
            if fact is None:
                continue
            yield fact
            used.append((m.start(), fact.span.end_char - starts[i]))
            if slug in _CONTINUED:
                yield from _same_line(document, slug, line, starts[i], fact)
                yield from _continuation(document, slug, lines, starts, i + 1)
                break


def _same_line(document: Document, slug: str, line: str, line_start: int, first: Fact) -> Iterator[Fact]:
    """Further cycles written on the row itself, one after another ("Yes [2018] · Yes [2023]")."""
    end = first.span.end_char - line_start
    for _ in range(5):
        fact = _row_fact(document, slug, line, line_start, end, end, "table.same_row")
        if fact is None or fact.span.end_char - line_start <= end:
            return
        yield fact
        end = fact.span.end_char - line_start


def _continuation(document: Document, slug: str, lines: list[str], starts: list[int], first: int) -> Iterator[Fact]:
    """Further cycles or types of a row, one per following line, until a line that has none."""
    labels = _labels()
    for j in range(first, min(first + 6, len(lines))):
        line = lines[j]
        if any(p.search(line) for _, p in labels):
            return
        cells = [c for c in line.split("\t")]
        if len(cells) < 2:
            return
        value_from = len(cells[0])  # skip the wrapped label text in the first cell
        fact = _row_fact(document, slug, line, starts[j], value_from, value_from, "table.continued")
        if fact is None or (slug == "upr_detention_recommendation" and fact.fields["date"] is None):
            return
        yield fact


# --- prose ----------------------------------------------------------------------------

_IRREGULAR_ENTRY = re.compile(
    r"\b(?:(?:irregular(?:ly)?|illegal(?:ly)?|unlawful(?:ly)?|unauthori[sz]ed|clandestine(?:ly)?)\s+"
    r"(?:border[\s-]+)?(?:crossing|cross(?:es|ed)?|entry|entering|enter(?:ed|s)?|stay(?:ing)?|presence|exit|departure"
    r"|emigration|immigration)"
    # "entering or staying in <country> without authorisation", "leaving <country> irregularly"
    r"|(?:enter(?:ing|s)?|entry|stay(?:ing|s)?|leav(?:ing|es)|exit(?:ing|s)?|resid(?:ing|es)|remain(?:ing|s)?)"
    r"\s+(?:or\s+\w+\s+)?(?:(?:in|into|from|the)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:irregularly|illegally|unlawfully|clandestinely|without\s+(?:prior\s+)?(?:authori[sz]ation|permission"
    r"|(?:a\s+)?(?:valid\s+)?(?:visas?|permits?|documents?|papers|travel\s+documents?|documentation)))"
    # "foreigners without valid documents may be charged ..."
    r"|(?:foreigners|migrants|non-?citizens|aliens|foreign\s+nationals|non-?nationals)\s+without\s+(?:valid\s+)?"
    r"(?:documents|papers|visas?|permits?|documentation|authori[sz]ation|residence\s+permits?)"
    r"|cross(?:es|ed|ing)?\s+(?:the\s+|a\s+|state\s+)*(?:border|frontier)s?\s+(?:illegally|irregularly|unlawfully)"
    r"|(?:entr(?:y|ies)\s+(?:in)?to|enter(?:ing|s|ed)?)\s+(?:the\s+)?(?:country|territory)\s+(?:illegally|irregularly|unlawfully|without\s+(?:a\s+)?(?:valid\s+)?(?:visa|documents?|authori[sz]ation)))",
    re.IGNORECASE,
)
_CRIMINAL_SANCTION = re.compile(
    r"\b(?:punish(?:ed|able)\s+(?:by|with)\s+(?:a\s+)?(?:fines?\s+or\s+)?(?:fine|imprisonment|prison|jail|deprivation\s+of\s+liberty|up\s+to)"
    r"|prosecuted\s+(?:in|before)\s+(?:a\s+)?criminal\s+courts?"
    r"|(?:is|are|was|were|remains?|constitutes?)\s+(?:a\s+)?(?:criminal\s+offen[cs]es?|crimes?)\b"
    r"|criminal(?:ly)?\s+(?:offen[cs]es?|liab\w+|penalt\w+|prosecut\w+|charges?|sanctions?|proceedings)"
    r"|criminali[sz](?:es|ed|ing|e)\b"
    r"|punish(?:es|ed|able)?\b[^.;\n]{0,80}?\b(?:imprisonment|prison|jail)\b"
    r"|(?:prison|jail)\s+(?:term|sentence)s?\b|charged\s+(?:under|with)\b|sentenced\s+to\b)",
    re.IGNORECASE,
)
_CHILDREN_DETAINED = re.compile(
    r"\b(?:children|minors|families\s+with\s+children)\b[^.;\n]{0,40}?\b(?:are|were|continue\s+to\s+be|remain|have\s+been"
    r"|being|was|is)\s+(?:still\s+|also\s+|routinely\s+|regularly\s+|systematically\s+|often\s+)?"
    r"(?:detained\b|(?:held|kept)\b"
    r"(?=[^.;\n]{0,80}\b(?:detention|removal|centres?|centers?|facilit(?:y|ies)|depots?|stations?|camps?)))",
    re.IGNORECASE,
)
_CHILDREN_NOT_DETAINED = re.compile(
    r"\b(?:children|minors)\b[^.;\n]{0,30}?\b(?:are|were|have|has)\s+(?:not|no\s+longer|never)\s+(?:been\s+)?(?:held|detained)\b"
    r"|\bno\s+(?:children|minors)\s+(?:are|were|have\s+been)\s+(?:held|detained)\b",
    re.IGNORECASE,
)
_NO_STOP = r"(?:[^.;\n]|\.(?=\s*\d))"  # a sentence's characters; "Cap. 105" or "No. 4" do not end it
_DETENTION_LAW = re.compile(
    r"\b(?:Act|Law|Code|law|Decree|Ordinance|Regulations)\b(?:\s+\d{4})?" + _NO_STOP + r"{0,60}?\b(?:requires?|permits?"
    r"|allows?|authori[sz]es?|empowers?|provides\s+for|regulates?|governs?)\b" + _NO_STOP + r"{0,60}?\b(?:detain|detention)\b"
    r"|\blegislation\s+governing\s+(?:immigration|migration|administrative)\s+detention\b"
    # "Detention is governed by the Immigration Act", "the legal basis for this detention is article 14 of ..."
    r"|\b(?:immigration\s+|administrative\s+|migration[\s-]related\s+|pre-?removal\s+)?detention\s+(?:of\s+[\w-]+\s+)?"
    r"(?:is|are)\s+(?:governed|regulated|provided\s+for|authori[sz]ed|set\s+out)\s+(?:by|in|under)\b"
    r"|\blegal\s+basis\s+(?:for|of)\s+(?:\w+\s+){0,2}detention\s+(?:is|lies)\b"
    # "..., and detention by the Act on Foreigners of 2013"
    r"|\bdetention\s+(?:is\s+governed\s+)?by\s+the\s+(?:(?!under\b|of\b|in\b|without\b|for\b)[\w-]+\s+){0,5}?"
    r"(?:act|law|code|decree|ordinance)\b",
    re.IGNORECASE,
)
_NOT_CRIMINAL = re.compile(
    r"\b(?:decriminali[sz]\w*|(?:is|are|was|were)\s+(?:not|no\s+longer)\s+(?:a\s+)?(?:criminal\s+offen[cs]es?|crimes?|criminali[sz]ed"
    r"|punishable)"
    # "an administrative infraction, punishable by expulsion ... but not by imprisonment"
    r"|(?:an?\s+)?administrative\s+(?:offen[cs]es?|infractions?|violations?|misdemeanou?rs?|contraventions?)"
    r"|not\s+(?:(?:by|with)\s+)?(?:imprisonment|prison|criminal\s+(?:penalt|sanction|prosecution)\w*)"
    r"|no\s+(?:longer\s+)?criminal\s+(?:offen[cs]e|penalt\w+|sanctions?|liability))", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<![\s.][A-Z])\.\s|[;\n]")
_MAX_CUE_DISTANCE = 200

# The prose patterns below scan whole documents. Each opens on a lookahead for the letters its
# matches can begin with: the engine rejects other positions with that one class test instead
# of trying the pattern there (two to three times faster, same matches).
_LEGAL_TRADITION = re.compile(
    r"(?=[bfhilmp])(?:\b(?P<value3>mixed|hybrid|plural(?:istic)?)\s+legal\s+(?:system|tradition)\b"
    r"|\blegal\s+(?:system|tradition)\b[^.;\n]{0,60}?\b(?P<value>civil[\s-]law|common[\s-]law|mixed|customary|islamic\s+law|sharia)\b"
    r"|\b(?:belongs?\s+to|follows?|is\s+based\s+on|has)\s+(?:a|the)\s+(?P<value2>civil|common|mixed)[\s-]law\s+(?:tradition|system)\b)",
    re.IGNORECASE)
_PEOPLE = (r"(?:non-?citizens|migrants|immigrants|foreigners|foreign\s+nationals|asylum[\s-]seekers|refugees|aliens"
           r"|stateless\s+(?:persons|people)|undocumented\s+\w+|irregular\s+migrants|non-?nationals)")
# The state holding people for migration reasons, said in one of three common ways.
_DETAINS_MIGRANTS = re.compile(
    r"(?=[acdfhimnorstu])(?:"  # the letters its branches begin with (see _LEGAL_TRADITION)
    r"\b(?:detains|holds|confines)\s+(?:(?:undocumented|irregular|foreign|some|many|all|thousands\s+of|hundreds\s+of|[\d,]+)\s+){0,2}"
    + _PEOPLE + r"\b"
    # a present-tense general statement ("are held in police stations") ...
    r"|\b" + _PEOPLE + r"\b[^.;\n]{0,50}?\b(?:are|is|remain|continue\s+to\s+be)\s+"
    r"(?:routinely\s+|still\s+|also\s+|often\s+|systematically\s+|regularly\s+|arbitrarily\s+|being\s+)?(?:held|detained|kept|confined|locked\s+up)\b"
    r"(?!\s+(?:hostage|captive|responsible|liable))"
    # ... or a past one that places them in detention ("were held in its detention centre"); a past episode
    # alone ("were confined there for months") is an event, not the state's practice
    r"|\b" + _PEOPLE + r"\b[^.;\n]{0,50}?\b(?:were|was|have\s+been|had\s+been)\s+(?:held|detained|kept|confined)\s+"
    r"(?:in|at)\s+(?:the\s+|its\s+|an?\s+|\w+\s+){0,2}(?:immigration\s+|administrative\s+|migrant\s+)?detention\b"
    r"|\boperates?\s+(?:[\w-]+\s+){0,3}?(?:immigration|migration|migrant|immigrant)\s+detention\s+(?:centres?|centers?|facilit(?:y|ies)|houses?|camps?|system|network)\b"
    # "the Border Guard runs six guarded centres", "the ministry manages two closed removal facilities"
    r"|\b(?:runs?|operates?|manages?|maintains?|administers?)\s+(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|several|many|a\s+network\s+of|a|an)\s+)(?:[\w-]+\s+){0,2}?(?:guarded|closed|detention|pre-?removal|removal"
    r"|deportation|holding)\s+(?:centres?|centers?|facilit(?:y|ies)|camps?|houses?)\b"
    # "the country's only dedicated pre-removal facility"
    r"|\b(?:country[’']s|its|the\s+country[’']s)\s+(?:only|main|largest|sole|principal|biggest)\s+(?:dedicated\s+|closed\s+)?"
    r"(?:pre-?removal|immigration\s+detention|migrant\s+detention|detention|removal|deportation)\s+(?:facility|centre|center)\b"
    # "(immigration) detention remains routine"
    r"|\b(?:immigration\s+|administrative\s+|migrant\s+)?detention\s+(?:\w+\s+)?(?:remains|is|has\s+become)\s+"
    r"(?:\w+\s+)?(?:routine|systematic|widespread|commonplace|the\s+norm|automatic|mandatory)\b)",
    re.IGNORECASE)
_AWAITING = r"(?:awaiting|pending|facing|subject\s+to|due\s+for)\s+(?:their\s+|an?\s+|the\s+)?(?:(?:forced|administrative)\s+)?(?:removal|expulsion|deportation|return|removal\s+orders?|expulsion\s+orders?|deportation\s+orders?)"
_HELD = r"(?:held|detained|kept|confined|deprived\s+of\s+(?:their\s+|his\s+|her\s+)?liberty|placed\s+in\s+detention)"
_BE = r"(?:are|is|were|was|have\s+been|has\s+been|had\s+been|may\s+be|can\s+be|could\s+be|remain|were\s+being|are\s+being)"
_MIGRANT_PLACE = (r"(?:deportation|removal|pre-?removal|expulsion|immigration\s+detention|migrant\s+detention|holding)\s+"
                  r"(?:centres?|centers?|facilit(?:y|ies)|camps?|units?)")
# More ways of saying it, each tied to migration by its own words. Each is searched only around
# literal cue words its matches contain (see _cued): (pattern, cues, reach back, reach forward).
_IGNORE = re.IGNORECASE
_DETAINS_MIGRANTS_MORE = (
    # "People awaiting expulsion are also held at the detention centre", "Foreigners awaiting removal may be held at ..."
    (re.compile(r"(?=[afinpt])\b(?:people|persons|foreigners|migrants|non-?citizens|individuals|those|foreign\s+nationals"
                r"|third-country\s+nationals|aliens|non-?nationals)\s+" + _AWAITING + r"\b[^.;\n]{0,40}?\b" + _BE
                + r"\s+(?:\w+\s+)?" + _HELD + r"(?!\s+(?:hostage|captive|responsible|liable))", _IGNORE),
     ("awaiting", "pending", "facing", "subject to", "due for"), 40, 160),
    # "38,900 people were being held pending deportation"; "permits detention pending removal"
    (re.compile(r"(?=[achimprw])(?:\b" + _BE + r"\s+(?:\w+\s+)?(?:held|detained|kept|confined)\s+pending\s+(?:their\s+)?"
                r"(?:deportation|removal|expulsion|return)\b"
                r"|\b(?:permits?|allows?|authori[sz]es?|provides?\s+for|orders?)\s+(?:(?:administrative|immigration)\s+)?"
                r"detention\s+pending\s+(?:their\s+)?(?:deportation|removal|expulsion|return)\b)", _IGNORE),
     ("pending",), 70, 40),
    # "they are held at the Talha Deportation Centre"
    (re.compile(r"(?=[achimrw])\b" + _BE + r"\s+(?:\w+\s+)?(?:held|detained|kept|confined)\s+(?:in|at)\s+"
                r"(?:the\s+|an?\s+|one\s+of\s+(?:the\s+)?)?(?:[\w'’-]+\s+){0,4}?" + _MIGRANT_PLACE + r"\b", _IGNORE),
     ("deportation", "removal", "expulsion", "holding", "immigration detention", "migrant detention"), 110, 40),
    # "courts order the placement of the person in a temporary detention centre for foreign nationals"
    (re.compile(r"(?=[cdhkp])\b(?:placement|placed|held|detained|kept|confined)\s+(?:[\w-]+\s+){0,4}?in\s+(?:an?\s+|the\s+)?"
                r"(?:[\w-]+\s+){0,3}?(?:detention|holding|deportation|removal)\s+(?:centres?|centers?|facilit(?:y|ies)|camps?|homes?)"
                r"\s+for\s+(?:foreign\w*(?:\s+nationals)?|migrants|immigrants|aliens|illegal|irregular|non-?citizens|stateless"
                r"|asylum|third-country)", _IGNORE),
     ("s for ", "e for ", "y for ", "p for "), 150, 40),
    # "facilities where third-country nationals ... may be deprived of their liberty"
    (re.compile(r"(?=[cfp])\b(?:facilities|centres|centers|places|premises)\s+where\s+(?:" + _PEOPLE
                + r"|third-country\s+nationals|applicants|persons|people)\b[^.;\n]{0,80}?\b" + _BE + r"\s+(?:\w+\s+)?" + _HELD,
                _IGNORE),
     ("where",), 20, 220),
    # "Rohingya refugees are frequently arrested ... and held in holding centres"
    (re.compile(r"(?=[afimnrsu])\b" + _PEOPLE + r"\b[^.;\n]{0,50}?\b(?:are|is|were)\s+(?:\w+\s+)?(?:arrested|apprehended"
                r"|intercepted|caught)\b[^.;\n]{0,100}?\band\s+(?:then\s+|subsequently\s+|later\s+)?"
                r"(?:held|detained|placed\s+in\s+detention)\b", _IGNORE),
     ("arrested", "apprehended", "intercepted", "caught"), 90, 130),
    # "Authorities held persons who entered the country irregularly"
    (re.compile(r"(?=[dh])\b(?:held|detained|holds|detains)\s+(?:\w+\s+){0,2}?(?:persons|people|individuals|those|foreigners)"
                r"\s+who\s+(?:had\s+)?(?:entered|crossed|stayed|overstayed|arrived)\b[^.;\n]{0,40}?\b"
                r"(?:irregularly|illegally|unlawfully|without)", _IGNORE),
     (" who ",), 50, 90),
)
# A weaker sign, used when nothing else says it: a row or phrase counting people "placed in detention".
_PLACED_IN_DETENTION = re.compile(
    r"\b(?:people|persons|foreigners|migrants|non-?citizens|foreign\s+nationals|third-country\s+nationals|asylum[\s-]seekers"
    r"|applicants|aliens)\s+(?:\w+\s+)?placed\s+in\s+(?:immigration\s+|administrative\s+|pre-?removal\s+)?detention\b",
    re.IGNORECASE)
_NEGATED_CLAUSE = re.compile(r"\b(?:not|never|no\s+longer|prohibit\w*|ban(?:s|ned)?|end(?:s|ed)?|abolish\w*)\b", re.IGNORECASE)
# A recommendation or a question about detention is not a statement that it happens.
_HEDGED = re.compile(r"\b(?:ensure|ensuring|guarantee|clarify|indicate|explain|specify|describe|whether|where|how|why|if|when"
                     r"|unless|should|must|recommend\w*|urges?|calls?\s+(?:on|upon)|please|only)\b", re.IGNORECASE)
_UPR = re.compile(r"(?=U)\b(?:Universal\s+Periodic\s+Review|UPR)\b")
_UPR_ANY_CASE = re.compile(r"\b(?:Universal\s+Periodic\s+Review|UPR)\b", re.IGNORECASE)
# In a document about the UPR, "its fourth review" or "during that review" names a cycle.
_REVIEW_CYCLE = re.compile(r"(?=[flmpst])\b(?:first|second|third|fourth|fifth|sixth|previous|last|latest|most\s+recent|that|this)\s+"
                           r"(?:UPR\s+)?(?:review|cycle)\b", re.IGNORECASE)
_UPR_DETENTION = re.compile(r"\brecommendations?\b[^.;\n]{0,80}?\b(?:detention|detain\w*|deprivation\s+of\s+liberty)\b", re.IGNORECASE)
_NHRI_STATUS = re.compile(
    r"(?=[adghorw])(?:\b(?:accredited\s+(?:in\s+(?P<year>(?:19|20)\d\d)\s+)?(?:with|as)|has|holds|with|granted|awarded|received|obtained|retains?"
    r"|regained|downgraded\s+to)\s+(?:an?\s+)?"
    r"[\"“‘']?(?P<grade>[AB])[\"”’']?[\s-]+status\b"
    r"|\b(?P<none>has\s+no\s+(?:independent\s+)?national\s+human\s+rights\s+institution)\b)")
_CONSTITUTION_GUARANTEE = re.compile(
    r"(?=[Cc])\b[Cc]onstitution\b[^.;\n]{0,40}?\b(?:guarantees?|protects?|grants?|enshrines?|recogni[sz]es?|extends?)\b[^.;\n]{0,120}?"
    r"\b(?:everyone|every\s+person|all\s+persons|any\s+person|all\s+people|foreigners|non-?citizens|non-?nationals|aliens"
    r"|foreign\s+nationals|regardless\s+of\s+(?:nationality|citizenship))\b")
_CLAUSE_YEAR = re.compile(r"(?<![\d/-])((?:19|20)\d\d)(?![\d/-])")
# "Name<gap>Place<gap>administrative": the type cell that closes a row of a facilities table.
_CELL_GAP = r"(?:\t| {2,}| ?\.{3,} ?)"  # a tab, a run of spaces, or dot leaders
# ... or "<TAB>Name<TAB>Type<TAB>Year": no place cell, but then the observation date closes the row
_FACILITY_TYPE_ROW = re.compile(r"^(?:[^\t\n]*\S" + _CELL_GAP + r"[^\t\n]*\S" + _CELL_GAP
                                + r"[ \t]*(administrative|ad[\s-]hoc|criminal)(?:[ \t]*\t[ \t]*((?:19|20)\d\d))?"
                                r"|[ \t]*[^\t\n]*[^\W\d][^\t\n]*\t+[ \t]*(administrative|ad[\s-]hoc|criminal)[ \t]*\t[ \t]*((?:19|20)\d\d))"
                                r"[ \t]*$",
                                re.MULTILINE | re.IGNORECASE)


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = max(0, pos - 400)
    for m in _SENTENCE_END.finditer(text, start, pos):
        start = m.end()
    end_match = _SENTENCE_END.search(text, pos, min(len(text), pos + 400))
    return start, (end_match.start() + 1 if end_match else min(len(text), pos + 400))


_FULL_STOP = re.compile(r"(?<![\s.][A-Z])\.\s|\n")


def _full_sentence_end(text: str, pos: int) -> int:
    m = _FULL_STOP.search(text, pos, min(len(text), pos + 400))
    return m.start() + 1 if m else min(len(text), pos + 400)


_DATELINE = re.compile(r"^[#*\t ]*(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2},?)\s+((?:19|20)\d\d)\s*[–—-]", re.MULTILINE)
_SENTENCE_YEAR = re.compile(r"(?<![\d/-])((?:19|20)\d\d)(?![\d/-])")
# A year that dates a law, not the observation: "the Foreigners Act, 1946,", "adopted on 2 July 2013", "last amended in 2022".
_LAW_YEAR = re.compile(r"(?:(?:Act|Law|Code|Decree|Ordinance|No\.\s*\d+\s+of)\s*,?\s*"
                       r"|(?:amended|adopted|enacted|promulgated|passed)\s+(?:(?:in|on)\s+)?(?:\d{1,2}\s+[A-Z][a-z]+\s+)?)$")


_LAST_DATELINES: list[tuple[str, list[tuple[int, str]]]] = []


def _datelines(document: Document) -> list[tuple[int, str]]:
    """(offset, year) of each dated update heading. Several prose rules ask for them: the
    text is scanned once per document (only the last document is kept)."""
    text = document.text
    if _LAST_DATELINES and _LAST_DATELINES[0][0] is text:
        return _LAST_DATELINES[0][1]
    found = [(m.start(), m.group(1)) for m in _DATELINE.finditer(text)]
    _LAST_DATELINES[:] = [(text, found)]
    return found


def _report_date(document: Document, pos: int, datelines: list[tuple[int, str]]) -> str | None:
    """The year of the dated update a sentence sits under, else the report's year."""
    i = bisect.bisect_right(datelines, (pos, "9999")) - 1
    if i >= 0:
        return datelines[i][1]
    return str(document.year) if document.year else None


def _sentence_date(document: Document, start: int, end: int, datelines: list[tuple[int, str]]) -> str | None:
    """The latest year the sentence itself gives (not a law's year), else the report date."""
    years = [m.group(1) for m in _SENTENCE_YEAR.finditer(document.text, start, end)
             if not _LAW_YEAR.search(document.text, max(0, m.start() - 30), m.start())]
    limit = str((document.year or 2100) + 1)
    years = [y for y in years if y <= limit]
    return max(years) if years else _report_date(document, start, datelines)


def _prose_facts(document: Document) -> Iterator[Fact]:
    text = document.text
    datelines = _datelines(document)
    for entry in _cued(_IRREGULAR_ENTRY, text, _IRREGULAR_CUES):
        date = _report_date(document, entry.start(), datelines)
        s_start, s_end = _sentence_bounds(text, entry.start())
        window = (max(s_start, entry.start() - _MAX_CUE_DISTANCE), min(s_end, entry.end() + _MAX_CUE_DISTANCE))
        # "... punishable by a fine; it is not a criminal offence": the denial may follow a semicolon
        negated = _NOT_CRIMINAL.search(text, window[0], min(_full_sentence_end(text, entry.end()),
                                                            entry.end() + _MAX_CUE_DISTANCE))
        sanction = negated or _CRIMINAL_SANCTION.search(text, *window)
        if not sanction:
            continue
        start = s_start if entry.start() - s_start <= 150 else min(entry.start(), sanction.start())
        end = max(entry.end(), sanction.end())
        yield make_fact(document, FactType.STATUS, start, end,
                        {"indicator": "criminalises_irregular_entry", "value": "no" if negated else "yes",
                         "date": date},
                        extractor=f"{NAME}@{VERSION}", rule="prose.criminal_entry", confidence=0.7)


# Words that tie a sentence to migration: a law "which allows detention" of protesters is no migration-detention law.
_MIGRATION_CUE = re.compile(
    r"immigra|migra|foreign|alien|asylum|refugee|deport|remov|expul|expel|return|border|entry|residen|stateless"
    r"|nationality|citizenship|visa|irregular|undocumented|trafficking|smuggl|international\s+protection|temporary\s+protection"
    r"|detention\s+of\s+applicants", re.IGNORECASE)


def _simple_prose(document: Document, pattern: re.Pattern[str], indicator: str, value: str, rule: str,
                  require: re.Pattern[str] | None = None, cues: tuple[str, ...] = ()) -> Iterator[Fact]:
    datelines: list[tuple[int, str]] | None = None
    matches = _cued(pattern, document.text, cues) if cues else finditer_ci(pattern, _lower(pattern), document.text)
    for m in matches:
        s_start, s_end = _sentence_bounds(document.text, m.start())
        if require is not None and not require.search(document.text, s_start, s_end):
            continue
        if datelines is None:
            datelines = _datelines(document)
        date = _sentence_date(document, s_start, s_end, datelines)
        start = s_start if m.start() - s_start <= 120 else m.start()
        yield make_fact(document, FactType.STATUS, start, m.end(),
                        {"indicator": indicator, "value": value, "date": date},
                        extractor=f"{NAME}@{VERSION}", rule=rule, confidence=0.6)


def _cued(pattern: re.Pattern[str], text: str, cues: tuple[str, ...], back: int = 220,
          forward: int = 220) -> list[re.Match[str]]:
    """What ``finditer_ci(pattern, ...)`` finds, searched only around literal cue words every match contains.

    A literal is found by the regex engine at memory speed, whereas a pattern opening on an
    alternation is tried at every position; so the cue words are located first (in the
    lower-cased text) and the pattern is run only in a window around each, keeping the first
    match that covers the cue. Without a same-length lower-cased copy, the plain scan runs.
    """
    low = lowered(text)
    twin = _lower(pattern)
    if low is None:
        return finditer_ci(pattern, twin, text)
    hits = sorted(m.start() for cue in cues for m in _literal(cue).finditer(low))
    found: list[re.Match[str]] = []
    last_end = 0
    for hit in hits:
        if hit < last_end:
            continue
        for w in twin.finditer(low, max(0, hit - back, last_end), min(len(low), hit + forward)):
            if w.start() > hit:
                break
            if hit < w.end():
                m = pattern.match(text, w.start())
                if m is None or m.end() != w.end():
                    return finditer_ci(pattern, twin, text)
                found.append(m)
                last_end = m.end()
                break
    return found


@lru_cache(maxsize=64)
def _literal(word: str) -> re.Pattern[str]:
    return re.compile(re.escape(word))


def _status_fact(document: Document, start: int, end: int, indicator: str, value: str, date: str | None,
                 rule: str) -> Fact:
    return make_fact(document, FactType.STATUS, start, end, {"indicator": indicator, "value": value, "date": date},
                     extractor=f"{NAME}@{VERSION}", rule=rule, confidence=0.6)


def _detains_migrants(document: Document) -> Iterator[Fact]:
    """Holding people for migration reasons; dated by the first year after the cue in its sentence."""
    text = document.text
    datelines: list[tuple[int, str]] | None = None
    found = [(m, False) for m in finditer_ci(_DETAINS_MIGRANTS, _lower(_DETAINS_MIGRANTS), text)]
    more = [m for pattern, cues, back, forward in _DETAINS_MIGRANTS_MORE
            for m in _cued(pattern, text, cues, back=back, forward=forward)]
    if more:
        found = sorted([*found, *((m, True) for m in more)], key=lambda f: f[0].start())
    found += [(m, True) for m in _cued(_PLACED_IN_DETENTION, text, ("placed",))]
    for m, own_words in found:
        s_start, s_end = _sentence_bounds(text, m.start())
        # "the country's only centre" is no hedge, nor "facilities where ..." inside the match itself
        hedged = any(h.start() < m.start() or (h.group(0).casefold() != "only" and not own_words)
                     for h in _HEDGED.finditer(text, s_start, m.end()))
        if _NEGATED_CLAUSE.search(text, max(s_start, m.start() - 40), m.end()) or hedged or re.match(r"\s+only\b", text[m.end():m.end() + 6]):
            continue
        if datelines is None:
            datelines = _datelines(document)
        limit = str((document.year or 2100) + 1)
        after = [y.group(1) for y in _CLAUSE_YEAR.finditer(text, m.end(), s_end) if y.group(1) <= limit]
        if own_words:
            # "In its bulletin of 31 December 2023, it reported that ... were being held": the year said
            # before; one said after only within the clause ("..., a former school refurbished in 2006" is not)
            before = [y.group(1) for y in _CLAUSE_YEAR.finditer(text, s_start, m.start()) if y.group(1) <= limit
                      and not _LAW_YEAR.search(text, max(0, y.start() - 20), y.start())]
            comma = text.find(",", m.end(), s_end)
            after = before[-1:] or [y for y, pos in ((y.group(1), y.start()) for y in _CLAUSE_YEAR.finditer(text, m.end(), s_end))
                                    if y <= limit and (comma < 0 or pos < comma)]
        date = after[0] if after else _report_date(document, m.start(), datelines)
        start = s_start if m.start() - s_start <= 60 else m.start()
        yield _status_fact(document, start, m.end(), "detains_migrants", "yes", date, "prose.detains_migrants")


_RECEIVES_COMPLAINTS = re.compile(
    r"\b(?:receives?|handles?|examines?|investigates?|considers?"
    r"|(?:can(?:not)?|may|is\s+(?:empowered|competent|mandated|authori[sz]ed)\s+to)\s+(?:receive|handle|examine|investigate|consider))"
    r"\s+(?:and\s+\w+\s+)?(?:individual\s+|personal\s+)?(?:complaints|petitions)\b",
    re.IGNORECASE)
_NHRI_BODY = re.compile(r"\b(?:Ombuds\w*|NHRI|National\s+Human\s+Rights|Human\s+Rights\s+(?:Commission|Council|Commissioner|Defender)"
                        r"|Commissioner\s+for\s+(?:Human|Civil)\s+Rights|Public\s+Defender|People[’']s\s+(?:Advocate|Defender)"
                        r"|national\s+human\s+rights\s+institution"
                        # "the National Institute of Human Rights", "the Diwan for Human Rights"
                        r"|(?:Institute|Institution|Commission|Council|Office|Diwan|Committee|Board|Protector)\s+(?:of|for)\s+"
                        r"(?:the\s+Protection\s+of\s+)?Human\s+Rights)", re.IGNORECASE)
# "The Human Rights Commission, a government body that is not accredited by GANHRI": not independent.
_NOT_ACCREDITED = re.compile(
    r"\b(?:(?:is|was|has|have)\s+(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:accredited|recogni[sz]ed\s+as\s+independent)"
    r"|(?:lacks?|without|no)\s+(?:any\s+)?(?:GANHRI\s+)?accreditation|(?:remains?|is)\s+unaccredited"
    # "it does not yet have GANHRI accreditation", "has not obtained accreditation"
    r"|(?:does|did|has)\s+not\s+(?:yet\s+)?(?:have|hold|enjoy|obtained|received|sought)\s+(?:any\s+)?(?:GANHRI\s+)?accreditation)\b",
    re.IGNORECASE)
_GANHRI = re.compile(r"GANHRI|Global\s+Alliance\s+of\s+National|Paris\s+Principles|\bICC\b", re.IGNORECASE)


_STOP_BEFORE_CAPITAL = re.compile(r"(?<!\bNo)(?<!\bArt)(?<!\bnos)(?<![\s.][A-Z])\.\s+(?=[\"“‘']?[A-Z])|\n")


def _clause_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` begins, for a subject named before it; "Law No. 67"
    or "Art. 5" end no sentence (``_sentence_bounds`` also stops at semicolons)."""
    start = max(0, pos - 250)
    for stop in _STOP_BEFORE_CAPITAL.finditer(text, start, pos):
        start = stop.end()
    return start


def _not_accredited(document: Document) -> Iterator[Fact]:
    text = document.text
    low = lowered(text) or text.lower()
    if "accredit" not in low:
        return
    for m in _cued(_NOT_ACCREDITED, text, ("accredit",), back=120, forward=60):
        s_start, s_end = _sentence_bounds(text, m.start())
        s_start = _clause_start(text, m.start())
        body = None
        for b in _NHRI_BODY.finditer(text, s_start, m.start()):
            body = b
        if body is None or not _GANHRI.search(text, s_start, s_end) or _HEDGED.search(text, s_start, m.start()):
            continue
        date = _report_date(document, m.start(), _datelines(document))
        start = body.start() if m.start() - body.start() <= 150 else m.start()
        yield _status_fact(document, start, m.end(), "nhri_independent", "no", date, "prose.not_accredited")
_PRONOUN_SUBJECT = re.compile(r"\s*(?:it|which|the\s+(?:institution|body|office|commission|ombudsman))\b[^;\n]{0,60}?"
                              r"\b(?:can|cannot|may|is|has|does|receives?|handles?)\b", re.IGNORECASE)
_CANNOT = re.compile(r"\b(?:not|cannot|no\s+power|unable)\b[^.;\n]{0,20}$", re.IGNORECASE)


def _receives_complaints(document: Document) -> Iterator[Fact]:
    """ "The Ombudsman, who receives complaints from individuals": the NHRI's complaints capacity, in the present tense."""
    text = document.text
    datelines: list[tuple[int, str]] | None = None
    for m in _cued(_RECEIVES_COMPLAINTS, text, ("complaints", "petitions")):
        s_start, s_end = _sentence_bounds(text, m.start())
        body = None
        for b in _NHRI_BODY.finditer(text, s_start, m.start()):
            body = b
        if body is None and _PRONOUN_SUBJECT.match(text, s_start):
            # "<the institution> was set up in 2023; it cannot receive complaints": the body is named before the semicolon
            for b in _NHRI_BODY.finditer(text, _clause_start(text, s_start), s_start):
                body = b
        if body is None or _HEDGED.search(text, s_start, m.start()):
            continue
        if datelines is None:
            datelines = _datelines(document)
        negated = m.group(0)[:6].casefold() == "cannot" or _CANNOT.search(text, max(s_start, m.start() - 25), m.start())
        value = "no" if negated else "yes"
        years = [y.group(1) for y in _CLAUSE_YEAR.finditer(text, s_start, s_end)
                 if not _LAW_YEAR.search(text, max(0, y.start() - 20), y.start())]
        date = years[0] if len(years) == 1 else None
        start = body.start() if m.start() - body.start() <= 150 else m.start()
        yield _status_fact(document, start, m.end(), "nhri_receives_complaints", value, date, "prose.receives_complaints")


def _upr_prose(document: Document) -> Iterator[Fact]:
    """ "At its UPR in 2023 the state received recommendations on immigration detention": yes, for that cycle."""
    text = document.text
    anchors = list(_UPR.finditer(text))
    if anchors or _UPR_ANY_CASE.search(text, 0, 3000):
        anchors += list(_REVIEW_CYCLE.finditer(text))
    for m in anchors:
        s_start, s_end = _sentence_bounds(text, m.start())
        rec = _UPR_DETENTION.search(text, s_start, s_end)
        if rec is None or re.search(r"\bno\s+recommendations?\b", text[s_start:s_end], re.IGNORECASE):
            continue
        years = [y for y in _CLAUSE_YEAR.finditer(text, s_start, s_end) if int(y.group(1)) >= 2008]
        if not years:
            continue
        year = min(years, key=lambda y: abs(y.start() - m.start()))
        yield _status_fact(document, min(s_start, m.start()), max(m.end(), rec.end()), "upr_detention_recommendation",
                           "yes", year.group(1), "prose.upr")


# the type cell may be followed by an observation-date cell ("PAZ Salzburg<TAB>Administrative<TAB>2021")
_FACILITY_TYPE_END = re.compile(r"(?:administrative|ad[\s-]hoc|criminal)(?:[ \t]*\t[ \t]*(?:19|20)\d\d)?[ \t]*$",
                                re.MULTILINE | re.IGNORECASE)
_FACILITY_TYPE_END_LOWER = lower_pattern(_FACILITY_TYPE_END)  # opens on "a" or "c": the engine skips to those


def _facility_type_rows(text: str) -> Iterator[re.Match[str]]:
    """Rows of a facilities table: find the closing type cell first, then check that line only."""
    low = lowered_exact(text)
    for end in _FACILITY_TYPE_END.finditer(text) if low is None else _FACILITY_TYPE_END_LOWER.finditer(low):
        line_start = text.rfind("\n", 0, end.start()) + 1
        row = _FACILITY_TYPE_ROW.match(text, line_start, end.end())
        if row is not None:
            yield row


def _regex_prose(document: Document) -> Iterator[Fact]:
    text = document.text
    # Cheap word checks first: each pattern below scans the whole text, so skip it when
    # the words it needs are absent (most documents).
    low = lowered(text) or text.lower()
    has_tradition = "tradition" in low or "legal system" in low
    has_nhri_status = "status" in low or "human rights institution" in low
    has_constitution = "onstitution" in low
    for m in (_LEGAL_TRADITION.finditer(text) if has_tradition else ()):
        if m.group("value3"):
            s_start, _ = _sentence_bounds(text, m.start())
            start = s_start if m.start() - s_start <= 60 else m.start()
            yield _status_fact(document, start, m.end(), "legal_tradition", "mixed", None, "prose.legal_tradition")
            continue
        raw = (m.group("value") or m.group("value2")).casefold().replace("-", " ")
        value = _CATEGORY_VALUES["legal_tradition"].get(raw if " " in raw else f"{raw} law" if raw != "mixed" else raw)
        if value:
            s_start, _ = _sentence_bounds(text, m.start())
            start = s_start if m.start() - s_start <= 60 else m.start()
            yield _status_fact(document, start, m.end(), "legal_tradition", value, None, "prose.legal_tradition")
    for m in (_NHRI_STATUS.finditer(text) if has_nhri_status else ()):
        value = "no" if m.group("none") or m.group("grade") == "B" else "yes"
        yield _status_fact(document, m.start(), m.end(), "nhri_independent", value, m.group("year"), "prose.nhri_status")
    for m in (_CONSTITUTION_GUARANTEE.finditer(text) if has_constitution else ()):
        s_start, s_end = _sentence_bounds(text, m.start())
        if _NEGATED_CLAUSE.search(text, m.start(), m.end()):
            continue
        yield _status_fact(document, m.start(), m.end(), "constitutional_guarantees", "yes", None, "prose.constitution")
    for m in _facility_type_rows(text):
        kind, year = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        value = _CATEGORY_VALUES["facility_types"][re.sub(r"[\s-]+", " ", kind.casefold())]
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        yield _status_fact(document, start, m.end(), "facility_types", value, year, "table.facility_type")


def _other_prose_facts(document: Document) -> Iterator[Fact]:
    yield from _regex_prose(document)
    yield from _detains_migrants(document)
    yield from _upr_prose(document)
    yield from _receives_complaints(document)
    yield from _not_accredited(document)
    yield from _simple_prose(document, _CHILDREN_NOT_DETAINED, "detains_children", "no", "prose.children_not_detained",
                             cues=_CHILD_CUES)
    yield from _simple_prose(document, _CHILDREN_DETAINED, "detains_children", "yes", "prose.children_detained",
                             cues=_CHILD_CUES)
    yield from _children_counted(document)
    yield from _simple_prose(document, _DETENTION_LAW, "has_detention_laws", "yes", "prose.detention_law",
                             require=_MIGRATION_CUE, cues=("detain", "deten"))


# Children counted among people held: "..., including 88 children", "4,215 children passed through the
# centres", or a table row "of whom children | 9 | 31 | 22" under a row of detainees.
_CHILDREN_COUNTED = re.compile(
    r"\b(?:including|among\s+them|of\s+whom)\s+(?:at\s+least\s+|some\s+|about\s+|around\s+)?(?:[\d,]+\s+(?:unaccompanied\s+)?"
    r"(?:children|minors|boys|girls)|(?:women\s+and\s+|families\s+with\s+)?children|minors)\b"
    r"|\b[\d,]+\s+(?:unaccompanied\s+)?(?:children|minors)\s+(?:had\s+|have\s+)?(?:passed\s+through|were\s+(?:held|detained|placed)"
    r"|have\s+been\s+(?:held|detained))\b",
    re.IGNORECASE)
_HOLDING_CUE = re.compile(r"\b(?:held|detained|detention|detainees|placed\s+in|passed\s+through|deprived\s+of\s+(?:their\s+)?liberty"
                          r"|custody|in\s+(?:\w+\s+)?(?:centres?|centers?|camps?|homes?))\b", re.IGNORECASE)
_CHILD_ROW = re.compile(r"^[|\s]*(?:(?:of\s+whom|including|incl\.|thereof|among\s+them)[\s:,]*)?(?:unaccompanied\s+)?"
                        r"(?:children|minors)[^\t|\n\d]{0,40}?(?:\t|\|)[\s|]*([\d,]+)", re.IGNORECASE | re.MULTILINE)
_DETAINED_CHILD_ROW = re.compile(
    r"^[|\s]*(?=[^\t|\n]*\b(?:children|minors)\b)(?=[^\t|\n]*\b(?:detain\w*|detention|held)\b)[^\t|\n\d]*"
    r"(?:\(((?:19|20)\d\d)\))?[^\t|\n\d]*(?:\t|\|)[\s|]*([\d,]+)(?:[\s|]+((?:19|20)\d\d)\b)?", re.IGNORECASE | re.MULTILINE)
_ROW_YEARS = re.compile(r"(?:^|[\t|])[ ]*((?:19|20)\d\d)[ ]*(?=[\t|]|$)", re.MULTILINE)


_ENDED = re.compile(r"\b(?:until|formerly|previously|used\s+to)\b", re.IGNORECASE)  # "until the closure of the zones in 2020, ..."


def _children_counted(document: Document) -> Iterator[Fact]:
    text = document.text
    low = lowered(text) or text.lower()
    if "children" not in low and "minors" not in low:
        return
    datelines = _datelines(document)
    limit = (document.year or 2100) + 1
    for m in _cued(_CHILDREN_COUNTED, text, _CHILD_CUES, back=120, forward=60):
        s_start, s_end = _sentence_bounds(text, m.start())
        if not _HOLDING_CUE.search(text, s_start, s_end) or _HEDGED.search(text, s_start, m.start()) \
                or _NEGATED_CLAUSE.search(text, s_start, m.end()) or _ENDED.search(text, s_start, m.start()):
            continue
        years = [y.group(1) for y in _CLAUSE_YEAR.finditer(text, s_start, s_end) if int(y.group(1)) <= limit
                 and not _LAW_YEAR.search(text, max(0, y.start() - 20), y.start())]
        date = years[0] if years else _report_date(document, m.start(), datelines)
        start = s_start if m.start() - s_start <= 120 else m.start()
        yield _status_fact(document, start, m.end(), "detains_children", "yes", date, "prose.children_counted")
    # table rows: only lines that hold a child word and a cell separator are tried
    rows = []
    for word in ("children", "minors"):
        at = low.find(word)
        while at >= 0:
            line_start = low.rfind("\n", 0, at) + 1
            line_end = low.find("\n", at)
            line_end = len(low) if line_end < 0 else line_end
            if "\t" in low[line_start:line_end] or "|" in low[line_start:line_end]:
                rows.append((line_start, line_end))
            at = low.find(word, line_end)
    rows = sorted(set(rows))
    for line_start, line_end in rows:
        r = _DETAINED_CHILD_ROW.match(text, line_start, line_end)
        if r is None or int(r.group(2).replace(",", "") or 0) <= 0:
            continue
        yield _status_fact(document, r.start() + len(r.group(0)) - len(r.group(0).lstrip("| \t")), r.end(), "detains_children",
                           "yes", r.group(1) or r.group(3), "table.children_detained")
    for m in (r for r in (_CHILD_ROW.match(text, a, b) for a, b in rows) if r is not None):
        cells = [c.strip().replace(",", "") for c in re.split(r"[\t|]", text[m.start(1):text.find("\n", m.start(1)) % (len(text) + 1)])]
        values = [c for c in cells if c]
        if not values or not all(v.isdigit() for v in values) or not any(int(v) for v in values):
            continue
        # the rows above: a count of detainees, under a header of years
        above = text[max(0, m.start() - 600):m.start()].split("\n")
        prev = [ln for ln in above[:-1] if ln.strip(" |-\t")]
        if not prev or not _HOLDING_CUE.search(prev[-1]):
            continue
        date = None
        for ln in reversed(prev):
            header = _ROW_YEARS.findall(ln)
            if len(header) >= 2 and len(header) == len(values):
                nonzero = [y for y, v in zip(header, values, strict=True) if int(v)]
                date = nonzero[-1] if nonzero else None
                break
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip("| \t"))
        yield _status_fact(document, start, text.find("\n", m.start(1)) if "\n" in text[m.start(1):] else len(text),
                           "detains_children", "yes", date or _report_date(document, m.start(), datelines), "table.children_row")


# Literal words every match of a pattern contains (see _cued).
_CHILD_CUES = ("children", "minors")
_IRREGULAR_CUES = ("irregular", "illegal", "unlawful", "unauthori", "clandestine", "without")


_MANY_VALUES = frozenset({"upr_detention_recommendation", "facility_types"})


@register(NAME, version=VERSION, produces=[FactType.STATUS])
def extract_statuses(document: Document) -> Iterable[Fact]:
    """Table rows first; prose only for statuses no table row gave. One fact per (status, value, date)."""
    seen: set[tuple[str, str, str | None]] = set()
    from_tables: set[str] = set()
    for fact in _table_facts(document):
        key = (fact.fields["indicator"], fact.fields["value"], fact.fields["date"])
        if key not in seen:
            seen.add(key)
            from_tables.add(fact.fields["indicator"])
            yield fact
    prose_seen: set[tuple[str, str]] = set()
    for fact in (*_prose_facts(document), *_other_prose_facts(document)):
        indicator = fact.fields["indicator"]
        key2 = (indicator, fact.fields["value"])
        if indicator in _MANY_VALUES:
            # one per UPR cycle, one per facility type
            key2 = (indicator, f"{fact.fields['value']}@{fact.fields['date']}")
            if key2 in prose_seen or indicator in from_tables:
                continue
        elif indicator in from_tables or any(k[0] == indicator for k in prose_seen):
            continue
        prose_seen.add(key2)
        yield fact
