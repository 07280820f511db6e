"""Status candidates: every sentence of ordinary length.

A report says that a state detains migrants, detains children or punishes
irregular entry in many ways ("were placed in detention facilities to await
deportation", "the law permitted the detention of rejected asylum seekers");
the statuses model reads each sentence and names the status it states, if any.
"""

from __future__ import annotations

from habeas.extract.analysis import AnalysedDocument
from habeas.extract.candidates.common import MAX_SENTENCE
from habeas.extract.candidates.events import Candidate
from habeas.extract.scorer.features import Features, add_context, add_words, tokens


def propose_statuses(document: AnalysedDocument) -> list[Candidate]:
    text = document.text
    out = []
    for sentence in document.sentences:
        length = sentence.end - sentence.start
        if length > MAX_SENTENCE or length < 25:
            continue
        features: Features = {}
        add_words(features, tokens(text[sentence.start:sentence.end]), "")
        add_context(features, document.kind, length)
        out.append(Candidate(sentence.start, sentence.end, {}, features))
    return out
