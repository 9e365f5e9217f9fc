"""The supplier's product pages: who may reach them, and what the editor saves or refuses.

Anonymous visitors are sent to sign in, another company's members and a sales rep on a
colleague's listing get a uniform 404, a buying company gets 403, and in every case nothing
changes in the database.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from hansa.catalog import groups as group_services
from hansa.catalog import listing_services as ls
from hansa.catalog import selectors
from hansa.catalog.forms import ListingForm
from hansa.catalog.models import (
    GroupAccess,
    ListingStatus,
    Product,
    ProductGroup,
    ProductImage,
    ProductTranslation,
    ReviewEvent,
    TierPrice,
)
from hansa.catalog.tests.factories import ProductFactory, strip_category, valid_strip_attributes
from hansa.companies.models import Membership
from hansa.companies.tests.factories import UserFactory
from hansa.conftest import client_for
from hansa.core.tests import files
from hansa.trade.models import Port

pytestmark = pytest.mark.django_db
S = ListingStatus


# --- Fixtures and helpers ------------------------------------------------------------------


@pytest.fixture
def listing_reviewer(db):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="review_listing"))
    return user


def _create(user, title="Flexible LED strip light 5050 RGB 12V", **fields):
    membership = Membership.objects.get(user=user)
    product = ls.listing_create(
        membership=membership,
        category=strip_category(),
        title=title,
        price_min="1.20",
        price_max="3.50",
        moq=100,
        attributes=valid_strip_attributes(),
        **fields,
    )
    ls.listing_add_image(product=product, by=user, upload=files.png(400, 400))
    return Product.objects.get(pk=product.pk)


@pytest.fixture
def listing(supplier, owner):
    return _create(owner)


@pytest.fixture
def rep_listing(supplier, sales_rep):
    return _create(sales_rep, title="Rigid LED bar 2835 for showcases")


@pytest.fixture
def group(supplier):
    return group_services.group_create(company=supplier, name="New designs", password="secret-77")


def make_live(product, by, reviewer):
    ls.listing_submit(product=product, by=by)
    ls.listing_approve(product=product, by=reviewer)
    return Product.objects.get(pk=product.pk)


def editor_data(product, **changes):
    """The editor's form as the browser would post it untouched, with ``changes`` applied."""
    product = Product.objects.get(pk=product.pk)
    form = ListingForm(
        product=product,
        definitions=list(selectors.template_of(product.category)),
        can_assign_owner=True,
    )
    data = {}
    for bound in form:
        value = bound.value()
        if value is None or value == "":
            continue
        if isinstance(value, bool):
            if value:
                data[bound.name] = "on"
        elif isinstance(value, list | tuple):
            data[bound.name] = [str(v) for v in value]
        else:
            data[bound.name] = str(value)
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def state(*products):
    """Everything a stranger must not be able to change."""
    rows = []
    for product in products:
        p = Product.objects.get(pk=product.pk)
        rows.append(
            (
                p.title,
                p.status,
                p.description,
                p.category_id,
                p.group_id,
                p.price_min,
                sorted(p.images.values_list("pk", "position")),
                sorted(p.translations.values_list("language", "title")),
                sorted(p.tiers.values_list("min_quantity", "unit_price")),
                ReviewEvent.objects.filter(product=p).count(),
            )
        )
    rows.append(sorted(ProductGroup.objects.values_list("pk", "name", "password_hash")))
    rows.append(Product.objects.count())
    return rows


