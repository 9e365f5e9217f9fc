"""The demo inquiries: every state, meaningful figures, deterministic for a seed."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from hansa.demo import inquiries_demo
from hansa.demo.generator import BUYER_EMAIL, FEATURED_SUPPLIER, generate_market
from hansa.inquiries.models import Inquiry, ResponseStats, SpamReport

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)


def _rows() -> list[tuple]:
    return list(
        Inquiry.objects.order_by("created_at", "supplier_company__slug").values_list(
            "subject",
            "supplier_company__slug",
            "buyer__user__email",
            "status",
            "created_at",
            "first_reply_at",
            "assignee__user__email",
        )
    )


def test_populate_adds_every_state_and_is_deterministic():
    generate_market(suppliers=30, buyers=12, products=400, progress=False)
    counts = inquiries_demo.populate(rng=random.Random(7), now=NOW)
    assert counts["inquiries"] >= 25 and counts["redistributed"] == 2, counts
    statuses = set(Inquiry.objects.values_list("status", flat=True))
    assert {"open", "replied", "rejected", "closed"} <= statuses
    assert SpamReport.objects.filter(status="pending").count() == 1
    assert Inquiry.objects.filter(redistributed_from__isnull=False).exists()
    assert Inquiry.objects.filter(buyer__user__email=BUYER_EMAIL).count() >= 8
    featured = ResponseStats.objects.get(company__name=FEATURED_SUPPLIER)
    assert featured.counted >= 15 and 0.5 < featured.rate < 1
    assert featured.average_reply_seconds is not None
    first = _rows()
    Inquiry.objects.all().delete()
    ResponseStats.objects.all().delete()
    inquiries_demo.populate(rng=random.Random(7), now=NOW)
    assert _rows() == first
