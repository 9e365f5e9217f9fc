"""Search in a real browser, the search issue's "done when":

a buyer searches in Spanish and in Chinese, narrows by facets, saves the search and compares four
products from different suppliers; a supplier sees why its product ranks 11th and improves it.

The catalogue is engineered so that every "solar panel" listing matches the words equally (same
title length, the words only in the title): the order is then the ranking multiplier's alone.
Six listings of verified suppliers lead, four well-kept listings of unverified suppliers follow,
the supplier under test comes 11th with a thin listing, and nine stale, poor listings trail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from hansa.alerts.models import SavedSearch
from hansa.catalog import listing_services as ls
from hansa.catalog.models import Category, ListingStatus, Product
from hansa.catalog.tests.factories import LiveProductFactory
from hansa.companies.models import Company, Membership
from hansa.companies.roles import Role
from hansa.companies.tests.factories import (
    BuyerCompanyFactory,
    MembershipFactory,
    SupplierCompanyFactory,
)
from hansa.core.tests import files
from hansa.search import indexer
from hansa.trade.models import Port
from tests.browser.test_catalog import (
    assert_accessible,
    listing_reviewer,
    product_photo,
    shot,
    sign_in,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SPANISH_QUERY = "panel solar monocristalino"
CHINESE_QUERY = "太阳能"
QUERY = "solar panel"


@pytest.fixture(autouse=True)
def _reference(reference_db):
    """Seeded ports and categories, restored after the flush of the previous test."""


@pytest.fixture(autouse=True)
def _search_index(settings, tmp_path):
    """An empty index and media folder of this test's own (src/hansa/conftest.py's autouse
    fixtures do not reach tests/). The live server thread reads the same settings and engine."""
    from django.core.cache import cache

    from hansa.search.engine import forget_engines, get_engine

    settings.SEARCH_INDEX_DIR = str(tmp_path / "search")
    settings.MEDIA_ROOT = str(tmp_path / "media")
    cache.clear()
    forget_engines()
    yield
    if (tmp_path / "search").exists():
        get_engine().release_writer()
    forget_engines()


# -- the catalogue --------------------------------------------------------------------------------

SUPPLIERS = {
    # key: name, country, city, verified, stars
    "sunrise": ("Jiangsu Sunrise Photovoltaic Co., Ltd.", "CN", "Suzhou", True, 5),
    "greenvolt": ("Hanoi Greenvolt JSC", "VN", "Hanoi", True, 4),
    "helios": ("Gujarat Helios Energy Pvt. Ltd.", "IN", "Ahmedabad", True, 3),
    "sonnenwerk": ("Bavaria Sonnenwerk GmbH", "DE", "Regensburg", True, 6),
    "anatolia": ("Anatolia Enerji Sanayi A.S.", "TR", "Kayseri", False, 0),
    "brightsun": ("Zhejiang Brightsun New Energy Co., Ltd.", "CN", "Jinhua", False, 0),
}
OWN_SUPPLIER = "Xiamen Lumina Energy Co., Ltd."

# supplier, watts, quality, certifications, price, stale (approved 400 days ago), es, zh
LISTINGS = [
    # Verified suppliers, well kept: positions 1-6.
    ("sunrise", 450, "4.8", ["CE", "TÜV", "IEC 61215"], "62.00", False, True, True),
    ("sunrise", 550, "4.2", ["CE", "IEC 61215"], "78.00", False, True, True),
    ("greenvolt", 440, "4.6", ["CE", "TÜV"], "58.50", False, True, True),
    ("greenvolt", 400, "3.9", ["IEC 61215"], "51.00", False, True, False),
    ("helios", 540, "4.4", ["CE"], "69.00", False, True, True),
    ("sonnenwerk", 430, "4.9", ["TÜV", "IEC 61215"], "118.00", False, True, True),
    # Unverified suppliers, well kept: positions 7-10.
    ("anatolia", 460, "3.8", ["CE", "TÜV"], "55.00", False, True, True),
    ("anatolia", 500, "3.4", ["CE"], "64.00", False, True, False),
    ("brightsun", 410, "3.6", ["CE", "TÜV", "IEC 61215"], "47.00", False, True, True),
    ("brightsun", 580, "3.2", ["IEC 61215"], "83.00", False, False, True),
    # Unverified suppliers, poor and approved long ago: positions 12-20.
    ("anatolia", 300, "1.5", ["CE"], "41.00", True, True, True),
    ("anatolia", 330, "0.8", [], "44.00", True, False, True),
    ("anatolia", 360, "2.0", ["TÜV"], "46.00", True, True, False),
    ("brightsun", 340, "1.2", ["CE", "TÜV"], "39.00", True, True, True),
    ("brightsun", 370, "0.5", ["CE"], "42.50", True, True, True),
    ("brightsun", 390, "2.2", [], "45.00", True, False, True),
    ("brightsun", 420, "1.0", ["TÜV"], "49.00", True, True, True),
    ("anatolia", 480, "1.8", ["IEC 61215"], "60.00", True, True, True),
    ("brightsun", 520, "0.9", ["CE"], "66.00", True, True, False),
]


def title(watts: int) -> str:
    # Seven words each: text relevance is the same for every listing.
    return f"Solar panel {watts}W monocrystalline half cell module"


@dataclass
class Market:
    suppliers: dict[str, Company]
    own: Company
    own_owner: object
    own_product: Product
    buyer: object
    reviewer: object


def solar_category() -> Category:
    return Category.objects.get(code="solar-panels")


def build_market() -> Market:
    category = solar_category()
    suppliers = {}
    for key, (name, country, city, verified, stars) in SUPPLIERS.items():
        suppliers[key] = SupplierCompanyFactory(
            name=name,
            country=country,
            city=city,
            verification_status="verified" if verified else "unverified",
            star_rating=stars,
            main_products=["Photovoltaic modules"],
        )
    long_ago = timezone.now() - timedelta(days=400)
    for key, watts, quality, certifications, price, stale, es, zh in LISTINGS:
        translations = {}
        if es:
            translations["es"] = {"title": f"Panel solar monocristalino {watts}W de media celda"}
        if zh:
            translations["zh-hans"] = {"title": f"太阳能电池板 {watts}W 单晶半片组件"}
        LiveProductFactory(
            company=suppliers[key],
            category=category,
            title=title(watts),
            attributes={"max_power": str(watts), "cell_type": "mono-perc"},
            quality_score=Decimal(quality),
            certifications=certifications,
            price_min=Decimal(price),
            price_max=Decimal(price) + 8,
            moq=50,
            translations=translations,
            published_at=long_ago if stale else None,
        )

    # The supplier under test lists a thin product the way the editor does, and gets approved.
    own = SupplierCompanyFactory(
        name=OWN_SUPPLIER,
        country="CN",
        city="Xiamen",
        verification_status="unverified",
        star_rating=0,
    )
    owner = MembershipFactory(company=own, role=Role.OWNER).user
    product = ls.listing_create(
        membership=Membership.objects.get(user=owner),
        category=category,
        title=title(410).replace("410W", "415W"),
        price_min="52.00",
        price_max="60.00",
        moq=100,
        attributes={"max_power": "415", "cell_type": "mono-perc"},
    )
    ls.listing_add_image(product=product, by=owner, upload=files.png(700, 700, "module.png"))
    ls.listing_submit(product=product, by=owner)
    reviewer = listing_reviewer()
    ls.listing_approve(product=product, by=reviewer)

    buyer = MembershipFactory(
        company=BuyerCompanyFactory(name="Iberia Renovables S.L.", country="ES"), role=Role.OWNER
    ).user
    indexer.drain()
    product.refresh_from_db()
    return Market(suppliers, own, owner, product, buyer, reviewer)


# -- helpers --------------------------------------------------------------------------------------


def search(page, words: str, language: str | None = None) -> None:
    page.fill("#search-q", words)
    if language:
        page.select_option("#search-lang", language)
    with page.expect_navigation():
        page.click("form.searchbar button[type=submit]")


def results_total(page) -> int:
    return int(re.match(r"\d+", page.inner_text("#results-heading")).group())


def result_titles(page) -> list[str]:
    return page.locator("li.result .result-title").all_inner_texts()


def click_facet(page, group: str, option: str) -> None:
    link = page.locator(
        f"aside.facets details.facet:has(summary:text-is('{group}')) "
        f"a:has(.facet-label:text-is('{option}'))"
    )
    with page.expect_navigation():
        link.click()


def rank_of(page, product: Product) -> int:
    return int(page.inner_text(f"#rank-{product.pk} .rank-pos").lstrip("#"))


# -- the buyer ------------------------------------------------------------------------------------


def test_a_buyer_searches_in_spanish_and_chinese_narrows_saves_and_compares(new_page):
    market = build_market()
    page = new_page()
    sign_in(page, market.buyer.email)

    # Spanish words with the language set to Español: Spanish titles come back.
    page.goto("/search/")
    search(page, SPANISH_QUERY, "es")
    assert "language=es" in page.url
    spanish_total = results_total(page)
    with_es = sum(1 for row in LISTINGS if row[6])
    assert spanish_total == with_es, page.inner_text("#results-heading")
    titles = result_titles(page)
    assert len(titles) == with_es
    assert all(t.startswith("Panel solar monocristalino") for t in titles), titles
    assert page.locator("li.result .result-title a[lang=es]").count() == with_es
    shot(page, "search-results-es")
    assert_accessible(page, "search results (es)")

    # Chinese characters: the language follows the script (the selector still said Español).
    search(page, CHINESE_QUERY)
    with_zh = sum(1 for row in LISTINGS if row[7])
    assert results_total(page) == with_zh, page.inner_text("#results-heading")
    titles = result_titles(page)
    assert titles and all(t.startswith("太阳能电池板") for t in titles), titles
    assert page.input_value("#search-lang") == "zh-hans"
    shot(page, "search-results-zh")
    assert_accessible(page, "search results (zh)")

    # Back to Spanish; narrow to Chinese suppliers, then to TÜV-certified listings.
    search(page, SPANISH_QUERY, "es")
    assert results_total(page) == spanish_total
    click_facet(page, "Supplier country", "China")
    by_country = results_total(page)
    expected_cn = sum(1 for row in LISTINGS if row[6] and SUPPLIERS[row[0]][1] == "CN")
    assert by_country == expected_cn < spanish_total, page.inner_text("#results-heading")
    click_facet(page, "Certifications", "TÜV")
    narrowed = results_total(page)
    expected = sum(
        1 for row in LISTINGS if row[6] and SUPPLIERS[row[0]][1] == "CN" and "TÜV" in row[3]
    )
    assert narrowed == expected < by_country, page.inner_text("#results-heading")
    chips = page.inner_text("aside.facets .facet-chips")
    assert "Supplier country: China" in chips and "Certifications: TÜV" in chips, chips
    # The chosen facets stay in place and open, their choice ticked.
    titles_in_order = page.locator("aside.facets details.facet summary").all_inner_texts()
    assert titles_in_order[1:3] == ["Supplier country", "Supplier region"], titles_in_order
    for group, option in (("Supplier country", "China"), ("Certifications", "TÜV")):
        details = page.locator(f"aside.facets details.facet:has(summary:text-is('{group}'))")
        assert details.get_attribute("open") is not None, group
        assert details.locator("a.selected .facet-label").inner_text() == option
    # Still the Spanish search: Spanish titles, Spanish words in the box.
    assert page.input_value("#search-lang") == "es"
    titles = result_titles(page)
    assert len(titles) == narrowed and all(t.startswith("Panel solar") for t in titles), titles
    suppliers = page.locator("li.result .result-supplier").all_inner_texts()
    assert all("China" in s for s in suppliers), suppliers
    shot(page, "search-results-narrowed")
    assert_accessible(page, "narrowed search results")

    # Save the narrowed search with daily alerts.
    page.fill("#save-search-name", "Paneles TÜV de China")
    page.select_option("#save-search-frequency", "daily")
    with page.expect_navigation():
        page.click("form.save-search button[type=submit]")
    assert "Search saved as “Paneles TÜV de China”" in page.inner_text(".messages")
    saved = SavedSearch.objects.get(user=market.buyer)
    assert saved.frequency == "daily"
    assert saved.params["q"] == SPANISH_QUERY and saved.params["language"] == "es"
    assert saved.params["country"] == ["CN"] and saved.params["certification"] == ["TÜV"]
    page.goto("/saved-searches/")
    row = page.locator(f"#saved-{saved.pk}")
    text = row.inner_text()
    assert "Paneles TÜV de China" in text and SPANISH_QUERY in text, text
    assert "Supplier country: China" in text and "Certifications: TÜV" in text, text
    assert row.locator("select[name=frequency]").input_value() == "daily"
    shot(page, "search-saved-searches")
    assert_accessible(page, "saved searches")
    # "Run now" brings back the same words and filters. (Not the language: the saved search's
    # link, alerts.selectors.search_url, leaves it out, so it runs in the interface language.)
    with page.expect_navigation():
        row.locator("a:has-text('Run now')").click()
    assert "q=panel+solar+monocristalino" in page.url
    assert "country=CN" in page.url and "certification=T%C3%9CV" in page.url, page.url
    chips = page.inner_text("aside.facets .facet-chips")
    assert "Supplier country: China" in chips and "Certifications: TÜV" in chips, chips

    # Clear the filters and line up four products from four suppliers in four countries.
    search(page, SPANISH_QUERY, "es")
    click_facet(page, "Supplier country", "China")
    with page.expect_navigation():
        page.click("aside.facets a:has-text('Clear all filters')")
    assert "language=es" in page.url and "country" not in page.url, page.url
    assert results_total(page) == spanish_total
    picked = ["sunrise", "greenvolt", "helios", "sonnenwerk"]
    for key in picked:
        name = market.suppliers[key].name
        result = page.locator(f"li.result:has(.result-supplier a:text-is('{name}'))").first
        result.locator("button:has-text('Add to compare')").click()
        result.locator(".compare-in").wait_for()
    assert "In comparison (4/20)" in page.inner_text("ol.result-list")
    with page.expect_navigation():
        page.locator("li.result .compare-in").first.click()
    assert page.url.endswith("/compare/")
    assert page.locator("th.compare-col").count() == 4
    shown = page.locator("th.compare-col .compare-supplier").all_inner_texts()
    assert sorted(shown) == sorted(market.suppliers[k].name for k in picked), shown
    countries = page.locator("tr:has(th:text-is('Country')) td").all_inner_texts()
    assert sorted(c.split(",")[0].strip() for c in countries) == [
        "China",
        "Germany",
        "India",
        "Vietnam",
    ], countries
    # The table scrolls inside a window-high box: a tall window shows it whole in the shot.
    page.set_viewport_size({"width": 1280, "height": 2400})
    shot(page, "search-compare")
    page.set_viewport_size({"width": 1280, "height": 900})
    assert_accessible(page, "comparison")


# -- the supplier ---------------------------------------------------------------------------------


def test_a_supplier_sees_why_its_product_ranks_11th_and_improves_it(new_page, tmp_path):
    market = build_market()
    product = market.own_product
    page = new_page()
    sign_in(page, market.own_owner.email)

    # Ask the workspace why the product ranks where it does for "solar panel".
    page.click("nav.sidebar a:has-text('Search ranking')")
    page.wait_for_url("**/workspace/search/ranking/")
    page.fill("#rank-q", QUERY)
    page.select_option("#rank-lang", "en")
    with page.expect_navigation():
        page.click("form.rankform button[type=submit]")
    main = page.inner_text("main")
    assert f"{len(LISTINGS) + 1} products match “{QUERY}”" in main, main
    card = page.locator(f"#rank-{product.pk}")
    assert rank_of(page, product) == 11, card.inner_text()
    factors = card.locator("table.factors").inner_text()
    for label in ("Listing quality", "Verified supplier", "Freshness", "Penalties"):
        assert label in factors, factors
    fixes = card.locator("ol.fixes").inner_text()
    assert "Raise the listing's quality score" in fixes, fixes
    assert "Apply for supplier verification" in fixes, fixes
    assert "would reach about #" in fixes, fixes
    shot(page, "search-ranking-11th")
    assert_accessible(page, "ranking explanation")
    before = Decimal(product.quality_score)

    # Improve the listing in the editor: keywords, specifications, description, trade terms and
    # photos, as the advice asks; then submit it for review.
    with page.expect_navigation():
        card.locator("a:has-text('Edit this listing')").click()
    assert page.url.endswith(f"/workspace/products/{product.pk}/edit/")
    page.fill("input[name=keyword_1]", "PV module")
    page.fill("input[name=keyword_2]", "rooftop photovoltaic")
    page.fill("input[name=keyword_3]", "mono PERC 415W")
    page.fill("input[name=attr_efficiency]", "21.3")
    page.fill("input[name=attr_cell_count]", "108")
    page.select_option("select[name=attr_frame_colour]", "black")
    page.fill("input[name=attr_voc]", "38.1")
    page.fill("input[name=attr_length]", "1722")
    page.fill("input[name=attr_width]", "1134")
    page.fill("input[name=attr_weight]", "21.5")
    page.fill("input[name=attr_power_warranty_years]", "25")
    page.fill(
        "textarea[name=description]",
        "<h3>415 W module for homes and small businesses</h3>"
        "<p>108 half-cut monocrystalline PERC cells behind 3.2 mm tempered glass, in a black "
        "anodised frame rated for 5400 Pa snow and 2400 Pa wind loads.</p>"
        "<ul><li>21.3 % efficiency</li><li>IP68 junction box, 1.2 m cables</li>"
        "<li>25-year linear power warranty, 12-year product warranty</li></ul>"
        "<p>Every module is EL-tested twice before it is packed.</p>",
    )
    page.fill("input[name=lt_up_to_0]", "500")
    page.fill("input[name=lt_days_0]", "15")
    xiamen = Port.objects.get(locode="CNXMN")
    page.select_option("select[name=port_of_loading]", str(xiamen.pk))
    page.check("input[name=incoterms][value=FOB]")
    page.check("input[name=incoterms][value=CIF]")
    page.check("input[name=payment_methods][value=TT]")
    page.fill("textarea[name=packaging]", "36 modules per pallet, 720 per 40' HQ container")
    page.fill("input[name=hs_code]", "8541.43")
    page.fill("input[name=supply_quantity]", "20000")
    page.fill("input[name=certifications]", "CE, TÜV")
    page.click("button[name=intent][value=save]")
    page.wait_for_load_state()
    assert page.locator(".error").count() == 0, page.inner_text("main")
    # A change to a live listing goes to review by itself; buyers keep the approved version.
    assert "Buyers see the approved version until your changes are approved." in page.inner_text(
        ".messages"
    )
    photos = [
        product_photo(tmp_path / "front.png", "#123", "415 W front"),
        product_photo(tmp_path / "back.png", "#555", "junction box"),
        product_photo(tmp_path / "pallet.png", "#2a6", "pallet"),
    ]
    page.set_input_files("#id_image", photos)
    page.click("#images button:has-text('Upload')")
    page.locator("#images p.ok").wait_for()
    assert "3 photos added." in page.inner_text("#images")
    product.refresh_from_db()
    assert product.status == ListingStatus.EDITED
    assert product.quality_score > before + 2, (before, product.quality_score)

    # The operator approves the new version; the index catches up.
    ls.listing_approve(product=product, by=market.reviewer)
    indexer.drain()

    page.goto(f"/workspace/search/ranking/?q={QUERY.replace(' ', '+')}&language=en")
    improved = rank_of(page, product)
    assert improved < 11, page.locator(f"#rank-{product.pk}").inner_text()
    shot(page, "search-ranking-improved")

    # A buyer sees it climb too.
    buyer_page = new_page()
    buyer_page.goto(f"/search/?q={QUERY.replace(' ', '+')}&language=en")
    positions = {
        li.get_attribute("data-position"): li.inner_text()
        for li in buyer_page.locator("li.result").all()
    }
    assert OWN_SUPPLIER in positions[str(improved)], positions
