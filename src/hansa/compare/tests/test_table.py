"""The comparison table: rows aligned across categories, read from the approved snapshot only,
in the viewer's language, with the supplier's facts and "only differences"."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hansa.catalog import listing_services as ls
from hansa.catalog.models import Category, Product
from hansa.compare import selectors
from hansa.compare.tests.conftest import live, publish
from hansa.trade.models import Port

pytestmark = pytest.mark.django_db


def rows_of(table) -> dict[str, dict]:
    return {row["key"]: row for row in table["rows"]}


def texts(row) -> list[str | None]:
    return [c["text"] for c in row["cells"]]


def test_attributes_of_two_categories_are_aligned_by_code():
    strip = live(
        attributes={
            "voltage": "12V",
            "leds_per_metre": "60",
            "light_colour": "rgb",
            "ip_rating": "ip65",
            "colour_temperature": "3000",
        }
    )
    bulb = live(category="led-bulbs")
    table = selectors.comparison_table([strip, bulb], "en")
    rows = rows_of(table)
    strip_codes = list(
        Category.objects.get(code="led-strip-lights").attributes.values_list("code", flat=True)
    )
    bulb_codes = list(
        Category.objects.get(code="led-bulbs").attributes.values_list("code", flat=True)
    )
    attribute_keys = [r["key"] for r in table["rows"] if r["key"].startswith("attr:")]
    # The union, each code once, in template order (the first product's template first);
    # the "certifications" attribute joins the certifications row instead of a second one.
    expected = strip_codes + [c for c in bulb_codes if c not in strip_codes]
    assert attribute_keys == [f"attr:{c}" for c in expected if c != "certifications"]
    # colour_temperature is in both templates: one row, both values, the label from the first.
    assert texts(rows["attr:colour_temperature"]) == ["3,000 K", "3,000 K"]
    assert rows["attr:colour_temperature"]["same"] is True
    # A strip attribute the bulb template lacks is blank for the bulb, and the other way round.
    assert texts(rows["attr:voltage"]) == ["12 V DC", None]
    assert texts(rows["attr:power"]) == [None, "9 W"]
    assert rows["attr:power"]["label"] == "Power" and rows["attr:voltage"]["same"] is False
    assert [c["id"] for c in table["columns"]] == [strip.pk, bulb.pk]
    assert all(len(r["cells"]) == 2 for r in table["rows"])


def test_certifications_of_the_listing_and_the_template_make_one_row():
    product = live(
        certifications=["CE", "ISO 9001"],
        attributes={
            "voltage": "12V",
            "leds_per_metre": "60",
            "light_colour": "rgb",
            "ip_rating": "ip65",
            "certifications": ["CE", "FCC"],
        },
    )
    rows = rows_of(selectors.comparison_table([product, live()], "zh-hans"))
    assert texts(rows["certifications"])[0] == "CE, ISO 9001, FCC认证"
    assert "attr:certifications" not in rows


def test_trade_facts_and_price_tiers():
    ningbo = Port.objects.get(locode="CNNGB")
    first = live(
        incoterms=["FOB", "CIF"],
        payment_methods=["TT", "LC"],
        port_of_loading=ningbo,
        lead_times=[{"up_to": 1000, "days": 15}, {"up_to": 5000, "days": 25}],
        sample_available=True,
        sample_price="5",
        certifications=["CE", "RoHS"],
        packaging="5 m per reel",
        ready_to_ship=True,
        stock=3000,
        custom_attributes=[{"name": "Warranty", "value": "3 years"}],
    )
    second = live(price_min="0.90", price_max="2.00", moq=500)
    ls.listing_set_tiers(product=second, by=None, tiers=[(500, "2.00"), (2000, "0.90")])
    second = publish(second)
    rows = rows_of(selectors.comparison_table([first, second], "en"))
    assert texts(rows["price"]) == ["USD 1.20 – 3.50 / piece", "USD 0.90 / piece"]
    assert rows["price"]["cells"][1]["lines"] == [
        "500 – 1,999 pieces: USD 2.00",
        "≥ 2,000 pieces: USD 0.90",
    ]
    assert [c["best"] for c in rows["price"]["cells"]] == [False, True]
    assert texts(rows["moq"]) == ["100 pieces", "500 pieces"]
    assert [c["best"] for c in rows["moq"]["cells"]] == [True, False]
    assert texts(rows["incoterms"]) == ["FOB Ningbo, CIF", None]
    assert texts(rows["port_of_loading"]) == ["Ningbo (CNNGB)", None]
    assert texts(rows["payment_methods"]) == ["T/T, L/C", None]
    assert texts(rows["lead_time"])[0] == "15 days"
    assert rows["lead_time"]["cells"][0]["lines"][0] == "1 – 1,000 pieces: 15 days"
    assert texts(rows["samples"]) == ["Available · USD 5.00", "Not available"]
    assert texts(rows["ready_to_ship"]) == ["Yes, 3,000 pieces in stock", "No"]
    assert texts(rows["certifications"]) == ["CE, RoHS", None]
    labels = [r["label"] for r in rows.values()]
    assert labels.count("Certifications") == 1
    assert texts(rows["packaging"]) == ["5 m per reel", None]
    assert texts(rows["custom:warranty"]) == ["3 years", None]


def test_supplier_facts_and_the_response_rate_hook(monkeypatch):
    old = live()
    old.company.verification_status = "verified"
    old.company.star_rating = 4
    old.company.year_established = 2005
    old.company.business_types = ["manufacturer", "trading_company"]
    old.company.save()
    young = live()
    young.company.country = "VN"
    young.company.save()
    old, young = (Product.objects.select_related("company").get(pk=p.pk) for p in (old, young))
    rows = rows_of(selectors.comparison_table([old, young], "en"))
    assert rows["supplier"]["cells"][0]["href"] == old.company.get_absolute_url()
    assert texts(rows["supplier"]) == [old.company.name, young.company.name]
    assert texts(rows["supplier_country"]) == ["China, Ningbo", "Vietnam, Ningbo"]
    assert texts(rows["verification"]) == ["Verified supplier", "Not verified"]
    assert texts(rows["stars"]) == ["★★★★", None]
    assert texts(rows["years_in_business"])[0].endswith("years")
    assert texts(rows["business_types"]) == [
        "Manufacturer / factory, Trading company",
        "Manufacturer / factory",
    ]
    # No inquiries yet: blank, with a title that says why.
    assert texts(rows["response_rate"]) == [None, None]
    assert rows["response_rate"]["cells"][0]["title"] == "No inquiries yet"
    assert selectors.supplier_response_rate(old.company) is None
    # The inquiry feature will fill the hook; the table reads only it.
    monkeypatch.setattr(
        selectors,
        "supplier_response_rate",
        lambda company: Decimal("92.5") if company.pk == old.company_id else Decimal(60),
    )
    rows = rows_of(selectors.comparison_table([old, young], "en"))
    assert texts(rows["response_rate"]) == ["92.5 %", "60 %"]
    assert rows["response_rate"]["cells"][0]["best"] is True


def test_only_the_approved_snapshot_is_shown_while_an_edit_waits(strips):
    first, second = strips
    approved_title = first.title
    ls.listing_update(
        product=first,
        by=None,
        title="Unapproved new title for the LED strip",
        moq=7,
        incoterms=["EXW"],
        attributes={**first.attributes, "chip_model": "Secret chip"},
    )
    first = Product.objects.get(pk=first.pk)
    assert first.status == "edited" and first.title.startswith("Unapproved")
    table = selectors.comparison_table([first, second], "en")
    rows = rows_of(table)
    assert table["columns"][0]["title"] == approved_title
    assert texts(rows["moq"])[0] == "100 pieces"
    assert texts(rows["incoterms"])[0] is None
    assert texts(rows["attr:chip_model"])[0] is None
    assert "Unapproved" not in str(table) and "Secret chip" not in str(table)


def test_the_table_speaks_chinese_with_the_chinese_version_of_the_listing():
    product = live(
        attributes={
            "voltage": "12V",
            "leds_per_metre": "60",
            "light_colour": "rgb",
            "ip_rating": "ip65",
            "chip_model": "Epistar 5050",
        }
    )
    ls.listing_set_translation(
        product=product,
        by=None,
        language="zh-hans",
        title="柔性LED灯带 5050 RGB",
        attribute_texts={"chip_model": "晶元 5050"},
    )
    product = publish(product)
    # A later Chinese edit waits for review and does not leak.
    ls.listing_set_translation(
        product=product, by=None, language="zh-hans", title="未审核的新标题 LED 灯带"
    )
    other = live()
    table = selectors.comparison_table([product, other], "zh-hans")
    rows = rows_of(table)
    assert table["columns"][0]["title"] == "柔性LED灯带 5050 RGB"
    assert table["columns"][0]["lang"] == "zh-hans"
    assert table["columns"][1]["title"] == other.title  # no Chinese version: the base text
    assert texts(rows["attr:chip_model"])[0] == "晶元 5050"
    assert rows["attr:voltage"]["label"] == "输入电压"
    assert texts(rows["attr:voltage"])[0] == "12V 直流"
    assert texts(rows["moq"]) == ["100 件", "100 件"]
    assert "未审核" not in str(table)
    english = selectors.comparison_table([product, other], "en")
    assert english["columns"][0]["title"] == product.published["title"]


def test_only_differences_hides_rows_where_every_product_is_the_same(strips):
    table = selectors.comparison_table(strips, "en")
    rows = rows_of(table)
    assert rows["moq"]["same"] and not rows["supplier"]["same"]
    diff = selectors.only_differences(table)
    keys = {r["key"] for r in diff["rows"]}
    assert "moq" not in keys and "price" not in keys and "supplier" in keys
    assert all(not r["same"] for r in diff["rows"])
    # A single product: nothing to compare, nothing hidden.
    single = selectors.comparison_table(strips[:1], "en")
    assert selectors.only_differences(single)["rows"] == single["rows"]
