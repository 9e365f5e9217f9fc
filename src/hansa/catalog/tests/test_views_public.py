"""Public product pages and showrooms: built from the approved snapshot only, in the visitor's
language, and never showing a password-protected product to someone who was not let in."""

from __future__ import annotations

import json
import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from hansa.catalog import groups as group_services
from hansa.catalog import listing_services as ls
from hansa.catalog.models import ListingStatus, Product
from hansa.catalog.tests.factories import strip_category, valid_strip_attributes
from hansa.companies.models import Membership
from hansa.companies.tests.factories import MembershipFactory, UserFactory
from hansa.conftest import client_for
from hansa.core.tests import files
from hansa.trade.models import Port

pytestmark = pytest.mark.django_db
S = ListingStatus
TITLE = "Flexible LED strip light 5050 RGB 12V"


@pytest.fixture
def listing_reviewer(db):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="review_listing"))
    return user


@pytest.fixture
def verified_supplier(supplier):
    supplier.verification_status = "verified"
    supplier.star_rating = 3
    supplier.year_established = 2009
    supplier.save()
    return supplier


def publish(user, reviewer, title=TITLE, images=1, **fields):
    membership = Membership.objects.get(user=user)
    values = {
        "price_min": "1.20",
        "price_max": "3.50",
        "moq": 100,
        "attributes": valid_strip_attributes(),
        **fields,
    }
    product = ls.listing_create(
        membership=membership, category=strip_category(), title=title, **values
    )
    for n in range(images):
        ls.listing_add_image(product=product, by=user, upload=files.png(300 + n, 300))
    ls.listing_submit(product=product, by=user)
    ls.listing_approve(product=product, by=reviewer)
    return Product.objects.get(pk=product.pk)


@pytest.fixture
def live(verified_supplier, owner, listing_reviewer):
    return publish(owner, listing_reviewer)


@pytest.fixture
def secret_group(supplier):
    return group_services.group_create(company=supplier, name="Prototypes", password="open-sesame")


@pytest.fixture
def secret(owner, listing_reviewer, secret_group):
    product = publish(owner, listing_reviewer, title="Secret prototype COB strip 24V")
    ls.listing_update(product=product, by=owner, group=secret_group)
    ls.listing_approve(product=product, by=listing_reviewer)
    return Product.objects.get(pk=product.pk)


def page(client, url, **headers):
    response = client.get(url, **headers)
    return response, response.content.decode()


# --- The product page ----------------------------------------------------------------------


def test_the_page_shows_the_approved_version_while_an_edit_waits(live, owner):
    ls.listing_update(
        product=live,
        by=owner,
        title="Flexible LED strip light 5050 RGBW 24V new",
        description="<p>Unapproved words</p>",
    )
    assert Product.objects.get(pk=live.pk).status == S.EDITED
    response, html = page(client_for(None), live.get_absolute_url())
    assert response.status_code == 200
    assert TITLE in html and "RGBW 24V new" not in html and "Unapproved words" not in html


def test_the_page_shows_trade_information_attributes_and_the_supplier(
    verified_supplier, owner, listing_reviewer
):
    ningbo = Port.objects.get(locode="CNNGB")
    attributes = {**valid_strip_attributes(), "chip_model": "Epistar 5050", "waterproof": True}
    product = publish(
        owner,
        listing_reviewer,
        images=2,
        attributes=attributes,
        custom_attributes=[{"name": "Warranty", "value": "3 years"}],
        description="<p>Bright strip.</p><script>alert(1)</script>",
        port_of_loading=ningbo,
        incoterms=["FOB", "CIF", "EXW"],
        payment_methods=["TT", "LC"],
        lead_times=[{"up_to": 1000, "days": 15}, {"up_to": 5000, "days": 25}],
        supply_quantity="50000",
        supply_period="month",
        packaging="5 m per reel, 100 reels per carton",
        hs_code="940542",
        origin_country="CN",
        certifications=["CE", "RoHS"],
        sample_available=True,
        sample_price="5",
        oem=True,
        ready_to_ship=True,
        stock="3000",
        weight_kg="0.25",
        length_cm="10",
        width_cm="10",
        height_cm="2",
    )
    response, html = page(client_for(None), product.get_absolute_url())
    assert response.status_code == 200
    for text in (
        "USD 1.20 – 3.50",
        "/ piece",
        "100 pieces",
        '<abbr title="Free On Board">FOB</abbr> Ningbo',
        "FOB Ningbo</strong> – Free On Board",
        "CIF</strong> – Cost, Insurance and Freight",
        "Ningbo (CNNGB)",
        '<abbr title="Telegraphic transfer (T/T) in advance">T/T</abbr>',
        "Letter of credit (L/C)",
        "1 – 1,000",
        "1,001 – 5,000",
        "&gt; 5,000",
        "To be negotiated",
        "50,000 pieces per month",
        "5 m per reel, 100 reels per carton",
        "940542",
        "China",
        "USD 5.00",
        "OEM: Yes · ODM: No",
        "Input voltage",
        "Epistar 5050",
        "Warranty",
        "3 years",
        "3,000 pieces in stock",
        "10 × 10 × 2 cm",
        "<li>CE</li>",
        "<p>Bright strip.</p>",
        verified_supplier.name,
        "Verified supplier",
        "★★★",
        reverse("catalog:showroom", args=[verified_supplier.slug]),
        "Contact supplier",
        "Add to compare",
        f'<link rel="canonical" href="http://testserver{product.get_absolute_url()}">',
        "application/ld+json",
        reverse("catalog:product_photo", args=[product.slug, 1, "thumb"]),
        "data-gallery-thumb",
    ):
        assert text in html, text
    assert "alert(1)" not in html
    assert f"/inquiries/new/%3Fproduct%3D{product.pk}" in html  # sign in, then the inquiry form
    # The waterproof yes/no and the voltage choice use their labels, not the stored values.
    voltage = strip_category().attributes.get(code="voltage")
    assert voltage.choices[0]["en"] in html
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["name"] == TITLE
    assert data["image"][0].startswith("http://testserver/products/")
    assert data["offers"]["lowPrice"] == "1.2"


