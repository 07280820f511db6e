"""Treaty acts: ratifications, signatures and acceptances of complaints procedures.

Two sources. Data profiles print a table of "CODE, Full name<TAB>year" rows
under a "Ratification Year" or "Acceptance Year" header; the rows are often
garbled (names cut, cells split), so a row is keyed by its leading code and the
act year is the last free-standing year of the row (never the "1966" of a
treaty's own name). Prose states acts with a verb ("acceded to the 1951 Refugee
Convention in 1999"); a treaty named without an act verb and an act year is a
mere mention and yields nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from habeas.domain import Document, Fact, FactType
from habeas.extract.registry import register
from habeas.extract.spans import make_fact
from habeas.text.patterns import (
    finditer_ci,
    finditer_from,
    lower_pattern,
    lowered_exact,
    trie_pattern,
)
from habeas.vocab import treaties as treaty_vocabulary

NAME = "treaties"
VERSION = 3

_YEAR = re.compile(r"(?<![\d/.-])(19[4-9]\d|20\d\d)(?![\d/])")
# A row opens with the treaty's code (maybe "CAT art. 22"), then ", <name>" or a cell gap: a tab, a run of
# spaces, or the dot leaders of a text rendering ("ICCPR ........ 1976").
_ROW_CODE = re.compile(
    r"(?:^|\t)[ \t]*(?P<code>[A-Z][A-Z0-9]{1,9}(?:-[A-Z0-9]{1,4})?)"
    r"(?:[ \t]+art(?:icle|\.)?[ \t]*(?P<article>14|22|31)\b)?"
    r"(?:[ \t]*,[ \t]*|(?=\t| {2,}| ?\.{3,}))(?P<rest>[^\n]*)")
# Patterns scanned over whole documents or many lines open on a lookahead for the letters their
# matches can begin with: the engine rejects other positions with that one class test instead of
# trying the pattern there (two to three times faster, same matches).
_RATIFICATION_HEADER = re.compile(
    r"(?=[drty])\b(?:Ratification\s+Year|Year\s+of\s+(?:ratification|accession)|Year\s+ratified|Date\s+of\s+ratification"
    r"|Treaty\s+ratifications|Ratifications?\s+(?:and\s+accessions?\s+)?(?:of\s+)?(?:core\s+|key\s+)?(?:treaties|instruments))\b",
    re.IGNORECASE)
_ACCEPTANCE_HEADER = re.compile(
    r"(?=[aciy])\b(?:Acceptance\s+Year|Year\s+of\s+acceptance|complaints?\s+procedures?\s+accepted"
    r"|(?:individual\s+)?complaints?\s+(?:mechanisms?\s+|procedures?\s+)?accepted)\b", re.IGNORECASE)
# A garbled profile puts the section's label in the first cell of its first row.
_COMPLAINTS_LABEL = re.compile(r"[ \t]*Individual\s+complaints(?:\s+procedures?)?\t+(?=[A-Z]{2,}[ \t]*,)", re.IGNORECASE)
_MAX_HEADER_LENGTH = 120  # a header is a short line; a sentence naming "ratification year" is not one
_TABLE_END = re.compile(r"^\s*(?:Ratio\s+of|Non[\s-]treaty|INSTITUTIONAL|DOMESTIC\s+LAW|(?-i:[A-Z][A-Z ]{5,})\s*$)", re.IGNORECASE)

# Complaints procedures named in an acceptance table by the parent treaty's code.
_COMPLAINTS_BY_PARENT = {
    "CAT": "CAT-22", "ICERD": "ICERD-14", "ICCPR": "ICCPR-OP1", "CEDAW": "CEDAW-OP",
    "CRPD": "CRPD-OP", "ICESCR": "ICESCR-OP", "CRC": "CRC-OP3", "ICPED": "ICPED-31",
}
_DECLARATION_ARTICLE = {"14": "ICERD-14", "22": "CAT-22", "31": "ICPED-31"}

_ACT_VERB = re.compile(
    r"(?=[abhimrsw])\b(?P<verb>ratif(?:ied|ies|y|ying|ication\s+of)|acce(?:ded|des|de|ding)\s+to|accession\s+to"
    r"|succeeded\s+to|succession\s+to|signed|signature\s+of|accepted|acceptance\s+of"
    r"|(?:became|become|becoming|has\s+been|have\s+been|had\s+been|is|was)\s+(?:also\s+|already\s+|now\s+)?(?:a\s+)?(?:state\s+)?part(?:y|ies)\s+to"
    r"|made\s+(?:the|a)(?=\s+declaration)|recogni[sz]ed\s+the\s+competence)\b",
    re.IGNORECASE,
)
_ACT_VERB_LOWER = lower_pattern(_ACT_VERB)
_NEGATION = re.compile(r"(?:\bnot|\bnor|n[’']t|\byet\s+to|\bnever|\bfailed\s+to|\brefus\w*(?:\s+to)?|\bwithout|\bwhether\s+to|\bto)\s+(?:\w+\s+){0,1}$", re.IGNORECASE)
# A bare infinitive ("Accede to ...", "Ratify ...", "should become party to") urges an act, it does not report one.
_URGED = re.compile(r"(?:ratify|accede\s+to|become\s+(?:a\s+)?(?:state\s+)?part(?:y|ies)\s+to)$", re.IGNORECASE)
_NEGATED_AFTER = re.compile(r"\s+(?:no|none\s+of)\b", re.IGNORECASE)  # "has accepted no complaints procedure"
_DECLARATION = re.compile(
    r"\bdeclaration\s+(?:provided\s+for\s+|foreseen\s+|envisaged\s+)?under\s+(?:its\s+|that\s+treaty's\s+)?article\s+(14|22|31)\b",
    re.IGNORECASE)
# "acceded to both statelessness conventions": the 1954 and the 1961 conventions named as a pair.
_STATELESSNESS_PAIR = re.compile(
    r"\b(?:both|the\s+two|the\s+1954\s+and\s+(?:the\s+)?1961)\s+(?:UN\s+)?statelessness\s+conventions\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<![\s.][A-Z])(?<!\bNo)(?<!\bArt)\.\s|[;\n]")

_SAME_YEAR = re.compile(r"[ ,]*(?:in\s+|during\s+)?the\s+same\s+year\b", re.IGNORECASE)
_MAX_VERB_TO_TREATY = 160
_MAX_TREATY_TO_YEAR = 140


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    code: str


def _alias_pattern(alias: str) -> str:
    words = [re.escape(w).replace("'", "['’]") for w in alias.split()]
    return r"\s+".join(words)


def _normalise(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


@lru_cache(maxsize=1)
def _aliases() -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex over every code and name of the vocabulary, longest first.

    Codes match case-sensitively as whole tokens ("CAT", not "cat"); names and
    synonyms match in any case.
    """
    by_alias: dict[str, str] = {}
    parts: list[tuple[int, str]] = []
    for treaty in treaty_vocabulary().values():
        names = [re.sub(r"\s*\([^)]*\)\s*$", "", treaty.name), *treaty.synonyms]
        for name in names:
            if not name:
                continue
            if name.isupper() and " " not in name:  # an abbreviation
                parts.append((len(name), r"(?<![\w-])" + re.escape(name) + r"(?![\w-])"))
            else:
                parts.append((len(name), r"(?i:\b" + _alias_pattern(name) + r"\b)"))
            by_alias.setdefault(_normalise(name), treaty.code)
        if "-" not in treaty.code or treaty.code.startswith("ICCPR-OP"):
            parts.append((len(treaty.code), r"(?<![\w-])" + re.escape(treaty.code) + r"(?![\w-])"))
            by_alias.setdefault(_normalise(treaty.code), treaty.code)
    parts.sort(key=lambda p: -p[0])
    return re.compile("|".join(p for _, p in parts)), by_alias


