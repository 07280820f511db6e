"""Bodies that monitor detention or receive complaints.

Profiles list them in an "Authorized monitoring institutions" table with their
type; that is the reliable source. In prose, reports name many organisations
that do not monitor anything (data sources, partner NGOs, ministries), so only
clear forms are read: a national human rights institution or ombudsperson
named by its title, a national preventive mechanism, a UN agency shown acting
in the country (not merely cited for a figure), and an NGO said to monitor
detention.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator

from habeas.domain import Document, Fact, FactType
from habeas.extract.registry import register
from habeas.extract.spans import make_fact
from habeas.text.patterns import lowered, lowered_exact
from habeas.text.titles import title_words

NAME = "institutions"
VERSION = 5

_TABLE_LABEL = re.compile(
    r"(?:Authori[sz]ed\s+)?monitoring\s+(?:institutions?|bodies)|Bodies\s+(?:authori[sz]ed\s+to|that)\s+monitor(?:\s+detention)?",
    re.IGNORECASE)
_MONITOR = re.compile("monitor", re.IGNORECASE)  # a word every _TABLE_LABEL match holds
_MONITOR_LOWER = re.compile("monitor")  # the same in the lower-cased text, found by a fast literal search
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_KIND_BY_TYPE = (
    (re.compile(r"National\s+Human\s+Rights\s+In|\bNHRI\b", re.IGNORECASE), "nhri"),
    (re.compile(r"National\s+Preventive|\bNPM\b", re.IGNORECASE), "npm"),
    (re.compile(r"Ombuds", re.IGNORECASE), "ombudsperson"),
    (re.compile(r"\bNGO\b|Non[\s-]?governmental|Civil\s+society", re.IGNORECASE), "ngo"),
    (re.compile(r"\bUN\b|United\s+Nations", re.IGNORECASE), "un_body"),
)

_CAP = r"[A-Z][\w’'.-]*"
# Patterns scanned over a whole document open on a lookahead for the capital (or the few
# letters) every match begins with: the engine rejects most positions with that one class
# test instead of trying the pattern there, about three times faster, same matches.
_NHRI = re.compile(
    r"(?=[A-Z])\b(?P<name>"
    r"(?:(?:Office\s+of\s+the\s+)?(?:" + _CAP + r" +){0,3}?"
    r"(?:Human\s+Rights\s+(?:Commissioner|Ombudsman|Ombudsperson|Commission|Council)"
    r"|(?:Parliamentary\s+|Public\s+|Chief\s+|National\s+)?(?:Ombudsman|Ombudsmen|Ombudsperson|Ombudswoman|Ombudsman’s\s+Office|Ombudsman's\s+Office)"
    r"|Commissioner\s+for\s+(?:Human|Civil)\s+Rights|Commission(?:er)?\s+(?:on|of)\s+Human\s+Rights"
    r"|Defender\s+of\s+(?:Human\s+)?Rights|Public\s+Defender|People[’']s\s+(?:Advocate|Defender)|Defensor[ií]a\s+del\s+Pueblo|Defensor\s+del\s+Pueblo"
    r"|Protecteur\s+du\s+Citoyen|Défenseur\s+des\s+droits|Provedor\s+de\s+Justiça"
    r"|National\s+Preventive\s+Mechanism|Inspectorate\s+of\s+Prisons|Chief\s+Inspector\s+of\s+Prisons"
    r"|(?:Centre|Center|Institute|Council|Commission|Committee|Office|Board)\s+for\s+Human\s+Rights|Institute\s+of\s+Human\s+Rights"
    r"|Human\s+Rights\s+(?:Centre|Center|Institute|Defender)"
    # "the Central Council for the Surveillance of Prisons", "Commission for the Supervision of Places of Detention"
    r"|(?:Council|Commission|Committee|Board|Office|Inspectorate)\s+for\s+the\s+(?:Surveillance|Supervision|Inspection|Monitoring"
    r"|Oversight)\s+of\s+(?:Prisons|Places\s+of\s+(?:Detention|Deprivation\s+of\s+Liberty)|Detention(?:\s+Centres)?)"
    r"|(?:Committee|Commission|Council|Mechanism|Agency|Office)\s+for\s+the\s+Prevention\s+of\s+Torture"
    r"|Public\s+Defender[’']s\s+Office|Defensoria\s+P[úu]blica(?:\s+da\s+Uni[ãa]o)?"
    r"|Office\s+of\s+(?:the\s+)?Inspector\s+General|Office\s+for\s+Civil\s+Rights\s+and\s+Civil\s+Liberties))"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?(?:Republic\s+of\s+)?" + _CAP + r"(?:\s+" + _CAP + r")?)?"
    r"(?:\s+\((?P<abbr>[A-Z][A-Za-z]{1,9}(?:\s+[A-Z]{2,6})?)\))?)(?![\w’'])"
)
_UN_AGENCIES = re.compile(
    r"(?=[UOI])\b(?P<name>UNHCR|OHCHR|IOM|UNICEF"
    r"|(?:Office\s+of\s+the\s+)?(?:UN|United\s+Nations)\s+High\s+Commissioner\s+for\s+(?:Refugees|Human\s+Rights)"
    r"|UN\s+Refugee\s+Agency|International\s+Organi[sz]ation\s+for\s+Migration"
    r"|Office\s+of\s+the\s+High\s+Commissioner\s+for\s+Human\s+Rights)\b"
)
_UN_CANONICAL = (
    (re.compile(r"UNHCR|Refugees|Refugee\s+Agency"), "UNHCR"),
    (re.compile(r"OHCHR|Human\s+Rights"), "OHCHR"),
    (re.compile(r"IOM|Migration"), "IOM"),
    (re.compile(r"UNICEF"), "UNICEF"),
)
# A UN agency merely cited for a figure ("according to IOM data") is a source, not a body present.
# "The International Organization for Migration (IOM) recorded ...": the agency acting as a sentence's subject.
_IOM_ACTS = re.compile(r"(?:\s+\(IOM\))?\s+(?:has\s+|have\s+|had\s+)?(?:recorded|registered|assisted|returned|repatriated"
                       r"|facilitated|provided|operates|operated|runs|ran|manages|managed|visited|supported|helped|evacuated)\b")
# "a transit centre run by the International Organization for Migration": the agency present, running a site
_RUN_BY = re.compile(r"\b(?:run|managed|operated)\s+by\s+(?:the\s+)?$")
# (``match`` at a position: a leading "^" would only ever match at the start of the text.)
_CITED_FOR_DATA = re.compile(r"\s*(?:’s\s+|'s\s+)?(?:data|figures|statistics|estimates?|numbers|reports?\s+(?:that|show))\b",
                             re.IGNORECASE)
# "According to UNHCR, 48,700 arrived": the agency as the source of a figure, not a body at work.
_CITED_BEFORE = re.compile(r"\b(?:[Aa]ccording\s+to|[Dd]ata\s+from|[Ff]igures\s+from|[Ss]ource:)\s+(?:the\s+)?$")
_NGO_MONITORS = re.compile(
    r"(?=[tNnc])\b(?:the\s+)?(?:NGO|non-governmental\s+organi[sz]ation|civil\s+society\s+organi[sz]ation)\s+(?P<name>" + _CAP
    + r"(?:\s+" + _CAP + r"){0,5})(?=[^.;\n]{0,120}\bmonitor(?:s|ed|ing)?\b[^.;\n]{0,60}\b(?:detention|detainees|places\s+of\s+deprivation))"
)


_TITLE = r"(?:[A-Z][\w’'-]*)(?:[ ]+(?:(?:of|for|and|on|the|de|du|des|del|la|le)[ ]+)*[A-Z][\w’'-]*){1,10}"
# "the Commissioner for ... Human Rights (Ombudsman)": a body's own title glossed by its role.
_ROLE_GLOSS = re.compile(
    r"(?P<name>" + _TITLE + r")\s+\((?P<role>Ombuds(?:man|person|woman)|NHRI|NPM|[Nn]ational\s+[Pp]reventive\s+[Mm]echanism"
    r"|[Nn]ational\s+[Hh]uman\s+[Rr]ights\s+[Ii]nstitution)\)")
# "The Monitoring Board for Detained Persons acts as national preventive mechanism"
_ROLE_CLAUSE = re.compile(
    r"(?P<name>" + _TITLE + r")(?:\s+\([^()\n]{1,40}\))?\s*,?\s+(?i:(?:which\s+|who\s+)?(?:serves?|acts?|functions?|operates?|is\s+designated"
    r"|was\s+designated|has\s+been\s+designated|are\s+designated)\s+as\s+(?:the\s+|its\s+|[a-z][\w-]*[’']s\s+)?"
    r"(?P<role>national\s+preventive\s+mechanism|NPM|national\s+human\s+rights\s+institution|NHRI|ombuds\w+))")
# "The National Centre for the Prevention of Torture, the national preventive mechanism, visited ...",
# "The Federal Institute ... (FIRM), Belgium's NHRI": a body glossed by its role in an apposition
_ROLE_APPOSITION = re.compile(
    r"(?P<name>" + _TITLE + r")(?:\s+\([A-Z][\w-]{1,15}\))?,\s+(?:the\s+|its\s+|(?:[A-Z][\w-]*|its)[’']s\s+|(?:[Tt]he\s+)?country[’']s\s+)"
    r"(?P<role>(?i:national\s+preventive\s+mechanism|national\s+human\s+rights\s+institution)|NPM|NHRI)\b")
_ROLE_WORDS = ("ombuds", "nhri", "npm", "preventive", "human rights institution")
_ROLE_KIND = (("preventive", "npm"), ("npm", "npm"), ("human rights institution", "nhri"), ("nhri", "nhri"),
              ("ombuds", "ombudsperson"))
# "the Cyprus Refugee Council", "the Jesuit Refugee Service": an NGO's name says whom it serves and what it is.
_NGO = re.compile(
    r"(?=[A-Z])\b(?P<name>(?:[A-Z][\w’'-]*[ ]+){1,4}?(?:Refugees?|Migrants?|Migration|Asylum|Helsinki|Legal[ ]+Aid|Human[ ]+Rights)"
    r"(?:[ ]+(?:and[ ]+)?[A-Z][\w’'-]*){0,3}?[ ]+(?:Council|Service|Network|Association|Foundation|Coalition|Centre|Center"
    r"|Committee|Initiative|Society|League|Forum|Clinic|Monitor|Project|Alliance))\b"
    r"(?!\s+(?:on|of|for|against)\b)")
_NOT_NGO = re.compile(r"^(?:UN|United|European|Inter|International|Global|African|Arab|Asian|National|State|Federal"
                      r"|Government|Ministry|The|Human\s+Rights\s+(?:Council|Committee))\b|^Human\s+Rights\s+\w+$"
                      r"|Human\s+Rights\s+Committee$|(?:Asylum|Migration|Immigration)\s+Service$")


# "the Mauritanian Association for Human Rights (AMDH)", "the Hotline for Refugees and Migrants": an
# organisation named by what it is and then whom it defends.
_NGO_FOR = re.compile(
    r"(?=[A-Z])\b(?P<name>(?:[A-Z][\w’'-]*[ ]+){0,3}(?:Association|League|Society|Organi[sz]ation|Foundation|Hotline|Network"
    r"|Coalition|Alliance|Initiative|Movement|Forum|Clinic)[ ]+for[ ]+(?:the[ ]+)?"
    r"(?:(?:Defen[cs]e|Protection|Promotion|Rights)[ ]+of[ ]+(?:the[ ]+)?)?"
    r"(?:Human[ ]+Rights|Refugees?|Migrants?|Asylum[ -][Ss]eekers|Foreigners|Stateless[ ]+Persons|Detainees|Prisoners)"
    r"(?:[ ]+(?!and\b)[A-Z][\w’'-]*)?"  # "Migrant Workers", "Human Rights Defenders"
    r"(?:[ ]+and[ ]+(?:Migrants?|Refugees?|Asylum[ -][Ss]eekers|Foreigners|Stateless[ ]+Persons|Detainees|Prisoners|Liberties))?"
    r"(?:[ ]+\((?P<abbr>[A-Z][A-Za-z-]{1,9})\))?)(?![\w’'])")
# "the Independent Border Monitoring Mechanism", "the Public Monitoring Commission": bodies named for monitoring.
_MONITORING_BODY = re.compile(
    r"(?=[A-Z])\b(?P<name>(?:[A-Z][\w’'-]*[ ]+){1,3}Monitoring[ ]+(?:Mechanism|Commission|Board|Committee|Body|Council|Group|Team|Mission))"
    r"(?![\w’'])")
# "UNHCR and the Croatian Law Centre also have access to detained applicants", "X, which regularly visits
# detainees": an organisation opening a sentence whose predicate is visiting or monitoring places of detention.
_SUBJECT = re.compile(
    r"(?:(?:UNHCR|IOM|OHCHR|UNICEF)\s+and\s+(?:its\s+partners?\s+|partners?\s+)?)?(?:[Tt]he\s+)?"
    r"(?P<name>[A-Z][\w’'-]*(?:[ ]+(?:(?:for|of|and|on)[ ]+(?:the[ ]+)?)?[A-Z][\w’'-]*){1,6})"
    r"(?:[ ]+\((?P<abbr>[A-Z][A-Za-z-]{1,9})\))?")
_ORG_HEAD = re.compile(
    r"\b(?:Centre|Center|Hotline|Association|League|Society|Organi[sz]ation|Foundation|Network|Coalition|Alliance"
    r"|Initiative|Movement|Forum|Clinic|Service|Council|Committee|Commission|Mechanism|Board|Institute|Project|Group"
    r"|Watch|Helsinki|Lawyers|Bar|Consortium|Red\s+Cross|Red\s+Crescent)\b")
_NOT_MONITOR = re.compile(
    r"\b(?:Ministry|Minister|Police|Government|Court|Prosecutor|Directorate|Department|Guard|Army|Forces|Authority"
    r"|Authorities|Agency|Office|Parliament|Senate|Assembly|Rapporteur|Working|European|United|UN|Security|Intelligence"
    r"|Immigration|Migration\s+Service|Prison\s+Service|Human\s+Rights\s+Watch|Amnesty)\b")
_MONITOR_PREDICATE = re.compile(
    r"\b(?:visit(?:s|ed|ing)?|monitor(?:s|ed|ing)?|ha(?:s|ve|d)\s+(?:regular\s+|unrestricted\s+|limited\s+)?access\s+to)"
    r"\s+(?:\w+\s+){0,3}?(?:detain\w*|detention|places\s+of\s+(?:detention|deprivation)|(?:pre-removal|removal|reception|"
    r"detention)\s+centres?|immigration\s+detention|(?:each|every|all|the)\s+(?:detention\s+)?(?:centres?|centers?)|"
    r"police\s+stations|prisons)"
    # "runs a visiting programme in every centre", "carried out 64 detention monitoring visits to police stations"
    r"|\b(?:visiting|monitoring)\s+(?:programme|program|visits|missions)\s+(?:in|to|at)\s+(?:\w+\s+){0,2}?(?:centres?|centers?|"
    r"police\s+stations|prisons|detention)", re.IGNORECASE)
_MONITOR_CUES = ("visit", "monitor", "access to")


def _title(name: str) -> str:
    return re.sub(r"^(?:The|A|An|In|On|As|By|While|When|Since|Under|According|However|At|On)\s+", "", name.strip())


_POSSESSOR = re.compile(r"^(?!People[’']s)[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?[’']s\s+")
_ROLE_BEFORE = re.compile(r"\b(?:(?<!such\s)as|is|was|became|become|designated)\s+(?:the\s+|its\s+|a\s+)?$", re.IGNORECASE)
_ROLE_ONLY = re.compile(r"(?i:(?:the\s+)?(?:national\s+preventive\s+mechanism|national\s+human\s+rights\s+institution))")
_UN_PREFIX = re.compile(r"(?:UN|United\s+Nations)\b")
_UN_INSIDE = re.compile(r"\b(?:UN|United\s+Nations)\s+High\s+Commissioner\b")
_MONTH_PREFIX = re.compile(r"^(?:(?:In|On|By|Since|Until)\s+)?(?:January|February|March|April|May|June|July|August|September"
                           r"|October|November|December)\s+(?:\d{1,2},?\s+)?(?:(?:the|The)\s+)?")


def _kind_for(name: str) -> str:
    lowered = name.casefold()
    if "inspector general" in lowered or "civil rights" in lowered:
        return "other"  # a government's internal oversight office
    if any(w in lowered for w in ("surveillance of", "supervision of", "oversight of")):
        return "other"  # a board overseeing prisons
    if "preventive mechanism" in lowered or "prevention of torture" in lowered or "inspector" in lowered:
        return "npm"
    if any(w in lowered for w in ("ombuds", "defender", "defensor", "advocate", "protecteur", "défenseur", "provedor",
                                   "commissioner")):
        return "ombudsperson"
    return "nhri"


def _table_lines(text: str) -> list[tuple[int, int]]:
    """Ranges of lines that carry tab-separated cells: prose rules do not read inside tables."""
    out = []
    offset = 0
    for line in text.split("\n"):
        if line.count("\t") >= 1:
            out.append((offset, offset + len(line)))
        offset += len(line) + 1
    return out


def _cells(line: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0)) for m in re.finditer(r"[^\t]+", line)]


def _table_facts(document: Document, extractor: str) -> Iterator[Fact]:
    text = document.text
    # Every label says "monitor": only lines holding the word are searched for one (and no
    # document without the word is scanned at all).
    low = lowered_exact(text)
    if low is not None and "monitor" not in low:
        return
    if not _TABLE_LABEL.search(text):
        return  # a table starts only at a label line: one scan of the text spares one per line
    monitor_at = [m.start() for m in (_MONITOR.finditer(text) if low is None else _MONITOR_LOWER.finditer(low))]
    offset = 0
    in_table = False
    for line in text.split("\n"):
        line_start = offset
        offset += len(line) + 1
        i = bisect_left(monitor_at, line_start)
        label = _TABLE_LABEL.search(line) if i < len(monitor_at) and monitor_at[i] < offset else None
        if label and label.start() < 5:
            in_table = True
            cells = [c for c in _cells(line) if c[0] >= label.end()]
        elif not in_table:
            continue
        else:
            cells = _cells(line)
            if not line.startswith("\t") or not cells:
                in_table = False
                continue
        if not cells:
            continue
        name_start, name = cells[0]
        name = name.strip()
        if len(name) < 4 or _YEAR.fullmatch(name) or not name[0].isupper() or re.match(r"Institution\b", name):
            continue
        rest = line[name_start + len(cells[0][1]):]
        kind = next((k for pattern, k in _KIND_BY_TYPE if pattern.search(rest)), _kind_for(name))
        year = _YEAR.search(rest)
        trimmed_start = name_start + (len(cells[0][1]) - len(cells[0][1].lstrip()))
        yield make_fact(document, FactType.INSTITUTION, line_start + trimmed_start, line_start + trimmed_start + len(name),
                        {"name": name, "kind": kind, "date": year.group(1) if year else None},
                        extractor=extractor, rule="table.row", confidence=0.9)


# What each role pattern cannot match without, checked first: both try every capitalised word.
_GLOSS_OPENINGS = ("(Ombuds", "(NHRI)", "(NPM)", "(National", "(national")  # "(" and the role, as written
_CLAUSE_VERB = re.compile(r"(?:serve|act|function|operate|designated)s?\s+as\s", re.IGNORECASE)
_CLAUSE_VERB_LOWER = re.compile(_CLAUSE_VERB.pattern)  # for the lower-cased text: a fast first-letter skip


def _may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False when ``pattern`` (one of the two role patterns) cannot match in ``text``."""
    if pattern is _ROLE_GLOSS:
        return any(opening in text for opening in _GLOSS_OPENINGS)
    if pattern is _ROLE_APPOSITION:
        return ", " in text
    low = lowered_exact(text)
    return (_CLAUSE_VERB.search(text) if low is None else _CLAUSE_VERB_LOWER.search(low)) is not None


