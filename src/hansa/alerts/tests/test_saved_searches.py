"""Saved searches: create, list, change, delete (pages and API), limits, privacy."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from hansa.alerts import services
from hansa.alerts.models import MAX_SAVED_SEARCHES, SavedSearch
from hansa.api.services import api_token_create
from hansa.companies.models import Membership
from hansa.companies.roles import Role
from hansa.companies.tests.factories import MembershipFactory
from hansa.conftest import client_for
from hansa.core.errors import BusinessError
from hansa.search.params import SearchParams

pytestmark = pytest.mark.django_db


def save(user, q="led panel", name=None, frequency="daily", **filters) -> SavedSearch:
    return services.saved_search_create(
        user=user,
        name=name,
        params=SearchParams.parse({"q": q, **filters}),
        frequency=frequency,
    )


def rows() -> list[tuple]:
    return list(
        SavedSearch.objects.order_by("pk").values_list(
            "pk", "user_id", "name", "params", "frequency", "is_active", "last_checked_at"
        )
    )


def as_json(client: Client, method: str, url: str, data: object = None):
    return getattr(client, method)(
        url, data=json.dumps(data) if data is not None else None, content_type="application/json"
    )


@pytest.fixture
def colleague(buyer_company):
    return MembershipFactory(company=buyer_company, role=Role.BUYER_STAFF).user


# -- services ---------------------------------------------------------------------------------


def test_a_saved_search_keeps_the_search_and_reads_back(buyer):
    saved = save(buyer, q="LED  panel", country=["CN", "VN"], price_max="5", verified="1")
    assert saved.name == "LED panel" and saved.frequency == "daily" and saved.is_active
    assert saved.params["country"] == ["CN", "VN"] and saved.params["price_max"] == "5"
    assert "page" not in saved.params and "published_after" not in saved.params
    again = SearchParams.parse(saved.params)
    assert again.q == "LED panel" and again.country == ("CN", "VN") and again.verified
    assert saved.last_match_count is None and saved.last_checked_at is not None


def test_a_search_without_words_gets_a_name(buyer):
    assert save(buyer, q="", category="led-strip-lights").name == "All products"


def test_bad_names_frequencies_and_duplicates_are_refused(buyer):
    with pytest.raises(BusinessError) as caught:
        save(buyer, name="x" * 121)
    assert caught.value.field == "name"
    with pytest.raises(BusinessError) as caught:
        save(buyer, frequency="hourly")
    assert caught.value.field == "frequency"
    save(buyer, q="solar")
    with pytest.raises(BusinessError) as caught:
        save(buyer, q="solar", name="Again")
    assert "already saved" in caught.value.message
    assert SavedSearch.objects.count() == 1


def test_a_user_keeps_at_most_fifty(buyer, colleague):
    for i in range(MAX_SAVED_SEARCHES):
        save(buyer, q=f"query {i}")
    with pytest.raises(BusinessError) as caught:
        save(buyer, q="one too many")
    assert "50" in caught.value.message
    assert SavedSearch.objects.filter(user=buyer).count() == MAX_SAVED_SEARCHES
    save(colleague, q="one too many")  # the limit is per user


def test_changing_the_search_or_switching_alerts_on_starts_from_now(buyer):
    saved = save(buyer, frequency="off")
    SavedSearch.objects.filter(pk=saved.pk).update(last_match_count=4)
    updated = services.saved_search_update(user=buyer, saved_id=saved.pk, frequency="weekly")
    assert updated.frequency == "weekly" and updated.last_match_count is None
    assert updated.last_checked_at > saved.last_checked_at
    SavedSearch.objects.filter(pk=saved.pk).update(last_match_count=4)
    updated = services.saved_search_update(user=buyer, saved_id=saved.pk, name="Renamed")
    assert updated.name == "Renamed" and updated.last_match_count == 4
    updated = services.saved_search_update(
        user=buyer, saved_id=saved.pk, params=SearchParams.parse({"q": "solar"})
    )
    assert updated.params["q"] == "solar" and updated.last_match_count is None


# -- pages ------------------------------------------------------------------------------------


def test_saving_from_the_search_page(buyer):
    client = client_for(buyer)
    response = client.post(
        "/saved-searches/new/",
        {
            "q": "led panel",
            "country": ["CN", "VN"],
            "verified": "1",
            "name": "Panels",
            "frequency": "weekly",
            "next": "/search/?q=led+panel&country=CN&country=VN&verified=1",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/search/?q=led+panel&country=CN&country=VN&verified=1"
    saved = SavedSearch.objects.get(user=buyer)
    assert saved.name == "Panels" and saved.frequency == "weekly"
    assert saved.params["country"] == ["CN", "VN"] and saved.params["verified"] is True
    page = client.get("/saved-searches/").content.decode()
    assert "My saved searches" in page and "Panels" in page
    assert "“led panel” · Supplier country: China, Vietnam · Verified suppliers" in page
    assert 'href="/search/?q=led+panel&amp;country=CN&amp;country=VN&amp;verified=1"' in page
    assert '<option value="weekly" selected>' in page
    assert 'class="sidebar"' in page


def test_invalid_search_fields_are_refused_with_a_message(buyer):
    client = client_for(buyer)
    response = client.post(
        "/saved-searches/new/",
        {"q": "led", "price_min": "cheap", "name": "Bad", "next": "/saved-searches/"},
        follow=True,
    )
    assert not SavedSearch.objects.exists()
    assert "The search was not saved: Enter a number." in response.content.decode()
    response = client.post(
        "/saved-searches/new/",
        {"q": "led", "frequency": "hourly", "next": "/saved-searches/"},
        follow=True,
    )
    assert not SavedSearch.objects.exists()
    assert "Choose how often to look for new matches." in response.content.decode()


def test_anonymous_visitors_are_sent_to_sign_in_and_back_to_the_search(db):
    response = Client().post("/saved-searches/new/", {"q": "led panel", "country": "CN"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert "q%3Dled%2Bpanel%26country%3DCN" in response["Location"]
    assert not SavedSearch.objects.exists()
    response = Client().get("/saved-searches/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_change_and_delete_from_the_list(buyer):
    saved = save(buyer)
    client = client_for(buyer)
    assert client.post(f"/saved-searches/{saved.pk}/", {"frequency": "off"}).status_code == 302
    saved.refresh_from_db()
    assert saved.frequency == "off"
    assert client.post(f"/saved-searches/{saved.pk}/delete/").status_code == 302
    assert not SavedSearch.objects.exists()


def test_a_user_without_a_company_uses_the_plain_layout(lone_user):
    save(lone_user)
    page = client_for(lone_user).get("/saved-searches/").content.decode()
    assert "led panel" in page and 'class="sidebar"' not in page


def test_other_users_and_colleagues_get_404_and_nothing_changes(buyer, colleague, other_owner):
    saved = save(buyer)
    before = rows()
    for intruder in (colleague, other_owner):
        client = client_for(intruder)
        assert "led panel" not in client.get("/saved-searches/").content.decode()
        assert client.post(f"/saved-searches/{saved.pk}/", {"frequency": "off"}).status_code == 404
        assert client.post(f"/saved-searches/{saved.pk}/delete/").status_code == 404
    anonymous = Client()
    assert anonymous.post(f"/saved-searches/{saved.pk}/delete/").status_code == 302
    assert rows() == before


def test_the_save_form_include_carries_the_search(rf, buyer):
    from django.template.loader import render_to_string

    request = rf.get("/search/?q=led+panel&country=CN")
    request.user = buyer
    params = SearchParams.parse({"q": "led panel", "country": ["CN"], "moq_max": "100"})
    html = render_to_string("alerts/_save_form.html", {"search_params": params}, request=request)
    assert 'action="/saved-searches/new/"' in html
    assert '<input type="hidden" name="q" value="led panel">' in html
    assert '<input type="hidden" name="country" value="CN">' in html
    assert '<input type="hidden" name="moq_max" value="100">' in html
    assert 'name="name" type="text" maxlength="120" value="led panel"' in html
    assert 'name="next" value="/search/?q=led+panel&amp;country=CN"' in html
    assert "csrfmiddlewaretoken" in html and "<script" not in html and "style=" not in html


# -- API --------------------------------------------------------------------------------------


def test_api_create_list_update_delete(buyer):
    client = client_for(buyer)
    response = as_json(
        client,
        "post",
        "/api/v1/saved-searches",
        {"name": "Panels", "params": {"q": "led panel", "country": ["CN"]}, "frequency": "weekly"},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (
        body["name"] == "Panels" and body["frequency"] == "weekly" and body["target"] == "product"
    )
    assert (
        body["params"]["country"] == ["CN"]
        and body["search_url"] == "/search/?q=led+panel&country=CN"
    )
    assert body["description"][0] == "“led panel”"
    pk = body["id"]
    assert [s["id"] for s in client.get("/api/v1/saved-searches").json()] == [pk]
    response = as_json(
        client, "patch", f"/api/v1/saved-searches/{pk}", {"frequency": "daily", "is_active": False}
    )
    assert response.status_code == 200
    assert response.json()["frequency"] == "daily" and response.json()["is_active"] is False
    response = as_json(client, "patch", f"/api/v1/saved-searches/{pk}", {"params": {"q": "solar"}})
    assert response.json()["params"]["q"] == "solar"
    assert client.delete(f"/api/v1/saved-searches/{pk}").status_code == 204
    assert client.get("/api/v1/saved-searches").json() == []


def test_api_refuses_invalid_searches_with_the_field(buyer):
    client = client_for(buyer)
    response = as_json(
        client, "post", "/api/v1/saved-searches", {"params": {"q": "led", "sort": "random"}}
    )
    assert response.status_code == 400
    assert response.json() == {
        "message": "Choose a sort order from the list.",
        "field": "params.sort",
    }
    response = as_json(
        client, "post", "/api/v1/saved-searches", {"params": {"q": "led"}, "frequency": "hourly"}
    )
    assert response.status_code == 400 and response.json()["field"] == "frequency"
    assert not SavedSearch.objects.exists()


def test_api_works_with_a_personal_token(buyer):
    _token, raw = api_token_create(membership=Membership.objects.get(user=buyer), name="t")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    response = as_json(client, "post", "/api/v1/saved-searches", {"params": {"q": "solar"}})
    assert response.status_code == 201
    assert SavedSearch.objects.get().user == buyer


def test_api_privacy(buyer, colleague, other_owner):
    saved = save(buyer)
    before = rows()
    for intruder in (colleague, other_owner):
        client = client_for(intruder)
        assert client.get("/api/v1/saved-searches").json() == []
        url = f"/api/v1/saved-searches/{saved.pk}"
        response = as_json(client, "patch", url, {"name": "Mine now", "frequency": "off"})
        assert response.status_code == 404 and response.json()["message"]
        assert client.delete(url).status_code == 404
    anonymous = Client()
    assert anonymous.get("/api/v1/saved-searches").status_code == 401
    assert as_json(anonymous, "post", "/api/v1/saved-searches", {"params": {}}).status_code == 401
    assert anonymous.delete(f"/api/v1/saved-searches/{saved.pk}").status_code == 401
    assert rows() == before
