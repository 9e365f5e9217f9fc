from collections import Counter
from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.auth.hashers import check_password
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.test import Client

from hansa.catalog.attributes import clean_attributes
from hansa.catalog.listing_selectors import public_products, visible_products
from hansa.catalog.models import (
    AttributeDefinition,
    Category,
    ListingStatus,
    Product,
    ProductGroup,
    ProductImage,
    ProductTranslation,
    ReviewEvent,
)
from hansa.catalog.models.listings import KEYWORDS_MAX, TITLE_MAX
from hansa.catalog.snapshot import build_snapshot, content_digest
from hansa.companies.models import Membership
from hansa.demo.generator import (
    DEMO_PASSWORD,
    FEATURED_SUPPLIER,
    SUPPLIER_ADMIN_EMAIL,
    delete_demo_data,
    generate_market,
)
from hansa.demo.listings import (
    SHOWROOM_GROUP,
    generate_listings,
    nice_quantity,
    product_nouns,
    round_price,
    singular,
)
from hansa.trade.hscodes import validate_hs_code
from hansa.trade.units import UNIT_CHOICES

pytestmark = pytest.mark.django_db
S = ListingStatus
PUBLISHED = (S.LIVE, S.EDITED, S.OFFLINE)


def _templates() -> dict[int, list[AttributeDefinition]]:
    templates: dict[int, list[AttributeDefinition]] = {}
    for a in AttributeDefinition.objects.all():
        templates.setdefault(a.category_id, []).append(a)
    return templates


def _listings():
    return list(
        Product.objects.filter(is_demo=True)
        .select_related("category", "port_of_loading", "company")
        .prefetch_related("tiers", "translations", "images")
        .order_by("pk")
    )


def test_demo_listings_are_realistic_and_valid():
    summary = generate_market(suppliers=40, buyers=20, products=1500, progress=False)
    products = _listings()
    assert len(products) == summary.products == 1500
    # Every top-level category of the tree has listings, and most leaves of a big tree are used.
    tops = {p.category.path.split("/")[0] for p in products}
    assert tops == set(Category.objects.filter(parent=None).values_list("code", flat=True))
    assert summary.product_industries == 26

    templates = _templates()
    units = {code for code, _label in UNIT_CHOICES}
    statuses = Counter(p.status for p in products)
    assert statuses[S.LIVE] > 0.8 * len(products)
    assert {S.DRAFT, S.PENDING, S.REJECTED, S.OFFLINE} <= set(statuses)
    for p in products:
        # Required attributes are filled with values the template accepts, unchanged.
        definitions = templates.get(p.category_id, [])
        assert clean_attributes(definitions, p.attributes, require=True) == p.attributes
        assert 10 <= len(p.title) <= TITLE_MAX and 1 <= len(p.keywords) <= KEYWORDS_MAX
        assert p.description.startswith("<p>") and "<script" not in p.description
        assert p.category.is_leaf and p.currency == "USD" and p.unit in units and p.moq > 0
        assert p.base_language == "en" and p.origin_country.code == p.company.country.code
        if p.port_of_loading_id:
            assert p.port_of_loading.country.code == p.company.country.code
        first_hs = (p.category.hs_codes or [""])[0].replace(".", "")
        assert p.hs_code == (first_hs if len(first_hs) == 6 else "")
        if p.hs_code:
            assert validate_hs_code(p.hs_code) == p.hs_code
        assert "FOB" in p.incoterms or "FCA" in p.incoterms
        assert p.payment_methods[0] == "TT"
        if p.price_kind == "range":
            assert Decimal(0) < p.price_min <= p.price_max
        elif p.price_kind == "tiers":
            tiers = list(p.tiers.all())
            assert len(tiers) >= 2 and tiers[0].min_quantity == p.moq
            prices = [t.unit_price for t in tiers]
            assert prices == sorted(prices, reverse=True) and len(set(prices)) == len(prices)
            assert (p.price_min, p.price_max) == (prices[-1], prices[0])
        else:
            assert p.price_kind == "negotiable" and p.price_min is None
        images = list(p.images.all())
        assert 1 <= len(images) <= 6
        assert all(i.width == i.height == 600 and len(i.dhash) == 16 for i in images)
        # Only published listings carry a snapshot, and it is what build_snapshot makes.
        if p.status in PUBLISHED:
            assert p.published is not None and p.published_at is not None
        elif p.status in (S.DRAFT, S.PENDING, S.REJECTED):
            assert p.published is None
        if p.status in (S.LIVE, S.OFFLINE):
            assert content_digest(build_snapshot(p)) == content_digest(p.published)
        if p.status == S.EDITED:
            assert p.published["title"] != p.title
        if p.status == S.REJECTED:
            assert p.rejection_reasons
        assert p.created_at <= p.updated_at
    # Shares of languages, magnitudes of prices.
    languages = Counter(ProductTranslation.objects.values_list("language", flat=True))
    assert 0.2 < languages["zh-hans"] / len(products) < 0.4
    assert 0.05 < languages["es"] / len(products) < 0.25
    assert {"fr", "de", "ru", "pt"} <= set(languages)
    assert not ProductTranslation.objects.filter(language="en").exists()
    tractor = [p.price_min for p in products if p.category.code == "tractors" and p.price_min]
    resistor = [p.price_min for p in products if p.category.code == "resistors" and p.price_min]
    if tractor and resistor:
        assert min(tractor) > 1000 > max(resistor)
    # The review trail follows each listing's status.
    events = Counter(ReviewEvent.objects.values_list("action", flat=True))
    assert events["approved"] >= statuses[S.LIVE]
    assert events["submitted"] >= len(products) - statuses[S.DRAFT]
    assert events["rejected"] == statuses[S.REJECTED]
    # The shared pictures are real files in storage.
    for name in set(ProductImage.objects.values_list("image", flat=True)[:20]):
        assert default_storage.exists(name)


