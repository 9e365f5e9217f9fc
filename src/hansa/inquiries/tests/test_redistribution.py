"""Redistribution with a frozen clock: after 24 h without a reply, once, to matching suppliers."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine

from hansa.catalog.tests.factories import LiveProductFactory
from hansa.inquiries import services, tasks
from hansa.inquiries.models import BlockKind, Inquiry, InquiryPolicy
from hansa.inquiries.tests.conftest import NOW, make_buyer, make_team, send
from hansa.notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def market(team):
    others = [make_team() for _ in range(7)]
    for i, t in enumerate(others):
        title = "Flexible LED strip light 5050 RGB" if i < 6 else "Aluminium profile for strips"
        LiveProductFactory(company=t.company, owner=t.rep.user, title=f"{title} {i}")
    return others


def test_unanswered_inquiry_is_offered_to_five_others_after_24_hours(
    team, buyer_m, rep_product, market
):
    original = send(buyer_m, team.company, rep_product)
    assert services.inquiries_redistribute_due(now=NOW + timedelta(hours=23, minutes=59)) == 0
    with time_machine.travel(NOW + timedelta(hours=24), tick=False):
        moved, _refreshed = tasks.tick()
    assert moved == 1
    offered = list(Inquiry.objects.filter(redistributed_from=original))
    assert len(offered) == 5
    assert team.company.pk not in {i.supplier_company_id for i in offered}
    assert all(i.buyer == buyer_m and not i.allow_redistribution for i in offered)
    assert all(i.messages.get().body == "Please quote FOB Ningbo." for i in offered)
    assert Notification.objects.filter(user=buyer_m.user, title__contains="5 more").exists()
    for i in offered:
        assert Notification.objects.filter(user=i.assignee.user, kind="inquiry").exists()
    # Idempotent: again, by the tick or lazily, changes nothing.
    with time_machine.travel(NOW + timedelta(days=3), tick=False):
        assert tasks.tick()[0] == 0
    assert services.inquiries_redistribute_due(now=NOW + timedelta(days=3)) == 0
    assert Inquiry.objects.filter(redistributed_from=original).count() == 5


def test_not_when_replied_refused_by_the_buyer_or_policy_off(team, buyer_m, rep_product, market):
    replied = send(buyer_m, team.company, rep_product)
    services.inquiry_reply(membership=team.rep, inquiry_id=replied.pk, body="Yes", now=NOW)
    declined = send(buyer_m, team.company, rep_product, allow_redistribution=False, body="b")
    assert services.inquiries_redistribute_due(now=NOW + timedelta(days=2)) == 0
    policy = InquiryPolicy.current()
    policy.redistribution_enabled = False
    policy.save()
    send(buyer_m, team.company, rep_product, body="c")
    assert services.inquiries_redistribute_due(now=NOW + timedelta(days=2)) == 0
    assert not Inquiry.objects.filter(redistributed_from__isnull=False).exists()
    assert declined.pk


def test_not_when_suspected_spam_or_the_sender_is_gone(team, buyer_m, rep_product, market):
    later = NOW + timedelta(days=2)
    flagged = send(buyer_m, team.company, rep_product, body="a")
    Inquiry.objects.filter(pk=flagged.pk).update(flagged=True)
    reported = send(buyer_m, team.company, rep_product, body="b")
    services.inquiry_report_spam(membership=team.owner, inquiry_id=reported.pk, reason="spam")
    assert services.inquiries_redistribute_due(now=later) == 0
    other = make_buyer()
    send(other, team.company, rep_product, body="c")
    other.is_active = False  # the sender left the buying company
    other.save()
    assert services.inquiries_redistribute_due(now=later) == 0
    assert not Inquiry.objects.filter(redistributed_from__isnull=False).exists()


def test_suppliers_that_blocked_the_buyer_are_skipped(team, buyer_m, rep_product, market):
    for t in market[:3]:
        services.block_create(membership=t.owner, kind=BlockKind.MEMBER, value=buyer_m.user.email)
    original = send(buyer_m, team.company, rep_product)
    services.inquiry_redistribute(inquiry_id=original.pk, now=NOW + timedelta(hours=25))
    got = set(
        Inquiry.objects.filter(redistributed_from=original).values_list(
            "supplier_company_id", flat=True
        )
    )
    assert got.isdisjoint({t.company.pk for t in market[:3]})
    assert len(got) == 4


def test_lazily_on_the_buyer_inbox(team, buyer_m, rep_product, market, client):
    original = send(buyer_m, team.company, rep_product)
    client.force_login(buyer_m.user)
    with time_machine.travel(NOW + timedelta(hours=25), tick=False):
        page = client.get(f"/workspace/inquiries/{original.pk}/")
    assert page.status_code == 200
    assert "Offered to 5 more suppliers" in page.content.decode()
