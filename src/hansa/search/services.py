"""Writes: the anonymised query log and its clicks."""

from __future__ import annotations

from django.core import signing

from hansa.search import text
from hansa.search.models import QueryLog
from hansa.search.params import SearchParams

CLICK_SALT = "hansa.search.click"
MAX_CLICKS = 50


def query_log_record(params: SearchParams, result_count: int) -> int:
    """Log a first-page search: the words, language, filters and count; nobody's identity."""
    entry = QueryLog.objects.create(
        query=text.normalise(params.q)[:200],
        language=params.language[:10],
        filters=params.filters(),
        result_count=result_count,
    )
    return entry.pk


def click_token(log_id: int, position: int) -> str:
    return signing.dumps([log_id, position], salt=CLICK_SALT, compress=True)


def query_log_click(token: str) -> bool:
    """Record that a result at a position was opened. Forged or stale tokens are ignored."""
    try:
        log_id, position = signing.loads(token, salt=CLICK_SALT, max_age=24 * 3600)
        log_id, position = int(log_id), int(position)
    except (signing.BadSignature, TypeError, ValueError):
        return False
    entry = QueryLog.objects.filter(pk=log_id).only("clicked_positions").first()
    if entry is None or len(entry.clicked_positions) >= MAX_CLICKS or not 1 <= position <= 10000:
        return False
    QueryLog.objects.filter(pk=log_id).update(
        clicked_positions=[*entry.clicked_positions, position]
    )
    return True
