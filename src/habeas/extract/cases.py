"""Cases: named individuals whose arrest, detention, expulsion, trial or asylum claim a source reports.

Reports tell these stories in prose ("On April 17, authorities arrested
activist A. B.", "B. was released after a year in detention, however his
asylum request was rejected"), so the extractor works sentence by sentence:
it finds the people (full names, later surnames and pronouns), finds the verbs
that say what the state did, and links each verb to the people it governs
(object of an active verb, subject of a passive one). One record per
(person, outcome), at the first sentence that states it.

Precision comes first: officials, places and organisations are filtered out
of names, negated verbs ("declined his request for early release") and acts
of a third country ("deported to X, where he was sentenced") are skipped, and
a verb with no person in reach yields nothing.
"""

from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from habeas.domain import Document, Fact, FactType
from habeas.extract.registry import register
from habeas.extract.spans import make_fact
from habeas.text.dates import DateMention, find_dates
from habeas.text.gazetteer import demonym_codes
from habeas.text.patterns import finditer_ci, lowered, lowered_exact, trie_pattern, word_start
from habeas.text.sentences import Sentence, dateline_years, split_sentences, year_at

NAME = "cases"
VERSION = 5
EXTRACTOR_ID = f"{NAME}@{VERSION}"

OUTCOMES = ("arrested", "detained", "deported", "extradited", "convicted", "released",
            "asylum_denied", "asylum_granted", "attacked", "other")

# --- names -------------------------------------------------------------------------------

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_LOWER = "a-zß-öø-ÿā-ž"
_TOKEN = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}{_LOWER}][{_LOWER}]+)?"
_PARTICLE = r"(?:bin|ibn|binti|al|el|de|da|dos|van|von|der|del|ul)"
# The first capital comes first and the word boundary is checked behind it ("(?<!\w.)", what
# "\b" before it says): the engine then skips from capital to capital instead of trying the
# pattern at every position (over twice as fast, same matches).
_NAME_RUN = re.compile(rf"[{_UPPER}](?<!\w.)[{_LOWER}]+(?:-[{_UPPER}{_LOWER}][{_LOWER}]+)?"
                       rf"(?: (?:{_PARTICLE}[ -])?{_TOKEN})+\b")

# Sentence openers, months and days: trimmed off the left of a capitalised run.
_LEADING = frozenset(["the", "a", "an", "in", "on", "at", "by", "for", "from", "to", "of", "and", "or", "but", "as", "after", "before", "during", "since", "when", "while", "with", "without", "under", "over", "between", "among", "following", "despite", "according", "although", "though", "however", "also", "then", "later", "earlier", "meanwhile", "moreover", "furthermore", "separately", "instead", "most", "many", "some", "several", "police", "authorities", "activists", "journalists", "officials", "prosecutors", "judges", "observers", "media", "supporters", "critics", "protesters", "migrants", "refugees", "residents", "citizens", "reports", "this", "that", "these", "those", "his", "her", "their", "its", "our", "we", "they", "he", "she", "there", "here", "credited", "both", "only", "even", "not", "available", "none", "total", "number", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    # counts open a group, never a name: "Two Congolese women", "Three Eritrean men"
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "dozens", "hundreds", "thousands"])

# Official titles: a run that holds or follows one names an official, not a case.
_TITLES = frozenset(["president", "vice", "prime", "minister", "commissioner", "ombudsman", "ombudsperson", "rapporteur", "secretary", "ambassador", "governor", "mayor", "judge", "prosecutor", "senator", "deputy", "chief", "speaker", "chancellor", "king", "queen", "prince", "princess", "sheikh", "emir", "general", "colonel", "captain", "lieutenant", "sergeant", "director", "chairman", "chairperson", "chairwoman", "chair", "spokesperson", "spokesman", "spokeswoman", "head", "inspector", "attorney", "mp", "mep", "lady", "sir", "dame", "lord", "bishop", "archbishop", "patriarch", "pope", "mufti", "high", "special", "first"])
_TITLE_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(_TITLES)) + r")\s+$", re.IGNORECASE)

# Organisation, place and document words: a run holding one is not a person.
_ORG_OR_PLACE = frozenset(["world", "cup", "games", "olympics", "olympic", "championship", "championships", "tournament",
                           "summit", "conference", "festival", "expo", "exhibition", "court", "courts", "party", "company", "corporation", "ministry", "department", "office", "agency", "service", "committee", "council", "commission", "union", "federation", "organization", "organisation", "association", "foundation", "institute", "institution", "university", "college", "school", "academy", "bureau", "centre", "center", "initiative", "project", "network", "movement", "group", "front", "alliance", "league", "coalition", "forum", "watch", "house", "rights", "human", "international", "national", "global", "legal", "democratic", "republic", "kingdom", "state", "states", "united", "nations", "city", "town", "village", "district", "region", "province", "oblast", "county", "municipality", "street", "avenue", "road", "highway", "airport", "port", "station", "camp", "prison", "jail", "colony", "facility", "hall", "building", "church", "mosque", "temple", "river", "lake", "mountain", "mountains", "island", "islands", "sea", "bay", "gulf", "valley", "desert", "border", "borders", "europe", "asia", "africa", "america", "americas", "eastern", "western", "northern", "southern", "central", "east", "west", "north", "south", "middle", "convention", "covenant", "code", "law", "act", "decree", "article", "protocol", "charter", "constitution", "treaty", "bank", "fund", "programme", "program", "times", "post", "news", "radio", "tv", "television", "channel", "newspaper", "gazette", "review", "journal", "press", "media", "online", "daily", "weekly", "telegram", "facebook", "twitter", "youtube", "instagram", "whatsapp", "covid", "coronavirus", "internet", "red", "cross", "crescent", "amnesty", "reporters", "without", "doctors", "health", "security", "defense", "defence", "interior", "justice", "affairs",
    # bodies named after the people they serve ("Board for Detained Persons")
    # rulings and numbered documents: "Ruling No. 14-P", "Decision No"
    "ruling", "rulings", "judgment", "judgement", "decision", "resolution", "order", "no",
    "board", "persons", "people", "mission", "detained", "detainees", "prisoners", "mechanism", "monitoring",
    # state bodies that act on migrants ("the Migration Directorate said ... were placed in detention")
    "directorate", "administration", "authority", "authorities", "inspectorate", "secretariat", "police",
    "gendarmerie", "guard", "guards", "army", "forces", "navy", "government", "parliament", "assembly",
    "tribunal", "chamber", "prosecutor", "prosecution", "ombudsman", "ombudsperson", "ombudswoman",
    "migration", "immigration", "asylum", "refugees", "unit", "division", "directorate-general",
    # street words of other languages: "Via Corelli", "Rue de la Paix", "Calle Mayor"
    "via", "rue", "calle", "piazza", "strasse", "straße", "avenida", "rua", "plaza", "boulevard", "ulitsa"])

