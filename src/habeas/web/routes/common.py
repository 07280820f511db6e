"""Small helpers shared by the route modules."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter

PAGE_SIZE = 50


def page_route(router: APIRouter, path: str, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a GET page at ``path`` and its JSON twin at ``path + '.json'``."""

    def decorator(func: Callable[..., Any]) -> Callable[..., Any]:
        # The twin goes first: a string parameter would otherwise swallow the suffix.
        router.get(path + ".json", **kwargs)(func)
        router.get(path, **kwargs)(func)
        return func

    return decorator


def clean(value: str | None) -> str | None:
    """Empty form fields mean "no filter"."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def paging(page: int, total: int, size: int = PAGE_SIZE) -> dict[str, Any]:
    pages = max(1, (total + size - 1) // size)
    page = min(max(1, page), pages)
    return {"page": page, "pages": pages, "size": size, "total": total,
            "offset": (page - 1) * size, "has_prev": page > 1, "has_next": page < pages}
