from __future__ import annotations

import pytest

from hansa.catalog import listing_services as ls
from hansa.catalog.listing_selectors import access_listing, public_products, visible_products
from hansa.catalog.models import ListingStatus, Product, ProhibitedTerm, ReviewEvent
from hansa.catalog.tests.factories import ProductFactory, strip_category, valid_strip_attributes
from hansa.companies.models import Membership
from hansa.core.errors import BusinessError, Forbidden, NotFound
from hansa.core.tests import files

pytestmark = pytest.mark.django_db
S = ListingStatus


@pytest.fixture
def reviewer(db):
    from django.contrib.auth.models import Permission

    from hansa.companies.tests.factories import UserFactory

    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="review_listing"))
    return user


@pytest.fixture
def listing(supplier, owner):
    membership = Membership.objects.get(user=owner)
    product = ls.listing_create(
        membership=membership,
        category=strip_category(),
        title="Flexible LED strip light 5050 RGB 12V",
        price_min="1.20",
        price_max="3.50",
        moq=100,
        attributes=valid_strip_attributes(),
        keywords=["led strip", "rgb strip"],
    )
    ls.listing_add_image(product=product, by=owner, upload=files.png(800, 800))
    return product


def test_draft_to_live_publishes_a_snapshot(listing, owner, reviewer):
    assert listing.status == S.DRAFT and not public_products().exists()
    ls.listing_submit(product=listing, by=owner)
    listing.refresh_from_db()
    assert listing.status == S.PENDING and listing.submitted_at
    ls.listing_approve(product=listing, by=reviewer)
    listing.refresh_from_db()
    assert listing.status == S.LIVE
    assert listing.published["title"] == "Flexible LED strip light 5050 RGB 12V"
    assert listing.published["images"][0]["width"] == 800
    assert list(public_products()) == [listing]
    assert [e.action for e in ReviewEvent.objects.filter(product=listing).order_by("id")] == [
        "submitted",
        "approved",
    ]


def test_a_live_listing_keeps_its_approved_version_while_an_edit_waits(listing, owner, reviewer):
    ls.listing_submit(product=listing, by=owner)
    ls.listing_approve(product=listing, by=reviewer)
    ls.listing_update(product=listing, by=owner, title="Flexible LED strip light 5050 RGBW 24V")
    listing.refresh_from_db()
    assert listing.status == S.EDITED
    assert listing.published["title"] == "Flexible LED strip light 5050 RGB 12V"
    assert public_products().filter(pk=listing.pk).exists()
    ls.listing_reject(product=listing, by=reviewer, reasons={"title": "Say the wattage per metre"})
    listing.refresh_from_db()
    assert listing.status == S.LIVE and listing.published["title"].endswith("RGB 12V")
    assert listing.rejection_reasons == {"title": "Say the wattage per metre"}
    ls.listing_submit(product=listing, by=owner)
    ls.listing_approve(product=listing, by=reviewer)
    listing.refresh_from_db()
    assert listing.published["title"].endswith("RGBW 24V") and listing.rejection_reasons == {}


def test_submission_needs_required_attributes_an_image_and_a_price(supplier, owner):
    membership = Membership.objects.get(user=owner)
    product = ls.listing_create(
        membership=membership, category=strip_category(), title="LED strip without details", moq=1
    )
    problems = ls.submission_problems(product)
    assert "images" in problems and "price_min" in problems
    assert any(key.startswith("attributes.") for key in problems)
    with pytest.raises(BusinessError):
        ls.listing_submit(product=product, by=owner)
    product.refresh_from_db()
    assert product.status == S.DRAFT


def test_illegal_moves_are_refused(listing, owner, reviewer):
    with pytest.raises(BusinessError, match="cannot become"):
        ls.listing_take_offline(product=listing, by=owner)
    with pytest.raises(BusinessError):
        ls.listing_approve(product=listing, by=reviewer)
    assert Product.objects.get(pk=listing.pk).status == S.DRAFT


def test_only_reviewers_approve(listing, owner):
    ls.listing_submit(product=listing, by=owner)
    with pytest.raises(Forbidden):
        ls.listing_approve(product=listing, by=owner)
    assert Product.objects.get(pk=listing.pk).status == S.PENDING


