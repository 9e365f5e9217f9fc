"""Periodic work of the messenger (declared in ``core/periodic.py``: every 5 minutes).

``tick()`` notifies members of chat messages they left unread while they looked online (the
offline case is notified at once when the message is sent), and resets the socket counts of
server processes that died. Nothing here decides anything: presence and unread counters are
computed on read, so a stopped scheduler only delays a notification. Safe to run twice.
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.utils import timezone

from hansa.celery import app
from hansa.messenger import services

log = logging.getLogger(__name__)


def tick(now: datetime | None = None) -> dict[str, int]:
    now = now or timezone.now()
    result = {
        "notified": services.notify_missed(now=now),
        "presence_reset": services.presence_tidy(now=now),
    }
    if any(result.values()):
        log.info(
            "messenger: %(notified)s missed-chat notifications, %(presence_reset)s reset", result
        )
    return result


@app.task(name="hansa.messenger.tick", ignore_result=True)
def tick_task() -> None:
    tick()
