"""Parallel document building for a full rebuild of a large catalog.

Reading rows and building documents costs the Python process about three times what tantivy
spends indexing them, so a rebuild of a big catalog forks worker processes that each read a
range of primary keys and return serialised documents, while the parent only feeds the engine.
Small catalogs and in-memory test databases (which a forked process cannot see) stay serial.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from datetime import datetime

import orjson
from django.conf import settings
from django.db import connection, connections
from django.db.models import Max, Min

from hansa.catalog.listing_selectors import public_products
from hansa.catalog.models import Product
from hansa.search.documents import PRODUCT_FIELDS, Caches, _rows, product_documents

RANGE = 10_000  # primary keys per task

_caches: Caches | None = None


def workers() -> int:
    return max(1, min(os.cpu_count() or 1, 4))


def eligible(product_count: int) -> bool:
    """Below ``SEARCH_PARALLEL_MIN_PRODUCTS`` (50,000) forking costs more than it saves."""
    name = str(connection.settings_dict.get("NAME", ""))
    in_memory = connection.vendor == "sqlite" and (":memory:" in name or "mode=memory" in name)
    big = product_count >= settings.SEARCH_PARALLEL_MIN_PRODUCTS
    return big and workers() > 1 and not in_memory


def _build(task: tuple[int, int, datetime]) -> list[str]:
    """In a worker: the documents of one key range, as JSON text."""
    global _caches
    start, end, now = task
    if _caches is None:
        _caches = Caches(now=now)
        _caches.load_categories()
    qs = (
        public_products()
        .values_list(*PRODUCT_FIELDS)
        .filter(pk__gte=start, pk__lt=end)
        .order_by("pk")
    )
    return [orjson.dumps(doc).decode() for doc in product_documents(_rows(qs), _caches)]


def serialized_products(now: datetime) -> Iterator[list[str]]:
    """Every public product's document, in key ranges, built by a pool of forked workers."""
    bounds = Product.objects.aggregate(low=Min("pk"), high=Max("pk"))
    if bounds["low"] is None:
        return
    tasks = [(s, s + RANGE, now) for s in range(bounds["low"], bounds["high"] + 1, RANGE)]
    connections.close_all()  # each worker opens its own connection
    with multiprocessing.get_context("fork").Pool(workers()) as pool:
        yield from pool.imap(_build, tasks)
