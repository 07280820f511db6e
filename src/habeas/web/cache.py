"""Aggregates cached per database and dropped on any write, found by a cheap change marker.

Whole-library counts, the countries index and assembled country profiles
cost a scan of the facts table (or, for a profile, seconds of assembly) but
change only when the library does. Every write to the library changes one of
five numbers that indexes answer at once: the count and highest id of facts
and of documents, and the newest ``facts.updated_at`` (set by every review
action). Those numbers form the marker; a cached value is served only while
the marker it was computed under is still current, so a write by any process
(another server worker, the CLI) is seen by the next request.

Values are shared between requests: callers must treat them as read-only.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from habeas.store.models import DocumentRow, FactRow

T = TypeVar("T")
MAX_ENTRIES = 256
_SESSION_KEY = "habeas.change_marker"


def change_marker(session: Session) -> tuple[Any, ...]:
    """The library's "last change" marker, computed once per session (one request)."""
    marker = session.info.get(_SESSION_KEY)
    if marker is None:
        row = session.execute(select(
            select(func.count()).select_from(FactRow).scalar_subquery(),
            select(func.max(FactRow.id)).scalar_subquery(),
            select(func.max(FactRow.updated_at)).scalar_subquery(),
            select(func.count()).select_from(DocumentRow).scalar_subquery(),
            select(func.max(DocumentRow.id)).scalar_subquery())).one()
        marker = tuple(str(v) for v in row)
        session.info[_SESSION_KEY] = marker
    return marker


def forget_marker(session: Session) -> None:
    """Call after writing through ``session`` so later reads in it see the new marker."""
    session.info.pop(_SESSION_KEY, None)


class _Store:
    def __init__(self) -> None:
        self.marker: tuple[Any, ...] | None = None
        self.values: dict[Hashable, Any] = {}


_stores: weakref.WeakKeyDictionary[Engine, _Store] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def cached(session: Session, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()`` once per library state; later calls with the same key reuse the value."""
    marker = change_marker(session)
    engine = session.get_bind()
    assert isinstance(engine, Engine)
    with _lock:
        store = _stores.setdefault(engine, _Store())
        if store.marker != marker:
            store.marker, store.values = marker, {}
        if key in store.values:
            return store.values[key]  # type: ignore[no-any-return]
    value = compute()
    with _lock:
        if store.marker == marker:
            if len(store.values) >= MAX_ENTRIES:
                store.values.pop(next(iter(store.values)))
            store.values[key] = value
    return value


def clear() -> None:
    """Drop every cached value (tests, or after restoring a backup in-process)."""
    with _lock:
        _stores.clear()
