"""Named places where people are held for migration reasons.

A facility is worth a record only when the source names it ("Villawood
Immigration Detention Centre", "Brook House IRC", "the Ain Zara detention
centre") or places it ("a detention facility in <village>"); plain "detention
centres" or "a pretrial detention facility" say nothing an analyst could map.
Profiles also list facilities in a Name / Place / Type table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import pycountry

from habeas.domain import Document, Fact, FactType
from habeas.extract.registry import register
from habeas.extract.spans import make_fact
from habeas.text.patterns import lowered, word_start

NAME = "facilities"
VERSION = 6

# Capitals beyond ASCII open place names too ("Åstorp", "Ježevo", "Čačak").
_UP = "A-ZÀ-ÖØ-ÞČĆĐŁŃŚŠŹŽŻ"
_NAME_TOKEN = r"(?:[" + _UP + r"][\w’'-]*|al-[A-Z][\w’'-]*|el-[A-Z][\w’'-]*|d['’][A-Z][\w’'-]*|\([A-Z]{2,8}\))"
_DESCRIPTOR = (r"(?:[Ii]mmigration|[Mm]igration|[Mm]igrant|[Dd]etention|[Rr]emoval|[Pp]re-[Rr]emoval|[Hh]olding|[Ss]hort-[Tt]erm"
               r"|[Tt]emporary|[Tt]ransit|[Rr]eception|[Dd]eportation|[Pp]rocessing|[Cc]losed|[Rr]eturn|[Rr]epatriation"
               r"|[Mm]en[’']s|[Ww]omen[’']s|[Ii]nitial|[Ff]irst|[Aa]ccommodation|[Gg]uarded|[Oo]rientation|[Oo]pen|[Rr]esidence)")
# "House" ("Immigration Detention House") is a head only after a descriptor; see _NAMED's use.
_HEAD = (r"(?:[Cc]entre|[Cc]enter|[Ff]acility|IRC|[Dd]epot|[Ss]tation|[Cc]amp|Accommodation|[Pp]rison|[Jj]ail|(?<=[Dd]etention\s)[Hh]ouse"
         r"|(?:[Pp]olice\s+[Ss]tation\s+)?(?:[Hh]olding|[Dd]etention)\s+[Cc]ells)")
_NAMED = re.compile(
    r"(?<![\w’'-])(?P<name>(?P<proper>" + _NAME_TOKEN + r"(?:[ -]" + _NAME_TOKEN + r"){0,4})"
    r"(?P<desc>(?:\s+(?:and\s+)?[\"“]?" + _DESCRIPTOR + r"){0,3})\s+(?P<head>" + _HEAD + r"))[\"”]?(?![\w’'-])"
)
# Words that make a "... Centre" a body that studies, informs or helps, not a place of holding.
_RESEARCH_BODY = re.compile(r"\b(?:Monitoring|Migration|Research|Documentation|Legal|Aid|Relief|Information|Rights|Studies"
                            r"|Policy|Resource|Media|Health|Medical|Cultural|Community|Training|Humanitarian|Development"
                            r"|Advocacy|Justice|Support|Counselling|Counseling)\b")
_PAIR = re.compile(
    r"(?<![\w’'-])(?P<a>" + _NAME_TOKEN + r"(?:[ -]" + _NAME_TOKEN + r"){0,3})\s+and\s+(?P<b>" + _NAME_TOKEN
    + r"(?:[ -]" + _NAME_TOKEN + r"){0,3})(?P<desc>(?:\s+" + _DESCRIPTOR + r"){0,3})\s+(?P<head>centres|centers|facilities|camps)\b"
)
_PLACED = re.compile(
    r"(?i:\b(?P<name>(?:(?:immigration|migrant|migration|pre-removal|removal|deportation|administrative)\s+)?"
    r"(?:detention|holding|removal|deportation)\s+(?:centre|center|facility|camp)"
    r"|(?:Special\s+)?(?:Institution|Centres?|Centers?|Facility|Shelter|Homes?)\s+for\s+(?:the\s+)?(?:Temporary\s+)?(?:Detention\s+of\s+)?"
    r"(?:Foreigners|Foreign\s+Nationals|Aliens|Migrants|Illegal\s+Migrants|Irregular\s+Migrants))"
    # "a centre for migrants awaiting return in X", "the detention centre (centro de detención) in X"
    r"(?:\s+(?:awaiting|pending|facing)\s+(?:return|removal|deportation|expulsion|repatriation))?(?:\s*\([^()\n]{2,40}\))?"
    r"\s+(?:in|at|near|outside)\s+(?:the\s+)?)(?P<place>[A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+){0,2})"
    r"(?P<kind>\s+(?:village|city|town|region|province|district|oblast|county|governorate))?"
)
# "Spain operates seven CIEs ...: Aluche in Madrid, Zona Franca in Barcelona, ... and El Matorral in Fuerteventura."
_LIST_INTRO = re.compile(
    word_start(["centres", "centers", "facilities", "CIEs", "IRCs", "IDCs", "depots", "camps"]) + r"\b[^.:\n]{0,80}:\s*(?P<items>[^.\n]{5,600})")
_LIST_ITEM = re.compile(
    r"^\s*(?:and\s+)?(?:the\s+)?(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})"
    r"(?:\s+(?:in|near|at|on)\s+(?P<place>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}))?\s*(?:\([^)]*\))?\s*$")
_PLACE_AFTER = re.compile(
    r"\s*,?\s+(?:in|near|at|on|outside)\s+(?:the\s+)?(?P<place>[A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+){0,2})")
_GENERIC = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "each", "every", "all", "several", "many", "some", "two", "three",
    "new", "other", "such", "its", "their", "national", "federal", "state", "government", "immigration", "migration",
    "detention", "removal", "special", "temporary", "closed", "open", "in", "at", "on", "of", "one", "police", "main",
    "central", "regional", "local", "city", "district", "provincial", "municipal", "military", "prison", "women", "men",
    "children", "family", "families", "under", "after", "before", "since", "during", "while", "when", "where", "although",
    "however", "both", "most", "any", "no", "our", "his", "her", "private", "public", "official", "unofficial", "secret",
    "according", "between", "from", "with", "by", "for", "as", "to", "and", "or", "pre-removal", "reception", "transit",
    "initial", "first", "second", "guarded", "accommodation", "administrative",
})
# A region, not a place of detention: "..., Ibaraki Prefecture, and ..." in a list of centres.
_ADMIN_AREA = re.compile(
    r"\b(?:Prefecture|Province|Region|State|County|Governorate|District|Oblast|Department|Municipality|Territory)$")
_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                     "november", "december"})
# A place written in the next table cell: "Lindela Repatriation Centre<gap>Krugersdorp, Gauteng".
_CELL_PLACE_AFTER = re.compile(r"(?:\t| {2,})[ \t]*(?P<place>[A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+){0,2})(?=,|\t| {2,}|[ \t]*$)",
                               re.MULTILINE)
# The body that runs a place, left alone after generic words are stripped: "Institute (INM)".
_ORG_WORD = re.compile(r"(?:Institute|Service|Ministry|Directorate|Agency|Office|Department|Commission|Authority)\b")
_BODY_AFTER = re.compile(r"\s+(?:Service|Services|Authority|Directorate|Department|Administration|Board|Inspectorate)\b")
# An organisation, not a place: "the Beirut Centre for Migrant Rights".
_ORGANISATION_AFTER = re.compile(r"\s+for\s+(?:the\s+)?[A-Z]")
# Tried at every capital only (the lookahead, as for _HELD_IN below). Each word is taken whole
# ("++"): what follows a word here is always white space, so giving letters back could never
# help a match, and the engine is spared trying that letter by letter (same matches, faster).
_AIRPORT = re.compile(r"(?=[A-Z])\b(?P<airport>(?P<where>[A-Z][\w’'-]++(?:\s+(?:(?:de|du|des|la|le|van|von|der|da|di|del)\s+)?"
                      r"[A-Z][\w’'-]++){0,2}?)(?:\s+International)?\s+[Aa]irport)\b")
_AIRPORT_ZONE = re.compile(
    r"\b(?P<zone>(?:(?:restricted|transit|international|waiting|connection|holding|detention|departure|arrivals?)\s+){1,2}"
    r"(?:zone|area|room|lounge|facility)s?)\b", re.IGNORECASE)
_ZONE_TO_AIRPORT = re.compile(r"\s+(?:at|of|in)\s+(?:the\s+)?")
_HELD = re.compile(r"\b(?:held|detained|confined|kept|stranded|holding|detention)\b", re.IGNORECASE)
_DETENTION_WORD = re.compile(r"[Dd]etention|[Rr]emoval|[Dd]eportation|[Hh]olding")
_TABLE_HEADER = re.compile(r"^\s*Name\t+Place\b", re.IGNORECASE)
# A text rendering of a profile's facilities table: "Name ...... Place, Region ...... administrative".
_LEADER_ROW = re.compile(
    r"^[ \t]*(?P<name>[A-Z][^\t\n]*?\S)(?:\t+| {2,}| ?\.{3,} ?)(?P<place>[A-Za-z][^\t\n,]*?)(?:,[^\t\n]*?)?"
    r"(?:\t+| {2,}| ?\.{3,} ?)(?:administrative|ad[\s-]hoc|criminal|unknown)[ \t]*$", re.MULTILINE | re.IGNORECASE)

_PROPER = r"[" + _UP + r"][\w’'-]+(?:[ -](?:[" + _UP + r"][\w’'-]+|d['’][A-Z][\w’'-]+)){0,2}"
# "Centri di Permanenza per il Rimpatrio (CPR)": an acronym the document defines for a kind of facility.
_FACILITY_ACRONYM = re.compile(
    r"\b(?:[Cc]ent(?:re|er|ri|ro|ros|res|ers)|[Ff]acilit(?:y|ies)|[Dd]etention|[Cc]amps?|[Hh]ouses?|[Zz]ones?)\b"
    r"[^()\n.;]{0,60}\((?P<acr>[A-Z]{2,6}|[A-Z][a-z]?[A-Z][a-z]?(?:[A-Z][a-z]?){1,4})\)"
    # or inside the brackets, after a gloss in the source language: "(*Centros de Instalação Temporária*, CIT)"
    r"|\([^()\n]{0,80}?\b(?:[Cc]ent(?:re|er|ri|ro|ros|res|ers)|[Ff]acilit(?:y|ies)|[Dd]etention|[Cc]amps?)\b[^()\n]{0,80}?,\s*"
    r"(?P<acr2>[A-Z]{2,6}|[A-Z][a-z]?[A-Z][a-z]?(?:[A-Z][a-z]?){1,4})\)")
_ACR_AT_AIRPORTS = (r"\s+(?:(?:also\s+)?(?:operates?|exists?|functions?|is|are|(?:is|are)\s+located|(?:is|are)\s+found)\s+)?"
                    r"(?P<items>(?:(?:at|in)\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?\s+(?:[Ii]nternational\s+)?[Aa]irport"
                    r"(?:\s*\([^()\n]{1,40}\))?(?:\s*,\s*(?:and\s+)?|\s+and\s+)?){1,6})")
_AIRPORT_ITEM = re.compile(r"(?:at|in)\s+(?:the\s+)?(?P<town>[A-Z][\w’'-]+(?:\s+(?!International\b)[A-Z][\w’'-]+)?)\s+(?:[Ii]nternational\s+)?[Aa]irport")
_NAME_PARTICLE = r"(?:de|da|do|dos|das|di|del|della|du|des|la|le|of|van|von|der)"
_KIND_IS_NAME = (r"\s+(?:is|was|remains)\s+(?:the\s+)?(?P<name>[A-Z][\w’'-]+(?:\s+(?:" + _NAME_PARTICLE + r"\s+)?[A-Z][\w’'-]+){1,5}"
                 r"(?:\s+\([A-Z]{2,8}\))?)\s*,?\s+(?:in|at|near)\s+(?P<place>" + _PROPER + r")")
# "<N> guarded centres, in A, B, C and D": one facility per listed town.
_CENTRES_IN = re.compile(
    r"\b(?P<desc>(?:guarded|closed|detention|pre-removal|removal|deportation|holding|immigration\s+detention)\s+)"
    r"(?P<head>centres|centers|facilities|camps)\s*,?\s+(?:located\s+|situated\s+)?in\s+"
    r"(?P<items>" + _PROPER + r"(?:\s*,\s*" + _PROPER + r")*,?\s+and\s+" + _PROPER + r")")
# "held overnight in a sports hall in Nador": a makeshift place of detention. Scanned over whole
# documents, the pattern opens on a lookahead for its first letters: the engine rejects other
# positions with that one class test instead of trying the pattern there (same matches).
_HELD_IN = re.compile(
    r"(?=[cdhkl])\b(?:held|detained|confined|kept|locked\s+up|housed)\s+(?:\w+\s+){0,2}?(?:in|at)\s+(?:a|an)\s+"
    r"(?P<name>(?:[a-z-]+\s+){0,2}(?:hall|gym(?:nasium)?|stadium|warehouse|school|hotel|tents?|containers?|barracks|hangar"
    r"|building|facility|centre|center|camp|site|basement|garage|port\s+area))\s+(?:in|at|near)\s+(?P<place>" + _PROPER + r")")
# "a facility in Chaman", "a temporary centre opened in Wędrzyn": placed but unnamed, read only beside detention words.
_UNNAMED_PLACED = re.compile(
    r"\b(?:[Aa]n?|[Aa]nother|[Oo]ne)\s+(?P<name>(?:(?:temporary|new|makeshift|improvised|second|third|further)\s+)?"
    r"(?:(?:pre-removal|detention|holding|removal)\s+)?(?:facility|centre|center|camp|site)"
    r"(?:\s+(?:was\s+)?(?:opened|set\s+up|established|built))?)\s+(?:in|at|near)\s+(?P<the>the\s+)?(?P<place>" + _PROPER + r")"
    r"(?P<tail>(?:\s+(?:military|training|army|police|border)){0,3}\s+(?:ground|base|area|zone|post)"
    r"|\s+(?:sub-jail|jail|prison|police\s+station|barracks|stadium|school))?")
# "he was held at Ukhiya police station", "detained in the Karsk city jail": a place named by its town, read
# only after a verb of holding (a bare "<Town> prison" is too often a sentence or a body).
_HELD_AT_TOWN = re.compile(
    r"\b(?:held|detained|kept|confined|locked\s+up|placed|jailed|imprisoned)\s+(?:\w+\s+){0,2}?(?:at|in)\s+(?:the\s+)?"
    r"(?P<name>(?P<place>" + _PROPER + r")\s+(?:(?:city|town|district|central|regional)\s+)?"
    r"(?:police\s+(?:station|cells|headquarters)|prison|jail|gaol|barracks))"
    r"(?P<cells>\s+(?:holding|detention)\s+cells)?\b")
_HELD_AT_TOWN_ANCHOR = re.compile(r"(?:police\s+(?:station|cells|headquarters)|prison|jail|gaol|barracks)\b")
_DETENTION_CUE = re.compile(r"\b(?:held|detained|detain|detention|holding|deport\w*|removal|confined|guarded|closed)\b",
                            re.IGNORECASE)
# "the special reception centre of the Tashkent city Department of Internal Affairs"
_CENTRE_OF = re.compile(
    r"(?i:\b(?:special\s+)?(?:reception|detention|holding|removal|deportation|temporary\s+accommodation)\s+"
    r"(?:centre|center|facility|unit))\s+of\s+the\s+(?P<place>" + _PROPER + r")"
    r"\s+(?:city|regional|provincial|district|oblast|municipal)\s+(?:[A-Z][\w-]+(?:\s+(?:of|for)\s+|\s+)){1,4}")

# "the closed centre of Merksplas", "the pre-trial detention facility (SIZO) No. 5 in Jalal-Abad", "the reception
# centre (centre d'accueil) in Tamanrasset", "the deportation centre on Salwa Road in Doha": a kind of place, an
# optional gloss, number or street, then its town. Kinds not made for holding people (reception, asylum, transit)
# count only beside detention words.
_KIND_PLACED = re.compile(
    r"(?i:\b(?P<name>(?:(?:pre-trial|pre-removal|immigration|migrant|administrative|special|temporary|closed|guarded)\s+)?"
    r"(?P<kind>detention|holding|removal|deportation|repatriation|closed|guarded|reception|asylum|transit|remand)\s+"
    r"(?:centre|center|facility|camp|home|prison|unit)"
    r"(?:\s+for\s+(?:illegal\s+|irregular\s+|undocumented\s+)?(?:aliens|foreigners|migrants|foreign\s+nationals))?)"
    r"(?P<gloss>\s*\([^()\n]{2,40}\))?(?P<no>\s+No\.?\s*\d{1,3})?"
    r"(?P<street>\s+on\s+[" + _UP + r"][\w’'-]+(?:\s+[" + _UP + r"][\w’'-]+)?\s+(?:Road|Street|Avenue|Highway|Boulevard))?"
    r"\s+(?P<prep>in|at|near|outside|of|on)\s+)(?P<place>" + _PROPER + r")")
_KIND_PLACED_ANCHOR = re.compile(r"(?:centre|center|facility|camp|home|prison|unit)(?:\s+for\s|\s*\(|\s+no\b|\s+on\s|\s+of\s|\s+in\s|\s+at\s)")
_HOLDING_KINDS = frozenset({"detention", "holding", "removal", "deportation", "repatriation", "closed", "guarded", "remand"})
# "held in police cells, and at the Agadez civil prison", "held at X Remand Prison, at Kileleshwa police station":
# a town's prison or police station in a sentence about holding people, after "at"/"in".
_AT_TOWN = re.compile(
    r"\b(?:at|in)\s+(?:the\s+)?(?P<name>(?P<place>" + _PROPER + r")\s+(?:(?:city|town|district|central|regional|civil|remand"
    r"|county|state|provincial)\s+)?(?:police\s+station|prison|jail|gaol))\b")
_HOLD_VERB = re.compile(r"\b(?:held|detained|kept|confined|locked\s+up|jailed|imprisoned)\b", re.IGNORECASE)


# --- speed: costly patterns run only in windows around a rare head word -----------------------------
# Each anchor is a lower-case pattern scanned over the lower-cased text (cheap); the costly pattern is
# then tried only in a window around each hit. A window reaches far enough back for the longest name.
# (word_start writes "(?<![\w-])(?:centre|...)" so that the engine can skip to the words' first letters.)
_NAMED_ANCHOR = re.compile(word_start(["centre", "center", "facility", "irc", "depot", "station", "camp", "accommodation",
                                       "prison", "jail", "house", "cells"], not_after=r"[\w-]") + r"(?![\w’'-])")
_PAIR_ANCHOR = re.compile(word_start(["centres", "centers", "facilities", "camps"], not_after=r"[\w-]") + r"\b")
_PLACED_ANCHOR = re.compile(
    r"(?:centre|center|facility|camp|foreigners|nationals|aliens|migrants)\s+(?:in|at|near|outside)\s")
# the rarer forms, found by str.find (far cheaper than a regex opening on an alternation):
# "centre (<gloss>) in", "awaiting return in"
_PLACED_RARE_KEYS = ("centre (", "center (", "facility (", "camp (", "awaiting re", "awaiting de", "awaiting ex",
                     "pending re", "pending de", "pending ex", "facing re", "facing de", "facing ex")
_LEADER_ANCHOR = re.compile(r"(?:administrative|ad[\s-]hoc|criminal|unknown)[ \t]*$", re.MULTILINE)
_ACRONYM_ANCHOR = re.compile(r"(?:\(|,\s)(?:[A-Z]{2,6}|[A-Z][a-z]?[A-Z][a-z]?(?:[A-Z][a-z]?){1,4})\)")
_UNNAMED_ANCHOR = re.compile(r"(?:facility|centre|center|camp|site)\s")
_CENTRE_OF_ANCHOR = re.compile(r"(?:centre|center|facility|unit)\s+of\s+the\s")
_CENTRES_IN_ANCHOR = re.compile(r"(?:centres|centers|facilities|camps)\s*,?\s+(?:located\s+|situated\s+)?in\s")
_INCLUDING_ANCHOR = re.compile(r"(?:centres|centers|facilities|camps)\s*,?\s+(?:including|notably|such\s+as|among\s+them)\s")


def _anchored(pattern: re.Pattern[str], text: str, anchor: re.Pattern[str], back: int, forward: int,
              case_sensitive_anchor: bool = False) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds around the anchor's hits: the first match covering each hit.

    Anchors are lower-case patterns scanned over the lower-cased text, unless
    ``case_sensitive_anchor`` (then over the text itself). Without a usable
    lower-cased copy the plain scan runs.
    """
    haystack = text if case_sensitive_anchor else lowered(text)
    if haystack is None:
        yield from pattern.finditer(text)
        return
    last_end = 0
    for a in anchor.finditer(haystack):
        if a.start() < last_end:
            continue
        lo = max(0, a.start() - back, last_end)
        for m in pattern.finditer(text, lo, min(len(text), a.end() + forward)):
            if m.start() <= a.start() < m.end():
                last_end = m.end()
                yield m
                break
            if m.start() > a.start():
                break


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    names = set()
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                names.add(value.casefold())
    return frozenset(names)


