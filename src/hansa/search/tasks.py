"""Celery tasks (production with a broker): drain the outbox, tidy the log and the outbox.

The embedded default needs none of them: each server process drains in a thread
(``indexer.IndexerThread``). With ``SEARCH_INDEXER=celery`` a worker drains instead.
"""

from __future__ import annotations

from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from hansa.search import indexer
from hansa.search.documents import refresh_statistics
from hansa.search.engine.tantivy_engine import WriterBusy
from hansa.search.models import QueryLog

QUERY_LOG_DAYS = 400


@shared_task(name="search.drain_outbox", ignore_result=True)
def drain_outbox() -> int:
    try:
        return indexer.drain()
    except WriterBusy:
        return 0


@shared_task(name="search.tidy", ignore_result=True)
def tidy() -> dict[str, int]:
    """Daily: prune read outbox entries, drop query-log rows past a year, refresh freshness."""
    pruned = indexer.prune()
    old = QueryLog.objects.filter(at__lt=timezone.now() - timedelta(days=QUERY_LOG_DAYS)).delete()[
        0
    ]
    refreshed = refresh_freshness()
    refresh_statistics()
    return {"outbox_pruned": pruned, "queries_dropped": old, "freshness_refreshed": refreshed}


def refresh_freshness(now=None) -> int:
    """Re-index listings whose freshness changed a step since yesterday (see ranking)."""
    from hansa.catalog.listing_selectors import public_products
    from hansa.search import outbox, ranking

    now = now or timezone.now()
    low = now - timedelta(days=ranking.STALE_DAYS + 1)
    high = now - timedelta(days=ranking.FRESH_DAYS - 1)
    ids = list(
        public_products()
        .filter(published_at__gte=low, published_at__lte=high)
        .values_list("pk", flat=True)
    )
    # Freshness moves by about 1/335 a day: refresh a seventh of them each day, all in a week.
    chosen = [pk for pk in ids if pk % 7 == now.toordinal() % 7]
    outbox.enqueue_products(chosen)
    return len(chosen)
