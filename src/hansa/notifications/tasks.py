"""Background work of notifications: the e-mails (``digests``) as Celery tasks.

Without a broker nothing needs to be queued: the periodic ``hansa.alerts.tasks.tick`` (or the
``hansa run_alerts`` command) sends whatever is due.
"""

from __future__ import annotations

from hansa.celery import app
from hansa.notifications import digests
from hansa.notifications.models import EmailFrequency


@app.task(name="hansa.notifications.send_digests", ignore_result=True)
def send_digests(frequency: str | None = None) -> int:
    """One frequency, or every frequency that is due now when none is given."""
    if frequency is None:
        return digests.send_all_digests()
    return digests.send_digests(frequency=frequency)


@app.task(name="hansa.notifications.send_immediate", ignore_result=True)
def send_immediate(user_id: int) -> int:
    return digests.send_digests(frequency=EmailFrequency.IMMEDIATE, user_ids={user_id})
