"""Inquiries in a real browser, the negotiation issue's "done when" for inquiries:

a buyer puts three products of three suppliers in the comparison basket and sends one inquiry
to all three (one private conversation each); one supplier's sales rep replies within the hour;
the buyer sees the reply and that supplier's response rate and reply time on its company page;
with a frozen clock 24 hours later the unanswered inquiries are redistributed (each supplier gets
the request once at most) and the buyer sees which suppliers got them.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from hansa.catalog.tests.factories import LiveProductFactory
from hansa.companies.roles import Role
from hansa.companies.tests.factories import (
    BuyerCompanyFactory,
    MembershipFactory,
    SupplierCompanyFactory,
)
from hansa.inquiries.models import Inquiry
from tests.browser.test_catalog import assert_accessible, shot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _reference(reference_db):
    """Seeded ports and categories, restored after the flush of the previous test."""


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    from django.core.cache import cache

    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.SEARCH_INDEX_DIR = str(tmp_path / "search")
    cache.clear()


SUPPLIERS = [
    ("Shenzhen Brightway Lighting Co., Ltd.", "brightway", "Lily Zhang", "lily@bw.test"),
    ("Ningbo Everlight Electronics Co., Ltd.", "everlight", "Tom Xu", "tom@everlight.test"),
    ("Zhongshan Lumen Tech Co., Ltd.", "lumen", "Amy Li", "amy@lumen.test"),
]


def market():
    products = []
    for n, (name, slug, rep_name, rep_email) in enumerate(SUPPLIERS):
        company = SupplierCompanyFactory(name=name, slug=slug, city="Shenzhen")
        MembershipFactory(company=company, role=Role.OWNER, user__email=f"owner@{slug}.test")
        rep = MembershipFactory(
            company=company, role=Role.SALES_REP, user__full_name=rep_name, user__email=rep_email
        ).user
        products.append(
            LiveProductFactory(
                company=company,
                owner=rep,
                title=f"LED strip light 5050 RGB 60 LEDs/m IP65 {['A', 'B', 'C'][n]}",
                slug=f"led-strip-{slug}",
            )
        )
    # Other makers of LED strips, to whom an unanswered inquiry can be offered.
    for n, city in enumerate(("Dongguan", "Foshan", "Xiamen", "Hangzhou", "Huizhou", "Jiangmen")):
        company = SupplierCompanyFactory(
            name=f"{city} Strip Lighting Factory", slug=f"strip-{n}", city=city
        )
        MembershipFactory(company=company, role=Role.OWNER, user__email=f"owner@strip{n}.test")
        LiveProductFactory(
            company=company, title=f"LED strip light 5050 flexible {city}", slug=f"strip-{n}"
        )
    buyer_company = BuyerCompanyFactory(name="Nordlicht Handels GmbH", slug="nordlicht")
    buyer = MembershipFactory(
        company=buyer_company,
        role=Role.OWNER,
        user__full_name="Jonas Becker",
        user__email="jonas@nordlicht.test",
    ).user
    return products, buyer


def test_basket_inquiry_reply_metrics_and_redistribution(new_page):
    products, buyer = market()
    page = new_page()
    sign_in(page, buyer.email)

    # Three products of three suppliers into the basket.
    for product in products:
        page.goto(product.get_absolute_url())
        page.click("main button:has-text('Add to compare')")
        page.wait_for_selector("main .compare-in")  # htmx swapped in "In comparison (n/20)"
    page.goto("/compare/")
    for product in products:
        page.check(f"input[name=product][value='{product.pk}']")
    page.click("button:has-text('Send an inquiry to the suppliers of the selected products')")
    page.wait_for_url("**/inquiries/new/**")
    recipients = page.inner_text(".inq-recipients")
    assert "It goes to 3 suppliers" in recipients
    assert all(name in recipients for name, *_ in SUPPLIERS)
    page.fill("#id_subject", "Quotation for 5,000 m of RGB LED strip")
    page.fill(
        "#id_body",
        "We import lighting for retail chains in Germany. Please quote 5,000 m of 5050 RGB "
        "strip, IP65, on 5 m reels, FOB Shenzhen, with CE and RoHS certificates.",
    )
    page.fill("#id_quantity", "5000")
    page.select_option("#id_unit", "MTR")
    page.fill("#id_target_price", "0.85")
    page.select_option("#id_incoterm", "FOB")
    assert_accessible(page, "new inquiry")
    shot(page, "inquiries-new-from-basket")
    page.click("main button:has-text('Send to 3 suppliers')")
    page.wait_for_url("**/workspace/inquiries/sent/**")
    assert "Your inquiry was sent to 3 suppliers" in page.inner_text("main")
    assert page.locator(".inq-row").count() == 3
    assert Inquiry.objects.values("supplier_company").distinct().count() == 3
    assert_accessible(page, "buyer inbox")
    shot(page, "inquiries-buyer-inbox")

    # The company page before any reply: no figures yet.
    page.goto("/companies/brightway/")
    assert "not enough inquiries yet" in page.inner_text("main")

    # Brightway's sales rep answers within the hour.
    rep_page = new_page()
    sign_in(rep_page, "lily@bw.test")
    rep_page.click("nav.sidebar a:has-text('Inquiries')")
    rep_page.wait_for_url("**/workspace/inquiries/")
    assert "Nordlicht Handels GmbH" in rep_page.inner_text("main")
    assert_accessible(rep_page, "supplier inbox")
    shot(rep_page, "inquiries-supplier-inbox")
    rep_page.click(".inq-row-link")
    rep_page.wait_for_url("**/workspace/inquiries/*/")
    rep_page.fill(
        "#id_body",
        "Dear Mr Becker, thank you. For 5,000 m we offer USD 0.79/m FOB Shenzhen, 5 m reels, "
        "lead time 20 days. CE and RoHS certificates are available.",
    )
    rep_page.click("main button:has-text('Send')")
    rep_page.wait_for_url("**#latest")
    assert "USD 0.79/m" in rep_page.inner_text(".inq-thread")
    assert_accessible(rep_page, "conversation (supplier)")
    shot(rep_page, "inquiries-conversation-supplier")

    # The buyer sees the reply, unread, then reads it.
    page.goto("/workspace/inquiries/sent/?unread=1")
    assert page.locator(".inq-row").count() == 1
    page.click(".inq-row-link")
    assert "USD 0.79/m" in page.inner_text(".inq-thread")
    assert_accessible(page, "conversation (buyer)")
    shot(page, "inquiries-conversation-buyer")

    # Brightway's response figures moved.
    page.goto("/companies/brightway/")
    figures = page.inner_text(".inq-response")
    assert "100%" in figures and "within 1 hour" in figures
    shot(page, "inquiries-company-response-rate")

    # 24 hours later (frozen clock): the two unanswered inquiries are offered to others.
    with time_machine.travel(timezone.now() + timedelta(hours=24, minutes=5), tick=False):
        page.goto("/workspace/inquiries/sent/")
        # Everlight's goes to 5 of the 6 other strip makers; Lumen's to the one left, since no
        # supplier receives the same request twice.
        assert page.locator(".inq-row").count() == 3 + 5 + 1
        unanswered = Inquiry.objects.get(supplier_company__slug="everlight")
        page.goto(f"/workspace/inquiries/{unanswered.pk}/")
        offered = page.inner_text(".inq-offered")
        assert "Offered to 5 more suppliers" in offered
        assert "Strip Lighting Factory" in offered
        assert "Brightway" not in offered and "Lumen" not in offered  # had it already
        assert_accessible(page, "redistributed inquiry")
        shot(page, "inquiries-redistributed")
    assert Inquiry.objects.filter(redistributed_from__isnull=False).count() == 6