def _strip_generic(proper: str) -> str:
    words = proper.split()
    while words and (words[0].casefold().rstrip("’'s") in _GENERIC or words[0].casefold() in _GENERIC
                     or words[0].casefold() in _countries() or words[0].endswith(("’", "'"))):
        words.pop(0)
    return " ".join(words)


def _table_facts(document: Document, extractor: str) -> Iterator[Fact]:
    offset = 0
    in_table = False
    for line in document.text.split("\n"):
        line_start = offset
        offset += len(line) + 1
        if _TABLE_HEADER.search(line):
            in_table = True
            continue
        if not in_table:
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < 2 or not cells[0] or not cells[1] or cells[0].isupper():
            in_table = False
            continue
        name, place = cells[0], cells[1]
        start = line_start + line.index(name)
        end = line_start + line.index(place, line.index(name) + len(name)) + len(place)
        yield make_fact(document, FactType.FACILITY, start, end, {"name": name, "place": place},
                        extractor=extractor, rule="table.row", confidence=0.85)


def _leader_facts(document: Document, extractor: str) -> Iterator[Fact]:
    for m in _anchored(_LEADER_ROW, document.text, _LEADER_ANCHOR, 400, 2):
        name, place = m.group("name").strip(" ."), m.group("place").strip(" .")
        if not place or name.isupper():
            continue
        yield make_fact(document, FactType.FACILITY, m.start("name"), m.end("place"), {"name": name, "place": place},
                        extractor=extractor, rule="table.leader_row", confidence=0.85)


