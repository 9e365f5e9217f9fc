"""Order drafts: Money totals, one per quote, the list and page for each side only."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from hansa.conftest import client_for
from hansa.orders.models import OrderDraft
from hansa.orders.services import order_draft_from_quote, quote_unit_price
from hansa.rfqs import services
from hansa.rfqs.tests.conftest import quote_input
from hansa.trade.money import Money

pytestmark = pytest.mark.django_db


def test_tier_price_applies_from_its_quantity(quote_a):
    assert quote_unit_price(quote_a, Decimal("2999")) == Decimal("1.75")
    assert quote_unit_price(quote_a, Decimal("3000")) == Decimal("1.7")


def test_draft_totals_are_money_and_drafts_are_one_per_quote(quote_a, buyer_member):
    draft = services.quote_accept(membership=buyer_member, quote_id=quote_a.pk)
    assert draft.goods_total == Money.of("8500", "USD")
    assert draft.shipping_money == Money.of("800", "USD")
    assert draft.total == Money.of("9300", "USD")
    assert order_draft_from_quote(quote=quote_a, user=buyer_member.user).pk == draft.pk
    assert OrderDraft.objects.count() == 1
    assert draft.status == "draft" and draft.payment_method == "TT" and draft.port.locode == "CNSZX"


def test_list_for_each_side(open_rfq, supplier_a, supplier_b, buyer_member, other_buyer_member):
    quote = services.quote_create(
        membership=supplier_b, rfq_id=open_rfq.pk, data=quote_input(currency="EUR")
    )
    draft = services.quote_accept(membership=buyer_member, quote_id=quote.pk)
    for member, sees in (
        (buyer_member, True),
        (supplier_b, True),
        (supplier_a, False),
        (other_buyer_member, False),
    ):
        page = client_for(member.user).get(reverse("orders:list")).content.decode()
        assert (f"#{draft.pk} " in page) is sees
        drafts = client_for(member.user).get("/api/v1/orders/drafts").json()
        assert [d["id"] for d in drafts] == ([draft.pk] if sees else [])
    assert Client().get(reverse("orders:list")).status_code == 302


def test_deleting_the_companies_deletes_their_rfqs_quotes_and_drafts(quote_a, buyer_member):
    """The draft protects its quote from being deleted alone, not from the companies' deletion
    (the demo market is deleted and generated again)."""
    from django.db.models import RestrictedError

    from hansa.companies.models import Company
    from hansa.rfqs.models import Quote

    services.quote_accept(membership=buyer_member, quote_id=quote_a.pk)
    with pytest.raises(RestrictedError):
        Quote.objects.filter(pk=quote_a.pk).delete()
    Company.objects.filter(pk__in=[buyer_member.company_id, quote_a.supplier_id]).delete()
    assert not OrderDraft.objects.exists() and not Quote.objects.exists()
