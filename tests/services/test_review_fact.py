"""Review workflow on a real database: status changes, corrections, history, conflicts."""

from __future__ import annotations

from pathlib import Path

import pytest

from habeas.errors import Conflict, NotFound, ValidationFailed
from habeas.services import review_fact
from habeas.services.context import Services
from habeas.services.extract_document import reextract_document
from habeas.store.models import FactRow


def _candidate(services: Services, **fields) -> int:  # type: ignore[no-untyped-def]
    """A candidate fact as the extractor would leave it (status candidate, extraction kept)."""
    base = {"indicator": "deportations", "value": 1240, "unit": "persons", "date": "2024-03"}
    base.update(fields)
    with services.db.session() as session:
        row = FactRow(type="statistic", country="GRC", fields=base, extracted_fields=dict(base),
                      indicator=base["indicator"], observation_date=base["date"],
                      quote="1,240 migrants were deported", extractor="statistics.prose@1",
                      rule="test", confidence=0.8)
        session.add(row)
        session.flush()
        return row.id


def test_accept_reject_and_history(services: Services) -> None:
    a, b = _candidate(services), _candidate(services, value=17000)
    review_fact.accept_facts(services, [a], "ana")
    review_fact.reject_facts(services, [b], "ben", reason="figure is for 2008")
    assert review_fact.get_fact(services, a)["status"] == "accepted"
    rejected = review_fact.get_fact(services, b)
    assert rejected["status"] == "rejected"
    history = review_fact.fact_history(services, b)
    assert history[-1]["actor"] == "ben" and history[-1]["action"] == "rejected"
    assert history[-1]["before"]["status"] == "candidate" and history[-1]["after"]["status"] == "rejected"
    assert history[-1]["reason"] == "figure is for 2008"


def test_edit_keeps_the_extraction_and_records_the_author(services: Services) -> None:
    fact_id = _candidate(services)
    edited = review_fact.edit_fact(services, fact_id, {"value": "1,250", "date": "March 2024"}, "ana")
    assert edited["value"] == 1250 and edited["date"] == "2024-03" and edited["edited"]
    full = review_fact.get_fact(services, fact_id)
    assert full["extracted_fields"]["value"] == 1240
    last = review_fact.fact_history(services, fact_id)[-1]
    assert last["actor"] == "ana" and last["before"]["fields"]["value"] == 1240
    assert last["after"]["fields"]["value"] == 1250


def test_edit_validates_fields(services: Services) -> None:
    fact_id = _candidate(services)
    with pytest.raises(ValidationFailed):
        review_fact.edit_fact(services, fact_id, {"indicator": "happiness"}, "ana")
    with pytest.raises(ValidationFailed):
        review_fact.edit_fact(services, fact_id, {"date": "sometime"}, "ana")
    with pytest.raises(ValidationFailed):
        review_fact.edit_fact(services, fact_id, {"colour": "red"}, "ana")
    with pytest.raises(NotFound):
        review_fact.edit_fact(services, 999999, {"value": 1}, "ana")


def test_stale_version_is_refused_and_shows_the_other_edit(services: Services) -> None:
    fact_id = _candidate(services)
    seen = review_fact.get_fact(services, fact_id)["version"]
    review_fact.edit_fact(services, fact_id, {"value": 1300}, "ana", expected_version=seen)
    with pytest.raises(Conflict) as info:
        review_fact.edit_fact(services, fact_id, {"value": 1400}, "ben", expected_version=seen)
    assert "ana" in info.value.message and "1300" in info.value.message
    assert review_fact.get_fact(services, fact_id)["value"] == 1300


def test_hand_added_facts_are_first_class(services: Services) -> None:
    fact = review_fact.add_fact(services, "statistic", "grc",
                                {"indicator": "refugees", "value": "103,000", "date": "2022"}, "ana",
                                source_note="UNHCR Refugee Data Finder, accessed 2023")
    assert fact["status"] == "accepted" and fact["unit"] == "persons" and fact["country"] == "GRC"
    assert fact["value"] == 103000
    with pytest.raises(ValidationFailed):
        review_fact.add_fact(services, "statistic", "GRC", {"indicator": "refugees", "value": 1}, "ana",
                             source_note="  ")
    with pytest.raises(ValidationFailed):
        review_fact.add_fact(services, "statistic", "XXX", {"indicator": "refugees", "value": 1}, "ana",
                             source_note="note")


def test_csv_import_is_all_or_nothing(services: Services) -> None:
    good = ("type,country,source_note,indicator,value,date,treaty,action,year\n"
            "statistic,MYS,SUHAKAM annual report,immigration_detainees,12000,2023,,,\n"
            "treaty,MYS,UN Treaty Collection,,,,CRC,ratification,1995\n")
    added = review_fact.import_csv(services, good, "ana")
    assert [f["type"] for f in added] == ["statistic", "treaty"]
    assert added[1]["year"] == 1995
    bad = good + "statistic,MYS,x,immigration_detainees,not-a-number,2023,,,\n"
    before = len(review_fact.list_review(services))
    with pytest.raises(ValidationFailed) as info:
        review_fact.import_csv(services, bad, "ana")
    assert "line 4" in info.value.message
    assert len(review_fact.list_review(services)) == before


def test_reextract_keeps_reviewed_and_edited_facts(services: Services, tmp_path: Path) -> None:
    from habeas.services.ingest_files import ingest_paths

    source = tmp_path / "greece.txt"
    source.write_text(
        "Immigration detention in Greece\n\n"
        "According to the Hellenic Police, 1,240 migrants were deported in 2019. "
        "Greece ratified the Convention against Torture in 1988.\n\n"
        "In 2020, 4,500 migrants were deported from Greece, official figures show.\n",
        encoding="utf-8")
    [outcome] = ingest_paths(services, [source])
    facts = review_fact.list_review(services, document_id=outcome.document_id)
    if len(facts) < 2:
        pytest.skip("extractors found fewer than two facts in the fixture text")
    kept_accepted, kept_edited = facts[0]["id"], facts[1]["id"]
    review_fact.accept_facts(services, [kept_accepted], "ana")
    review_fact.edit_fact(services, kept_edited, {"country": "GRC"}, "ana")
    reextract_document(services, outcome.document_id)
    after = {f["id"]: f for f in review_fact.list_review(services, document_id=outcome.document_id)}
    assert after[kept_accepted]["status"] == "accepted"
    assert kept_edited in after
    # No duplicate of a kept fact was added by re-extraction.
    keys = [(f["type"], f.get("indicator"), f.get("value"), f.get("date"), f.get("treaty"))
            for f in after.values()]
    assert len(keys) == len(set(keys))
