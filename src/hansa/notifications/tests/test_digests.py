"""Notification e-mails: one per user, at the chosen pace, never twice, in the user's language."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from hansa.companies.tests.factories import UserFactory
from hansa.notifications import digests, services
from hansa.notifications.models import DigestLog, Notification

pytestmark = pytest.mark.django_db

KIND = "saved_search"


def note(user, title="2 new products for “led panel”"):
    return services.notify(
        user=user, kind=KIND, title=title, body="Panel A, Panel B", url="/search/?q=led+panel"
    )


def later(hours: float = 1):
    return timezone.now() + timedelta(hours=hours)


def test_one_email_per_user_lists_all_their_notifications_once(buyer, lone_user):
    note(buyer, title="First for buyer")
    note(buyer, title="Second for buyer")
    note(lone_user, title="For the lone user")
    now = later()
    assert digests.send_digests(frequency="daily", now=now) == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([buyer.email, lone_user.email])
    to_buyer = next(m for m in mail.outbox if m.to == [buyer.email])
    assert "2 new notifications" in to_buyer.subject
    assert "First for buyer" in to_buyer.body and "Second for buyer" in to_buyer.body
    assert "http://127.0.0.1:8000/search/?q=led+panel" in to_buyer.body
    html, mime = to_buyer.alternatives[0]
    assert mime == "text/html" and "First for buyer" in html and "<a href=" in html
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()
    assert DigestLog.objects.filter(user=buyer, frequency="daily", count=2).exists()
    # Idempotent: the second run sends nothing.
    assert digests.send_digests(frequency="daily", now=now) == 0
    assert len(mail.outbox) == 2


def test_a_single_notification_is_the_subject(buyer):
    note(buyer, title="5 new products for “solar”")
    digests.send_digests(frequency="daily", now=later())
    assert mail.outbox[0].subject == "Hansa: 5 new products for “solar”"


def test_at_most_one_daily_digest_a_day(buyer):
    note(buyer, title="Monday")
    start = later()
    digests.send_digests(frequency="daily", now=start)
    note(buyer, title="Monday evening")
    assert digests.send_digests(frequency="daily", now=start + timedelta(hours=8)) == 0
    assert digests.send_digests(frequency="daily", now=start + timedelta(hours=24)) == 1
    assert len(mail.outbox) == 2 and "Monday evening" in mail.outbox[1].body


def test_weekly_users_get_nothing_from_the_daily_run(buyer):
    services.preference_set(user=buyer, kind=KIND, email="weekly")
    note(buyer)
    now = later()
    assert digests.send_digests(frequency="daily", now=now) == 0
    assert digests.send_digests(frequency="weekly", now=now) == 1
    note(buyer, title="Later that week")
    assert digests.send_digests(frequency="weekly", now=now + timedelta(days=3)) == 0
    assert digests.send_digests(frequency="weekly", now=now + timedelta(days=7)) == 1
    assert len(mail.outbox) == 2


def test_email_off_keeps_the_in_app_notification(buyer):
    services.preference_set(user=buyer, kind=KIND, email="off")
    n = note(buyer)
    assert digests.send_all_digests(later()) == 0
    assert mail.outbox == []
    n.refresh_from_db()
    assert n.in_app and n.read_at is None and n.emailed_at is None


def test_immediate_emails_go_out_on_every_run(buyer):
    services.preference_set(user=buyer, kind=KIND, email="immediate")
    note(buyer, title="One")
    assert digests.send_digests(frequency="immediate", now=later()) == 1
    note(buyer, title="Two")
    assert digests.send_digests(frequency="immediate", now=later(1.01)) == 1
    assert [m.subject for m in mail.outbox] == ["Hansa: One", "Hansa: Two"]


def test_read_old_or_deactivated_users_notifications_are_not_emailed(buyer):
    read = note(buyer, title="Seen in the app")
    services.mark_read(user=buyer, ids=[read.pk])
    old = note(buyer, title="Too old")
    Notification.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=30))
    gone = UserFactory(is_active=False)
    note(gone)
    assert digests.send_digests(frequency="daily", now=later()) == 0
    assert mail.outbox == []


def test_the_email_speaks_the_users_language(buyer):
    buyer.language = "zh-hans"
    buyer.save()
    note(buyer, title="一")
    note(buyer, title="二")
    digests.send_digests(frequency="daily", now=later())
    message = mail.outbox[0]
    assert "Hansa" in message.subject and "2" in message.subject
    assert "二" in message.body
    assert '<html lang="zh-hans">' in message.alternatives[0][0]


def test_a_failed_send_is_retried_next_time(buyer):
    note(buyer)
    now = later()
    with mock.patch(
        "django.core.mail.EmailMultiAlternatives.send", side_effect=OSError("SMTP down")
    ):
        assert digests.send_digests(frequency="daily", now=now) == 0
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 1
    assert not DigestLog.objects.exists()
    assert digests.send_digests(frequency="daily", now=now) == 1
    assert len(mail.outbox) == 1


def test_off_is_not_a_digest_frequency():
    with pytest.raises(ValueError):
        digests.send_digests(frequency="off")


def test_with_a_worker_an_immediate_email_is_queued_when_the_notification_commits(
    buyer, settings, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    services.preference_set(user=buyer, kind=KIND, email="immediate")
    with (
        mock.patch("hansa.notifications.tasks.send_immediate.delay") as delay,
        django_capture_on_commit_callbacks(execute=True),
    ):
        note(buyer)
    delay.assert_called_once_with(buyer.pk)


def test_without_a_worker_nothing_is_queued(buyer, django_capture_on_commit_callbacks):
    services.preference_set(user=buyer, kind=KIND, email="immediate")
    with (
        mock.patch("hansa.notifications.tasks.send_immediate.delay") as delay,
        django_capture_on_commit_callbacks(execute=True),
    ):
        note(buyer)
    delay.assert_not_called()
