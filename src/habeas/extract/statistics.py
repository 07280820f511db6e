"""Statistics stated in prose: "in 2008 136,000 foreigners were arrested".

A number becomes a statistic only when its own clause names what it counts:
the words right after it ("510 recognized refugees"), the verb that follows
("17,000 were deported"), the verb before it ("legalized the status of
146,970 foreign citizens") or, for "a figure of 1.9 million for that same
year", the statistic just before it. Everything else (years, ages, money,
sentence lengths, article numbers, shares of a total, counts of NGOs or cities)
is left alone: a researcher prefers a missed figure to a wrong one.

The observation date is the date mention nearest the number in its sentence,
else the last one of the previous sentence in the same paragraph, else the
report's year (figures in the present tense describe the report's time).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, islice

from habeas.domain import Document, Fact, FactType
from habeas.extract.profile_tables import match_label
from habeas.extract.registry import register
from habeas.extract.spans import make_fact
from habeas.text.dates import DateMention, find_dates
from habeas.text.numbers import NumberIndex, NumberMention, word_number_value
from habeas.text.patterns import lowered
from habeas.vocab import indicators

NAME = "statistics.prose"
VERSION = 5

# Sentence ends: terminal punctuation before a capital, or a line break that is not a
# mere hard wrap (wrapped PDF text continues a sentence on the next line).
# Every alternative begins with a quote, a bracket or white space: the leading lookahead
# lets the engine pass over all other positions with one test instead of six. The second
# test says what every alternative needs besides: terminal punctuation just before (the
# first) or a line break after optional blanks (the others); an ordinary space between two
# words fails it at once instead of failing each of the six alternatives.
_SENTENCE_END = re.compile(
    # (the look-ahead over spaces is bounded: unbounded, a long run of blanks with no line
    # break after it is rescanned from each of its positions, quadratic on hostile files)
    r"(?=[\"”’) \t\n])(?:(?<=[.!?])|(?=[ \t]{0,200}\n))(?:"
    r"(?<=[.!?])(?<!\bNo\.)(?<!\bno\.)(?<!\bNos\.)(?<!\bArt\.)(?<!\bart\.)[\"”’)]?[ \t]+(?=[A-Z“\"(\d])"
    r"|(?<=[.!?:;\"”’)])[ \t]*\n\s*"
    r"|[ \t]*\n(?:[ \t]*\n)+\s*"
    r"|(?<=\t)[ \t]*\n\s*|[ \t]*\n(?=[^\n]*\t)\s*"
    r"|[ \t]*\n(?=\s*(?:[-•*\uf0b7]|\d+\.\s))\s*"
    # a key figure: a line holding only a number, its description on the next line in lower case
    r"|[ \t]*\n(?=[ \t]*\d[\d,.]*(?:[ \t]?(?:%|million|billion))?[ \t]*\n[ \t]*[a-z]))")
_CANDIDATE_LINE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b",
    re.I)
# A clause ends at dashes, semicolons, colons, brackets, or a comma followed by a space.
# The same test on the lower-cased text, several times faster than re.IGNORECASE. Only
# non-ASCII sentences (where case folding and lower-casing may disagree) that fail it are
# tried again with the case-insensitive pattern.
_CANDIDATE_LINE_LOWER = re.compile(_CANDIDATE_LINE.pattern)
_CLAUSE_BREAK = re.compile(r"[–—;:()\[\]]|,\s|\s-\s|\.(?:\s|$)")

# A people named by nationality ("Syrians", "Afghans", "Iraqis", "Congolese", "Uzbeks"): the
# usual demonym endings, so that no list of countries is needed.
_NATIONALITY = r"(?:[A-Z][a-z]{2,}(?:ans|is|ese|ks|ds|os)|Rohingya)\b"
_MIGRANT = (r"(?:(?:international|irregular|undocumented|illegal|foreign|labou?r|economic|[A-Z][a-z]+)\s+)?"
            r"(?:migrants?|migrant\s+workers|immigrants|foreigners|foreign\s+(?:nationals|citizens|workers)|"
            r"non-?citizens|non-?nationals|aliens|asylum[- ]seekers|third-country\s+nationals|expatriates)"
            rf"|{_NATIONALITY}")
_PEOPLE = r"(?:persons|people|individuals|citizens|nationals|men|women|children|minors)"

_REFERENCE_BEFORE = re.compile(
    r"(?:\barticles?|\bart\.|\bno\.|\bnos\.|\bsections?|\bparagraphs?|\bparas?\.|§|\bpages?|\bp\.|\bpp\.|"
    r"\bchapters?|\bresolutions?|\brules?|\bdecrees?|\borders?|\bsessions?|\bitems?|\bpoints?|\bnumber|#|\blaw)\s*$",
    re.I)
# The last word each backward-anchored pattern can end with. A window whose last word is
# none of these cannot match, and ``str.endswith`` says so far faster than the regex,
# which would otherwise be tried at every position of the window.
_REFERENCE_ENDINGS = ("article", "articles", "art.", "no.", "nos.", "section", "sections", "paragraph",
                      "paragraphs", "para.", "paras.", "§", "page", "pages", "p.", "chapter", "chapters",
                      "resolution", "resolutions", "rule", "rules", "decree", "decrees", "order", "orders",
                      "session", "sessions", "item", "items", "point", "points", "number", "#", "law")
_AGE_ENDINGS = ("aged", "of", "under")
_SHARE_ENDINGS = ("whom", "which", "including", "them")
_AGE_BEFORE = re.compile(r"\b(?:aged|age\s+of|ages\s+of|under|over\s+the\s+age\s+of)\s*$", re.I)
_DURATION_AFTER = re.compile(r"^\s*(?:-|\s)?(?:calendar\s+|working\s+|consecutive\s+)?(?:days?|weeks?|months?|years?|hours?|minutes?|decades?)\b", re.I)
_HYPHEN_WORD_AFTER = re.compile(r"^-[A-Za-z]")
_SHARE_AFTER = re.compile(r"^\s*(?:%|percent|per\s?cent)?\s*(?:of\s+(?:whom|them|these|those|which|the)\b|out\s+of\b)", re.I)
_SHARE_BEFORE = re.compile(r"(?:\bof\s+whom|\bof\s+which|\bincluding|\bamong\s+them|\bamong\s+whom)\s*$", re.I)
_OPEN_PAREN = re.compile(r"\([^)]*$")
# The rest of a table row after a value: more value cells separated by column gaps, then the line end.
_TABLE_ROW_TAIL = re.compile(r"(?:[ \t]*%)?(?:(?:\t|[ ]{2,}|[ \t]*\|)[ \t]*(?:[\d.,]+[ \t]?%?|N/?A|[-–—]))*[ \t]*\|?[ \t]*(?:\n|$)")

_AFTER_RULES: list[tuple[str, re.Pattern[str], float]] = [
    ("refugees_per_1000", re.compile(r"^\s*refugees\s+per\s+(?:1,000|1000|thousand)", re.I), 0.85),
    ("stateless_persons", re.compile(
        r"^\s*(?:\w+\s+){0,2}?stateless\s+(?:persons|people|individuals)\b"
        rf"|^\s*(?:\w+\s+){{0,2}}?{_PEOPLE}\b[^.]*?\b(?:registered|recogni[sz]ed|identified|documented)\b[^.]*?\bas\s+stateless\b",
        re.I), 0.85),
    ("asylum_applications", re.compile(
        r"^\s*(?:new\s+|first-time\s+)?(?:asylum|refugee(?:\s+status)?|international\s+protection)\s+(?:applications|claims|requests)\b"
        r"|^\s*(?:new\s+|first-time\s+)?(?:applications|claims|requests)\s+for\s+(?:asylum|refugee\s+status|international\s+protection)\b"
        r"|^\s*(?:\w+\s+){0,2}?asylum[- ]seekers\s+(?:applied|lodged|filed|registered)\b"
        rf"|^\s*(?:\w+\s+){{0,2}}?(?:{_PEOPLE}|{_MIGRANT})\s+(?:had\s+|have\s+)?(?:applied|lodged\s+(?:applications|claims))\s+for\s+"
        r"(?:asylum|refugee\s+status|international\s+protection)\b",
        re.I), 0.85),
    ("employers_sanctioned", re.compile(
        r"^\s*employers\s+(?:were\s+|had\s+been\s+|have\s+been\s+)?(?:\w+\s+)?(?:held\s+liable|sanctioned|fined|penali[sz]ed|prosecuted)\b",
        re.I), 0.85),
    ("regularisations", re.compile(
        rf"^\s*(?:\w+\s+){{0,2}}?(?:{_PEOPLE}|{_MIGRANT}|workers)\s+(?:had\s+|have\s+|were\s+|had\s+been\s+|have\s+been\s+)?"
        r"(?:obtained|received|granted|issued|given)\s+(?:new\s+)?(?:residence|residency|work|stay)\s+(?:cards|permits|titles)\s+"
        r"(?:under|through|in|during|as\s+part\s+of)\s+(?:a|an|the)\s+(?:\w+\s+)?(?:regulari[sz]ation|amnesty)\b"
        # "12,400 residence permits (a named scheme) issued under the 2021 regularisation programme"
        r"|^\s*(?:new\s+)?(?:residence|residency|work|stay|humanitarian)\s+(?:cards|permits|titles|visas)\b[^.;]{0,40}?"
        r"\b(?:granted|issued|awarded|delivered)\s+(?:under|through|in|during|as\s+part\s+of)\s+(?:a|an|the)\s+[^.;]{0,25}?"
        r"\b(?:regulari[sz]ation|amnesty)\b",
        re.I), 0.75),
    ("detained_minors", re.compile(
        r"^\s*(?:\w+\s+){0,2}?(?:children|minors)\s+(?:were\s+|had\s+been\s+|have\s+been\s+)?(?:held\s+|placed\s+|detained\s+)?"
        r"(?:detained|in\s+(?:immigration\s+)?detention)\b",
        re.I), 0.8),
    ("immigration_detainees", re.compile(
        r"^\s*(?:immigration\s+|migrant\s+|foreign\s+)?detainees\b(?!\s+(?:were\s+)?(?:released|tested|confirmed))"
        rf"|^\s*(?:\w+\s+){{0,2}}?(?:{_PEOPLE}|{_MIGRANT})\s+(?:were\s+|are\s+|had\s+been\s+|have\s+been\s+)?(?:held\s+|placed\s+|detained\s+|kept\s+)?"
        r"in\s+(?:(?:immigration|pre-?removal|administrative|migration)\s+detention|(?:immigration\s+|migrant\s+)?detention\s+(?:centres|centers|facilities)|deportation\s+(?:centres|centers))"
        rf"|^\s*(?:\w+\s+){{0,2}}?(?:{_PEOPLE}|{_MIGRANT}|(?:[A-Z][a-z]+\s+)?refugees(?:\s+and\s+asylum[- ]seekers)?)\s+"
        r"(?:known|reported|believed|estimated|said)\s+(?:\w+\s+){0,3}?to\s+be\s+(?:held\s+)?in\s+(?:immigration\s+)?detention\b"
        r"|^\s*(?:placements|admissions|entries)\s+(?:in|into|to)\s+(?:the\s+)?(?:closed|detention|pre-?removal|removal|deportation|holding)\s+"
        r"(?:centres|centers|facilities|cent(?:re|er))\b|^\s*(?:detention\s+)?placements\s+in\s+(?:immigration\s+)?detention\b",
        re.I), 0.8),
    ("detention_facilities", re.compile(
        r"^\s*(?:immigration\s+|pre-?removal\s+|migrant\s+)?(?:removal|detention|deportation|holding)\s+(?:centres|centers|facilities|camps|houses)\b",
        re.I), 0.7),
    ("deportations", re.compile(
        r"^\s*(?:forced\s+|forcible\s+)?(?:removals|deportations|expulsions)\b|^\s*(?:forced|forcible|involuntary)\s+returns\b",
        re.I), 0.75),
    ("migrant_arrivals", re.compile(
        r"^\s*(?:(?:irregular|sea|maritime|boat|land|air)\s+(?:and|or)\s+)?(?:irregular\s+|sea\s+|maritime\s+|boat\s+|land\s+|migrant\s+)?arrivals\b"
        r"(?!\s+of\s+(?:tourists|visitors)|\s+(?:were\s+|are\s+|still\s+)*(?:awaiting|waiting|pending))"
        r"|^\s*(?:irregular\s+)?(?:sea|border)\s+crossings\b", re.I), 0.7),
    ("refugees", re.compile(
        r"^\s*(?:officially\s+)?(?:recogni[sz]ed|registered|mandate|UNHCR-recogni[sz]ed)\s+refugees\b(?!\s+(?:were|had\s+been|have\s+been)\s+\w+ed\b)"
        r"|^\s*refugees\s+(?:(?:were\s+|are\s+)?(?:living\s+|residing\s+)?in\s+the\s+country|(?:were\s+|are\s+)?(?:living|residing)\s+in)\b"
        rf"|^\s*(?:\w+\s+){{0,2}}?{_PEOPLE}\s+(?:held|hold|had|have|enjoyed)\s+refugee\s+status\b",
        re.I), 0.75),
    ("criminal_prison_population", re.compile(
        r"^\s*(?:prisoners|inmates|(?:people|persons)\s+(?:held\s+)?in\s+prisons?)\b(?!\s+of\s+conscience)", re.I), 0.7),
]

_AFTER_RULES_BY_SLUG = {slug: pattern for slug, pattern, _ in _AFTER_RULES}

_VERB_RULES: list[tuple[str, re.Pattern[str], float]] = [
    ("deportations", re.compile(r"^\s*(?:(?:were|had\s+been|have\s+been|was|being)\s+(?:\w+\s+)?)?(?:deported|expelled|removed|forcibly\s+returned)\b", re.I), 0.75),
    ("immigration_detainees", re.compile(
        r"^\s*(?:(?:were|are|had\s+been|have\s+been)\s+(?:being\s+)?held\s+in\s+(?:the\s+|official\s+)?(?:immigration\s+)?(?:detention|removal|[A-Z]{2,5}s?\b)"
        r"|(?:were|are|had\s+been|have\s+been)\s+(?:being\s+)?(?:held|detained)\s+pending\s+(?:deportation|removal|expulsion)\b"
        r"|entered\s+(?:immigration\s+)?detention"
        r"|(?:passed|went)\s+through\s+(?:the\s+)?(?:(?:immigration\s+)?detention|removal|pre-?removal|deportation|[A-Z]{2,5}s?\b))",
        re.I), 0.65),
    ("returns", re.compile(
        r"\b(?:had\s+|have\s+|has\s+)?(?:returned\s+(?:home|to\s+their\s+(?:home\s+)?countr)|left\s+the\s+country|were\s+returned\s+home"
        r"|(?:left|departed|returned|went\s+home)\s+(?:voluntarily|(?:through|under|via|with)\s+(?:an?\s+|the\s+)?(?:assisted\s+)?voluntary\s+return))",
        re.I), 0.75),
    ("regularisations", re.compile(
        r"^\s*(?:were|had\s+been|have\s+been|was)\s+(?:\w+\s+)?(?:regulari[sz]ed|legali[sz]ed)\b", re.I), 0.75),
    ("migrant_arrivals", re.compile(r"\b(?:migrated|immigrated|arrived|entered)\s+(?:to|in|into)?\s*(?:the\s+)?(?:country|[A-Z])", re.I), 0.75),
    ("apprehensions", re.compile(r"\b(?:were|had\s+been|have\s+been)\s+(?:\w+\s+)?(?:arrested|apprehended|intercepted)\b"
                                  r"|^\s*(?:arrested|apprehended|intercepted)\s+(?:in|during|between|at|on|by)\b", re.I), 0.75),
    ("stateless_persons", re.compile(r"\b(?:registered|recogni[sz]ed)\b[^.]*?\bas\s+stateless\b"
                                     r"|^\s*(?:were|are|was|remained|remain|lived|live|living)\s+(?:still\s+|effectively\s+)?stateless\b", re.I), 0.8),
]
_MONTH_NAMES = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_STOCK_AFTER = re.compile(
    r"^(?!\s*(?:who|that|which)\b)[^,]*?\b(?:in\s+the\s+country|living\s+in|lived\s+in|live\s+in|resid(?:e|ed|ing)\s+in|present\s+in|"
    rf"in\s+(?!{_MONTH_NAMES}\b)(?P<place>[A-Z][a-z]+)\b(?!\s+\d))")
_STOCK_BEFORE = re.compile(r"\b(?:host|hosts|hosted|hosting|home\s+to|there\s+(?:were|are|was|is))\s*$", re.I)
_REGULARISED_BEFORE = re.compile(r"\b(?:legali[sz]ed|regulari[sz]ed)\s+(?:the\s+(?:status|stay|residence)\s+of\s+)?$", re.I)
_ANAPHORA_BEFORE = re.compile(r"\b(?:a\s+)?(?:figure|estimate|number|total)\s+of\s*$|\bestimated\s*$", re.I)
_ANAPHORA_AFTER = re.compile(r"^\s*(?:for\b|in\b|as\s+of\b|at\s+(?:the\s+)?(?:end\s+of|year[-’'s ]+end)|by\s+(?:the\s+)?end\s+of\b|$)", re.I)
# "the Red Cross reported 3,880 for the same year": a contrasting bare figure that takes the indicator it contradicts.
_REPORTED_BEFORE = re.compile(r"\b(?:reports?|reported|counts?|counted|records?|recorded|cites?|cited|gives?|gave|registered|"
                              r"publishe[sd]|lists?|listed|shows?|showed|mentions?|mentioned|logged|tallied|documented)\s*$", re.I)
_SAME_YEAR_AFTER = re.compile(r"^\s*(?:for|in|during)\s+(?:the\s+same|that)\s+(?:year|period)\b", re.I)
# A date inside a law's title ("the Law on External Migration of 17 July 2000", "Law No. 285-04 of 2004").
_TITLE_DATE_BEFORE = re.compile(
    r"\b(?:Law|Act|Code|Decree|Regulations?|Ordinance|Convention|Constitution|Resolution)\b(?:[^.;:]|(?<=No)\.){0,60}?\bof\s+(?:the\s+)?$")
# The date a procedure or body began ("began operating in 2021"): not the time of a later figure.
_ONSET_BEFORE = re.compile(
    r"\b(?:began|begun|started|introduced|established|created|launched|set\s+up|entered\s+into\s+force)\b[^.;,]{0,50}?\b(?:in|on|since)\s+$", re.I)
# "a hunger strike by around 40 detainees": the people in one incident, not a count of the country's detainees.
_INCIDENT_BY_BEFORE = re.compile(
    r"\b(?:strike|protest|riot|revolt|uprising|demonstration|sit-in|escape|breakout|fight|brawl)\s+(?:by|of|among|involving)\s*$", re.I)
# "the overall maximum is eight months" in a paragraph about detention.
_MAXIMUM_IS_BEFORE = re.compile(
    r"\b(?:overall|absolute|total|upper|outer|legal|statutory)\s+(?:maximum|limit|ceiling)\s+(?:period\s+)?(?:is|was|remains|stands\s+at)\s*$"
    r"|\bmaximum\s+(?:overall\s+)?(?:period|length|duration)\s+(?:is|was)\s*$", re.I)
_AVERAGE_LENGTH_BEFORE = re.compile(
    r"\baverage\s+(?:length|duration|period)\s+of\s+(?:stay|detention|custody)\b[^.;:]{0,40}?\b(?:was|is|stood\s+at|came\s+to|reached)\s*$", re.I)
# "the average stay in the centres was 12 days", "the mean duration was 23 days", "gave an average of eight days":
# read as a detention length only when the sentence or its paragraph speaks of detention.
_AVERAGE_BARE_BEFORE = re.compile(
    r"\b(?:average|mean)\s+(?:length|duration|period|stay|time)\b[^.;:]{0,40}?\b(?:was|is|stood\s+at|came\s+to|reached|of)\s*$"
    r"|\b(?:an?|the)\s+(?:\w+\s+)?(?:average|mean)\s+of\s*$", re.I)
_NOT_DETENTION_AVERAGE = re.compile(r"\b(?:hotel|visa|tourist|hospital|waiting|wait|procedure|processing|appeal|prison|sentence|imprison|pre-?trial)", re.I)
_SAME_YEAR = re.compile(r"\b(?:that|the)\s+same\s+(?:year|period)\b|\bthat\s+year\b", re.I)
_DETENTION_LENGTH_CONTEXT = re.compile(r"\b(?:held|detained|detention|kept|hold|holding)\b", re.I)
_NOT_DETENTION_LENGTH = re.compile(r"\b(?:imprison\w*|arrest|without\s+(?:charge|trial)|terror\w*|sentence\w*|prison|pre-?trial|probation|stay|register\w*|ban|visa|permit|contact)\b", re.I)
_PERCENT_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("refugee_recognition_rate", re.compile(
        r"\b(?:recognition|approval|acceptance)\s+rate\b|\brecogni[sz]ed\b[^.]*?\bas\s+refugees\b"
        r"|\b(?:recogni[sz]ed|granted)\s+refugee\s+status\s+(?:in|to)\b"
        r"|\b(?:recogni[sz]ed|accepted|approved|upheld)\s+(?:(?:%|per\s?cent|percent)\s+)?of\s+(?:the\s+|all\s+)?(?:asylum\s+|refugee\s+)?"
        r"(?:applicants|applications|claims|claimants|requests|asylum[- ]seekers)\b", re.I)),
    ("foreign_prisoners_pct", re.compile(r"\bforeign\b[^.]*\b(?:prisoners|inmates|prison\s+population)\b|\b(?:prisoners|inmates)\b[^.]*\bforeign", re.I)),
    ("international_migrants_pct", re.compile(r"\bmigrants?\b[^.]*\bof\s+the\s+(?:national\s+|total\s+)?population\b|\bpopulation\b[^.]*\b(?:migrants|foreign-born)\b", re.I)),
]
_CAPACITY_BEFORE = re.compile(r"\bcapacity\s+of\s*$", re.I)
_CAPACITY_AFTER = re.compile(r"^\s*(?:bed\s+spaces|beds|places)\b", re.I)
_DETENTION_WORDS = re.compile(r"\b(?:detention|detain\w*|removal\s+cent|holding\s+cent|deportation\s+cent)", re.I)
_COMPARISON_BEFORE = re.compile(r"\b(?:up\s+from|down\s+from|compared\s+(?:with|to)|against|fell\s+to|rose\s+to|increased\s+to|decreased\s+to)"
                                r"(?:\s+(?:a|the)\s+(?:record|peak|high|total)(?:\s+of)?)?\s*$", re.I)
# "against a record 520,085 the previous year", "up from 4,100 the year before": a comparison a year back.
_PREVIOUS_YEAR_AFTER = re.compile(r"^\s*(?:in\s+)?(?:the\s+(?:previous|preceding|prior)\s+year|the\s+year\s+before|a\s+year\s+(?:earlier|before))\s*$", re.I)
_YEAR_RIGHT_AFTER = re.compile(r"^\s*(?:in|during|for)\s+(?:19|20)\d\d\b", re.I)
_REPORT_YEAR = re.compile(r"\b(?:during|in|over|throughout)\s+the\s+year\b|\bthis\s+year\b", re.I)
# "during the first nine months of the year": the clause stops at "nine", so the rest is read on.
_PART_OF_YEAR = re.compile(r"[^,;.]{0,30}?\b(?:months|weeks|half|quarters?)\s+of\s+the\s+year\b", re.I)
_PER_100K = re.compile(r"^\s*(?:prisoners\s+)?per\s+100[, ]?000\b", re.I)
_COMPARED_DATE_BEFORE = re.compile(
    r"\b(?:up|down)\s+from\s+[\d.,]+(?:\s+\w+)?\s+in\s+$|\bcompared\s+(?:with|to)\s+[\d.,]+(?:\s+\w+)?\s+in\s+$", re.I)
_PART_OF_THE_YEAR = re.compile(r"\b(?:months|weeks|half|quarters?)\s+of\s+the\s+year\b", re.I)
_FISCAL_YEAR = r"(?:(?:fiscal|financial|calendar)\s+year\s+|FY\s?)?(?:19|20)\d\d\b"
_COMPARED_AFTER = re.compile(
    rf"^\s*(?:(?:{_PEOPLE}|detainees|days|a\s+day|per\s+day|daily|each\s+day|on\s+average)\s+){{0,2}}(?:in|during|for)\s+{_FISCAL_YEAR}", re.I)
# Counts of people a report's authors met are about the research, not the country.
_RESEARCH_BEFORE = re.compile(
    r"\b(?:interviewed|interviewing|interviews\s+with|spoke\s+(?:to|with)|speaking\s+(?:to|with)|met(?:\s+with)?|"
    r"surveyed|consulted|visited|accompanied|represented|assisted)\s*$", re.I)
_RESEARCH_CONTEXT = re.compile(r"\b(?:interview\w*|visited|spoke\s+(?:to|with)|surveyed|researchers)\b", re.I)
_DEPORTED_BEFORE = re.compile(r"\b(?:deported|expelled|deports|expels|deporting|expelling|forcibly\s+returned)\s*$", re.I)
_HELD_BEFORE = re.compile(
    r"\b(?:held|holds|holding|detained|detains|was\s+holding|were\s+holding)\s+"
    r"(?:an?\s+(?:daily\s+)?average\s+of\s+|a\s+total\s+of\s+|on\s+average\s+)?$", re.I)
_HELD_CONTEXT = re.compile(r"\bdetention\b|\bcustody\b|\bper\s+day\b|\bdaily\b|\bon\s+any\s+given\s+day\b", re.I)
_MIGRATION_CONTEXT = re.compile(r"migra|\bborder|irregular|undocumented|\bforeign|\baliens?\b|non-?citizens?|asylum|refugee|deport", re.I)
_ARREST_NOUN = re.compile(r"^\s*(?:border\s+)?(?:apprehensions|interceptions|arrests)\b(?!\s+of\s+(?:journalists|activists|protesters|opposition))", re.I)
_REFUGEE_NOUN = re.compile(
    r"^\s*(?:[A-Z][a-z]+\s+)?refugees\b(?:\s+(?:and|or)\s+asylum[- ]seekers\b)?(?P<tail>.*)", re.S)
_REFUGEE_STOCK_TAIL = re.compile(
    r"^(?:[^.]*?\b(?:registered|recogni[sz]ed|living|residing|present|hosted)\b|\s+(?:were\s+|are\s+)?in\s+the\s+country\b"
    r"|\s+(?:were\s+|are\s+)?(?:registered|living|residing)\b"
    r"|\s+(?:at|by)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+|that\s+)?year|year[- ]end|year[’']s\s+end)\b)", re.I)
_REFUGEE_EVENT_TAIL = re.compile(
    r"^\s*(?:who\s+)?(?:were|had\s+been|have\s+been|are\s+being)\s+(?!registered|recogni[sz]ed)\w+ed\b", re.I)
# "the ministry counted 690 refugees": an official tally of the refugee stock.
_COUNTED_BEFORE = re.compile(r"\b(?:counted|recorded|tallied|registered|enumerated)\s*$", re.I)
_REGISTERED_AFTER = re.compile(r"^\s*(?:were|are|had\s+been|have\s+been)\s+(?:officially\s+)?registered\b", re.I)
_NUMBER_OF_AT = re.compile(
    rf"\b(?:number|total)\s+of\s+(?:(?P<refugees>(?:[A-Z][a-z]+\s+)?refugees)|(?P<migrants>{_MIGRANT}))\b"
    r"(?P<rest>[^,;.]{0,60}?)\s+(?:at|was|is|stood\s+at|reached|totall?ed)\s*"
    r"(?:about|some|around|approximately|nearly|over|more\s+than|an\s+estimated)?\s*$")
# "the expulsion of 7,700 people", "the arrest of 1,340 residence violators": an act named by its noun.
_ACTION_OF_BEFORE = re.compile(
    r"\b(?P<action>deportations?|expulsions?|removals?|forced\s+returns?|returns?|repatriations?|arrests?|"
    r"apprehensions?|interceptions?)\s+of\s*$", re.I)
_ACTION_SLUGS = {"deportation": "deportations", "expulsion": "deportations", "removal": "deportations",
                 "forced": "deportations", "return": "returns", "repatriation": "returns",
                 "arrest": "apprehensions", "apprehension": "apprehensions", "interception": "apprehensions"}
# "a further 12,200 left with state assistance under voluntary return programmes"
_VOLUNTARY_DEPARTURE_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:left|departed|returned)\b[^.;]{0,60}?\b(?:voluntary|assisted)\s+(?:return|departure)"
    r"|^\s*(?:\w+\s+)?(?:left|departed)\s+(?:the\s+country\s+|\w+\s+)?voluntarily\b", re.I)
_VIOLATORS = r"(?:(?:residency|residence|labou?r|border|visa)\s+)?violators"
# "29,400 persons were placed in <centres|an acronym the document defines> in 2021".
_PLACED_IN = re.compile(
    r"\s*(?:(?:were|had\s+been|have\s+been|was)\s+)?placed\s+in\s+(?:the\s+|a\s+)?(?:(?:\w+\s+){0,2}?"
    r"(?:immigration\s+detention|detention(?:\s+(?:centres|centers|facilities))?|(?:removal|deportation|pre-?removal)\s+(?:centres|centers))\b"
    r"|(?P<bare>(?:\w+\s+)?(?:centres|centers)\b)|(?P<acr>[A-Z][A-Za-z]{1,9})\b)"
    r"|\s*(?:(?:were|had\s+been|have\s+been|was)\s+)?(?:placed|held|detained)\s+(?P<there>there)\b")
_ARRESTED_BEFORE = re.compile(r"\b(?:arrested|apprehended|intercepted)\s+(?:some\s+|about\s+|more\s+than\s+|over\s+)?$", re.I)
# "a temporary detention centre for foreign nationals (TsVSIG)": the name a document gives its centres.
_SITE_ACRONYM = re.compile(
    r"(?:detention|removal|deportation|holding|expulsion)\s+(?:centre|center|facility|camp|unit|house)s?\b[^()\n.;]{0,60}?"
    r"\((?P<acr>[A-Z][A-Za-z]{1,9})\)")


def _defined_sites(text: str, low: str) -> re.Pattern[str] | None:
    """A pattern for the acronyms the document defines for its detention centres, or None."""
    if "detention" not in low or "(" not in text:
        return None
    names = {m.group("acr") for m in _SITE_ACRONYM.finditer(text)}
    names = {a for a in names if sum(c.isupper() for c in a) >= 2}
    if not names:
        return None
    return re.compile(r"\s*(?:" + "|".join(re.escape(a) for a in sorted(names, key=len, reverse=True)) + r")s?\b")


_TOTAL_AT = re.compile(r"\b(?:put|puts|putting|placed|places|estimated|estimates)\s+(?:the|its|their)\s+(?:total|figure|number)\s+at\s*"
                       r"(?:about|some|around|approximately|nearly|over|more\s+than|at\s+least)?\s*$", re.I)
_SAME_FIGURE_AFTER = re.compile(r"^\s*(?:(?:for|in|during)\s+(?:the\s+same|that)\s+(?:year|period))?[\s,.]*$", re.I)
# "Deportations rose to 1,879 in 2023", "sea arrivals totalled 12,000": a count named by the subject of a verb of level.
_LEVEL_VERB_BEFORE = re.compile(
    r"\b(?P<noun>(?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+)\s+"
    r"(?:(?:rose|fell|increased|decreased|climbed|dropped|declined|grew|jumped|surged)\s+(?:again\s+|sharply\s+|further\s+)?to"
    r"|totall?ed|reached|numbered|stood\s+at|amounted\s+to|came\s+to)\s+"
    r"(?:about|some|around|approximately|nearly|roughly|over|more\s+than|almost|at\s+least)?\s*$")
_FLOW_INDICATORS = frozenset({"deportations", "apprehensions", "returns", "migrant_arrivals"})
_ON_DAY = re.compile(r"\b[Oo]n\s+(?:\d{1,2}\s+[A-Z][a-z]{2,8}|[A-Z][a-z]{2,8}\s+\d{1,2})\b")
_NOT_EXCEED_BEFORE = re.compile(
    r"\b(?:period|length|duration|detention|term)\b[^,;]{0,40}?\b(?:may|can|must|shall|should|does|will)\s+not\s+exceed\s*$"
    r"|\b(?:period|length|duration|detention|term)\b[^,;]{0,40}?\b(?:cannot|can't)\s+exceed\s*$", re.I)
_RELEASE_WITHIN_BEFORE = re.compile(
    r"\brelease\b[^.;]{0,60}?\b(?:detainees?|persons?|migrants?|foreigners?|him|her|them)\b[^.;]{0,40}?"
    r"\bnot\s+(?:been\s+)?(?:removed|deported|expelled)\s+within\s*$", re.I)
_DECIDED_BEFORE = re.compile(r"\b(?:decided|processed|rejected|adjudicated|examined|reviewed|resolved|closed|finali[sz]ed|approved|denied)\s*$", re.I)
_OF_THEM_DEPART = re.compile(r"^\s*of\s+(?:them|these|those|whom)\s+(?:\w+\s+)?(?P<verb>left\s+the\s+country|returned\s+(?:home|to\s+their)|departed\s+voluntarily)", re.I)
_REGISTERED_BEFORE = re.compile(r"\b(?:registered|recogni[sz]ed|identified|documented|confirmed)\s*$", re.I)
_AS_STATELESS_AFTER = re.compile(rf"^\s*(?:\w+\s+)?(?:{_PEOPLE}|{_MIGRANT})\s+as\s+stateless\b", re.I)
_PRESENT_STOCK = re.compile(r"\b(?:there\s+(?:are|is)|(?:live|lives|reside|resides|remain|remains)\s+in)\b", re.I)
_PUT_AT = re.compile(
    r"\b(?:national\s+|total\s+)?population\b[^,;.]{0,30}?\s+(?:at|was|is|stood\s+at|reached|totall?ed|numbered)\s*"
    r"(?:about|some|around|approximately|nearly|over|more\s+than|an\s+estimated)?\s*$", re.I)
_NAMED_FACILITY = re.compile(
    r"\b[A-Z][a-z]+\s+(?:[A-Z][a-z]+\s+)*(?:Detention|Processing|Immigration|Removal|Holding|Reception|Deportation)\s+"
    r"(?:Center|Centre|Facility|Camp|House|Unit)\b")
_DURATION_UNIT = re.compile(r"^\s*-?\s*(?:calendar\s+|working\s+|consecutive\s+)?(?P<unit>day|week|month|year)s?\b", re.I)
_EXTENDED_BY = re.compile(
    r"\s*(?:calendar\s+|working\s+)?(?:day|week|month|year)s?,?\s+(?:which\s+|that\s+)?(?:may|can|could)\s+be\s+extended\s+"
    r"(?:by|for)\s+(?:a\s+further\s+|another\s+|an\s+additional\s+|up\s+to\s+)?(?P<amount>\d+|[a-z]+(?:-[a-z]+)?)\s+"
    r"(?P<unit>day|week|month|year)s?\b", re.I)
# A limit set by law holds at the time of the report; one observed in a story needs its own date.
# Words of a rule rather than of a past event: an undated limit so worded holds in the report's year.
_LEGAL_LIMIT = re.compile(r"\b(?:law|act|code|article|legislation|decree|regulations?|statute|legally|lawfully|"
                          r"allows?|permits?|limited|may|can|cannot|must|shall)\b", re.I)
_SINCE_BEFORE = re.compile(r"\b(?:first|since|introduced|adopted|enacted|launched)\s+(?:\w+\s+)?(?:in\s+)?$", re.I)
_DAYS_PER = {"day": 1, "week": 7, "month": 30, "year": 365}
_LENGTH_VERB = re.compile(r"\b(?:held|detained|kept|confined|detention|hold|holding|placement|placed|custody|deprivation\s+of\s+liberty)\b", re.I)
_COORDINATED_AFTER = re.compile(rf"^\s*(?:{_NATIONALITY}|{_PEOPLE}|(?:[A-Z][a-z]+\s+)?refugees)\s+and\s*"
                                r"(?:about|some|around|approximately|nearly|over|more\s+than|an\s+estimated|at\s+least)?\s*$")
_END_OF_YEAR = re.compile(r"\bat\s+the\s+end\s+of\s+(?:the|that)\s+year\b|\b(?:by|at)\s+(?:the\s+)?year[- ]end\b"
                          r"|\b(?:by|at)\s+(?:the\s+)?year[’']s\s+end\b", re.I)
_PERIOD_START = re.compile(r"\b(?:between|from)\s+(?:mid-?|early\s+|late\s+)?$", re.I)
_PERIOD_JOIN = re.compile(r"\s*(?:and|to|until|through|-|–)\s*(?:mid-?|early\s+|late\s+|the\s+end\s+of\s+)?")
_WINDOW_END = re.compile(r";|,\s+(?:and|but|while|whereas|although)\b|\.\s")
_DATE_HEADING = re.compile(
    rf"^(?:#+[ \t]*)?(?:\*\*)?(?:\d{{1,2}}\s+{_MONTH_NAMES}|{_MONTH_NAMES}\s+\d{{1,2}},?)\s+(?P<year>(?:19|20)\d\d)\b[^\n]{{0,60}}$",
    re.M)
_QUALIFIER_WORDS = r"(?:about|some|around|approximately|nearly|roughly|over|more\s+than|an\s+estimated|at\s+least)?"
# "Official figures put total forced removals at 4,267", "the number of recognised refugees stood at
# 9,932": the noun phrase names the indicator, read against the vocabulary's labels and synonyms.
_FIGURE_AT = re.compile(
    r"\b(?:put|puts|putting|placed|places|estimated|estimates|estimate)\s+(?P<np>[^,;.:]{3,70}?)\s+at\s*"
    rf"{_QUALIFIER_WORDS}\s*$"
    r"|\b(?:number|total|count)\s+of\s+(?P<np2>[^,;.:]{3,60}?)\s+(?:stood\s+at|reached|totall?ed|amounted\s+to|rose\s+to|fell\s+to|was|is|at)\s*"
    rf"{_QUALIFIER_WORDS}\s*$", re.I)
_NOT_A_FIGURE_NOUN = re.compile(r"\b(?:interview\w*|visits?|staff|complaints?|deaths?|died|killed|budget|cost|fund\w*|recommendations?)\b", re.I)
# "The Border Guard runs six guarded centres", "operated ten CPRs": the country's detention estate.
_OPERATES_BEFORE = re.compile(r"\b(?:operat(?:e|es|ed|ing)|runs|ran|running|manag(?:es|ed|ing)|maintain(?:s|ed|ing)|administer(?:s|ed))\s*$", re.I)
_FACILITIES_AFTER = re.compile(
    r"^\s*(?P<words>(?:[\w-]+\s+){0,3}?)(?:centres|centers|facilities|camps|houses|[A-Z]{2,5}s)\b")
_NOT_DETENTION_SITES = re.compile(
    r"\b(?:reception|registration|training|accommodation|health|community|day|call|open|transit\s+accommodation|"
    r"offices?|schools?|shelters?|clinics?|hospitals?|businesses|companies)\b", re.I)
_SITE_HELD_BEFORE = re.compile(
    r"\b(?:cent(?:re|er)s?|facilit(?:y|ies)|camps?|[A-Z]{2,5}s?)\s+(?:\w+\s+)?(?:held|holds|housed|houses|accommodated|was\s+holding|were\s+holding)\s+"
    r"(?:an?\s+(?:daily\s+)?average\s+of\s+|a\s+total\s+of\s+)?$")
_CHILDREN_AFTER = re.compile(r"^\s*(?:\w+\s+)?(?:children|minors)\b", re.I)
_AS_REFUGEES_TAIL = re.compile(r"^[^.;]{0,60}?\bas\s+(?:registered\s+|recogni[sz]ed\s+)?refugees\b", re.I)
_PARALLEL_BEFORE = re.compile(r"(?:\band|\bwhile|\bwhereas|\bbut|\bwith)\s*$", re.I)
_PARALLEL_AFTER = re.compile(r"^\s*(?:in|during|between|over)\b[^,;]{0,40}?\b(?:19|20)\d\d\b", re.I)
# "extendable to 18 months", "renewable up to a total of 15 days", "from 3 months to 18 months".
_EXTENDED_LIMIT_BEFORE = re.compile(
    r"\b(?:extend|extendable|extended|extensible|renewable|prolong|prolonged|prolongable|increased|raised|lengthened|rising)\s+(?:it\s+|this\s+|them\s+)?"
    r"(?:up\s+)?to\s+(?:a\s+(?:total|maximum)\s+of\s+)?$"
    r"|\bmaximum\b[^.;]*\bfrom\s+\S+\s+(?:days|weeks|months|years)\s+to\s*$", re.I)
_AVERAGE_STAY_BEFORE = re.compile(
    r"\baverage\s+(?:length\s+of\s+|duration\s+of\s+)?stay\s+(?:in\s+(?:\w+\s+){1,2})?of\s*$"
    r"|\b(?:spent|spend|spending|held|detained|kept)\s+(?:for\s+)?(?:an\s+)?average\s+of\s*$", re.I)
# A limit stated as what the law allows holds at the report's time, whatever the date of the law.
# "the law caps detention in a centre at 60 days", "detention is limited to 90 days"
_CAP_BEFORE = re.compile(r"\b(?:caps?|capped|limits?|limited|restricts?|restricted)\b[^.;:]{0,40}?\b(?:at|to)\s*$", re.I)
# "limited to 30 days but may be extended": an initial period, not the maximum.
_RENEWABLE_AFTER = re.compile(r"^[^.;]{0,30}?\b(?:but|and|which|that)\s+(?:may|can|could|might)\s+be\s+(?:extended|renewed|prolonged)", re.I)
# "the opening of a new centre ... with a capacity of 1,500 places": one planned site, not the system's capacity.
_ONE_NEW_SITE = re.compile(
    r"\b(?:an?|one)\s+(?:new|planned|future|second|third|additional)\s+(?:\w+\s+)?(?:centre|center|facility|camp|site)\b"
    r"|\b(?:opening|construction|building|plans?\s+for)\s+(?:of\s+)?(?:an?|one)\s+(?:\w+\s+)?(?:centre|center|facility|camp)\b", re.I)
_LEGAL_PRESENT = re.compile(r"\b(?:may|can|allows?|permits?|requires?|is\s+limited|are\s+limited|shall|must\s+not)\b", re.I)
_AS_AMENDED = re.compile(r"\bas\s+(?:last\s+)?amended\b", re.I)
_CHANGE_VERB = re.compile(r"\b(?:extended|raised|increased|reduced|cut|lengthened|shortened|introduced|amended|changed)\b", re.I)
# "the Agency counted 3,540 detentions in 2022", "the service recorded 302,203 crossings during 2024",
# "counted 14,100 returns in 2023": a source's count named by a plural act noun after a counting verb.
_COUNT_NOUN_AFTER = re.compile(
    r"^[\"“”']?\s*(?:(?P<det>(?:immigration\s+|administrative\s+)?detentions|(?:immigration\s+)?detention\s+(?:orders|decisions|placements))"
    r"|(?P<cross>(?:irregular\s+|border\s+|unauthori[sz]ed\s+)?crossings)"
    r"|(?P<ret>(?P<vol>(?:assisted\s+)?voluntary\s+)?(?:returns|repatriations)))\b(?!\s+(?:of|on|to)\s+(?:goods|capital|investment|tax))", re.I)
_VOLUNTARY = re.compile(r"\bvoluntar", re.I)
_FORCED = re.compile(r"\b(?:deport\w*|expel\w*|expulsions?|forced|forcibly|pushed\s+back|push-?backs?)\b", re.I)
# "1,328 people were detained at <site> in 2023", "286 people were held in January-February 2025": a count of
# detentions over a period, passive. Not an incident: no single day, raid or hold of a few days.
_PASSIVE_HELD = re.compile(
    r"\s*(?:were|had\s+been|have\s+been)\s+(?:(?P<acc>accommodated|placed)|detained|held|confined)\b(?!\s+(?:for|without|incommunicado|hostage|captive|responsible|liable|accountable))"
    rf"(?:\s+(?:at|in)\s+(?!(?:{_MONTH_NAMES}|early|mid|late|(?:19|20)\d\d|the\s+(?:first|last|past|whole|same))\b)"
    r"(?P<site>(?:the\s+|a\s+)?[^.;,]{0,60}?))?"
    r"(?P<when>\s+(?:in|during|throughout|over)\s+(?:the\s+(?:first|last|past|whole)\s+[^.;,]{0,25}?\s+of\s+)?"
    rf"(?:(?:19|20)\d\d|(?:early\s+|mid-?|late\s+)?{_MONTH_NAMES}(?:[^.;,]{{0,30}}?(?:19|20)\d\d)?)\b)?\s*(?:[,.;]|$|according\b|,?\s*(?:most|many|some|of\s+whom)\b)")
_INCIDENT_WORDS = re.compile(
    r"\b(?:protests?|protesters|demonstrat\w+|rall(?:y|ies)|opposition|journalists?|activists?|election\w*|political|terror\w*|"
    r"charged|charges|criminal|militants?|insurgen\w*|raids?|round-?ups?|sweeps?|swoops?|operations?|at\s+sea|hostages?|strikes?)\b", re.I)
_SITE_CONTEXT = re.compile(
    r"\bcapacity\b|\b(?:immigration|administrative|pre-?removal)\s+detention\b|\b(?:detention|removal|holding|deportation|closed)\s+"
    r"(?:centres?|centers?|facilit(?:y|ies)|camps?|units?)\b", re.I)
_SITE_NAME = re.compile(r"(?:the\s+)?(?P<name>[A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|for|of|de|del))*)"
                        r"(?:\s+(?:detention\s+|removal\s+|holding\s+)?(?:facility|centre|center|camp|unit|site))?")


class _DetentionContext:
    """What the document says of immigration detention, looked up only when a rule asks."""

    __slots__ = ("_focus", "_low", "_sites", "_text")

    def __init__(self, text: str, low: str) -> None:
        self._text, self._low = text, low
        self._focus: bool | None = None
        self._sites: dict[str, bool] = {}

    def focus(self) -> bool:
        """Whether the document is about immigration detention ("immigration detention", "detention centres")."""
        if self._focus is None:
            low = self._low if self._low is not self._text else self._text.lower()
            hits = sum(low.count(w) for w in ("immigration detention", "detention of migrants", "detention of foreigners",
                                              "detention of asylum", "detention centre", "detention center",
                                              "pre-removal", "removal centre"))
            self._focus = hits >= 2
        return self._focus

    def is_detention_site(self, name: str, skip: tuple[int, int]) -> bool:
        """Whether the document names ``name`` elsewhere (outside ``skip``) as a place of detention
        ("Menogeia, with a capacity of 128", "the detention centre at Menogeia")."""
        key = f"{name}@{skip[0]}"
        if key not in self._sites:
            found = False
            start = self._text.find(name)
            while start >= 0 and not found:
                if not skip[0] <= start < skip[1]:
                    window = self._text[max(0, start - 120):start + len(name) + 120]
                    found = bool(_SITE_CONTEXT.search(window))
                start = self._text.find(name, start + len(name))
            self._sites[key] = found
        return self._sites[key]


_POPULATION_BEFORE = re.compile(r"\bpopulation\s+of\s*(?:about|some|around|approximately|nearly|over|more\s+than)?\s*$", re.I)


@dataclass(slots=True)
class _Found:
    indicator: str
    number: NumberMention
    start: int
    end: int
    date: str | None
    rule: str
    confidence: float
    value: float | None = None  # when the figure is converted ("ten years" -> 3650 days)


def _sentences(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, paragraph index) of each sentence; paragraphs are lines."""
    paragraph = 0
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > pos:
            yield pos, m.start(), paragraph
        gap = m.group(0)
        if "\n" in gap and (gap.count("\n") > 1 or text[m.start() - 1:m.start()] in ".!?:;\"”’)\t" or "\t" in text[m.end():text.find("\n", m.end())]):
            paragraph += 1
        pos = m.end()
    if pos < len(text):
        yield pos, len(text), paragraph