def _sentence(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(". ", 0, pos) + 2, text.rfind("\n", 0, pos) + 1)
    ends = [e for e in (text.find(". ", pos), text.find("\n", pos)) if e >= 0]
    return start, min(ends) if ends else len(text)


def _more_prose_facts(document: Document, extractor: str) -> Iterator[Fact]:
    """Facility families without a proper name of their own: acronyms, town lists, makeshift and unnamed places."""
    text = document.text
    acronyms = {m.group("acr") or m.group("acr2")
                for m in _anchored(_FACILITY_ACRONYM, text, _ACRONYM_ANCHOR, 200, 1, case_sensitive_anchor=True)}
    for acr in sorted(acronyms):
        for m in re.finditer(r"\b" + acr + r"\s+(?:of|in|at)\s+(?P<place>" + _PROPER + r")", text):
            after = re.match(r"\s*,?\s+in\s+(?P<place>" + _PROPER + r")", text[m.end():m.end() + 60])
            place = after.group("place") if after else m.group("place")
            yield make_fact(document, FactType.FACILITY, m.start(), m.end(),
                            {"name": " ".join(m.group(0).split()), "place": place},
                            extractor=extractor, rule="prose.acronym", confidence=0.6)
        # "the EECIT operate at Lisbon airport, at Porto airport and at Faro airport": one per airport
        for m in re.finditer(r"\b" + acr + _ACR_AT_AIRPORTS, text):
            for item in _AIRPORT_ITEM.finditer(m.group("items")):
                start = m.start("items") + item.start()
                yield make_fact(document, FactType.FACILITY, start, m.start("items") + item.end(),
                                {"name": f"{acr} at {item.group('town')} airport", "place": item.group("town")},
                                extractor=extractor, rule="prose.acronym_airports", confidence=0.6)
        # "the only purpose-built CIT is the Casa Nova (CN) in Braga": the kind, then a proper name
        for m in re.finditer(r"\b" + acr + _KIND_IS_NAME, text):
            name = " ".join(m.group("name").split())
            if _strip_generic(name) != name:
                continue
            yield make_fact(document, FactType.FACILITY, m.start("name"), m.end(),
                            {"name": name, "place": m.group("place")},
                            extractor=extractor, rule="prose.kind_is_name", confidence=0.6)
    for m in _anchored(_CENTRES_IN, text, _CENTRES_IN_ANCHOR, 80, 700):
        head = {"centres": "centre", "centers": "center", "facilities": "facility", "camps": "camp"}[m.group("head")]
        items = m.group("items")
        base = m.start("items")
        for item in re.finditer(_PROPER, items):
            if item.group(0) in ("and",):
                continue
            yield make_fact(document, FactType.FACILITY, base + item.start(), base + item.end(),
                            {"name": f"{m.group('desc').strip()} {head} in {item.group(0)}", "place": item.group(0)},
                            extractor=extractor, rule="prose.centres_in", confidence=0.6)
    for m in _HELD_IN.finditer(text):
        if m.group("place").casefold() in _countries():
            continue
        yield make_fact(document, FactType.FACILITY, m.start("name"), m.end("place"),
                        {"name": f"{m.group('name')} in {m.group('place')}", "place": m.group("place")},
                        extractor=extractor, rule="prose.held_in", confidence=0.55)
    for m in _anchored(_HELD_AT_TOWN, text, _HELD_AT_TOWN_ANCHOR, 120, 40):
        place = m.group("place")
        if _strip_generic(place) != place or place.casefold() in _countries() or place.split()[0].casefold() in _MONTHS:
            continue
        end = m.end("cells") if m.group("cells") else m.end("name")
        yield make_fact(document, FactType.FACILITY, m.start("name"), end,
                        {"name": " ".join(text[m.start("name"):end].split()), "place": place},
                        extractor=extractor, rule="prose.held_at_town", confidence=0.55)
    for m in _anchored(_UNNAMED_PLACED, text, _UNNAMED_ANCHOR, 70, 200):
        place = m.group("place")
        s_start, s_end = _sentence(text, m.start())
        if m.group("the") and not m.group("tail"):
            continue  # "at the Ministry": "the" is kept only before a kind of building ("the Hiranagar sub-jail")
        if place.casefold() in _countries() or place.split()[0].casefold() in _MONTHS \
                or not _DETENTION_CUE.search(text, max(s_start, m.start() - 200), min(s_end, m.end() + 100)):
            continue
        end = m.end("tail") if m.group("tail") else m.end("place")
        yield make_fact(document, FactType.FACILITY, m.start("name"), end,
                        {"name": " ".join(text[m.start("name"):end].split()), "place": place},
                        extractor=extractor, rule="prose.unnamed_placed", confidence=0.55)
    for m in _anchored(_CENTRE_OF, text, _CENTRE_OF_ANCHOR, 70, 300):
        yield make_fact(document, FactType.FACILITY, m.start(), m.end(),
                        {"name": " ".join(m.group(0).split()), "place": m.group("place")},
                        extractor=extractor, rule="prose.centre_of", confidence=0.6)
    for m in _anchored(_KIND_PLACED, text, _KIND_PLACED_ANCHOR, 70, 120):
        place = m.group("place")
        words = place.split()
        if m.group("prep").casefold() in ("of", "on") and (m.group("prep") != m.group("prep").casefold()
                                                          or _ORG_WORD.search(place)):
            continue
        if m.group("prep") == "on" and not m.group("street"):
            continue  # "on Samos" is a place; "on Monday" is not: only after a street
        if place.casefold() in _countries() or words[0].casefold() in _GENERIC or words[0].casefold() in _MONTHS \
                or _ADMIN_AREA.search(place) or _ORG_WORD.search(place):
            continue
        s_start, s_end = _sentence(text, m.start())
        if m.group("kind").casefold() not in _HOLDING_KINDS \
                and not _DETENTION_CUE.search(text, s_start, s_end):
            continue
        yield make_fact(document, FactType.FACILITY, m.start(), m.end(),
                        {"name": " ".join(m.group(0).split()), "place": place},
                        extractor=extractor, rule="prose.kind_placed", confidence=0.6)
    for m in _anchored(_AT_TOWN, text, _HELD_AT_TOWN_ANCHOR, 120, 40):
        place = m.group("place")
        if _strip_generic(place) != place or place.casefold() in _countries() or place.split()[0].casefold() in _MONTHS:
            continue
        s_start, _ = _sentence(text, m.start())
        if not _HOLD_VERB.search(text, s_start, m.start()):
            continue
        yield make_fact(document, FactType.FACILITY, m.start("name"), m.end("name"),
                        {"name": " ".join(m.group("name").split()), "place": place},
                        extractor=extractor, rule="prose.at_town", confidence=0.55)


