from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from hansa.catalog import listing_services as ls
from hansa.catalog.models import ListingStatus, Product, ReviewEvent
from hansa.catalog.tests.factories import strip_category, valid_strip_attributes
from hansa.companies.models import Membership
from hansa.companies.tests.factories import UserFactory
from hansa.conftest import client_for
from hansa.core.tests import files

pytestmark = pytest.mark.django_db
S = ListingStatus
QUEUE = reverse("catalog:listing_review_queue")
BULK = reverse("catalog:listing_review_bulk")


@pytest.fixture
def listing_reviewer(db):
    user = UserFactory(is_staff=True, email="listings@hansa.example")
    user.user_permissions.add(Permission.objects.get(codename="review_listing"))
    return user


@pytest.fixture
def staff_without_permission(db):
    return UserFactory(is_staff=True, email="support@hansa.example")


def submitted(owner, title: str) -> Product:
    membership = Membership.objects.get(user=owner)
    product = ls.listing_create(
        membership=membership,
        category=strip_category(),
        title=title,
        price_min="1.20",
        price_max="3.50",
        moq=100,
        attributes=valid_strip_attributes(),
        keywords=["led strip"],
    )
    ls.listing_add_image(product=product, by=owner, upload=files.png(800, 800))
    ls.listing_submit(product=product, by=owner)
    return Product.objects.get(pk=product.pk)


@pytest.fixture
def three(supplier, owner):
    return [
        submitted(owner, "Flexible LED strip light 5050 RGB 12V"),
        submitted(owner, "Aluminium channel for LED tape, 2 m"),
        submitted(owner, "Neon flex silicone LED rope 24V"),
    ]


def statuses(products) -> list[str]:
    return [Product.objects.get(pk=p.pk).status for p in products]


def test_the_queue_lists_waiting_listings_oldest_first(three, listing_reviewer):
    response = client_for(listing_reviewer).get(QUEUE)
    assert response.status_code == 200
    html = response.content.decode()
    positions = [html.index(p.title) for p in three]
    assert positions == sorted(positions)
    assert three[0].company.name in html
    assert f'name="listing" value="{three[0].pk}"' in html


def test_bulk_approve_publishes_every_ticked_listing(three, listing_reviewer):
    response = client_for(listing_reviewer).post(
        BULK, {"listing": [p.pk for p in three], "action": "approve"}, follow=True
    )
    assert statuses(three) == [S.LIVE, S.LIVE, S.LIVE]
    assert all(Product.objects.get(pk=p.pk).published for p in three)
    assert "3 approved and published." in response.content.decode()


def test_bulk_reject_needs_a_reason_and_a_field(three, listing_reviewer):
    client = client_for(listing_reviewer)
    ids = [p.pk for p in three]
    response = client.post(
        BULK, {"listing": ids, "action": "reject", "reject_field": "images"}, follow=True
    )
    assert "write the reason" in response.content.decode()
    response = client.post(BULK, {"listing": ids, "action": "reject", "reason": "Blurry photos"})
    assert statuses(three) == [S.PENDING, S.PENDING, S.PENDING]
    assert not ReviewEvent.objects.filter(action="rejected").exists()
    client.post(
        BULK,
        {"listing": ids, "action": "reject", "reject_field": "images", "reason": "Blurry photos"},
    )
    assert statuses(three) == [S.REJECTED, S.REJECTED, S.REJECTED]
    assert Product.objects.get(pk=ids[0]).rejection_reasons == {"images": "Blurry photos"}


def test_bulk_reports_what_failed_and_why(three, listing_reviewer, owner):
    ls.listing_approve(product=three[0], by=listing_reviewer)
    response = client_for(listing_reviewer).post(
        BULK, {"listing": [p.pk for p in three] + [999999], "action": "approve"}, follow=True
    )
    html = response.content.decode()
    assert statuses(three) == [S.LIVE, S.LIVE, S.LIVE]
    assert "2 approved and published." in html
    assert "2 failed" in html and "Only listings waiting for review" in html
    assert "#999999" in html


@pytest.mark.parametrize("who", ["staff_without_permission", "owner", "other_owner"])
def test_non_reviewers_are_refused_and_nothing_changes(request, three, who):
    client = client_for(request.getfixturevalue(who))
    assert client.get(QUEUE).status_code == 403
    assert client.get(reverse("catalog:listing_review", args=[three[0].pk])).status_code == 403
    image = three[0].images.get()
    assert client.get(reverse("catalog:listing_review_image", args=[image.pk])).status_code == 403
    response = client.post(BULK, {"listing": [p.pk for p in three], "action": "approve"})
    assert response.status_code == 403
    response = client.post(
        reverse("catalog:listing_review", args=[three[0].pk]), {"decision": "approve"}
    )
    assert response.status_code == 403
    assert statuses(three) == [S.PENDING, S.PENDING, S.PENDING]


