"""Periodic jobs, declared once.

With a broker, ``celery -A hansa.celery beat`` runs them (``CELERY_BEAT_SCHEDULE`` is built from
``JOBS``). Without one (the embedded default), a thread in each server process, started by the
first request, runs whichever job is due. A ``PeriodicRun`` row per job makes sure that only one
process of all nodes starts a job per period: the claim is one conditional ``UPDATE`` that
exactly one caller wins, on SQLite and PostgreSQL alike.

The jobs only notify and tidy: every rule with a deadline (redistribution of an unanswered
inquiry, an expired RFQ) is also evaluated when its data is read, so a stopped scheduler delays
e-mails, never decisions. Every job is safe to run twice.

This module is imported by the settings: it must not import Django models at the top.
"""

from __future__ import annotations

import importlib
import logging
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

log = logging.getLogger(__name__)

WAKE_S = 30.0


@dataclass(frozen=True)
class Job:
    name: str
    every_s: float
    task: str  # the Celery task name (beat)
    func: str  # dotted path of the plain function the in-process runner calls


JOBS: tuple[Job, ...] = (
    Job("alerts-tick", 300.0, "hansa.alerts.tick", "hansa.alerts.tasks.tick"),
    Job("search-tidy", 24 * 3600.0, "search.tidy", "hansa.search.tasks.tidy"),
    Job("inquiries-tick", 300.0, "hansa.inquiries.tick", "hansa.inquiries.tasks.tick"),
    Job("messenger-tick", 300.0, "hansa.messenger.tick", "hansa.messenger.tasks.tick"),
    Job("rfqs-tick", 600.0, "hansa.rfqs.tick", "hansa.rfqs.tasks.tick"),
)


def beat_schedule() -> dict[str, dict[str, object]]:
    return {job.name: {"task": job.task, "schedule": job.every_s} for job in JOBS}


def _function(job: Job):
    module, _, name = job.func.rpartition(".")
    return getattr(importlib.import_module(module), name)


def claim(job: Job, now: datetime) -> bool:
    """True for exactly one caller per period: the one whose update moved the clock."""
    from hansa.core.models import PeriodicRun

    PeriodicRun.objects.get_or_create(name=job.name)
    won = (
        PeriodicRun.objects.filter(name=job.name)
        .exclude(last_started_at__gt=now - timedelta(seconds=job.every_s))
        .update(last_started_at=now)
    )
    return won == 1


def run_due(now: datetime | None = None, *, jobs: tuple[Job, ...] = JOBS) -> list[str]:
    """Runs the jobs that are due and that this caller claimed; returns their names."""
    from django.utils import timezone

    from hansa.core.models import PeriodicRun

    now = now or timezone.now()
    ran = []
    for job in jobs:
        if not claim(job, now):
            continue
        error = ""
        try:
            _function(job)()
        except Exception as exc:  # one failing job must not stop the others
            log.exception("periodic job %s failed", job.name)
            error = f"{type(exc).__name__}: {exc}"[:500]
        PeriodicRun.objects.filter(name=job.name).update(
            last_finished_at=timezone.now(), last_error=error
        )
        ran.append(job.name)
    return ran


class PeriodicThread(threading.Thread):
    def __init__(self) -> None:
        super().__init__(name="hansa-periodic", daemon=True)
        self.stopped = threading.Event()

    def run(self) -> None:
        from django.db import close_old_connections

        while not self.stopped.wait(WAKE_S):
            try:
                close_old_connections()
                run_due()
            except Exception:
                log.exception("periodic runner failed; retrying")
            finally:
                close_old_connections()

    def stop(self) -> None:
        self.stopped.set()


_thread: PeriodicThread | None = None
_lock = threading.Lock()


def ensure_started() -> None:
    """Starts this process's runner once, unless a Celery beat runs the jobs."""
    from django.conf import settings

    global _thread
    if not settings.PERIODIC_IN_PROCESS or (_thread is not None and _thread.is_alive()):
        return
    with _lock:
        if _thread is None or not _thread.is_alive():
            _thread = PeriodicThread()
            _thread.start()
