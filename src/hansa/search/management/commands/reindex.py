"""``hansa reindex``: rebuild this node's search index from the database, with a progress bar."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from tqdm import tqdm

from hansa.catalog.listing_selectors import public_products
from hansa.search import indexer
from hansa.search.engine import get_engine
from hansa.search.engine.tantivy_engine import WriterBusy
from hansa.search.outbox import enqueue_rebuild


class Command(BaseCommand):
    help = "Rebuild the search index from the database (public listings and suppliers)."

    def handle(self, *args: Any, **options: Any) -> None:
        engine = get_engine()
        total = public_products().count()
        started = time.perf_counter()
        try:
            with tqdm(
                total=total, unit="listing", desc="Indexing", disable=options["verbosity"] == 0
            ) as bar:
                n = indexer.rebuild(engine, progress=bar.update)
        except WriterBusy:
            # A running server holds this index's writer: ask it (through the outbox) instead.
            with transaction.atomic():
                enqueue_rebuild()
            self.stdout.write(
                "A running server is writing this index; it will rebuild it from the outbox "
                "within a second."
            )
            return
        engine.release_writer()
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"Indexed {n:,} documents in {seconds:.1f} s ({n / max(seconds, 1e-9):,.0f}/s); "
            f"index {engine.size_bytes() / 1e6:,.1f} MB at {settings.SEARCH_INDEX_DIR}."
        )
