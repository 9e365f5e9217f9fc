from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from hansa.api.services import api_token_create
from hansa.catalog import groups
from hansa.catalog import listing_services as ls
from hansa.catalog.listing_selectors import public_products
from hansa.catalog.models import ListingStatus, Product, ProductImage, ProductTranslation, TierPrice
from hansa.catalog.tests.factories import strip_category, valid_strip_attributes
from hansa.companies.models import Membership
from hansa.companies.tests.factories import UserFactory
from hansa.conftest import client_for
from hansa.core.tests import files

pytestmark = pytest.mark.django_db
S = ListingStatus
BASE = "/api/v1/products"


def send(client: Client, method: str, url: str, data: object = None):
    return getattr(client, method)(
        url, data=json.dumps(data) if data is not None else None, content_type="application/json"
    )


@pytest.fixture
def listing_reviewer(db):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="review_listing"))
    return user


def new_listing(user, **extra) -> Product:
    fields = {
        "title": "Flexible LED strip light 5050 RGB 12V",
        "price_min": "1.20",
        "price_max": "3.50",
        "moq": 100,
        "attributes": valid_strip_attributes(),
        "keywords": ["led strip"],
        **extra,
    }
    return ls.listing_create(
        membership=Membership.objects.get(user=user), category=strip_category(), **fields
    )


def live_listing(user, reviewer, **extra) -> Product:
    product = new_listing(user, **extra)
    ls.listing_add_image(product=product, by=user, upload=files.png(800, 800))
    ls.listing_submit(product=product, by=user)
    ls.listing_approve(product=product, by=reviewer)
    product.refresh_from_db()
    return product


def state(product: Product) -> tuple:
    """Everything an endpoint could change about a listing."""
    return (
        Product.objects.filter(pk=product.pk).values().first(),
        list(TierPrice.objects.filter(product=product).values_list("min_quantity", "unit_price")),
        list(ProductTranslation.objects.filter(product=product).values_list("language", "title")),
        list(ProductImage.objects.filter(product=product).values_list("pk", "position")),
    )