_PLACE_AFTER = re.compile(
    r"(?:[’']s)?\s+(?:district|region|regional|province|provincial|city|town|village|court|oblast|"
    r"county|highway|road|street|party|prison|camp|airport|border|river|state|university|newspaper|"
    r"channel|company|group|movement|organi[sz]ation|office|ministry|department|checkpoint|"
    r"municipality|area|station|centre|center|facility|hospital|police)\b", re.IGNORECASE)
_PLACE_OR_THE_BEFORE = re.compile(
    r"(?:\b(?:the|in|at|to|from|into|near|across|via|towards?|with|between|against|of the|"
    r"on the|by the|for the)|[’']s)\s+$", re.IGNORECASE)
# "Board for Detained Persons", "Committee against Torture": a run joined to a capitalised
# word by a preposition continues the name of a body, not of a person.
_NAME_OF_BODY_BEFORE = re.compile(r"\b[A-Z][\w’'-]+ (?:for|of|against|on)\s+$")
# A run in brackets right after the name of a body or a place is that body's other name:
# "the Kupang Immigration Detention House (Rudenim Kupang)".
_ALIAS_OF_PLACE = re.compile(r"\b([A-Za-z]+)\s*\(\s*$")
_TITLE_AFTER = re.compile(
    r"\s*,\s*(?:the\s+|a\s+|an\s+)?(?:(?:deputy|former|acting)\s+)?(?:head|director|"
    r"chair(?:man|woman|person)?|president|minister|spokes(?:person|man|woman)|secretary|coordinator|"
    r"representative|commissioner|rapporteur|ombuds(?:man|person)|governor|mayor|judge|prosecutor)\b"
    # the head of a civil-society body is no official: "X, president of the rights association Y"
    r"(?!\s+of\s+(?:the\s+|an?\s+)?(?:[\w’'-]+\s+){0,4}(?:association|organi[sz]ation|ngo|network|foundation|"
    r"movement|party|society|collective|coalition|alliance|initiative|group)\b)",
    re.IGNORECASE)

# "X, a network of activists that monitors the border", "Y, an NGO based in Z": an apposition
# that calls the run a body; the run then names that body wherever the document writes it
_BODY_AFTER = re.compile(
    r"\s*,\s*(?:an?|the)\s+(?:[\w’'-]+\s+){0,3}?(?:network|organi[sz]ation|ngo|group|coalition|platform|collective|"
    r"association|charity|initiative|alliance|movement|foundation|consortium|hotline|project|campaign|"
    r"non-governmental|nonprofit|non-profit)\b", re.IGNORECASE)

_ROLE = (r"(?:activist|blogger|journalist|reporter|cameraman|camerawoman|photographer|defender|critic|"
         r"objector|lawyer|dissident|leader|poet|writer|artist|student|imam|pastor|priest|cleric|"
         r"businessman|businesswoman|entrepreneur|seeker|refugee|migrant|worker|national|citizen|"
         r"politician|editor|founder|unionist|scholar|academic|professor|researcher|doctor|nurse|"
         r"teacher|farmer|woman|man|mother|father|wife|husband|son|daughter|brother|sister|teenager|"
         r"boy|girl|deserter|conscript|musician|singer|rapper|monk|nun|opponent|member|supporter|"
         r"believer|trader|driver|fighter|detainee|prisoner|asylum-seeker)s?")

_DEMONYMS: dict[str, str] = demonym_codes()  # the one gazetteer (habeas.text.gazetteer)
_DEMONYM_BEFORE = re.compile(
    r"\b(" + "|".join(sorted(_DEMONYMS, key=len, reverse=True)) + r")\s+(?:[\w-]+\s+){0,3}" + _ROLE
    + r"\s*[,(]?\s*$", re.IGNORECASE)
_DEMONYM_AFTER = re.compile(
    r"\s*,\s*an?\s+(?:\d+-year-old\s+)?(" + "|".join(sorted(_DEMONYMS, key=len, reverse=True)) + r")\s+(?:[\w-]+\s+){0,3}"
    + _ROLE + r"\b", re.IGNORECASE)

# The words the backward-anchored patterns above must end with. A window that ends with
# none of them cannot match, and ``str.endswith`` rules that out far faster than trying
# the pattern (with its long alternation) at every position of the window.
_ROLE_WORDS = _ROLE[3:_ROLE.index(")")].split("|")
_ROLE_ENDINGS = tuple(w + s for w in _ROLE_WORDS for s in ("", "s"))
_TITLE_ENDINGS = tuple(sorted(_TITLES))
_ROLE_SET = frozenset(_ROLE_ENDINGS)
_PLACE_OR_THE_ENDINGS = ("the", "in", "at", "to", "from", "into", "near", "across", "via", "toward", "towards",
                         "with", "between", "against", "’s", "'s")

