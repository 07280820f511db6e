"""Events: dated raids, mass detentions, expulsions, protests, rulings and policy changes.

An event is something that happened at a time and concerned many people or
the law, not one named person (those are cases). Reports date events loosely:
in the sentence ("On May 25, ..."), in an earlier sentence of the paragraph
("In January 2022, protests erupted ... Migrants were swept up in raids"), or
not at all when a monitor update says what a state "has introduced" (then the
report's own year is the date). An event without any date is not reported:
undated generalities ("police conduct frequent raids") are not events.

One record per (kind, date) per document: sources often restate one event.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from habeas.domain import Document, Fact, FactType
from habeas.extract.cases import sentences_about_cases
from habeas.extract.dates import DateMention, find_dates
from habeas.extract.numbers import find_numbers
from habeas.extract.registry import register
from habeas.extract.sentences import Sentence, split_sentences
from habeas.extract.spans import make_fact

NAME = "events"
VERSION = 1
EXTRACTOR_ID = f"{NAME}@{VERSION}"

KINDS = ("raid", "detention", "deportation", "extradition", "protest", "court_ruling",
         "policy_change", "border_closure", "agreement", "other")

_MANY = r"(?:(?:at least|about|around|some|more than|over|nearly|almost|up to|approximately) )?" \
        r"(?:\d[\d,]*|hundreds|dozens|thousands|scores|several|many|(?:one|two|three|four|five|six|seven|" \
        r"eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b)"
_W = r"[\w’'-]+"

_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("raid", re.compile(
        rf"\b(?:(?:conducted|carried out|launched|staged|mounted) (?:{_W} ){{0,3}}raids?|swept up in (?:{_W} ){{0,2}}"
        rf"raids?|raided)\b", re.IGNORECASE)),
    ("detention", re.compile(
        rf"\b(?:were (?:{_W} ){{0,2}}detained|detained {_MANY}|(?:mass |arbitrary )?detentions? "
        rf"(?:and \w+ )?of {_MANY}|were (?:{_W} ){{0,2}}held in (?:{_W} ){{0,2}}detention)\b", re.IGNORECASE)),
    ("deportation", re.compile(
        rf"\b(?:were (?:{_W} ){{0,2}}(?:deported|expelled)|deported {_MANY}|(?:mass )?(?:deportations?|expulsions?) "
        rf"of {_MANY}|detention and deportation of {_MANY})\b", re.IGNORECASE)),
    ("extradition", re.compile(rf"\b(?:were (?:{_W} ){{0,2}}extradited|extradit(?:ed|ions? of) {_MANY})\b", re.IGNORECASE)),
    ("protest", re.compile(
        rf"\b(?:(?:protests?|demonstrations?|rall(?:y|ies)|marches|riots|unrest) (?:{_W} ){{0,2}}(?:erupted|broke out|"
        rf"were held|was held|took place|spread|began)|(?:organi[sz]ed|staged|held|joined) (?:{_W} ){{0,3}}"
        rf"(?:protests?|demonstrations?|rall(?:y|ies)|marches|sit-ins?)|to (?:rally|protest|demonstrate|march) on|"
        rf"mass (?:protests?|demonstrations?))\b", re.IGNORECASE)),
    ("court_ruling", re.compile(
        rf"\b(?:(?:notified of|issued|handed down|delivered|announced|received) (?:the |a |its )?courts? (?:rulings?|"
        rf"decisions?|orders?|judg(?:e)?ments?|verdicts?)|issu\w+ (?:{_W} ){{0,2}}rulings?|"
        rf"(?:court|tribunal) (?:[^.;]{{0,50}}?)\b(?:found (?:{_W} ){{1,4}}guilty|convicted|sentenced|acquitted|"
        rf"ruled|ordered|annulled|struck down))\b", re.IGNORECASE)),
    ("policy_change", re.compile(
        rf"\b(?:(?:introduced|imposed|lifted|adopted|enacted|passed|approved|signed|amended|issued|announced|"
        rf"declared|extended|revoked|repealed) (?:{_W} ){{0,3}}(?:moratorium|ban|law|laws|amendments?|resolution|"
        rf"decree|regulations?|rules|bill|legislation|policy|state of emergency|quarantine|lockdown|curfew|"
        rf"restrictions?)|state of emergency (?:was |has been )?declared|"
        rf"(?:has|have) (?:{_W} ){{0,2}}(?:ceased|suspended|halted|stopped) (?:{_W} ){{0,2}}(?:deportations?|"
        rf"detentions?|removals?|returns?|proceedings|expulsions?)|(?:have|has) (?:also )?been suspended|"
        rf"decision to (?:ban|suspend|close|restrict|prohibit|block|halt|stop|end|introduce)|"
        rf"(?:entered|came) into force|law (?:{_W} ){{0,6}}(?:has been |was )adopted)\b", re.IGNORECASE)),
    ("border_closure", re.compile(
        rf"\b(?:borders? (?:{_W} ){{0,2}}(?:were|was|had been|have been|has been|remained) closed|"
        r"clos(?:ed|ing|ure of) (?:its |the |all |their )?(?:\w+ )?borders?)\b", re.IGNORECASE)),
    ("agreement", re.compile(
        rf"\b(?:signed|concluded|reached) (?:an? |the )?(?:{_W} ){{0,3}}(?:agreement|memorandum|accord|deal)\b", re.IGNORECASE)),
    ("other", re.compile(
        r"\b(?:blocked (?:access to )?[\w-]+\.[a-z]{2,6}\b|[\w-]+\.[a-z]{2,6} (?:was|were) blocked|"
        r"facilitated (?:their|the|his|her) return|repatriated)", re.IGNORECASE)),
]
_CUES_LOWER = [(kind, re.compile(pattern.pattern)) for kind, pattern in _CUES]
_PRESENT_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_REPORT_YEAR_KINDS = frozenset({"policy_change", "border_closure"})
_PERSON_KINDS = frozenset(KINDS) - {"agreement", "protest"}
_COUNTED = frozenset({"raid", "detention", "deportation", "extradition", "protest", "court_ruling", "other",
                      "border_closure"})
_NEGATION = re.compile(r"\b(?:not|never|no|n[o’']t|without)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_PEOPLE = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?:people|persons|individuals|migrants|foreigners|refugees|asylum[- ]seekers|"
    r"protesters|demonstrators|detainees|nationals|citizens|workers|children|women|men|activists|"
    r"journalists|students|families|prisoners|members|supporters|officers|Uzbeks|Tajiks|Kyrgyz|[A-Z]\w+s)\b")
_PLACE = re.compile(
    r"\b(?:in|at|on|near)\s+(?:the\s+)?([A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+){0,3}"
    r"(?:\s+(?:region|province|district|highway|city|village|camp|border|checkpoint|airport|port|oblast))?)")
_COURT_PLACE = re.compile(r"\b([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?) (District|Regional|City|Provincial|Municipal) Court\b")
_NOT_PLACES = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December|The|This|"
    r"Whatsapp|Facebook|Twitter|Telegram|YouTube|Instagram)\b")


@dataclass(frozen=True, slots=True)
class EventHit:
    kind: str
    sentence: Sentence
    cue_start: int
    cue_end: int
    date: str
    rule: str


def _date_in_sentence(mentions: list[DateMention], offset: int) -> DateMention | None:
    before = [d for d in mentions if d.end <= offset]
    if before:
        return before[-1]
    return mentions[0] if mentions else None


def _count(text: str, sentence: Sentence, cue_start: int, cue_end: int) -> int | None:
    """People concerned: the number nearest the verb that counts people."""
    best: tuple[int, int] | None = None
    for number in find_numbers(text[sentence.start:sentence.end]):
        if number.value is None or number.is_percent or number.has_currency or number.is_year_like:
            continue
        if not float(number.value).is_integer() or number.value < 2:
            continue
        start, end = sentence.start + number.start, sentence.start + number.end
        if not _PEOPLE.match(text, end, min(sentence.end, end + 60)):
            continue
        distance = cue_start - end if end <= cue_start else start - cue_end
        distance = max(distance, 0)
        if distance <= 120 and (best is None or distance < best[0]):
            best = (distance, int(number.value))
    return best[1] if best else None


def _place(text: str, sentence: Sentence) -> str | None:
    span = text[sentence.start:sentence.end]
    court = _COURT_PLACE.search(span)
    if court:
        return f"{court.group(1)} {court.group(2)}"
    for m in _PLACE.finditer(span):
        place = m.group(1)
        if _NOT_PLACES.match(place) or find_dates(place):
            continue
        return place
    return None


def _bisect(sentences: tuple[Sentence, ...], offset: int) -> int | None:
    lo, hi = 0, len(sentences) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sentences[mid].start <= offset:
            lo = mid
        else:
            hi = mid - 1
    if sentences and sentences[lo].start <= offset < sentences[lo].end:
        return lo
    return None


def find_events(document: Document) -> list[EventHit]:
    """Every dated event cue of the document, in reading order (duplicates included).

    Each cue pattern scans the whole text once; dates are parsed only for the
    sentences that hold a cue (and, for the paragraph's time, those before it).
    """
    text = document.text
    sentences = split_sentences(text)
    if not sentences:
        return []
    about_cases = sentences_about_cases(document)
    date_cache: dict[int, list[DateMention]] = {}

    def dates_of(k: int) -> list[DateMention]:
        if k not in date_cache:
            sentence = sentences[k]
            date_cache[k] = find_dates(text[sentence.start:sentence.end], default_year=document.year)
        return date_cache[k]

    def carried(k: int) -> str | None:
        paragraph = sentences[k].paragraph
        j = k - 1
        while j >= 0 and sentences[j].paragraph == paragraph:
            dated = [d for d in dates_of(j) if not d.is_period]
            if dated:
                return dated[-1].value
            j -= 1
        return None

    hits: list[EventHit] = []
    # Case-insensitive matching is done on a lower-cased copy: much faster than re.I,
    # and offsets agree whenever lower-casing keeps the length (else fall back to re.I).
    lowered = text.lower()
    scanned, patterns = (lowered, _CUES_LOWER) if len(lowered) == len(text) else (text, _CUES)
    for kind, pattern in patterns:
        for cue in pattern.finditer(scanned):
            k = _bisect(sentences, cue.start())
            if k is None:
                continue
            sentence = sentences[k]
            if cue.end() > sentence.end:
                continue
            if kind in _PERSON_KINDS and (sentence.start, sentence.end) in about_cases:
                continue
            if _NEGATION.search(text, max(sentence.start, cue.start() - 25), cue.start()):
                continue
            mention = _date_in_sentence(dates_of(k), cue.start() - sentence.start)
            if mention is not None:
                date, rule = mention.value, "sentence-date"
            elif (previous := carried(k)) is not None:
                date, rule = previous, "paragraph-date"
            elif (kind in _REPORT_YEAR_KINDS and document.year is not None
                  and (_PRESENT_PERFECT.search(text, max(sentence.start, cue.start() - 30), cue.start())
                       or re.match(r"(?:has|have)\b", cue.group(), re.IGNORECASE))):
                date, rule = str(document.year), "report-year"
            else:
                continue
            hits.append(EventHit(kind, sentence, cue.start(), cue.end(), date, f"{kind}:{rule}"))
    hits.sort(key=lambda h: (h.cue_start, KINDS.index(h.kind)))
    return hits


@register(NAME, version=VERSION, produces=[FactType.EVENT])
def extract_events(document: Document) -> Iterable[Fact]:
    text = document.text
    seen: dict[tuple[str, str], Fact] = {}
    facts: list[Fact] = []
    for hit in find_events(document):
        key = (hit.kind, hit.date)
        count = _count(text, hit.sentence, hit.cue_start, hit.cue_end) if hit.kind in _COUNTED else None
        if key in seen:
            if count is not None and "count" not in seen[key].fields:  # a restatement that gives the figure
                seen[key].fields["count"] = count
            continue
        fields: dict[str, object] = {"kind": hit.kind, "date": hit.date}
        if count is not None:
            fields["count"] = count
        place = _place(text, hit.sentence)
        if place:
            fields["place"] = place
        confidence = {"sentence-date": 0.7, "paragraph-date": 0.55, "report-year": 0.5}[hit.rule.split(":")[1]]
        fact = make_fact(document, FactType.EVENT, hit.sentence.start, hit.sentence.end, fields,
                         extractor=EXTRACTOR_ID, rule=hit.rule, confidence=confidence)
        seen[key] = fact
        facts.append(fact)
    return facts