_PART_OF_PERIOD_BEFORE = re.compile(r"\b(?:first|last|past|previous|final|initial)\s+$", re.I)
_PART_OF_PERIOD_AFTER = re.compile(r"\s*(?:months|weeks|quarters|days)\s+of\b", re.I)


def _names_part_of_period(text: str, n: NumberMention) -> bool:
    """The number counts the part of a period a figure covers ("in the first nine months
    of 2024"): part of that figure's date, not a figure whose clause starts there."""
    return bool(_PART_OF_PERIOD_AFTER.match(text, n.end)
                and _PART_OF_PERIOD_BEFORE.search(text, max(0, n.start - 12), n.start))


def _clause_after(sentence: str, start: int, limit: int) -> str:
    window = sentence[start:limit]
    m = _CLAUSE_BREAK.search(window)
    return window[: m.start()] if m else window


def _clause_before(sentence: str, end: int, floor: int) -> str:
    window = sentence[floor:end]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    return window[breaks[-1].end():] if breaks else window


def _last_word(window: str) -> str:
    """The end of ``window`` without trailing space, lower-cased: what backward patterns test."""
    return window.rstrip()[-16:].lower()


_TAB_YEAR_CELL = re.compile(r"\t+ *(?:19|20)\d\d\b")
_CHILD_NOUN = re.compile(r"children|minors|boys|girls", re.I)


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    """First words of country names, lower-cased: "in France" names a country, "in Calais" a town."""
    import pycountry

    words: set[str] = set()
    for c in pycountry.countries:
        for name in (c.name, getattr(c, "common_name", ""), getattr(c, "official_name", "")):
            for part in re.split(r"[,(]", name or "")[:1]:
                first = part.strip().split(" ")[0].lower() if part.strip() else ""
                if first and first not in ("the", "republic", "kingdom", "state", "united"):
                    words.add(first)
    return frozenset(words | {"the", "kingdom", "republic", "united"})


