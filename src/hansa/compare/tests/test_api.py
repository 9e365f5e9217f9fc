"""The basket over the API: signed-in only, personal, same rules as the pages."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from hansa.api.services import api_token_create
from hansa.catalog.models import ListingStatus, Product
from hansa.companies.models import Membership
from hansa.companies.roles import Role
from hansa.companies.tests.factories import MembershipFactory, SupplierCompanyFactory
from hansa.compare.models import BASKET_LIMIT, CompareItem
from hansa.compare.tests.conftest import live
from hansa.conftest import client_for

pytestmark = pytest.mark.django_db
URL = "/api/v1/compare"


def bearer(user) -> Client:
    _token, raw = api_token_create(membership=Membership.objects.get(user=user), name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def post_item(client: Client, product_id: object):
    return client.post(
        f"{URL}/items", data=json.dumps({"product_id": product_id}), content_type="application/json"
    )


def test_anonymous_callers_get_a_json_401(strips):
    client = Client()
    for response in (
        client.get(URL),
        post_item(client, strips[0].pk),
        client.delete(f"{URL}/items/{strips[0].pk}"),
        client.delete(f"{URL}/items"),
    ):
        assert response.status_code == 401 and response.json()["message"].startswith("Sign in")
    assert not CompareItem.objects.exists()


def test_add_list_remove_and_clear(strips, buyer):
    client = bearer(buyer)
    response = post_item(client, strips[0].pk)
    assert response.status_code == 201
    assert response.json() == {
        "product_ids": [strips[0].pk],
        "count": 1,
        "limit": BASKET_LIMIT,
        "added": True,
    }
    again = post_item(client, strips[0].pk)
    assert again.status_code == 200 and again.json()["added"] is False
    post_item(client, strips[1].pk)
    table = client.get(URL).json()
    assert [c["id"] for c in table["columns"]] == [strips[0].pk, strips[1].pk]
    assert table["columns"][0]["title"] == strips[0].published["title"]
    rows = {r["key"]: r for r in table["rows"]}
    assert rows["moq"]["cells"][0]["text"] == "100 pieces" and rows["moq"]["same"] is True
    assert rows["response_rate"]["cells"][0] == {
        "text": None,
        "lines": [],
        "title": "No inquiries yet",
        "href": "",
        "best": False,
    }
    assert table["removed"] == 0 and table["limit"] == BASKET_LIMIT
    diff = client.get(f"{URL}?diff=true").json()
    assert "moq" not in {r["key"] for r in diff["rows"]}
    response = client.delete(f"{URL}/items/{strips[0].pk}")
    assert response.status_code == 200 and response.json()["product_ids"] == [strips[1].pk]
    response = client.delete(f"{URL}/items")
    assert response.status_code == 200 and response.json()["count"] == 0
    assert not CompareItem.objects.exists()


def test_errors_are_message_and_field(buyer):
    client = bearer(buyer)
    supplier = SupplierCompanyFactory()
    products = [live(supplier) for _ in range(BASKET_LIMIT + 1)]
    for product in products[:BASKET_LIMIT]:
        assert post_item(client, product.pk).status_code == 201
    response = post_item(client, products[-1].pk)
    assert response.status_code == 400
    assert response.json() == {
        "message": "Your comparison basket holds at most 20 products; remove one first.",
        "field": "product_id",
    }
    assert CompareItem.objects.count() == BASKET_LIMIT
    Product.objects.filter(pk=products[-1].pk).update(status=ListingStatus.ARCHIVED)
    client.delete(f"{URL}/items/{products[0].pk}")
    response = post_item(client, products[-1].pk)
    assert response.status_code == 400 and response.json()["field"] == "product_id"
    response = post_item(client, "not-a-number")
    assert response.status_code == 422 and response.json()["field"] == "product_id"


def test_the_table_drops_what_went_offline(strips, buyer):
    client = client_for(buyer)  # the browser session works as well as a token
    for product in strips:
        CompareItem.objects.create(user=buyer, product=product)
    Product.objects.filter(pk=strips[0].pk).update(status=ListingStatus.OFFLINE)
    table = client.get(URL).json()
    assert [c["id"] for c in table["columns"]] == [strips[1].pk] and table["removed"] == 1
    assert client.get(URL).json()["removed"] == 0


def test_one_users_basket_is_invisible_to_everyone_else(strips, buyer, buyer_company, other_owner):
    colleague = MembershipFactory(company=buyer_company, role=Role.ADMIN).user
    post_item(bearer(buyer), strips[0].pk)
    for user in (colleague, other_owner):
        client = bearer(user)
        assert client.get(URL).json()["columns"] == []
        assert client.delete(f"{URL}/items/{strips[0].pk}").json()["count"] == 0
        assert client.delete(f"{URL}/items").status_code == 200
    assert list(CompareItem.objects.values_list("user_id", "product_id")) == [
        (buyer.pk, strips[0].pk)
    ]
    assert bearer(buyer).get(URL).json()["columns"][0]["id"] == strips[0].pk


def test_the_endpoints_are_in_the_schema():
    paths = Client().get("/api/v1/openapi.json").json()["paths"]
    assert {
        "/api/v1/compare",
        "/api/v1/compare/items",
        "/api/v1/compare/items/{product_id}",
    } <= set(paths)
