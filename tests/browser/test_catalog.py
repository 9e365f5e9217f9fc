"""Listings in a real browser: a supplier publishes a product with photos and a Spanish version,
the operator approves it, buyers find it in the showroom in English and Chinese, and a
password-protected group stays hidden from a buyer until the buyer enters its password.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from PIL import Image, ImageDraw

from hansa.catalog import listing_services as ls
from hansa.catalog.models import ListingStatus, Product, ProductGroup
from hansa.catalog.tests.factories import strip_category, valid_strip_attributes
from hansa.companies.models import Membership
from hansa.companies.roles import Role
from hansa.companies.tests.factories import (
    PASSWORD,
    BuyerCompanyFactory,
    MembershipFactory,
    SupplierCompanyFactory,
    UserFactory,
)
from hansa.trade.models import Port
from tests.browser.conftest import axe_violations
from tests.browser.conftest import shot as full_page_shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Flexible LED strip light 5050 RGB 12V, 60 LEDs/m, IP65"
SPANISH = "Tira de luces LED flexible 5050 RGB 12V, 60 LED/m, IP65"


@pytest.fixture(autouse=True)
def _reference(reference_db):
    """Seeded ports and categories, restored after the flush of the previous test."""


def listing_reviewer():
    user = UserFactory(is_staff=True, email="listings@hansa.example")
    user.user_permissions.add(Permission.objects.get(codename="review_listing"))
    return user


def make_supplier(name="Ningbo Brightway Lighting Co., Ltd."):
    supplier = SupplierCompanyFactory(
        name=name,
        description="LED strip lights and panels for importers since 2009.",
        year_established=2009,
        verification_status="verified",
        star_rating=3,
    )
    owner = MembershipFactory(company=supplier, role=Role.OWNER).user
    return supplier, owner


def sign_in(page, email: str) -> None:
    page.goto("/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/workspace/")


def product_photo(path, colour, label):
    image = Image.new("RGB", (900, 900), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((120, 380, 780, 520), fill=colour, outline="black", width=6)
    for x in range(160, 760, 60):
        draw.ellipse((x, 430, x + 30, 460), fill="yellow")
    draw.text((140, 560), label, fill="black")
    image.save(path, format="PNG")
    return str(path)


def shot(page, name: str) -> None:
    """A full-page screenshot once every photo has loaded, seen from the top of the page."""
    page.evaluate(
        "document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')"
    )
    page.wait_for_function("Array.from(document.images).every(i => i.complete)")
    page.evaluate("window.scrollTo(0, 0)")
    full_page_shot(page, name)


def switch_language(page, code: str) -> None:
    with page.expect_navigation():
        page.select_option("#lang-select", code)


def assert_accessible(page, where: str) -> None:
    violations = axe_violations(page)
    assert violations == [], (where, [(v["id"], v["help"], len(v["nodes"])) for v in violations])


def test_a_supplier_publishes_a_listing_that_buyers_find_in_two_languages(new_page, tmp_path):
    supplier, owner = make_supplier()
    page = new_page()
    sign_in(page, owner.email)

    # My products, empty, then "New product": search the category and pick it.
    page.click("nav.sidebar a:has-text('Products')")
    page.wait_for_url("**/workspace/products/")
    assert "You have not listed any product yet." in page.inner_text("main")
    page.click("main a:has-text('New product')")
    page.fill("#category-q", "LED strip")
    result = page.locator("#category-results a[href*='category=led-strip-lights']")
    result.wait_for()
    assert "Lights & Lighting" in page.inner_text("#category-results")
    shot(page, "catalog-new-search")
    assert_accessible(page, "category picker")
    result.click()
    page.wait_for_url("**category=led-strip-lights")
    page.fill("input[name=title]", TITLE)
    assert page.inner_text("#title-count") == f"{len(TITLE)} / 128"
    page.click("main form button[type=submit]")
    page.wait_for_url("**/edit/")
    product = Product.objects.get(company=supplier)
    problems = page.inner_text("#problems")
    assert "Add at least one product photo." in problems and "Input voltage" in problems

    # Fill the sections and save.
    page.fill("input[name=keyword_1]", "LED strip")
    page.fill("input[name=keyword_2]", "RGB tape light")
    page.select_option("select[name=attr_voltage]", "12V")
    page.fill("input[name=attr_leds_per_metre]", "60")
    page.select_option("select[name=attr_led_package]", "5050")
    page.select_option("select[name=attr_light_colour]", "rgb")
    page.select_option("select[name=attr_ip_rating]", "IP65")
    page.check("input[name=attr_certifications][value=CE]")
    page.check("input[name=attr_certifications][value=RoHS]")
    page.fill("input[name=custom_name_0]", "Warranty")
    page.fill("input[name=custom_value_0]", "3 years")
    page.fill(
        "textarea[name=description]",
        "<h3>Bright and flexible</h3><p>Cut every 3 LEDs; 3M adhesive back.</p>"
        "<script>alert('x')</script>",
    )
    page.fill("input[name=price_min]", "1.20")
    page.fill("input[name=price_max]", "3.50")
    page.select_option("select[name=unit]", "MTR")
    page.fill("input[name=moq]", "500")
    page.fill("input[name=supply_quantity]", "50000")
    page.fill("input[name=lt_up_to_0]", "1000")
    page.fill("input[name=lt_days_0]", "15")
    page.fill("input[name=lt_up_to_1]", "10000")
    page.fill("input[name=lt_days_1]", "25")
    ningbo = Port.objects.get(locode="CNNGB")
    page.select_option("select[name=port_of_loading]", str(ningbo.pk))
    page.check("input[name=incoterms][value=FOB]")
    page.check("input[name=incoterms][value=CIF]")
    page.check("input[name=payment_methods][value=TT]")
    page.check("input[name=payment_methods][value=LC]")
    page.fill(
        "textarea[name=packaging]", "5 m per reel in an anti-static bag, 100 reels per carton"
    )
    page.fill("input[name=hs_code]", "9405.42")
    page.select_option("select[name=origin_country]", "CN")
    page.fill("input[name=certifications]", "CE, RoHS")
    page.check("input[name=sample_available]")
    page.fill("input[name=sample_price]", "5")
    page.check("input[name=oem]")
    page.click("button[name=intent][value=save]")
    page.wait_for_load_state()
    assert page.locator(".error").count() == 0, page.inner_text("main")
    assert "Saved." in page.inner_text(".messages")
    problems = page.inner_text("#problems")
    assert "Add at least one product photo." in problems and "Input voltage" not in problems

    # Two photos through htmx: the to-do list empties without a reload.
    photos = [
        product_photo(tmp_path / "strip-rgb.png", "#d33", "RGB 5050"),
        product_photo(tmp_path / "strip-reel.png", "#36c", "5 m reel"),
    ]
    page.set_input_files("#id_image", photos)
    page.click("#images button:has-text('Upload')")
    page.locator("#images p.ok").wait_for()
    assert "2 photos added." in page.inner_text("#images")
    assert page.locator("#images .img-tile").count() == 2
    assert "Add at least one product photo." not in page.inner_text("#problems")
    assert "you can submit this listing" in page.inner_text("#problems")
    # The quality score and its advice sit at the top of the editor.
    assert "Listing quality" in page.inner_text("#quality summary")
    page.click("#quality summary")
    assert "Advice" in page.inner_text("#quality")
    shot(page, "catalog-editor")
    assert_accessible(page, "editor")

    # A Spanish version.
    page.click("nav.tabs a:has-text('Translations')")
    page.click("a[href='?language=es#translation-form']")
    page.fill("#translation-form input[name=title]", SPANISH)
    page.fill("#translation-form input[name=keyword_1]", "tira LED")
    page.fill(
        "#translation-form textarea[name=description]", "<p>Corte cada 3 LED; adhesivo 3M.</p>"
    )
    shot(page, "catalog-translation-form")
    assert_accessible(page, "translation form")
    page.click("#translation-form button[type=submit]")
    page.wait_for_load_state()
    assert SPANISH in page.inner_text("table.translations")
    shot(page, "catalog-translations")

    # Submit for review; the operator approves it.
    page.click("nav.tabs a:has-text('Listing')")
    page.click("button[name=intent][value=submit]")
    page.wait_for_load_state()
    assert "Submitted for review" in page.inner_text(".messages")
    product.refresh_from_db()
    assert product.status == ListingStatus.PENDING
    assert (
        "<script>" not in product.description
        and "<h3>Bright and flexible</h3>" in product.description
    )
    # The operator sees its quality score in the queue and approves it on the review page.
    reviewer = listing_reviewer()
    ops = new_page()
    ops.goto("/accounts/login/")
    ops.fill("input[name=login]", reviewer.email)
    ops.fill("input[name=password]", PASSWORD)
    ops.click("main form button[type=submit]")
    ops.wait_for_load_state()
    ops.goto("/ops/listings/")
    assert TITLE[:30] in ops.inner_text("main")
    ops.click(f"a:has-text('{TITLE[:30]}')")
    ops.wait_for_url(f"**/ops/listings/{product.pk}/")
    shot(ops, "catalog-review")
    ops.click("form:has(input[name=decision][value=approve]) button[type=submit]")
    ops.wait_for_load_state()
    product.refresh_from_db()
    assert product.status == ListingStatus.LIVE and product.published["title"] == TITLE
    page.goto("/workspace/products/")
    assert "Live" in page.inner_text("table.listings")
    shot(page, "catalog-my-products")
    assert_accessible(page, "my products")

    # A visitor finds it in the showroom, in English.
    visitor = new_page()
    visitor.goto(f"/companies/{supplier.slug}/products/")
    assert TITLE in visitor.inner_text("main")
    assert "USD 1.20 – 3.50" in visitor.inner_text("main")
    shot(visitor, "catalog-showroom-en")
    assert_accessible(visitor, "showroom")
    visitor.click(f"a.product-card-link:has-text('{TITLE[:30]}')")
    visitor.wait_for_url(f"**{product.get_absolute_url()}")
    main_text = visitor.inner_text("main")
    for text in ("FOB Ningbo", "T/T", "500 metres", "Input voltage", "12 V DC", "Warranty"):
        assert text in main_text, text
    first_src = visitor.get_attribute("#gallery-main", "src")
    visitor.click(".gallery-thumbs li:nth-child(2) a")
    assert visitor.get_attribute("#gallery-main", "src") != first_src
    assert "/photos/1/full/" in visitor.get_attribute("#gallery-main", "src")
    shot(visitor, "catalog-product-en")
    assert_accessible(visitor, "product page")

    # The same pages in Chinese, through the language selector.
    switch_language(visitor, "zh-hans")
    assert visitor.locator("html").get_attribute("lang") == "zh-hans"
    main_text = visitor.inner_text("main")
    assert "输入电压" in main_text and "12V 直流" in main_text
    shot(visitor, "catalog-product-zh")
    visitor.goto(f"/companies/{supplier.slug}/products/")
    assert visitor.locator("html").get_attribute("lang") == "zh-hans"
    assert "供应商" in visitor.inner_text("header") and TITLE in visitor.inner_text("main")
    shot(visitor, "catalog-showroom-zh")

    # The Spanish version is one hreflang alternate away.
    visitor.goto(product.get_absolute_url() + "?hl=es")
    assert SPANISH in visitor.inner_text("h1")
    # Choosing a language in the selector leaves the pinned ?hl= behind.
    switch_language(visitor, "en")
    assert "hl=" not in visitor.url and TITLE in visitor.inner_text("h1")

    # The company page previews the products and links to the showroom.
    visitor.goto(supplier.get_absolute_url())
    visitor.locator(".company-products .product-card").first.wait_for()
    assert TITLE in visitor.inner_text(".company-products")


def test_a_password_group_hides_products_from_a_buyer_until_the_password_is_entered(new_page):
    supplier, owner = make_supplier("Shenzhen Novalux Optoelectronics Co., Ltd.")
    reviewer = listing_reviewer()
    product = ls.listing_create(
        membership=Membership.objects.get(user=owner),
        category=strip_category(),
        title="Prototype COB strip 24V, 480 chips/m, dotless",
        price_min="4.80",
        price_max="6.20",
        moq=200,
        attributes=valid_strip_attributes(),
    )
    from hansa.core.tests import files

    ls.listing_add_image(product=product, by=owner, upload=files.png(600, 600))
    ls.listing_submit(product=product, by=owner)
    ls.listing_approve(product=product, by=reviewer)
    buyer = MembershipFactory(company=BuyerCompanyFactory(), role=Role.OWNER).user

    # The supplier creates a protected group and puts the product in it.
    supplier_page = new_page()
    sign_in(supplier_page, owner.email)
    supplier_page.click("nav.sidebar a:has-text('Showroom groups')")
    supplier_page.fill("input[name=name]", "Unreleased 2027 range")
    supplier_page.fill("input[name=password]", "novalux-2027")
    supplier_page.click("main form.card button[type=submit]")
    supplier_page.wait_for_load_state()
    assert "Protected" in supplier_page.inner_text("table.groups-table")
    group = ProductGroup.objects.get(company=supplier)
    supplier_page.goto(f"/workspace/products/{product.pk}/edit/")
    supplier_page.select_option("select[name=group]", str(group.pk))
    supplier_page.click("button[name=intent][value=save]")
    supplier_page.wait_for_load_state()
    assert Product.objects.get(pk=product.pk).group == group
    supplier_page.goto("/workspace/products/groups/")
    shot(supplier_page, "catalog-groups")
    assert_accessible(supplier_page, "showroom groups")

    # The buyer sees a lock, not the product.
    buyer_page = new_page()
    sign_in(buyer_page, buyer.email)
    showroom = f"/companies/{supplier.slug}/products/"
    buyer_page.goto(showroom)
    assert "Prototype COB strip" not in buyer_page.content()
    assert "Unreleased 2027 range" in buyer_page.inner_text(".locked-groups")
    shot(buyer_page, "catalog-showroom-locked")
    assert_accessible(buyer_page, "locked showroom")
    buyer_page.goto(product.get_absolute_url())
    assert "Prototype COB strip" not in buyer_page.content()
    shot(buyer_page, "catalog-product-locked")
    assert_accessible(buyer_page, "locked product")

    # A wrong password is refused; the right one opens the group.
    buyer_page.goto(showroom)
    buyer_page.fill(".lock-card input[name=password]", "guess-1234")
    buyer_page.click(".lock-card button[type=submit]")
    buyer_page.wait_for_load_state()
    assert "That password is not right." in buyer_page.inner_text(".messages")
    buyer_page.fill(".lock-card input[name=password]", "novalux-2027")
    buyer_page.click(".lock-card button[type=submit]")
    buyer_page.wait_for_load_state()
    assert "Prototype COB strip" in buyer_page.inner_text("main")
    shot(buyer_page, "catalog-showroom-unlocked")
    buyer_page.click("a.product-card-link")
    assert "Prototype COB strip 24V" in buyer_page.inner_text("h1")

    # A new password locks the buyer out again.
    supplier_page.click("summary:has-text('Change password')")
    supplier_page.fill("#password-" + str(group.pk), "novalux-2027-b")
    supplier_page.once("dialog", lambda dialog: dialog.accept())
    supplier_page.click(f"#group-{group.pk} button:has-text('Set password')")
    supplier_page.wait_for_load_state()
    buyer_page.goto(showroom)
    assert "Prototype COB strip" not in buyer_page.content()
    assert "Unreleased 2027 range" in buyer_page.inner_text(".locked-groups")