_POSSESSIVE = re.compile(r"\b(?P<name>[A-Z][a-z]+)(?:'s|’s)\s")


@lru_cache(maxsize=64)
def _own_country_words(iso3: str | None) -> frozenset[str]:
    import pycountry

    c = pycountry.countries.get(alpha_3=iso3) if iso3 else None
    if c is None:
        return frozenset()
    names = (c.name, getattr(c, "common_name", ""), getattr(c, "official_name", ""))
    return frozenset(w.lower() for name in names for w in re.findall(r"[A-Za-z]+", name or ""))


def _other_country_source(before: str, iso3: str | None) -> bool:
    """Does a possessive country name other than the document's own ("Spain's ministry") precede the figure?"""
    if "'s" not in before and "’s" not in before:
        return False
    own = _own_country_words(iso3)
    return any(m.group("name").lower() in _country_words() and m.group("name").lower() not in own
               for m in _POSSESSIVE.finditer(before))


def _plainly_rejected(n: NumberMention) -> bool:
    """Rejections that need no context: checked before any date is parsed."""
    return n.value is None or n.is_year_like or n.has_currency or n.value <= 0


class _DateCover:
    """Answers "does a date of the sentence cover this offset?" by bisection, not by a scan
    of every date for every number (quadratic in long table-like sentences)."""

    def __init__(self, dates: list[DateMention]) -> None:
        ordered = sorted(dates, key=lambda d: d.start)
        self.starts = [d.start for d in ordered]
        self.reach = list(accumulate((d.end for d in ordered), max))  # furthest end so far

    def covers(self, offset: int) -> bool:
        k = bisect_right(self.starts, offset)  # dates starting at or before the offset
        return k > 0 and self.reach[k - 1] > offset


