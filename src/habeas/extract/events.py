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

import datetime as _dt
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from habeas.domain import Document, Fact, FactType
from habeas.extract.cases import sentences_about_cases
from habeas.extract.registry import register
from habeas.extract.spans import make_fact
from habeas.text.dates import DateMention, find_dates
from habeas.text.numbers import find_numbers
from habeas.text.patterns import lowered, trie_pattern
from habeas.text.sentences import (
    BULLET_GLYPHS,
    Sentence,
    dateline_years,
    split_sentences,
    year_at,
)

NAME = "events"
VERSION = 5
EXTRACTOR_ID = f"{NAME}@{VERSION}"

KINDS = ("raid", "detention", "deportation", "extradition", "protest", "court_ruling",
         "policy_change", "border_closure", "agreement", "other")

_MANY = r"(?:(?:at least|about|around|some|more than|over|nearly|almost|up to|approximately) )?" \
        r"(?:\d[\d,]*|hundreds|dozens|thousands|scores|several|many|(?:one|two|three|four|five|six|seven|" \
        r"eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b)"
_W = r"[\w’'“”\"-]+"
_DURATION = (r"(?:\d+|a few|several|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) "
             r"(?:hours|days|nights|weeks|months)\b")

_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("raid", re.compile(
        rf"\b(?:(?:conducted|carried out|launched|staged|mounted) (?:{_W} ){{0,3}}(?:raids?|round-?ups?|sweeps?|"
        rf"crackdowns?|searches)|swept up in (?:{_W} ){{0,2}}raids?|raided|"
        rf"(?:in|during) (?:an? |the )?(?:{_W} ){{0,2}}(?:raids?|round-?ups?|sweeps?|crackdowns?) (?:on|in|at)|"
        rf"(?:house-to-house|door-to-door|mass|street|identity|id) (?:searches|checks|raids|sweeps)|"
        rf"(?:police|forces|officers|agents|troops|soldiers|gendarmes|guards|authorities) (?:{_W} ){{0,2}}"
        rf"(?:swept through|stormed|rounded up)|"
        # "security campaigns in X resulted in the arrest of 1,340 ...": an operation counted by its arrests
        rf"(?:campaigns?|operations?|raids?|sweeps?|crackdowns?|inspections?) (?:[^.;]{{0,80}}? )?(?:resulted in|led to) "
        rf"(?:the )?(?:arrests?|detentions?) of|"
        rf"(?:launched|conducted|carried out|mounted) (?:an? |the )?(?:{_W} ){{0,2}}(?:security|police|policing|"
        rf"enforcement|identification) operations?|"
        rf"(?:launched|conducted|carried out|mounted) (?:an? |the )?(?:large-scale|major|massive|sweeping|joint|"
        rf"special) (?:{_W} ){{0,1}}operations?|"
        # "carried out an operation in the X district", "joint security campaigns arrested 17,930 violators"
        rf"(?:launched|conducted|carried out|mounted) (?:an? |the )?operations? (?:in|at|on|against|targeting)\b|"
        # "600 people were arrested in a single operation", "detained during a joint police sweep"
        rf"(?:arrested|detained|apprehended|rounded up|picked up) (?:[^.;]{{0,40}}? )?(?:in|during) (?:an? |the |one )?"
        rf"(?:(?:single|joint|large-scale|major|police|security|coordinated|dawn|night-time|overnight|mass|"
        rf"immigration|special) ){{0,2}}(?:operations?|raids?|sweeps?|round-?ups?|crackdowns?)\b|"
        rf"(?:campaigns?|operations?|raids?|sweeps?|crackdowns?) (?:{_W} ){{0,2}}?(?:arrested|detained|rounded up|netted) "
        rf"{_MANY}|"
        # "police evacuated a camp of some 300 migrants", "forces dismantled informal camps": an eviction
        rf"(?:evacuated|dismantled|demolished|bulldozed|razed|cleared|destroyed|evicted) (?:an? |the |several |"
        rf"(?:\d[\d,]* ))?(?:{_W} ){{0,2}}(?:camps?|encampments?|settlements?|squats?|shelters?))\b", re.IGNORECASE)),
    ("detention", re.compile(
        rf"\b(?:were (?:{_W} ){{0,2}}(?:detained|arrested|rounded up)|(?:detained|detaining|arrested|arresting|"
        rf"rounded up|rounding up) {_MANY}|(?:mass |arbitrary )?(?:detentions?|arrests?) "
        rf"(?:and \w+ )?of {_MANY}|were (?:{_W} ){{0,2}}held in (?:{_W} ){{0,2}}detention|"
        rf"(?<!were )(?<!was )(?<!been )held {_MANY} (?:people|persons|migrants|detainees|asylum seekers|refugees)|"
        rf"were (?:all )?(?:{_W} ){{0,2}}(?:taken|transferred|brought|moved|sent) to (?:the |a |an )?(?:{_W} ){{0,5}}?"
        rf"(?:detention|custody|(?:detention |reception |holding |pre-removal |removal )(?:centres?|centers?|facilit(?:y|ies)|camps?)|"
        rf"prisons?|police stations?)|"
        # "placed 21 of them in the centre", "held the group at the detention centre"
        rf"placed {_MANY} (?:of them |people |persons |migrants |others )?in (?:the |a |an )?(?:{_W} ){{0,3}}?"
        rf"(?:detention|custody|cra|centres?|centers?|facilit(?:y|ies)|camps?|prisons?)|"
        rf"(?:held|detained|placed) (?:the group|them all|all of them) (?:at|in)\b|"
        # "114 people were held at sea for three days", "they were confined for several days in a hotel"
        rf"were (?:{_W} ){{0,2}}?(?:held|confined|kept|locked up) (?:(?:at|in|on|inside|aboard) [^.;,]{{1,40}}? )?"
        rf"for (?:about |at least |more than |over |nearly )?{_DURATION}|"
        # "were intercepted off the coast and held in a transit centre"
        rf"(?:intercepted|apprehended|caught|stopped|picked up|rescued|seized) (?:[^.;]{{0,60}}? )?and (?:then )?"
        rf"(?:held|detained|locked up|confined|placed) (?:in|at)\b)\b",
        re.IGNORECASE)),
    ("deportation", re.compile(
        rf"\b(?:(?:were|had been|have been) (?:{_W} ){{0,2}}(?:deported|expelled|pushed back|returned to|removed to|sent back|"
        rf"(?:flown|escorted|driven|bused|bussed|towed|taken|forced|marched) back)|"
        rf"(?:carried out|conducted|carries out|conducts|practi[sc]ed|practi[sc]es) (?:{_W} ){{0,2}}(?:pushbacks|push-backs|"
        rf"collective expulsions|summary (?:returns|deportations|expulsions))|"
        rf"(?:deported|expelled|removed|pushed back|sent back) {_MANY}|(?:mass )?(?:deportations?|expulsions?) "
        rf"of {_MANY}|detention and deportation of {_MANY}|forced (?:them|(?:{_W} ){{1,3}}) to return|"
        rf"forced (?:them|(?:{_W} ){{1,3}}) back (?:across|over|into|to)|"
        # a pushback at sea: "taken out to sea and forced into the water", "thrown overboard"
        rf"(?:forced|pushed|thrown|made to jump) (?:{_W} ){{0,2}}?(?:into the (?:water|sea)|overboard)|"
        rf"(?:deportations?|removals?|expulsions?|deportation flights?|forced returns?) (?:to [\w-]+ )?(?:resumed|restarted)|"
        rf"forcibly (?:returned|deported|expelled) {_MANY}|"
        # "10,811 people pushed across the frontier", "were driven over the border into Niger"
        rf"(?:pushed|driven|forced|expelled|deported|dumped|marched|escorted|bused|bussed|trucked) (?:back )?(?:across|over) "
        rf"the (?:\w+ )?(?:border|frontier)|"
        # "a convoy of 1,141 people arrived at the border post": expellees delivered in a convoy
        rf"convoys? of {_MANY} (?:[\w-]+ ){{0,2}}?(?:people|persons|migrants|deportees|expellees|nationals|foreigners)\b"
        rf"[^.;]{{0,60}}?(?:arrived|reached|(?:was|were) (?:dropped|left|abandoned|unloaded))|"
        # "1,846 people had been left at Point Zero", "hundreds were dumped in the desert": expellees abandoned
        rf"{_MANY} (?:[\w-]+ ){{0,2}}?(?:had been|have been|were) (?:\w+ )?(?:left|dumped|abandoned) (?:at|in|near|on) |"
        # a pushback at sea: "put them in a life raft and left them at sea", "abandoned adrift"
        rf"(?:left|abandoned|set) (?:them |the group |(?:{_W} ){{1,3}}?)?(?:adrift|at sea|in (?:an? |the )?"
        rf"(?:inflatable |life |rubber )?(?:rafts?|dinghy|dinghies))|"
        # "61 people were returned on a charter flight", "were removed by chartered plane"
        rf"(?:were|had been|have been) (?:{_W} ){{0,2}}(?:returned|removed|flown) (?:on|by|aboard|in|via) (?:an? |the )?"
        rf"(?:{_W} ){{0,2}}?(?:charter(?:ed)? |deportation |removal |special |joint )?(?:flights?|planes?|aircraft)|"
        # "299 people deported from the United States landed in", "the first flight, carrying 29 Colombian men"
        rf"{_MANY} (?:{_W} ){{0,2}}?(?:people|persons|migrants|nationals|foreigners|men|women|children|deportees|returnees) "
        rf"(?:who (?:had been|were|have been) )?(?:deported|expelled|removed) from\b|"
        rf"(?<!evacuation )(?<!resettlement )(?<!humanitarian )(?<!relocation )(?<!repatriation )"
        rf"(?:deportation |removal |return |charter(?:ed)? )?flights?,? carrying {_MANY} (?:{_W} ){{0,2}}?"
        rf"(?:people|persons|migrants|nationals|foreigners|men|women|deportees|returnees|detainees)\b|"
        # "the return of at least five boats carrying some 500 people", "forced returns of 40 Syrians"
        rf"(?:returns?|push-?backs?) of {_MANY} (?:boats|vessels|dinghies|rafts)|"
        rf"(?:forced|forcible|summary) (?:returns?|removals?) of {_MANY}|"
        rf"(?:transferred|handed over|handed) {_MANY} (?:{_W} ){{0,2}}(?:nationals|citizens|refugees|asylum[- ]seekers|"
        rf"migrants)\b[^.;]{{0,60}}? to (?!(?:a|an|the|another|other|its|their|prison|detention|custody|hospital)\b)|"
        rf"were (?:{_W} ){{0,2}}handed (?:over )?to (?:[\w-]+ ){{0,2}}authorities|"
        # "police handed over at least two Tibetans to Chinese authorities": delivered to another state
        rf"handed (?:over )?{_MANY} (?:{_W} ){{1,3}}?to (?:the )?(?!(?:local|relevant|competent|judicial|prison|police|"
        rf"security|immigration|national|municipal|state|federal|law|same|camp|military|civil|health|child|school)\b)"
        rf"[\w-]+ (?:authorities|border guards|security forces|police|officials)\b)\b", re.IGNORECASE)),
    ("extradition", re.compile(rf"\b(?:were (?:{_W} ){{0,2}}extradited|extradit(?:ed|ions? of) {_MANY})\b", re.IGNORECASE)),
    ("protest", re.compile(
        rf"\b(?:(?:protests?|demonstrations?|rall(?:y|ies)|marches|riots|unrest|hunger strikes?|sit-ins?) (?:{_W} ){{0,2}}(?:erupted|broke out|"
        rf"were held|was held|took place|spread|began|started|(?:was|were) (?:first )?(?:reported|staged|launched|started|begun))|"
        # "a hunger strike by around 40 detainees", "protests by hundreds of residents"
        rf"(?:protests?|demonstrations?|hunger strikes?|sit-ins?|riots?) by {_MANY}|(?:organi[sz]ed|staged|held|joined|began|started|launched) "
        rf"(?:{_W} ){{0,3}}(?:protests?|demonstrations?|rall(?:y|ies)|marches|sit-ins?|hunger strikes?)|"
        rf"to (?:rally|protest|demonstrate|march) on|went on (?:a )?hunger strike|"
        rf"mass (?:protests?|demonstrations?))\b", re.IGNORECASE)),
    ("court_ruling", re.compile(
        rf"\b(?:(?:notified of|issued|handed down|delivered|announced|received) (?:the |a |its )?courts? (?:rulings?|"
        rf"decisions?|orders?|judg(?:e)?ments?|verdicts?)|issu\w+ (?:{_W} ){{0,2}}rulings?|"
        rf"(?:court|tribunal|judge|constitutional council|council of state|state council)\b(?:[^.;()]|\bv\.|\bnos?\.|\b[a-z]\.|\([^();]{{0,60}}\)){{0,90}}?\b(?:found (?:{_W} ){{1,4}}guilty|convicted|sentenced|acquitted|"
        rf"ruled|found (?:an? )?(?:violations?|breach(?:es)?)|held (?:in [^.;]{{1,60}}? )?that|(?:found|concluded|determined) that|(?:held|found|ruled|decided|concluded|determined), (?:in|by|on) [^.;,]{{1,60}}, that|ordered|annulled|struck down|quashed|halted|blocked|suspended|"
        # "held on 18 November 2021 that", "found on 17 July 2014 that", "confirmed the judgment", "released him"
        rf"(?:held|found|ruled|decided|concluded) (?:on \d{{1,2}} [a-z]+ \d{{4}},? |on [a-z]+ \d{{1,2}},? \d{{4}},? |in (?:[a-z]+ )?\d{{4}},? )that|"
        rf"(?:confirmed|upheld|overturned|reversed|set aside) (?:the |its |an? |this )?(?:{_W} ){{0,2}}?(?:judg(?:e)?ment|ruling|decision|"
        rf"order|verdict|annulment)|released (?:him|her|them|\d[\d,]*|all|the)\b|invalidated|limited the|declined to (?:order|release|"
        rf"intervene|halt|stop|block)|granted (?:an? |the )?(?:{_W} ){{0,2}}"
        rf"(?:stay|injunction|interim measures?)|issued (?:an? |the )?(?:{_W} ){{0,2}}(?:injunction|"
        rf"interim measures?|ruling|judg(?:e)?ment|decision))|"
        # "the judgment of the Court of Justice of 17 July 2014": a ruling named by its court and day
        rf"(?:judg(?:e)?ments?|rulings?) of the (?:[\w’'-]+ ){{0,8}}?(?:court|tribunal)(?: of [\w’'-]+(?: [\w’'-]+){{0,4}}?)? "
        rf"(?:of|dated) (?=\d{{1,2}} [a-z]+ \d{{4}}|[a-z]+ \d{{1,2}}, \d{{4}})|"
        # "Supreme Court ruling No. 45/2019 of 3 March 2019": a ruling named by its court and number
        rf"(?:court|tribunal)(?:'s|’s)? (?:judg(?:e)?ment|ruling|decision|verdict)(?: no\.?)? ?[\w./-]*\d[\w./-]* (?:of|dated) "
        rf"(?=\d{{1,2}} [a-z]+ \d{{4}}|[a-z]+ \d{{1,2}}, \d{{4}})|"
        # "*Smith v. Norway* (3 May 2015)", "A.B. v. France, judgment of 12 July 2016": a case cited with its day
        rf"\bv\.? [\w’'-]+(?: [\w’'-]+){{0,3}}?\*?(?: \(| ?, (?:judg(?:e)?ment|ruling|decision) of )"
        rf"(?=\d{{1,2}} [a-z]+ \d{{4}}\)?|[a-z]+ \d{{1,2}}, \d{{4}})|"
        # "in a ruling of 6 March 2024", "In its Ruling No. 14-P of 23 May 2017", "in a judgment of 14 June 2023"
        rf"(?:in|by) (?:an? |its |the |their )(?:[\w-]+ ){{0,2}}?(?:ruling|judg(?:e)?ment|verdict)s?(?: no\. ?[\w./-]+)? (?:of|dated) "
        rf"(?=\d{{1,2}} [a-z]+ \d{{4}}|[a-z]+ \d{{1,2}}, \d{{4}}))\b", re.IGNORECASE)),
    ("policy_change", re.compile(
        rf"\b(?:(?:introduced|imposed|lifted|adopted|enacted|passed|approved|signed|amended|issued|announced|"
        rf"declared|extended|revoked|repealed) (?:{_W} ){{0,3}}(?:moratorium|ban|law|laws|amendments?|resolution|"
        rf"decree|ordinance|protocols?|guidelines|procedures|directives?|circulars?|regulations?|rules|bill|legislation|policy|state of emergency|quarantine|lockdown|curfew|"
        rf"restrictions?|(?:visa |entry |exit )?requirements?|visas?|system|scheme|programme|amnesty|amnesties|emergency|[“\"]?armed conflict|state of (?:siege|exception|alarm|war|alert|disaster)|"
        rf"regulari[sz]ation (?:programme|scheme|campaign|drive))|"
        # "the government tabled a bill", "the ministry submitted draft amendments to parliament"
        rf"(?:tabled|submitted|presented|introduced) (?:an? |the |its |their )?(?:new )?(?:{_W} ){{0,2}}?(?:bill|draft (?:law|act|decree|code|"
        rf"amendments?|legislation)|amendments?)\b(?! by)|state of emergency (?:was |has been )?declared|"
        # "ceased to be a party to the European Convention", "withdrew from the Refugee Convention"
        rf"ceased to be (?:a )?(?:party|member|bound)|withdr(?:ew|awn) from (?:the )?(?:{_W} ){{0,4}}?(?:convention|covenant|"
        rf"council|compact|protocol|treaty|agreement)|denounced (?:the )?(?:{_W} ){{0,4}}?(?:convention|covenant|protocol|treaty)|"
        # "deployed the armed forces to the northern border"
        rf"deployed (?:the )?(?:{_W} ){{0,2}}?(?:armed forces|army|military|troops|soldiers|national guard) (?:to|along|at|on)\b|"
        rf"regulari[sz]ation (?:programme|program|scheme|campaign|drive|process) (?:was |has been )?(?:launched|opened|began|started|"
        rf"introduced)|"
        rf"(?:has|have) (?:{_W} ){{0,2}}(?:ceased|suspended|halted|stopped) (?:{_W} ){{0,2}}(?:deportations?|"
        rf"detentions?|removals?|returns?|proceedings|expulsions?)|(?:have|has) (?:also )?been suspended|"
        rf"decision to (?:ban|suspend|close|restrict|prohibit|block|halt|stop|end|introduce)|"
        rf"(?:entered|came) into force|law (?:{_W} ){{0,6}}(?:has been |was )adopted|(?:act|decree|ordinance|bill|code|amendments?) (?:{_W} ){{0,8}}?(?:has been |have been |was |were )(?:formally |finally )?(?:adopted|enacted|passed|promulgated) (?:on|in) |"
        rf"(?:passed|passing|enacted|enacting|introduced|introducing) (?:the |a |an )?(?:new )?"
        rf"(?:[\w()’'-]+ ){{0,6}}?(?:act|bill)\b|"
        rf"announced (?:that )?(?:{_W} ){{0,8}}?(?:would|will)\b|"
        # "the coalition agreement of 30 September 2020 stated that minors would no longer be held"
        rf"(?:stated|provided|provides|decided|stipulated|stipulates|established|declared) that (?:{_W} ){{0,8}}?"
        rf"(?:would|will|shall|may|can|could) no longer\b|announced (?:plans?|its intention|a decision)|"
        rf"announc(?:ed|ing|es) (?:the )?(?:opening|closure|construction|creation|establishment) of|"
        rf"(?:froze|suspended|halted|paused) (?:{_W} ){{0,4}}(?:asylum|applications|claims|registration|"
        rf"resettlement|admissions|recognition|(?:status )?determination|family reunification)|closed (?:\d+ of |all |several |some )?(?:its |the |their )?"
        rf"(?:{_W} ){{0,2}}(?:centres|centers|stations|camps|facilities|depots)|"
        rf"(?:(?<=\n)|(?<=[.!?] )|(?<=that )|^)since [^,.;\n]{{3,30}}?,? (?:{_W} ){{1,6}}?(?:(?:have|has) been "
        rf"(?:sent|transferred|held|detained|processed|required|barred|banned|excluded|denied|subject)|"
        rf"(?:may|can|could) (?:only|no longer)|(?:is|are) no longer|must|"
        rf"(?:is|are|has been|have been) (?:now )?(?:run|managed|operated|administered|overseen|supervised) by)|closure of (?:the |its |all )?"
        rf"(?:{_W} ){{0,2}}(?:centres|centers|camps|zones|stations|facilities|depots))\b", re.IGNORECASE)),
    # Wordings of change anchored on their verbs (scanned only in sentences holding one):
    # "the policy was abandoned in 2015", "a 2023 decree extended the maximum", "the government
    # announced the National Return Plan", "a law in force since 2024"
    ("policy_change", re.compile(
        rf"\b(?:(?:in force|in effect) since |took effect|"
        rf"(?:policy|practice|law|rule|scheme|programme|program|system|regime|moratorium|ban) (?:was|were|has been|had been) "
        rf"(?:formally |officially |quietly )?(?:abandoned|abolished|repealed|scrapped|revoked|lifted|introduced|adopted|"
        rf"suspended|reinstated|ended|discontinued)|"
        rf"(?:decree|law|act|amendment|reform|regulation|ordinance|legislation)s? (?:of \d{{4}} )?(?:{_W} ){{0,2}}?"
        rf"(?:extended|raised|increased|reduced|lowered|shortened|abolished|introduced|restricted|expanded|removed|"
        rf"limited|lengthened) the\b|"
        # "Executive Decree 436 of June 2022 opened an amnesty", "Law No. 5 of 3 May 2019 created a regularisation scheme"
        rf"(?:decree|law|act|ordinance|resolution|order) (?:no\.? ?)?[\w./-]*\d[\w./-]* (?:of (?:\d{{1,2}} )?(?:[a-z]+ )?\d{{4}} )?"
        rf"(?:opened|created|launched|introduced|established|set up) (?:an? |the )?(?:new )?(?:[\w-]+ ){{0,2}}?"
        rf"(?:amnest(?:y|ies)|regulari[sz]ation|visas?|permits?|programmes?|programs?|schemes?|procedures?|process)\b|"
        # "a second phase, launched by Executive Decree 698 in 2023"
        rf"(?:phase|stage|round|programme|program|plan|scheme|amnesty|regulari[sz]ation)(?: [\w-]+)?,? (?:was |were )?"
        rf"(?:launched|introduced|opened|created|established) by (?:[\w-]+ )?(?:decree|law|act|order|ordinance|resolution)\b|"
        rf"(?:announced|launched|unveiled|adopted|introduced) (?:an? |the |its )?(?:new )?(?:{_W} ){{0,5}}?"
        rf"(?:plan|policy|programme|program|strategy|scheme|initiative)\b|"
        # "the Shirika Plan launched in 2023", "a strategy was adopted in May 2022"
        rf"(?:plan|policy|programme|program|strategy|scheme|initiative) (?:(?:was|were|has been|had been) )?"
        rf"(?:launched|unveiled|adopted|introduced) (?:in|on) "
        rf")", re.IGNORECASE)),
    ("border_closure", re.compile(
        rf"\b(?:borders? (?:{_W} ){{0,2}}(?:were|was|had been|have been|has been|remained) closed|"
        r"clos(?:ed|ing|ure of) (?:its |the |all |their )?(?:\w+ )?borders?)\b", re.IGNORECASE)),
    ("agreement", re.compile(
        rf"\b(?:(?:signed|concluded|reached|announced|struck) (?:an? |the )?(?:{_W} ){{0,3}}(?:agreement|memorandum|accord|deal|"
        rf"joint (?:declaration|statement)|partnership|pact|"
        rf"(?:treaty|protocol|arrangement) with)|(?:agreement|memorandum|accord|deal)\b[^.;]{{0,60}}?"
        rf"\b(?:first )?(?:signed|concluded|reached) (?:on|in))\b", re.IGNORECASE)),
    ("other", re.compile(
        r"\b(?:blocked (?:access to )?[\w-]+\.[a-z]{2,6}\b|[\w-]+\.[a-z]{2,6} (?:was|were) blocked|"
        r"facilitated (?:their|the|his|her) return|repatriated|"
        r"(?:were|are|remained|remain|left) (?:\w+ )?(?:stranded|trapped)\b|"
        r"summoned (?:the |its |their )?(?:[\w’'-]+ ){0,2}?(?:ambassador|envoy|charg[eé] d[’']affaires)|"
        # "the government has relocated Rohingya to the island", "2,000 refugees were relocated to"
        r"(?:were|have been|had been) (?:\w+ )?relocated to|relocated (?:\d[\d,]* |thousands of |hundreds of )?"
        r"(?!from |within |inside )(?:[\w-]+ ){1,2}?to (?!(?:an? |the |its |new )?(?:new )?(?:building|premises|site|location|office|offices|headquarters)\b)|"
        # "the new centre opened on 18 September 2021", "the first was inaugurated in March"
        r"(?:centres?|centers?|facilit(?:y|ies)|camps?|prisons?|shelters?|the first|the second|the third|the last) "
        r"(?:(?:was|were|had been|has been) )?(?:officially |formally |finally )?(?:opened|inaugurated)\b(?! (?:fire|its doors to|up))|"
        r"(?:rescued|intercepted) (?:\d[\d,]*|dozens|hundreds|several|some \d[\d,]*)|died|drowned|(?:were|was) (?:\w+ )?killed|killing|killed (?:\d[\d,]*|dozens|hundreds|scores|several)\b|shot dead|lost their lives|injur(?:ed|ing) (?:\w+ )?"
        r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|several)|"
        r"fires? (?:\w+ ){0,2}(?:broke out|swept through|destroyed|gutted)|broke out of|mass escape|"
        r"(?:were|had been) (?:\w+ )?released\b|"
        # "several hundred migrant workers ... were evicted", "the forced eviction of 300 families"
        r"(?:were|had been|have been) (?:forcibly |summarily |violently )?evicted\b|(?:forced |mass )evictions? of\b|"
        r"published (?:its|a|the|their) (?:final )?(?:report|findings)|"
        r"(?:mob|crowd|students|residents|villagers|locals|protesters|men|group) (?:\w+ )?(?:stormed|attacked|torched|"
        r"set fire to) (?:an? |the )?(?:\w+ ){0,2}(?:centres?|centers?|shelters?|camps?|buildings?|hotels?|houses?))\b",
        re.IGNORECASE)),
]
_CUES_LOWER = [(kind, re.compile(pattern.pattern)) for kind, pattern in _CUES]
# Words every match of a cue contains (lower case). A cue counts only inside one sentence,
# so it is looked for only in sentences holding one of its words: one fast scan for the
# words (a plain alternation the engine skips through) spares the costly cue pattern most
# of the text. Kinds whose wording is too open to name such words scan everything.
_ANCHORS: dict[str, re.Pattern[str]] = {kind: re.compile(words) for kind, words in {
    "raid": r"raid|round|sweep|crackdown|swept|stormed|searches|checks|resulted in|led to|operation|campaign|evacuated|"
            r"dismantled|demolished|bulldozed|razed|cleared|destroyed|evicted",
    "detention": r"detain|detention|arrest|round|held|taken to|transferred to|brought to|moved to|sent to|placed|confined|kept|locked up",
    "deportation": r"deport|expel|expul|back|returned|removed|forced|forcibly|transferred|handed|push-back|pushback|summary|"
                   r"forcible|flight|return|resumed|restarted|"
                   r"pushed|thrown|made to jump|across the|over the|convoy|adrift|at sea|raft|dinghy|dinghies|left|dumped|abandoned",
    "extradition": r"extradit",
    "protest": r"protest|demonstrat|rall|march|riot|unrest|sit-in|hunger strike",
    "court_ruling": r"court|tribunal|ruling|judge|council|judgment|judgement|verdict| v. | v ",
    "border_closure": r"border",
    "agreement": r"agreement|memorandum|accord|deal|treaty|protocol|arrangement|declaration|statement|partnership|pact",
    # the first policy_change entry: one of its verbs or fixed phrases is in every match
    "policy_change": r"no longer|introduc|impos|lifted|adopt|enact|pass|approv|promulgat|signed|amended|issued|announc|declared|tabled|submitted|presented|"
                     r"extended|revok|repeal|emergency|ceased|suspend|halt|stopp|decision to|into force|froze|"
                     r"paused|clos|since|withdr|denounced|deployed|regulari",
    "other": r"evict|stranded|trapped|summoned|relocat|opened|inaugurated|rescued|intercepted|blocked|facilitated|repatriated|died|drowned|killed|killing|shot dead|lost their lives|injur|fire|"
             r"broke out|escape|released|published|stormed|attacked|torched",
}.items()}
# The verb-anchored policy wordings (the second policy_change entry of _CUES) have their own words.
_POLICY_VERBS = re.compile(
    r"since|took effect|abandon|abolish|repeal|scrap|revok|lifted|introduc|adopted|suspended|reinstated|ended|"
    r"discontinu|extended|raised|increased|reduced|lowered|shortened|restricted|expanded|removed|limited|"
    r"lengthened|announced|launched|unveiled|opened|created|established|set up")
