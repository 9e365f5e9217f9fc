"""Drains the outbox into the local index; rebuilds it; runs inside the server by default.

Ordering. Outbox ids come from a sequence, and on PostgreSQL a transaction can commit an
earlier id after a later one. The cursor therefore only moves through contiguous ids; a gap is
waited for for ``GAP_GRACE_S`` (a transaction still running), then taken as a rollback. Entries
past a young gap are indexed at once anyway (replacing a document is idempotent) and read again
once the gap closes.

Crash safety. A batch is: read entries past the cursor, replace or delete their documents,
commit the index, then write the cursor. Dying anywhere before the cursor write means the batch
is read again; since each document is replaced by key, nothing is lost and nothing doubles.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.db import close_old_connections
from django.db.models import Count, Max
from django.utils import timezone

from hansa.catalog.models import Product
from hansa.search import outbox, parallel
from hansa.search.documents import (
    Caches,
    company_document,
    product_documents,
    product_rows,
    refresh_statistics,
    searchable_companies,
)
from hansa.search.engine import get_engine
from hansa.search.engine.base import SearchEngine
from hansa.search.engine.tantivy_engine import WriterBusy
from hansa.search.models import IndexConsumer, OutboxEntry

log = logging.getLogger(__name__)

GAP_GRACE_S = 30
BATCH = 1000
POLL_S = 0.5
STATISTICS_AT = 10_000  # a rebuild of a catalog this big first refreshes planner statistics
ALERTS_EVERY_S = 300

Progress = Callable[[int], None]


def _company_docs(company_ids: set[int] | None, caches: Caches) -> tuple[list[dict], set[int]]:
    qs = searchable_companies()
    if company_ids is not None:
        qs = qs.filter(pk__in=company_ids)
    ids = set(qs.values_list("pk", flat=True))
    from hansa.catalog.listing_selectors import public_products

    counts = dict(
        public_products()
        .filter(company_id__in=ids)
        .values_list("company_id")
        .annotate(n=Count("pk"))
        .values_list("company_id", "n")
    )
    caches.load_companies(ids)
    return [company_document(pk, caches, counts.get(pk, 0)) for pk in ids], ids


def rebuild(
    engine: SearchEngine | None = None, progress: Progress | None = None, *, through: int = 0
) -> int:
    """Empty the index and index every public product and supplier again. Returns the count.

    The cursor ends at ``through`` or at the last entry older than the gap grace, whichever is
    later: entries of transactions that may still be running are read again afterwards.
    """
    engine = engine or get_engine()
    settled = timezone.now() - timedelta(seconds=GAP_GRACE_S)
    old = OutboxEntry.objects.filter(created_at__lt=settled).aggregate(m=Max("id"))["m"] or 0
    through = max(through, old)
    caches = Caches()
    caches.load_categories()
    engine.clear()
    n = 0
    count = Product.objects.count()
    if count >= STATISTICS_AT:
        refresh_statistics()
    if parallel.eligible(count):
        for serialized in parallel.serialized_products(caches.now):
            n += engine.add_serialized(serialized)
            if progress:
                progress(len(serialized))
    else:
        batch: list[dict] = []
        for doc in product_documents(product_rows(), caches):
            batch.append(doc)
            if len(batch) >= 5000:
                n += engine.add_new(batch)
                if progress:
                    progress(len(batch))
                batch = []
        n += engine.add_new(batch)
        if progress and batch:
            progress(len(batch))
    docs, _ = _company_docs(None, caches)
    n += engine.add_new(docs)
    engine.commit(through)
    _record(engine)
    return n


def _safe_cursor(cursor: int, entries: list[tuple[int, str, int, object]]) -> int:
    """The highest id up to which every id is accounted for (see the module docstring)."""
    now = timezone.now()
    # A new index (cursor 0, just copied from the database) starts at the first entry it sees:
    # ids below it were pruned long ago or never belonged to this database's log.
    safe = entries[0][0] - 1 if cursor == 0 and entries else cursor
    for pk, _kind, _obj, created_at in entries:
        if pk != safe + 1 and now - created_at < timedelta(seconds=GAP_GRACE_S):
            break
        safe = pk
    return safe


def apply(engine: SearchEngine, product_ids: set[int], company_ids: set[int]) -> int:
    """Replace or delete the documents of these products and companies (no commit)."""
    if company_ids:
        product_ids |= set(
            Product.objects.filter(company_id__in=company_ids).values_list("pk", flat=True)
        )
    caches = Caches()
    caches.load_categories()
    docs = list(product_documents(product_rows(product_ids), caches))
    live = {doc["id"] for doc in docs}
    engine.upsert(docs)
    engine.delete(f"p:{pk}" for pk in product_ids - live)
    touched = company_ids | {doc["company_id"] for doc in docs}
    company_docs, found = _company_docs(touched, caches)
    engine.upsert(company_docs)
    engine.delete(f"c:{pk}" for pk in touched - found)
    return len(docs)


def drain(engine: SearchEngine | None = None, *, batch_size: int = BATCH) -> int:
    """Index every outbox entry past this index's cursor. Returns the entries read.

    Raises ``WriterBusy`` when another process is writing this index.
    """
    engine = engine or get_engine()
    read = 0
    if engine.cursor() == 0 and engine.count() == 0 and Product.objects.exists():
        rebuild(engine)  # a new (or wiped) index starts from a full copy of the database
    while True:
        cursor = engine.cursor()
        entries = list(
            OutboxEntry.objects.filter(id__gt=cursor)
            .order_by("id")
            .values_list("id", "kind", "object_id", "created_at")[:batch_size]
        )
        if not entries:
            break
        asked = [pk for pk, kind, _, _ in entries if kind == OutboxEntry.Kind.ALL]
        if asked:
            # Everything up to the request is in the copy; later entries are read as usual.
            rebuild(engine, through=max(asked))
            read += len(entries)
            continue
        products = {obj for _, kind, obj, _ in entries if kind == OutboxEntry.Kind.PRODUCT}
        companies = {obj for _, kind, obj, _ in entries if kind == OutboxEntry.Kind.COMPANY}
        try:
            apply(engine, products, companies)
            safe = _safe_cursor(cursor, entries)
            engine.commit(safe)
        except BaseException:
            engine.rollback()
            raise
        read += len(entries)
        if safe == cursor:
            break  # waiting for a gap to close; the entries past it are indexed already
    if read:
        _record(engine)
    return read


def _record(engine: SearchEngine) -> None:
    name = f"{socket.gethostname()}:{settings.SEARCH_INDEX_DIR}"
    IndexConsumer.objects.update_or_create(
        name=name[:200],
        defaults={
            "host": socket.gethostname()[:200],
            "cursor": engine.cursor(),
            "documents": engine.count(),
        },
    )


def prune(keep_days: int = 7) -> int:
    """Delete outbox entries every recently seen consumer has read, once a day old."""
    recent = IndexConsumer.objects.filter(
        updated_at__gte=timezone.now() - timedelta(days=keep_days)
    )
    floor = min(recent.values_list("cursor", flat=True), default=0)
    deleted, _ = OutboxEntry.objects.filter(
        id__lte=floor, created_at__lt=timezone.now() - timedelta(days=1)
    ).delete()
    return deleted


class IndexerThread(threading.Thread):
    """Keeps this process's index current: woken after each commit, else every POLL_S."""

    def __init__(self) -> None:
        super().__init__(name="hansa-search-indexer", daemon=True)
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            outbox.wakeup.wait(POLL_S)
            outbox.wakeup.clear()
            try:
                close_old_connections()
                drain()
            except WriterBusy:
                time.sleep(POLL_S)  # another process of this node indexes; we only read
            except Exception:
                log.exception("search indexer failed; retrying")
                time.sleep(2)
        get_engine().release_writer()

    def stop(self) -> None:
        self.stopped.set()
        outbox.wakeup.set()


_thread: IndexerThread | None = None
_thread_lock = threading.Lock()


def ensure_indexer_started() -> None:
    global _thread
    if settings.SEARCH_INDEXER != "thread":
        return
    if _thread is not None and _thread.is_alive():
        return
    with _thread_lock:
        if _thread is None or not _thread.is_alive():
            _thread = IndexerThread()
            _thread.start()