@lru_cache(maxsize=1)
def _alias_finder() -> re.Pattern[str] | None:
    """The lower-cased leading letters of every code and name: each alias match begins with one.

    Trying the hundred-branch alias pattern at every position of a sentence is costly;
    ``finditer_from`` tries it only where one of these words begins. None (scan
    everything) should a name not begin with a word character.
    """
    heads = set()
    for treaty in treaty_vocabulary().values():
        for name in (re.sub(r"\s*\([^)]*\)\s*$", "", treaty.name), *treaty.synonyms, treaty.code):
            if not name:
                continue
            head = re.match(r"\w+", name)
            if head is None:
                return None
            heads.add(head.group().lower())
    return re.compile(trie_pattern(sorted(heads)))


_ITS_PROTOCOL = re.compile(
    r"\b(?:its|the|that)\s+(?:(?P<second>Second\s+)?(?:First\s+)?(?P<optional>Optional\s+)|(?:19[4-9]\d\s+)?)Protocol\b(?!\s+(?:to|on|of|against|relating)\b)",
    re.IGNORECASE)
# A protocol named only as "its Protocol" belongs to a parent that has one plain (non-optional) protocol.
_PLAIN_PROTOCOL_OF = {"CRSR": "PCRSR"}
# Treaty bodies: a document addressed to one calls its treaty "the Convention" or "the Covenant".
_TREATY_BODY = re.compile(
    r"(?=[CH])\b(?:Committee\s+against\s+Torture|Human\s+Rights\s+Committee|Committee\s+on\s+the\s+Rights\s+of\s+the\s+Child"
    r"|Committee\s+on\s+the\s+Elimination\s+of\s+(?:Racial\s+Discrimination|Discrimination\s+against\s+Women)"
    r"|Committee\s+on\s+Migrant\s+Workers|Committee\s+on\s+the\s+Rights\s+of\s+Persons\s+with\s+Disabilities"
    r"|Committee\s+on\s+Economic,\s+Social\s+and\s+Cultural\s+Rights|Committee\s+on\s+Enforced\s+Disappearances)\b")
