"""The WebSocket consumer through the real ASGI stack: session cookie, origin check, groups."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client

from hansa.asgi import application
from hansa.messenger import services
from hansa.messenger.models import Message, Presence
from hansa.messenger.tests.conftest import make_cast

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def live_cast(reference_db):
    return make_cast()


def cookie_for(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def run(scenario: Any) -> None:
    """Runs ``scenario()`` (a coroutine function) on an event loop of its own thread.

    ``async_to_sync`` would refuse when the test thread already has a loop (Playwright's sync
    API leaves one behind in browser test sessions).
    """
    import asyncio
    import threading

    failure: list[BaseException] = []

    def target() -> None:
        try:
            asyncio.run(scenario())
        except BaseException as exc:
            failure.append(exc)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(timeout=60)
    if failure:
        raise failure[0]
    assert not thread.is_alive(), "the WebSocket scenario did not finish"


def socket(user=None, origin: str = "http://testserver") -> WebsocketCommunicator:
    headers = [(b"origin", origin.encode())]
    if user is not None:
        headers.append((b"cookie", f"{settings.SESSION_COOKIE_NAME}={cookie_for(user)}".encode()))
    return WebsocketCommunicator(application, "/ws/messenger/", headers=headers)


async def next_of(ws: WebsocketCommunicator, kind: str, timeout: float = 3) -> dict[str, Any]:
    while True:
        frame = await ws.receive_json_from(timeout=timeout)
        if frame.get("type") == kind:
            return frame


def test_live_delivery_to_the_other_side_and_the_owner_reading_along(live_cast):
    cast = live_cast
    conversation = cast.chat()
    staff, rep, owner, rep2 = (
        socket(cast.staff),
        socket(cast.rep),
        socket(cast.owner),
        socket(cast.rep2),
    )
    other = socket(cast.other_owner)

    async def scenario() -> None:
        for ws in (staff, rep, owner, rep2, other):
            connected, _ = await ws.connect()
            assert connected
        await staff.send_json_to(
            {
                "type": "send",
                "conversation": conversation.pk,
                "body": "Hi, live?",
                "client_id": "w1",
            }
        )
        ack = await next_of(staff, "ack")
        assert ack["client_id"] == "w1" and ack["created"] is True
        for ws in (staff, rep, owner):
            event = await next_of(ws, "message")
            assert event["body"] == "Hi, live?" and event["author"] == "Hans Staff"
        # The rep answers over HTTP (a page form): the socket still delivers it.
        await database_sync_to_async(_reply_over_http)(cast, conversation)
        event = await next_of(staff, "message")
        assert event["body"] == "Yes, live over HTTP too"
        assert (await next_of(owner, "message"))["body"] == "Yes, live over HTTP too"
        # Read receipts reach the writer.
        await staff.send_json_to(
            {"type": "read", "conversation": conversation.pk, "message_id": event["id"]}
        )
        receipt = await next_of(rep, "read")
        assert receipt["user_id"] == cast.staff.pk and receipt["message_id"] == event["id"]
        # Nobody else hears anything.
        assert await rep2.receive_nothing(timeout=0.3)
        assert await other.receive_nothing(timeout=0.3)
        # The owner reads along but cannot write; another company cannot even address it.
        await owner.send_json_to(
            {"type": "send", "conversation": conversation.pk, "body": "Owner", "client_id": "o"}
        )
        refused = await next_of(owner, "error")
        assert refused["status"] == 403 and "reading along" in refused["message"]
        await other.send_json_to(
            {"type": "send", "conversation": conversation.pk, "body": "Spy", "client_id": "s"}
        )
        assert (await next_of(other, "error"))["status"] == 404
        # Script in a message is refused with the reason; the resend of w1 is stored once.
        await staff.send_json_to(
            {
                "type": "send",
                "conversation": conversation.pk,
                "body": "<script>x</script>",
                "client_id": "w2",
            }
        )
        bad = await next_of(staff, "error")
        assert bad["client_id"] == "w2" and "script" in bad["message"]
        await staff.send_json_to(
            {
                "type": "send",
                "conversation": conversation.pk,
                "body": "Hi, live?",
                "client_id": "w1",
            }
        )
        assert (await next_of(staff, "ack"))["created"] is False
        for ws in (staff, rep, owner, rep2, other):
            await ws.disconnect()

    run(scenario)
    assert list(Message.objects.order_by("id").values_list("body", flat=True)) == [
        "Hi, live?",
        "Yes, live over HTTP too",
    ]
    conversation.refresh_from_db()
    assert conversation.buyer_read_id == conversation.rep_read_id == Message.objects.last().pk


def _reply_over_http(cast, conversation) -> None:
    client = Client()
    client.force_login(cast.rep)
    response = client.post(
        f"/messenger/{conversation.pk}/send/", {"body": "Yes, live over HTTP too"}
    )
    assert response.status_code == 302


def test_presence_is_announced_and_kept_in_the_database(live_cast):
    cast = live_cast
    conversation = cast.chat()
    services.message_send(
        membership=cast.staff.membership, conversation=conversation, body="Are you there?"
    )
    staff, rep = socket(cast.staff), socket(cast.rep)

    async def scenario() -> None:
        await staff.connect()
        await rep.connect()
        online = await next_of(staff, "presence")
        assert online == {"type": "presence", "user_id": cast.rep.pk, "online": True}
        await rep.send_json_to({"type": "ping"})
        assert (await rep.receive_json_from())["type"] == "pong"
        await rep.send_json_to({"type": "typing", "conversation": conversation.pk})
        assert (await next_of(staff, "typing"))["user_id"] == cast.rep.pk
        await rep.disconnect()
        offline = await next_of(staff, "presence")
        assert offline["online"] is False
        await staff.disconnect()

    run(scenario)
    assert Presence.objects.get(user=cast.rep).sockets == 0


def test_anonymous_users_and_foreign_origins_are_refused(live_cast):
    cast = live_cast
    anonymous = socket(None)
    foreign = socket(cast.staff, origin="https://evil.example")

    async def scenario() -> None:
        connected, code = await anonymous.connect()
        assert not connected and code == 4401
        connected, _ = await foreign.connect()
        assert not connected

    run(scenario)
    assert not Presence.objects.exists()


def test_a_member_deactivated_while_connected_is_closed(live_cast):
    cast = live_cast
    conversation = cast.chat()
    staff = socket(cast.staff)

    async def scenario() -> None:
        await staff.connect()
        await database_sync_to_async(_deactivate)(cast.staff)
        await staff.send_json_to(
            {"type": "send", "conversation": conversation.pk, "body": "still here?"}
        )
        output = await staff.receive_output(timeout=2)
        assert output["type"] == "websocket.close"

    run(scenario)
    assert not Message.objects.exists()


def test_a_silent_socket_hears_nothing_once_deactivated_or_demoted(live_cast):
    """Events are pushed without a frame from the client: membership is checked on delivery."""
    cast = live_cast
    conversation = cast.chat()
    staff, owner, admin = socket(cast.staff), socket(cast.owner), socket(cast.admin)

    async def scenario() -> None:
        for ws in (staff, owner, admin):
            connected, _ = await ws.connect()
            assert connected
        await database_sync_to_async(_deactivate)(cast.owner)
        await database_sync_to_async(_demote)(cast.admin)
        await staff.send_json_to(
            {
                "type": "send",
                "conversation": conversation.pk,
                "body": "Secret price",
                "client_id": "s1",
            }
        )
        assert (await next_of(staff, "message"))["body"] == "Secret price"
        for ws in (owner, admin):
            output = await ws.receive_output(timeout=2)
            assert output["type"] == "websocket.close", output
        await staff.disconnect()

    run(scenario)


def _demote(user) -> None:
    from hansa.companies.roles import Role

    membership = user.membership
    membership.role = Role.SALES_REP
    membership.save()


def _deactivate(user) -> None:
    membership = user.membership
    membership.is_active = False
    membership.save()


def test_bad_frames_get_a_clear_error(live_cast):
    cast = live_cast
    staff = socket(cast.staff)

    async def scenario() -> None:
        await staff.connect()
        await staff.send_json_to(["not", "an", "object"])
        assert (await next_of(staff, "error"))["message"]
        await staff.send_json_to({"type": "send", "conversation": "abc", "body": "x"})
        assert (await next_of(staff, "error"))["status"] == 404
        await asyncio.sleep(0)
        await staff.disconnect()

    run(scenario)


@pytest.mark.django_db(transaction=False)
def test_the_socket_answers_in_the_pages_language():
    from hansa.messenger.consumers import _language

    assert _language({"cookies": {"django_language": "zh-hans"}, "headers": []}) == "zh-hans"
    assert _language({"headers": [(b"accept-language", b"zh-CN,zh;q=0.9,en;q=0.8")]}) == ("zh-hans")
    assert _language({"headers": [(b"accept-language", b"fr-FR")]}) == "en"
    assert _language({"headers": []}) == "en"