def object_requests(product, group):
    """(method, url, data) for every page and action on one listing or group."""
    image = product.images.first()
    gets = [
        reverse("catalog:product_edit", args=[product.pk]),
        reverse("catalog:product_category", args=[product.pk]),
        reverse("catalog:product_category", args=[product.pk]) + "?category=led-bulbs",
        reverse("catalog:product_translations", args=[product.pk]),
        reverse("catalog:product_translations", args=[product.pk]) + "?language=es",
        reverse("catalog:working_image", args=[product.pk, image.pk, "thumb"]),
        reverse("catalog:category_search") + f"?q=strip&product={product.pk}",
    ]
    posts = [
        (
            reverse("catalog:product_edit", args=[product.pk]),
            editor_data(product, title="Hacked title value"),
        ),
        (reverse("catalog:product_category", args=[product.pk]), {"category": "led-bulbs"}),
        (
            reverse("catalog:product_translations", args=[product.pk]),
            {"language": "es", "title": "Tira de luces LED flexible"},
        ),
        (reverse("catalog:translation_remove", args=[product.pk, "es"]), {}),
        (reverse("catalog:image_upload", args=[product.pk]), {"image": files.png(100, 100)}),
        (reverse("catalog:image_remove", args=[product.pk, image.pk]), {}),
        (reverse("catalog:image_main", args=[product.pk, image.pk]), {}),
    ]
    posts += [
        (reverse("catalog:product_action", args=[product.pk, action]), {})
        for action in ("submit", "offline", "relist", "archive", "restore")
    ]
    posts += [
        (reverse("catalog:group_action", args=[group.pk, "rename"]), {"name": "Hacked"}),
        (reverse("catalog:group_action", args=[group.pk, "password"]), {"password": "hacked-1"}),
        (reverse("catalog:group_action", args=[group.pk, "unprotect"]), {}),
        (reverse("catalog:group_action", args=[group.pk, "delete"]), {}),
    ]
    return gets, posts


COMPANY_PAGES = ["catalog:products", "catalog:product_new", "catalog:groups"]


# --- Who may do what -----------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_sign_in_and_nothing_changes(listing, group):
    before = state(listing)
    client = client_for(None)
    gets, posts = object_requests(listing, group)
    for url in [reverse(n) for n in COMPANY_PAGES] + gets:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    for url, data in [*posts, (reverse("catalog:product_new"), {"category": "led-bulbs"})]:
        response = client.post(url, data)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    assert state(listing) == before


def test_another_companys_owner_gets_a_uniform_404_and_nothing_changes(listing, group, other_owner):
    before = state(listing)
    client = client_for(other_owner)
    gets, posts = object_requests(listing, group)
    for url in gets:
        assert client.get(url).status_code == 404, url
    for url, data in posts:
        assert client.post(url, data).status_code == 404, url
    # Their own list does not show our listing; their group page does not show our group.
    listing_page = client.get(reverse("catalog:products")).content.decode()
    assert listing.title not in listing_page
    assert group.name not in client.get(reverse("catalog:groups")).content.decode()
    assert state(listing) == before


def test_a_sales_rep_reaches_only_their_own_listings(listing, rep_listing, group, sales_rep):
    before = state(listing, rep_listing)
    client = client_for(sales_rep)
    gets, posts = object_requests(listing, group)
    for url in gets:
        assert client.get(url).status_code == 404, url
    listing_posts = [(u, d) for u, d in posts if "/groups/" not in u]
    for url, data in listing_posts:
        assert client.post(url, data).status_code == 404, url
    # Showroom groups are run by the owner and administrators.
    for url, data in [(u, d) for u, d in posts if "/groups/" in u]:
        assert client.post(url, data).status_code == 403, url
    assert client.post(reverse("catalog:groups"), {"name": "Rep group"}).status_code == 403
    assert state(listing, rep_listing) == before
    page = client.get(reverse("catalog:products")).content.decode()
    assert rep_listing.title in page and listing.title not in page
    assert client.get(reverse("catalog:product_edit", args=[rep_listing.pk])).status_code == 200
    # A rep does not choose who is in charge: the listing stays theirs.
    edit = client.get(reverse("catalog:product_edit", args=[rep_listing.pk])).content.decode()
    assert 'name="owner"' not in edit


def test_a_buying_company_cannot_publish_products(listing, group, buyer):
    before = state(listing)
    client = client_for(buyer)
    for name in COMPANY_PAGES:
        assert client.get(reverse(name)).status_code == 403, name
    response = client.post(
        reverse("catalog:product_new"),
        {"category": "led-strip-lights", "title": "Cheap LED strip from a buyer"},
    )
    assert response.status_code == 403
    gets, posts = object_requests(listing, group)
    for url in gets:
        # A photo of a working copy answers the uniform not-found; pages answer "suppliers only".
        expected = 404 if "/photos/" in url else 403
        assert client.get(url).status_code == expected, url
    for url, data in posts:
        assert client.post(url, data).status_code == 403, url
    assert state(listing) == before


def test_the_sidebar_links_products_and_groups_for_members_who_manage_listings(owner, buyer):
    page = client_for(owner).get(reverse("workspace")).content.decode()
    assert reverse("catalog:products") in page and reverse("catalog:groups") in page
    page = client_for(buyer).get(reverse("workspace")).content.decode()
    assert reverse("catalog:products") not in page