_BODY_TREATY = (("torture", "CAT"), ("human rights committee", "ICCPR"), ("child", "CRC"), ("racial", "ICERD"),
                ("women", "CEDAW"), ("migrant", "ICRMW"), ("disabilities", "CRPD"), ("economic", "ICESCR"),
                ("enforced", "ICPED"))
_BARE_TREATY = re.compile(r"\b[Tt]he\s+(?P<word>Convention|Covenant)\b(?!\s+(?:on|against|relating|for|of|to)\s+(?!\d))(?!\s*\()")
_PROTOCOL_OF = {"CAT": "OPCAT", "ICCPR": "ICCPR-OP1", "CEDAW": "CEDAW-OP", "CRPD": "CRPD-OP", "ICESCR": "ICESCR-OP"}


def _home_treaty(text: str) -> str | None:
    """The treaty of the one treaty body a document is addressed to, if it names only one."""
    codes = set()
    for m in _TREATY_BODY.finditer(text):
        name = " ".join(m.group(0).split()).casefold()
        codes.add(next(code for cue, code in _BODY_TREATY if cue in name))
    return codes.pop() if len(codes) == 1 else None


def _treaty_mentions(text: str, start: int, end: int, home: str | None = None) -> list[_Mention]:
    pattern, by_alias = _aliases()
    finder, low = _alias_finder(), lowered_exact(text)
    found = []
    for m in (pattern.finditer(text, start, end) if finder is None or low is None
              else finditer_from(pattern, text, finder, start, end, haystack=low)):
        code = by_alias.get(_normalise(m.group(0)))
        if code:
            found.append(_Mention(m.start(), m.end(), code))
    if home:
        word = "Covenant" if home in ("ICCPR", "ICESCR") else "Convention"
        for m in _BARE_TREATY.finditer(text, start, end):
            if m.group("word") == word and not any(f.start <= m.start("word") < f.end for f in found):
                found.append(_Mention(m.start(), m.end(), home))
    # "ratified the Convention against Torture in 1988 and its Optional Protocol in 2003"
    for m in _ITS_PROTOCOL.finditer(text, start, end):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        parent = [f for f in found if f.end <= m.start()]
        if not parent:
            continue
        if not m.group("optional"):
            code = _PLAIN_PROTOCOL_OF.get(parent[-1].code)
        elif m.group("second") and parent[-1].code == "ICCPR":
            code = "ICCPR-OP2"
        else:
            code = _PROTOCOL_OF.get(parent[-1].code)
        if code:
            found.append(_Mention(m.start(), m.end(), code))
    if "statelessness conventions" in text[start:end].lower():
        for m in _STATELESSNESS_PAIR.finditer(text, start, end):
            found += [_Mention(m.start(), m.end(), "CRSSP"), _Mention(m.start(), m.end(), "CRS")]
    found.sort(key=lambda f: f.start)
    return found


# --- profile tables -------------------------------------------------------------------


def _row_year(line: str, from_pos: int) -> re.Match[str] | None:
    """The row's act year: the last year not written as part of a name (", 1966")."""
    best = None
    for m in _YEAR.finditer(line, from_pos):
        before = line[max(0, m.start() - 2):m.start()]
        if before.endswith((", ", "(", ",")):
            continue
        best = m
    return best


def _row_code(code: str, rest: str, mode: str) -> tuple[str, str] | None:
    """(vocabulary code, action) for a table row, or None for a code we do not track."""
    vocab = treaty_vocabulary()
    lowered = rest.casefold()
    if code in vocab and "-" in code or code == "OPCAT":
        return code, ("acceptance" if vocab[code].group == "complaints" else "ratification")
    if code == "CAT" and "optional protocol" in lowered:
        return "OPCAT", "ratification"
    if code == "ICCPR" and "second optional" in lowered:
        return "ICCPR-OP2", "ratification"
    declared = "declaration" in lowered or "optional protocol" in lowered or "declar" in lowered
    if mode == "acceptance" or declared:
        if code == "CRC" and mode != "acceptance" and "communication" not in lowered:
            return None  # the CRC's other optional protocols are not tracked
        complaint = _COMPLAINTS_BY_PARENT.get(code)
        return (complaint, "acceptance") if complaint else None
    if code in vocab:
        return code, "ratification"
    return None