def _role_facts(document: Document, extractor: str, aliases: set[str]) -> Iterator[Fact]:
    """Bodies named by their own title and given a role: "X (Ombudsman)", "X, which serves as the NPM"."""
    text = document.text
    low = lowered(text) or text.lower()
    if not any(word in low for word in _ROLE_WORDS):
        return  # both patterns need a role word; most documents have none, and the scans are costly
    for pattern, rule in ((_ROLE_GLOSS, "prose.role_gloss"), (_ROLE_CLAUSE, "prose.role_clause"),
                          (_ROLE_APPOSITION, "prose.role_apposition")):
        if not _may_match(pattern, text):
            continue
        for m in pattern.finditer(text):
            name = _POSSESSOR.sub("", _title(_MONTH_PREFIX.sub("", m.group("name"))))
            if len(name.split()) < 2 or _UN_PREFIX.match(name):
                continue
            start = m.end("name") - len(name)
            if _ROLE_BEFORE.search(text, max(0, start - 30), start) or _ROLE_ONLY.fullmatch(name):
                continue  # "..., which acts as National Preventive Mechanism (NPM)": a role and its acronym, no body
            role = m.group("role").casefold()
            kind = next(k for cue, k in _ROLE_KIND if cue in role)
            if rule == "prose.role_gloss":
                aliases.add(" ".join(m.group("role").split()).casefold())
            start = m.end("name") - len(name)
            yield make_fact(document, FactType.INSTITUTION, start, m.end("name"),
                            {"name": name, "kind": _kind_for(name) if kind == "nhri" else kind, "date": None},
                            extractor=extractor, rule=rule, confidence=0.7)


