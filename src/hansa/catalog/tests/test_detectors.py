from __future__ import annotations

import io
import random
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone
from PIL import Image, ImageDraw

from hansa.catalog import detectors
from hansa.catalog import listing_services as ls
from hansa.catalog.models import Category, ListingStatus, Product
from hansa.catalog.tests.factories import ProductFactory, strip_category, valid_strip_attributes
from hansa.companies.models import Membership
from hansa.companies.tests.factories import SupplierCompanyFactory

pytestmark = pytest.mark.django_db


def picture(seed: int, size: int = 800, fmt: str = "PNG", quality: int = 90) -> SimpleUploadedFile:
    """A photo-like picture with shapes; the same seed draws the same picture at any size."""
    rnd = random.Random(seed)
    image = Image.new("RGB", (400, 400), (250, 250, 250))
    draw = ImageDraw.Draw(image)
    for _n in range(14):
        x, y = rnd.randrange(0, 360), rnd.randrange(0, 360)
        w, h = rnd.randrange(30, 200), rnd.randrange(30, 200)
        colour = (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256))
        shape = draw.ellipse if rnd.random() < 0.5 else draw.rectangle
        shape([x, y, x + w, y + h], fill=colour)
    image = image.resize((size, size), Image.Resampling.BICUBIC)
    out = io.BytesIO()
    options = {"quality": quality} if fmt == "JPEG" else {}
    image.save(out, format=fmt, **options)
    kind = "jpeg" if fmt == "JPEG" else "png"
    return SimpleUploadedFile(f"photo.{kind}", out.getvalue(), content_type=f"image/{kind}")


def make(owner, title: str, **fields) -> Product:
    membership = Membership.objects.get(user=owner)
    return ls.listing_create(
        membership=membership,
        category=fields.pop("category", strip_category()),
        title=title,
        attributes=fields.pop("attributes", valid_strip_attributes()),
        price_min="1.20",
        moq=100,
        **fields,
    )


def with_image(product: Product, owner, upload: SimpleUploadedFile) -> Product:
    ls.listing_add_image(product=product, by=owner, upload=upload)
    return Product.objects.get(pk=product.pk)


# --- Duplicates -------------------------------------------------------------------------------


def test_the_same_picture_marks_the_newer_listing_a_duplicate(supplier, owner):
    older = with_image(make(owner, "Flexible LED strip light 5050 RGB"), owner, picture(1))
    newer = with_image(make(owner, "Flexible LED strip light 5050 RGB new"), owner, picture(1))
    found = detectors.find_duplicate(newer)
    assert found is not None and found["id"] == older.pk
    assert found["images"] == [[1, 1, 0]]
    assert detectors.find_duplicate(older) is None  # the original keeps its place


def test_a_resized_and_reencoded_copy_is_still_the_same_picture(supplier, owner):
    older = with_image(make(owner, "Flexible LED strip light 5050 RGB"), owner, picture(2))
    copy = picture(2, size=520, fmt="JPEG", quality=60)
    newer = with_image(make(owner, "Flexible LED strip light 5050 RGB new"), owner, copy)
    assert detectors.hamming(older.images.get().dhash, newer.images.get().dhash) <= 6
    assert detectors.find_duplicate(newer)["id"] == older.pk


def test_a_different_picture_and_title_is_not_a_duplicate(supplier, owner):
    with_image(make(owner, "Flexible LED strip light 5050 RGB"), owner, picture(3))
    newer = with_image(make(owner, "Aluminium channel for LED tape"), owner, picture(4))
    assert detectors.find_duplicate(newer) is None


def test_another_suppliers_copy_is_not_our_duplicate(supplier, owner, other_owner):
    with_image(make(owner, "Flexible LED strip light 5050 RGB"), owner, picture(5))
    theirs = with_image(
        make(other_owner, "Flexible LED strip light 5050 RGB"), other_owner, picture(5)
    )
    assert detectors.find_duplicate(theirs) is None


