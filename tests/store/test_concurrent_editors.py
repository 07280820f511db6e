"""Two editors, two real database sessions, one fact: the second save is refused."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from habeas.errors import Conflict
from habeas.services import review_fact
from habeas.services.context import Services
from habeas.store.models import FactRow


def _fact(services: Services) -> int:
    return review_fact.add_fact(services, "statistic", "GRC",
                                {"indicator": "deportations", "value": 100, "date": "2020"}, "ana",
                                source_note="test", status="candidate")["id"]


def test_interleaved_sessions_cannot_overwrite_each_other(services: Services) -> None:
    fact_id = _fact(services)
    first, second = Session(services.db.engine), Session(services.db.engine)
    try:
        a = first.get(FactRow, fact_id)
        b = second.get(FactRow, fact_id)
        assert a.version == b.version
        a.fields = {**a.fields, "value": 111}
        first.commit()
        b.fields = {**b.fields, "value": 222}
        with pytest.raises(StaleDataError):
            second.commit()
        second.rollback()
    finally:
        first.close()
        second.close()
    assert review_fact.get_fact(services, fact_id)["value"] == 111


def test_editor_with_stale_form_gets_a_conflict_naming_the_other_edit(services: Services) -> None:
    fact_id = _fact(services)
    opened_by_both = review_fact.get_fact(services, fact_id)["version"]
    review_fact.edit_fact(services, fact_id, {"value": 150}, "ana", expected_version=opened_by_both)
    with pytest.raises(Conflict) as info:
        review_fact.accept_facts(services, [fact_id], "ben", expected_version=opened_by_both)
    assert "ana" in info.value.message and "150" in info.value.message
    assert review_fact.get_fact(services, fact_id)["status"] == "candidate"