def _rejected(n: NumberMention, sentence: str, s_start: int, dates: list[DateMention],
              cover: _DateCover | None = None) -> bool:
    if _plainly_rejected(n):
        return True
    a, b = n.start - s_start, n.end - s_start
    if (cover or _DateCover(dates)).covers(a):
        return True
    before = sentence[max(0, a - 40):a]
    after = sentence[b:b + 40]
    last = _last_word(before)
    if (last.endswith(_REFERENCE_ENDINGS) and _REFERENCE_BEFORE.search(before)
            or last.endswith(_AGE_ENDINGS) and _AGE_BEFORE.search(before)):
        return True
    if _HYPHEN_WORD_AFTER.match(after) or _SHARE_AFTER.match(after) and not _counted_part(before, after) \
            or last.endswith(_SHARE_ENDINGS) and _SHARE_BEFORE.search(before) and not _REGISTERED_AFTER.match(after) \
            and not _CHILDREN_AFTER.match(after):
        return True
    if (sentence[max(0, a - 2):a] == "  " or sentence[a - 1:a] == "\t" or sentence[max(0, a - 2):a].strip(" ") == "|") \
            and _TABLE_ROW_TAIL.match(sentence, b):
        return True  # a cell of a text table: table_statistics reads it with its column's year
    if sentence[b:b + 1] == "\t" and _TAB_YEAR_CELL.match(sentence, b):
        return True  # "29.7<TAB>2019": a value cell beside its year cell, read by the table extractors
    if _OPEN_PAREN.search(sentence[max(0, a - 80):a]):
        return True
    return False