def _ngo_facts(document: Document, extractor: str) -> Iterator[Fact]:
    text = document.text
    for m in _NGO.finditer(text):
        name = _title(m.group("name"))
        if len(name.split()) < 2 or _NOT_NGO.search(name) or _NHRI.fullmatch(name):
            continue
        start = m.end("name") - len(name)
        yield make_fact(document, FactType.INSTITUTION, start, m.end("name"), {"name": name, "kind": "ngo", "date": None},
                        extractor=extractor, rule="prose.ngo_name", confidence=0.5)


def _prose_facts(document: Document, extractor: str, aliases: set[str] | None = None) -> Iterator[Fact]:
    text = document.text
    tables = _table_lines(text)
    aliases = aliases or set()
    last_end = -10
    for m in _NHRI.finditer(text):
        if any(a <= m.start() < b for a, b in tables):
            continue
        if re.fullmatch(r"\s*\(\s*", text[last_end:m.start()]):
            continue  # "The Spanish Ombudsman (Defensor del Pueblo)": the same body in another language
        last_end = m.end()
        if _ROLE_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "the Ombudsman, acting as the National Preventive Mechanism": a role of a body named before
        name = m.group("name").strip()
        name = re.sub(r"^(?:The|A|An|In|On|As|By|While|When|Since|Under|According|However)\s+", "", name)
        name = _POSSESSOR.sub("", name)  # "Indonesia's National Commission ...": the owner is not the name
        # "... Türkiye. The Ombudswoman": a capitalised word may end the previous sentence
        # (or an acronym: "... dissolve SEF. The Ombudsman")
        name = re.sub(r"^(?:The|A|An)\s+", "", re.split(r"(?:(?<=[a-z]{2})|(?<=[A-Z]{3}))\.\s+", name)[-1])
        name = _MONTH_PREFIX.sub("", name)  # "In June the Ombudsman ...": a date opening the sentence
        if _UN_PREFIX.match(name) or _UN_INSIDE.search(name) or name.casefold() == "human rights council":
            continue  # the (UN) Human Rights Council sits in Geneva; it is no body of the country
        if name.casefold() in aliases:
            continue  # "(Ombudsman)" glossed a body already named by its own title
        start = m.end("name") - len(name)
        yield make_fact(document, FactType.INSTITUTION, start, m.end("name"),
                        {"name": name, "kind": _kind_for(name), "date": None},
                        extractor=extractor, rule="prose.nhri", confidence=0.7)
    for m in _UN_AGENCIES.finditer(text):
        if _CITED_FOR_DATA.match(text, m.end()) or _CITED_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue
        canonical = next(c for pattern, c in _UN_CANONICAL if pattern.search(m.group("name")))
        # As the report names it: by its acronym where the report uses one, else in full
        # ("the Office of the UN High Commissioner for Refugees" in a report that never says UNHCR).
        written = " ".join(m.group("name").split())
        if canonical == written or re.search(rf"\b{canonical}\b", text):
            name = canonical
            if canonical == "IOM" and written != "IOM" and text.startswith(" (IOM)", m.end()):
                name = f"{written} (IOM)"  # as written, with its acronym
        else:
            name = written
        yield make_fact(document, FactType.INSTITUTION, m.start(), m.end(),
                        {"name": name, "kind": "un_body", "date": None},
                        extractor=extractor, rule="prose.un_agency", confidence=0.6)
    for m in _NGO_MONITORS.finditer(text) if "monitor" in text else ():  # every match says "monitor"
        yield make_fact(document, FactType.INSTITUTION, m.start("name"), m.end("name"),
                        {"name": m.group("name"), "kind": "ngo", "date": None},
                        extractor=extractor, rule="prose.monitoring_ngo", confidence=0.55)