@lru_cache(maxsize=1)
def _core_names() -> dict[str, str]:
    return {re.sub(r"\s*\([^)]*\)\s*$", "", t.name): t.code for t in treaty_vocabulary().values() if t.group == "core"}


def _fuzzy_row(line: str) -> str | None:
    """The core treaty a code-less ratification row names, if it is clearly one."""
    cells = [c.strip() for c in line.split("\t") if len(c.strip()) > 15 and not _YEAR.fullmatch(c.strip())]
    names = _core_names()
    for cell in cells:
        hit = process.extractOne(cell, list(names), scorer=fuzz.token_sort_ratio, score_cutoff=92)
        if hit:
            return names[hit[0]]
    return None


def _table_facts(document: Document, extractor: str) -> Iterator[Fact]:
    text = document.text
    if not (_RATIFICATION_HEADER.search(text) or _ACCEPTANCE_HEADER.search(text) or "complaints\t" in text):
        return  # no table header anywhere: one scan of the text spares two per line
    mode: str | None = None
    max_year = (document.year or 2100) + 1
    offset = 0
    for line in text.split("\n"):
        line_start = offset
        offset += len(line) + 1
        if len(line) <= _MAX_HEADER_LENGTH and _RATIFICATION_HEADER.search(line):
            mode = "ratification"
            continue
        if len(line) <= _MAX_HEADER_LENGTH and _ACCEPTANCE_HEADER.search(line):
            mode = "acceptance"
            continue
        if _COMPLAINTS_LABEL.match(line):
            mode = "acceptance"  # "Individual complaints<TAB>ICCPR, First Optional Protocol<TAB>1994": label and row
        if mode is None:
            continue
        if _TABLE_END.search(line):
            mode = None
            continue
        m = _ROW_CODE.search(line)
        resolved: tuple[str, str] | None = None
        code_start = 0
        if m and m.group("article"):
            code = _DECLARATION_ARTICLE[m.group("article")]
            resolved = (code, "acceptance") if code.startswith(m.group("code")) else None
            code_start = m.start("code")
        elif m:
            resolved = _row_code(m.group("code"), m.group("rest"), mode)
            code_start = m.start("code")
        elif mode == "ratification" and "\t" in line:
            fuzzy = _fuzzy_row(line)
            resolved = (fuzzy, "ratification") if fuzzy else None
            code_start = len(line) - len(line.lstrip())
        if resolved is None:
            continue
        year = _row_year(line, code_start)
        if year is None or not 1945 <= int(year.group(1)) <= max_year:
            continue
        code, action = resolved
        yield make_fact(document, FactType.TREATY, line_start + code_start, line_start + year.end(),
                        {"treaty": code, "action": action, "year": int(year.group(1))},
                        extractor=extractor, rule=f"table.{mode}", confidence=0.9)


# --- prose ----------------------------------------------------------------------------


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    window_start = max(0, pos - 400)
    start = window_start
    for m in _SENTENCE_END.finditer(text, window_start, pos):
        start = m.end()
    end_match = _SENTENCE_END.search(text, pos, min(len(text), pos + 500))
    end = end_match.start() + 1 if end_match else min(len(text), pos + 500)
    return start, end


def _action_for(verb: str, code: str) -> str:
    if verb.casefold().startswith(("signed", "signature")):
        return "signature"
    if treaty_vocabulary()[code].group == "complaints":
        return "acceptance"
    return "ratification"


def _years(text: str, start: int, end: int, mentions: list[_Mention]) -> list[re.Match[str]]:
    inside = [(m.start, m.end) for m in mentions]
    out = []
    for y in _YEAR.finditer(text, start, end):
        if any(a <= y.start() < b for a, b in inside):
            continue
        if re.search(r"(?:No\.?|Nos\.?|\bof|/)\s*$", text[max(0, y.start() - 5):y.start()]) and \
                re.search(r"\b(?:resolution|decision|law|act)\b", text[max(0, y.start() - 40):y.start()], re.IGNORECASE):
            continue
        out.append(y)
    return out