# "recognised 71 per cent of the applicants": a rate, not a share of an earlier figure.
_RECOGNISED_BEFORE = re.compile(r"\b(?:recogni[sz]ed|accepted|approved|upheld)\s*$", re.I)
_RATE_OF_CLAIMS = re.compile(r"\s*(?:(?:%|per\s?cent|percent)\s+)?of\s+(?:the\s+|all\s+)?(?:asylum\s+|refugee\s+)?"
                             r"(?:applicants|applications|claims|claimants|requests|asylum[- ]seekers)\b", re.I)


def _paragraph_lead(text: str, s_start: int) -> str:
    """The text of the paragraph before a sentence (at most 400 characters)."""
    lead = text[max(0, s_start - 400):s_start]
    cut = lead.rfind("\n\n")
    return lead[cut + 2:] if cut >= 0 else lead


def _counted_part(before: str, after: str) -> bool:
    """"380 of them left the country", "deported 9,240 of them": a part that is itself a count of an act."""
    return bool(_OF_THEM_DEPART.match(after)
                or re.match(r"\s*of\s+(?:them|these|those)\b", after, re.I) and _DEPORTED_BEFORE.search(before)
                or _RATE_OF_CLAIMS.match(after) and _RECOGNISED_BEFORE.search(before))


_RESEARCH_ENDINGS = ("interviewed", "interviewing", "with", "to", "met", "surveyed", "consulted", "visited",
                     "accompanied", "represented", "assisted")
_PARALLEL_ENDINGS = ("and", "while", "whereas", "but", "with")
_COMPARISON_ENDINGS = ("from", "with", "to", "against", "record", "peak", "high", "total", "of")
_OF_ONLY = re.compile(r"\s*of\s*", re.I)


def _ends_search(pattern: re.Pattern[str], before: str, endings: tuple[str, ...]) -> re.Match[str] | None:
    """``pattern.search(before)`` for a pattern anchored at the end whose last word is one of ``endings``.

    ``str.endswith`` rules most windows out far faster than the regex, which is tried
    at every position. Non-ASCII windows always go to the regex: case folding there can
    match what lower-casing does not.
    """
    if before.isascii() and not _last_word(before).endswith(endings):
        return None
    return pattern.search(before)


