"""The engine interface: index, delete, query with filters, facets and sort, explain."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from hansa.search.schema import Facet


@dataclass(frozen=True)
class Clause:
    """One query word (or phrase) with its alternatives (synonyms): any of them matches."""

    alternatives: tuple[str, ...]


@dataclass(frozen=True)
class Filter:
    """Documents whose ``field`` has any of ``values``, or lies in [gte, lt)."""

    field: str
    values: tuple[Any, ...] = ()
    gte: float | None = None
    lt: float | None = None


@dataclass
class EngineQuery:
    kind: str  # "product" or "company"
    clauses: Sequence[Clause] = ()
    fields: dict[str, float] = field(default_factory=dict)  # searched field -> boost
    match_all_words: bool = True
    fuzzy: bool = False
    filters: Sequence[Filter] = ()
    facets: Sequence[Facet] = ()
    sort: str | None = None  # a fast field, or None for relevance x rank weight
    descending: bool = True
    weight_field: str | None = "w"
    offset: int = 0
    limit: int = 20
    highlight: Sequence[str] = ()  # stored fields to make snippets of
    stored: Sequence[str] = ()  # stored fields to return


@dataclass
class EngineHit:
    key: str
    score: float
    fields: dict[str, Any]
    highlights: dict[str, str]


@dataclass
class EngineResult:
    total: int
    hits: list[EngineHit]
    facets: dict[str, list[tuple[Any, int]]]
    facets_approximate: bool = False  # counts estimated from a sample (very broad results)


class SearchEngine(Protocol):
    def upsert(self, documents: Iterable[dict[str, Any]]) -> int: ...
    def delete(self, keys: Iterable[str]) -> None: ...
    def commit(self, cursor: int) -> None: ...
    def rollback(self) -> None: ...
    def clear(self) -> None: ...
    def cursor(self) -> int: ...
    def count(self, kind: str | None = None) -> int: ...
    def search(self, query: EngineQuery) -> EngineResult: ...
    def explain(self, query: EngineQuery, key: str) -> dict[str, Any]: ...
    def ranked_keys(self, query: EngineQuery, limit: int) -> list[tuple[str, float, float]]: ...
    def terms(self, field: str, prefix: str, limit: int) -> list[tuple[str, int]]: ...
    def writer(self) -> Any: ...
    def release_writer(self) -> None: ...
    def add_new(self, documents: Iterable[dict[str, Any]]) -> int: ...
    def add_serialized(self, documents: Iterable[str]) -> int: ...
    def size_bytes(self) -> int: ...