def test_full_cycle_from_draft_to_the_public_read(owner, supplier, listing_reviewer):
    client = client_for(owner)
    created = send(
        client,
        "post",
        BASE,
        {
            "category": "led-strip-lights",
            "title": "Flexible LED strip light 5050 RGB 12V",
            "keywords": ["led strip", "rgb strip"],
            "description": "<p>Bright <strong>5050</strong> chips<script>x()</script></p>",
            "attributes": valid_strip_attributes(),
            "price_min": "1.20",
            "price_max": 3.5,
            "moq": "100",
            "unit": "MTR",
            "port_of_loading": "cnszx",
            "incoterms": ["fob", "CIF"],
            "payment_methods": ["TT", "LC"],
            "hs_code": "9405.42",
            "origin_country": "cn",
            "lead_times": [{"up_to": 1000, "days": 7}, {"up_to": 10000, "days": 20}],
        },
    )
    assert created.status_code == 201, created.json()
    body = created.json()
    pid = body["id"]
    assert body["status"] == "draft" and body["company"] == supplier.slug
    assert body["price_min"] == "1.2" and body["price_max"] == "3.5" and body["moq"] == "100"
    assert body["description"] == "<p>Bright <strong>5050</strong> chips</p>"
    assert body["incoterms"] == ["FOB", "CIF"] and body["hs_code"] == "940542"
    assert body["port_of_loading"] == "CNSZX" and body["origin_country"] == "CN"

    image = client.post(f"{BASE}/{pid}/images", {"image": files.png(800, 800, "strip.png")})
    assert image.status_code == 201, image.json()
    assert image.json()["width"] == 800 and len(image.json()["dhash"]) == 16
    second = client.post(f"{BASE}/{pid}/images", {"image": files.png(700, 700, "reel.png")})
    main = client.post(f"{BASE}/{pid}/images/{second.json()['id']}/set-main")
    assert [i["id"] for i in main.json()] == [second.json()["id"], image.json()["id"]]

    translation = send(
        client,
        "put",
        f"{BASE}/{pid}/translations/zh-hans",
        {"title": "柔性LED灯带 5050 RGB 12V 户外防水", "keywords": ["LED灯带"]},
    )
    assert translation.status_code == 200, translation.json()
    tiers = send(
        client,
        "put",
        f"{BASE}/{pid}/tiers",
        [
            {"min_quantity": "100", "unit_price": "3.50"},
            {"min_quantity": 1000, "unit_price": "2.80"},
        ],
    )
    assert tiers.json()["tiers"] == [
        {"min_quantity": "100", "unit_price": "3.5"},
        {"min_quantity": "1000", "unit_price": "2.8"},
    ]
    assert tiers.json()["price_kind"] == "tiers" and tiers.json()["price_min"] == "2.8"
    assert client.get(f"{BASE}/public/{body['slug']}").status_code == 404

    submitted = client.post(f"{BASE}/{pid}/submit")
    assert submitted.status_code == 200 and submitted.json()["status"] == "pending"
    operator = client_for(listing_reviewer)
    queue = operator.get("/api/v1/ops/listings/queue").json()
    assert queue["total"] == 1 and queue["items"][0]["id"] == pid
    approved = operator.post(f"/api/v1/ops/listings/{pid}/approve")
    assert approved.status_code == 200 and approved.json()["status"] == "live"
    assert approved.json()["published"]["title"] == "Flexible LED strip light 5050 RGB 12V"

    public = Client().get(f"{BASE}/public/{body['slug']}")
    assert public.status_code == 200
    data = public.json()
    assert data["title"] == "Flexible LED strip light 5050 RGB 12V" and data["language"] == "en"
    assert data["price_min"] == "2.8" and data["moq"] == "100"
    assert data["tiers"][0] == {"min_quantity": "100", "unit_price": "3.5"}
    assert data["supplier"]["slug"] == supplier.slug and len(data["images"]) == 2
    # Photos come through the pages that check who may see them.
    photo = Client().get(data["images"][0]["thumbnail_url"])
    assert photo.status_code == 200 and photo["Content-Type"] == "image/jpeg"
    working = client.get(approved.json()["images"][0]["url"])
    assert working.status_code == 200
    assert Client().get(approved.json()["images"][0]["url"]).status_code == 302
    assert set(data["languages"]) == {"en", "zh-hans"}
    chinese = Client().get(f"{BASE}/public/{body['slug']}?lang=zh-hans").json()
    assert chinese["title"].startswith("柔性LED灯带") and chinese["language"] == "zh-hans"
    assert Client().get(f"{BASE}/public/{body['slug']}?lang=de").json()["language"] == "en"
    # Only the snapshot is public: nothing of the working copy's bookkeeping leaks.
    assert "status" not in data and "rejection_reasons" not in data and "id" not in data

    # An edit of a live listing waits for review; the public keeps the approved version.
    edited = send(client, "patch", f"{BASE}/{pid}", {"title": "Flexible LED strip 5050 RGBW 24V"})
    assert edited.json()["status"] == "edited"
    assert Client().get(f"{BASE}/public/{body['slug']}").json()["title"].endswith("RGB 12V")
    rejected = send(
        operator,
        "post",
        f"/api/v1/ops/listings/{pid}/reject",
        {"reasons": {"title": "Say the wattage per metre"}},
    )
    assert rejected.json()["status"] == "live"
    assert rejected.json()["rejection_reasons"] == {"title": "Say the wattage per metre"}

    for action, status in [("offline", "offline"), ("relist", "edited"), ("archive", "archived")]:
        moved = client.post(f"{BASE}/{pid}/{action}")
        assert moved.status_code == 200 and moved.json()["status"] == status, action
    assert Client().get(f"{BASE}/public/{body['slug']}").status_code == 404
    assert client.post(f"{BASE}/{pid}/restore").json()["status"] == "offline"
    assert client.delete(f"{BASE}/{pid}").json()["status"] == "archived"
    assert client.delete(f"{BASE}/{pid}/translations/zh-hans").status_code == 400  # archived