# --- My products ---------------------------------------------------------------------------


def test_the_list_shows_status_quality_and_reviewer_reasons(
    listing, owner, listing_reviewer, supplier
):
    rejected = _create(owner, title="LED strip 2835 warm white 24V")
    ls.listing_submit(product=rejected, by=owner)
    ls.listing_reject(product=rejected, by=listing_reviewer, reasons={"images": "Show the reel"})
    Product.objects.filter(pk=listing.pk).update(quality_score=Decimal("3.75"))
    page = client_for(owner).get(reverse("catalog:products")).content.decode()
    assert "status-draft" in page and "status-rejected" in page
    assert "Show the reel" in page
    assert "3.8 / 5" in page
    assert reverse("catalog:product_edit", args=[listing.pk]) in page
    assert (
        reverse("catalog:working_image", args=[listing.pk, listing.images.first().pk, "thumb"])
        in page
    )
    assert "New product" in page


def test_the_list_filters_by_status_searches_and_pages(supplier, owner):
    for n in range(23):
        ProductFactory(company=supplier, title=f"Aluminium LED profile model {n:02d}")
    special = ProductFactory(company=supplier, title="Neon flex tube silicone", status=S.OFFLINE)
    archived = ProductFactory(company=supplier, title="Old COB strip archived", status=S.ARCHIVED)
    client = client_for(owner)
    first = client.get(reverse("catalog:products")).content.decode()
    assert "Page 1 of 2" in first and archived.title not in first
    assert "Page 2 of 2" in client.get(reverse("catalog:products") + "?page=2").content.decode()
    offline = client.get(reverse("catalog:products") + "?status=offline").content.decode()
    assert special.title in offline and "profile model" not in offline
    assert (
        archived.title
        in client.get(reverse("catalog:products") + "?status=archived").content.decode()
    )
    found = client.get(reverse("catalog:products") + "?q=neon").content.decode()
    assert special.title in found and "profile model" not in found
    assert (
        "No product matches." in client.get(reverse("catalog:products") + "?q=zzz").content.decode()
    )


def test_row_actions_move_the_listing_through_its_lifecycle(listing, owner, listing_reviewer):
    client = client_for(owner)

    def act(action):
        return client.post(
            reverse("catalog:product_action", args=[listing.pk, action]),
            {"next": reverse("catalog:products") + "?status=draft"},
        )

    response = act("submit")
    assert response.status_code == 302 and response["Location"].endswith("?status=draft")
    assert Product.objects.get(pk=listing.pk).status == S.PENDING
    ls.listing_approve(product=listing, by=listing_reviewer)
    act("offline")
    assert Product.objects.get(pk=listing.pk).status == S.OFFLINE
    act("relist")
    assert Product.objects.get(pk=listing.pk).status == S.LIVE
    act("archive")
    assert Product.objects.get(pk=listing.pk).status == S.ARCHIVED
    act("restore")
    assert Product.objects.get(pk=listing.pk).status == S.OFFLINE
    # A move the lifecycle forbids is refused with a message, and nothing changes.
    response = client.post(
        reverse("catalog:product_action", args=[listing.pk, "submit"]), follow=True
    )
    assert Product.objects.get(pk=listing.pk).status in (S.OFFLINE, S.EDITED)
    assert (
        client.post(reverse("catalog:product_action", args=[listing.pk, "explode"])).status_code
        == 404
    )


def test_submitting_an_incomplete_listing_says_what_is_missing(supplier, owner):
    product = ls.listing_create(
        membership=Membership.objects.get(user=owner),
        category=strip_category(),
        title="LED strip without any details",
    )
    response = client_for(owner).post(
        reverse("catalog:product_action", args=[product.pk, "submit"]), follow=True
    )
    assert "Not submitted" in response.content.decode()
    assert Product.objects.get(pk=product.pk).status == S.DRAFT
    assert client_for(owner).post(
        reverse("catalog:product_action", args=[product.pk, "submit"]),
        {"next": "https://evil.example/"},
    )["Location"] == reverse("catalog:products")


# --- New product and category ---------------------------------------------------------------