# People a source names only by a given name or a pseudonym: '"Luis" (a pseudonym)',
# 'Ana (not her real name)', 'a Honduran woman we call Ana', 'under the pseudonym Ana'.
_GIVEN = rf"[{_UPPER}][{_LOWER}]{{2,}}"
_PSEUDONYM = re.compile(
    rf"(?<![\w-])[\"“]?({_GIVEN})[\"”]?\s*\((?:[^()\n]{{0,25}}\b(?:pseudonym|real name|name changed|"
    rf"names? (?:has|have) been changed|not (?:his|her|their) name|alias)\b[^()\n]{{0,15}})\)|"
    rf"\b(?:[Ww]e|I) (?:will |shall |have |are )?(?:call|called|calling|refer to as|named?) (?:him |her )?"
    rf"[\"“]?({_GIVEN})\b[\"”]?|"
    rf"\b(?:under|using|given) the (?:pseudonym|name) [\"“]?({_GIVEN})\b[\"”]?|"
    # '"Blessing", a 31-year-old Nigerian woman', '"Hamza," a 17-year-old from X': a quoted given
    # name described as a person (by a role word or by an age)
    rf"(?<![\w-])[\"“]({_GIVEN}),?[\"”],?\s+an?\s+(?=(?:[\w-]+\s+){{0,3}}{_ROLE}\b|\d{{1,2}}-year-old\b)")

# Words every pseudonym introduction holds: the full pattern runs only around them. Every
# branch opens on a plain character (no class such as [Ww]), so that the engine can skip to
# those characters instead of trying each branch at every position.
_PSEUDONYM_CUE = re.compile(r"pseudonym|real name|name changed|been changed|alias|\"[A-Z][a-z]+,?[\"”],? an? |"
                            r"“[A-Z][a-z]+,?[\"”],? an? |We (?:will |shall |have |are )?(?:call|refer|name)|"
                            r"we (?:will |shall |have |are )?(?:call|refer|name)|"
                            r"I (?:will |shall |have |are )?(?:call|refer|name)|the name ")