def test_a_tier_table_and_a_negotiable_price(verified_supplier, owner, listing_reviewer):
    tiered = publish(owner, listing_reviewer, title="LED strip with tier prices 2835")
    ls.listing_set_tiers(product=tiered, by=owner, tiers=[(100, "2.00"), (1000, "1.50")])
    ls.listing_approve(product=tiered, by=listing_reviewer)
    _r, html = page(client_for(None), tiered.get_absolute_url())
    assert "100 – 999" in html and "≥ 1,000" in html and "USD 1.50" in html
    negotiable = publish(
        owner, listing_reviewer, title="LED strip with a price to agree", price_kind="negotiable"
    )
    _r, html = page(client_for(None), negotiable.get_absolute_url())
    assert "Negotiable" in html and "Ask the supplier for a quotation." in html


def test_in_chinese_the_page_shows_chinese_labels_and_the_chinese_version(
    live, owner, listing_reviewer
):
    ls.listing_set_translation(
        product=live, by=owner, language="zh-hans", title="柔性LED灯带5050 RGB 12V 防水款"
    )
    ls.listing_set_translation(
        product=live, by=owner, language="es", title="Tira de luces LED flexible 5050 RGB"
    )
    ls.listing_approve(product=live, by=listing_reviewer)
    voltage = strip_category().attributes.get(code="voltage")
    chosen = next(c for c in voltage.choices if c["value"] == valid_strip_attributes()["voltage"])
    for headers, url in (
        ({"HTTP_ACCEPT_LANGUAGE": "zh-hans"}, live.get_absolute_url()),
        ({}, live.get_absolute_url() + "?hl=zh-hans"),
    ):
        _response, html = page(client_for(None), url, **headers)
        assert '<html lang="zh-hans">' in html
        assert "柔性LED灯带5050 RGB 12V 防水款" in html and TITLE not in html
        assert "输入电压" in html and chosen["zh"] in html
    # Spanish content is shown for ?hl=es even though the interface has no Spanish.
    _r, html = page(client_for(None), live.get_absolute_url() + "?hl=es")
    assert "Tira de luces LED flexible 5050 RGB" in html and 'lang="es"' in html
    # Alternates for every version, and a canonical per language.
    _r, html = page(client_for(None), live.get_absolute_url())
    base = f"http://testserver{live.get_absolute_url()}"
    for code in ("en", "zh-hans", "es"):
        assert f'<link rel="alternate" hreflang="{code}" href="{base}?hl={code}">' in html
    assert f'<link rel="alternate" hreflang="x-default" href="{base}">' in html
    assert 'hreflang="fr"' not in html
    _r, html = page(client_for(None), live.get_absolute_url() + "?hl=es")
    assert f'<link rel="canonical" href="{base}?hl=es">' in html


