"""Periodic work of inquiries.

``tick()`` redistributes the inquiries left unanswered past the policy's delay (and notifies the
buyers and the new suppliers), then refreshes every active supplier's response figures, since
the 30-day window rolls even when nobody writes. The same rules are also evaluated lazily when
inboxes are opened, so they hold without a worker; running ``tick`` twice at once changes
nothing twice.
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.utils import timezone

from hansa.celery import app
from hansa.inquiries import services

__all__ = ["tick", "tick_task"]

log = logging.getLogger(__name__)


def tick(now: datetime | None = None) -> tuple[int, int]:
    """Returns (inquiries redistributed, suppliers whose figures were refreshed)."""
    now = now or timezone.now()
    moved = services.inquiries_redistribute_due(now=now, limit=10_000)
    refreshed = services.stats_refresh_all(now=now)
    if moved:
        log.info("inquiries: %s redistributed, %s suppliers' figures refreshed", moved, refreshed)
    return moved, refreshed


@app.task(name="hansa.inquiries.tick", ignore_result=True)
def tick_task() -> None:
    tick()
