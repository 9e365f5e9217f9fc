from __future__ import annotations

from decimal import Decimal

import pytest

from hansa.catalog import listing_services as ls
from hansa.catalog import quality
from hansa.catalog.models import Product
from hansa.catalog.tests.factories import strip_category
from hansa.companies.models import Membership
from hansa.core.tests import files
from hansa.trade.models import Port

pytestmark = pytest.mark.django_db

DESCRIPTION = (
    "<h2>Flexible RGB strip</h2>"
    "<p>Bright 5050 chips on a double-layer copper board, 60 chips per metre, cut every three "
    "chips. Each reel is tested for two hours before packing, and every batch is checked for "
    "colour consistency.</p>"
    "<p>Use it for coves, shelves, signs and shop fittings, indoors or outdoors in the IP65 "
    "silicone coating.</p>"
    "<ul><li>12V DC, 14.4 W per metre</li><li>3M adhesive tape on the back</li></ul>"
    "<table><tr><th>Length</th><td>5 m</td></tr><tr><th>CRI</th><td>80</td></tr></table>"
)


def every_strip_attribute() -> dict[str, object]:
    values: dict[str, object] = {}
    for a in strip_category().attributes.all():
        if a.type == "choice":
            values[a.code] = a.choices[0]["value"]
        elif a.type == "multichoice":
            values[a.code] = [a.choices[0]["value"]]
        elif a.type == "number":
            values[a.code] = str(a.min_value if a.min_value is not None else 1)
        elif a.type == "bool":
            values[a.code] = True
        else:
            values[a.code] = "SMD 5050"
    return values


def complete_listing(owner) -> Product:
    membership = Membership.objects.get(user=owner)
    product = ls.listing_create(
        membership=membership,
        category=strip_category(),
        title="Flexible LED strip light 5050 RGB 12V, 60 chips per metre, IP65 waterproof",
        keywords=["led strip", "rgb tape light", "5050 flexible strip"],
        description=DESCRIPTION,
        attributes=every_strip_attribute(),
        price_min="1.20",
        price_max="3.50",
        moq=100,
        supply_quantity=100000,
        lead_times=[{"up_to": 1000, "days": 15}, {"up_to": 10000, "days": 30}],
        port_of_loading=Port.objects.get(locode="CNNGB"),
        incoterms=["FOB", "CIF"],
        payment_methods=["TT", "LC"],
        packaging="Each reel in an antistatic bag, 50 reels per carton.",
        hs_code="940542",
    )
    for _n in range(3):
        ls.listing_add_image(product=product, by=owner, upload=files.png(800, 800))
    ls.listing_set_translation(
        product=product,
        by=owner,
        language="zh-hans",
        title="柔性LED灯带 5050 RGB 12V 防水",
        keywords=["LED灯带"],
    )
    product.refresh_from_db()
    return product


def by_key(report: quality.QualityReport) -> dict[str, dict]:
    return {item["key"]: item for item in report.items}


def test_weights_sum_to_five_and_each_item_can_reach_its_weight():
    assert sum(quality.WEIGHTS.values()) == Decimal("5.00")


def test_a_bare_listing_scores_low_with_the_expected_deductions(supplier, owner):
    membership = Membership.objects.get(user=owner)
    product = ls.listing_create(
        membership=membership, category=strip_category(), title="Flexible tape"
    )
    report = quality.score_listing(product)
    items = by_key(report)
    assert report.score == Decimal("0.40")
    assert {k: items[k]["got"] for k in quality.WEIGHTS} == {
        "title": Decimal("0.30"),  # not shouting, no repeats; too short, no category word
        "keywords": Decimal("0.00"),
        "attributes": Decimal("0.00"),
        "images": Decimal("0.00"),
        "description": Decimal("0.00"),
        "trade": Decimal("0.10"),  # the minimum order only
        "languages": Decimal("0.00"),
    }
    assert items["title"]["deduction"] == Decimal("0.70")
    assert items["title"]["advice_code"] == "title_length"
    assert items["keywords"]["advice_code"] == "keywords_count"
    assert items["attributes"]["advice_code"] == "attributes_required"
    assert items["images"]["advice"].startswith("Add at least 3 photos")
    assert items["trade"]["params"]["missing"] == [
        "price",
        "lead_time",
        "port",
        "incoterms",
        "payment",
        "packaging",
        "hs_code",
        "supply",
    ]
    assert items["languages"]["advice_code"] == "languages_none"
    # Stored by the hook in listing_create.
    product.refresh_from_db()
    assert product.quality_score == Decimal("0.40")
    assert [i["key"] for i in product.quality_report][:7] == list(quality.WEIGHTS)