def test_same_title_up_to_numbers_with_same_attributes_is_a_duplicate(supplier, owner):
    older = make(owner, "Flexible LED strip light 5050 RGB 12V 5m")
    same = make(owner, "Flexible LED strip light 5050 RGB 12 V 10m")
    assert detectors.find_duplicate(same)["id"] == older.pk
    other_voltage = dict(valid_strip_attributes())
    voltage = strip_category().attributes.get(code="voltage")
    other_voltage["voltage"] = voltage.choices[-1]["value"]
    assert other_voltage["voltage"] != older.attributes["voltage"]
    # The same words, but another voltage: a variant, not a copy.
    variant = make(owner, "Flexible LED strip light 5050 RGB 24V 5m", attributes=other_voltage)
    assert detectors.find_duplicate(variant) is None


def test_approval_stores_the_duplicate_and_search_demotes_it(supplier, owner, django_user_model):
    from django.contrib.auth.models import Permission

    reviewer = django_user_model.objects.create(email="rev@hansa.example", is_staff=True)
    reviewer.user_permissions.add(Permission.objects.get(codename="review_listing"))
    older = with_image(make(owner, "Flexible LED strip light 5050 RGB"), owner, picture(6))
    newer = with_image(make(owner, "Flexible LED strip light 5050 RGB new"), owner, picture(6))
    ls.listing_submit(product=newer, by=owner)
    ls.listing_approve(product=newer, by=reviewer)
    newer.refresh_from_db()
    assert newer.problems["duplicate_of"] == older.pk
    assert newer.problems["duplicate_evidence"]["images"] == [[1, 1, 0]]
    assert detectors.search_demotion(newer) == Decimal("0.5")
    assert any(i["key"] == "problem.duplicate_of" for i in newer.quality_report)


# --- Category classifier --------------------------------------------------------------------

TITLES = {
    "led-strip-lights": [
        "Flexible LED strip light 5050 RGB waterproof",
        "12V LED tape light warm white 2835",
        "Smart wifi RGB LED strip kit with remote",
        "COB LED strip dotless flexible tape",
        "Outdoor waterproof neon LED strip rope",
        "Addressable pixel LED strip WS2812B",
        "High CRI LED strip light for cabinets",
        "USB powered LED strip TV backlight",
    ],
    "mobile-phone-cases": [
        "Shockproof silicone phone case for iPhone 15",
        "Leather wallet phone case with card slots",
        "Clear TPU mobile phone cover anti-yellow",
        "Rugged armor phone case with kickstand",
        "Magnetic MagSafe phone case for iPhone",
        "Glitter phone cover for Samsung Galaxy",
        "Custom printed phone case sublimation blank",
        "Flip cover mobile phone case with stand",
    ],
    "t-shirts": [
        "Men's cotton crew neck t-shirt blank",
        "Oversized heavyweight cotton tee shirt",
        "Custom printed t-shirt for promotion",
        "Women's slim fit v-neck cotton t-shirt",
        "Organic cotton kids t-shirt",
        "Polyester quick dry sports t-shirt",
        "Plain white cotton t-shirt wholesale",
        "Embroidered logo polo t-shirt for men",
    ],
}


def live_catalog() -> None:
    now = timezone.now()
    for code, titles in TITLES.items():
        category = Category.objects.get(code=code)
        for title in titles:
            ProductFactory(
                category=category,
                title=title,
                status=ListingStatus.LIVE,
                published={"title": title, "keywords": [], "category": code, "translations": {}},
                published_at=now,
            )


def test_tokens_are_english_words_and_chinese_bigrams():
    assert detectors.tokens("Flexible LED Strips for the shop, 柔性灯带") == [
        "flexible",
        "led",
        "strip",
        "shop",
        "柔性",
        "性灯",
        "灯带",
    ]


