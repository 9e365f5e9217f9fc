"""Notifications: creating them, preferences, marking read, the pages and the API."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from hansa.conftest import client_for
from hansa.core.errors import BusinessError
from hansa.notifications import selectors, services
from hansa.notifications.kinds import KINDS
from hansa.notifications.models import Notification, NotificationPreference

pytestmark = pytest.mark.django_db

KIND = "saved_search"


def note(user, title="3 new products for “led panel”", url="/search/?q=led+panel"):
    return services.notify(user=user, kind=KIND, title=title, body="Panel A, Panel B", url=url)


def state(user) -> list[tuple]:
    return list(Notification.objects.filter(user=user).order_by("pk").values_list("pk", "read_at"))


# -- services ---------------------------------------------------------------------------------


def test_notify_creates_an_unread_notification(buyer):
    n = note(buyer)
    assert n.kind == KIND and n.read_at is None and n.emailed_at is None and n.in_app
    assert selectors.unread_count(buyer) == 1
    assert list(selectors.user_notifications(buyer)) == [n]


def test_notify_refuses_unknown_kinds_and_links_to_other_sites(buyer):
    with pytest.raises(ValueError):
        services.notify(user=buyer, kind="nonsense", title="x")
    for url in ("https://evil.example/", "//evil.example/", "javascript:alert(1)"):
        with pytest.raises(ValueError):
            note(buyer, url=url)
    assert not Notification.objects.exists()


def test_notify_shortens_long_texts(buyer):
    n = services.notify(user=buyer, kind=KIND, title="x" * 300, body="y " * 400)
    assert len(n.title) == 200 and n.title.endswith("…")
    assert len(n.body) <= 500


def test_a_kind_hidden_in_the_app_is_kept_only_for_the_email(buyer):
    services.preference_set(user=buyer, kind=KIND, email="daily", in_app=False)
    n = note(buyer)
    assert n is not None and not n.in_app
    assert selectors.unread_count(buyer) == 0 and not selectors.user_notifications(buyer).exists()


def test_a_kind_turned_off_everywhere_creates_nothing(buyer):
    services.preference_set(user=buyer, kind=KIND, email="off", in_app=False)
    assert note(buyer) is None
    assert not Notification.objects.exists()


def test_preferences_have_defaults_and_refuse_unknown_values(buyer):
    assert selectors.preferences_for(buyer)[KIND].email == "daily"
    assert not NotificationPreference.objects.exists()
    with pytest.raises(BusinessError) as caught:
        services.preference_set(user=buyer, kind=KIND, email="hourly")
    assert caught.value.field == "email"
    services.preference_set(user=buyer, kind=KIND, email="weekly")
    assert selectors.preferences_for(buyer)[KIND].email == "weekly"


def test_mark_read_touches_only_the_users_own(buyer, lone_user):
    mine, other = note(buyer), note(lone_user)
    assert services.mark_read(user=buyer, ids=[mine.pk, other.pk]) == 1
    mine.refresh_from_db()
    other.refresh_from_db()
    assert mine.read_at is not None and other.read_at is None
    with pytest.raises(BusinessError):
        services.mark_read(user=buyer, ids=[])
    note(buyer)
    note(buyer)
    assert services.mark_read(user=buyer, all=True) == 2
    assert selectors.unread_count(buyer) == 0


# -- pages ------------------------------------------------------------------------------------


def test_the_list_highlights_unread_and_uses_the_workspace_for_members(buyer, lone_user):
    read = note(buyer, title="Old news")
    services.mark_read(user=buyer, ids=[read.pk])
    note(buyer, title="Fresh news")
    page = client_for(buyer).get("/notifications/").content.decode()
    assert "Fresh news" in page and "Old news" in page
    assert page.count("notif-unread") == 1
    assert 'class="sidebar"' in page  # a member sees the workspace around it
    assert "Notifications (1)" in page  # the header link counts unread ones
    note(lone_user, title="Lonely news")
    page = client_for(lone_user).get("/notifications/").content.decode()
    assert "Lonely news" in page and "Fresh news" not in page
    assert 'class="sidebar"' not in page


def test_pages_need_a_signed_in_user():
    for url in ("/notifications/", "/notifications/preferences/"):
        response = Client().get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    response = Client().post("/notifications/read/", {"all": "1"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_opening_a_notification_marks_it_read_and_follows_its_link(buyer, lone_user):
    n = note(buyer)
    response = client_for(buyer).get(f"/notifications/{n.pk}/")
    assert response.status_code == 302 and response["Location"] == "/search/?q=led+panel"
    n.refresh_from_db()
    assert n.read_at is not None


def test_someone_elses_notification_answers_404_and_stays_unread(buyer, lone_user):
    n = note(buyer)
    before = state(buyer)
    assert client_for(lone_user).get(f"/notifications/{n.pk}/").status_code == 404
    client_for(lone_user).post("/notifications/read/", {"id": [n.pk]})
    client_for(lone_user).post("/notifications/read/", {"all": "1"})
    assert state(buyer) == before


def test_a_link_to_another_site_is_never_followed(buyer):
    n = Notification.objects.create(user=buyer, kind=KIND, title="x", url="//evil.example/")
    response = client_for(buyer).get(f"/notifications/{n.pk}/")
    assert response["Location"] == "/notifications/"


def test_mark_all_read_from_the_page(buyer):
    note(buyer)
    note(buyer)
    response = client_for(buyer).post("/notifications/read/", {"all": "1"})
    assert response.status_code == 302 and response["Location"] == "/notifications/"
    assert selectors.unread_count(buyer) == 0
    page = client_for(buyer).get("/notifications/").content.decode()
    assert "notif-unread" not in page


def test_preferences_page_saves_each_kind(buyer):
    client = client_for(buyer)
    page = client.get("/notifications/preferences/").content.decode()
    assert "Saved search alerts" in page and 'value="daily" selected' in page
    # The page posts every kind's fields, as the browser does.
    form = {f"email_{code}": kind.email for code, kind in KINDS.items()}
    form |= {f"in_app_{code}": "on" for code in KINDS}
    response = client.post("/notifications/preferences/", form | {f"email_{KIND}": "weekly"})
    assert response.status_code == 302
    pref = NotificationPreference.objects.get(user=buyer, kind=KIND)
    assert pref.email == "weekly" and pref.in_app
    response = client.post("/notifications/preferences/", form | {f"email_{KIND}": "hourly"})
    assert response.status_code == 200
    assert NotificationPreference.objects.get(user=buyer, kind=KIND).email == "weekly"


# -- API --------------------------------------------------------------------------------------


def post_json(client: Client, url: str, data: object):
    return client.post(url, data=json.dumps(data), content_type="application/json")


def test_api_lists_own_notifications_with_the_unread_count(buyer, lone_user):
    first = note(buyer, title="First")
    note(buyer, title="Second")
    note(lone_user, title="Not yours")
    services.mark_read(user=buyer, ids=[first.pk])
    body = client_for(buyer).get("/api/v1/notifications").json()
    assert body["total"] == 2 and body["unread"] == 1
    assert [i["title"] for i in body["items"]] == ["Second", "First"]
    body = client_for(buyer).get("/api/v1/notifications?unread=true").json()
    assert [i["title"] for i in body["items"]] == ["Second"]
    bad = client_for(buyer).get("/api/v1/notifications?limit=0")
    assert bad.status_code == 400 and bad.json()["field"] == "limit"


def test_api_marks_read_by_id_or_all(buyer, lone_user):
    mine = [note(buyer), note(buyer), note(buyer)]
    other = note(lone_user)
    client = client_for(buyer)
    body = post_json(client, "/api/v1/notifications/read", {"ids": [mine[0].pk, other.pk]}).json()
    assert body == {"marked": 1, "unread": 2}
    other.refresh_from_db()
    assert other.read_at is None
    empty = post_json(client, "/api/v1/notifications/read", {})
    assert empty.status_code == 400 and empty.json()["field"] == "ids"
    assert post_json(client, "/api/v1/notifications/read", {"all": True}).json() == {
        "marked": 2,
        "unread": 0,
    }


def test_api_needs_a_signed_in_caller(buyer):
    note(buyer)
    before = state(buyer)
    assert Client().get("/api/v1/notifications").status_code == 401
    response = post_json(Client(), "/api/v1/notifications/read", {"all": True})
    assert response.status_code == 401 and "message" in response.json()
    assert state(buyer) == before
