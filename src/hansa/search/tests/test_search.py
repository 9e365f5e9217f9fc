"""Product search end to end: outbox -> indexer -> engine -> selectors (no mocks)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from hansa.catalog.models import Category, ListingStatus, Product, ProductGroup
from hansa.catalog.tests.factories import LiveProductFactory
from hansa.companies.choices import VerificationStatus
from hansa.companies.tests.factories import SupplierCompanyFactory
from hansa.core.errors import BusinessError
from hansa.search import text
from hansa.search.models import QueryLog, Synonym
from hansa.search.params import SearchParams
from hansa.search.selectors import check_params, search_products, search_suppliers, suggest
from hansa.search.services import click_token, query_log_click

pytestmark = pytest.mark.django_db


def titles(page) -> list[str]:
    return [h.product.title for h in page.hits]


def find(q: str = "", **kw) -> list[str]:
    return titles(search_products(SearchParams(q=q, **kw), log=False))


def test_a_published_listing_is_found_by_its_title(search_index):
    LiveProductFactory(title="Solar panel 400 W monocrystalline")
    LiveProductFactory(title="Copper cable 2.5 mm")
    search_index.drain()
    page = search_products(SearchParams(q="solar panels"))
    assert titles(page) == ["Solar panel 400 W monocrystalline"]  # "panels" stems to "panel"
    assert page.total == 1
    assert "<b>" in page.hits[0].title_html


def test_keywords_attributes_description_and_company_name_are_searched(search_index):
    LiveProductFactory(title="Widget A", keywords=["gizmo"])
    LiveProductFactory(title="Widget B", description="<p>Made of <b>titanium</b> alloy</p>")
    LiveProductFactory(title="Widget C", company=SupplierCompanyFactory(name="Zephyr Works Ltd"))
    search_index.drain()
    assert find("gizmo") == ["Widget A"]
    assert find("titanium") == ["Widget B"]
    assert find("zephyr") == ["Widget C"]


def test_accents_are_folded(search_index):
    LiveProductFactory(title="Café table with crème finish")
    search_index.drain()
    assert find("cafe creme") == ["Café table with crème finish"]
    assert find("café") == ["Café table with crème finish"]


def test_a_spanish_query_searches_the_spanish_version_and_the_base_language(search_index):
    LiveProductFactory(
        title="Solar street light",
        translations={"es": {"title": "Farola solar de calle", "description": "Luz LED"}},
    )
    LiveProductFactory(title="Lámpara solar", base_language="en")
    search_index.drain()
    # "farolas" stems to "farol" in Spanish analysis; only the Spanish version says it.
    assert find("farolas", language="es") == ["Solar street light"]
    # The base (English) fields are searched too, whatever the buyer's language.
    assert set(find("solar", language="es")) == {"Solar street light", "Lámpara solar"}
    # An English query does not search the Spanish fields: only typo tolerance (over every
    # title) reaches it, and says so.
    assert not search_products(SearchParams(q="farolas", language="es"), log=False).fuzzy
    assert search_products(SearchParams(q="farolas", language="en"), log=False).fuzzy


def test_chinese_is_searched_by_character_grams(search_index):
    LiveProductFactory(
        title="Solar panel", translations={"zh-hans": {"title": "单晶太阳能电池板 400瓦"}}
    )
    LiveProductFactory(title="Copper wire", translations={"zh-hans": {"title": "铜线"}})
    search_index.drain()
    assert find("太阳能", language="zh-hans") == ["Solar panel"]
    assert find("电池板", language="zh-hans") == ["Solar panel"]
    assert find("铜", language="zh-hans") == ["Copper wire"]


@pytest.mark.parametrize(
    "change",
    ["draft", "pending", "rejected", "offline", "archived", "protected", "inactive", "unpublished"],
)
def test_listings_the_public_may_not_see_never_appear(search_index, change):
    product = LiveProductFactory(title="Hidden hydraulic press")
    LiveProductFactory(title="Visible hydraulic press")
    search_index.drain()
    assert set(find("hydraulic")) == {"Hidden hydraulic press", "Visible hydraulic press"}
    if change == "protected":
        group = ProductGroup.objects.create(
            company=product.company, name="VIP", slug="vip", password_hash="x"
        )
        product.group = group
        product.save()
    elif change == "inactive":
        product.company.is_active = False
        product.company.save()
    elif change == "unpublished":
        product.published = None
        product.save()
    else:
        product.status = change
        product.save()
    # Even before the indexer runs, the database check keeps it out of the results.
    assert find("hydraulic") == ["Visible hydraulic press"]
    search_index.drain()
    page = search_products(SearchParams(q="hydraulic"), log=False)
    assert titles(page) == ["Visible hydraulic press"]
    assert page.total == 1  # gone from the index itself, counts and facets included


def test_a_protected_group_password_change_reaches_the_index(search_index):
    product = LiveProductFactory(title="Prototype drone frame")
    group = ProductGroup.objects.create(company=product.company, name="New", slug="new")
    product.group = group
    product.save()
    search_index.drain()
    assert find("drone") == ["Prototype drone frame"]  # a group without password is public
    group.password_hash = "argon2$..."
    group.save()
    search_index.drain()
    assert search_products(SearchParams(q="drone"), log=False).total == 0


def test_facets_count_and_a_chosen_value_keeps_the_other_values_counted(search_index):
    cn = SupplierCompanyFactory(country="CN")
    vn = SupplierCompanyFactory(country="VN")
    for _ in range(3):
        LiveProductFactory(title="Cotton towel", company=cn, certifications=["OEKO-TEX"])
    LiveProductFactory(title="Cotton towel", company=vn, ready_to_ship=True)
    search_index.drain()
    page = search_products(SearchParams(q="towel"), log=False)
    assert dict((o.value, o.count) for o in page.facets["country"]) == {"CN": 3, "VN": 1}
    assert dict((o.value, o.count) for o in page.facets["certification"]) == {"OEKO-TEX": 3}
    chosen = search_products(SearchParams(q="towel", country=("VN",)), log=False)
    assert chosen.total == 1
    # Disjunctive: the country facet still offers China with its count, to add it.
    counts = {o.value: (o.count, o.selected) for o in chosen.facets["country"]}
    assert counts == {"CN": (3, False), "VN": (1, True)}
    # Other facets follow the filter.
    assert chosen.facets["certification"] == []
    assert find("towel", ready_to_ship=True) == ["Cotton towel"]


def test_category_facet_shows_children_of_the_chosen_category(search_index):
    strip = Category.objects.get(code="led-strip-lights")
    LiveProductFactory(title="Light one", category=strip)
    search_index.drain()
    root = strip.path.split("/")[0]
    page = search_products(SearchParams(q="light"), log=False)
    assert [o.value for o in page.facets["category"]] == [root]
    page = search_products(SearchParams(q="light", category=root), log=False)
    assert page.total == 1
    assert all(o.value != root for o in page.facets["category"])
    with pytest.raises(BusinessError):
        check_params(SearchParams(category="no-such-category"))


def test_price_and_moq_filters_and_sorts(search_index):
    LiveProductFactory(title="Pump small", price_min=Decimal("5"), moq=10)
    LiveProductFactory(title="Pump medium", price_min=Decimal("50"), moq=100)
    LiveProductFactory(title="Pump large", price_min=Decimal("500"), moq=1)
    LiveProductFactory(title="Pump euro", price_min=Decimal("40"), currency="EUR", moq=5)
    search_index.drain()
    assert set(find("pump", price_min=Decimal(40), price_max=Decimal(60))) == {
        "Pump medium",
        "Pump euro",  # 40 EUR is about 43.50 USD at the reference rate
    }
    assert set(find("pump", moq_max=Decimal(10))) == {"Pump small", "Pump large", "Pump euro"}
    assert find("pump", sort="price") == ["Pump small", "Pump euro", "Pump medium", "Pump large"]
    assert find("pump", sort="-price")[0] == "Pump large"
    assert find("pump", sort="moq")[0] == "Pump large"


def test_newest_sort_and_pagination(search_index):
    now = timezone.now()
    for i in range(25):
        LiveProductFactory(title=f"Valve {i}", published_at=now - timedelta(days=i))
    search_index.drain()
    first = search_products(SearchParams(q="valve", sort="newest", per_page=10), log=False)
    assert first.total == 25 and first.pages == 3
    assert titles(first)[:2] == ["Valve 0", "Valve 1"]
    third = search_products(SearchParams(q="valve", sort="newest", per_page=10, page=3), log=False)
    assert titles(third) == [f"Valve {i}" for i in range(20, 25)]
    assert [h.position for h in third.hits] == list(range(21, 26))


def test_typos_are_tolerated_and_a_spelling_is_suggested(search_index):
    LiveProductFactory(title="Excavator bucket teeth")
    search_index.drain()
    page = search_products(SearchParams(q="excavatr"), log=False)
    assert titles(page) == ["Excavator bucket teeth"]
    assert page.fuzzy
    assert page.did_you_mean == "excavator"


def test_no_result_for_every_word_falls_back_to_some_words(search_index):
    LiveProductFactory(title="Forklift tyre")
    search_index.drain()
    page = search_products(SearchParams(q="forklift unicornium"), log=False)
    assert titles(page) == ["Forklift tyre"] and page.relaxed


def test_operator_synonyms_widen_the_search(search_index):
    LiveProductFactory(title="Mobile phone case")
    search_index.drain()
    assert find("cellphone") == []
    Synonym.objects.create(term="cellphone", alternatives=["mobile phone"])
    text.forget_synonyms()
    assert find("cellphone case") == ["Mobile phone case"]
    assert find("mobile phone") == ["Mobile phone case"]


def test_ranking_prefers_title_matches_then_quality_and_trust(search_index):
    LiveProductFactory(title="Garden hose", description="<p>Not a drill.</p>")
    LiveProductFactory(title="Drill bit set")
    search_index.drain()
    assert find("drill") == ["Drill bit set", "Garden hose"]

    plain = LiveProductFactory(title="Impact wrench", quality_score=Decimal("1.0"))
    trusted_company = SupplierCompanyFactory(
        verification_status=VerificationStatus.VERIFIED, star_rating=5
    )
    good = LiveProductFactory(
        title="Impact wrench", company=trusted_company, quality_score=Decimal("4.8")
    )
    search_index.drain()
    page = search_products(SearchParams(q="impact wrench"), log=False)
    assert [h.product.pk for h in page.hits] == [good.pk, plain.pk]


def test_detected_problems_demote_but_do_not_hide(search_index):
    clean = LiveProductFactory(title="Steel shelf", quality_score=Decimal("3"))
    dup = LiveProductFactory(
        title="Steel shelf", quality_score=Decimal("3"), problems={"duplicate_of": clean.pk}
    )
    search_index.drain()
    ids = [h.product.pk for h in search_products(SearchParams(q="steel shelf"), log=False).hits]
    assert ids == [clean.pk, dup.pk]


def test_quality_score_updates_reach_the_ranking(search_index):
    a = LiveProductFactory(title="Ceramic mug", quality_score=Decimal("4"))
    b = LiveProductFactory(title="Ceramic mug", quality_score=Decimal("1"))
    search_index.drain()
    assert [h.product.pk for h in search_products(SearchParams(q="mug"), log=False).hits] == [
        a.pk,
        b.pk,
    ]
    Product.objects.filter(pk=b.pk).update(quality_score=Decimal("5"))  # bypasses signals
    from hansa.search.outbox import enqueue_products

    enqueue_products([b.pk])
    search_index.drain()
    assert search_products(SearchParams(q="mug"), log=False).hits[0].product.pk == b.pk


def test_supplier_search(search_index):
    LiveProductFactory(
        company=SupplierCompanyFactory(name="Aurora Textiles", main_products=["bath towels"])
    )
    SupplierCompanyFactory(name="Aurora Dormant", is_active=False)
    search_index.drain()
    page = search_suppliers(SearchParams(q="aurora"))
    assert [h.company.name for h in page.hits] == ["Aurora Textiles"]
    assert [h.company.name for h in search_suppliers(SearchParams(q="towels")).hits] == [
        "Aurora Textiles"
    ]


def test_suggestions_complete_titles_and_popular_queries(search_index):
    LiveProductFactory(title="Hydraulic cylinder")
    LiveProductFactory(title="Hydraulic hose")
    search_index.drain()
    for _ in range(3):
        search_products(SearchParams(q="hydraulic hose crimper"))
    out = suggest("hydraulic h", "en")
    assert out[0] == "hydraulic hose crimper"  # searched 3 times, with results
    assert "hydraulic hose" in out
    assert "hydraulic cylinder" not in out
    assert suggest("hyd", "en")[:1] == ["hydraulic hose crimper"]


def test_the_query_log_is_anonymous_and_records_clicks(search_index, client):
    LiveProductFactory(title="Bamboo cutting board")
    search_index.drain()
    page = search_products(SearchParams(q="  Bamboo   BOARD ", country=("CN",)))
    entry = QueryLog.objects.get(pk=page.log_id)
    assert (entry.query, entry.result_count, entry.filters) == (
        "bamboo board",
        1,
        {"country": ["CN"]},
    )
    field_names = {f.name for f in QueryLog._meta.get_fields()}
    assert not field_names & {"user", "ip", "session", "company"}
    assert query_log_click(click_token(page.log_id, 1))
    assert not query_log_click("forged-token")
    entry.refresh_from_db()
    assert entry.clicked_positions == [1]
    # Later pages are not logged again.
    assert search_products(SearchParams(q="bamboo", page=2)).log_id is None


def test_params_refuse_bad_input_with_a_message():
    for data, field in [
        ({"sort": "cheapest"}, "sort"),
        ({"price_min": "abc"}, "price_min"),
        ({"price_min": "-1"}, "price_min"),
        ({"price_min": "10", "price_max": "5"}, "price_min"),
        ({"page": "0"}, "page"),
        ({"per_page": "500"}, "per_page"),
        ({"min_stars": "9"}, "min_stars"),
        ({"q": "x" * 201}, "q"),
    ]:
        with pytest.raises(BusinessError) as err:
            SearchParams.parse(data)
        assert err.value.field == field


def test_params_round_trip_for_saved_searches():
    p = SearchParams.parse(
        {"q": "led", "country": ["CN", "VN"], "verified": "1", "price_max": "20", "sort": "price"}
    )
    assert SearchParams.parse(p.to_dict()) == p
    assert p.filters() == {
        "country": ["CN", "VN"],
        "verified": True,
        "price_max": "20",
        "sort": "price",
    }


def test_the_listing_status_change_of_the_catalog_lifecycle_reaches_the_index(search_index):
    product = LiveProductFactory(title="Marble tile")
    search_index.drain()
    assert find("marble") == ["Marble tile"]
    Product.objects.filter(pk=product.pk).update(status=ListingStatus.OFFLINE)
    product.refresh_from_db()
    product.save()  # any save writes the outbox
    search_index.drain()
    assert search_products(SearchParams(q="marble"), log=False).total == 0


def test_the_stars_facet_counts_at_least_n_stars(search_index):
    for stars in (3, 5, 6):
        company = SupplierCompanyFactory(
            verification_status=VerificationStatus.VERIFIED, star_rating=stars
        )
        LiveProductFactory(title="Rattan chair", company=company)
    LiveProductFactory(title="Rattan chair")  # not verified
    search_index.drain()
    page = search_products(SearchParams(q="rattan"), log=False)
    assert [(o.value, o.count) for o in page.facets["stars"]] == [
        ("6", 1),
        ("5", 2),
        ("4", 2),
        ("3", 3),
        ("2", 3),
        ("1", 3),
    ]
    assert search_products(SearchParams(q="rattan", min_stars=5), log=False).total == 2


def test_highlighted_snippets_escape_markup(search_index):
    LiveProductFactory(
        title="Lamp <img src=x onerror=alert(1)>",
        description="<p>A lamp &lt;script&gt;alert(1)&lt;/script&gt; for desks</p>",
    )
    search_index.drain()
    hit = search_products(SearchParams(q="lamp"), log=False).hits[0]
    assert "<b>Lamp</b>" in hit.title_html and "<img" not in hit.title_html
    assert "<script" not in hit.snippet_html and "&lt;script&gt;" in hit.snippet_html


def test_open_ended_ranges_and_facets_after_a_fallback(search_index):
    LiveProductFactory(title="Crane hook", price_min=Decimal("900"), moq=20000)
    LiveProductFactory(
        title="Crane hook",
        price_min=Decimal("9"),
        moq=5,
        company=SupplierCompanyFactory(country="VN"),
    )
    search_index.drain()
    assert find("crane", price_min=Decimal(500)) == ["Crane hook"]
    assert len(find("crane", moq_min=Decimal(10000))) == 1
    assert len(find("crane", price_max=Decimal(10))) == 1
    # A misspelt search falls back to similar spellings; its facets count what is shown.
    page = search_products(SearchParams(q="crahne"), log=False)
    assert page.fuzzy and page.total == 2
    assert {o.value: o.count for o in page.facets["country"]} == {"CN": 1, "VN": 1}


def test_is_public_agrees_with_public_products(search_index):
    from hansa.catalog.listing_selectors import is_public, public_products

    products = [LiveProductFactory(title=f"P{i}") for i in range(5)]
    products[0].status = "offline"
    products[0].save()
    products[1].company.is_active = False
    products[1].company.save()
    group = ProductGroup.objects.create(
        company=products[2].company, name="G", slug="g", password_hash="x"
    )
    products[2].group = group
    products[2].save()
    products[3].published = None
    products[3].save()
    loaded = Product.objects.select_related("company", "group")
    assert (
        {p.pk for p in loaded if is_public(p)}
        == set(public_products().values_list("pk", flat=True))
        == {products[4].pk}
    )


def test_facets_of_a_very_broad_result_are_estimated_from_a_sample(search_index, monkeypatch):
    from hansa.search.engine import tantivy_engine

    cn, vn = SupplierCompanyFactory(country="CN"), SupplierCompanyFactory(country="VN")
    for i in range(90):
        LiveProductFactory(title="Plastic bucket", company=vn if i % 3 == 0 else cn)
    search_index.drain()
    exact = search_products(SearchParams(q="bucket"), log=False)
    assert not exact.facets_approximate
    assert {o.value: o.count for o in exact.facets["country"]} == {"CN": 60, "VN": 30}
    monkeypatch.setattr(tantivy_engine, "FACET_SAMPLE", 30)
    page = search_products(SearchParams(q="bucket"), log=False)
    assert page.facets_approximate and page.total == 90  # the total stays exact
    counts = {o.value: o.count for o in page.facets["country"]}
    assert 40 <= counts["CN"] <= 80 and 15 <= counts["VN"] <= 45
    # Filtered to Vietnam the result is small, but the country facet (its own filter left out)
    # still counts all 90: a probe finds that out and estimates it too.
    narrowed = search_products(SearchParams(q="bucket", country=("VN",)), log=False)
    assert narrowed.total == 30 and narrowed.facets_approximate
    assert 40 <= {o.value: o.count for o in narrowed.facets["country"]}["CN"] <= 80
    assert tantivy_engine._about(12345) == 12000 and tantivy_engine._about(57.4) == 57


def test_a_refreshed_quality_score_reaches_the_index_without_a_save(search_index):
    from hansa.catalog.quality import refresh_quality
    from hansa.search.engine import get_engine
    from hansa.search.selectors import engine_query

    product = LiveProductFactory(title="Oak dining table", quality_score=Decimal("0"))
    search_index.drain()
    q = engine_query(SearchParams(q="oak table"), facets=False)
    before = get_engine().ranked_keys(q, 1)[0][2]
    refresh_quality(product)  # detectors and imports score like this: an update, no signal
    search_index.drain()
    assert get_engine().ranked_keys(q, 1)[0][2] > before