# "Alarme Phone Sahara, a network of activists that monitors the border", "Voice of the Detained, an NGO
# which monitors detention centres": an organisation glossed as a monitoring group in an apposition.
_MONITOR_APPOSITION = re.compile(
    r"(?P<name>[A-Z][\w’'-]*(?:[ ]+(?:(?:of|for|the|and|de|du|des|la)[ ]+)*[A-Z][\w’'-]*){1,5}),[ ]+(?:a|an)[ ]+(?:[\w-]+[ ]+){0,3}?"
    r"(?:network|NGO|non-governmental\s+organi[sz]ation|organi[sz]ation|group|association|coalition|charity|collective)"
    r"\b[^.;\n]{0,60}?\b(?:that|which|who)\s+(?:\w+\s+)?monitor(?:s|ed)?\b[^.;\n]{0,40}?\b(?:detention|detainees|border|borders"
    r"|deportations?|expulsions?|removals?|pushbacks|prisons|camps|migrants|refugees|asylum|human\s+rights)\b")
_APPOSITION_ANCHOR = re.compile(r"(?:that|which|who)\s+(?:\w+\s+)?monitor")


def _anchored_appositions(text: str) -> Iterator[re.Match[str]]:
    """_MONITOR_APPOSITION matches, tried only before the rare "that monitors" (the name pattern alone is costly)."""
    last = 0
    for a in _APPOSITION_ANCHOR.finditer(text):
        lo = max(last, a.start() - 220)
        for m in _MONITOR_APPOSITION.finditer(text, lo, a.end() + 120):
            if m.end() >= a.end() - 1:
                last = m.end()
                yield m
                break


