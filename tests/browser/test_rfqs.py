"""RFQs in a real browser, the negotiation issue's "done when" for RFQs:

a buyer posts an RFQ, the operator approves it, three suppliers quote (one through the browser,
two through the services), the buyer compares the quotes side by side, shortlists one, accepts
one and sees the order draft. Screenshots of the form, the market, the compare page and the draft.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from hansa.catalog.tests.factories import LiveProductFactory, strip_category
from hansa.companies.models import Membership
from hansa.companies.roles import Role
from hansa.companies.tests.factories import (
    PASSWORD,
    BuyerCompanyFactory,
    MembershipFactory,
    OperatorFactory,
    SupplierCompanyFactory,
)
from hansa.orders.models import OrderDraft
from hansa.rfqs import services
from hansa.rfqs.models import Quote, Rfq
from hansa.rfqs.services import QuoteInput
from tests.browser.test_catalog import assert_accessible, shot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUPPLIERS = [
    ("Shenzhen Brightway Lighting Co., Ltd.", "brightway"),
    ("Ningbo Everlight Electronics Co., Ltd.", "everlight"),
    ("Zhongshan Lumen Tech Co., Ltd.", "lumen"),
]


@pytest.fixture(autouse=True)
def _reference(reference_db):
    """Seeded ports and categories, restored after the flush of the previous test."""


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    from django.core.cache import cache

    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.SEARCH_INDEX_DIR = str(tmp_path / "search")
    cache.clear()


def market() -> dict[str, object]:
    owners = []
    for name, slug in SUPPLIERS:
        company = SupplierCompanyFactory(name=name, slug=slug, city="Shenzhen")
        owners.append(
            MembershipFactory(company=company, role=Role.OWNER, user__email=f"owner@{slug}.test")
        )
        LiveProductFactory(
            company=company, title=f"LED strip light 5050 RGB IP65 {slug}", slug=f"strip-{slug}"
        )
    buyer_company = BuyerCompanyFactory(name="Nordlicht Handels GmbH", slug="nordlicht")
    buyer = MembershipFactory(
        company=buyer_company, role=Role.OWNER, user__email="buyer@nordlicht.test"
    )
    operator = OperatorFactory(email="ops@hansa.test")
    operator.user_permissions.add(
        Permission.objects.get(codename="review_listing", content_type__app_label="catalog")
    )
    return {"owners": owners, "buyer": buyer, "operator": operator}


def quote(member: Membership, rfq: Rfq, price: str, currency: str, lead: int) -> Quote:
    return services.quote_create(
        membership=Membership.objects.select_related("company", "user").get(pk=member.pk),
        rfq_id=rfq.pk,
        data=QuoteInput(
            unit_price=Decimal(price),
            currency=currency,
            quantity=Decimal("5000"),
            moq=Decimal("1000"),
            incoterm="FOB",
            port="CNNGB",
            lead_time_days=lead,
            payment_methods=["TT", "LC"],
            valid_until=timezone.localdate() + timedelta(days=30),
            sample_available=True,
            sample_cost=Decimal("25"),
            shipping_cost=Decimal("950"),
            shipping_days=32,
            message="Own factory, 3 SMT lines; CE and RoHS reports attached on request.",
        ),
    )


def test_rfq_from_posting_to_accepted_quote(new_page):
    data = market()
    buyer_page = new_page()
    buyer_page.on("dialog", lambda dialog: dialog.accept())

    # The buyer posts an RFQ.
    sign_in(buyer_page, "buyer@nordlicht.test")
    buyer_page.click("nav.sidebar a:has-text('Post an RFQ')")
    buyer_page.wait_for_url("**/workspace/rfqs/new/")
    buyer_page.fill("#id_product_name", "LED strip light 5050 RGB, 12 V")
    buyer_page.select_option("#id_category", str(strip_category().pk))
    buyer_page.fill(
        "#id_requirements",
        "12 V, 60 LEDs per metre, IP65 silicone sleeve, 5 m reels with 44-key remote. "
        "Retail box with our logo and EAN barcode.",
    )
    buyer_page.fill("#id_quantity", "5000")
    buyer_page.fill("#id_target_price", "1.90")
    buyer_page.select_option("#id_destination_country", "DE")
    buyer_page.select_option("#id_destination_port", "DEHAM")
    buyer_page.fill("#id_certifications", "CE, RoHS")
    shot(buyer_page, "rfqs-form")
    assert_accessible(buyer_page, "RFQ form")
    buyer_page.click("main button:has-text('Post RFQ')")
    buyer_page.wait_for_url("**/workspace/rfqs/*/")
    assert "Waiting for the operator's review" in buyer_page.inner_text("main")
    rfq = Rfq.objects.get()

    # The operator approves it.
    ops = new_page()
    ops.goto("/accounts/login/")
    ops.fill("input[name=login]", "ops@hansa.test")
    ops.fill("input[name=password]", PASSWORD)
    ops.click("main form button[type=submit]")
    ops.wait_for_load_state()
    ops.goto("/ops/")
    ops.click("main a:has-text('RFQ review queue')")
    ops.click(f"main a:has-text('{rfq.product_name}')")
    shot(ops, "rfqs-review")
    assert_accessible(ops, "RFQ review")
    ops.click("main button:has-text('Approve RFQ')")
    ops.wait_for_url("**/ops/rfqs/")
    assert "pushed to 3 suppliers" in ops.inner_text("main")

    # Supplier A finds it in the market ("matched for you") and quotes in the browser.
    supplier = new_page()
    sign_in(supplier, "owner@brightway.test")
    supplier.click("nav.sidebar a:has-text('RFQ market')")
    supplier.wait_for_url("**/workspace/rfq-market/")
    main = supplier.inner_text("main")
    assert "Matched for you" in main and "Nordlicht" not in main
    shot(supplier, "rfqs-market")
    assert_accessible(supplier, "RFQ market")
    supplier.click(f"main a:has-text('{rfq.product_name}')")
    assert "Nordlicht" not in supplier.inner_text("main")
    supplier.fill("#id_unit_price", "1.85")
    supplier.fill("#id_tier_qty_0", "10000")
    supplier.fill("#id_tier_price_0", "1.78")
    supplier.fill("#id_moq", "1000")
    supplier.fill("#id_lead_time_days", "21")
    supplier.select_option("#id_port", "CNSZX")
    supplier.check("input[name=payment_methods][value=TT]")
    supplier.check("#id_sample_available")
    supplier.fill("#id_sample_cost", "30")
    supplier.fill("#id_shipping_cost", "880")
    supplier.fill("#id_shipping_days", "30")
    supplier.fill("#id_message", "Factory direct; we ship this strip to Hamburg every month.")
    shot(supplier, "rfqs-quote-form")
    supplier.click("main button:has-text('Send quotation')")
    supplier.wait_for_url("**/workspace/quotes/*/thread/")
    assert "Your quotation was sent" in supplier.inner_text("main")
    shot(supplier, "rfqs-quote-sent")
    assert_accessible(supplier, "quote thread")

    # Two more suppliers quote through the services.
    quote(data["owners"][1], rfq, "12.90", "CNY", 28)
    quote(data["owners"][2], rfq, "1.95", "USD", 15)

    # The buyer compares side by side, shortlists, accepts one and sees the order draft.
    buyer_page.goto(f"/workspace/rfqs/{rfq.pk}/")
    table = buyer_page.inner_text("table.rfq-compare")
    for name, _slug in SUPPLIERS:
        assert name in table
    assert (
        "USD 1.85" in table
        and "CNY 12.90" in table
        and "indicative" in buyer_page.inner_text("main")
    )
    shot(buyer_page, "rfqs-compare")
    assert_accessible(buyer_page, "RFQ compare")
    lumen = Quote.objects.get(supplier__slug="lumen")
    buyer_page.click(f"form[action$='/quotes/{lumen.pk}/decide/shortlist/'] button")
    buyer_page.wait_for_load_state()
    assert "Added to your shortlist" in buyer_page.inner_text("main")
    brightway = Quote.objects.get(supplier__slug="brightway")
    buyer_page.click(f"form[action$='/quotes/{brightway.pk}/decide/accept/'] button")
    buyer_page.wait_for_url("**/workspace/orders/*/")
    main = buyer_page.inner_text("main")
    assert "Order draft" in main and "Shenzhen Brightway" in main and "USD 9,250.00" in main
    shot(buyer_page, "rfqs-order-draft")
    assert_accessible(buyer_page, "order draft")
    assert OrderDraft.objects.count() == 1
    assert set(Quote.objects.values_list("supplier__slug", "status")) == {
        ("brightway", "accepted"),
        ("everlight", "declined"),
        ("lumen", "declined"),
    }
