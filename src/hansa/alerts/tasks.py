"""Background work of saved-search alerts.

``tick()`` is the whole periodic job: check the saved searches that are due, then send the
notification e-mails that are due. Run it every few minutes to every hour, from whichever
scheduler the deployment has: the in-process background thread of the embedded mode, cron
(``hansa run_alerts``), or Celery beat (the ``hansa.alerts.tick`` task). Running it more
often, or twice at once, sends nothing twice.
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.utils import timezone

from hansa.alerts import services
from hansa.celery import app
from hansa.notifications import digests
from hansa.notifications.tasks import send_digests

__all__ = ["run_due_alerts", "send_digests", "tick", "tick_task"]

log = logging.getLogger(__name__)


@app.task(name="hansa.alerts.run_due_alerts", ignore_result=True)
def run_due_alerts() -> int:
    return services.run_due_alerts().checked


def tick(now: datetime | None = None) -> tuple[services.AlertRun, int]:
    """Due alert checks, then due e-mails. Returns the check summary and the e-mails sent."""
    now = now or timezone.now()
    run = services.run_due_alerts(now)
    sent = digests.send_all_digests(now)
    if run.checked or sent:
        log.info(
            "alerts: %s saved searches checked, %s notified, %s e-mails sent",
            run.checked,
            run.notified,
            sent,
        )
    return run, sent


@app.task(name="hansa.alerts.tick", ignore_result=True)
def tick_task() -> None:
    tick()
