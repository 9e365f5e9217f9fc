"""The demo RFQs: every state, quotes with revisions and questions, deterministic for a seed."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from hansa.alerts.models import SavedSearch
from hansa.demo import rfqs_demo
from hansa.demo.generator import BUYER_EMAIL, FEATURED_SUPPLIER, generate_market
from hansa.orders.models import OrderDraft
from hansa.rfqs.models import Quote, QuoteMessage, Rfq

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)


def _rows() -> list[tuple]:
    return list(
        Rfq.objects.order_by("created_at", "buyer_company__slug", "product_name").values_list(
            "product_name",
            "buyer_company__slug",
            "status",
            "quote_count",
            "created_at",
            "valid_until",
        )
    ) + list(
        Quote.objects.order_by(
            "rfq__created_at", "rfq__buyer_company__slug", "supplier__slug"
        ).values_list("supplier__slug", "unit_price", "currency", "status", "revision")
    )


def test_populate_adds_every_state_and_is_deterministic():
    generate_market(suppliers=30, buyers=12, products=400, progress=False)
    counts = rfqs_demo.populate(rng=random.Random(7), now=NOW)
    assert counts["rfqs"] >= 15 and counts["quotes"] >= 10 and counts["order_drafts"] >= 1, counts
    with_now = {r.effective_status(NOW) for r in Rfq.objects.all()}
    assert {"pending", "open", "closed", "expired", "rejected"} <= with_now
    mine = Rfq.objects.filter(created_by__email=BUYER_EMAIL)
    assert mine.count() == 6
    compare = mine.filter(quote_count__gte=2, status="open").first()
    assert compare is not None
    assert compare.quotes.filter(supplier__name=FEATURED_SUPPLIER, revision=1).exists()
    assert QuoteMessage.objects.count() >= 2 and OrderDraft.objects.exists()
    assert Rfq.objects.filter(status="pending").exclude(flags=[]).count() >= 2
    assert SavedSearch.objects.filter(target="rfq").count() == 2
    first = _rows()
    OrderDraft.objects.all().delete()
    Rfq.objects.all().delete()
    SavedSearch.objects.filter(target="rfq").delete()
    rfqs_demo.populate(rng=random.Random(7), now=NOW)
    assert _rows() == first
