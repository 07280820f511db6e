"""A registry of extractors, keyed by name, each with a version.

An extractor is a callable ``(Document) -> Iterable[Fact]`` that declares what
it produces. Registering it under ``name@version`` lets every stored fact name
the code that found it, and lets ``extract-all`` tell stale facts from current.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from habeas.domain import Document, Fact, FactType

ExtractorFn = Callable[[Document], Iterable[Fact]]


@dataclass(frozen=True, slots=True)
class RegisteredExtractor:
    name: str
    version: int
    produces: tuple[FactType, ...]
    run: ExtractorFn

    @property
    def id(self) -> str:
        return f"{self.name}@{self.version}"


_REGISTRY: dict[str, RegisteredExtractor] = {}


def register(name: str, *, version: int, produces: Iterable[FactType]) -> Callable[[ExtractorFn], ExtractorFn]:
    def decorator(fn: ExtractorFn) -> ExtractorFn:
        _REGISTRY[name] = RegisteredExtractor(name, version, tuple(produces), fn)
        return fn

    return decorator


def registered_extractors() -> list[RegisteredExtractor]:
    # Importing the package modules registers them; done lazily, not at import of this module.
    from habeas.extract import components  # noqa: F401

    return [_REGISTRY[k] for k in sorted(_REGISTRY)]


def extractor_id(name: str) -> str:
    """``name@version`` of a registered extractor, for provenance."""
    return _REGISTRY[name].id