@pytest.mark.parametrize("status", [S.DRAFT, S.PENDING, S.REJECTED, S.OFFLINE, S.ARCHIVED])
def test_listings_that_are_not_online_are_not_found(supplier, owner, status, listing_reviewer):
    product = publish(owner, listing_reviewer) if status in (S.OFFLINE, S.ARCHIVED) else None
    if product is None:
        product = ls.listing_create(
            membership=Membership.objects.get(user=owner),
            category=strip_category(),
            title="LED strip never approved",
        )
    Product.objects.filter(pk=product.pk).update(status=status)
    for user in (None, owner):
        assert client_for(user).get(product.get_absolute_url()).status_code == 404
        url = reverse("catalog:product_photo", args=[product.slug, 0, "full"])
        assert client_for(user).get(url).status_code == 404


def test_a_deactivated_supplier_s_products_are_not_found(live, supplier):
    supplier.is_active = False
    supplier.save()
    assert client_for(None).get(live.get_absolute_url()).status_code == 404


def test_photos_are_served_from_the_approved_version(live):
    client = client_for(None)
    full = client.get(reverse("catalog:product_photo", args=[live.slug, 0, "full"]))
    assert full.status_code == 200 and full["Content-Type"] == "image/png"
    assert full["X-Content-Type-Options"] == "nosniff" and "public" in full["Cache-Control"]
    assert (
        client.get(reverse("catalog:product_photo", args=[live.slug, 1, "full"])).status_code == 404
    )
    assert (
        client.get(reverse("catalog:product_photo", args=[live.slug, 0, "huge"])).status_code == 404
    )


def test_a_buyer_on_a_product_page_keeps_their_own_header_and_can_contact(live, buyer):
    """The supplier on the page must not take the place of the visitor's own company."""
    html = client_for(buyer).get(live.get_absolute_url()).content.decode()
    assert "Buyer centre" in html and "Supplier centre" not in html
    assert "Contact supplier" in html and "Chat now" in html


# --- Password-protected groups -------------------------------------------------------------


def test_a_protected_product_is_never_shown_without_the_password(secret, buyer, supplier):
    photo = reverse("catalog:product_photo", args=[secret.slug, 0, "full"])
    response, html = page(client_for(None), secret.get_absolute_url())
    assert response.status_code == 403
    assert "Sign in to enter the password" in html and "noindex" in html
    assert "Secret prototype" not in html and "/photos/" not in html
    assert client_for(None).get(photo).status_code == 404
    response, html = page(client_for(buyer), secret.get_absolute_url())
    assert response.status_code == 403 and 'name="password"' in html
    assert "Secret prototype" not in html and "/photos/" not in html
    assert client_for(buyer).get(photo).status_code == 404
    # The supplier's own members see it.
    member = MembershipFactory(company=supplier, role="admin").user
    assert client_for(member).get(secret.get_absolute_url()).status_code == 200


