"""Pages: the access matrix for every view, the polling fallback, bad input in the page."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hansa.conftest import client_for
from hansa.messenger import services
from hansa.messenger.models import ChatAttachment, Conversation, Message


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
        list(Conversation.objects.values_list("buyer_read_id", "rep_read_id").order_by("pk")),
    )


def test_the_page_lists_chats_and_shows_the_conversation(cast, chat):
    response = client_for(cast.rep).get(reverse("messenger:conversation", args=[chat.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hello Amy" in html and "Nordlicht Import GmbH" in html
    assert 'id="composer"' in html and "messenger.js" in html
    chat.refresh_from_db()
    assert chat.rep_read_id == chat.messages.get().pk  # opening reads


def test_readers_see_every_chat_read_only(cast, chat):
    for reader in (cast.owner, cast.admin, cast.buyer_owner):
        html = client_for(reader).get(reverse("messenger:conversation", args=[chat.pk]))
        assert html.status_code == 200
        text = html.content.decode()
        assert "Hello Amy" in text and "You are reading along" in text
        assert 'id="composer"' not in text
    before = state()
    response = client_for(cast.owner).post(
        reverse("messenger:send", args=[chat.pk]),
        {"body": "Owner here"},
        headers={"accept": "application/json"},
    )
    assert response.status_code == 403 and "reading along" in response.json()["message"]
    assert state() == before


@pytest.mark.parametrize("who", ["other_owner", "other_buyer", "rep2", "staff2"])
def test_outsiders_get_404_everywhere_and_nothing_changes(cast, chat, who):
    client = client_for(getattr(cast, who))
    message = chat.messages.get()
    upload = SimpleUploadedFile("a.txt", b"hello")
    services.message_send(
        membership=cast.staff.membership, conversation=chat, body="", files=[upload]
    )
    attachment = ChatAttachment.objects.get()
    before = state()
    assert client.get(reverse("messenger:conversation", args=[chat.pk])).status_code == 404
    assert client.get(reverse("messenger:poll", args=[chat.pk])).status_code == 404
    assert client.post(reverse("messenger:send", args=[chat.pk]), {"body": "x"}).status_code == 404
    assert client.post(reverse("messenger:read", args=[chat.pk])).status_code == 404
    assert client.get(reverse("messenger:file", args=[attachment.pk])).status_code == 404
    home = client.get(reverse("messenger:home")).content.decode()
    assert message.body not in home
    assert state() == before


def test_anonymous_visitors_are_sent_to_sign_in(cast, chat):
    client = client_for(None)
    before = state()
    for name, args in [
        ("messenger:home", []),
        ("messenger:contacts", []),
        ("messenger:conversation", [chat.pk]),
        ("messenger:poll", [chat.pk]),
    ]:
        response = client.get(reverse(name, args=args))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    for name, args in [
        ("messenger:send", [chat.pk]),
        ("messenger:read", [chat.pk]),
        ("messenger:start", []),
    ]:
        response = client.post(reverse(name, args=args), {"body": "x", "supplier": "x"})
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert state() == before
    assert Conversation.objects.count() == 1


def test_a_user_without_company_is_refused(lone_user, cast, chat):
    response = client_for(lone_user).get(reverse("messenger:home"))
    assert response.status_code == 403


def test_polling_returns_new_messages_presence_and_read_marker(cast, chat):
    first = chat.messages.get()
    rep = client_for(cast.rep)
    staff = client_for(cast.staff)
    data = staff.get(reverse("messenger:poll", args=[chat.pk]), {"after": first.pk}).json()
    assert data["messages"] == [] and data["online"] is False
    rep.get(reverse("messenger:poll", args=[chat.pk]), {"after": 0})  # the rep polls: online
    reply = rep.post(
        reverse("messenger:send", args=[chat.pk]),
        {"body": "Hi Hans, how can I help?", "client_id": "c-1"},
        headers={"accept": "application/json"},
    )
    assert reply.status_code == 201
    data = staff.get(reverse("messenger:poll", args=[chat.pk]), {"after": first.pk}).json()
    assert [m["body"] for m in data["messages"]] == ["Hi Hans, how can I help?"]
    assert data["online"] is True and data["unread_total"] == 1
    assert data["other_read_id"] == reply.json()["id"]  # replying reads what came before
    staff.post(reverse("messenger:read", args=[chat.pk]))
    assert staff.get(reverse("messenger:poll", args=[chat.pk])).json()["unread_total"] == 0
    # The same client id again (a resend after a lost answer) is stored once.
    again = rep.post(
        reverse("messenger:send", args=[chat.pk]),
        {"body": "Hi Hans, how can I help?", "client_id": "c-1"},
        headers={"accept": "application/json"},
    )
    assert again.status_code == 200 and Message.objects.count() == 2


def test_bad_input_in_the_page_is_refused_clearly_without_js(cast, chat, settings):
    settings.ATTACHMENT_MAX_BYTES = 100
    client = client_for(cast.staff)
    before = state()
    url = reverse("messenger:send", args=[chat.pk])
    response = client.post(url, {"body": "<script>alert(1)</script>"}, follow=True)
    assert "script or HTML code" in response.content.decode()
    big = SimpleUploadedFile("big.txt", b"a" * 500)
    response = client.post(
        url, {"body": "see file", "files": [big]}, headers={"accept": "application/json"}
    )
    assert response.status_code == 400 and "too large" in response.json()["message"]
    assert response.json()["field"] == "files"
    assert state() == before


def test_sending_a_file_from_the_page_and_downloading_it(cast, chat):
    client = client_for(cast.staff)
    spec = SimpleUploadedFile("spec sheet.csv", b"model,watt\nA1,12\n")
    response = client.post(
        reverse("messenger:send", args=[chat.pk]),
        {"body": "Our spec", "files": [spec]},
        headers={"accept": "application/json"},
    )
    assert response.status_code == 201
    file = response.json()["files"][0]
    assert file["name"] == "spec sheet.csv"
    for user in (cast.rep, cast.owner, cast.buyer_owner):
        download = client_for(user).get(file["url"])
        assert download.status_code == 200
        assert download["X-Content-Type-Options"] == "nosniff"
        assert b"".join(download.streaming_content) == b"model,watt\nA1,12\n"


def test_starting_from_the_chat_button(cast, product):
    client = client_for(cast.staff)
    response = client.post(
        reverse("messenger:start"),
        {"supplier": cast.supplier.slug, "product": product.pk},
    )
    conversation = Conversation.objects.get()
    assert response["Location"] == reverse("messenger:conversation", args=[conversation.pk])
    assert conversation.rep == cast.rep2
    # A supplier cannot start a chat; an unknown supplier is a 404.
    before = Conversation.objects.count()
    response = client_for(cast.other_owner).post(
        reverse("messenger:start"), {"supplier": cast.supplier.slug, "back": "/"}
    )
    assert response.status_code == 302
    assert client.post(reverse("messenger:start"), {"supplier": "nope"}).status_code == 404
    assert Conversation.objects.count() == before


def test_the_chat_button(cast, product, rf):
    from django.contrib.auth.models import AnonymousUser
    from django.template.loader import render_to_string

    from hansa.companies.access import active_membership

    def render(user):
        request = rf.get("/products/x/")
        request.user = user
        membership = active_membership(user) if user.is_authenticated else None
        return render_to_string(
            "messenger/_chat_button.html",
            {
                "supplier_company": cast.supplier,
                "product": None,
                "user": user,
                "company": membership.company if membership else None,
                "request": request,
            },
            request=request,
        )

    assert "Sign in to chat now" in render(AnonymousUser())
    assert render(cast.rep).strip() == ""  # the supplier's own members
    services.presence_touch(user=cast.rep)
    html = render(cast.staff)
    assert "Chat now" in html and "Amy Rep" in html and "online now" in html


def test_sidebar_counter_and_contacts(cast, chat):
    html = client_for(cast.rep).get(reverse("messenger:home")).content.decode()
    assert 'id="chat-nav-count"' in html
    contacts = client_for(cast.owner).get(reverse("messenger:contacts")).content.decode()
    assert "Hans Staff" in contacts and "Amy Rep" in contacts
    mine = client_for(cast.rep2).get(reverse("messenger:contacts")).content.decode()
    assert "Hans Staff" not in mine
    other = client_for(cast.other_owner).get(reverse("messenger:contacts")).content.decode()
    assert "Hans Staff" not in other


def test_owner_filters_by_sub_account_and_searches(cast, chat):
    second = cast.chat(cast.staff2, cast.rep2)
    services.message_send(
        membership=cast.staff2.membership, conversation=second, body="Need 2000 panels"
    )
    client = client_for(cast.owner)
    html = client.get(reverse("messenger:home"), {"rep": cast.rep2.pk}).content.decode()
    assert "Ida Staff" in html and "Hans Staff" not in html
    html = client.get(reverse("messenger:home"), {"q": "panels"}).content.decode()
    assert "Need 2000 panels" in html
    html = client_for(cast.rep).get(reverse("messenger:home"), {"q": "panels"}).content.decode()
    assert "Need 2000 panels" not in html


@pytest.mark.parametrize("rep", ["99999999999999999999999", "-99999999999999999999999", "x"])
def test_an_odd_sub_account_filter_does_not_crash_the_page(cast, chat, rep):
    client = client_for(cast.owner)
    assert client.get(reverse("messenger:home"), {"rep": rep}).status_code == 200
    response = client.get(reverse("messenger:poll", args=[chat.pk]), {"after": rep})
    assert response.status_code == 200


def test_a_refused_start_never_redirects_off_site(cast):
    response = client_for(cast.other_owner).post(
        reverse("messenger:start"),
        {"supplier": cast.supplier.slug, "back": "https://evil.example/"},
    )
    assert response.status_code == 302 and response["Location"] == reverse("messenger:home")