def _classify(n: NumberMention, sentence: str, s_start: int, after: str, before: str,
              previous: _Found | None, sites: re.Pattern[str] | None = None, lead: str = "",
              context: _DetentionContext | None = None) -> tuple[str, str, float] | None:
    """(indicator, rule, confidence) for one number, or None.

    ``sites`` matches the document's own names of its detention centres (acronyms it defines);
    ``lead`` is the text of the paragraph before the sentence.
    """
    if n.value is None:
        return None  # vague amounts ("hundreds") never get here: _plainly_rejected drops them first
    if _ends_search(_RESEARCH_BEFORE, before, _RESEARCH_ENDINGS):
        return None
    if _OF_ONLY.fullmatch(before):
        return None
    if _INCIDENT_BY_BEFORE.search(before):
        return None
    if not n.is_percent and _OF_THEM_DEPART.match(after):
        return "returns", "share:departed", 0.55  # "380 of them left the country under the programme"
    if not n.is_percent and n.value >= 50 and re.match(r"\s*of\s+(?:them|these|those)\b", after, re.I) \
            and _DEPORTED_BEFORE.search(before):
        return "deportations", "verb_before:deported_part", 0.55  # "arrested 17,930 ... and deported 9,240 of them"
    if n.value >= 20 and _REGISTERED_BEFORE.search(before) and _AS_STATELESS_AFTER.match(after):
        return "stateless_persons", "verb_before:registered_stateless", 0.7  # "Of 5,000 arrivals, 71% ...": the whole that a share is taken of
    if _ends_search(_SHARE_BEFORE, before, _SHARE_ENDINGS) and _CHILDREN_AFTER.match(after):
        # "held 2,144 people, including 254 children": the detained minors among the detainees
        if previous is not None and previous.indicator == "immigration_detainees" and previous.start >= s_start:
            return "detained_minors", "share:children", 0.55
        return None
    if previous is not None and previous.start >= s_start and previous.indicator and _ends_search(_PARALLEL_BEFORE, before, _PARALLEL_ENDINGS) \
            and _PARALLEL_AFTER.match(after) and not n.is_percent and not _DURATION_AFTER.match(after) \
            and indicators()[previous.indicator].unit not in ("percent", "days"):
        return previous.indicator, "parallel", 0.5  # "23,096 ... in 2014 and about 27,000 in 2017-2018"
    if previous is not None and previous.start >= s_start \
            and _ends_search(_COMPARISON_BEFORE, before, _COMPARISON_ENDINGS) \
            and n.is_percent == (indicators()[previous.indicator].unit == "percent"):
        if _COMPARED_AFTER.match(after) \
                and (previous.indicator == "detention_length_avg_days") == bool(re.match(r"\s*days\b", after, re.I)):
            return previous.indicator, "comparison", 0.55
        if _PREVIOUS_YEAR_AFTER.match(after) and previous.date and previous.date[:4].isdigit() \
                and indicators()[previous.indicator].unit not in ("percent", "days"):
            return previous.indicator, "comparison:previous_year", 0.5
    if n.is_percent:
        clause = before + " " + after
        for slug, pattern in _PERCENT_RULES:
            if pattern.search(clause):
                return slug, f"percent:{slug}", 0.7
        return None
    if _PER_100K.match(after) and re.search(r"prison|incarcerat|imprison", before + after, re.I):
        return "prison_population_rate", "per_100k", 0.7
    duration = _DURATION_AFTER.match(after)
    if duration:
        unit = _DURATION_UNIT.match(after)
        a = n.start - s_start
        if unit and _NOT_EXCEED_BEFORE.search(before) and _DETENTION_LENGTH_CONTEXT.search(sentence) \
                and not _NOT_DETENTION_LENGTH.search(sentence):
            return "detention_length_max_days", "detention_length:not_exceed", 0.55  # "may not exceed 18 months"
        if unit and _RELEASE_WITHIN_BEFORE.search(before) and not _NOT_DETENTION_LENGTH.search(sentence):
            return "detention_length_max_days", "detention_length:release_within", 0.5  # "release ... not removed within 60 days"
        if unit and _EXTENDED_LIMIT_BEFORE.search(sentence, max(0, a - 120), a) \
                and (_DETENTION_LENGTH_CONTEXT.search(sentence) or _DETENTION_LENGTH_CONTEXT.search(lead)) \
                and not _NOT_DETENTION_LENGTH.search(sentence):
            return "detention_length_max_days", "detention_length:extended", 0.55
        if unit and _MAXIMUM_IS_BEFORE.search(before) and not _NOT_DETENTION_LENGTH.search(sentence) \
                and (_DETENTION_LENGTH_CONTEXT.search(sentence) or _DETENTION_LENGTH_CONTEXT.search(lead)):
            return "detention_length_max_days", "detention_length:maximum_is", 0.5  # "the overall maximum is eight months"
        if unit and unit.group("unit").lower() == "day" and _AVERAGE_LENGTH_BEFORE.search(sentence, max(0, a - 100), a) \
                and _DETENTION_WORDS.search(sentence):
            return "detention_length_avg_days", "detention_length:average_was", 0.6  # "the average length of detention in 2023 was 39 days"
        if unit and unit.group("unit").lower() == "day" and _AVERAGE_STAY_BEFORE.search(before) \
                and not re.search(r"\b(?:hotel|visa|tourist|hospital)", sentence, re.I):
            return "detention_length_avg_days", "detention_length:average_stay", 0.55
        if unit and unit.group("unit").lower() == "day" and _AVERAGE_BARE_BEFORE.search(before) \
                and not _NOT_DETENTION_AVERAGE.search(sentence) \
                and (_DETENTION_LENGTH_CONTEXT.search(sentence) or _DETENTION_LENGTH_CONTEXT.search(lead)):
            return "detention_length_avg_days", "detention_length:average_bare", 0.5
        if unit and _CAP_BEFORE.search(before) and _DETENTION_LENGTH_CONTEXT.search(before) \
                and not _NOT_DETENTION_LENGTH.search(sentence) and not _RENEWABLE_AFTER.match(after):
            return "detention_length_max_days", "detention_length:capped", 0.55  # "the law caps detention at 60 days"
        if unit and unit.group("unit").lower() != "day" and _LENGTH_VERB.search(before) \
                and not _NOT_DETENTION_LENGTH.search(before + after) \
                and (n.qualifier == "max" or re.search(r"\b(?:maximum|no\s+longer\s+than|up\s+to|limit\w*)\b", before, re.I)):
            return "detention_length_max_days", "detention_length:converted", 0.55
        if re.match(r"^\s*-?\s*days?\b", after, re.I) and re.search(
                r"\baverage\s+(?:length|duration)\s+of\s+(?:stay|detention)\b", before, re.I) and _DETENTION_WORDS.search(sentence):
            return "detention_length_avg_days", "detention_length:average", 0.6
        if re.match(r"^\s*-?\s*days?\b", after, re.I) and _DETENTION_LENGTH_CONTEXT.search(before) \
                and not _NOT_DETENTION_LENGTH.search(before + after):
            if re.search(r"\baverage\b", before, re.I):
                return "detention_length_avg_days", "detention_length:average", 0.6
            if n.qualifier == "max" or re.search(r"\b(?:maximum|no\s+longer\s+than|up\s+to)\b", before, re.I):
                return "detention_length_max_days", "detention_length:max", 0.6
        return None
    if _CAPACITY_BEFORE.search(before) or _CAPACITY_AFTER.match(after):
        if _NAMED_FACILITY.search(sentence[:n.start - s_start]) or _ONE_NEW_SITE.search(sentence, 0, n.start - s_start):
            return None  # the capacity of one named centre, not of the country's detention system
        if _DETENTION_WORDS.search(sentence) or re.search(r"\bcapacity\b", before, re.I) and (
                re.search(r"\bcent(?:re|er)s?\b|[A-Z]{2,}s\b|\bfacilit(?:y|ies)\b", sentence)
                or sites is not None and sites.search(sentence)):
            return "detention_capacity", "capacity", 0.6
        return None
    operated = _FACILITIES_AFTER.match(after)
    if operated and n.value < 1000 and _OPERATES_BEFORE.search(before) \
            and not _NOT_DETENTION_SITES.search(operated.group("words")):
        return "detention_facilities", "operates:facilities", 0.6
    if n.is_word and n.value < 100:
        facilities = _AFTER_RULES_BY_SLUG["detention_facilities"]
        if _RESEARCH_CONTEXT.search(sentence, 0, n.start - s_start):
            return None  # "we interviewed detainees held in four centres": the research's reach, not the country's
        return ("detention_facilities", "noun:detention_facilities", 0.6) if facilities.match(after) else None  # spelled-out small counts describe people in an incident, not a statistic
    if sites is not None and n.value < 1000 and not n.is_percent and sites.match(after):
        return "detention_facilities", "noun:defined_sites", 0.6  # "there are 83 CIEs in the country"
    refugees = _REFUGEE_NOUN.match(after)
    if refugees and not _REFUGEE_EVENT_TAIL.match(refugees.group("tail")) \
            and (_STOCK_BEFORE.search(before) or _REFUGEE_STOCK_TAIL.match(refugees.group("tail"))
                 or _COUNTED_BEFORE.search(before)):
        return "refugees", "noun:refugees_stock", 0.7
    if _ARREST_NOUN.match(after) and _MIGRATION_CONTEXT.search(sentence):
        return "apprehensions", "noun:apprehensions", 0.65
    counted = _COUNT_NOUN_AFTER.match(after) if not n.is_percent and n.value >= 20 else None
    if counted and _REPORTED_BEFORE.search(before.rstrip(" \"“”'")):
        context_text = sentence + " " + lead[-300:]
        if counted.group("det") and _MIGRATION_CONTEXT.search(context_text):
            return "immigration_detainees", "counted:detentions", 0.6
        if counted.group("cross") and _MIGRATION_CONTEXT.search(context_text):
            return "migrant_arrivals", "counted:crossings", 0.6
        if counted.group("ret"):
            if counted.group("vol") or _VOLUNTARY.search(context_text):
                return "returns", "counted:returns", 0.55
            if _FORCED.search(context_text):
                return "deportations", "counted:forced_returns", 0.55
    for slug, pattern, confidence in _AFTER_RULES:
        if pattern.match(after):
            if slug == "asylum_applications" and _DECIDED_BEFORE.search(before):
                return None  # "decided 4,127 asylum claims": decisions, not applications
            if slug == "detention_facilities" and _RESEARCH_CONTEXT.search(sentence, 0, n.start - s_start):
                return None  # "we interviewed detainees held in four centres": the research's reach
            return slug, f"noun:{slug}", confidence
    noun = re.match(rf"^\s*(?:[\w’'-]+\s+){{0,2}}?(?P<noun>{_MIGRANT}|{_PEOPLE}|employers|{_VIOLATORS})\b", after)
    if noun and n.value >= 20:
        placed = _PLACED_IN.match(after, noun.end())
        if placed and placed.group("there"):
            told_before = lead[-300:] + " " + sentence[:n.start - s_start]
            if _DETENTION_WORDS.search(told_before) and not _NOT_DETENTION_SITES.search(told_before[-200:]):
                return "immigration_detainees", "verb:placed_there", 0.55  # "the centre ... 2,316 foreigners were placed there"
        elif placed and (not placed.group("bare") or not _NOT_DETENTION_SITES.search(placed.group(0))) \
                and (not placed.group("acr") or sites is not None and sites.match(placed.group("acr"))):
            return "immigration_detainees", "verb:placed_in", 0.6
        if n.value >= 100 and _ARRESTED_BEFORE.search(before) and (_MIGRATION_CONTEXT.search(sentence) or noun.group("noun") != "persons"):
            return "apprehensions", "verb_before:arrested", 0.6
    if noun and n.value >= 20 and context is not None:
        held = _PASSIVE_HELD.match(after, noun.end())
        if held and not _INCIDENT_WORDS.search(sentence) and not _ON_DAY.search(sentence):
            site = _SITE_NAME.fullmatch(held.group("site").strip()) if held.group("site") else None
            known = site is not None and context.is_detention_site(site.group("name"), (s_start, s_start + len(sentence)))
            migration = bool(_MIGRATION_CONTEXT.search(sentence) or _MIGRATION_CONTEXT.search(lead[-300:]))
            if known or not held.group("acc") and (
                    migration or held.group("site") is None and held.group("when") and context.focus()):
                if _CHILD_NOUN.fullmatch(noun.group("noun").strip()):
                    return "detained_minors", "verb:held_period_minors", 0.55
                return "immigration_detainees", "verb:held_period", 0.55
    if noun and n.value >= 20:
        action = _ACTION_OF_BEFORE.search(before)
        if action:
            slug = _ACTION_SLUGS[action.group("action").split()[0].lower().rstrip("s")]
            if slug != "apprehensions" or _MIGRATION_CONTEXT.search(sentence) \
                    or noun.group("noun") not in ("persons", "people"):
                return slug, f"noun_before:{slug}", 0.6
    if n.value >= 20 and _VOLUNTARY_DEPARTURE_AFTER.match(after):
        return "returns", "verb:voluntary_departure", 0.6
    elliptical = re.match(r"^\s*(?:were|had|have|was)\b", after, re.I)
    sent_back = re.search(r"\b(?:deported|expelled|removed|returned|repatriated)\s*$", before, re.I) if noun else None
    if sent_back and re.match(r"^\s*\S+(?:\s+from\s+(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})?\s+"
                              r"(?:to\s+their|back\s+to|to\s+(?:the\s+)?countr)", after, re.I):
        if sent_back.group(0).lower().startswith(("returned", "repatriated")) \
                and _VOLUNTARY.search(sentence[:n.start - s_start] + " " + lead[-300:]):
            return "returns", "verb_before:returned_voluntary", 0.6  # "under its voluntary return programme, IOM returned 900 migrants to their countries"
        return "deportations", "verb_before:deported", 0.6
    if noun and n.value >= 50 and _DEPORTED_BEFORE.search(before):
        return "deportations", "verb_before:deported", 0.6
    if noun and n.value >= 50 and _HELD_BEFORE.search(before) \
            and (_HELD_CONTEXT.search(sentence) or _SITE_HELD_BEFORE.search(before)):
        return "immigration_detainees", "verb_before:held", 0.6
    if elliptical and previous is not None and _REGISTERED_AFTER.match(after) \
            and previous.indicator in ("refugees", "stateless_persons"):
        return previous.indicator, "elliptical:registered", 0.55
    if _REGULARISED_BEFORE.search(before) and (noun or not after.strip()):
        return "regularisations", "verb_before:regularised", 0.75
    if noun and n.value >= 50 and _AS_REFUGEES_TAIL.match(after[noun.end():]):
        return "refugees", "noun:as_refugees", 0.6
    if noun or elliptical:
        tail = after[noun.end():] if noun else after
        migrant_noun = bool(noun and re.fullmatch(_MIGRANT, noun.group("noun").strip()))
        for slug, pattern, confidence in _VERB_RULES:
            if pattern.search(tail):
                if slug == "apprehensions" and not (migrant_noun or (elliptical and previous and previous.indicator == "apprehensions")):
                    continue
                if slug == "migrant_arrivals" and not migrant_noun:
                    continue
                if slug == "immigration_detainees" and noun and _CHILD_NOUN.fullmatch(noun.group("noun").strip()):
                    return "detained_minors", "verb:detained_minors", confidence  # the children among the detainees
                return slug, f"verb:{slug}", confidence if noun else confidence - 0.1
        if migrant_noun and re.search(r"\b(?:were|had\s+been|have\s+been)\s+detained\b", tail, re.I) \
                and re.search(r"\b(?:immigration|migration|deport|irregular|illegal)", sentence, re.I):
            return "immigration_detainees", "verb:detained", 0.55
        stock = _STOCK_AFTER.search(tail)
        if stock is not None and stock.group("place") and stock.group("place").lower() not in _country_words():
            stock = None  # "300 migrants in Calais": a local group, not the country's migrant stock
        if migrant_noun and noun is not None and not re.fullmatch(_NATIONALITY, noun.group("noun").strip()) \
                and (stock or _STOCK_BEFORE.search(before)) \
                and not re.search(r"\b(?:were|was|had\s+been|have\s+been)\s+\w+ed\b", tail):
            return "international_migrants", "stock", 0.7
    level = _LEVEL_VERB_BEFORE.search(before) if not n.is_percent and n.value >= 20 else None
    if level is not None:
        words = level.group("noun").split()
        for k in range(len(words)):  # the longest tail of the subject that names a count
            subject = " ".join(words[k:])
            for slug, pattern, confidence in _AFTER_RULES:
                if slug in ("detention_facilities", "criminal_prison_population"):
                    continue
                m = pattern.match(subject)
                if m and m.end() == len(subject):
                    return slug, f"level:{slug}", confidence - 0.1
    if previous is not None and _TOTAL_AT.search(before) and _SAME_FIGURE_AFTER.match(after) and not n.is_percent \
            and indicators()[previous.indicator].unit not in ("percent", "days"):
        return previous.indicator, "anaphora:total", 0.5  # "another source put the total at 1,420"
    figure_at = _FIGURE_AT.search(before)
    if figure_at and not re.match(r"^\s*(?:%|per\s?cent)", after):
        phrase = figure_at.group("np") or figure_at.group("np2")
        found = match_label(phrase) if not _NOT_A_FIGURE_NOUN.search(phrase) else None
        if found is not None and found[1] == 1.0 and indicators()[found[0]].unit not in ("percent", "days", "per_1000", "per_100k"):
            return found[0], "figure_at", 0.6
    if _POPULATION_BEFORE.search(before) or _PUT_AT.search(before) and not after.strip(" ,"):
        return "population", "population_of", 0.7
    number_of = _NUMBER_OF_AT.search(before)
    if number_of and not re.match(r"^\s*[a-z]", after):
        if number_of.group("refugees"):
            return "refugees", "number_of:refugees", 0.65
        if _STOCK_AFTER.search(number_of.group("rest")) or re.search(r"\b(?:living|residing|resident|present)\b", number_of.group("rest")):
            return "international_migrants", "number_of:stock", 0.65
    if previous is not None and previous.indicator and _REPORTED_BEFORE.search(before) and _SAME_YEAR_AFTER.match(after) \
            and indicators()[previous.indicator].unit not in ("percent", "days"):
        return previous.indicator, "anaphora", 0.5  # "the Red Cross reported 3,880 for the same year"
    if previous is not None and _ANAPHORA_BEFORE.search(before) and _ANAPHORA_AFTER.match(after):
        return previous.indicator, "anaphora", 0.55
    return None


