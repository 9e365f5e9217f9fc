"""The in-process engine: tantivy, one index directory per node.

One process at a time holds the index writer (tantivy's lock file); every process reads. A
reader notices a newer commit by the modification time of ``meta.json`` (checked at most every
``RELOAD_CHECK_S``), so all server processes see new commits without a restart. The outbox
cursor is written next to the index right after each commit: a crash between the two re-reads
a batch, and since every document is replaced by its key, nothing is lost or duplicated.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import orjson
import tantivy

from hansa.search import schema as s
from hansa.search.engine.base import EngineHit, EngineQuery, EngineResult, Filter

SCHEMA_VERSION = 2
RELOAD_CHECK_S = 0.2
WRITER_HEAP = 200_000_000
INT_FIELDS = ("id", "company_id", "pub", "stars", "shard")
FLOAT_FIELDS = ("price_usd", "price_sort", "moq", "moq_sort", "resp", "w")


FACET_SAMPLE = 10_000  # above this many hits, facet counts are estimated from a sample
SHARDS = 100  # documents carry shard = id % SHARDS, for sampling


def _about(x: float) -> int:
    """Two significant figures: an estimate should not look exact."""
    if x < 100:
        return round(x)
    digits = len(str(int(x))) - 2
    return int(round(x / 10**digits) * 10**digits)


def _scaled(n: int, scale: float) -> int:
    return n if scale == 1.0 else _about(n * scale)


class WriterBusy(RuntimeError):
    """Another process holds this index's writer."""


def _analyzers() -> dict[str, tantivy.TextAnalyzer]:
    def chain(*filters: Any) -> tantivy.TextAnalyzer:
        builder = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        for f in (tantivy.Filter.remove_long(40), tantivy.Filter.lowercase(), *filters):
            builder = builder.filter(f)
        return builder.build()

    analyzers = {"plain": chain(tantivy.Filter.ascii_fold())}
    for suffix, language in s.STEMMERS.items():
        analyzers[f"stem_{suffix}"] = chain(
            tantivy.Filter.ascii_fold(), tantivy.Filter.stemmer(language)
        )
    analyzers["cjk"] = (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.ngram(1, 2))
        .filter(tantivy.Filter.lowercase())
        .build()
    )
    return analyzers


def build_schema() -> tantivy.Schema:
    b = tantivy.SchemaBuilder()
    for name in s.KEYWORD_FIELDS:
        b.add_text_field(name, stored=name in ("key", "slug"), fast=True, tokenizer_name="raw")
    for name in INT_FIELDS:
        b.add_integer_field(name, stored=True, indexed=True, fast=True)
    for name in FLOAT_FIELDS:
        b.add_float_field(name, stored=False, indexed=True, fast=True)
    for suffix in s.ALL_SUFFIXES:
        for part in s.TEXT_PARTS:
            b.add_text_field(
                s.text_field(part, suffix),
                stored=part in ("t", "d"),
                tokenizer_name=s.analyzer_name(suffix),
            )
    b.add_text_field("co", stored=True, tokenizer_name="plain")
    b.add_text_field("sugg", stored=False, tokenizer_name="plain")
    return b.build()


