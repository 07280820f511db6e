"""The analysed document: built once per extraction, handed to every extractor.

Each extractor used to re-derive what it needed from the raw text. Now the
pipeline builds one ``AnalysedDocument``: the text with hard line breaks inside
paragraphs turned into spaces (same offsets, see ``habeas.text.sentences.flowed``) and
tables saved one cell per line put back into rows (``habeas.text.cells.tabled``),
its lower-cased copy and sentences (computed once, kept on the text itself),
the report's context (year, country, kind) and the learned models that score
candidates. It is a ``Document``, so an extractor written for a document reads
it unchanged; quotes are taken from ``original_text`` so they stay verbatim.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING

from habeas.domain import Document
from habeas.text.cells import tabled
from habeas.text.prepared import PreparedText
from habeas.text.sentences import Sentence, flowed

if TYPE_CHECKING:
    from habeas.extract.scorer.model import Models


@dataclass(slots=True)
class AnalysedDocument(Document):
    original_text: str = ""
    models: Models | None = field(default=None, repr=False)

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        text = self.text
        if isinstance(text, PreparedText):
            return text.sentences
        return PreparedText(text).sentences

    @property
    def report_year(self) -> int | None:
        """The year the report covers: dates written without a year belong to it."""
        return self.year


def analyse(document: Document, models: Models | None = None) -> AnalysedDocument:
    """The analysed form of ``document`` (a document already analysed is re-used as it is)."""
    if isinstance(document, AnalysedDocument):
        if models is not None:
            document.models = models
        return document
    values = {f.name: getattr(document, f.name) for f in fields(Document)}
    values["text"] = PreparedText(flowed(tabled(document.text)))
    return AnalysedDocument(**values, original_text=document.text, models=models)