def test_category_search_finds_leaves_by_english_and_chinese_name_with_breadcrumbs(owner):
    client = client_for(owner)
    url = reverse("catalog:category_search")
    english = client.get(url, {"q": "led strip"}, HTTP_HX_REQUEST="true").content.decode()
    assert "LED Strip Lights" in english and "Lights &amp; Lighting" in english
    assert reverse("catalog:product_new") + "?category=led-strip-lights" in english
    chinese = client.get(url, {"q": "灯带"}).content.decode()
    assert "?category=led-strip-lights" in chinese
    assert "No category matches" in client.get(url, {"q": "qqqxyz"}).content.decode()
    # Only leaves: "LED Lighting" is a branch.
    assert "?category=led-lighting" not in client.get(url, {"q": "LED Lighting"}).content.decode()


def test_browsing_by_industry_then_naming_the_product_creates_a_draft(supplier, owner):
    client = client_for(owner)
    start = client.get(reverse("catalog:product_new")).content.decode()
    assert "?browse=lights-lighting" in start
    branch = client.get(reverse("catalog:product_new"), {"browse": "led-lighting"}).content.decode()
    assert "?category=led-strip-lights" in branch
    chosen = client.get(reverse("catalog:product_new"), {"category": "led-strip-lights"})
    html = chosen.content.decode()
    assert "LED Strip Lights" in html and 'name="title"' in html and "Input voltage" in html
    refused = client.post(
        reverse("catalog:product_new"), {"category": "led-lighting", "title": "LED strip 5050"}
    )
    assert refused.status_code == 200 and Product.objects.count() == 0
    response = client.post(
        reverse("catalog:product_new"),
        {"category": "led-strip-lights", "title": "Flexible LED strip light 5050 RGB"},
    )
    product = Product.objects.get()
    assert response["Location"] == reverse("catalog:product_edit", args=[product.pk])
    assert (product.status, product.company, product.category.code) == (
        S.DRAFT,
        supplier,
        "led-strip-lights",
    )


def test_changing_the_category_keeps_values_as_other_attributes(listing, owner):
    client = client_for(owner)
    page = client.get(
        reverse("catalog:product_category", args=[listing.pk]), {"category": "led-bulbs"}
    ).content.decode()
    assert "Move to this category" in page
    client.post(reverse("catalog:product_category", args=[listing.pk]), {"category": "led-bulbs"})
    product = Product.objects.get(pk=listing.pk)
    assert product.category.code == "led-bulbs"
    assert product.custom_attributes  # the strip's values were kept


# --- The editor ----------------------------------------------------------------------------


def test_the_editor_renders_every_section_from_the_category_template(listing, owner):
    page = (
        client_for(owner).get(reverse("catalog:product_edit", args=[listing.pk])).content.decode()
    )
    for text in (
        "Basic information",
        "Input voltage",  # choice
        "pcs/m",  # number with its unit
        'type="checkbox" name="attr_certifications"',  # multichoice
        'name="attr_waterproof"',  # yes / no
        'maxlength="40"',  # text with its max length
        "Other attributes",
        "Photos",
        "Detailed description",
        "FOB price range",
        'name="tier_qty_5"',
        "Port of loading",
        "Major ports",
        "FOB – Free On Board (sea only)",
        "T/T – Telegraphic transfer",
        'placeholder="9405.42"',
        "Ready to ship",
        "Showroom group",
        'name="owner"',
        'data-count="title-count"',
        "Save and submit for review",
    ):
        assert text in page, text
    # Payment methods are listed from the exporter's safest to the riskiest.
    assert page.index('value="TT"') < page.index('value="LC"') < page.index('value="OA"')