class TantivyEngine:
    def __init__(self, path: str) -> None:
        self.path = Path(path)
        self.schema = build_schema()
        self._reload_lock = threading.Lock()
        self._writer: tantivy.IndexWriter | None = None
        self._open()

    # -- opening, reading ---------------------------------------------------------------

    def _open(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        version_file = self.path / "hansa-schema.json"
        wanted = {"schema": SCHEMA_VERSION}
        if version_file.exists() and json.loads(version_file.read_text()) != wanted:
            # A new schema: the old index is useless; start empty (cursor 0 → full rebuild).
            for child in self.path.iterdir():
                if child.is_dir():
                    shutil.rmtree(child)
                else:
                    child.unlink()
        self.index = tantivy.Index(self.schema, path=str(self.path), reuse=True)
        for name, analyzer in _analyzers().items():
            self.index.register_tokenizer(name, analyzer)
        if not version_file.exists():
            version_file.write_text(json.dumps(wanted))
        self._meta_mtime = self._meta_stamp()
        self._checked_at = time.monotonic()
        self.index.reload()

    def _meta_stamp(self) -> int:
        try:
            return (self.path / "meta.json").stat().st_mtime_ns
        except FileNotFoundError:
            return 0

    def searcher(self) -> tantivy.Searcher:
        now = time.monotonic()
        if now - self._checked_at >= RELOAD_CHECK_S:
            with self._reload_lock:
                self._checked_at = now
                stamp = self._meta_stamp()
                if stamp != self._meta_mtime:
                    self._meta_mtime = stamp
                    self.index.reload()
        return self.index.searcher()

    def refresh(self) -> None:
        self._checked_at = 0.0
        self.searcher()

    def cursor(self) -> int:
        try:
            return int(json.loads((self.path / "hansa-cursor.json").read_text())["cursor"])
        except (FileNotFoundError, ValueError, KeyError):
            return 0

    def count(self, kind: str | None = None) -> int:
        searcher = self.searcher()
        if kind is None:
            return searcher.num_docs
        query = tantivy.Query.term_query(self.schema, "kind", kind)
        return searcher.search(query, limit=1, count=True).count

    def size_bytes(self) -> int:
        return sum(f.stat().st_size for f in self.path.rglob("*") if f.is_file())

    # -- writing ------------------------------------------------------------------------

    def writer(self) -> tantivy.IndexWriter:
        """Take this index's writer (raise WriterBusy when another process holds it)."""
        if self._writer is None:
            try:
                self._writer = self.index.writer(heap_size=WRITER_HEAP, num_threads=2)
            except ValueError as exc:
                raise WriterBusy(str(exc)) from exc
        return self._writer

    def release_writer(self) -> None:
        if self._writer is not None:
            writer, self._writer = self._writer, None
            writer.wait_merging_threads()

    def upsert(self, documents: Iterable[dict[str, Any]]) -> int:
        writer = self.writer()
        n = 0
        for doc in documents:
            writer.delete_documents_by_term("key", doc["key"])
            writer.add_json(orjson.dumps(doc).decode())
            n += 1
        return n

    def add_new(self, documents: Iterable[dict[str, Any]]) -> int:
        """Add documents known to be absent (a rebuild after ``clear``): no delete per key."""
        writer = self.writer()
        n = 0
        for doc in documents:
            writer.add_json(orjson.dumps(doc).decode())  # faster than building a Document
            n += 1
        return n

    def add_serialized(self, documents: Iterable[str]) -> int:
        """Like ``add_new``, for documents already serialised as JSON (parallel rebuilds)."""
        writer = self.writer()
        n = 0
        for text in documents:
            writer.add_json(text)
            n += 1
        return n

    def delete(self, keys: Iterable[str]) -> None:
        writer = self.writer()
        for key in keys:
            writer.delete_documents_by_term("key", key)

    def clear(self) -> None:
        writer = self.writer()
        writer.delete_all_documents()

    def commit(self, cursor: int) -> None:
        self.writer().commit()
        tmp = self.path / "hansa-cursor.json.tmp"
        tmp.write_text(json.dumps({"cursor": cursor}))
        os.replace(tmp, self.path / "hansa-cursor.json")
        self.refresh()

    def rollback(self) -> None:
        if self._writer is not None:
            self._writer.rollback()

    # -- querying -----------------------------------------------------------------------

    def _text_query(self, q: EngineQuery) -> tantivy.Query | None:
        if not q.clauses:
            return None
        parts = []
        for clause in q.clauses:
            alternatives = [f'"{a}"' if " " in a else a for a in clause.alternatives]
            parts.append(
                alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")"
            )
        text = " ".join(parts)
        if q.fuzzy:
            # Typos: one edit away, on the unstemmed title words (a stem such as "excav" is too
            # far from a misspelt "excavatr"), never on character grams (CJK).
            return self.index.parse_query(
                text,
                default_field_names=["sugg"],
                fuzzy_fields={"sugg": (False, 1, True)},
                conjunction_by_default=q.match_all_words,
            )
        return self.index.parse_query(
            text,
            default_field_names=list(q.fields),
            field_boosts=dict(q.fields),
            conjunction_by_default=q.match_all_words,
        )

    def _filter_query(self, f: Filter) -> tantivy.Query:
        if f.values:
            values = [int(v) for v in f.values] if f.field in INT_FIELDS else list(f.values)
            return tantivy.Query.term_set_query(self.schema, f.field, values)
        field_type = tantivy.FieldType.Integer if f.field in INT_FIELDS else tantivy.FieldType.Float
        return tantivy.Query.range_query(
            self.schema,
            f.field,
            field_type,
            lower_bound=f.gte,
            upper_bound=f.lt,
            # An open end is inclusive by definition; tantivy refuses to be told otherwise.
            include_upper=f.lt is None,
        )

    def _combine(
        self, q: EngineQuery, text: tantivy.Query | None, skip_field: str | None = None
    ) -> tantivy.Query:
        must: list[tuple[tantivy.Occur, tantivy.Query]] = [
            (tantivy.Occur.Must, tantivy.Query.term_query(self.schema, "kind", q.kind))
        ]
        if text is not None:
            must.append((tantivy.Occur.Must, text))
        for f in q.filters:
            if f.field == skip_field:
                continue
            must.append(
                (tantivy.Occur.Must, tantivy.Query.const_score_query(self._filter_query(f), 0.0))
            )
        return tantivy.Query.boolean_query(must)

    def _sample(self, share: float) -> tuple[tantivy.Query, float]:
        """About ``share`` of the index: the documents of the first buckets of ``shard``
        (the id modulo SHARDS), and the exact share those buckets are."""
        buckets = min(SHARDS, max(1, math.ceil(share * SHARDS)))
        query = tantivy.Query.term_set_query(self.schema, "shard", list(range(buckets)))
        return tantivy.Query.const_score_query(query, 0.0), buckets / SHARDS

    def _facets(
        self, q: EngineQuery, text: tantivy.Query | None, total: int
    ) -> tuple[dict[str, list], bool]:
        """Counts per facet value; a facet's own filter is left out (pick several values).

        Where more than FACET_SAMPLE documents are counted, the counts are estimated from a
        sample (the documents whose ``shard``, the id modulo SHARDS, is below a bound) and
        rounded (the page says "about"): counting half a million documents across a dozen
        facets costs 200 ms, the sample a tenth of it.
        """
        out: dict[str, list] = {}
        approximate = False
        filtered = {f.field for f in q.filters}
        groups: dict[str | None, list] = {}
        for facet in q.facets:
            groups.setdefault(facet.field if facet.field in filtered else None, []).append(facet)
        searcher = self.searcher()
        indexed = searcher.num_docs
        for skip, facets in groups.items():
            spec: dict[str, Any] = {"_n": {"value_count": {"field": "id"}}}
            for facet in facets:
                if facet.kind == "range":
                    ranges = []
                    for lo, hi in facet.ranges:
                        r: dict[str, float] = {}
                        if lo is not None:
                            r["from"] = lo
                        if hi is not None:
                            r["to"] = hi
                        ranges.append(r)
                    spec[facet.name] = {"range": {"field": facet.field, "ranges": ranges}}
                else:
                    spec[facet.name] = {"terms": {"field": facet.field, "size": facet.size}}
            query = self._combine(q, text, skip_field=skip)
            result, scale = None, 1.0
            if total > FACET_SAMPLE:
                # Big, and a group without its own filter is bigger still: sample at once.
                share = FACET_SAMPLE / total
            elif skip is not None and indexed > FACET_SAMPLE:
                share = FACET_SAMPLE / indexed  # a small probe tells whether this group is big
            else:
                share = None
            if share is not None:
                sample, covered = self._sample(share)
                sampled = searcher.aggregate(
                    tantivy.Query.boolean_query(
                        [(tantivy.Occur.Must, query), (tantivy.Occur.Must, sample)]
                    ),
                    spec,
                )
                if total > FACET_SAMPLE or sampled["_n"]["value"] / covered > FACET_SAMPLE:
                    result, scale, approximate = sampled, 1 / covered, True
            if result is None:
                result = searcher.aggregate(query, spec)
            for facet in facets:
                buckets = result.get(facet.name, {}).get("buckets", [])
                if facet.kind == "range":
                    out[facet.name] = [
                        (facet.ranges[i], _scaled(b["doc_count"], scale))
                        for i, b in enumerate(buckets)
                    ]
                else:
                    out[facet.name] = [(b["key"], _scaled(b["doc_count"], scale)) for b in buckets]
        return out, approximate

    def search(self, q: EngineQuery) -> EngineResult:
        searcher = self.searcher()
        text = self._text_query(q)
        query = self._combine(q, text)
        kwargs: dict[str, Any] = {"limit": q.limit, "offset": q.offset, "count": True}
        if q.sort:
            kwargs["order_by_field"] = q.sort
            kwargs["order"] = tantivy.Order.Desc if q.descending else tantivy.Order.Asc
        elif q.weight_field and text is not None:
            kwargs["weight_by_field"] = q.weight_field
        elif q.weight_field:
            # No words: order by the rank weight alone.
            kwargs["order_by_field"] = q.weight_field
        result = searcher.search(query, **kwargs)
        generators = {}
        if text is not None:
            for name in q.highlight:
                generator = tantivy.SnippetGenerator.create(searcher, text, self.schema, name)
                generator.set_max_num_chars(160)
                generators[name] = generator
        hits = []
        for order_key, address in result.hits:
            doc = searcher.doc(address)
            fields = {name: doc.get_first(name) for name in ("key", *q.stored)}
            highlights = {}
            for name, generator in generators.items():
                html = generator.snippet_from_doc(doc).to_html()
                if "<b>" in html:
                    highlights[name] = html
            score = float(order_key) if isinstance(order_key, int | float) else 0.0
            hits.append(
                EngineHit(key=fields["key"], score=score, fields=fields, highlights=highlights)
            )
        total = result.count or 0
        facets, approximate = self._facets(q, text, total) if q.facets else ({}, False)
        return EngineResult(total=total, hits=hits, facets=facets, facets_approximate=approximate)

    def ranked_keys(self, query: EngineQuery, limit: int) -> list[tuple[str, float, float]]:
        """The first ``limit`` documents: key, final score and rank weight (explanation)."""
        searcher = self.searcher()
        text = self._text_query(query)
        kwargs: dict[str, Any] = {"limit": limit, "count": False}
        if query.weight_field and text is not None:
            kwargs["weight_by_field"] = query.weight_field
        result = searcher.search(self._combine(query, text), **kwargs)
        addresses = [a for _, a in result.hits]
        ids = searcher.fast_field_values("id", addresses) if addresses else []
        weights = searcher.fast_field_values("w", addresses) if addresses else []
        return [
            (f"{query.kind[0]}:{pk}", float(score), float(w or 0.0))
            for (score, _), pk, w in zip(result.hits, ids, weights, strict=True)
        ]

    def explain(self, query: EngineQuery, key: str) -> dict[str, Any]:
        """tantivy's score explanation (text relevance only) for the document ``key``."""
        searcher = self.searcher()
        text = self._text_query(query)
        if text is None:
            return {}
        keyed = tantivy.Query.boolean_query(
            [
                (tantivy.Occur.Must, text),
                (
                    tantivy.Occur.Must,
                    tantivy.Query.const_score_query(
                        tantivy.Query.term_query(self.schema, "key", key), 0.0
                    ),
                ),
            ]
        )
        hits = searcher.search(keyed, limit=1).hits
        if not hits:
            return {}
        return json.loads(text.explain(searcher, hits[0][1]).to_json())

    def terms(self, field: str, prefix: str, limit: int) -> list[tuple[str, int]]:
        return [
            (term, count)
            for term, count in self.searcher().terms_with_prefix(field, prefix, limit=limit)
        ]