def _named_ngo_facts(document: Document, extractor: str) -> Iterator[Fact]:
    """NGOs named "X for Human Rights (ABBR)" and bodies named for monitoring."""
    text = document.text
    if " for " in text:
        for m in _NGO_FOR.finditer(text):
            name = _title(m.group("name"))
            if _NOT_NGO.search(name) and not name.startswith("National Society") or _NOT_MONITOR.search(name):
                continue
            start = m.end("name") - len(name)
            yield make_fact(document, FactType.INSTITUTION, start, m.end("name"), {"name": name, "kind": "ngo", "date": None},
                            extractor=extractor, rule="prose.ngo_for", confidence=0.55)
    if "monitor" in text:
        for m in _anchored_appositions(text):
            name = m.group("name")
            if _NOT_MONITOR.search(name) or _UN_PREFIX.match(name) or name.split()[0] in ("The", "A", "An", "In", "On"):
                continue
            yield make_fact(document, FactType.INSTITUTION, m.start("name"), m.end("name"), {"name": name, "kind": "ngo", "date": None},
                            extractor=extractor, rule="prose.monitoring_apposition", confidence=0.55)
    if "Monitoring" in text:
        for m in _MONITORING_BODY.finditer(text):
            name = _title(m.group("name"))
            if len(name.split()) < 2 or _NOT_MONITOR.search(name) or text.startswith("s", m.end()):
                continue
            start = m.end("name") - len(name)
            yield make_fact(document, FactType.INSTITUTION, start, m.end("name"), {"name": name, "kind": "other", "date": None},
                            extractor=extractor, rule="prose.monitoring_body", confidence=0.6)


