"""Background work of the catalog: running bulk import jobs.

With a broker (``REDIS_URL``) a job goes to a Celery worker. Without one, Celery runs tasks
eagerly, which would make the upload request wait for a 5,000-row import; the job then runs in a
daemon thread of the web process instead, and the progress page polls it. A thread's job dies
with its process (a restart leaves it "running"); deployments that import a lot run a worker.
"""

from __future__ import annotations

import logging
import threading

from django.conf import settings
from django.db import connections, transaction
from django.utils import translation

from hansa.catalog import imports
from hansa.celery import app

logger = logging.getLogger(__name__)


@app.task(name="hansa.catalog.run_import_job", ignore_result=True)
def run_import_job(job_id: int, language: str | None = None) -> None:
    imports.import_job_run(job_id=job_id, language=language)


def _run_in_thread(job_id: int, language: str | None) -> None:
    try:
        imports.import_job_run(job_id=job_id, language=language)
    except Exception:
        logger.exception("Import job %s failed in its thread", job_id)
    finally:
        connections.close_all()  # this thread's connections; the web workers keep theirs


def start_import_job(job_id: int) -> None:
    """Starts the job once the transaction that created it commits; returns at once."""
    language = translation.get_language()

    def start() -> None:
        if getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
            threading.Thread(
                target=_run_in_thread,
                args=(job_id, language),
                name=f"import-job-{job_id}",
                daemon=True,
            ).start()
        else:
            run_import_job.delay(job_id, language)

    transaction.on_commit(start)
