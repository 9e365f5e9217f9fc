"""The messenger's WebSocket: ``/ws/messenger/``, authenticated by the session cookie.

The socket joins the user's own group and, for owners and admins, their company's readers
group. Frames from the page (JSON):

- ``{"type": "send", "conversation": id, "body": "...", "client_id": "..."}`` → stored through
  ``services.message_send`` (same checks as every other path), answered with ``ack`` or
  ``error``; the message itself arrives as a ``message`` event to everybody concerned;
- ``{"type": "read", "conversation": id, "message_id": id}`` → read marker, ``read`` event;
- ``{"type": "typing", "conversation": id}`` → ``typing`` event to the other participant;
- ``{"type": "ping"}`` → presence heartbeat, answered with ``pong``.

The membership is read fresh for every frame, so a deactivated member is closed at once.
"""

from __future__ import annotations

from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header

from hansa.companies.access import active_membership
from hansa.core.errors import BusinessError
from hansa.messenger import broadcast, selectors, services
from hansa.messenger.models import Conversation

CLOSE_UNAUTHENTICATED = 4401
CLOSE_NO_COMPANY = 4403


def _counterparts(user_id: int) -> list[int]:
    rows = Conversation.objects.filter(Q(buyer_id=user_id) | Q(rep_id=user_id)).order_by(
        "-last_message_at"
    )[:200]
    return list({c.counterpart_id(user_id) for c in rows})


class MessengerConsumer(AsyncJsonWebsocketConsumer):
    groups_joined: list[str]

    async def connect(self) -> None:
        self.groups_joined = []
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        membership = await database_sync_to_async(active_membership)(user)
        if membership is None:
            await self.close(code=CLOSE_NO_COMPANY)
            return
        self.user = user
        self.language = _language(self.scope)
        self.standing = _standing(membership)
        self.groups_joined = [broadcast.user_group(user.pk)]
        if selectors.is_reader(membership):
            self.groups_joined.append(broadcast.readers_group(membership.company_id))
        for group in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()
        came_online = await database_sync_to_async(services.presence_connect)(user=user)
        if came_online:
            await self._announce(True)

    async def disconnect(self, code: int) -> None:
        for group in self.groups_joined:
            await self.channel_layer.group_discard(group, self.channel_name)
        if getattr(self, "user", None) is not None:
            went_offline = await database_sync_to_async(services.presence_disconnect)(
                user=self.user
            )
            if went_offline:
                await self._announce(False)

    async def _announce(self, online: bool) -> None:
        ids = await database_sync_to_async(_counterparts)(self.user.pk)
        await database_sync_to_async(broadcast.presence_changed)(self.user.pk, online, ids)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        # One trip to the database thread per frame: membership, access and the write together.
        reply, groups, close, events = await database_sync_to_async(handle_frame_collected)(
            self.user, content, self.language
        )
        for event_groups, event in events:
            await broadcast.send_async(event_groups, event)
        if close:
            await self.close(code=CLOSE_NO_COMPANY)
            return
        if groups:
            data = {
                "type": "typing",
                "conversation": content.get("conversation"),
                "user_id": self.user.pk,
            }
            await broadcast.send_async(groups, {"type": "chat.event", "data": data})
        if reply is not None:
            await self.send_json(reply)

    async def chat_event(self, event: dict[str, Any]) -> None:
        # The groups were joined for the membership at connect time. Events are pushed without
        # a frame from this client, so check that membership again before delivering: a member
        # deactivated (or an admin demoted) must not keep hearing the company's chats.
        membership = await database_sync_to_async(active_membership)(self.user)
        if membership is None or _standing(membership) != self.standing:
            await self.close(code=CLOSE_NO_COMPANY)
            return
        await self.send_json(event["data"])


def _standing(membership: Any) -> tuple[int, bool]:
    """What the socket's groups were chosen by: the company and whether the member reads along."""
    return membership.company_id, selectors.is_reader(membership)


def _language(scope: dict[str, Any]) -> str:
    """The page's language: Django's language cookie, else the browser's Accept-Language."""
    wanted = scope.get("cookies", {}).get(settings.LANGUAGE_COOKIE_NAME, "")
    if not wanted:
        headers = dict(scope.get("headers", []))
        accept = headers.get(b"accept-language", b"").decode("latin-1")
        wanted = next((code for code, _q in parse_accept_lang_header(accept) if code != "*"), "")
    try:
        return translation.get_supported_language_variant(wanted or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


def handle_frame_collected(
    user: Any, content: Any, language: str = ""
) -> tuple[dict[str, Any] | None, list[str], bool, list[tuple[list[str], dict[str, Any]]]]:
    with broadcast.collected() as events, translation.override(language or None):
        reply, groups, close = handle_frame(user, content)
    return reply, groups, close, events


def handle_frame(user: Any, content: Any) -> tuple[dict[str, Any] | None, list[str], bool]:
    """(reply to the sender, groups to tell that the user types, close the socket?)."""
    if not isinstance(content, dict):
        return {"type": "error", "message": _("Send JSON objects.")}, [], False
    membership = active_membership(user)
    if membership is None:
        return None, [], True
    membership.user = user  # already loaded by the session middleware
    kind = content.get("type")
    try:
        if kind == "ping":
            services.presence_touch(user=user)
            return {"type": "pong"}, [], False
        if kind == "send":
            return _send(membership, content), [], False
        if kind == "read":
            _read(membership, content)
            return None, [], False
        if kind == "typing":
            return None, _typing_groups(membership, content), False
    except BusinessError as exc:
        return (
            {
                "type": "error",
                "client_id": content.get("client_id", ""),
                "conversation": content.get("conversation"),
                "message": exc.message,
                "field": exc.field,
                "status": exc.status_code,
            },
            [],
            False,
        )
    return {"type": "error", "message": _("Unknown frame type.")}, [], False


def _send(membership: Any, content: dict[str, Any]) -> dict[str, Any]:
    conversation = selectors.access_conversation(
        membership, content.get("conversation"), related=False
    )
    body = content.get("body")
    client_id = content.get("client_id")
    message, created = services.message_send(
        membership=membership,
        conversation=conversation,
        body=body if isinstance(body, str) else "",
        client_id=client_id if isinstance(client_id, str) else "",
    )
    return {
        "type": "ack",
        "client_id": message.client_id,
        "id": message.pk,
        "conversation": conversation.pk,
        "created": created,
    }


def _read(membership: Any, content: dict[str, Any]) -> None:
    conversation = selectors.access_conversation(membership, content.get("conversation"))
    up_to = content.get("message_id")
    services.conversation_mark_read(
        membership=membership,
        conversation=conversation,
        up_to=up_to if isinstance(up_to, int) else None,
    )


def _typing_groups(membership: Any, content: dict[str, Any]) -> list[str]:
    conversation = selectors.access_conversation(membership, content.get("conversation"))
    if not conversation.is_participant(membership.user_id):
        return []
    return [broadcast.user_group(conversation.counterpart_id(membership.user_id))]