def _sentence_span(text: str, pos: int) -> tuple[int, int]:
    dot = text.rfind(". ", max(0, pos - 400), pos)
    start = max(dot + 2 if dot != -1 else 0, text.rfind("\n", max(0, pos - 400), pos) + 1, max(0, pos - 400))
    end_dot = text.find(". ", pos)
    end_nl = text.find("\n", pos)
    ends = [e for e in (end_dot, end_nl) if e != -1]
    return start, min(ends) if ends else len(text)


def _visiting_facts(document: Document, extractor: str) -> Iterator[Fact]:
    """Organisations that open a sentence saying they visit or monitor detainees."""
    text = document.text
    low = lowered(text) or text.lower()
    if not any(cue in low for cue in _MONITOR_CUES):
        return
    done: set[int] = set()
    for m in _MONITOR_PREDICATE.finditer(text):
        s_start, _ = _sentence_span(text, m.start())
        if s_start in done:
            continue
        done.add(s_start)
        while s_start < m.start() and text[s_start] in " \t*■•-–":
            s_start += 1
        head = text[s_start:m.start()]
        subjects = []
        pos = 0
        while True:
            sm = _SUBJECT.match(head, pos)
            if not sm:
                break
            subjects.append(sm)
            joiner = re.match(r"\s*(?:,\s*|\s+and\s+)(?:its\s+partners?\s+)?", head[sm.end():])
            if not joiner:
                break
            pos = sm.end() + joiner.end()
        for sm in subjects:
            name = sm.group("name")
            if not _ORG_HEAD.search(name) or _NOT_MONITOR.search(name) or _UN_PREFIX.match(name):
                continue
            if sm.group("abbr"):
                name_end = sm.end("abbr") + 1
            else:
                name_end = sm.end("name")
            start = s_start + sm.start("name")
            full = text[start:s_start + name_end]
            kind = "other" if re.search(r"\b(?:Mechanism|Commission|Board|Council|Committee)\b", name) else "ngo"
            yield make_fact(document, FactType.INSTITUTION, start, s_start + name_end, {"name": full, "kind": kind, "date": None},
                            extractor=extractor, rule="prose.visiting_body", confidence=0.55)


