"""Periodic work of RFQs. Deadlines hold without it (expiry is evaluated on read); ``tick`` writes
expiries down and tells buyers, and refreshes the matching profiles of suppliers whose listings
changed. Run it every few minutes from any scheduler; running it twice sends nothing twice."""

from __future__ import annotations

import logging
from datetime import datetime

from django.utils import timezone

from hansa.celery import app
from hansa.rfqs import matching, services

log = logging.getLogger(__name__)


def tick(now: datetime | None = None) -> dict[str, int]:
    now = now or timezone.now()
    expired = services.rfqs_expire(now)
    refreshed = matching.profiles_refresh(now)
    if expired or refreshed:
        log.info("rfqs: %s RFQs expired, %s supplier profiles refreshed", expired, refreshed)
    return {"expired": expired, "profiles": refreshed}


@app.task(name="hansa.rfqs.tick", ignore_result=True)
def tick_task() -> None:
    tick()