def _place_after(text: str, end: int) -> str | None:
    m = _PLACE_AFTER.match(text, end) or _CELL_PLACE_AFTER.match(text, end)
    if m and m.group("place").casefold() not in _GENERIC and m.group("place").split()[0].casefold() not in _MONTHS:
        return m.group("place")
    return None


def _airport_facts(document: Document, extractor: str) -> Iterator[Fact]:
    """Airport zones where people are held: "the transit zone at <X> Airport", or both named in one sentence."""
    text = document.text
    low = lowered(text)
    if low is not None and "airport" not in low:
        return
    for m in _AIRPORT.finditer(text):
        where = _strip_generic(m.group("where"))
        if not where or where.casefold() in _countries():
            continue
        s_start = max(text.rfind(". ", 0, m.start()) + 2, text.rfind("\n", 0, m.start()) + 1)
        s_end_dot = text.find(". ", m.end())
        s_end_nl = text.find("\n", m.end())
        s_end = min(e for e in (s_end_dot + 1 if s_end_dot >= 0 else len(text), s_end_nl if s_end_nl >= 0 else len(text)))
        zone = _AIRPORT_ZONE.search(text, s_start, s_end)
        adjacent = zone is not None and zone.end() <= m.start() and _ZONE_TO_AIRPORT.fullmatch(text, zone.end(), m.start()) \
            and re.match(r"(?i)(?:transit|waiting|holding|detention)\s+zone$", zone.group("zone")) is not None
        if zone is None or not (adjacent or _HELD.search(text, s_start, s_end)):
            continue
        airport_start = m.start("where") + m.group("where").index(where)
        start, end = min(zone.start(), airport_start), max(zone.end(), m.end())
        if end - start > 250:
            continue
        if zone.group("zone").endswith("s") and not (zone.end() <= airport_start and _ZONE_TO_AIRPORT.fullmatch(text, zone.end(), airport_start)):
            continue  # "waiting zones ... the largest of which is at X airport": a kind of place, not one
        airport = " ".join(text[airport_start:m.end()].split())
        yield make_fact(document, FactType.FACILITY, start, end,
                        {"name": f"{' '.join(zone.group('zone').split())} at {airport}", "place": where},
                        extractor=extractor, rule="prose.airport", confidence=0.6)