def test_the_editor_saves_a_complete_listing(listing, owner, sales_rep, group):
    ningbo = Port.objects.get(locode="CNNGB")
    rep_user = sales_rep
    data = editor_data(
        listing,
        title="Flexible LED strip light 5050 RGB 12V IP65",
        keyword_1="led strip",
        keyword_2="rgb tape light",
        attr_leds_per_metre="60",
        attr_chip_model="Epistar 5050",
        attr_waterproof="yes",
        attr_certifications=["CE", "RoHS"],
        custom_name_0="Warranty",
        custom_value_0="3 years",
        description="<p>Bright <strong>RGB</strong> strip.</p>",
        price_kind="range",
        currency="EUR",
        price_min="1.10",
        price_max="2.90",
        unit="MTR",
        moq="500",
        supply_quantity="20000",
        supply_period="month",
        lt_up_to_0="1000",
        lt_days_0="15",
        lt_up_to_1="5000",
        lt_days_1="25",
        port_of_loading=str(ningbo.pk),
        incoterms=["FOB", "CIF"],
        payment_methods=["LC", "TT"],
        packaging="5 m per reel, 100 reels per carton",
        hs_code="9405.42",
        origin_country="CN",
        certifications="CE, RoHS",
        sample_available="on",
        sample_price="5",
        oem="on",
        ready_to_ship="on",
        stock="3000",
        weight_kg="0.2",
        length_cm="10",
        width_cm="10",
        height_cm="2",
        group=str(group.pk),
        owner=str(rep_user.pk),
    )
    client = client_for(owner)
    response = client.post(reverse("catalog:product_edit", args=[listing.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    p = Product.objects.get(pk=listing.pk)
    assert p.title == "Flexible LED strip light 5050 RGB 12V IP65"
    assert p.keywords == ["led strip", "rgb tape light"]
    assert p.attributes["leds_per_metre"] == "60" and p.attributes["waterproof"] is True
    assert p.attributes["certifications"] == ["CE", "RoHS"]
    assert p.custom_attributes == [{"name": "Warranty", "value": "3 years"}]
    assert (p.currency, p.price_min, p.price_max, p.unit, p.moq) == (
        "EUR",
        Decimal("1.1"),
        Decimal("2.9"),
        "MTR",
        Decimal(500),
    )
    assert p.lead_times == [{"up_to": 1000, "days": 15}, {"up_to": 5000, "days": 25}]
    assert p.port_of_loading == ningbo and p.incoterms == ["FOB", "CIF"]
    assert p.payment_methods == ["TT", "LC"]
    assert (p.hs_code, p.origin_country.code, p.certifications) == ("940542", "CN", ["CE", "RoHS"])
    assert (p.sample_available, p.sample_price, p.oem, p.odm) == (True, Decimal(5), True, False)
    assert (p.ready_to_ship, p.stock, p.group, p.owner) == (True, Decimal(3000), group, rep_user)
    assert p.status == S.DRAFT
    page = client.get(response["Location"]).content.decode()
    assert "Saved." in page


def test_html_in_the_description_is_stripped_to_formatting(listing, owner):
    data = editor_data(
        listing,
        description=(
            '<p onclick="steal()">Good <b>strip</b></p><script>alert(1)</script>'
            '<img src=x onerror="alert(2)"><a href="https://evil.example">buy</a>'
            '<style>body{display:none}</style><iframe src="https://evil.example"></iframe>'
        ),
    )
    client_for(owner).post(reverse("catalog:product_edit", args=[listing.pk]), data)
    description = Product.objects.get(pk=listing.pk).description
    assert description.startswith("<p>Good <b>strip</b></p>")
    for bad in ("script", "onclick", "onerror", "<img", "<a", "href", "style", "iframe", "alert"):
        assert bad not in description, bad
    assert "which tags are kept" not in description  # sanity: only what was typed
    page = (
        client_for(owner).get(reverse("catalog:product_edit", args=[listing.pk])).content.decode()
    )
    assert "Scripts, styles, links and images are removed" in page


def test_a_title_that_is_too_long_is_refused_and_nothing_is_saved(listing, owner):
    before = state(listing)
    data = editor_data(listing, title="LED strip " + "x" * 130, description="<p>New text</p>")
    response = client_for(owner).post(reverse("catalog:product_edit", args=[listing.pk]), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "at most 128 characters" in html and "nothing was saved" in html
    assert state(listing) == before
    short = editor_data(listing, title="LED")
    html = client_for(owner).post(reverse("catalog:product_edit", args=[listing.pk]), short)
    assert "at least 10 characters" in html.content.decode()
    assert state(listing) == before


def test_an_unknown_incoterm_is_refused(listing, owner):
    before = state(listing)
    data = editor_data(listing, incoterms=["FOB", "XYZ"], title="Changed title for the strip")
    response = client_for(owner).post(reverse("catalog:product_edit", args=[listing.pk]), data)
    assert response.status_code == 200 and "XYZ" in response.content.decode()
    assert state(listing) == before and Product.objects.get(pk=listing.pk).incoterms == []


def test_rising_tier_prices_are_refused_and_nothing_is_half_saved(listing, owner):
    before = state(listing)
    data = editor_data(
        listing,
        title="A title that must not be saved alone",
        price_kind="tiers",
        tier_qty_0="100",
        tier_price_0="1.00",
        tier_qty_1="500",
        tier_price_1="1.50",
    )
    response = client_for(owner).post(reverse("catalog:product_edit", args=[listing.pk]), data)
    assert response.status_code == 200
    assert "A larger quantity cannot cost more per unit." in response.content.decode()
    assert state(listing) == before
    assert Product.objects.get(pk=listing.pk).price_kind == "range"


def test_a_tier_table_is_saved_and_sets_the_price_range(listing, owner):
    data = editor_data(
        listing,
        price_kind="tiers",
        tier_qty_0="100",
        tier_price_0="2.00",
        tier_qty_1="1000",
        tier_price_1="1.60",
        tier_qty_2="5000",
        tier_price_2="1.20",
    )
    response = client_for(owner).post(reverse("catalog:product_edit", args=[listing.pk]), data)
    assert response.status_code == 302
    p = Product.objects.get(pk=listing.pk)
    assert p.price_kind == "tiers" and (p.price_min, p.price_max) == (Decimal("1.2"), Decimal(2))
    assert list(TierPrice.objects.filter(product=p).values_list("min_quantity", flat=True)) == [
        Decimal(100),
        Decimal(1000),
        Decimal(5000),
    ]
    # Back to a negotiable price: the tiers go.
    data = editor_data(p, price_kind="negotiable")
    client_for(owner).post(reverse("catalog:product_edit", args=[listing.pk]), data)
    p = Product.objects.get(pk=listing.pk)
    assert p.price_kind == "negotiable" and not p.tiers.exists() and p.price_min is None


def test_an_attribute_outside_its_range_is_shown_next_to_its_input(listing, owner):
    before = state(listing)
    data = editor_data(listing, attr_leds_per_metre="5000")
    response = client_for(owner).post(reverse("catalog:product_edit", args=[listing.pk]), data)
    html = response.content.decode()
    field = html[html.index('id="field-attr_leds_per_metre"') :]
    assert "less than or equal to 2000." in field[: field.index('id="field-', 10)]
    assert state(listing) == before


def test_submission_problems_are_listed_and_submit_sends_to_review(supplier, owner):
    product = ls.listing_create(
        membership=Membership.objects.get(user=owner),
        category=strip_category(),
        title="LED strip without any details",
    )
    client = client_for(owner)
    url = reverse("catalog:product_edit", args=[product.pk])
    page = client.get(url).content.decode()
    assert "To do before you can submit for review" in page
    assert "Add at least one product photo." in page and "#field-attr_voltage" in page
    # Saving with intent=submit saves and reports what is still missing.
    data = editor_data(product, intent="submit", price_min="1", price_max="2")
    response = client.post(url, data, follow=True)
    assert "Saved, but not submitted yet" in response.content.decode()
    assert Product.objects.get(pk=product.pk).status == S.DRAFT
    # Complete it: attributes and a photo; then the panel is gone and submission works.
    ls.listing_add_image(product=product, by=owner, upload=files.png(300, 300))
    values = {
        f"attr_{k}": (v[0] if isinstance(v, list) else v)
        for k, v in valid_strip_attributes().items()
    }
    data = editor_data(product, **values)
    client.post(url, data)
    page = client.get(url).content.decode()
    assert "To do before you can submit" not in page and "you can submit this listing" in page
    response = client.post(url, editor_data(product, intent="submit"), follow=True)
    assert Product.objects.get(pk=product.pk).status == S.PENDING
    assert "Submitted for review" in response.content.decode()


def test_a_rejected_listing_shows_the_reasons_next_to_the_fields(listing, owner, listing_reviewer):
    ls.listing_submit(product=listing, by=owner)
    ls.listing_reject(
        product=listing,
        by=listing_reviewer,
        reasons={"title": "Say the wattage per metre", "images": "Show the reel, not a logo"},
    )
    html = (
        client_for(owner).get(reverse("catalog:product_edit", args=[listing.pk])).content.decode()
    )
    title_field = html[html.index('id="field-title"') :]
    assert "Say the wattage per metre" in title_field[: title_field.index("</div>")]
    photos = html[html.index('id="photos"') :]
    assert "Show the reel, not a logo" in photos[: photos.index("</section>")]
    assert "Submit again" not in html  # that is the list's wording; here it is a button
    assert "Save and submit for review" in html


def test_a_live_listing_warns_that_buyers_see_the_approved_version(
    listing, owner, listing_reviewer
):
    product = make_live(listing, owner, listing_reviewer)
    client = client_for(owner)
    url = reverse("catalog:product_edit", args=[product.pk])
    assert (
        "Buyers see the approved version until your changes are approved"
        in client.get(url).content.decode()
    )
    # Saving without a change does not send the listing back to review.
    response = client.post(url, editor_data(product), follow=True)
    assert "Nothing to save" in response.content.decode()
    assert Product.objects.get(pk=product.pk).status == S.LIVE
    client.post(url, editor_data(product, title="Flexible LED strip light 5050 RGBW 24V"))
    product = Product.objects.get(pk=product.pk)
    assert product.status == S.EDITED
    assert product.published["title"] == "Flexible LED strip light 5050 RGB 12V"


def test_an_archived_listing_cannot_be_edited(listing, owner):
    ls.listing_archive(product=listing, by=owner)
    before = state(listing)
    client = client_for(owner)
    url = reverse("catalog:product_edit", args=[listing.pk])
    page = client.get(url).content.decode()
    assert "This listing is archived" in page and '<fieldset class="plain" disabled>' in page
    response = client.post(url, editor_data(listing, title="Editing an archived listing"))
    assert "Restore the listing from the archive" in response.content.decode()
    assert state(listing) == before


# --- Photos --------------------------------------------------------------------------------


def test_photos_upload_remove_and_make_main_with_htmx(listing, owner):
    client = client_for(owner)
    first = listing.images.get()
    response = client.post(
        reverse("catalog:image_upload", args=[listing.pk]),
        {"image": [files.png(500, 500, "a.png"), files.png(600, 600, "b.png")]},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200 and "2 photos added." in html
    assert 'id="problems" hx-swap-oob="true"' in html
    images = list(ProductImage.objects.filter(product=listing).order_by("position"))
    assert len(images) == 3 and images[0] == first
    client.post(
        reverse("catalog:image_main", args=[listing.pk, images[2].pk]), HTTP_HX_REQUEST="true"
    )
    order = list(ProductImage.objects.filter(product=listing).order_by("position"))
    assert order[0] == images[2]
    response = client.post(reverse("catalog:image_remove", args=[listing.pk, first.pk]))
    assert response.status_code == 302 and response["Location"].endswith("#images")
    assert not ProductImage.objects.filter(pk=first.pk).exists()
    thumb = client.get(reverse("catalog:working_image", args=[listing.pk, images[2].pk, "thumb"]))
    assert thumb.status_code == 200 and thumb["Content-Type"] == "image/jpeg"
    assert thumb["X-Content-Type-Options"] == "nosniff"


def test_fake_and_oversized_images_are_refused_with_a_message(listing, owner, settings):
    client = client_for(owner)
    url = reverse("catalog:image_upload", args=[listing.pk])
    for upload, message in (
        (files.html_named_png(), "not a valid image"),
        (files.svg(), "not a valid image"),
        (files.pixel_bomb(), "too many pixels"),
    ):
        html = client.post(url, {"image": upload}, HTTP_HX_REQUEST="true").content.decode()
        assert message in html and "was not added" in html, message
    settings.UPLOAD_MAX_BYTES = 1024
    html = client.post(url, {"image": files.png(400, 400)}, HTTP_HX_REQUEST="true").content.decode()
    assert "too large" in html
    assert ProductImage.objects.filter(product=listing).count() == 1
    html = client.post(url, {}, HTTP_HX_REQUEST="true").content.decode()
    assert "Choose a photo to upload." in html


def test_a_listing_has_at_most_six_photos(listing, owner):
    client = client_for(owner)
    url = reverse("catalog:image_upload", args=[listing.pk])
    uploads = [files.png(100 + i, 100, f"p{i}.png") for i in range(6)]
    html = client.post(url, {"image": uploads}, HTTP_HX_REQUEST="true").content.decode()
    assert "5 photos added." in html and "at most 6 images" in html
    assert ProductImage.objects.filter(product=listing).count() == 6
    assert 'name="image"' not in html  # no upload control once full


# --- Translations --------------------------------------------------------------------------


def test_translations_are_added_edited_and_removed(listing, owner):
    client = client_for(owner)
    url = reverse("catalog:product_translations", args=[listing.pk])
    page = client.get(url).content.decode()
    for label in ("English", "简体中文", "Español", "Français", "Deutsch", "Русский", "日本語"):
        assert label in page
    assert "original" in page and "Not translated" in page
    form = client.get(url, {"language": "es"}).content.decode()
    assert 'name="attr_chip_model"' not in form and 'name="text_chip_model"' in form
    response = client.post(
        url,
        {
            "language": "es",
            "title": "Tira de luces LED flexible 5050 RGB",
            "keyword_1": "tira led",
            "description": "<p>Tira <script>x</script>brillante</p>",
            "text_chip_model": "Epistar",
        },
    )
    assert response.status_code == 302
    version = ProductTranslation.objects.get(product=listing, language="es")
    assert version.title == "Tira de luces LED flexible 5050 RGB"
    assert version.keywords == ["tira led"] and version.description == "<p>Tira brillante</p>"
    assert version.attribute_texts == {"chip_model": "Epistar"}
    assert "Tira de luces LED flexible 5050 RGB" in client.get(url).content.decode()
    # Too short a title is refused and the old version stays.
    html = client.post(url, {"language": "es", "title": "Tira"}).content.decode()
    assert "at least 10 characters" in html
    assert ProductTranslation.objects.get(product=listing, language="es").title.startswith(
        "Tira de"
    )
    # The base language is edited in the listing itself; unknown languages do not exist.
    assert client.get(url, {"language": "en"}).status_code == 404
    assert client.post(url, {"language": "xx", "title": "Whatever title"}).status_code == 404
    client.post(reverse("catalog:translation_remove", args=[listing.pk, "es"]))
    assert not ProductTranslation.objects.filter(product=listing).exists()


# --- Showroom groups -----------------------------------------------------------------------


def test_groups_are_created_renamed_protected_and_deleted(supplier, owner, buyer, listing):
    client = client_for(owner)
    url = reverse("catalog:groups")
    assert client.post(url, {"name": "Patented", "password": "abc"}).status_code == 200
    assert not ProductGroup.objects.exists()  # too short a password
    client.post(url, {"name": "Patented", "password": "open-sesame"})
    group = ProductGroup.objects.get()
    assert group.is_protected and group.company == supplier
    Product.objects.filter(pk=listing.pk).update(group=group)
    page = client.get(url).content.decode()
    assert "Protected" in page and "1 product" in page
    assert "revokes the access of every buyer" in page
    client.post(reverse("catalog:group_action", args=[group.pk, "rename"]), {"name": "Prototypes"})
    assert ProductGroup.objects.get().name == "Prototypes"
    # A buyer unlocked it; a new password revokes that access.
    group_services.group_unlock(group=group, user=buyer, password="open-sesame")
    assert GroupAccess.objects.filter(group=group, user=buyer).exists()
    client.post(
        reverse("catalog:group_action", args=[group.pk, "password"]), {"password": "new-secret-9"}
    )
    assert not GroupAccess.objects.exists()
    client.post(reverse("catalog:group_action", args=[group.pk, "unprotect"]))
    assert not ProductGroup.objects.get().is_protected
    client.post(reverse("catalog:group_action", args=[group.pk, "delete"]))
    assert not ProductGroup.objects.exists()
    assert Product.objects.get(pk=listing.pk).group is None
    assert client.post(reverse("catalog:group_action", args=[group.pk, "fly"])).status_code == 404


def test_a_sales_rep_sees_the_groups_but_cannot_change_them(group, sales_rep):
    page = client_for(sales_rep).get(reverse("catalog:groups")).content.decode()
    assert group.name in page and "The owner and administrators manage showroom groups." in page
    assert 'action="' + reverse("catalog:group_action", args=[group.pk, "delete"]) not in page


def test_listing_reviewers_see_working_copy_photos_and_other_staff_do_not(listing):
    image = listing.images.get()
    url = reverse("catalog:working_image", args=[listing.pk, image.pk, "full"])
    reviewer = UserFactory(is_staff=True)
    reviewer.user_permissions.add(Permission.objects.get(codename="review_listing"))
    assert client_for(reviewer).get(url).status_code == 200
    assert client_for(UserFactory(is_staff=True)).get(url).status_code == 404
    wrong = reverse("catalog:working_image", args=[listing.pk + 1, image.pk, "full"])
    assert client_for(reviewer).get(wrong).status_code == 404