class _PreviousDates:
    """The usable dates of the previous sentence, parsed only if a figure falls back on them.

    Most sentences hold only years or sums; parsing their dates just in case the next
    sentence needs them was a large share of this extractor's time.
    """

    __slots__ = ("_args", "_dates", "sentence")

    def __init__(self, args: tuple[str, int | None, list[NumberMention], int] | None = None,
                 dates: list[DateMention] | None = None, sentence: str = "") -> None:
        self._args = args
        self._dates = dates
        self.sentence = args[0] if args is not None else sentence

    def get(self) -> list[DateMention]:
        if self._dates is None:
            self._dates = _usable_dates(*self._args) if self._args is not None else []
        return self._dates


def _choose_date(n: NumberMention, s_start: int, dates: list[DateMention], previous_dates: _PreviousDates,
                 sentence: str, previous: _Found | None, default_year: int | None, after: str,
                 next_start: int, is_length: bool = False) -> str | None:
    a = n.start - s_start
    b = n.end - s_start
    period = _period_after(sentence, b, next_start, dates)
    if period:
        return period
    window = _date_window(sentence, b, next_start)
    if _END_OF_YEAR.search(sentence, b, b + window):
        years = [d.value[:4] for d in dates if d.end <= a and not _title_date(sentence, d)] \
            or [d.value[:4] for d in previous_dates.get()
                if not _act_date(previous_dates.sentence, d) and not _onset_date(previous_dates.sentence, d)]
        year = years[-1] if years else (str(default_year) if default_year else None)
        return f"{year}-12" if year else None
    if is_length and default_year and _LEGAL_PRESENT.search(sentence) and not _CHANGE_VERB.search(_AS_AMENDED.sub("", sentence)):
        # A limit the law sets now: the date of the law's title or of its first passing is not the observation's.
        here = [d for d in dates if not _law_date(sentence, d)]
        if here:
            return here[0].value
        if dates:
            return str(default_year)  # dated only by the law it cites
        earlier = [d for d in previous_dates.get() if not _law_date(previous_dates.sentence, d)]
        if earlier:
            return earlier[-1].value
        return str(default_year) if _LEGAL_LIMIT.search(sentence) else None
    if is_length:
        return next((d.value for d in dates if b <= d.start and d.end <= b + len(after)
                     and not _SINCE_BEFORE.search(sentence, max(0, d.start - 30), d.start)), None) \
            or next((d.value for d in reversed(dates) if d.end <= a), None) \
            or next((d.value for d in dates if b <= d.start
                     and not _SINCE_BEFORE.search(sentence, max(0, d.start - 30), d.start)), None) \
            or next((d.value for d in reversed(previous_dates.get())), None) \
            or (str(default_year) if default_year and (_LEGAL_LIMIT.search(sentence) or _LEGAL_LIMIT.search(previous_dates.sentence)
                                                        or _MAXIMUM_IS_BEFORE.search(sentence, 0, a))
                else None)
    dates = [d for d in dates if not _title_date(sentence, d)]
    if _SAME_YEAR.search(sentence[n.end - s_start:n.end - s_start + 40]):
        if previous is not None and previous.date:
            return previous.date
        # "58 were extradited in 2022. 1,136 were deported in the same year": the year last named before
        earlier_here = [d for d in dates if d.end <= a]
        if earlier_here:
            return earlier_here[-1].value[:4]
        earlier = [d for d in previous_dates.get() if not _act_date(previous_dates.sentence, d)]
        if earlier:
            return earlier[-1].value[:4]
    right_after = [d for d in dates if 0 <= d.start - (n.end - s_start) <= 12 and d.kind == "year"
                   and _YEAR_RIGHT_AFTER.match(sentence[n.end - s_start:])]
    if right_after:
        return right_after[0].value
    clause_end = n.end - s_start + len(after)
    in_clause = [d for d in dates if n.end - s_start <= d.start and d.end <= clause_end]
    if in_clause:
        return in_clause[0].value
    in_window = [d for d in dates if b <= d.start and d.end <= b + window]
    if in_window:
        return in_window[0].value
    if default_year and (_REPORT_YEAR.search(after) or _PART_OF_YEAR.match(sentence, b + len(after))
                         or _PART_OF_THE_YEAR.search(after)):
        return str(default_year)
    before = [d for d in dates if d.end <= a]
    if before:
        # "16,430 were deported in 2023, up from 12,945 in 2022, while a further 12,200 left":
        # the year of a figure compared with is not the year the sentence is about.
        main = [d for d in before if not _COMPARED_DATE_BEFORE.search(sentence, max(0, d.start - 40), d.start)]
        return (main or before)[-1].value
    following = [d for d in dates if d.start >= n.end - s_start]
    if following:
        return following[0].value
    if default_year and not dates and _PRESENT_STOCK.search(sentence):
        return str(default_year)  # "some 56,000 stateless persons live in the country": the report's time
    earlier = [d for d in previous_dates.get() if not _act_date(previous_dates.sentence, d)]
    if earlier:
        return earlier[-1].value
    return str(default_year) if default_year else None


_LAW_DATE_BEFORE = re.compile(
    r"(?:\b(?:first|since|introduced|adopted|enacted|launched|passed|promulgated|dated|amended)\s+(?:\w+\s+)?(?:in\s+|on\s+)?"
    r"|\b[A-Z][\w)]*\s+of\s+|\((?:[^)]*,\s*)?)$")


_LAW_DATE_AFTER = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+)?(?:Convention|Act|Law|Protocol|Decree|Code|Constitution|Directive|Regulations?|Ordinance)\b")


_ACT_BEFORE = re.compile(r"\b(?:ratified|signed|acceded|adopted|enacted|promulgated)\s+(?:it\s+|them\s+)?(?:in\s+|on\s+)?$", re.I)


def _act_date(sentence: str, d: DateMention) -> bool:
    """Is this date a law's or a treaty's ("the 1961 Convention", "which it signed in 1961"), not a figure's time?"""
    return bool(_LAW_DATE_AFTER.match(sentence, d.end) or _ACT_BEFORE.search(sentence, max(0, d.start - 30), d.start))