def _prose_facts(document: Document, extractor: str) -> Iterator[Fact]:
    text = document.text
    max_year = (document.year or 2100) + 1
    seen_sentences: set[int] = set()
    home = _home_treaty(text)
    for verb_match in finditer_ci(_ACT_VERB, _ACT_VERB_LOWER, text):
        s_start, s_end = _sentence_bounds(text, verb_match.start())
        if s_start in seen_sentences:
            continue
        seen_sentences.add(s_start)
        verbs = list(_ACT_VERB.finditer(text, s_start, s_end))
        negated = {v.start() for v in verbs if _NEGATION.search(text[max(s_start, v.start() - 30):v.start()])
                   or _NEGATED_AFTER.match(text, v.end()) or _URGED.fullmatch(" ".join(v.group("verb").split()))}
        if len(negated) == len(verbs):
            continue
        mentions = _treaty_mentions(text, s_start, s_end, home)
        mentions += _declaration_mentions(text, s_start, s_end, mentions)
        if not mentions:
            continue
        years = _years(text, s_start, s_end, mentions)
        if not years:
            continue
        for mention in mentions:
            verb = _governing_verb(verbs, mention)
            if verb is not None and verb.start() in negated:
                # "has not ratified the 1961 Convention, which it signed in 1961": a verb after it may still hold
                verb = _verb_after(verbs, mention, negated, text)
            if verb is None:
                continue  # "has not ratified the Optional Protocol": the nearest verb is denied
            year = _act_year(years, mention, verb)
            if _SAME_YEAR.match(text, mention.end):  # "... in 1971 and its Protocol the same year"
                earlier = [y for y in years if y.end() <= mention.start]
                year = earlier[-1] if earlier else None
            if year is None or not 1945 <= int(year.group(1)) <= max_year:
                continue
            start = min(verb.start(), mention.start, year.start())
            end = max(verb.end(), mention.end, year.end())
            yield make_fact(document, FactType.TREATY, start, end,
                            {"treaty": mention.code, "action": _action_for(verb.group("verb"), mention.code),
                             "year": int(year.group(1))},
                            extractor=extractor, rule="prose.act", confidence=0.75)


def _declaration_mentions(text: str, start: int, end: int, named: list[_Mention]) -> list[_Mention]:
    """ "made the declaration under article 22" names a complaints procedure by its article alone."""
    out = []
    for m in _DECLARATION.finditer(text, start, end):
        # skip it when a named mention covers it ("article 22 of the Convention against Torture")
        if any(n.start <= m.start() < n.end or m.start() <= n.start < m.end()
               or (m.end() <= n.start and re.fullmatch(r"\s+of\s+(?:the\s+)?", text[m.end():n.start])) for n in named):
            continue
        out.append(_Mention(m.start(), m.end(), _DECLARATION_ARTICLE[m.group(1)]))
    return out


def _governing_verb(verbs: list[re.Match[str]], mention: _Mention) -> re.Match[str] | None:
    """The last act verb before the treaty, or one right after it ("the ICCPR, ratified in 2006")."""
    before = [v for v in verbs if v.end() <= mention.start and mention.start - v.end() <= _MAX_VERB_TO_TREATY]
    if before:
        return before[-1]
    after = [v for v in verbs if v.start() >= mention.end and v.start() - mention.end <= 60]
    return after[0] if after else None


def _verb_after(verbs: list[re.Match[str]], mention: _Mention, negated: set[int], text: str) -> re.Match[str] | None:
    """An affirmed act verb in a relative clause right after the treaty ("..., which it signed in 1961")."""
    for v in verbs:
        if v.start() >= mention.end and v.start() - mention.end <= 40 and v.start() not in negated \
                and re.match(r",?\s+(?:which|that)\s+(?:it|the\s+\w+)\s+(?:had\s+|has\s+)?$", text[mention.end:v.start()]):
            return v
    return None


def _act_year(years: list[re.Match[str]], mention: _Mention, verb: re.Match[str]) -> re.Match[str] | None:
    after_from = max(mention.end, verb.end())
    for y in years:
        if y.start() >= after_from and y.start() - after_from <= _MAX_TREATY_TO_YEAR:
            return y
    earlier = [y for y in years if y.end() <= min(verb.start(), mention.start)]
    return earlier[-1] if earlier else None


@register(NAME, version=VERSION, produces=[FactType.TREATY])
def extract_treaties(document: Document) -> Iterable[Fact]:
    """Treaty acts from profile tables first, then prose; one fact per (treaty, action, year)."""
    extractor = f"{NAME}@{VERSION}"
    seen: set[tuple[str, str, int]] = set()
    for fact in (*_table_facts(document, extractor), *_prose_facts(document, extractor)):
        key = (fact.fields["treaty"], fact.fields["action"], fact.fields["year"])
        if key in seen:
            continue
        seen.add(key)
        yield fact