_ANCHORS_BY_CUE = [_POLICY_VERBS if kind == "policy_change" and i > 0 and _CUES[i - 1][0] == "policy_change"
                   else _ANCHORS.get(kind) for i, (kind, _) in enumerate(_CUES)]
_ANCHORS_BY_CUE_CI = [None if a is None else re.compile(a.pattern, re.IGNORECASE) for a in _ANCHORS_BY_CUE]
# All anchor words in one trie, scanned once per document at every position (a lookahead, so
# words starting inside another word are seen too); each hit counts for every cue that has a
# word the hit begins with. Eleven flat alternations scanned one by one cost five times more.
_ANCHOR_WORDS_BY_CUE = [None if a is None else a.pattern.split("|") for a in _ANCHORS_BY_CUE]
_ALL_ANCHOR_WORDS = sorted({w for words in _ANCHOR_WORDS_BY_CUE if words for w in words})
_ALL_ANCHORS = re.compile("(?=(" + trie_pattern(_ALL_ANCHOR_WORDS) + "))")
_CUES_OF_WORD = {hit: tuple(i for i, words in enumerate(_ANCHOR_WORDS_BY_CUE)
                            if words and any(hit.startswith(w) for w in words))
                 for hit in _ALL_ANCHOR_WORDS}


def _anchor_positions(scanned: str, lower_case: bool) -> list[list[int] | None]:
    """Per cue, where its anchor words start (None for cues that scan everything)."""
    positions: list[list[int] | None] = [None if words is None else [] for words in _ANCHOR_WORDS_BY_CUE]
    if lower_case:
        for m in _ALL_ANCHORS.finditer(scanned):
            for i in _CUES_OF_WORD[m.group(1)]:
                positions[i].append(m.start())  # type: ignore[union-attr]
    else:
        for i, anchor in enumerate(_ANCHORS_BY_CUE_CI):
            if anchor is not None:
                positions[i] = [m.start() for m in anchor.finditer(scanned)]
    return positions