_PRONOUN = re.compile(r"\b(?:he|him|his|she|her|they|them|their)\b", re.IGNORECASE)
_PRONOUN_LOWER = re.compile(r"\b(?:he|him|his|she|her|they|them|their)\b")  # for the lower-cased text
_PLURAL_PRONOUNS = frozenset({"they", "them", "their"})


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Lower-cased country names: 'Saudi Arabia' or 'Sri Lanka' is never a person."""
    names: set[str] = set()
    try:
        import pycountry

        for country in pycountry.countries:
            for attr in ("name", "common_name"):
                value = getattr(country, attr, None)
                if value:
                    names.add(value.lower())
    except Exception:  # noqa: BLE001, S110 - a precision aid, not a requirement
        pass
    return frozenset(names)


@dataclass(eq=False, slots=True)
class Person:
    """One individual of the document, known by the full name first written."""

    name: str
    surname: str
    nationality: str | None = None


@dataclass(slots=True)
class Mention:
    """A stretch of a sentence that refers to one or more people."""

    start: int
    end: int
    people: list[Person]
    kind: str  # "name", "surname", "pronoun"


# Ethnic, religious or status group nouns that describe a person before the name
# ("a Kurd", "Bidoon activist"): a descriptor, never a first name.
_GROUP_NOUNS = frozenset(["kurd", "kurdish", "roma", "rom", "uyghur", "uighur", "rohingya", "hazara", "pashtun",
                          "tamil", "baloch", "berber", "amazigh", "bidoon", "bedoon", "bidun", "yazidi", "druze",
                          "copt", "coptic", "oromo", "tigrayan", "tatar", "chechen", "ahmadi", "baha'i", "bahai",
                          "christian", "muslim", "shia", "shiite", "sunni", "jewish", "stateless", "black"])


def trim_name(text: str, start: int, end: int, floor: int) -> tuple[int, int, bool] | None:
    """Trim a capitalised run to a person's full name: ``(start, end, is_official)``, or None.

    None when the run is not a person's name at all: an organisation, a place,
    a country, or fewer than two name words. ``floor`` bounds the look-behind
    (the sentence start).
    """
    words = list(re.finditer(r"\S+", text[start:end]))
    lowered = [w.group().lower() for w in words]
    if any(w in _ORG_OR_PLACE for w in lowered):
        return None
    official, first = False, 0
    for i, w in enumerate(lowered):
        if w in _TITLES:
            official, first = True, i + 1
        elif w in _LEADING or (w in _ROLE_SET or w in _DEMONYMS or w in _GROUP_NOUNS) and i + 1 < len(lowered) and first == i:
            first = i + 1  # "Student Lina Farah was ...", "Syrian Omar Haddad": a role or nationality first
    kept = words[first:]
    if not 2 <= len(kept) <= 4:
        return None
    n_start, n_end = start + kept[0].start(), start + kept[-1].end()
    if text[n_start:n_end].lower() in _country_names():
        return None
    before = text[max(floor, n_start - 40):n_start]
    last = before.rstrip()[-16:].lower()
    if first == 0 and last.endswith(_PLACE_OR_THE_ENDINGS) and _PLACE_OR_THE_BEFORE.search(before):
        return None
    if first == 0 and before.endswith(" ") and _NAME_OF_BODY_BEFORE.search(before):
        return None
    if _PLACE_AFTER.match(text, n_end):
        return None
    alias = _ALIAS_OF_PLACE.search(before) if first == 0 and before.rstrip().endswith("(") else None
    if alias and alias.group(1).lower() in _ORG_OR_PLACE:
        return None
    if last.endswith(_TITLE_ENDINGS) and _TITLE_BEFORE.search(before) or _TITLE_AFTER.match(text, n_end):
        official = True
    return n_start, n_end, official


_LEADING_DEMONYM = re.compile(r"(?:[A-Z][a-z]+ ){1,3}$")


def _nationality(text: str, start: int, end: int, floor: int) -> str | None:
    """The ISO3 of a demonym describing the person: "Syrian Kurd Omar X", "a Guinean activist, Omar X"."""
    lead = _LEADING_DEMONYM.search(text, max(floor, start - 40), start)
    if lead:
        words = lead.group().lower().split()
        for word in words + [" ".join(pair) for pair in zip(words, words[1:], strict=False)]:
            if word in _DEMONYMS:
                return _DEMONYMS[word]
    last = text[max(floor, start - 80):start].rstrip()
    if last.endswith((",", "(")):  # the pattern allows one of these after the role word
        last = last[:-1].rstrip()
    last = last[-16:].lower()
    m = _DEMONYM_BEFORE.search(text, max(floor, start - 80), start) if last.endswith(_ROLE_ENDINGS) else None
    if m:
        return _DEMONYMS[m.group(1).lower()]
    m = _DEMONYM_AFTER.match(text, end, min(len(text), end + 80))
    if m:
        return _DEMONYMS[m.group(1).lower()]
    return None


def _sentence_at(starts: list[int], sentences: tuple[Sentence, ...], offset: int) -> int | None:
    k = bisect_right(starts, offset) - 1
    if k >= 0 and offset < sentences[k].end:
        return k
    return None


def collect_name_mentions(text: str, sentences: tuple[Sentence, ...]) -> dict[int, list[Mention]]:
    """Full names and later surnames of private individuals, per sentence index.

    Two passes over the whole text (names, then one alternation of the known
    surnames) cost far less than testing each sentence. A surname refers to the
    person of that surname whose full name was written last before it.
    """
    starts = [x.start for x in sentences]
    by_sentence: dict[int, list[Mention]] = {}
    people: dict[str, Person] = {}
    introductions: dict[str, list[tuple[int, Person]]] = {}
    officials: set[str] = set()
    bodies: set[str] = set()
    covered: list[tuple[int, int]] = []
    for m in _NAME_RUN.finditer(text):
        k = _sentence_at(starts, sentences, m.start())
        if k is None or m.end() > sentences[k].end:
            continue
        covered.append((m.start(), m.end()))
        trimmed = trim_name(text, m.start(), m.end(), sentences[k].start)
        if trimmed is None:
            continue
        n_start, n_end, official = trimmed
        name = re.sub(r"\s+", " ", text[n_start:n_end])
        surname = name.split()[-1]
        if official:
            officials.add(surname.casefold())
            continue
        if _BODY_AFTER.match(text, n_end):
            bodies.add(name.casefold())
            continue
        nationality = _nationality(text, n_start, n_end, sentences[k].start)
        person = people.get(name.casefold())
        if person is None:
            person = people[name.casefold()] = Person(name=name, surname=surname, nationality=nationality)
        elif nationality and not person.nationality:
            person.nationality = nationality
        introductions.setdefault(surname.casefold(), []).append((n_start, person))
        by_sentence.setdefault(k, []).append(Mention(n_start, n_end, [person], "name"))
    done = -1
    for cue in _PSEUDONYM_CUE.finditer(text):
        found = _PSEUDONYM.search(text, max(done, cue.start() - 40), min(len(text), cue.end() + 40))
        if found is None or found.start() < done:
            continue
        m = found
        done = m.end()
        group = next(g for g in (1, 2, 3, 4) if m.group(g))
        n_start, n_end = m.start(group), m.end(group)
        k = _sentence_at(starts, sentences, n_start)
        if k is None or m.group(group).lower() in _LEADING or m.group(group).lower() in _ORG_OR_PLACE:
            continue
        name = m.group(group)
        person = people.get(name.casefold())
        if person is None:
            # the appositive of a quoted name follows its closing quote
            end = m.end(group) + 1 if group == 4 else m.end()
            nationality = _nationality(text, m.start(), end, sentences[k].start)
            person = people[name.casefold()] = Person(name=name, surname=name, nationality=nationality)
        covered.append((n_start, n_end))
        introductions.setdefault(name.casefold(), []).append((n_start, person))
        by_sentence.setdefault(k, []).append(Mention(n_start, n_end, [person], "name"))
    covered.sort()
    if bodies:  # a body named by its apposition anywhere is no person anywhere
        for key in list(introductions):
            introductions[key] = [(pos, p) for pos, p in introductions[key] if p.name.casefold() not in bodies]
            if not introductions[key]:
                del introductions[key]
        for k in list(by_sentence):
            by_sentence[k] = [m for m in by_sentence[k] if m.people[0].name.casefold() not in bodies]
            if not by_sentence[k]:
                del by_sentence[k]
    for intros in introductions.values():
        intros.sort(key=lambda x: x[0])
    surnames = [key for key in introductions if key not in officials]
    if surnames:
        alternation = "|".join(map(re.escape, sorted(surnames, key=len, reverse=True)))
        pattern = re.compile(r"\b(?:" + alternation + r")\b", re.IGNORECASE)
        # keys are case-folded already; as a trie of word starts the engine skips between their first letters
        twin = re.compile(word_start(surnames) + r"\b")
        run_starts = [c[0] for c in covered]
        intro_positions = {key: [pos for pos, _ in intros] for key, intros in introductions.items()}
        for m in finditer_ci(pattern, twin, text):
            if not m.group()[:1].isupper():
                continue
            c = bisect_right(run_starts, m.start()) - 1
            if c >= 0 and m.start() < covered[c][1]:
                continue
            k = _sentence_at(starts, sentences, m.start())
            if k is None:
                continue
            key = m.group().casefold()
            intros = introductions[key]
            i = bisect_right(intro_positions[key], m.start()) - 1
            if i < 0:
                continue  # a surname before anyone of that name was introduced
            by_sentence.setdefault(k, []).append(Mention(m.start(), m.end(), [intros[i][1]], "surname"))
    for mentions in by_sentence.values():
        mentions.sort(key=lambda x: x.start)
    return by_sentence


def pronoun_mentions(text: str, sentence: Sentence) -> list[Mention]:
    low = lowered_exact(text)  # the document's lower-cased copy, shared: the plain pattern is faster there
    if low is None:
        low, pattern = text, _PRONOUN
    else:
        pattern = _PRONOUN_LOWER
    return [Mention(m.start(), m.end(), [], "pronoun:" + m.group().lower())
            for m in pattern.finditer(low, sentence.start, sentence.end)]


_COORDINATION = re.compile(r"^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)(?:[a-z]+\s+){0,2}$")


def group_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Merge "A, B and cameraman C" into one mention of several people."""
    groups: list[Mention] = []
    for mention in mentions:
        if (groups and mention.people and groups[-1].people and not groups[-1].kind.startswith("pronoun")
                and not mention.kind.startswith("pronoun")
                and _COORDINATION.match(text[groups[-1].end:mention.start])):
            last = groups[-1]
            groups[-1] = Mention(last.start, mention.end,
                                 last.people + [p for p in mention.people if p not in last.people], "group")
        else:
            groups.append(mention)
    return groups


