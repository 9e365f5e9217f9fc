"""Platform plumbing that needs a table: the periodic jobs' claim rows (core/periodic.py)."""

from __future__ import annotations

from django.db import models


class PeriodicRun(models.Model):
    """When a periodic job last started; the conditional update on it is the claim."""

    name = models.CharField(max_length=60, unique=True)
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_finished_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = "periodic job run"
        verbose_name_plural = "periodic job runs"

    def __str__(self) -> str:
        return self.name