def _list_facts(document: Document, extractor: str) -> Iterator[Fact]:
    text = document.text
    for m in _LIST_INTRO.finditer(text):
        found = list(_list_items(document, extractor, m))
        if len(found) >= 2:  # one capitalised phrase after a colon is a person or a body, not a list of places
            yield from found


def _list_items(document: Document, extractor: str, m: re.Match[str]) -> Iterator[Fact]:
    text = document.text
    if True:
        items = m.group("items")
        pos = m.start("items")
        for part in re.split(r",\s*(?![^()]*\))", items):
            item = _LIST_ITEM.match(part)
            offset = pos
            pos += len(part) + 1
            while pos < len(text) and text[pos] == " ":
                pos += 1
            if not item or _strip_generic(item.group("name")) != item.group("name") or _ADMIN_AREA.search(item.group("name")):
                continue
            start = offset + item.start("name")
            end = offset + (item.end("place") if item.group("place") else item.end("name"))
            yield make_fact(document, FactType.FACILITY, start, end,
                            {"name": item.group("name"), "place": item.group("place") or item.group("name")},
                            extractor=extractor, rule="prose.list", confidence=0.6)


def _prose_facts(document: Document, extractor: str) -> Iterator[Fact]:
    text = document.text
    for m in _anchored(_PAIR, text, _PAIR_ANCHOR, 260, 40):
        for key in ("a", "b"):
            proper = _strip_generic(m.group(key))
            if not proper:
                break
            head = m.group("head").removesuffix("s")
            name = f"{proper}{m.group('desc')} {head}".replace("facilitie", "facility")
            end = m.end(key) if key == "a" else m.end()
            yield make_fact(document, FactType.FACILITY, m.start(key), end, {"name": name, "place": proper},
                            extractor=extractor, rule="prose.pair", confidence=0.6)
    for m in _anchored(_NAMED, text, _NAMED_ANCHOR, 220, 90):
        proper = _strip_generic(m.group("proper"))
        if not proper or proper.casefold() in _countries():
            continue
        head = m.group("head")
        if head[0] in "Cc" and not _DETENTION_WORD.search(m.group("desc")) and _ORGANISATION_AFTER.match(text, m.end()):
            continue
        if _BODY_AFTER.match(text, m.end()):
            continue  # "the Irish Prison Service", "the Detention Centre Administration": a body, not a place
        if head[0] in "Cc" and not _DETENTION_WORD.search(m.group("name")) and _RESEARCH_BODY.search(m.group("proper")):
            continue  # "the Internal Displacement Monitoring Center", "the Mixed Migration Centre": bodies
        if re.search(r"[’']s$", m.group("proper")) and not m.group("desc"):
            continue  # "the ROC's center": whose centre, not its name
        if head.islower() and head in ("station", "prison", "jail") and not m.group("desc") \
                and not (_place_after(text, m.end()) and len(proper.split()) > 1):
            continue  # "Siglo XXI station" is named, but a bare "<Town> prison" or "<Town> station" rarely is
        if _ORG_WORD.match(proper):
            # "National Migration Institute (INM) station": the stripped words belong to the body's name
            proper = m.group("proper").removeprefix("the ").removeprefix("The ")
        start = m.start("proper") + m.group("proper").index(proper)
        name = text[start:m.end("name")]
        bare = re.sub(r"\s*\([A-Z]{2,8}\)", "", proper).split()
        while len(bare) > 1 and bare[-1].casefold() in _GENERIC | {"migrant", "deportation", "holding", "processing"}:
            bare.pop()
        place = _place_after(text, m.end()) or " ".join(bare)
        yield make_fact(document, FactType.FACILITY, start, m.end("name"), {"name": " ".join(name.split()), "place": place},
                        extractor=extractor, rule="prose.named", confidence=0.65)
    low = lowered(text) or text.lower()
    placed = list(_anchored(_PLACED, text, _PLACED_ANCHOR, 140, 120))
    spans = {(m.start(), m.end()) for m in placed}
    for key in _PLACED_RARE_KEYS:
        at = low.find(key)
        while at >= 0:
            for m in _PLACED.finditer(text, max(0, at - 140), min(len(text), at + 120)):
                if m.start() <= at < m.end() and (m.start(), m.end()) not in spans:
                    spans.add((m.start(), m.end()))
                    placed.append(m)
            at = low.find(key, at + len(key))
    placed.sort(key=lambda m: m.start())
    for m in placed:
        place = m.group("place")
        if place.casefold() in _countries() or place.casefold() in _GENERIC or place.split()[0].casefold() in _MONTHS:
            continue
        yield make_fact(document, FactType.FACILITY, m.start(), m.end(),
                        {"name": " ".join(m.group(0).split()), "place": place},
                        extractor=extractor, rule="prose.placed", confidence=0.6)