def test_anonymous_visitors_are_sent_to_sign_in(three):
    client = client_for(None)
    for url in (QUEUE, reverse("catalog:listing_review", args=[three[0].pk])):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    response = client.post(BULK, {"listing": [three[0].pk], "action": "approve"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert statuses(three) == [S.PENDING, S.PENDING, S.PENDING]


def _row(html: str, key: str) -> str:
    match = re.search(rf'<tr id="field-{re.escape(key)}"[^>]*>.*?</tr>', html, re.S)
    assert match, key
    return match.group(0)


def test_the_review_page_highlights_a_changed_title_on_an_edit(three, owner, listing_reviewer):
    product = three[0]
    ls.listing_approve(product=product, by=listing_reviewer)
    ls.listing_update(product=product, by=owner, title="Flexible LED strip light 5050 RGBW 24V")
    ls.listing_submit(product=product, by=owner)
    html = (
        client_for(listing_reviewer)
        .get(reverse("catalog:listing_review", args=[product.pk]))
        .content.decode()
    )
    title_row = _row(html, "title")
    assert 'class="changed' in title_row and "Changed" in title_row
    assert "RGBW 24V" in title_row and "RGB 12V" in title_row  # both versions, side by side
    assert 'class="changed' not in _row(html, "keywords")
    assert "Published now" in html


def test_flags_appear_beside_their_field(supplier, owner, listing_reviewer):
    product = submitted(owner, "Flexible LED strip, WhatsApp +86 138 0000 0000")
    html = (
        client_for(listing_reviewer)
        .get(reverse("catalog:listing_review", args=[product.pk]))
        .content.decode()
    )
    assert "contact details" in _row(html, "title")


def test_reject_on_the_page_needs_a_reason_per_field(three, listing_reviewer):
    client = client_for(listing_reviewer)
    url = reverse("catalog:listing_review", args=[three[0].pk])
    response = client.post(url, {"decision": "reject"})
    assert (
        response.status_code == 200 and "Tell the supplier what to fix" in response.content.decode()
    )
    assert statuses(three)[0] == S.PENDING
    response = client.post(
        url,
        {"decision": "reject", "reason_title": "Say the wattage", "reason_description": " "},
    )
    assert response.status_code == 302
    product = Product.objects.get(pk=three[0].pk)
    assert product.status == S.REJECTED and product.rejection_reasons == {
        "title": "Say the wattage"
    }


def test_approve_on_the_page_publishes_and_opens_the_next_listing(three, listing_reviewer):
    client = client_for(listing_reviewer)
    response = client.post(
        reverse("catalog:listing_review", args=[three[0].pk]), {"decision": "approve"}
    )
    assert Product.objects.get(pk=three[0].pk).status == S.LIVE
    assert response["Location"] == reverse("catalog:listing_review", args=[three[1].pk])
    assert Product.objects.get(pk=three[0].pk).problems == {}  # checked at approval: none


def test_reviewers_see_pending_pictures(three, listing_reviewer):
    image = three[0].images.get()
    response = client_for(listing_reviewer).get(
        reverse("catalog:listing_review_image", args=[image.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"  # the thumbnail
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_operations_page_links_to_the_listing_queue(three, listing_reviewer):
    html = client_for(listing_reviewer).get(reverse("ops")).content.decode()
    assert QUEUE in html and "product listings waiting for review" in html


def test_the_back_office_lists_listings_terms_and_an_append_only_trail(
    three, listing_reviewer, owner
):
    admin = UserFactory(is_staff=True, is_superuser=True, email="root@hansa.example")
    ls.listing_reject(product=three[0], by=listing_reviewer, reasons={"title": "Too vague"})
    client = client_for(admin)
    for name in (
        "admin:catalog_product_changelist",
        "admin:catalog_prohibitedterm_changelist",
        "admin:catalog_reviewevent_changelist",
    ):
        assert client.get(reverse(name)).status_code == 200, name
    event = ReviewEvent.objects.filter(action="rejected").get()
    assert client.get(reverse("admin:catalog_reviewevent_add")).status_code == 403
    response = client.post(
        reverse("admin:catalog_reviewevent_delete", args=[event.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert ReviewEvent.objects.filter(pk=event.pk).exists()
    # The operator adds a prohibited word; the next submission is flagged for it.
    response = client.post(
        reverse("admin:catalog_prohibitedterm_add"),
        {"term": "replica", "kind": "word", "is_active": "on"},
    )
    assert response.status_code == 302
    flagged = submitted(owner, "Replica designer LED strip light")
    assert [f["code"] for f in flagged.auto_flags] == ["prohibited_word"]
