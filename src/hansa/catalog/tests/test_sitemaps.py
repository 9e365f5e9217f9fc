from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from hansa.catalog import groups
from hansa.catalog import listing_services as ls
from hansa.catalog.models import Product
from hansa.catalog.sitemaps import _Entries, localized_path
from hansa.catalog.tests.factories import strip_category, valid_strip_attributes
from hansa.companies.models import Company, Membership
from hansa.companies.tests.factories import BuyerCompanyFactory, UserFactory
from hansa.core.tests import files

pytestmark = pytest.mark.django_db
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
HOST = "http://testserver"


@pytest.fixture
def listing_reviewer(db):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="review_listing"))
    return user


def listing(owner, title: str, *, image: bool = True) -> Product:
    product = ls.listing_create(
        membership=Membership.objects.get(user=owner),
        category=strip_category(),
        title=title,
        price_min="1.20",
        moq=100,
        attributes=valid_strip_attributes(),
    )
    if image:
        ls.listing_add_image(product=product, by=owner, upload=files.png(800, 800))
    return product


def live(owner, reviewer, title: str) -> Product:
    product = listing(owner, title)
    ls.listing_submit(product=product, by=owner)
    ls.listing_approve(product=product, by=reviewer)
    product.refresh_from_db()
    return product


def urls_of(xml: bytes) -> dict[str, dict[str, str]]:
    """{loc: {hreflang: href}} of a <urlset>."""
    root = ET.fromstring(xml)
    out = {}
    for url in root.findall("sm:url", NS):
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", NS)
            if link.get("rel") == "alternate"
        }
        out[url.find("sm:loc", NS).text] = alternates
    return out


@pytest.fixture
def catalogue(supplier, owner, listing_reviewer):
    """A live listing and one of every kind that must stay out of the sitemaps."""
    shown = listing(owner, "Flexible LED strip light 5050 RGB 12V")
    ls.listing_set_translation(
        product=shown, by=owner, language="zh-hans", title="柔性LED灯带 5050 RGB 12V"
    )
    ls.listing_set_translation(
        product=shown, by=owner, language="es", title="Tira de luces LED 5050 RGB"
    )
    ls.listing_submit(product=shown, by=owner)
    ls.listing_approve(product=shown, by=listing_reviewer)
    edited = live(owner, listing_reviewer, "LED strip light 2835 warm white 24V")
    ls.listing_update(product=edited, by=owner, title="LED strip light 2835 neutral white 24V")
    hidden = {"draft": listing(owner, "Draft LED strip light not yet submitted", image=False)}
    pending = listing(owner, "Pending LED strip light waiting for review")
    ls.listing_submit(product=pending, by=owner)
    hidden["pending"] = pending
    rejected = listing(owner, "Rejected LED strip light with a bad photo")
    ls.listing_submit(product=rejected, by=owner)
    ls.listing_reject(product=rejected, by=listing_reviewer, reasons={"images": "Blurred"})
    hidden["rejected"] = rejected
    offline = live(owner, listing_reviewer, "Offline LED strip light 3528 single colour")
    ls.listing_take_offline(product=offline, by=owner)
    hidden["offline"] = offline
    archived = live(owner, listing_reviewer, "Archived LED strip light COB 24V")
    ls.listing_archive(product=archived, by=owner)
    hidden["archived"] = archived
    protected = live(owner, listing_reviewer, "Unreleased LED strip light for 2027")
    group = groups.group_create(company=supplier, name="New 2027 range", password="sesame-2027")
    Product.objects.filter(pk=protected.pk).update(group=group)
    hidden["protected"] = protected
    ids = [p.pk for p in hidden.values()]
    assert set(Product.objects.filter(pk__in=ids).values_list("status", flat=True)) == {
        "draft",
        "pending",
        "rejected",
        "offline",
        "archived",
        "live",
    }
    return shown, edited, hidden


def test_the_index_lists_one_sitemap_per_language():
    response = Client().get("/sitemap.xml")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    locations = [s.find("sm:loc", NS).text for s in root.findall("sm:sitemap", NS)]
    assert locations == [f"{HOST}/sitemap-en.xml", f"{HOST}/sitemap-zh-hans.xml"]
    assert Client().get("/sitemap-fr.xml").status_code == 404


