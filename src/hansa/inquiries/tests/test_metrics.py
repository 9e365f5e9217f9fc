"""The response-rate rule with a frozen clock, including the exact 24-hour and 30-day edges."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hansa.inquiries import metrics, services
from hansa.inquiries.models import BlockKind, InquiryMessage, ResponseStats
from hansa.inquiries.tests.conftest import NOW, make_buyer, send

pytestmark = pytest.mark.django_db


def reply(member, inquiry, at, auto=False):
    return services.inquiry_reply(
        membership=member,
        inquiry_id=inquiry.pk,
        body="Thanks, quote attached.",
        now=at,
        is_auto_reply=auto,
    )


def figures(team, at):
    return metrics.compute(team.company.pk, at)


def test_no_data_without_inquiries(team):
    assert figures(team, NOW).rate is None
    assert metrics.reply_bucket(None) is None


def test_reply_at_exactly_24_hours_counts_and_one_second_later_does_not(team, buyer_m):
    other = make_buyer()
    a = send(buyer_m, team.company)
    b = send(other, team.company)
    reply(team.owner, a, NOW + timedelta(hours=24))
    reply(team.owner, b, NOW + timedelta(hours=24, seconds=1))
    f = figures(team, NOW + timedelta(days=2))
    assert (f.counted, f.replied_in_time) == (2, 1)
    assert f.rate == pytest.approx(0.5)
    assert f.average_reply_seconds == 24 * 3600  # (86400 + 86401) / 2 rounded


def test_pending_messages_younger_than_24_hours_do_not_count_yet(team, buyer_m):
    send(buyer_m, team.company)
    assert figures(team, NOW + timedelta(hours=23, minutes=59)).counted == 0
    f = figures(team, NOW + timedelta(hours=24))
    assert (f.counted, f.replied_in_time) == (1, 0)
    assert f.rate == 0


def test_window_is_30_days_inclusive(team, buyer_m):
    i = send(buyer_m, team.company)
    reply(team.owner, i, NOW + timedelta(minutes=30))
    assert figures(team, NOW + timedelta(days=30)).counted == 1
    assert figures(team, NOW + timedelta(days=30, seconds=1)).counted == 0


def test_only_the_first_buyer_message_of_the_day_counts(team, buyer_m):
    i = send(buyer_m, team.company)
    reply(buyer_m, i, NOW + timedelta(hours=1))  # a follow-up the same day
    reply(buyer_m, i, NOW + timedelta(hours=2))
    reply(team.owner, i, NOW + timedelta(hours=3))
    reply(buyer_m, i, NOW + timedelta(days=1))  # next day: counts again
    f = figures(team, NOW + timedelta(days=3))
    assert f.counted == 2
    assert f.replied_in_time == 1
    assert f.average_reply_seconds == 3 * 3600


def test_automatic_replies_do_not_count(team, buyer_m):
    i = send(buyer_m, team.company)
    reply(team.owner, i, NOW + timedelta(minutes=1), auto=True)
    f = figures(team, NOW + timedelta(days=2))
    assert (f.counted, f.replied_in_time) == (1, 0)


def test_spam_rejected_and_blocked_are_excluded(team, buyer_m):
    spammer, rejected, blocked = make_buyer(), make_buyer(), make_buyer(country="US")
    send(spammer, team.company).__class__.objects.filter(buyer=spammer).update(status="spam")
    r = send(rejected, team.company)
    services.inquiry_reject(membership=team.owner, inquiry_id=r.pk, reason="Not our product")
    send(blocked, team.company)
    ok = send(buyer_m, team.company)
    reply(team.owner, ok, NOW + timedelta(hours=2))
    services.block_create(membership=team.owner, kind=BlockKind.COUNTRY, value="US")
    stats = services.stats_refresh(company_id=team.company.pk, now=NOW + timedelta(days=2))
    assert (stats.counted, stats.replied_in_time) == (1, 1)
    assert stats.rate == 1


def test_buckets():
    assert metrics.reply_bucket(3600)[0] == "1h"
    assert metrics.reply_bucket(3601)[0] == "6h"
    assert metrics.reply_bucket(6 * 3600)[0] == "6h"
    assert metrics.reply_bucket(24 * 3600)[0] == "24h"
    assert metrics.reply_bucket(24 * 3600 + 1)[0] == "more"


def test_stats_are_stored_on_reply_and_the_listings_reindexed(team, buyer_m):
    from hansa.search.models import OutboxEntry

    i = send(buyer_m, team.company)
    OutboxEntry.objects.all().delete()
    reply(team.admin, i, NOW + timedelta(minutes=20))
    stats = ResponseStats.objects.get(company=team.company)
    assert stats.rate == 1 and stats.average_reply_seconds == 20 * 60
    assert OutboxEntry.objects.filter(kind="company", object_id=team.company.pk).exists()
    from hansa.search.documents import response_rates

    assert response_rates([team.company.pk, 999999]) == {team.company.pk: 1.0}
    assert InquiryMessage.objects.filter(inquiry=i).count() == 2