# Non-governmental groups that report on detention and expulsion, named as the source of a
# finding: "The NGO Fortify Rights reported", "according to the Legal Intervention
# Association", "an August 21 HRW report found". A name counts when it reads as an
# organisation (it ends in a word such as Association, Centre, Watch or Rights, or the
# report calls it an NGO) and holds no word of the state's own apparatus.
_NGO_HEAD = (r"(?:Association|Associazione|Center|Centre|Foundation|Fund|Committee|Council|Network|Institute|Watch"
             r"|International|Coalition|Initiative|Alliance|Society|Clinic|Project|Forum|Rights|Service|Organi[sz]ation"
             r"|Group|Federation|League|Helsinki\s+Committee|Refugee\s+Council|Without\s+Borders|Sans\s+Fronti[eè]res)")
_ORG_NAME = (r"(?P<name>(?:[A-Z][\w’'.-]*[ ]+(?:(?:of|for|and|on|the|de|du|des|del|la|le)[ ]+)*){0,5}" + _NGO_HEAD + r")")
_KNOWN_NGOS = r"(?P<known>Human\s+Rights\s+Watch|HRW|Amnesty\s+International|Amnesty|M[ée]decins\s+Sans\s+Fronti[èe]res|MSF)"
_REPORTING = (r"(?:\s+\([A-Z][A-Za-z]{1,8}\))?(?:,[^,;.\n]{3,90},)?\s+(?:also\s+|had\s+|has\s+)?"
              r"(?:reported|documented|stated|said|found|noted|estimated|recorded|observed|monitored|visited|alleged"
              r"|expressed|called|urged|warned|criticized|criticised|interviewed)\b")
