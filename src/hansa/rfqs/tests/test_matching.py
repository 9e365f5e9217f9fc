"""Matching pushes an approved RFQ to the suppliers who sell it, best first."""

from __future__ import annotations

import pytest

from hansa.catalog.models import Category
from hansa.catalog.tests.factories import LiveProductFactory
from hansa.companies.models import MainMarket
from hansa.companies.tests.factories import SupplierCompanyFactory
from hansa.rfqs import matching, services
from hansa.rfqs.models import RfqMatch, SupplierTerm
from hansa.rfqs.tests.conftest import quote_input, rfq_input

pytestmark = pytest.mark.django_db


def test_words_fold_plurals_and_drop_noise():
    assert matching.words("LED Strip Lights for the 12V market, 5m reels") == [
        "led",
        "strip",
        "light",
        "market",
        "reel",
    ]


def test_category_keywords_region_and_quoting_raise_the_score(buyer_member, operator):
    strips = SupplierCompanyFactory(main_products=["LED strip lights"])
    LiveProductFactory(company=strips)
    MainMarket.objects.create(company=strips, region="western_europe", share_percent=40)
    other_cat = (
        Category.objects.filter(is_leaf=True)
        .exclude(code="led-strip-lights")
        .exclude(parent__code="led-lighting")
        .first()
    )
    unrelated = SupplierCompanyFactory(main_products=["Garden hoses"])
    LiveProductFactory(
        company=unrelated, category=other_cat, title="Garden hose 20 m", attributes={}
    )
    keywords_only = SupplierCompanyFactory(main_products=["RGB strip controllers"])
    rfq = services.rfq_create(membership=buyer_member, data=rfq_input())
    matching.profiles_rebuild()
    found = matching.match_suppliers(rfq)
    ids = [c.company_id for c in found]
    assert ids[0] == strips.pk and unrelated.pk not in ids and keywords_only.pk in ids
    first = found[0]
    assert {"category", "keywords", "region"} <= set(first.reasons)


def test_the_buyer_itself_is_never_matched(buyer_member):
    buyer_member.company.kind = "both"
    buyer_member.company.save()
    LiveProductFactory(company=buyer_member.company)
    rfq = services.rfq_create(membership=buyer_member, data=rfq_input())
    matching.profiles_rebuild()
    assert buyer_member.company_id not in [c.company_id for c in matching.match_suppliers(rfq)]


def test_approval_stores_matches_and_the_market_puts_them_first(pending_rfq, operator, supplier_a):
    services.rfq_approve(operator=operator, rfq_id=pending_rfq.pk)
    match = RfqMatch.objects.get(rfq=pending_rfq, supplier=supplier_a.company)
    assert match.score > 0 and "category" in match.reasons


def test_refresh_rebuilds_changed_suppliers_only(supplier_a):
    matching.profiles_rebuild()
    assert not SupplierTerm.objects.filter(term="dimmer").exists()
    LiveProductFactory(company=supplier_a.company, title="Wireless dimmer for LED strips")
    assert matching.profiles_refresh() == 1
    assert SupplierTerm.objects.filter(term="dimmer", company=supplier_a.company).exists()


def test_quoting_behaviour_counts(open_rfq, supplier_a, supplier_b, buyer_member, operator):
    services.quote_create(membership=supplier_a, rfq_id=open_rfq.pk, data=quote_input())
    second = services.rfq_create(
        membership=buyer_member, data=rfq_input(product_name="LED strip 2835")
    )
    matching.profiles_rebuild()
    found = {c.company_id: c for c in matching.match_suppliers(second)}
    assert "quotes" in found[supplier_a.company_id].reasons
    assert found[supplier_a.company_id].score > found[supplier_b.company_id].score