def test_the_password_unlocks_the_product_until_the_supplier_changes_it(
    secret, secret_group, buyer
):
    client = client_for(buyer)
    unlock = reverse("catalog:group_unlock", args=[secret.company.slug, secret_group.pk])
    response = client.post(
        unlock, {"password": "wrong-guess", "next": secret.get_absolute_url()}, follow=True
    )
    assert "That password is not right." in response.content.decode()
    assert "Secret prototype" not in response.content.decode()
    response = client.post(
        unlock, {"password": "open-sesame", "next": secret.get_absolute_url()}, follow=True
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Secret prototype COB strip 24V" in html
    assert "Private group" in html
    photo = client.get(reverse("catalog:product_photo", args=[secret.slug, 0, "full"]))
    assert photo.status_code == 200 and "private" in photo["Cache-Control"]
    group_services.group_set_password(group=secret_group, password="changed-pass-2")
    response, html = page(client, secret.get_absolute_url())
    assert response.status_code == 403 and "Secret prototype" not in html


def test_wrong_passwords_are_throttled(secret, secret_group, buyer):
    client = client_for(buyer)
    unlock = reverse("catalog:group_unlock", args=[secret.company.slug, secret_group.pk])
    for _ in range(group_services.MAX_GUESSES):
        client.post(unlock, {"password": "nope-nope"})
    response = client.post(unlock, {"password": "open-sesame"}, follow=True)
    assert "Too many wrong passwords" in response.content.decode()
    assert "Secret prototype" not in response.content.decode()


def test_unlocking_needs_a_signed_in_user_and_a_group_of_that_company(
    secret, secret_group, other_owner
):
    unlock = reverse("catalog:group_unlock", args=[secret.company.slug, secret_group.pk])
    response = client_for(None).post(unlock, {"password": "open-sesame"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    other_company = Membership.objects.get(user=other_owner).company
    wrong = reverse("catalog:group_unlock", args=[other_company.slug, secret_group.pk])
    assert client_for(other_owner).post(wrong, {"password": "open-sesame"}).status_code == 404
    assert client_for(other_owner).get(unlock).status_code == 405


# --- Showroom ------------------------------------------------------------------------------


def test_the_showroom_groups_products_and_hides_protected_ones(
    live, secret, secret_group, buyer, owner, listing_reviewer, supplier
):
    public_group = group_services.group_create(company=supplier, name="Flexible strips")
    ls.listing_update(product=live, by=owner, group=public_group)
    draft = ls.listing_create(
        membership=Membership.objects.get(user=owner),
        category=strip_category(),
        title="Draft strip not yet approved",
    )
    url = reverse("catalog:showroom", args=[supplier.slug])
    for user in (None, buyer):
        response, html = page(client_for(user), url)
        assert response.status_code == 200
        assert TITLE in html and "Flexible strips" in html
        assert "Secret prototype" not in html and draft.title not in html
        assert "Prototypes" in html and "Private groups" in html
        assert secret.get_absolute_url() not in html
    _r, html = page(client_for(None), url)
    assert "Sign in to enter the password" in html
    _r, html = page(client_for(buyer), url)
    assert reverse("catalog:group_unlock", args=[supplier.slug, secret_group.pk]) in html
    # A locked group cannot be opened by its address.
    assert client_for(buyer).get(url, {"group": secret_group.slug}).status_code == 404
    response = client_for(buyer).post(
        reverse("catalog:group_unlock", args=[supplier.slug, secret_group.pk]),
        {"password": "open-sesame"},
        follow=True,
    )
    html = response.content.decode()
    assert "Secret prototype COB strip 24V" in html and TITLE not in html  # only that group
    _r, html = page(client_for(buyer), url)
    assert "Secret prototype COB strip 24V" in html and TITLE in html
    group_services.group_set_password(group=secret_group, password="changed-pass-2")
    _r, html = page(client_for(buyer), url)
    assert "Secret prototype" not in html and "Private groups" in html


def test_the_showroom_pages_and_filters_by_group(verified_supplier, owner, listing_reviewer):
    group = group_services.group_create(company=verified_supplier, name="Neon flex")
    first = None
    for n in range(26):
        product = publish(owner, listing_reviewer, title=f"LED neon flex tube model {n:02d}")
        first = first or product
    ls.listing_update(product=first, by=owner, group=group)
    url = reverse("catalog:showroom", args=[verified_supplier.slug])
    _r, html = page(client_for(None), url)
    assert "Page 1 of 2" in html and "Other products" in html
    _r, html = page(client_for(None), url + "?group=neon-flex")
    assert first.title in html and "model 01" not in html
    assert client_for(None).get(url + "?group=nope").status_code == 404
    assert (
        client_for(None).get(reverse("catalog:showroom", args=["no-such-company"])).status_code
        == 404
    )


def test_the_company_page_links_to_the_showroom_and_previews_products(live, secret, supplier):
    _r, html = page(client_for(None), supplier.get_absolute_url())
    assert reverse("catalog:showroom", args=[supplier.slug]) in html
    assert reverse("catalog:showroom_preview", args=[supplier.slug]) in html
    _r, html = page(
        client_for(None),
        reverse("catalog:showroom_preview", args=[supplier.slug]),
        HTTP_HX_REQUEST="true",
    )
    assert TITLE in html and "Secret prototype" not in html and "See the product" in html


# --- Query budgets -------------------------------------------------------------------------


def test_the_product_page_needs_a_bounded_number_of_queries(
    live, owner, listing_reviewer, buyer, django_assert_max_num_queries
):
    ls.listing_set_translation(product=live, by=owner, language="es", title="Tira LED flexible RGB")
    ls.listing_update(product=live, by=owner, port_of_loading=Port.objects.get(locode="CNNGB"))
    ls.listing_approve(product=live, by=listing_reviewer)
    for user in (None, buyer):
        client = client_for(user)
        with django_assert_max_num_queries(15):
            assert client.get(live.get_absolute_url()).status_code == 200


def test_the_showroom_needs_a_bounded_number_of_queries(
    verified_supplier, owner, listing_reviewer, secret, buyer, django_assert_max_num_queries
):
    for n in range(12):
        publish(owner, listing_reviewer, title=f"LED strip light catalogue item {n:02d}")
    url = reverse("catalog:showroom", args=[verified_supplier.slug])
    for user in (None, buyer):
        client = client_for(user)
        with django_assert_max_num_queries(15):
            assert client.get(url).status_code == 200