# --- outcomes ------------------------------------------------------------------------------

_W = r"[\w’'-]+"
_CUES: list[tuple[str, str, re.Pattern[str]]] = [
    # (outcome, where the person usually is: "after" the verb or "before" it, pattern)
    ("arrested", "after", re.compile(
        r"\b(?:arrested|re-?arrested|apprehended|taken into (?:police )?custody|"
        r"(?:arresting|apprehending) (?:him|her|them))\b", re.IGNORECASE)),
    # the noun: "since her arrest at the border" (a house arrest is a detention; a warrant is not an arrest)
    ("arrested", "after", re.compile(r"\b(?:his|her|their) (?:re-?)?arrest\b(?! warrant)", re.IGNORECASE)),
    ("detained", "after", re.compile(
        rf"\b(?:detained|holding (?:{_W} ){{1,4}}in (?:a |an |the )?(?:{_W} ){{0,2}}"
        r"(?:detention|custody|prison|jail))\b", re.IGNORECASE)),
    ("detained", "after", re.compile(r"\bheld (?:him|her|them) (?:at|in|for)\b", re.IGNORECASE)),
    # "incarcerated journalist Taoufik Bouachrine": the person named right after, held now
    ("detained", "after", re.compile(r"\b(?:incarcerated|imprisoned|jailed) (?=(?:[a-z-]+ ){1,3}(?-i:[A-Z]))")),
    # "the court ordered his detention", "a judge authorised her placement in detention"
    ("detained", "before", re.compile(
        r"\b(?:ordered|authori[sz]ed|approved|imposed) (?:his|her|their) (?:immigration |administrative |pre-?trial )?"
        r"(?:detention|placement in (?:a |the )?(?:[\w-]+ )?(?:detention|centre|center))\b", re.IGNORECASE)),
    ("detained", "before", re.compile(
        r"\b(?:(?:held|kept|remanded|placed) (?:\w+ ){0,2}(?:in|into|under|at) (?:[\w-]+ ){0,2}"
        r"(?:detention|custody|arrest)|in (?:pre-?trial |administrative |immigration |incommunicado |"
        r"police )?(?:detention|custody)|under (?:administrative |house )arrest|"
        r"(?:was|were|been|being) held (?:at|in) (?:the )?(?-i:[A-Z])[\w’'-]*|held (?:\w+ ){0,4}for (?:\d+|[a-z]+) (?:days|weeks|months|years)|"
        r"(?:remains?|remained) (?:in|behind) (?:\w+ ){0,2}(?:detention|custody|bars)|"
        r"spent (?:\w+ ){1,3}(?:days|weeks|months|years) (?:in|at) (?:the |an? )?(?:[\w’'-]+ ){0,3}"
        r"(?:detention|custody|prison|jail|cells?|centre|center|facility|camp))\b",
        re.IGNORECASE)),
    ("deported", "after", re.compile(
        r"\b(?:deported|expelled|refouled|forcibly returned|removed to|(?:was|were|been) (?:returned|handed (?:over )?|"
        r"sent back) to|(?:was|were|been) removed (?:on|in)|(?:deporting|expelling|removing) (?:him|her|them))\b",
        re.IGNORECASE)),
    # "guards handed over opposition activist X to Belarusian authorities": delivered to another state
    ("deported", "after", re.compile(
        r"\bhanded (?:over )?(?=[^.;]{3,80}? to (?:the )?(?-i:[A-Z])[\w’'-]+ (?:authorities|security services|"
        r"border guards|police|officials)\b)", re.IGNORECASE)),
    # "authorities returned her to Addis Ababa", "flew them back to X": the active verb, its pronoun object
    ("deported", "after", re.compile(
        r"\b(?:returned|sent|flew|put|drove|bused|bussed) (?:him|her|them) (?:back )?(?:to|on a (?:flight|plane|bus) to) "
        r"(?:the )?(?-i:[A-Z])", re.IGNORECASE)),
    # "... was arrested, held for five days, and left at X on 8 March": abandoned at a border after an expulsion
    ("deported", "before", re.compile(
        r"(?<=\band )(?:was |were )?(?:left|dumped|abandoned) (?:at|on|near) (?:the )?(?:border\b|(?-i:[A-Z]))",
        re.IGNORECASE)),
    # "was detained in X and returned to Y on 5 May": a bare participle needs a passive before it
    ("deported", "after", re.compile(r"(?<=\band )(?:forcibly )?(?:returned|sent back|handed over) to (?:the )?(?-i:[A-Z])", re.IGNORECASE)),
    ("extradited", "after", re.compile(r"\b(?:extradited|extradition of)\b", re.IGNORECASE)),
    ("convicted", "after", re.compile(
        rf"\b(?:convicted|sentenced|found (?:{_W} ){{0,3}}guilty|"
        rf"upheld (?:{_W} ){{0,8}}(?:verdict|sentence|conviction))\b", re.IGNORECASE)),
    ("released", "after", re.compile(
        rf"\b(?:released|freed|set free|granted (?:{_W} ){{0,5}}(?:early |conditional |temporary )?release|"
        rf"ordered (?:the |his |her |their |(?:{_W} ){{0,2}})?(?:immediate )?release|granted (?:him |her |them )?bail)\b",
        re.IGNORECASE)),
    ("asylum_denied", "before", re.compile(
        r"\b(?:(?:asylum|refugee(?: status)?|protection) (?:application|request|claim|petition)s? "
        r"(?:was|were|had been|has been) (?:denied|rejected|refused|dismissed)|refugee status "
        r"(?:was |had been )?(?:denied|refused|rejected))\b", re.IGNORECASE)),
    ("asylum_denied", "after", re.compile(
        r"\b(?:(?:denied|rejected|refused|dismissed) (?:his|her|their|the) (?:asylum |refugee |protection )?"
        r"(?:application|request|claim|petition)|(?:denied|refused) (?:him|her|them) (?:asylum|refugee status))\b",
        re.IGNORECASE)),
    ("asylum_denied", "before", re.compile(
        r"\b(?:application|request|claim) (?:was|had been) (?:denied|rejected|refused)\b", re.IGNORECASE)),
    ("asylum_granted", "after", re.compile(
        r"\b(?:granted (?:\w+ ){0,2}(?:political )?(?:asylum|refugee status|international protection|"
        r"subsidiary protection)|(?:asylum|refugee status) (?:was|were|has been|had been) granted|"
        r"recogni[sz]ed as (?:a )?refugees?)\b", re.IGNORECASE)),
    # restrictions short of detention that reports tell of one person
    ("other", "after", re.compile(
        r"\b(?:placed (?:him|her|them) in solitary confinement|(?:stopped|prevented|barred|banned) (?:[\w-]+ ){0,4}from "
        r"(?:boarding|leaving|travell?ing|flying|exiting)|confiscated (?:his|her|their) passports?|"
        r"(?:under|subject to) (?:a |an )?(?:[\w-]+ ){0,3}travel ban|had (?:his|her|their) passports? (?:confiscated|seized)|"
        r"(?:imposed|placed) (?:a )?travel bans? on|rejected (?:an? |the |his |her )?appeal against (?:the |his |her )?"
        r"(?:deportation|expulsion|extradition|removal))\b", re.IGNORECASE)),
    # a death in the state's hands
    ("other", "before", re.compile(
        r"\bdied (?:while )?(?:in|under) (?:police |immigration |state |pre-?trial )?(?:custody|detention)\b|"
        # "died at the X detention centre", "died in a police cell": a death where the state held the person
        r"\bdied (?:at|in) (?:the |an? )?(?:[\w’'-]+ ){0,3}?(?:centre|center|facility|prison|jail|cell|police station|"
        r"detention|camp)\b",
        re.IGNORECASE)),
    # "beat her" but not "beat her husband" (his or her relative is the one attacked)
    ("attacked", "after", re.compile(r"\b(?:attacked|assaulted|beaten|stabbed|beat (?:him|her|them)\b(?! (?:husband|wife|son|daughter|brother|sister|father|mother|child|children|friend|family|colleague|cousin|uncle|aunt|partner|companion)s?\b))", re.IGNORECASE)),
    # "guards opened fire on his group", "he was shot in the leg"
    ("attacked", "after", re.compile(
        r"\b(?:opened fire on (?:him|her|them|(?:his|her|their) (?:group|boat|car|vehicle))|shot (?:at )?(?:him|her|them)\b(?! (?:husband|wife|son|daughter|brother|sister|father|mother|child|children|friend|family|colleague|cousin|uncle|aunt|partner|companion)s?\b)|"
        r"(?:he|she|they) (?:was|were) shot)\b", re.IGNORECASE)),
]
_ANY_CUE_WORDS = (
    "arrest|apprehend|custody|detain|detention|deport|expel|refoul|return|remov|extradit|convict|sentenc|"
    "guilty|upheld|releas|freed|free|asylum|refugee|application|request|claim|attack|assault|beat|stabb|held|"
    "spent|remain|handed|sent back|solitary|died|stopped|prevented|barred|confiscat|travel ban|appeal|"
    "sent|flew|put|drove|bused|bussed|left|dumped|abandoned|opened fire|shot|he|she|they|incarcerat|imprison|jail|"
    "banned").split("|")