_REPORTING_NGO = re.compile(
    r"(?:\b(?:the\s+)?(?:NGO|nongovernmental\s+organi[sz]ation|non-governmental\s+organi[sz]ation|rights\s+group"
    r"|human\s+rights\s+organi[sz]ation)\s+(?P<cued>" + _CAP + r"(?:[ ]+(?:(?:of|for|and|the)[ ]+)*" + _CAP + r"){0,5})(?=" + _REPORTING + r")"
    r"|\b(?:[Aa]ccording\s+to|[Rr]eports?\s+by|[Ss]tatements?\s+by|[Dd]ata\s+from)\s+(?:a\s+report\s+by\s+|the\s+)?(?:" + _KNOWN_NGOS.replace("known", "known2") + "|"
    + _ORG_NAME.replace("name", "name2") + r")"
    r"|\b" + _KNOWN_NGOS + r"(?:’s|'s)?(?=" + _REPORTING + r"|\s+(?:\w+\s+)?report\b)"
    r"|\b" + _ORG_NAME + r"(?:’s|'s)?(?=" + _REPORTING + r"|\s+(?:\w+\s+)?report\s+(?:found|stated|said|noted|documented)))")
_STATE_WORDS = re.compile(r"\b(?:Ministry|Minister|Government|Court|Police|Guard|Army|Forces|Parliament|Department|Agency"
                          r"|Directorate|Authority|Office\s+of\s+the\s+President|Border|Immigration|Interior|State"
                          r"|Supreme|Constitutional|European|UN|United\s+Nations|Relief\s+Center)\b")


_LEADING_NOT_NAME = re.compile(
    r"^(?:(?:The|A|An|In|On|By|While|When|Since|According|January|February|March|April|May|June|July|August"
    r"|September|October|November|December|Its|Their|Recent|New|Latest)\s+)*(?:NGO\s+)?")


def _reporting_ngo_facts(document: Document, extractor: str) -> Iterator[Fact]:
    text = document.text
    for m in _REPORTING_NGO.finditer(text):
        group = next(g for g in ("cued", "known2", "name2", "known", "name") if m.group(g))
        name = _LEADING_NOT_NAME.sub("", m.group(group))
        name = name.rstrip(" ’'")
        if _STATE_WORDS.search(name) or len(name) < 3:
            continue
        start = m.start(group) + m.group(group).find(name)
        yield make_fact(document, FactType.INSTITUTION, start, start + len(name),
                        {"name": name, "kind": "ngo", "date": None},
                        extractor=extractor, rule="prose.reporting_ngo", confidence=0.5)


@register(NAME, version=VERSION, produces=[FactType.INSTITUTION])
def extract_institutions(document: Document) -> Iterable[Fact]:
    """One fact per institution per document; table rows win over prose mentions."""
    extractor = f"{NAME}@{VERSION}"
    seen: list[frozenset[str]] = []
    aliases: set[str] = set()
    role_facts = list(_role_facts(document, extractor, aliases))
    for fact in (*_table_facts(document, extractor), *role_facts, *_prose_facts(document, extractor, aliases),
                 *_ngo_facts(document, extractor), *_named_ngo_facts(document, extractor),
                 *_visiting_facts(document, extractor), *_reporting_ngo_facts(document, extractor)):
        words = title_words(fact.fields["name"])
        if not words or any(words <= s or s <= words for s in seen):
            continue
        seen.append(words)
        yield fact
