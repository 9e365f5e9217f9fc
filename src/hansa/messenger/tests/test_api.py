"""/api/v1/chats: the same access rules as the pages, errors as {"message", "field"}."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from hansa.api.services import api_token_create
from hansa.messenger import services
from hansa.messenger.models import ChatAttachment, Conversation, Message

BASE = "/api/v1/chats"


def bearer(user) -> Client:
    _token, raw = api_token_create(membership=user.membership, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def post(client: Client, url: str, data: object):
    return client.post(url, data=json.dumps(data), content_type="application/json")


@pytest.fixture
def chat(cast):
    conversation = cast.chat()
    services.message_send(
        membership=cast.staff.membership, conversation=conversation, body="Hello Amy"
    )
    return conversation


def state():
    return (
        Message.objects.count(),
        ChatAttachment.objects.count(),
        list(Conversation.objects.values_list("pk", "buyer_read_id", "rep_read_id")),
    )


def test_start_list_send_poll_and_read(cast, product):
    staff, rep = bearer(cast.staff), bearer(cast.rep2)
    response = post(staff, BASE, {"supplier": cast.supplier.slug, "product_id": product.pk})
    assert response.status_code == 201
    chat = response.json()
    assert chat["rep"]["id"] == cast.rep2.pk and chat["can_write"] is True
    assert post(staff, BASE, {"supplier": cast.supplier.slug}).status_code in (200, 201)
    sent = post(
        staff, f"{BASE}/{chat['id']}/messages", {"body": "Price for 5000 m?", "client_id": "k1"}
    )
    assert sent.status_code == 201
    again = post(
        staff, f"{BASE}/{chat['id']}/messages", {"body": "Price for 5000 m?", "client_id": "k1"}
    )
    assert again.status_code == 200 and again.json()["id"] == sent.json()["id"]
    listing = rep.get(BASE).json()
    assert [(c["id"], c["unread"]) for c in listing] == [(chat["id"], 1)]
    assert rep.get(f"{BASE}/{chat['id']}/messages", {"after": 0}).json()[0]["body"] == (
        "Price for 5000 m?"
    )
    assert rep.get(f"{BASE}/{chat['id']}/messages", {"after": sent.json()["id"]}).json() == []
    assert post(rep, f"{BASE}/{chat['id']}/read", {}).json() == {"read_id": sent.json()["id"]}
    assert rep.get(f"{BASE}/{chat['id']}").json()["unread"] == 0
    found = rep.get(f"{BASE}/search", {"q": "5000"}).json()
    assert [m["id"] for m in found] == [sent.json()["id"]]
    presence = staff.get(f"{BASE}/presence/{cast.supplier.slug}").json()
    assert {p["id"] for p in presence} >= {cast.rep.pk, cast.rep2.pk, cast.owner.pk}
    assert next(p for p in presence if p["id"] == cast.rep2.pk)["online"] is True  # it polled


def test_files_over_multipart_and_bad_input(cast, chat, settings):
    staff = bearer(cast.staff)
    url = f"{BASE}/{chat.pk}/messages/upload"
    ok = staff.post(url, {"files": [SimpleUploadedFile("list.txt", b"A1 12W\n")], "body": "list"})
    assert ok.status_code == 201 and ok.json()["files"][0]["name"] == "list.txt"
    settings.ATTACHMENT_MAX_BYTES = 50
    before = state()
    big = staff.post(url, {"files": [SimpleUploadedFile("big.txt", b"x" * 80)]})
    assert big.status_code == 400
    assert big.json()["field"] == "files" and "too large" in big.json()["message"]
    script = post(staff, f"{BASE}/{chat.pk}/messages", {"body": "<iframe src=x>"})
    assert script.status_code == 400 and script.json()["field"] == "body"
    empty = post(staff, f"{BASE}/{chat.pk}/messages", {"body": ""})
    assert empty.status_code == 400 and "empty" in empty.json()["message"]
    assert state() == before


def test_flooding_over_the_api_is_a_400_and_nothing_is_lost(cast, chat):
    staff = bearer(cast.staff)
    codes = [
        post(
            staff, f"{BASE}/{chat.pk}/messages", {"body": f"m{i}", "client_id": f"f{i}"}
        ).status_code
        for i in range(services.FLOOD_LIMIT + 2)
    ]
    assert codes.count(201) == services.FLOOD_LIMIT - 1  # "Hello Amy" counted too
    refused = post(staff, f"{BASE}/{chat.pk}/messages", {"body": "more"})
    assert refused.status_code == 400 and "last minute" in refused.json()["message"]
    bodies = list(Message.objects.values_list("body", flat=True))
    assert bodies == ["Hello Amy"] + [f"m{i}" for i in range(services.FLOOD_LIMIT - 1)]


@pytest.mark.parametrize("who", ["other_owner", "other_buyer", "rep2", "staff2"])
def test_outsiders_get_404_and_nothing_changes(cast, chat, who):
    client = bearer(getattr(cast, who))
    before = state()
    assert client.get(f"{BASE}/{chat.pk}").status_code == 404
    assert client.get(f"{BASE}/{chat.pk}/messages").status_code == 404
    assert post(client, f"{BASE}/{chat.pk}/messages", {"body": "x"}).status_code == 404
    upload = client.post(
        f"{BASE}/{chat.pk}/messages/upload", {"files": [SimpleUploadedFile("a.txt", b"a")]}
    )
    assert upload.status_code == 404
    assert post(client, f"{BASE}/{chat.pk}/read", {}).status_code == 404
    assert chat.pk not in [c["id"] for c in client.get(BASE).json()]
    assert client.get(f"{BASE}/search", {"q": "Hello"}).json() == []
    assert state() == before


def test_readers_read_but_do_not_write(cast, chat):
    for reader in (cast.owner, cast.admin, cast.buyer_owner):
        client = bearer(reader)
        row = client.get(f"{BASE}/{chat.pk}").json()
        assert row["can_write"] is False
        assert client.get(f"{BASE}/{chat.pk}/messages").json()[0]["body"] == "Hello Amy"
        before = state()
        refused = post(client, f"{BASE}/{chat.pk}/messages", {"body": "me too"})
        assert refused.status_code == 403 and refused.json()["message"]
        assert post(client, f"{BASE}/{chat.pk}/read", {}).json() == {"read_id": 0}
        assert state() == before


def test_anonymous_gets_401_and_nothing_changes(cast, chat):
    client = Client()
    before = state()
    assert client.get(BASE).status_code == 401
    assert client.get(f"{BASE}/{chat.pk}/messages").status_code == 401
    assert post(client, f"{BASE}/{chat.pk}/messages", {"body": "x"}).status_code == 401
    assert post(client, BASE, {"supplier": cast.supplier.slug}).status_code == 401
    assert client.get(f"{BASE}/presence/{cast.supplier.slug}").status_code == 401
    assert state() == before


def test_an_odd_rep_filter_is_no_error(cast, chat):
    owner = bearer(cast.owner)
    for rep_id in ("99999999999999999999999", "9223372036854775808", "-1"):
        response = owner.get(BASE, {"rep_id": rep_id})
        assert response.status_code == 200 and response.json() == []
    assert [c["id"] for c in owner.get(BASE, {"rep_id": cast.rep.pk}).json()] == [chat.pk]


def test_presence_is_only_for_supplying_companies(cast):
    # A buying company's owner and admins are no one's chat partners: their names and whether
    # they are online are not for other companies to read.
    staff = bearer(cast.other_owner)
    response = staff.get(f"{BASE}/presence/{cast.buyer_company.slug}")
    assert response.status_code == 404
    assert "Greta" not in response.content.decode()
    assert staff.get(f"{BASE}/presence/{cast.supplier.slug}").status_code == 200


def test_suppliers_cannot_start_chats_over_the_api(cast):
    response = post(bearer(cast.other_owner), BASE, {"supplier": cast.supplier.slug})
    assert response.status_code == 403 and response.json()["message"]
    response = post(bearer(cast.staff), BASE, {"supplier": "does-not-exist"})
    assert response.status_code == 404
    assert not Conversation.objects.exists()