_ANY_CUE = re.compile(r"\b(?:" + "|".join(_ANY_CUE_WORDS) + ")", re.IGNORECASE)
# The same words as a trie, for the lower-cased text: each position costs one branch instead of
# forty (twice as fast). A trie tries longer words first, as the flat list does ("freed|free").
_ANY_CUE_LOWER = re.compile(r"\b" + trie_pattern(_ANY_CUE_WORDS))
# The words of ``_ANY_CUE`` one of which every match of each entry of ``_CUES`` holds, so
# that a sentence is tried only against the cues whose words it contains (None: always tried,
# the entry can match without one, as "granted him bail").
_CUE_STEMS: list[frozenset[str] | None] = [frozenset(words.split()) if words else None for words in (
    "arrest apprehend custody",
    "arrest",
    "detain detention custody",
    "held",
    "incarcerat imprison jail",
    "detention",
    "held custody detention arrest remain spent",
    "deport expel refoul return remov handed sent back",
    "handed",
    "return sent flew put drove bused bussed",
    "left dumped abandoned",
    "return sent back handed",
    "extradit",
    "convict sentenc guilty upheld",
    "",
    "asylum refugee application request claim",
    "",
    "application request claim",
    "",
    "solitary stopped prevented barred banned confiscat travel ban appeal",
    "died",
    "attack assault beat stabb",
    "opened fire shot he she they",
)]
assert len(_CUE_STEMS) == len(_CUES)
_ASYLUM_CONTEXT = re.compile(r"\b(?:asylum|refugee)", re.IGNORECASE)
_GENERIC_DENIAL = "application|request|claim"
_PASSIVE_AUX = re.compile(r"\b(?:was|were|been|be|being|is|are|get|got)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# "was arrested at a checkpoint on 2 May and detained for five months": the second verb
# shares the first one's passive subject.
_COORDINATED_PASSIVE = re.compile(
    r"\b(?:was|were|been)\s+(?:\w+ly\s+)?(?:\w+ed|held|kept|taken|sent|caught|shot|beaten|brought|put|left|driven|"
    r"thrown|seen|given|found)\b[^.;:,]{0,110}(?:,\s*)?\band\s+$", re.IGNORECASE)
# "A. B., arrested on 2 May and sentenced in July, ...": a participle set off by a comma right
# after the name (a reduced relative clause) is passive, and so is one coordinated with it.
_REDUCED_RELATIVE = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?,\s*(?:\d{1,3},\s*)?(?:(?:\w+ly\s+)?\w+(?:ed|en)\b[^.;:]{0,110}?\band\s+)?"
    r"(?:\w+ly\s+)?", re.IGNORECASE)