def test_duplicates_and_miscategorised_listings_are_planted_for_the_detectors():
    generate_market(suppliers=20, buyers=10, products=0, progress=False)
    from hansa.demo.generator import base_datetime

    counts = generate_listings(seed=3, count=3000, base=base_datetime(3))
    assert counts.total == 3000
    assert 5 <= counts.duplicates <= 30 and 5 <= counts.miscategorised <= 30
    # A near-copy keeps its original's supplier, category, description and pictures.
    groups = Counter(Product.objects.values_list("company_id", "category_id", "description"))
    assert sum(n - 1 for n in groups.values()) == counts.duplicates


def test_the_same_seed_gives_the_same_listings():
    def snapshot():
        return list(
            Product.objects.order_by("slug").values_list(
                "slug", "title", "category__code", "status", "price_min", "moq", "attributes"
            )
        )

    generate_market(seed=11, suppliers=15, buyers=10, products=150, progress=False)
    first = snapshot()
    assert len(first) == 150
    delete_demo_data()
    assert not Product.objects.exists() and not ProductGroup.objects.exists()
    generate_market(seed=11, suppliers=15, buyers=10, products=150, progress=False)
    assert snapshot() == first
    delete_demo_data()
    generate_market(seed=12, suppliers=15, buyers=10, products=150, progress=False)
    assert snapshot() != first


def test_the_protected_showroom_group_stays_out_of_public_lists():
    summary = generate_market(suppliers=15, buyers=10, products=300, progress=False)
    group = ProductGroup.objects.get(name=SHOWROOM_GROUP)
    assert group.company.name == FEATURED_SUPPLIER and group.is_protected
    assert check_password(DEMO_PASSWORD, group.password_hash)
    hidden = list(group.products.all())
    assert len(hidden) == summary.protected_products == 3
    assert all(p.status == S.LIVE and p.published for p in hidden)
    public = public_products()
    assert not public.filter(pk__in=[p.pk for p in hidden]).exists()
    assert public.filter(company=group.company).exists()
    # The supplier's own members still see them; the public API answers 404.
    owner = Membership.objects.get(user__email=SUPPLIER_ADMIN_EMAIL)
    assert visible_products(owner.user, owner).filter(pk=hidden[0].pk).exists()
    assert Client().get(f"/api/v1/products/public/{hidden[0].slug}").status_code == 404
    shown = public.filter(company=group.company).first()
    assert Client().get(f"/api/v1/products/public/{shown.slug}").status_code == 200
    # The featured supplier's other listings sit in public product-line groups.
    assert ProductGroup.objects.filter(company=group.company, password_hash="").exists()


def test_generate_products_fills_a_benchmark_catalogue():
    with pytest.raises(CommandError, match="demo"):
        call_command("generate_products", "10", "--no-progress", stdout=StringIO())
    generate_market(suppliers=12, buyers=5, products=30, progress=False)
    out = StringIO()
    call_command(
        "generate_products", "700", "--batch", "300", "--translations", "--no-progress", stdout=out
    )
    assert "products per second" in out.getvalue() and "Added 700 live listings" in out.getvalue()
    assert Product.objects.count() == 730
    added = list(
        Product.objects.order_by("-pk")[:700].prefetch_related("tiers", "translations", "images")
    )
    assert all(p.status == S.LIVE and p.published and p.images.count() == 1 for p in added)
    assert content_digest(build_snapshot(added[0])) == content_digest(added[0].published)
    assert public_products().count() >= 700
    assert not ReviewEvent.objects.filter(product__in=added).exists()
    assert ProductTranslation.objects.filter(product__in=added).exists()
    # Running it again adds more rather than colliding with the first batch.
    call_command("generate_products", "50", "--no-progress", stdout=StringIO())
    assert Product.objects.count() == 780
    with pytest.raises(CommandError):
        call_command("generate_products", "0", "--no-progress", stdout=StringIO())


def test_names_prices_and_quantities():
    assert singular("Batteries") == "Battery" and singular("Switches") == "Switch"
    assert singular("Jeans") == "Jeans" and singular("Knives") == "Knife"
    assert product_nouns("x", "Wall Switches & Sockets") == ("Wall Switch", "Wall Socket")
    assert product_nouns("x", "Filling & Capping Machines") == (
        "Filling Machine",
        "Capping Machine",
    )
    assert product_nouns("x", "Garment Accessories (Buttons, Zippers, Labels)") == (
        "Button",
        "Zipper",
        "Label",
    )
    assert [nice_quantity(v) for v in (0.4, 3.2, 47, 180, 7400)] == [1, 3, 50, 200, 10000]
    assert round_price(0.01234) == Decimal("0.012") and round_price(12.345) == Decimal("12.35")
    assert round_price(1234.5) == Decimal("1230") and round_price(0.00004) == Decimal("0.0001")