# A heading such as "Detention facilities" or "Places of detention", then one facility per bulleted line.
_LIST_HEADING = re.compile(
    r"^[ \t]*(?:(?:immigration|migration|administrative|migrant)\s+)?(?:detention\s+(?:facilities|centres|centers|sites)"
    r"|places\s+of\s+(?:immigration\s+)?detention|detention\s+places)[ \t]*:?[ \t]*$", re.IGNORECASE | re.MULTILINE)
_BULLET_ITEM = re.compile(
    r"[ \t]*(?:[-•■▪*●–]|\d{1,2}[.)])[ \t]+(?P<name>[A-Z][^\n,;:.]{2,90}?)(?:[ \t]*\((?P<paren>[^()\n]{1,40})\))?"
    r"[ \t]*(?:,[^\n]{0,120})?[ \t]*$")
_PARTICLE = re.compile(r"\s(?:de|du|des|d['’]|of|in|at|la|le|van|di)\s*", re.IGNORECASE)
# "Dedicated facilities include:", "The main detention centres are the following:" then bullets.
_LIST_INTRO_LINE = re.compile(
    r"\b(?:facilities|centres|centers|places\s+of\s+detention|detention\s+sites|prisons)\b[^.\n:]{0,60}:[ \t]*$",
    re.IGNORECASE | re.MULTILINE)
