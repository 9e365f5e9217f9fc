from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from hansa.core import periodic
from hansa.core.models import PeriodicRun

pytestmark = pytest.mark.django_db

CALLS: list[str] = []


def record() -> None:
    CALLS.append("ok")


def explode() -> None:
    raise RuntimeError("boom")


OK = periodic.Job("test-ok", 60.0, "test.ok", "hansa.core.tests.test_periodic.record")
BAD = periodic.Job("test-bad", 60.0, "test.bad", "hansa.core.tests.test_periodic.explode")


def test_one_claim_per_period():
    now = timezone.now()
    assert periodic.claim(OK, now)
    assert not periodic.claim(OK, now)
    assert not periodic.claim(OK, now + timedelta(seconds=59))
    assert periodic.claim(OK, now + timedelta(seconds=60))


def test_a_failing_job_is_recorded_and_the_others_still_run():
    CALLS.clear()
    now = timezone.now()
    assert periodic.run_due(now, jobs=(BAD, OK)) == ["test-bad", "test-ok"]
    assert CALLS == ["ok"]
    assert PeriodicRun.objects.get(name="test-bad").last_error == "RuntimeError: boom"
    assert PeriodicRun.objects.get(name="test-ok").last_error == ""
    assert periodic.run_due(now + timedelta(seconds=1), jobs=(BAD, OK)) == []
    assert CALLS == ["ok"]


def test_every_declared_job_resolves_and_beat_knows_it(settings):
    from hansa.celery import app

    app.loader.import_default_modules()
    for job in periodic.JOBS:
        assert callable(periodic._function(job)), job.name
        assert settings.CELERY_BEAT_SCHEDULE[job.name]["task"] == job.task
        assert job.task in app.tasks, f"no Celery task named {job.task}"


def test_the_command_lists_and_runs(capsys):
    call_command("run_periodic", "--list")
    assert "alerts-tick" in capsys.readouterr().out