_PRESENT_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_REPORT_YEAR_KINDS = frozenset({"policy_change", "border_closure"})
_PERSON_KINDS = frozenset(KINDS) - {"agreement", "protest"}
# "after a court found that his detention was unlawful": a finding told of one person is the case's
_FINDING = re.compile(r"(?:found|concluded|determined) that$")
_CRIMINAL_VERDICT = re.compile(r"sentenc|convict|guilty|acquit", re.IGNORECASE)
# a participle naming the instrument that made or unmade a law, set off as an aside
_BY_INSTRUMENT = re.compile(r"[\w-]+ by (?:[\w-]+ )?(?:decree|law|act|order|ordinance|resolution|regulation)s?\b",
                            re.IGNORECASE)
_APPOSITION_BEFORE = re.compile(r"(?:,|\()\s*$")
_DEATHS = re.compile(r"died|drowned|killing|killed|shot dead|lost their lives", re.IGNORECASE)
_COUNTED = frozenset({"raid", "detention", "deportation", "extradition", "protest", "court_ruling", "other",
                      "border_closure", "agreement"})
_NEGATION = re.compile(r"\b(?:not|never|no|n[o’']t|without)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# "A court lifted the ban", "the judge revoked the order": a court acting on one case, not a policy.
_COURT_SUBJECT = re.compile(r"\b(?:court|judge|tribunal|magistrate)s?\s+(?:\w+\s+)?$", re.IGNORECASE)
_PEOPLE = re.compile(
    r"\s*(?:[\w“”\"-]+\s+){0,3}?[“\"]?(?:people|persons|individuals|migrants|foreigners|refugees|asylum[- ]seekers|"
    r"protesters|demonstrators|detainees|nationals|citizens|workers|children|women|men|activists|"
    r"journalists|students|families|prisoners|members|supporters|officers|violators|offenders|overstayers|"
    r"survivors|soldiers|passengers|minors|boys|girls|adults|deportees|returnees|victims|Uzbeks|Tajiks|Kyrgyz|[A-Z]\w+s|"
    r"(?<=of )them)\b")
_PLACE = re.compile(
    r"\b(?:in|at|on|near)\s+(?:the\s+)?([A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+){0,3}"
    r"(?:\s+(?:region|province|district|highway|city|village|camp|border|checkpoint|airport|port|oblast))?)")
_COURT_PLACE = re.compile(r"\b([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?) (District|Regional|City|Provincial|Municipal) Court\b")
_TITLE_BEFORE = re.compile(r"\b(?:Act|Law|Code|Decree|Regulations?|Ordinance|Convention|Committee|Council|Commission|"
                           r"Ministry|Office|Directive|Resolution|Protocol)\s*$")
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
    count: int | None = None


_REPORTING = re.compile(
    r"\b(?:reported|reports|said|says|stated|states|claimed|claims|noted|notes|found|documented|documents|told|wrote|"
    r"writes|alleged|alleges|confirmed|confirms)\b(?: that)?", re.IGNORECASE)
_NAMING_YEAR = re.compile(r"\b((?:19|20)\d{2})\s+$")
_RIGHT_AFTER = re.compile(r"\s*(?:,\s*)?(?:in|on)\s+(?:about\s+|early\s+|late\s+|mid-?)?$", re.IGNORECASE)
# "between 1 and 15 September": the first day is written bare, the month only once
_DAY_RANGE_OPENER = re.compile(r"\b(?:between|from|on|of)\s+(\d{1,2})(?:st|nd|rd|th)?\s*(?:and|to|until|-|–)\s*$", re.IGNORECASE)
# a cue that ends by introducing its own date ("the judgment of the Court ... of 17 July 2014")
_DATED_CUE_END = re.compile(r"(?:\b(?:of|dated|since)\s|\s\()$", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)
_JOINED_MONTHS = re.compile(r"^\s*(?:and|to|until|till|through|[-–—])\s*$")
_PERIOD_OPENER = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_TITLE_YEAR = re.compile(r"\b(?:Act|Law|Bill|Code|Decree|Regulations?|Rules|Ordinance|Order)\s+(?:No\.?\s*)?(?:\d[\d./-]*\s+)?(?:of\s+)?$")
# "the Law on External Migration of 17 July 2000", "the Decree on Detention Centres of 2019": a title's date
_TITLED_OF = re.compile(r"\b(?:Act|Law|Code|Decree|Regulations?|Ordinance|Order|Resolution)\s+(?:on|concerning|regarding)\s+"
                        r"(?:(?:the|of|and|on|for|in)\s+|[A-Z][\w’'-]*\s+){1,8}?of\s+$")
# "during the year", "in the same year": a running total, a statistic
_YEAR_IN_WORDS = re.compile(r"\b(?:during|in|over|throughout|within) (?:the (?:same |whole |entire )?|that |this |last )year\b|"
                            r"\bin the course of the year\b|\b(?:fiscal|financial|budget|reporting) year\b|\bFY ?\d", re.IGNORECASE)
# "in closed centres", "Belgium's closed centres": "closed" as an adjective, not a closure
_STRANDED = re.compile(r"stranded|trapped", re.IGNORECASE)
_ADJECTIVE_CLOSED = re.compile(r"(?:\b(?:in|into|to|from|of|at|the|a|its|their|and|or|for|two|three|\d+)|['’]s)\s+$",
                               re.IGNORECASE)
_SNAPSHOT = re.compile(r"\b(?:as of|as at|at the end of|by the end of|at year[’']s end|on any given day)\b",
                       re.IGNORECASE)
_QUANTITY = re.compile(r"\b(?:hundreds|thousands|dozens|scores|tens of thousands)\s+of\b", re.IGNORECASE)
# "held the group at ...": the people of the sentence before, so its date (and number) carry over
_HELD_FOR = re.compile(r"\bfor (?:\w+ )?" + _DURATION, re.IGNORECASE)  # an episode of confinement, not a rule
_USUAL = re.compile(r"\b(?:(?i:average|averaged|median|maximum|minimum|typically|usually|normally|generally|often|"
                    r"routinely|sometimes)|may|can|must|up to)\b")  # "May" the month is no modal
_ANAPHORIC = re.compile(r"\b(?:the group|them all|all of them)\b", re.IGNORECASE)
# "a Nigerian man died": one person told as a story (a case); "a detainee died at the centre" stays an event
_ONE_PERSON_BEFORE = re.compile(
    r"\b(?:an?|one)\s+(?:[\w-]+\s+){0,2}(?:man|woman|boy|girl)\s+"
    r"(?:\w+\s+)?$", re.IGNORECASE)
_AGGREGATE_KINDS = frozenset({"detention", "deportation", "extradition"})
_CARRY_NEEDS_QUANTITY = frozenset({"detention", "deportation", "extradition", "other"})
# "6,383 passed through the centres in 2023 and 2,987 were repatriated": a yearly flow is a statistic
_MOVEMENT = re.compile(r"repatriated|relocated|released|intercepted|rescued|died|drowned|lost their lives", re.IGNORECASE)
_PLACE_HELD = re.compile(
    r"\b(?:centres?|centers?|facilit(?:y|ies)|camps?|prisons?|sites?|shelters?|units?|stations?|capacity|designed for|"
    r"built for)\b[^.;]*$", re.IGNORECASE)
_STOCK_CUE = re.compile(r"were (?:[\w’'-]+ ){0,2}held in\b")
_ANNOUNCEMENT = re.compile(r"announced\b")
_YEARLY = re.compile(r"\d{4}(?:/\d{4})?")
_MONTH_SPAN = re.compile(r"(\d{4})-(\d\d)/(\d{4})-(\d\d)")
_LONG_SPAN_MONTHS = 6
# "the following day", "two days later": a day counted from the day of the sentence before
_RELATIVE_DAY = re.compile(r"\b(?:the (?:following|next) day|the day after|(\d|one|two|three|four|five|six|seven) days later)\b",
                           re.IGNORECASE)
_SMALL_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
# "sent back to the camps", "returned to the shelter": moved back inside the country, not expelled
_INLAND_RETURN = re.compile(r"(?:\s+to)?\s+(?:the\s+|their\s+|its\s+)?(?:[\w-]+\s+)?(?:camps?|shelters?|centres?|centers?|homes?|"
                            r"settlements?|cells?|facilit(?:y|ies)|island|dormitor(?:y|ies))\b", re.IGNORECASE)
# "his group of about 40", "a boat of some 120 people": a number of people named by what holds them
_GROUP_OF = re.compile(r"\b(?:group|boat|boatload|convoy|raft|dinghy|bus|truck|lorry)\s+of\s+(?:about\s+|around\s+|some\s+|"
                       r"at least\s+|more than\s+|over\s+|nearly\s+|approximately\s+)?$", re.IGNORECASE)
# "1,846 people since the start of the year" (said on 10 February): a tally from 1 January to that day
_YEAR_TO_DATE = re.compile(r"\bsince the (?:start|beginning) of the year\b", re.IGNORECASE)
_REQUEST_OPENER = re.compile(r"^(?:[" + re.escape(BULLET_GLYPHS) + r"]\s*)?Please\b")


# "the 2023 amendments", "the 2011 Migration Law": a year that names a text, not a time
_ARTICLE_BEFORE = re.compile(r"\b(?:the|its|their|a|an)\s+$", re.IGNORECASE)
_NAMED_AFTER = re.compile(
    r"\s+(?:[A-Z][\w’'-]+|(?:amendments?|amended|reforms?|laws?|acts?|bills?|decrees?|regulations?|rules|"
    r"polic(?:y|ies)|constitution|code|strategy|plan)\b)")


def _year_names_a_thing(text: str, start: int, end: int, value: str) -> bool:
    return (len(value) == 4 and bool(_ARTICLE_BEFORE.search(text, max(0, start - 8), start))
            and bool(_NAMED_AFTER.match(text, end)))


def sentence_dates(text: str, start: int, end: int, default_year: int | None) -> list[DateMention]:
    """Dates of one sentence as event dates: law-title years dropped ("Act 2023" names a law, not
    a time) and "between October and November 2022" joined into one period."""
    raw = [d for d in find_dates(text[start:end], default_year=default_year)
           if not _TITLE_YEAR.search(text, max(start, start + d.start - 20), start + d.start)
           and not _TITLED_OF.search(text, max(start, start + d.start - 90), start + d.start)
           and not _year_names_a_thing(text, start + d.start, start + d.end, d.value)]
    out: list[DateMention] = []
    i = 0
    while i < len(raw):
        d = raw[i]
        nxt = raw[i + 1] if i + 1 < len(raw) else None
        if (nxt is not None and not d.is_period and not nxt.is_period
                and _JOINED_MONTHS.match(text[start + d.end:start + nxt.start])
                and _PERIOD_OPENER.search(text, max(start, start + d.start - 10), start + d.start)):
            first = d.value
            if d.year_inferred and not nxt.year_inferred:
                first = nxt.value[:4] + first[4:]
            out.append(DateMention(d.start, nxt.end, f"{first}/{nxt.value}", "period", d.year_inferred and nxt.year_inferred))
            i += 2
            continue
        day_range = (_DAY_RANGE_OPENER.search(text, max(start, start + d.start - 20), start + d.start)
                     if d.kind == "day" and not d.is_period else None)
        if day_range and int(day_range.group(1)) < int(d.value[8:10]):
            first = f"{d.value[:8]}{int(day_range.group(1)):02d}"
            out.append(DateMention(day_range.start() - start, d.end, f"{first}/{d.value}", "period", d.year_inferred))
            i += 1
            continue
        out.append(d)
        i += 1
    return out


def _date_in_sentence(mentions: list[DateMention], offset: int, text: str, sentence_start: int,
                      cue_end: int | None = None) -> DateMention | None:
    """The date of the cue at ``offset``: the last one written before it, unless a reporting verb
    stands between that date and the cue ("In July, X reported that police detained ... between
    February and July"): the earlier date then dates the report, and a date after the cue wins."""
    before = [d for d in mentions if d.end <= offset]
    after = [d for d in mentions if d.start >= offset]
    if after and cue_end is not None and (
            _RIGHT_AFTER.match(text, sentence_start + cue_end, sentence_start + after[0].start)
            or (after[0].start == cue_end and _DATED_CUE_END.search(text, sentence_start, sentence_start + cue_end))):
        return after[0]  # "the policy was abandoned in 2015": the verb's own date beats the sentence's opener
    if cue_end is not None and _DATED_CUE_END.search(text, sentence_start, sentence_start + cue_end):
        own = [d for d in after if d.start == cue_end]
        if own:  # "ruling No. 45/2019 of 3 March 2019": the day the cue introduces, not its number
            return own[0]
    # "men who had been held there since 2014 began a hunger strike": a "since" date starts a
    # state described on the way; it dates the event only when nothing else does.
    settled = [d for d in before if not _SINCE.search(text, max(sentence_start, sentence_start + d.start - 7),
                                                      sentence_start + d.start)]
    if settled and len(settled) < len(before) and not _SINCE.search(text, sentence_start + before[-1].end,
                                                                       sentence_start + offset):
        before = settled
    if before:
        last = before[-1]
        if after and _REPORTING.search(text, sentence_start + last.end, sentence_start + offset):
            return after[0]
        if after and _LABEL_END.match(text, sentence_start + last.end, sentence_start + offset):
            # "UPDATE (18 February 2025): three flights landed between 12 and 15 February": the label
            # dates the update; the event's own date takes the label's year when it gives none
            first_after = after[0]
            if first_after.year_inferred and not last.year_inferred and not last.is_period:
                first_after = replace(first_after, value=first_after.value.replace(first_after.value[:4], last.value[:4]),
                                      year_inferred=False)
            return first_after
        return last
    return mentions[0] if mentions else None


# the number and year of the instrument a cue ends on: "(introduced by) Law No. 17 of 2020"
_INSTRUMENT_YEAR = re.compile(r"(?:\s+(?:No\.?\s*)?[\w./-]*\d[\w./-]*)?\s+of\s+((?:19|20)\d{2})\b(?![/-]\d)")
_INSTRUMENT_END = re.compile(r"\b(?:law|act|decree|ordinance|resolution|regulations?|order)$", re.IGNORECASE)
_LABEL_END = re.compile(r"\s*\)?\s*:")  # a date closing a heading label ("Update (3 May 2024):")
_NUMBER_OF = re.compile(r"\d[\w./-]* of ")


def _own_dates(cue: str, default_year: int | None) -> list[DateMention]:
    """Dates written inside a cue that names a dated text ("Decree 12 of May 2021 opened ..."): those after
    the text's number, which is no day ("12 of May" is not the 12th)."""
    number = _NUMBER_OF.search(cue)
    return find_dates(cue[number.end() - 3:] if number else cue, default_year=default_year)


def _shift_day(previous: str | None, relative: re.Match[str]) -> str | None:
    """The day ``relative`` ("the following day", "two days later") names after the day ``previous``."""
    if previous is None or len(previous) != 10:
        return None
    word = (relative.group(1) or "1").lower()
    days = int(word) if word.isdigit() else _SMALL_NUMBERS[word]
    try:
        return (_dt.date.fromisoformat(previous) + _dt.timedelta(days=days)).isoformat()
    except ValueError:
        return None


def _long_span(date: str) -> bool:
    """A span of half a year or more ("between April 2023 and March 2024") dates a running total."""
    m = _MONTH_SPAN.fullmatch(date)
    if not m:
        return False
    y1, m1, y2, m2 = map(int, m.groups())
    return (y2 * 12 + m2) - (y1 * 12 + m1) >= _LONG_SPAN_MONTHS


def _count(text: str, sentence: Sentence, cue_start: int, cue_end: int) -> int | None:
    """People concerned: the number nearest the verb that counts people."""
    best: tuple[int, int] | None = None
    for number in find_numbers(text[sentence.start:sentence.end]):
        if number.value is None or number.is_percent or number.has_currency or number.is_year_like:
            continue
        if not float(number.value).is_integer() or number.value < 2:
            continue
        start, end = sentence.start + number.start, sentence.start + number.end
        if (not _PEOPLE.match(text, end, min(sentence.end, end + 60))
                and not _GROUP_OF.search(text, max(sentence.start, start - 40), start)):
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
        if _TITLE_BEFORE.search(span, max(0, m.start() - 14), m.start()):
            continue  # "the Act on Temporary Measures", "the Committee on Migrant Workers": a title, not a place
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


def _is_question(text: str, sentence: Sentence) -> bool:
    """A question or request ("Please indicate how many ... were held") asks; it reports nothing."""
    body = text[sentence.start:sentence.end].rstrip()
    return body.endswith("?") or bool(_REQUEST_OPENER.match(body))


def _quantity(text: str, sentence: Sentence, hit_count: int | None) -> bool:
    return hit_count is not None or bool(_QUANTITY.search(text, sentence.start, sentence.end))


def _cue_matches(pattern: re.Pattern[str], anchors: list[int] | None, scanned: str,
                 sentences: tuple[Sentence, ...], starts: list[int]) -> Iterator[re.Match[str]]:
    """Matches of a cue pattern that may lie inside a sentence: the whole text when the cue has
    no anchor words, else only the sentences that hold one (in reading order)."""
    if anchors is None:
        yield from pattern.finditer(scanned)
        return
    done = -1
    for position in anchors:
        k = bisect_right(starts, position) - 1
        if k <= done or k < 0 or position >= sentences[k].end:
            continue
        done = k
        sentence = sentences[k]
        # one character past the end: enough for a closing \b to see the next character,
        # and the scan never runs on into the rest of the document
        yield from pattern.finditer(scanned, sentence.start, sentence.end + 1)


def find_events(document: Document) -> list[EventHit]:
    """Every dated event cue of the document, in reading order (duplicates included).

    Each cue pattern scans the whole text once; dates are parsed only for the
    sentences that hold a cue (and, for the paragraph's time, those before it).
    Precision filters, each a family of wording rather than a phrase:
    questions and requests are skipped; a stock ("1,591 people were held in
    detention as of 30 June") and a yearly total ("8,372 people were removed in
    2022-23") are statistics, not events; a date carried from an earlier
    sentence dates a detention, expulsion or death only when a number of
    people is given, and never comes from a snapshot ("As of 30 June ...");
    an announcement must carry its own date.
    """
    text = document.text
    sentences = split_sentences(text)
    if not sentences:
        return []
    about_cases = sentences_about_cases(document)
    datelines = dateline_years(text)
    date_cache: dict[int, list[DateMention]] = {}

    def default_year(offset: int) -> int | None:
        return year_at(datelines, offset, document.year)

    def dates_of(k: int) -> list[DateMention]:
        if k not in date_cache:
            sentence = sentences[k]
            date_cache[k] = sentence_dates(text, sentence.start, sentence.end, default_year(sentence.start))
        return date_cache[k]

    def carried(k: int) -> str | None:
        paragraph = sentences[k].paragraph
        j = k - 1
        while j >= 0 and sentences[j].paragraph == paragraph:
            dated = [d for d in dates_of(j) if not d.is_period]
            if dated:
                earlier = sentences[j]
                if _SNAPSHOT.search(text, earlier.start, earlier.end):
                    return None
                return dated[-1].value
            j -= 1
        return None

    hits: list[EventHit] = []
    # Case-insensitive matching is done on a lower-cased copy: much faster than re.I,
    # and offsets agree whenever lower-casing keeps the length (else fall back to re.I).
    low = lowered(text)  # shared with the other extractors (one copy per document)
    scanned, patterns = (low, _CUES_LOWER) if low is not None else (text, _CUES)
    anchors = _anchor_positions(scanned, low is not None)
    starts = [s.start for s in sentences]
    for (kind, pattern), anchor in zip(patterns, anchors, strict=True):
        for cue in _cue_matches(pattern, anchor, scanned, sentences, starts):
            k = _bisect(sentences, cue.start())
            if k is None:
                continue
            sentence = sentences[k]
            if cue.end() > sentence.end:
                continue
            count = _count(text, sentence, cue.start(), cue.end()) if kind in _COUNTED else None
            if (kind in _PERSON_KINDS and (sentence.start, sentence.end) in about_cases
                    and not (kind == "court_ruling" and not _CRIMINAL_VERDICT.search(cue.group())
                             and not _FINDING.search(cue.group()))
                    and not (kind == "other" and count is not None and _DEATHS.match(cue.group()))
                    and not (kind == "deportation" and count is not None
                             and _GROUP_OF.search(text, max(sentence.start, cue.start() - 200), cue.start()))):
                # a court freeing or annulling one person's detention is also a ruling (a verdict is the
                # case's), and so is a shooting that killed many of the group a person was in
                continue
            if _NEGATION.search(text, max(sentence.start, cue.start() - 25), cue.start()):
                continue
            if _is_question(text, sentence):
                continue
            if kind == "deportation" and _INLAND_RETURN.match(text, cue.end()):
                continue  # "all were sent back to the camps": moved back inside the country, not expelled
            if (kind == "policy_change" and scanned.startswith("closed", cue.start())
                    and _ADJECTIVE_CLOSED.search(text, max(sentence.start, cue.start() - 12), cue.start())):
                continue  # "placements in closed centres": a kind of centre, not a closure
            if kind == "policy_change" and _COURT_SUBJECT.search(text, max(sentence.start, cue.start() - 30),
                                                                  cue.start()):
                continue
            if (kind == "policy_change" and _BY_INSTRUMENT.match(scanned, cue.start())
                    and _APPOSITION_BEFORE.search(text, max(sentence.start, cue.start() - 3), cue.start())):
                continue  # "the Regulations, issued by Royal Decree in 1952," "(repealed by Law 21)": a law's history
            if kind == "other" and _ONE_PERSON_BEFORE.search(text, max(sentence.start, cue.start() - 40), cue.start()):
                continue  # "a Nigerian man died there": one person's death is a case, not an event
            if kind == "other" and count is None and cue.group().endswith("released"):
                continue  # "X and Y were released" is a case; a mass release gives a number
            if (kind == "detention" and _HELD_FOR.search(cue.group())
                    and _USUAL.search(text, sentence.start, sentence.end)):
                continue  # "persons were held for 19 days on average": a typical length, a statistic
            if kind == "detention" and count is not None and _STOCK_CUE.match(scanned, cue.start()):
                continue  # "1,056 people were held in immigration detention on 30 June": a stock figure
            occupancy = (kind == "detention" and scanned.startswith("held", cue.start())
                         and _PLACE_HELD.search(text, max(sentence.start, cue.start() - 80), cue.start()))
            mention = _date_in_sentence(dates_of(k), cue.start() - sentence.start, text, sentence.start,
                                        cue.end() - sentence.start)
            if (mention is not None and mention.start >= cue.start() - sentence.start
                    and _ANAPHORIC.search(cue.group()) and carried(k) is not None):
                mention = None  # "held the group at ...; ... moved on 27 December": the group's own day came before
            named = (_NAMING_YEAR.search(text, max(sentence.start, cue.start() - 8), cue.start())
                     if mention is None and kind == "policy_change" else None)
            own = (_own_dates(text[cue.start():cue.end()], default_year(sentence.start))
                   if mention is None and kind == "policy_change" else None)
            if mention is None and kind == "policy_change" and not own:
                instrument = _INSTRUMENT_YEAR.match(text, cue.end())
                if instrument and _INSTRUMENT_END.search(cue.group()):  # "introduced by Law No. 17 of 2020"
                    own = [DateMention(instrument.start(1), instrument.end(1), instrument.group(1), "year")]
            relative = _RELATIVE_DAY.search(text, sentence.start, sentence.end) if mention is None else None
            if mention is not None:
                date, rule = mention.value, "sentence-date"
            elif own:  # "Decree 436 of June 2022 opened an amnesty": the decree's date is the change's
                date, rule = own[0].value, "sentence-date"
            elif relative is not None and (shifted := _shift_day(carried(k), relative)) is not None:
                date, rule = shifted, "sentence-date"
            elif named is not None:  # "a 2020 decree raised the maximum": the text's year is the change's
                date, rule = named.group(1), "sentence-date"
            elif (previous := carried(k)) is not None:
                if (kind in _CARRY_NEEDS_QUANTITY and not _quantity(text, sentence, count)
                        and not _ANAPHORIC.search(cue.group()) and not _HELD_FOR.search(cue.group())):
                    continue
                if _ANNOUNCEMENT.match(scanned, cue.start()):
                    continue
                date, rule = previous, "paragraph-date"
            elif (kind in _REPORT_YEAR_KINDS and document.year is not None
                  and not _ANNOUNCEMENT.match(scanned, cue.start())
                  and (_PRESENT_PERFECT.search(text, max(sentence.start, cue.start() - 30), cue.start())
                       or re.match(r"(?:has|have)\b", cue.group(), re.IGNORECASE))):
                date, rule = str(document.year), "report-year"
            else:
                continue
            if len(date) == 10 and _YEAR_TO_DATE.search(text, sentence.start, sentence.end):
                date = f"{date[:4]}-01-01/{date}"
            if kind == "other" and len(date) < 10 and scanned.startswith("published", cue.start()):
                continue  # "published a report in July criticizing ...": a source cited, not an event; a dated release is
            if occupancy and "/" not in date:
                continue  # "the centre held 1,420 people in late August": a head count; over a period, an episode
            aggregate = kind in _AGGREGATE_KINDS or kind == "other" and _MOVEMENT.search(cue.group())
            if aggregate and count is not None and (_YEARLY.fullmatch(date) or _long_span(date)
                                                    or _YEAR_IN_WORDS.search(text, sentence.start, sentence.end)):
                continue  # a yearly total ("8,372 people were removed in 2022-23") is a statistic
            if aggregate and count is not None and _SNAPSHOT.search(text, sentence.start, sentence.end):
                continue  # "by the end of February, 120,000 had been relocated": a running total, a statistic
            hits.append(EventHit(kind, sentence, cue.start(), cue.end(), date, f"{kind}:{rule}", count))
    hits.sort(key=lambda h: (h.cue_start, KINDS.index(h.kind)))
    return hits


@register(NAME, version=VERSION, produces=[FactType.EVENT])
def extract_events(document: Document) -> Iterable[Fact]:
    text = document.text
    seen: dict[tuple[str, str], Fact] = {}
    facts: list[Fact] = []
    hits = find_events(document)
    raids = [(h.cue_start, h.cue_end) for h in hits if h.kind == "raid"]
    for hit in hits:
        if (hit.kind == "other" and _STRANDED.search(text, hit.cue_start, hit.cue_end)
                and (not hit.rule.endswith("sentence-date")
                     or any(h.sentence == hit.sentence and h.kind != "other" for h in hits))):
            continue  # people stranded are an event when the sentence dates it and tells nothing else
        if (hit.kind == "other" and text[hit.cue_start:hit.cue_end].lower().endswith("released")
                and any(h.sentence == hit.sentence and h.kind in ("detention", "raid") for h in hits)):
            continue  # "police detained 27 students; they were released that evening": the arrest is the event
        if hit.kind == "detention" and any(s < hit.cue_end and hit.cue_start < e for s, e in raids):
            continue  # one wording read twice ("forces rounded up 300", "raids led to the arrest of 90"): the raid
        key = (hit.kind, hit.date)
        count = hit.count
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