def test_list_filters_and_pages(owner, supplier, listing_reviewer):
    live = live_listing(owner, listing_reviewer)
    for n in range(3):
        new_listing(owner, title=f"Waterproof LED strip reel model {n}")
    client = client_for(owner)
    page = client.get(f"{BASE}?limit=2").json()
    assert page["total"] == 4 and len(page["items"]) == 2 and page["limit"] == 2
    assert client.get(f"{BASE}?limit=2&offset=2").json()["items"][1]["id"] == live.pk
    assert client.get(f"{BASE}?status=live").json()["items"][0]["id"] == live.pk
    assert client.get(f"{BASE}?status=draft").json()["total"] == 3
    assert client.get(f"{BASE}?q=waterproof reel").json()["total"] == 3
    assert client.get(f"{BASE}?category=lights-lighting").json()["total"] == 4
    assert client.get(f"{BASE}?category=led-bulbs").json()["total"] == 0
    item = client.get(f"{BASE}?status=live").json()["items"][0]
    assert item["price_min"] == "1.2" and item["thumbnail_url"] and item["is_public"] is True
    for query, field in [
        ("status=sold", "status"),
        ("category=nope", "category"),
        ("limit=500", "limit"),
        ("offset=-1", "offset"),
    ]:
        response = client.get(f"{BASE}?{query}")
        assert response.status_code == 400 and response.json()["field"] == field, query


def test_sales_reps_see_and_create_only_their_own(owner, sales_rep, supplier):
    theirs = new_listing(owner)
    rep = client_for(sales_rep)
    created = send(
        rep, "post", BASE, {"category": "led-strip-lights", "title": "LED strip made by the rep"}
    )
    assert created.status_code == 201 and created.json()["owner"] == sales_rep.pk
    listed = rep.get(BASE).json()
    assert [i["id"] for i in listed["items"]] == [created.json()["id"]]
    assert rep.get(f"{BASE}/{theirs.pk}").status_code == 404
    # A rep cannot hand a listing to somebody else (and so lose it).
    response = send(rep, "patch", f"{BASE}/{created.json()['id']}", {"owner": owner.pk})
    assert response.status_code == 403
    # The owner assigns listings to members of the company only.
    admin = client_for(owner)
    assert send(admin, "patch", f"{BASE}/{theirs.pk}", {"owner": sales_rep.pk}).json()["owner"] == (
        sales_rep.pk
    )
    response = send(admin, "patch", f"{BASE}/{theirs.pk}", {"owner": UserFactory().pk})
    assert response.status_code == 400 and response.json()["field"] == "owner"


def _calls(pid: int, image_id: int) -> list[tuple[str, str, object, bool]]:
    """(method, url, body, multipart) for every member endpoint of one listing."""
    return [
        ("get", f"{BASE}/{pid}", None, False),
        ("patch", f"{BASE}/{pid}", {"title": "Taken over by someone else"}, False),
        ("delete", f"{BASE}/{pid}", None, False),
        ("put", f"{BASE}/{pid}/tiers", [{"min_quantity": "1", "unit_price": "9"}], False),
        ("put", f"{BASE}/{pid}/translations/es", {"title": "Tira de luces LED flexible"}, False),
        ("delete", f"{BASE}/{pid}/translations/zh-hans", None, False),
        ("post", f"{BASE}/{pid}/images", {"image": "png"}, True),
        ("delete", f"{BASE}/{pid}/images/{image_id}", None, False),
        ("post", f"{BASE}/{pid}/images/{image_id}/set-main", None, False),
        ("post", f"{BASE}/{pid}/submit", None, False),
        ("post", f"{BASE}/{pid}/offline", None, False),
        ("post", f"{BASE}/{pid}/relist", None, False),
        ("post", f"{BASE}/{pid}/archive", None, False),
        ("post", f"{BASE}/{pid}/restore", None, False),
    ]


def _call(client: Client, method: str, url: str, body: object, multipart: bool):
    if multipart:
        return client.post(url, {"image": files.png(600, 600)})
    return send(client, method, url, body)


@pytest.mark.parametrize(
    "who, expected",
    [
        ("other_owner", 404),
        ("sales_rep", 404),
        ("buyer", 403),
        ("lone_user", 403),
        (None, 401),
    ],
)
def test_nobody_else_touches_a_listing_and_nothing_changes(
    request, who, expected, owner, listing_reviewer
):
    product = live_listing(owner, listing_reviewer)
    ls.listing_set_translation(
        product=product, by=owner, language="zh-hans", title="柔性LED灯带 5050"
    )
    ls.listing_submit(product=product, by=owner)
    ls.listing_approve(product=product, by=listing_reviewer)
    image_id = product.images.first().pk
    before = state(product)
    client = client_for(request.getfixturevalue(who)) if who else Client()
    for method, url, body, multipart in _calls(product.pk, image_id):
        response = _call(client, method, url, body, multipart)
        assert response.status_code == expected, (method, url, response.content)
        assert set(response.json()) >= {"message", "field"}
    assert state(product) == before
    listed = client.get(BASE)
    if expected == 404:
        assert listed.status_code == 200
        assert product.pk not in [i["id"] for i in listed.json()["items"]]
    else:
        assert listed.status_code == expected
        assert (
            send(client, "post", BASE, {"category": "led-bulbs", "title": "LED bulb E27 9W"})
        ).status_code == expected
        assert Product.objects.count() == 1