def test_a_live_listing_is_in_both_language_sitemaps_with_alternates(catalogue, supplier):
    shown, edited, _hidden = catalogue
    path = f"{HOST}/products/{shown.slug}/"
    english = urls_of(Client().get("/sitemap-en.xml").content)
    chinese = urls_of(Client().get("/sitemap-zh-hans.xml").content)
    # The same alternates the product page prints: each version of the listing, and x-default.
    alternates = {
        "en": f"{path}?hl=en",
        "zh-hans": f"{path}?hl=zh-hans",
        "es": f"{path}?hl=es",
        "x-default": path,
    }
    assert english[f"{path}?hl=en"] == alternates
    assert chinese[f"{path}?hl=zh-hans"] == alternates
    # A listing in English only is in the English sitemap, at its plain address.
    assert english[f"{HOST}/products/{edited.slug}/"] == {}
    assert not any(edited.slug in loc for loc in chinese)
    company = f"{HOST}/companies/{supplier.slug}/"
    company_alternates = {"en": company, "zh-hans": f"{company}?hl=zh-hans", "x-default": company}
    assert english[company] == chinese[f"{company}?hl=zh-hans"] == company_alternates


def test_the_product_page_prints_the_same_alternates(catalogue):
    shown, _edited, _hidden = catalogue
    page = Client().get(f"/products/{shown.slug}/").content.decode()
    sitemap = urls_of(Client().get("/sitemap-en.xml").content)
    for code, href in sitemap[f"{HOST}/products/{shown.slug}/?hl=en"].items():
        assert f'hreflang="{code}" href="{href}"' in page, code


def test_unpublished_and_protected_listings_never_appear(catalogue):
    _shown, _edited, hidden = catalogue
    for url in ("/sitemap-en.xml", "/sitemap-zh-hans.xml"):
        body = Client().get(url).content.decode()
        for kind, product in hidden.items():
            assert product.slug not in body, kind


def test_inactive_companies_and_their_listings_are_left_out(catalogue, supplier):
    shown, _edited, _hidden = catalogue
    buyer = BuyerCompanyFactory()
    Company.objects.filter(pk=supplier.pk).update(is_active=False)
    body = Client().get("/sitemap-en.xml").content.decode()
    assert shown.slug not in body and f"/companies/{supplier.slug}/" not in body
    assert f"/companies/{buyer.slug}/" in body


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_private_areas():
    response = Client().get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for area in ("/workspace/", "/ops/", "/admin/", "/api/"):
        assert f"Disallow: {area}" in lines
    assert f"Sitemap: {HOST}/sitemap.xml" in lines
    assert not any(line == "Disallow: /" for line in lines)


def test_large_catalogues_are_read_in_pages(supplier, owner, listing_reviewer):
    for n in range(3):
        live(owner, listing_reviewer, f"Flexible LED strip light model {n:02d}")
    entries = _Entries(Company.objects.filter(is_active=True), Product.objects.order_by("pk"))
    assert len(entries) == 1 + 3
    assert entries[0].path == f"/companies/{supplier.slug}/"
    assert [e.path for e in entries[1:3]] == [
        f"/products/{p.slug}/" for p in Product.objects.order_by("pk")[:2]
    ]
    assert entries[3].path.startswith("/products/")
    with pytest.raises(IndexError):
        entries[4]


def test_language_addresses():
    assert localized_path("/products/x/", "en") == "/products/x/?hl=en"
    assert localized_path("/products/x/?p=2", "zh-hans") == "/products/x/?p=2&hl=zh-hans"


def test_the_index_lists_every_page_of_a_large_sitemap(monkeypatch, catalogue):
    from hansa.catalog.sitemaps import LanguageSitemap

    monkeypatch.setattr(LanguageSitemap, "limit", 2)  # company + 2 listings in English: 2 pages
    root = ET.fromstring(Client().get("/sitemap.xml").content)
    locations = [s.find("sm:loc", NS).text for s in root.findall("sm:sitemap", NS)]
    # In Chinese: the company and the one listing with a Chinese version, one page.
    assert locations == [
        f"{HOST}/sitemap-en.xml",
        f"{HOST}/sitemap-en.xml?p=2",
        f"{HOST}/sitemap-zh-hans.xml",
    ]
    first = urls_of(Client().get("/sitemap-en.xml").content)
    second = urls_of(Client().get("/sitemap-en.xml?p=2").content)
    assert len(first) == 2 and len(second) == 1 and not set(first) & set(second)
    assert Client().get("/sitemap-en.xml?p=3").status_code == 404