def _title_date(sentence: str, d: DateMention) -> bool:
    """Is this date part of a law's title ("the Law on External Migration of 17 July 2000")?"""
    return bool(_TITLE_DATE_BEFORE.search(sentence, max(0, d.start - 80), d.start))


def _onset_date(sentence: str, d: DateMention) -> bool:
    """Is this the date something began ("the procedure began operating in 2021")?"""
    return bool(_ONSET_BEFORE.search(sentence, max(0, d.start - 70), d.start))


def _law_date(sentence: str, d: DateMention) -> bool:
    """Is this date part of a law's title ("Act on Foreigners of 12 December 2013", "the 1961 Convention")
    or of its enactment ("first passed in 2000")?"""
    return bool(_LAW_DATE_BEFORE.search(sentence, max(0, d.start - 40), d.start)
                or _LAW_DATE_AFTER.match(sentence, d.end) or _title_date(sentence, d))


def _to_days(amount: float, unit: str) -> float:
    """Years count 365 days, months 30 ("three months" is 90 days, "twelve months" 360)."""
    return amount * _DAYS_PER[unit]


def _limit_days(value: float, unit: str, sentence: str, b: int) -> float:
    """A detention limit in days, adding an extension the text allows right after it ("may be extended by")."""
    m = _EXTENDED_BY.match(sentence, b)
    if not m:
        return _to_days(value, unit)
    raw = m.group("amount")
    extra = float(raw) if raw.isdigit() else (word_number_value(raw) or 0)
    extra_unit = m.group("unit").lower()
    if extra_unit == unit:
        if unit == "month" and (value + extra) % 12 == 0:
            return (value + extra) / 12 * 365  # "six months, extendable by six more": one year
        return _to_days(value + extra, unit)
    return _to_days(value, unit) + _to_days(extra, extra_unit)


def _period_after(sentence: str, b: int, next_start: int, dates: list[DateMention]) -> str | None:
    """"between April 2023 and March 2024" after a figure: the period "2023/2024"."""
    following = [d for d in dates if b <= d.start < next_start]
    for first, second in zip(following, following[1:], strict=False):
        if _PERIOD_START.search(sentence, max(b, first.start - 12), first.start) \
                and _PERIOD_JOIN.fullmatch(sentence, first.end, second.start):
            if first.value[:4] != second.value[:4]:
                return f"{first.value[:4]}/{second.value[:4]}"
            return first.value[:4]
    return None


def _date_window(sentence: str, b: int, next_start: int) -> int:
    """How far after a figure its date may lie: to the next figure, a semicolon or ", and ..."."""
    m = _WINDOW_END.search(sentence, b, next_start)
    return (m.start() if m else next_start) - b


class _DateHeadings:
    """Years of dated headings ("## 9 February 2024 - Country"): a digest's entries each have their own time."""

    __slots__ = ("_starts", "_years")

    def __init__(self, text: str) -> None:
        self._starts: list[int] = []
        self._years: list[int] = []
        for m in _DATE_HEADING.finditer(text):
            self._starts.append(m.start())
            self._years.append(int(m.group("year")))

    def year_at(self, offset: int) -> int | None:
        i = bisect_right(self._starts, offset) - 1
        return self._years[i] if i >= 0 else None


_AS_OF_HEADING = re.compile(
    r"^[^\na-z]{3,80}?\(\s*(?:as\s+(?:of|at)|at)\s+(?P<date>[^)\n]{4,30})\)[ \t]*$", re.M)


class _AsOfHeadings:
    """Dates of headings like "KEY FIGURES (as of 31 March 2025)": the time of every figure in their block."""

    __slots__ = ("_ends", "_dates", "_text")

    def __init__(self, text: str, default_year: int | None) -> None:
        self._ends: list[int] = []
        self._dates: list[str] = []
        self._text = text
        if "as of" not in text and "as at" not in text and "As of" not in text:
            return
        for m in _AS_OF_HEADING.finditer(text):
            found = find_dates(m.group("date"), default_year)
            if found:
                self._ends.append(m.end())
                self._dates.append(found[0].value)

    def date_at(self, offset: int) -> str | None:
        """The date of the heading whose block (up to the next blank line) holds ``offset``."""
        i = bisect_right(self._ends, offset) - 1
        if i < 0:
            return None
        gap = self._text.find("\n\n", self._ends[i], offset)
        return self._dates[i] if gap < 0 else None


def _clashes_with_a_number(d: DateMention, spans: list[tuple[int, int]], span_ends: list[int]) -> bool:
    """Does a number overlap the date other than as a part of a day or month date ("4 March")?

    Only the numbers that can overlap are visited (found by bisection), so a long
    table-like "sentence" with thousands of numbers and dates stays linear.
    """
    for a, b in spans[bisect_right(span_ends, d.start):]:
        if a >= d.end:
            return False
        if not (d.start <= a and b <= d.end and d.kind != "year"):
            return True
    return False


# "Law 3907/2011": the year closing a law's number, not the time of a figure ("2022/2024" stays a period).
_NUMBERED_TITLE_YEAR = re.compile(r"(?<![\d/])(?!(?:19|20)\d\d/)\d{1,4}/$")


def _usable_dates(sentence: str, default_year: int | None, numbers: list[NumberMention], s_start: int) -> list[DateMention]:
    spans = [(n.start - s_start, n.end - s_start) for n in numbers if not n.is_year_like]
    span_ends = [b for _, b in spans]  # numbers do not overlap: their ends are in order too
    return [d for d in find_dates(sentence, default_year)
            if not _clashes_with_a_number(d, spans, span_ends)
            and not _NUMBERED_TITLE_YEAR.search(sentence, max(0, d.start - 6), d.start)
            and not (_last_word(sentence[max(0, d.start - 12):d.start]).endswith(_REFERENCE_ENDINGS)
                     and _REFERENCE_BEFORE.search(sentence[max(0, d.start - 12):d.start]))]


def find_statistics(document: Document) -> Iterable[Fact]:
    text = document.text
    vocabulary = indicators()
    default_year = document.year
    headings = _DateHeadings(text)
    number_index = NumberIndex(text)
    low = lowered(text) or text  # ``text`` itself when lower-casing would move offsets
    previous_paragraph = -1
    previous_dates = _PreviousDates()
    previous: _Found | None = None
    sites = _defined_sites(text, low)
    context = _DetentionContext(text, low)
    as_of = _AsOfHeadings(text, default_year)
    for s_start, s_end, paragraph in _sentences(text):
        sentence = text[s_start:s_end]
        if paragraph != previous_paragraph:
            previous_dates, previous, previous_paragraph = _PreviousDates(), None, paragraph
        if not _CANDIDATE_LINE_LOWER.search(low, s_start, s_end) \
                and (low is not text and sentence.isascii() or not _CANDIDATE_LINE.search(sentence)):
            previous_dates = _PreviousDates()
            continue
        numbers = number_index.within(s_start, s_end)
        dates: list[DateMention] | None = None
        found_here: list[_Found] = []
        for i, n in enumerate(numbers):
            if _plainly_rejected(n):
                continue  # years and sums: no need to parse this sentence's dates for them
            if dates is None:
                dates = _usable_dates(sentence, default_year, numbers, s_start)
                cover = _DateCover(dates)
            if _rejected(n, sentence, s_start, dates, cover):
                continue
            a, b = n.start - s_start, n.end - s_start
            following = next((m for m in islice(numbers, i + 1, None)
                              if not m.is_year_like and not _names_part_of_period(text, m)), None)
            next_start = following.start - s_start if following else len(sentence)
            previous_end = numbers[i - 1].end - s_start if i > 0 else 0
            after = _clause_after(sentence, b, next_start)
            q_start = (n.qualifier_start - s_start) if n.qualifier_start is not None else a
            before = _clause_before(sentence, q_start, max(previous_end, q_start - 120))
            classified = _classify(n, sentence, s_start, after, before, previous, sites,
                                   _paragraph_lead(text, s_start) if "maximum" in before or "limit" in before
                                   or "ceiling" in before or "average" in before or "mean" in before or "prolong" in before
                                   or "extend" in before or " there" in after[:40]
                                   or " were " in after[:40] or " been " in after[:40]
                                   or "returns" in after[:40] or "repatriations" in after[:40]
                                   or "returned" in before or "repatriated" in before else "", context)
            if classified is None:
                if _COORDINATED_AFTER.match(after) and n.value is not None and n.value >= 50:
                    found_here.append(_Found("", n, min(q_start, a) + s_start, n.end + len(after.rstrip()),
                                             None, "coordinated", 0.5, n.value))
                continue
            slug, rule, confidence = classified
            year_here = headings.year_at(s_start) or default_year
            date = _choose_date(n, s_start, dates, previous_dates, sentence, previous,
                                year_here, after, next_start, slug.startswith("detention_length"))
            block_date = as_of.date_at(s_start) if not dates else None
            if block_date and not slug.startswith("detention_length"):
                date = block_date
            if rule in ("share:children", "anaphora", "anaphora:total") and previous is not None and previous.date \
                    and (rule == "share:children" or not any(d.start >= b for d in dates)
                         and not (rule == "anaphora" and _END_OF_YEAR.search(after))):
                date = previous.date  # the part or the contrasting figure is of the same time as the figure it follows
            if rule == "comparison:previous_year" and previous is not None and previous.date:
                date = str(int(previous.date[:4]) - 1)
            if date is None:
                continue
            if slug == "migrant_arrivals" and _other_country_source(sentence[:a], document.country):
                continue  # "Spain's ministry recorded 46,843 arrivals": arrivals in another country
            if len(date) == 10 and slug in _FLOW_INDICATORS and _ON_DAY.search(sentence):
                continue  # "on 10 February 2021, 138 people were expelled": one operation, an event
            start = min(q_start, a) + s_start
            found = _Found(slug, n, start, n.end + len(after.rstrip()), date, rule, confidence, n.value)
            if slug == "detention_length_max_days" and n.value is not None:
                unit = _DURATION_UNIT.match(after)
                found.value = _limit_days(n.value, unit.group("unit").lower() if unit else "day", sentence, b)
            pending = [f for f in found_here if f.rule == "coordinated"]
            found_here = [f for f in found_here if f.rule != "coordinated"]
            for f in pending:  # "629,000 Syrians and 70,000 refugees ... were registered": both are refugees
                f.indicator, f.rule, f.date = slug, "coordinated", date
                found_here.append(f)
            found_here.append(found)
            if rule != "share:children":
                previous = found
        for found in found_here:
            if not found.indicator or found.date is None:
                continue  # a coordinated figure whose partner was no statistic
            indicator = vocabulary[found.indicator]
            value = found.value
            fields = {
                "indicator": found.indicator,
                "value": int(value) if value is not None and float(value).is_integer() else value,
                "unit": indicator.unit,
                "date": found.date,
            }
            if found.number.qualifier:
                fields["qualifier"] = found.number.qualifier
            yield make_fact(document, FactType.STATISTIC, found.start, found.end, fields,
                            extractor=f"{NAME}@{VERSION}", rule=found.rule, confidence=found.confidence)
        if dates is not None:
            previous_dates = _PreviousDates(dates=dates, sentence=sentence)
        elif any(n.value is not None for n in numbers):
            previous_dates = _PreviousDates((sentence, default_year, numbers, s_start))
        else:
            previous_dates = _PreviousDates()


@register(NAME, version=VERSION, produces=[FactType.STATISTIC])
def extract(document: Document) -> Iterable[Fact]:
    return list(find_statistics(document))
