"""The foundation's whole path in a real browser, in English and in Chinese:
sign-up -> verify e-mail -> create a supplier company -> fill the profile -> invite a sales rep ->
apply for verification -> the operator approves with 3 stars -> the public page shows the badge.
"""

from __future__ import annotations

import re

import pytest
from django.core import mail

from hansa.companies.models import Company, Invitation
from hansa.companies.tests.factories import PASSWORD, OperatorFactory
from hansa.trade.models import Port
from tests.browser.conftest import ARTIFACTS, axe_violations, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _reference(reference_db):
    """Seeded ports and categories, restored after the flush of the previous test."""


TEXT = {
    "en": {
        "badge": "Verified supplier",
        "created": "is ready",
        "pending": "Waiting for review",
        "invited": "Invitation sent",
    },
    "zh-hans": {
        "badge": "认证供应商",
        "created": "已创建",
        "pending": "待审核",
        "invited": "发送邀请",
    },
}


def switch_language(page, code: str) -> None:
    with page.expect_navigation():
        page.select_option("#lang-select", code)


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_supplier_signs_up_gets_verified_and_shows_the_badge(new_page, live_server, lang, tmp_path):
    text = TEXT[lang]
    page = new_page()
    page.goto("/")
    if lang != "en":
        switch_language(page, lang)
        assert page.locator("html").get_attribute("lang") == lang
    email = f"founder-{lang}@example.com"

    # Sign up, then verify the e-mail from the link in the message.
    page.goto("/accounts/signup/")
    page.fill("input[name=email]", email)
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/accounts/confirm-email/")
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", mail.outbox[-1].body).group(
        1
    )
    page.goto(link)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/workspace/")

    # Create the supplier company.
    page.fill("input[name=name]", f"Ningbo Brightway Lighting {lang} Co., Ltd.")
    page.check("input[name=kind][value=supplier]")
    page.select_option("select[name=country]", "CN")
    page.check("input[name=business_types][value=manufacturer]")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/workspace/company/")
    assert text["created"] in page.inner_text(".messages")

    # Fill the profile.
    page.fill(
        "textarea[name=description]",
        "We design and manufacture LED strip lights, panels and "
        "high-bay fixtures for importers in Europe and North America since 2009. " * 2,
    )
    page.fill("input[name=year_established]", "2009")
    page.select_option("select[name=employees]", "201-500")
    page.fill("input[name=city]", "Ningbo")
    page.fill("input[name=address]", "88 Jiangnan Road, Beilun District")
    page.fill(
        "textarea[name=main_products_text]", "LED strip lights\nLED panel lights\nHigh bay lights"
    )
    page.select_option("select[name=export_revenue]", "10M-50M")
    page.fill("input[name=factory_area_m2]", "12000")
    page.fill("input[name=production_lines]", "8")
    ningbo = Port.objects.get(locode="CNNGB")
    page.select_option("select[name=nearest_port]", str(ningbo.pk))
    page.fill("input[name=lead_time_days]", "25")
    page.check("input[name=languages_spoken][value=en]")
    page.check("input[name=languages_spoken][value=zh-hans]")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".error").count() == 0, page.inner_text("main")
    company = Company.objects.get(memberships__user__email=email)
    assert (company.year_established, company.nearest_port.locode, company.main_products[0]) == (
        2009,
        "CNNGB",
        "LED strip lights",
    )
    shot(page, f"profile-{lang}")

    # Invite a sales representative.
    page.goto("/workspace/members/")
    page.fill("main form input[name=email]", f"rep-{lang}@example.com")
    page.select_option("main form select[name=role]", "sales_rep")
    page.click("main form.card button[type=submit]")
    page.wait_for_load_state()
    assert text["invited"] in page.inner_text(".messages")
    assert Invitation.objects.filter(
        company=company, email=f"rep-{lang}@example.com", role="sales_rep"
    ).exists()

    # Apply for verification with a business licence.
    licence = tmp_path / "business-licence.pdf"
    licence.write_bytes(
        b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
    page.goto("/workspace/verification/")
    page.select_option("select[name=kind]", "business_licence")
    page.set_input_files("input[name=file]", str(licence))
    page.click("form[enctype] button[type=submit]")
    page.wait_for_load_state()
    page.click("form[action='/workspace/verification/submit/'] button[type=submit]")
    page.wait_for_load_state()
    assert text["pending"] in page.inner_text("main")
    shot(page, f"verification-{lang}")

    # The operator approves with three stars.
    operator = OperatorFactory(email=f"reviewer-{lang}@hansa.example")
    ops = new_page()
    ops.goto("/accounts/login/")
    ops.fill("input[name=login]", operator.email)
    ops.fill("input[name=password]", PASSWORD)
    ops.click("main form button[type=submit]")
    ops.wait_for_url("**/workspace/")
    if lang != "en":
        switch_language(ops, lang)
    ops.goto("/ops/verification/")
    ops.click(f"tr:has-text('{company.name}') a")
    ops.select_option("select[name=stars]", "3")
    ops.fill(
        "textarea[name=evidence]",
        "Business licence checked against the SAMR register; site visit 2026-11.",
    )
    ops.click("form:has(input[value=approve]) button[type=submit]")
    ops.wait_for_url("**/ops/verification/")
    company.refresh_from_db()
    assert (company.verification_status, company.star_rating) == ("verified", 3)

    # The public page shows the badge with three stars.
    page.goto(company.get_absolute_url())
    badge = page.locator(".badge-verified")
    assert text["badge"] in badge.inner_text()
    assert badge.locator(".stars").inner_text() == "★★★"
    shot(page, f"public-{lang}")
    assert axe_violations(page) == []


def test_main_pages_have_no_serious_accessibility_violations(new_page, live_server):
    from hansa.companies.roles import Role
    from hansa.companies.tests.factories import MembershipFactory, SupplierCompanyFactory

    supplier = SupplierCompanyFactory(description="LED lighting maker.", year_established=2010)
    owner = MembershipFactory(company=supplier, role=Role.OWNER).user
    operator = OperatorFactory()
    anonymous_pages = [
        "/",
        "/suppliers/",
        supplier.get_absolute_url(),
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
    ]
    member_pages = [
        "/workspace/",
        "/workspace/company/",
        "/workspace/company/names/",
        "/workspace/company/markets/",
        "/workspace/company/certifications/",
        "/workspace/company/contacts/",
        "/workspace/members/",
        "/workspace/verification/",
        "/workspace/api-tokens/",
    ]
    problems = {}
    page = new_page()
    for url in anonymous_pages:
        page.goto(url)
        if violations := axe_violations(page):
            problems[url] = [(v["id"], v["help"], len(v["nodes"])) for v in violations]
    for user, urls in ((owner, member_pages), (operator, ["/ops/", "/ops/verification/"])):
        page = new_page()
        page.goto("/accounts/login/")
        page.fill("input[name=login]", user.email)
        page.fill("input[name=password]", PASSWORD)
        page.click("main form button[type=submit]")
        page.wait_for_url("**/workspace/")
        for url in urls:
            page.goto(url)
            if violations := axe_violations(page):
                problems[url] = [(v["id"], v["help"], len(v["nodes"])) for v in violations]
            shot(page, "axe" + url.strip("/").replace("/", "-"))
    assert problems == {}, problems
    assert ARTIFACTS.exists()