def test_the_owner_and_admins_reach_every_listing(owner, admin_member, sales_rep):
    reps = new_listing(owner, owner=sales_rep)
    for user in (owner, admin_member):
        assert client_for(user).get(f"{BASE}/{reps.pk}").status_code == 200


def test_an_api_token_works_like_the_session(owner):
    _token, raw = api_token_create(membership=Membership.objects.get(user=owner), name="ERP")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    response = send(client, "post", BASE, {"category": "led-bulbs", "title": "LED bulb A60 E27 9W"})
    assert response.status_code == 201 and response.json()["category"] == "led-bulbs"


@pytest.mark.parametrize(
    "payload, field, status",
    [
        ({"title": "short"}, "title", 400),
        ({"title": "A" * 129}, "title", 400),
        ({"keywords": ["a", "b", "c", "d"]}, "keywords", 400),
        ({"category": "lights-lighting"}, "category", 400),
        ({"category": "no-such-thing"}, "category", 400),
        ({"incoterms": ["FOB", "XYZ"]}, "incoterms", 400),
        ({"payment_methods": ["BITCOIN"]}, "payment_methods", 400),
        ({"hs_code": "12AB"}, "hs_code", 400),
        ({"price_min": "5", "price_max": "2"}, "price_min", 400),
        ({"price_min": "-1"}, "price_min", 400),
        ({"price_min": "cheap"}, "price_min", 422),
        ({"moq": 0}, "moq", 400),
        ({"attributes": {"no_such": "1"}}, "attributes.no_such", 400),
        ({"attributes": {"voltage": "999V"}}, "attributes.voltage", 400),
        ({"unit": "XYZ"}, "unit", 400),
        ({"currency": "ABC"}, "currency", 400),
        ({"origin_country": "QQ"}, "origin_country", 400),
        ({"port_of_loading": "XXNOP"}, "port_of_loading", 400),
        ({"group": 999999}, "group", 400),
        ({"base_language": "xx"}, "base_language", 400),
        ({"lead_times": [{"up_to": 10, "days": 900}]}, "lead_times", 400),
        ({"title": None}, "title", 400),
    ],
)
def test_bad_input_names_the_field_and_changes_nothing(owner, payload, field, status):
    product = new_listing(owner)
    before = state(product)
    response = send(client_for(owner), "patch", f"{BASE}/{product.pk}", payload)
    assert response.status_code == status, response.json()
    assert response.json()["field"] == field and response.json()["message"]
    assert state(product) == before


def test_create_validates_too(owner):
    client = client_for(owner)
    response = send(client, "post", BASE, {"category": "led-bulbs", "title": "bulb"})
    assert response.status_code == 400 and response.json()["field"] == "title"
    response = send(client, "post", BASE, {"title": "LED bulb A60 E27 9W"})
    assert response.status_code == 422 and response.json()["field"] == "category"
    assert not Product.objects.exists()


def test_other_listing_errors_name_their_field(owner):
    product = new_listing(owner)
    client = client_for(owner)
    rising = [{"min_quantity": "10", "unit_price": "1"}, {"min_quantity": "100", "unit_price": "2"}]
    response = send(client, "put", f"{BASE}/{product.pk}/tiers", rising)
    assert response.status_code == 400 and response.json()["field"] == "tiers"
    response = send(client, "put", f"{BASE}/{product.pk}/translations/en", {"title": "Same base"})
    assert response.json()["field"] == "language"
    response = send(client, "put", f"{BASE}/{product.pk}/translations/xx", {"title": "Unknown one"})
    assert response.json()["field"] == "language"
    response = client.post(f"{BASE}/{product.pk}/images", {"image": files.svg()})
    assert response.status_code == 400 and response.json()["field"] == "image"
    response = client.post(f"{BASE}/{product.pk}/submit")
    assert response.status_code == 400 and response.json()["field"]  # no image yet
    assert client.delete(f"{BASE}/{product.pk}/translations/fr").status_code == 404
    assert client.delete(f"{BASE}/{product.pk}/images/999999").status_code == 404
    assert client.post(f"{BASE}/{product.pk}/relist").status_code == 400
    assert Product.objects.get(pk=product.pk).status == S.DRAFT