_AUX_OPENED = re.compile(r"(?:was|were|been)\b", re.IGNORECASE)
_NEGATION = re.compile(
    r"\b(?:not|never|no|n[o’']t|refused to|declined to|failed to|without|avoid(?:ed)?|risk(?:s|ed)? being)\s+"
    r"(?:\w+\s+){0,2}$", re.IGNORECASE)
_FOREIGN_CLAUSE = re.compile(
    r"\b(?<!centre )(?<!center )(?<!prison )(?<!camp )(?<!facility )(?<!station )(?<!jail )(?:to|in)\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\s*[–—,]?\s*where\b")
_ACTIVE_REACH = 110
_CLAUSE_END = re.compile(r"[,;:]\s|[.!?](?:\s|$)")


@dataclass(frozen=True, slots=True)
class CaseHit:
    person: Person
    outcome: str
    sentence: Sentence
    cue_start: int
    cue_end: int
    mention: Mention
    source: str


def _resolve_pronouns(mentions: list[Mention], context: list[Mention]) -> None:
    """Point each pronoun at the last person (he/she) or group (they) mentioned before it."""
    seen = list(context)
    for mention in mentions:
        if mention.kind.startswith("pronoun:"):
            word = mention.kind.split(":", 1)[1]
            plural = word in _PLURAL_PRONOUNS
            for earlier in reversed(seen):
                if earlier.people and (len(earlier.people) > 1) == plural:
                    mention.people = list(earlier.people)
                    break
        if mention.people:
            seen.append(mention)


def _reduced_relative_up_to(text: str, start: int, end: int) -> bool:
    """A reduced relative clause ("a man held since May") runs from ``start`` exactly to ``end``."""
    m = _REDUCED_RELATIVE.match(text, start, end)
    return m is not None and m.end() == end


def _pick(groups: list[Mention], cue: re.Match[str], side: str, text: str) -> Mention | None:
    before = [g for g in groups if g.end <= cue.start() and g.people]
    after = [g for g in groups if g.start >= cue.start() and g.people]
    passive = bool(_AUX_OPENED.match(cue.group()) or _PASSIVE_AUX.search(text, max(0, cue.start() - 30), cue.start())
                   or _COORDINATED_PASSIVE.search(text, max(0, cue.start() - 140), cue.start())
                   or before and _reduced_relative_up_to(text, before[-1].end, cue.start()))
    if side == "after" and not passive:
        if after and after[0].start - cue.end() <= _ACTIVE_REACH:
            return after[0]
        return None
    if before:
        return before[-1]
    return after[0] if after and side == "before" else None


def find_cases(document: Document,
               mentioned: list[tuple[tuple[int, int], list[Person]]] | None = None) -> Iterator[CaseHit]:
    """Every (person, outcome) link the text states, in reading order (duplicates included).

    ``mentioned``, when given, receives the people each sentence names.
    """
    text = document.text
    context: list[Mention] = []
    paragraph = -1
    previous_sentence = ""
    sentences = split_sentences(text)
    names = collect_name_mentions(text, sentences)
    low = lowered(text)
    cue_hits = [(m.start(), m.group().lower()) for m in (_ANY_CUE_LOWER.finditer(low) if low is not None
                                                         else _ANY_CUE.finditer(text))]
    cue_positions = [pos for pos, _ in cue_hits]
    cursor = 0
    for k, sentence in enumerate(sentences):
        if sentence.paragraph != paragraph:
            paragraph, context, previous_sentence = sentence.paragraph, [], ""
        while cursor < len(cue_positions) and cue_positions[cursor] < sentence.start:
            cursor += 1
        has_cue = cursor < len(cue_positions) and cue_positions[cursor] < sentence.end
        mentions = list(names.get(k, ()))
        if has_cue:
            mentions = sorted(mentions + pronoun_mentions(text, sentence), key=lambda x: x.start)
        elif not mentions:
            previous_sentence = text[sentence.start:sentence.end]
            continue
        _resolve_pronouns(mentions, context)
        groups = group_mentions(text, mentions)
        if mentioned is not None:
            mentioned.append(((sentence.start, sentence.end),
                              [p for m in mentions if m.kind in ("name", "surname") for p in m.people]))
        sentence_text = text[sentence.start:sentence.end]
        if has_cue and any(g.people for g in groups):
            stems = set()
            j = cursor
            while j < len(cue_hits) and cue_hits[j][0] < sentence.end:
                stems.add(cue_hits[j][1])
                j += 1
            for (outcome, side, pattern), needed in zip(_CUES, _CUE_STEMS, strict=True):
                if needed is not None and needed.isdisjoint(stems):
                    continue
                for cue in pattern.finditer(text, sentence.start, sentence.end):
                    if _NEGATION.search(text, max(sentence.start, cue.start() - 30), cue.start()):
                        continue
                    if _FOREIGN_CLAUSE.search(text, sentence.start, cue.start()):
                        continue
                    generic = outcome == "asylum_denied" and re.match(rf"(?:{_GENERIC_DENIAL})\b", cue.group(), re.IGNORECASE)
                    if generic and not (_ASYLUM_CONTEXT.search(sentence_text)
                                        or _ASYLUM_CONTEXT.search(previous_sentence)):
                        continue  # "his application was denied" counts only where asylum is the topic
                    chosen = _pick(groups, cue, side, text)
                    if chosen is None:
                        continue
                    for person in chosen.people:
                        yield CaseHit(person, outcome, sentence, cue.start(), cue.end(), chosen, text)
        context.extend(m for m in mentions if m.people)
        previous_sentence = sentence_text


