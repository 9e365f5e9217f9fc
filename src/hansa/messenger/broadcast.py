"""Live delivery through the channel layer (Redis in production, in-memory embedded).

Groups: ``chat.user.<id>`` for each person's own sockets, ``chat.readers.<company id>`` for the
owner and admins of a company reading along. A message goes to both participants and to the
readers of both companies; pages drop duplicates by message id. Sends happen after commit.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction
from django.urls import reverse

from hansa.messenger.models import Conversation, Message

log = logging.getLogger(__name__)
_collector = threading.local()


@contextmanager
def collected() -> Iterator[list[tuple[list[str], dict[str, Any]]]]:
    """Within this block, committed events are collected instead of sent.

    The WebSocket consumer uses it: its database thread then hands the events back to the event
    loop, which sends them itself, rather than blocking on a hop to the loop for each one.
    """
    events: list[tuple[list[str], dict[str, Any]]] = []
    _collector.events = events
    try:
        yield events
    finally:
        _collector.events = None


def user_group(user_id: int) -> str:
    return f"chat.user.{user_id}"


def readers_group(company_id: int) -> str:
    return f"chat.readers.{company_id}"


def conversation_groups(conversation: Conversation) -> list[str]:
    return [
        user_group(conversation.buyer_id),
        user_group(conversation.rep_id),
        readers_group(conversation.supplier_id),
        readers_group(conversation.buyer_company_id),
    ]


def message_payload(message: Message, attachments: list[Any] | None = None) -> dict[str, Any]:
    author = message.author
    if attachments is None:
        attachments = list(message.attachments.all())
    return {
        "id": message.pk,
        "conversation": message.conversation_id,
        "author_id": author.pk,
        "author": author.display_name,
        "body": message.body,
        "client_id": message.client_id,
        "created_at": message.created_at.isoformat(),
        "files": [
            {
                "id": a.pk,
                "name": a.name,
                "size": a.size,
                "content_type": a.content_type,
                "url": reverse("messenger:file", args=[a.pk]),
            }
            for a in attachments
        ],
    }


async def send_async(groups: list[str], event: dict[str, Any]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    for group in dict.fromkeys(groups):
        await layer.group_send(group, event)


def send(groups: list[str], event: dict[str, Any]) -> None:
    """One hop to the event loop for all the groups; never raises (the write is committed)."""
    events = getattr(_collector, "events", None)
    if events is not None:
        events.append((groups, event))
        return
    try:
        async_to_sync(send_async)(groups, event)
    except Exception:
        log.exception("messenger: broadcast failed")


def on_commit_message(
    conversation: Conversation, message: Message, attachments: list[Any] | None = None
) -> None:
    """Queues the delivery for after the commit; the payload is built now, without a re-read."""
    event = {
        "type": "chat.event",
        "data": {"type": "message", **message_payload(message, attachments)},
    }
    groups = conversation_groups(conversation)
    transaction.on_commit(lambda: send(groups, event))


def on_commit_read(conversation: Conversation, user_id: int, message_id: int) -> None:
    groups = conversation_groups(conversation)
    data = {
        "type": "read",
        "conversation": conversation.pk,
        "user_id": user_id,
        "message_id": message_id,
    }
    transaction.on_commit(lambda: send(groups, {"type": "chat.event", "data": data}))


def presence_changed(user_id: int, online: bool, counterpart_ids: list[int]) -> None:
    data = {"type": "presence", "user_id": user_id, "online": online}
    send([user_group(i) for i in counterpart_ids], {"type": "chat.event", "data": data})
