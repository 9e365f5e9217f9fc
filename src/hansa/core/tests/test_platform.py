"""The platform's plumbing: health, request ids, structured logs, headers, deploy checks."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from hansa.core.logging import JsonFormatter, RequestIdFilter, request_id_var

ROOT = Path(__file__).resolve().parents[4]


@pytest.mark.django_db
def test_health_answers_with_the_database_vendor():
    response = Client().get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["database"] in ("sqlite", "postgresql")
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_reports_503_when_the_database_fails(monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken(self, *args, **kwargs):
        raise RuntimeError("database is down")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    response = Client().get("/health/")
    assert response.status_code == 503 and response.json()["status"] == "unavailable"


@pytest.mark.django_db
def test_request_id_is_echoed_or_made():
    client = Client()
    made = client.get("/health/")["X-Request-ID"]
    assert len(made) == 32
    assert client.get("/health/", HTTP_X_REQUEST_ID="lb-1234abcd")["X-Request-ID"] == "lb-1234abcd"
    # A malformed id is not trusted (it could inject into logs).
    assert client.get("/health/", HTTP_X_REQUEST_ID="bad id\nX")["X-Request-ID"] != "bad id\nX"


def test_log_lines_are_json_with_the_request_id():
    record = logging.makeLogRecord(
        {"name": "hansa.test", "levelname": "INFO", "msg": "paid %s", "args": ("X",), "order": 42}
    )
    token = request_id_var.set("abc12345")
    try:
        RequestIdFilter().filter(record)
    finally:
        request_id_var.reset(token)
    line = json.loads(JsonFormatter().format(record))
    assert line["msg"] == "paid X" and line["request_id"] == "abc12345" and line["order"] == 42


@pytest.mark.django_db
def test_security_headers_are_set_on_pages():
    response = Client().get("/")
    assert response.status_code == 200
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


@pytest.mark.django_db
def test_every_form_is_csrf_protected(owner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    assert client.post("/workspace/company/", {"name": "x", "country": "CN"}).status_code == 403


@pytest.mark.django_db
def test_no_missing_migrations():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def _run_hansa(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **env}
    full_env.pop("DATABASE_URL", None)
    full_env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return subprocess.run(
        [sys.executable, "-m", "hansa.cli", *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_the_deploy_check(tmp_path):
    result = _run_hansa(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="hansa.settings.production",
        SECRET_KEY="x" * 60 + "-production-key-0123456789",
        ALLOWED_HOSTS="market.example.com",
        HANSA_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = _run_hansa(
        "check",
        DJANGO_SETTINGS_MODULE="hansa.settings.production",
        SECRET_KEY="",
        HANSA_VAR_DIR=str(tmp_path),
    )
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def test_settings_come_from_the_environment(tmp_path):
    code = (
        "from django.conf import settings as s; import json; "
        "print(json.dumps([s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'], "
        "s.ALLOWED_HOSTS, "
        "s.EMAIL_HOST, s.DATABASES['default'].get('OPTIONS', {}).get('transaction_mode')]))"
    )
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "DJANGO_SETTINGS_MODULE": "hansa.settings.base",
        "HANSA_VAR_DIR": str(tmp_path),
    }
    env.pop("DATABASE_URL", None)
    embedded = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + code],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert json.loads(embedded.stdout.splitlines()[-1]) == [
        "django.db.backends.sqlite3",
        "django.core.cache.backends.locmem.LocMemCache",
        ["127.0.0.1", "localhost", "[::1]", "testserver"],
        "localhost",
        "IMMEDIATE",
    ]
    env.update(
        DATABASE_URL="postgres://u:p@db.internal:5432/hansa",
        REDIS_URL="redis://cache:6379/0",
        ALLOWED_HOSTS="a.example,b.example",
        EMAIL_HOST="smtp.example",
    )
    configured = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + code],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert json.loads(configured.stdout.splitlines()[-1]) == [
        "django.db.backends.postgresql",
        "django.core.cache.backends.redis.RedisCache",
        ["a.example", "b.example"],
        "smtp.example",
        None,
    ]


@pytest.mark.django_db
def test_sqlite_runs_in_wal_mode(tmp_path):
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "DJANGO_SETTINGS_MODULE": "hansa.settings.base",
        "HANSA_VAR_DIR": str(tmp_path),
    }
    env.pop("DATABASE_URL", None)
    code = (
        "import django; django.setup(); from django.db import connection; c = connection.cursor(); "
        "c.execute('PRAGMA journal_mode'); print(c.fetchone()[0])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.strip() == "wal"


@pytest.mark.django_db
def test_operator_roles_limit_the_back_office():
    from django.contrib.auth.models import Group

    from hansa.companies.tests.factories import UserFactory

    reviewer = UserFactory(is_staff=True)
    reviewer.groups.add(Group.objects.get(name="Verification reviewers"))
    support = UserFactory(is_staff=True)
    support.groups.add(Group.objects.get(name="Support"))
    reviewers, supports = Client(), Client()
    reviewers.force_login(reviewer)
    supports.force_login(support)
    assert reviewers.get("/admin/verification/verificationapplication/").status_code == 200
    assert reviewers.get("/admin/accounts/user/").status_code == 403
    assert reviewers.get("/ops/verification/").status_code == 200
    assert supports.get("/admin/accounts/user/").status_code == 200
    assert supports.get("/ops/verification/").status_code == 403
    assert supports.get("/admin/trade/port/add/").status_code == 403
    assert supports.get("/admin/verification/verificationdecision/").status_code == 200


def test_integers_in_templates_are_not_grouped_so_ids_survive_in_forms():
    from django.template import Context, Template
    from django.utils import translation

    for language in ("en", "zh-hans"):
        with translation.override(language):
            html = Template('<input value="{{ pk }}">').render(Context({"pk": 12000}))
            assert html == '<input value="12000">'