def test_the_classifier_suggests_the_right_category_for_a_misplaced_listing(supplier, owner):
    live_catalog()
    code, probability = detectors.suggest_category("Waterproof RGB LED strip light tape")
    assert code == "led-strip-lights" and probability >= 0.8
    tshirts = Category.objects.get(code="t-shirts")
    misplaced = make(
        owner, "Waterproof RGB LED strip light tape 5m", category=tshirts, attributes={}
    )
    found = detectors.wrong_category(misplaced)
    assert found["code"] == "led-strip-lights"
    assert found["name"] == "LED Strip Lights"
    assert found["probability"] >= 0.8 and found["current_probability"] <= 0.1
    correct = make(owner, "Heavyweight cotton crew neck t-shirt", category=tshirts, attributes={})
    assert detectors.wrong_category(correct) is None


def test_categories_with_too_few_live_listings_are_not_learnt(supplier):
    live_catalog()
    model = detectors.classifier()
    assert set(model.doc_counts) == set(TITLES)
    ProductFactory(
        category=Category.objects.get(code="bolts"),
        status=ListingStatus.LIVE,
        published={"title": "Hex bolt M8", "keywords": [], "category": "bolts"},
        published_at=timezone.now(),
    )
    retrained = detectors.classifier()
    assert retrained is not model  # the catalog changed
    assert "bolts" not in retrained.doc_counts  # one example is not enough
    assert detectors.classifier() is retrained  # nothing changed: the cached model


def test_a_live_listing_is_judged_without_its_own_vote(supplier, owner):
    live_catalog()
    strip = Product.objects.filter(category__code="led-strip-lights").first()
    model = detectors.classifier()
    assert strip.pk in model.members
    assert detectors.wrong_category(strip, model=model) is None


# --- Keyword stuffing ----------------------------------------------------------------------------


def test_repeated_words_are_stuffing():
    found = detectors.keyword_stuffing("LED strip LED light LED tape", [])
    assert found == {"repeated": {"led": 3}}


def test_a_keyword_repeating_the_title_is_stuffing():
    found = detectors.keyword_stuffing(
        "Flexible LED strip light", ["flexible LED strip light", "rgb tape"]
    )
    assert found == {"keyword_is_title": ["flexible LED strip light"]}


def test_a_title_listing_brands_is_stuffing():
    found = detectors.keyword_stuffing(
        "Strip for Philips, Osram, Cree, Samsung, Nichia, Epistar", []
    )
    assert found == {"title_items": 6}


def test_natural_keywords_are_not_stuffing():
    assert (
        detectors.keyword_stuffing(
            "Flexible LED strip light 5050", ["led strip", "rgb strip", "led tape"]
        )
        is None
    )


def test_search_demotion_multiplies_per_problem():
    product = Product(problems={})
    assert detectors.search_demotion(product) == Decimal(1)
    product.problems = {"suggested_category": {"code": "x"}, "keyword_stuffing": {"x": 1}}
    assert detectors.search_demotion(product) == Decimal("0.42")
    product.problems = {"duplicate_of": 3, "suggested_category": {}, "keyword_stuffing": {"a": 1}}
    assert detectors.search_demotion(product) == Decimal("0.35")


# --- Command ------------------------------------------------------------------------------------


def test_the_command_rechecks_live_listings(db):
    company = SupplierCompanyFactory()
    stuffed = ProductFactory(
        company=company,
        title="LED strip LED light LED tape LED rope",
        status=ListingStatus.LIVE,
        published={"title": "x", "keywords": [], "category": "led-strip-lights"},
        published_at=timezone.now(),
    )
    draft = ProductFactory(company=company, title="LED strip LED light LED tape draft")
    out = io.StringIO()
    call_command("detect_problems", stdout=out, stderr=io.StringIO())
    stuffed.refresh_from_db()
    draft.refresh_from_db()
    assert stuffed.problems["keyword_stuffing"]["repeated"]["led"] == 4
    assert stuffed.quality_report  # re-scored
    assert draft.problems == {}  # only live listings
    assert "1 with keyword stuffing" in out.getvalue()


def test_a_shared_photo_on_a_different_product_is_not_a_duplicate(owner):
    older = with_image(make(owner, "Flexible LED strip light 5050 RGB"), owner, picture(7))
    newer = with_image(make(owner, "Aluminium channel for LED tape"), owner, picture(7))
    assert detectors.find_duplicate(newer) is None
    assert older.pk != newer.pk