_BULLET_TAIL_PLACE = re.compile(r"[ \t]*,[ \t]*(?P<place>[A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+){0,2})[ \t]*(?:$|[—–(]|\s-\s)",
                                re.MULTILINE)
_LIST_HEADING_KEYS = ("detention facilities", "detention centres", "detention centers", "detention sites", "places of ",
                      "detention places")
# "Name<TAB>Type<TAB>Observation date" in a profile's facilities table: the place is inside the name.
_NAME_TYPE_HEADER = re.compile(r"^\s*Name\t+Type\b", re.IGNORECASE)
_REGIME = re.compile(r"^(?:administrative|criminal|ad[\s-]hoc|unknown|mixed)$", re.IGNORECASE)
# "... facilities, including in Büren (North Rhine-Westphalia), Eichstätt (Bavaria) and Glückstadt (Hesse)"
_REGION_PAREN = r"(?:\s+\([A-Z][^()\n]{1,40}\))?"
_FACILITIES_INCLUDING_IN = re.compile(
    r"\b(?:centres|centers|facilities|camps)\s*,?\s+(?:including|notably|such\s+as|among\s+them)\s+(?:those\s+)?in\s+"
    r"(?P<items>" + _PROPER + _REGION_PAREN + r"(?:\s*,\s*" + _PROPER + _REGION_PAREN + r")*,?\s+and\s+" + _PROPER
    + _REGION_PAREN + r")")


_HEAD_WORD = re.compile(r"(?:Prison|Centre|Center|Facility|Camp|Jail|Station|House|Unit|Airport|Departure|Detention|Removal"
                        r"|Holding|Immigration|Deportation|Reception|Accommodation|Service|Department)$")


def _place_in_name(name: str) -> str:
    """The settlement inside a facility name: the words after the last particle, else the last capitalised word."""
    bare = re.sub(r"\s*\([^)]*\)", "", name).strip()
    parts = _PARTICLE.split(bare)
    tail = parts[-1].strip() if len(parts) > 1 else ""
    if tail and tail[0].isupper():
        return tail
    caps = [w for w in bare.split() if w[:1].isupper()]
    while len(caps) > 1 and _HEAD_WORD.match(caps[-1]):
        caps.pop()  # "Kalla Airport Prison": the place is not the kind of building
    while len(caps) > 1 and (caps[0].casefold() in _GENERIC or _HEAD_WORD.match(caps[0])):
        caps.pop(0)
    return caps[-1] if caps else bare


def _heading_list_facts(document: Document, extractor: str) -> Iterator[Fact]:
    """Bulleted lines under a "Detention facilities" heading: each line names one place."""
    text = document.text
    low = lowered(text) or text.lower()
    headings = []
    for key in _LIST_HEADING_KEYS:  # str.find is far cheaper than a multiline regex over the whole text
        at = low.find(key)
        while at >= 0:
            line_start, line_end = low.rfind("\n", 0, at) + 1, low.find("\n", at)
            h = _LIST_HEADING.match(text, line_start, len(text) if line_end < 0 else line_end)
            if h and h.end() == (len(text) if line_end < 0 else line_end):
                headings.append(h)
            at = low.find(key, at + len(key))
    if ":\n" in text:
        for key in ("facilities", "centres", "centers", "places of", "sites", "prisons"):
            at = low.find(key)
            while at >= 0:
                line_end = low.find("\n", at)
                h = _LIST_INTRO_LINE.match(text, at, len(text) if line_end < 0 else line_end)
                if h:
                    headings.append(h)
                at = low.find(key, at + len(key))
    for h in sorted(headings, key=lambda h: h.start()):
        pos = h.end() + 1
        while pos < len(text) and text[pos] == "\n":
            pos += 1
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            m = _BULLET_ITEM.fullmatch(text, pos, end)
            if m is None:
                break
            paren = m.group("paren")
            if paren and re.search(r"[A-Z]{2,}|\d", paren):
                name_end = m.end("paren") + 1  # "(ZAPI 3)" belongs to the name; "(Seine-et-Marne)" is the region
            else:
                name_end = m.end("name")
            full = " ".join(text[m.start("name"):name_end].split())
            if len(full.split()) <= 10:
                tail = _BULLET_TAIL_PLACE.match(text, m.end("paren") + 1 if paren else m.end("name"), end)
                yield make_fact(document, FactType.FACILITY, m.start("name"), name_end,
                                {"name": full, "place": tail.group("place") if tail else _place_in_name(full)},
                                extractor=extractor, rule="list.heading", confidence=0.7)
            pos = end + 1


def _name_type_table_facts(document: Document, extractor: str) -> Iterator[Fact]:
    """Rows of a "Name / Type" facilities table whose second cell is the detention regime."""
    if "\tType" not in document.text:
        return  # the header is rare: skip the line walk
    offset = 0
    in_table = False
    for line in document.text.split("\n"):
        line_start = offset
        offset += len(line) + 1
        if _NAME_TYPE_HEADER.search(line):
            in_table = True
            continue
        if not in_table:
            continue
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        if len(cells) < 2 or not _REGIME.match(cells[1]) or not cells[0][:1].isupper():
            in_table = False
            continue
        name = cells[0]
        start = line_start + line.index(name)
        yield make_fact(document, FactType.FACILITY, start, start + len(name),
                        {"name": name, "place": _place_in_name(name)},
                        extractor=extractor, rule="table.name_type", confidence=0.8)