_RIGHT_AFTER = re.compile(r"\b(?:in|on|since)\s+$", re.IGNORECASE)
# "expelled to X six days later", "released the following day": a day counted from the date before the verb
_DAYS_LATER = re.compile(r"[^,;.]{0,40}?\b(?:(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten) days later|"
                         r"the (?:following|next) day|the day after)\b", re.IGNORECASE)
_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_PREVIOUS_YEAR = re.compile(r"[^,;.]{0,40}?\b(?:the previous year|a year earlier|the year before)\b", re.IGNORECASE)


def _with_year(mention: DateMention, mentions: list[DateMention]) -> str:
    """A date written without a year ("on 15 May") takes the year of the last dated
    mention before it in the sentence ("On 22 May 2023 ... on 15 May")."""
    if not mention.year_inferred or mention.is_period:
        return mention.value
    earlier = [d for d in mentions if d.end <= mention.start and not d.year_inferred and not d.is_period]
    for other in sorted(earlier, key=lambda d: (len(d.value) > 4, d.start), reverse=True):
        return other.value[:4] + mention.value[4:]  # the latest full date; a bare year only failing that
    return mention.value


def _case_date(document: Document, sentence: Sentence, cue_start: int, cue_end: int,
               default_year: int | None) -> str | None:
    """The date of the verb in its sentence: one written right after it ("deported to X on
    8 July", "held since 2016"), else the last one before it, else the sentence's first.
    "the previous year" counts back from the date before the verb."""
    text = document.text[sentence.start:sentence.end]
    mentions: list[DateMention] = [d for d in find_dates(text, default_year=default_year) if not d.is_period]
    offset, cue_offset = cue_start - sentence.start, cue_end - sentence.start
    before = [d for d in mentions if d.end <= offset]
    if before and _PREVIOUS_YEAR.match(text, cue_offset):
        year = int(before[-1].value[:4]) - 1
        return str(year)
    if not mentions:
        return None
    later = _DAYS_LATER.match(text, cue_offset) if before else None
    if later:
        day = _with_year(before[-1], mentions)
        word = (later.group(1) or "one").lower()
        try:
            return (_dt.date.fromisoformat(day) + _dt.timedelta(days=int(word) if word.isdigit() else _SMALL[word])).isoformat()
        except ValueError:
            pass  # not a full day: the date before stands
    right_after = [d for d in mentions if 0 <= d.start - cue_offset <= 40
                   and text[cue_offset:d.start].count(",") == 0
                   and _RIGHT_AFTER.search(text, cue_offset, d.start)]
    if right_after:  # "sentenced in 2018": the verb's own date beats the sentence's opener
        return _with_year(right_after[0], mentions)
    if before:
        return _with_year(before[-1], mentions)
    return _with_year(mentions[0], mentions)


def _quote_span(hit: CaseHit) -> tuple[int, int]:
    """The clause holding the verb and its person: from the earlier to the later of the two,
    widened to the sentence when that is short."""
    if hit.sentence.end - hit.sentence.start <= 240:
        return hit.sentence.start, hit.sentence.end
    s = min(hit.cue_start, hit.mention.start)
    e = max(hit.cue_end, hit.mention.end)
    clause_end = _CLAUSE_END.search(hit.source, e, hit.sentence.end)
    return s, clause_end.start() if clause_end else hit.sentence.end


_LAST_SCAN: list[tuple[str, list[CaseHit], set[tuple[int, int]]]] = []


def scan_cases(document: Document) -> tuple[list[CaseHit], set[tuple[int, int]]]:
    """The case links of a document, and the sentences that mention a person with a case.

    Event extraction leaves those sentences to cases: "the court sentenced A. B."
    or "the court also imposed on B. a ban" is about one person, not an event.
    The last result is kept because cases and events read the same document in a row.
    """
    if _LAST_SCAN and _LAST_SCAN[0][0] is document.text:
        return _LAST_SCAN[0][1], _LAST_SCAN[0][2]
    mentioned: list[tuple[tuple[int, int], list[Person]]] = []
    hits = list(find_cases(document, mentioned))
    with_cases = {id(h.person) for h in hits}
    about = {(h.sentence.start, h.sentence.end) for h in hits}
    about.update(span for span, people in mentioned if any(id(p) in with_cases for p in people))
    _LAST_SCAN[:] = [(document.text, hits, about)]
    return hits, about


def sentences_about_cases(document: Document) -> set[tuple[int, int]]:
    """Sentences that mention a person whose case the document reports (see ``scan_cases``)."""
    return scan_cases(document)[1]


@register(NAME, version=VERSION, produces=[FactType.CASE])
def extract_cases(document: Document) -> Iterable[Fact]:
    seen: set[tuple[int, str]] = set()
    facts: list[Fact] = []
    datelines = dateline_years(document.text)
    for hit in scan_cases(document)[0]:
        key = (id(hit.person), hit.outcome)
        if key in seen:
            continue
        seen.add(key)
        start, end = _quote_span(hit)
        fields: dict[str, object] = {"name": hit.person.name, "outcome": hit.outcome}
        if hit.person.nationality:
            fields["nationality"] = hit.person.nationality
        date = _case_date(document, hit.sentence, hit.cue_start, hit.cue_end,
                          year_at(datelines, hit.sentence.start, document.year))
        if date:
            fields["date"] = date
        confidence = 0.75 if hit.mention.kind in ("name", "group") else 0.65
        facts.append(make_fact(document, FactType.CASE, start, end, fields, extractor=EXTRACTOR_ID,
                               rule=f"{hit.outcome}:{hit.mention.kind.split(':')[0]}", confidence=confidence))
    return facts