def test_a_complete_listing_scores_full_marks(supplier, owner):
    product = complete_listing(owner)
    report = quality.score_listing(product)
    assert report.score == Decimal("5.00")
    assert all(item["deduction"] == 0 for item in report.items)
    assert product.quality_score == Decimal("5.00")  # stored by the edit hooks


def test_problems_take_points_off_with_advice(supplier, owner):
    product = complete_listing(owner)
    problems = {
        "duplicate_of": 7,
        "duplicate_evidence": {"title": "Old strip", "images": [], "title_similarity": 1.0},
        "suggested_category": {"code": "led-bulbs", "name": "LED Bulbs", "probability": 0.93},
        "keyword_stuffing": {"repeated": {"led": 4}},
    }
    report = quality.score_listing(product, problems=problems)
    items = by_key(report)
    assert report.score == Decimal("2.75")  # 5 - 1.00 - 0.75 - 0.50
    assert items["problem.duplicate_of"]["advice"].startswith("This repeats your listing “Old")
    assert "LED Bulbs" in items["problem.suggested_category"]["advice"]
    assert items["problem.keyword_stuffing"]["deduction"] == Decimal("0.50")


def test_title_checks_shouting_repeats_and_the_category_word(supplier, owner):
    membership = Membership.objects.get(user=owner)
    product = ls.listing_create(
        membership=membership,
        category=strip_category(),
        title="SUPER BRIGHT TAPE BRIGHT TAPE FOR SHOPS AND HOMES",
    )
    items = by_key(quality.score_listing(product))
    assert items["title"]["got"] == Decimal("0.40")  # length only
    ls.listing_update(product=product, by=owner, title="Bright flexible LED strip for shop signs")
    product.refresh_from_db()
    items = by_key(quality.score_listing(product))
    assert items["title"]["got"] == Decimal("1.00")


def test_images_count_size_and_shape(supplier, owner):
    membership = Membership.objects.get(user=owner)
    product = ls.listing_create(
        membership=membership, category=strip_category(), title="Flexible LED strip 5050"
    )
    ls.listing_add_image(product=product, by=owner, upload=files.png(1200, 700))
    items = by_key(quality.score_listing(product))
    # 1 of 3 photos (0.13), big enough (0.25), not square (0)
    assert items["images"]["got"] == Decimal("0.38")
    assert items["images"]["advice_code"] == "images_count"


def test_every_edit_refreshes_the_stored_score(supplier, owner):
    membership = Membership.objects.get(user=owner)
    product = ls.listing_create(
        membership=membership, category=strip_category(), title="Flexible tape"
    )
    before = Product.objects.get(pk=product.pk).quality_score
    ls.listing_update(product=product, by=owner, keywords=["led strip", "rgb strip", "led tape"])
    after_keywords = Product.objects.get(pk=product.pk).quality_score
    ls.listing_set_translation(
        product=product, by=owner, language="es", title="Tira de luces LED flexible"
    )
    after_translation = Product.objects.get(pk=product.pk).quality_score
    ls.listing_remove_translation(product=product, by=owner, language="es")
    assert before < after_keywords < after_translation
    assert Product.objects.get(pk=product.pk).quality_score == after_keywords


def test_the_stored_report_is_shown_in_the_readers_language(supplier, owner):
    from django.utils import translation

    membership = Membership.objects.get(user=owner)
    product = ls.listing_create(
        membership=membership, category=strip_category(), title="Flexible tape"
    )
    product.refresh_from_db()
    with translation.override("zh-hans"):
        items = quality.report_items(product.quality_report)
    assert items[0]["max"] == Decimal("1.00")
    assert quality.top_advice(product.quality_report) == [
        by_key(quality.score_listing(product))["attributes"]["advice"]
    ]