def test_rejection_of_a_new_listing_needs_reasons_per_field(listing, owner, reviewer):
    ls.listing_submit(product=listing, by=owner)
    with pytest.raises(BusinessError):
        ls.listing_reject(product=listing, by=reviewer, reasons={"title": "  "})
    ls.listing_reject(
        product=listing, by=reviewer, reasons={"images": "Show the product, not a logo"}
    )
    listing.refresh_from_db()
    assert listing.status == S.REJECTED and listing.rejection_reasons["images"].startswith("Show")


def test_offline_relist_archive_restore(listing, owner, reviewer):
    ls.listing_submit(product=listing, by=owner)
    ls.listing_approve(product=listing, by=reviewer)
    ls.listing_take_offline(product=listing, by=owner)
    assert not public_products().filter(pk=listing.pk).exists()
    ls.listing_relist(product=listing, by=owner)
    assert Product.objects.get(pk=listing.pk).status == S.LIVE
    ls.listing_archive(product=listing, by=owner)
    with pytest.raises(BusinessError, match="archive"):
        ls.listing_update(product=listing, by=owner, title="Something else entirely")
    ls.listing_restore(product=listing, by=owner)
    assert Product.objects.get(pk=listing.pk).status == S.OFFLINE


def test_description_html_is_sanitised(listing, owner):
    ls.listing_update(
        product=listing,
        by=owner,
        description=(
            '<p onclick="x()">Bright <strong>5050</strong> chips<script>alert(1)</script>'
            '<a href="http://evil.example">buy</a><img src=x onerror=alert(1)></p>'
        ),
    )
    listing.refresh_from_db()
    assert listing.description == "<p>Bright <strong>5050</strong> chipsbuy</p>"


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"title": "short"}, "title"),
        ({"keywords": ["a", "b", "c", "d"]}, "keywords"),
        ({"incoterms": ["FOB", "XYZ"]}, "incoterms"),
        ({"payment_methods": ["TT", "BITCOIN"]}, "payment_methods"),
        ({"hs_code": "12AB"}, "hs_code"),
        ({"price_min": "5", "price_max": "2"}, "price_min"),
        ({"price_min": "-1"}, "price_min"),
        ({"attributes": {"no_such": "1"}}, "attributes.no_such"),
    ],
)
def test_bad_input_is_refused_and_nothing_changes(listing, owner, fields, field):
    before = Product.objects.filter(pk=listing.pk).values().get()
    with pytest.raises(BusinessError) as exc:
        ls.listing_update(product=listing, by=owner, **fields)
    assert exc.value.field == field
    assert Product.objects.filter(pk=listing.pk).values().get() == before


def test_tiers_must_fall_with_quantity(listing, owner):
    ls.listing_set_tiers(
        product=listing, by=owner, tiers=[(100, "3.50"), (1000, "2.80"), (5000, "2.10")]
    )
    listing.refresh_from_db()
    assert listing.price_kind == "tiers" and str(listing.price_min) == "2.1000"
    with pytest.raises(BusinessError, match="cannot cost more"):
        ls.listing_set_tiers(product=listing, by=owner, tiers=[(100, "2.00"), (1000, "2.80")])
    assert listing.tiers.count() == 3


def test_translations_fall_back_to_the_base_language(listing, owner, reviewer):
    from hansa.catalog.snapshot import localized

    ls.listing_set_translation(
        product=listing,
        by=owner,
        language="es",
        title="Tira de luces LED flexible 5050",
        keywords=["tira led"],
        description="<p>Tira brillante</p>",
    )
    ls.listing_submit(product=listing, by=owner)
    ls.listing_approve(product=listing, by=reviewer)
    listing.refresh_from_db()
    assert localized(listing.published, "es")["title"] == "Tira de luces LED flexible 5050"
    assert localized(listing.published, "de")["title"] == listing.title
    with pytest.raises(BusinessError):
        ls.listing_set_translation(
            product=listing, by=owner, language="en", title="Same language as base"
        )