def test_only_listing_reviewers_use_the_operator_endpoints(owner, reviewer, listing_reviewer):
    product = new_listing(owner)
    ls.listing_add_image(product=product, by=owner, upload=files.png(800, 800))
    ls.listing_submit(product=product, by=owner)
    before = state(product)
    urls = [
        ("get", "/api/v1/ops/listings/queue", None),
        ("post", f"/api/v1/ops/listings/{product.pk}/approve", None),
        ("post", f"/api/v1/ops/listings/{product.pk}/reject", {"reasons": {"title": "No"}}),
    ]
    # ``reviewer`` is verification staff: staff, but without the listing permission.
    for user, expected in [(None, 401), (owner, 403), (reviewer, 403)]:
        client = client_for(user) if user else Client()
        for method, url, body in urls:
            assert send(client, method, url, body).status_code == expected, (user, url)
    assert state(product) == before
    operator = client_for(listing_reviewer)
    assert operator.post("/api/v1/ops/listings/999999/approve").status_code == 404
    empty = send(operator, "post", f"/api/v1/ops/listings/{product.pk}/reject", {"reasons": {}})
    assert empty.status_code == 400 and empty.json()["field"] == "reasons"
    rejected = send(
        operator,
        "post",
        f"/api/v1/ops/listings/{product.pk}/reject",
        {"reasons": {"images": "Show the product, not a logo"}},
    )
    assert rejected.json()["status"] == "rejected"
    assert rejected.json()["rejection_reasons"] == {"images": "Show the product, not a logo"}
    assert operator.post(f"/api/v1/ops/listings/{product.pk}/approve").status_code == 400
    assert operator.get("/api/v1/ops/listings/queue").json()["total"] == 0


def test_the_public_read_shows_only_public_listings(owner, supplier, listing_reviewer):
    live = live_listing(owner, listing_reviewer)
    draft = new_listing(owner, title="Draft LED strip not yet submitted")
    pending = new_listing(owner, title="Pending LED strip waiting for review")
    ls.listing_add_image(product=pending, by=owner, upload=files.png(800, 800))
    ls.listing_submit(product=pending, by=owner)
    rejected = new_listing(owner, title="Rejected LED strip with a bad photo")
    ls.listing_add_image(product=rejected, by=owner, upload=files.png(800, 800))
    ls.listing_submit(product=rejected, by=owner)
    ls.listing_reject(product=rejected, by=listing_reviewer, reasons={"images": "Blurred"})
    offline = live_listing(owner, listing_reviewer, title="Offline LED strip light 3528")
    ls.listing_take_offline(product=offline, by=owner)
    archived = live_listing(owner, listing_reviewer, title="Archived LED strip light 2835")
    ls.listing_archive(product=archived, by=owner)
    secret = live_listing(owner, listing_reviewer, title="Unreleased LED strip for 2027")
    group = groups.group_create(company=supplier, name="New 2027 range", password="sesame-2027")
    Product.objects.filter(pk=secret.pk).update(group=group)
    anonymous = Client()
    assert anonymous.get(f"{BASE}/public/{live.slug}").status_code == 200
    for product in (draft, pending, rejected, offline, archived, secret):
        response = anonymous.get(f"{BASE}/public/{product.slug}")
        assert response.status_code == 404 and response.json()["message"], product.title
        # Not even its own supplier reads it here: this endpoint is the public view.
        assert client_for(owner).get(f"{BASE}/public/{product.slug}").status_code == 404
    assert anonymous.get(f"{BASE}/public/no-such-listing").status_code == 404
    assert list(public_products()) == [live]
    # A supplier switched off takes its listings offline with it.
    supplier.is_active = False
    supplier.save(update_fields=["is_active"])
    assert anonymous.get(f"{BASE}/public/{live.slug}").status_code == 404
