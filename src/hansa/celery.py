"""The Celery app: configured from Django settings (``CELERY_*``), tasks found in each app's
``tasks.py``.

Without ``REDIS_URL`` the settings make tasks run eagerly in-process, so a fresh install needs no
broker or worker (ARCHITECTURE.md, "Background work"). With Redis, start a worker with
``celery -A hansa.celery worker``.
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hansa.settings.base")

app = Celery("hansa")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