def test_images_are_limited_and_fakes_refused(listing, owner):
    with pytest.raises(BusinessError) as exc:
        ls.listing_add_image(product=listing, by=owner, upload=files.svg())
    assert exc.value.field == "image"
    for _ in range(5):
        ls.listing_add_image(product=listing, by=owner, upload=files.png(400, 400))
    with pytest.raises(BusinessError, match="at most 6"):
        ls.listing_add_image(product=listing, by=owner, upload=files.png(400, 400))
    assert listing.images.count() == 6
    assert all(len(i.dhash) == 16 for i in listing.images.all())


def test_automatic_checks_flag_contact_details_and_prohibited_words(listing, owner):
    ProhibitedTerm.objects.create(term="ivory", kind="goods")
    ls.listing_update(
        product=listing,
        by=owner,
        title="LED STRIP LIGHT IVORY COLOUR SUPER BRIGHT",
        description="<p>Mail sales@factory.cn or WhatsApp +86 138 0000 0000</p>",
    )
    ls.listing_submit(product=listing, by=owner)
    listing.refresh_from_db()
    codes = {(f["field"], f["code"]) for f in listing.auto_flags}
    assert ("title", "prohibited_goods") in codes and ("title", "shouting") in codes
    assert ("description", "contact_details") in codes


def test_sales_reps_manage_only_their_own_listings(supplier, owner, sales_rep, other_owner):
    own = ProductFactory(company=supplier, owner=sales_rep)
    theirs = ProductFactory(company=supplier, owner=owner)
    rep = Membership.objects.get(user=sales_rep)
    assert access_listing(rep, own.pk) == own
    with pytest.raises(NotFound):
        access_listing(rep, theirs.pk)
    with pytest.raises(NotFound):
        access_listing(Membership.objects.get(user=other_owner), own.pk)
    assert access_listing(Membership.objects.get(user=owner), own.pk) == own


def test_protected_groups_hide_and_reveal(listing, owner, reviewer, buyer):
    from hansa.catalog import groups

    ls.listing_submit(product=listing, by=owner)
    ls.listing_approve(product=listing, by=reviewer)
    group = groups.group_create(
        company=listing.company, name="New 2027 range", password="sesame-2027"
    )
    ls.listing_update(product=listing, by=owner, group=group)
    ls.listing_submit(product=listing, by=owner)
    ls.listing_approve(product=listing, by=reviewer)
    buyer_membership = Membership.objects.get(user=buyer)
    assert not public_products().filter(pk=listing.pk).exists()
    assert not visible_products(buyer, buyer_membership).filter(pk=listing.pk).exists()
    with pytest.raises(BusinessError, match="not right"):
        groups.group_unlock(group=group, user=buyer, password="wrong-one")
    groups.group_unlock(group=group, user=buyer, password="sesame-2027")
    assert visible_products(buyer, buyer_membership).filter(pk=listing.pk).exists()
    assert not public_products().filter(pk=listing.pk).exists()
    groups.group_set_password(group=group, password="new-secret-99")
    assert not visible_products(buyer, buyer_membership).filter(pk=listing.pk).exists()
    owner_membership = Membership.objects.get(user=owner)
    assert visible_products(owner, owner_membership).filter(pk=listing.pk).exists()


def test_wrong_group_passwords_are_throttled(listing, buyer):
    from hansa.catalog import groups

    group = groups.group_create(company=listing.company, name="Secret", password="right-password")
    for _ in range(groups.MAX_GUESSES):
        with pytest.raises(BusinessError, match="not right"):
            groups.group_unlock(group=group, user=buyer, password="nope-nope")
    with pytest.raises(BusinessError, match="Too many"):
        groups.group_unlock(group=group, user=buyer, password="right-password")


def test_listings_belong_to_members_of_the_company(supplier, owner, sales_rep, other_owner):
    rep_listing = ls.listing_create(
        membership=Membership.objects.get(user=sales_rep),
        category=strip_category(),
        title="Waterproof LED strip IP67 24V",
        owner=owner,
    )
    assert rep_listing.owner == sales_rep
    with pytest.raises(BusinessError) as exc:
        ls.listing_create(
            membership=Membership.objects.get(user=owner),
            category=strip_category(),
            title="Waterproof LED strip IP67 24V",
            owner=other_owner,
        )
    assert exc.value.field == "owner"
    assert not Product.objects.filter(owner=other_owner).exists()