def _regime_row_facts(document: Document, extractor: str) -> Iterator[Fact]:
    """Rows under a "DETENTION FACILITIES" heading with a regime cell and a name cell, in any column order."""
    text = document.text
    low = lowered(text) or text.lower()
    at = low.find("detention facilities")
    while at >= 0:
        line_start = low.rfind("\n", 0, at) + 1
        line_end = low.find("\n", at)
        if line_end < 0 or text[line_start:line_end].strip(" \t:").casefold() != "detention facilities":
            at = low.find("detention facilities", at + 20)
            continue
        pos = line_end + 1
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            line = text[pos:end]
            cells = [c.strip() for c in line.split("\t") if c.strip()]
            if not cells or not any(_REGIME.match(c) for c in cells):
                if cells and cells[0].casefold() == "name":
                    pos = end + 1
                    continue  # a header row
                break
            names = [c for c in cells if not _REGIME.match(c) and c[:1].isupper() and not c[:4].isdigit()]
            if names:
                full = names[0]
                paren = re.search(r"\s*\((?P<place>[A-Z][^()]{1,40})\)$", full)
                name = full[:paren.start()] if paren else full
                place = paren.group("place") if paren else _place_in_name(full)
                start = pos + line.index(full)
                end = start + len(full)
                after = cells.index(full) + 1
                cell = re.fullmatch(r"\((?P<place>[" + _UP + r"][^(),]{1,40})(?:,[^()]{1,40})?\)", cells[after]) \
                    if after < len(cells) else None
                if cell and not paren:
                    # "Reception Centre for Foreigners<TAB>(Gazi Baba, Skopje)": the place in the next cell
                    end = pos + line.index(cells[after], end - pos) + len(cells[after])
                    name, place = f"{full} {cells[after]}", cell.group("place").strip()
                yield make_fact(document, FactType.FACILITY, start, end, {"name": name, "place": place},
                                extractor=extractor, rule="table.regime_row", confidence=0.8)
            pos = end + 1
        at = low.find("detention facilities", line_end)


def _including_in_facts(document: Document, extractor: str) -> Iterator[Fact]:
    """Towns listed after "facilities, including in": one facility per town, read only beside detention words."""
    text = document.text
    low = lowered(text) or text.lower()
    if not any(key in low for key in ("including in", "notably in", "such as in", "among them in", "including those in")):
        return
    for m in _anchored(_FACILITIES_INCLUDING_IN, text, _INCLUDING_ANCHOR, 20, 600):
        s_start, _ = _sentence(text, m.start())
        if not _DETENTION_CUE.search(text, max(0, s_start - 250), m.end()):  # this or the sentence before
            continue
        base = m.start("items")
        for item in re.finditer(_PROPER + _REGION_PAREN, m.group("items")):
            town_match = re.match(_PROPER, item.group(0))
            town = town_match.group(0) if town_match else item.group(0)
            if town == "and" or town.casefold() in _countries():
                continue
            yield make_fact(document, FactType.FACILITY, base + item.start(), base + item.end(),
                            {"name": town, "place": town}, extractor=extractor, rule="prose.including_in",
                            confidence=0.6)


# "the Croatian Law Centre", "the Socio Legal Information Centre": organisations whose names end in "Centre".
_ORGANISATION_CENTRE = re.compile(
    r"\b(?:Law|Legal|Information|Rights|Studies|Research|Peace|Aid|Advice|Documentation|Resource|Media|Policy|Advocacy"
    r"|Counselling|Counseling)\s+(?:Centre|Center)$")
_CAMP_HELD = re.compile(r"\b(?:held|detained|detain\w*|detention|confined|locked|deprived\s+of\s+(?:their\s+)?liberty|custody)\b",
                        re.IGNORECASE)


def _not_a_place_of_detention(document: Document, fact: Fact) -> bool:
    """An organisation named "... Law Centre", or a (refugee) camp whose sentence says no one is held there."""
    name = fact.fields["name"]
    if _ORGANISATION_CENTRE.search(name):
        return True
    if re.search(r"\bcamps?$", name, re.IGNORECASE):
        text = document.text
        start, end = fact.span.start_char, fact.span.end_char
        s_start = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1)
        s_end = min(e for e in (text.find(". ", end), text.find("\n", end), len(text)) if e >= 0)
        return not _CAMP_HELD.search(text, s_start, s_end)
    return False


@register(NAME, version=VERSION, produces=[FactType.FACILITY])
def extract_facilities(document: Document) -> Iterable[Fact]:
    """One fact per facility name per document; table rows first."""
    extractor = f"{NAME}@{VERSION}"
    seen: set[str] = set()
    spans: list[tuple[int, int]] = []
    for fact in (*_table_facts(document, extractor), *_leader_facts(document, extractor),
                 *_name_type_table_facts(document, extractor), *_regime_row_facts(document, extractor),
                 *_heading_list_facts(document, extractor),
                 *_including_in_facts(document, extractor),
                 *_list_facts(document, extractor), *_prose_facts(document, extractor),
                 *_more_prose_facts(document, extractor), *_airport_facts(document, extractor)):
        key = fact.fields["name"].casefold()
        start, end = fact.span.start_char, fact.span.end_char
        if _not_a_place_of_detention(document, fact):
            continue
        if any(start < b and a < end for a, b in spans):
            continue
        if key in seen:
            spans.append((start, end))  # a repeated mention: its words are not another facility
            continue
        place = fact.fields["place"].casefold()
        if any((key in s or s in key or (place in s and place in key)) and ("airport" in key) == ("airport" in s) for s in seen):
            # "Aluche" after "Aluche in Madrid" was listed; a second name for one place ("the centre in
            # Krugersdorp"); but two named places in one region ("X facility in the Negev", "the Y centre
            # in the Negev") are two facilities; nor is a town's airport the same place as a centre in the town
            continue
        seen.add(key)
        seen.add(place)
        spans.append((start, end))
        yield fact
