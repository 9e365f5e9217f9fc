"""The trade messenger over the API (``/api/v1/chats``), for the same people as the pages.

Access: a member sees the conversations they take part in; a supplier's owner and admins see
every conversation of their company, a buying company's owner and admins their staff's (read
only: only the two participants may send). Anything else is a uniform 404.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, File, Form, Router, Schema
from ninja.files import UploadedFile
from ninja.responses import Status

from hansa.api.common import ERRORS, member
from hansa.companies.access import access_public_company
from hansa.core.errors import NotFound
from hansa.messenger import selectors, services
from hansa.messenger.broadcast import message_payload
from hansa.messenger.models import BODY_MAX, CLIENT_ID_MAX, Conversation

router = Router(tags=["messenger"])


class PersonOut(Schema):
    id: int
    name: str
    company: str
    online: bool


class ConversationOut(Schema):
    id: int
    buyer: PersonOut
    rep: PersonOut
    product_id: int | None
    created_at: datetime
    last_message_at: datetime | None
    unread: int
    can_write: bool


class FileOut(Schema):
    id: int
    name: str
    size: int
    content_type: str
    url: str


class MessageOut(Schema):
    id: int
    conversation: int
    author_id: int
    author: str
    body: str
    client_id: str
    created_at: datetime
    files: list[FileOut]


class StartIn(Schema):
    supplier: str = Field(..., description="The supplier's slug")
    product_id: int | None = None
    rep_id: int | None = Field(None, description="A rep from /chats/presence/{supplier}")


class SendIn(Schema):
    body: str = Field(..., max_length=BODY_MAX * 2)
    client_id: str = Field("", max_length=CLIENT_ID_MAX)


class ReadIn(Schema):
    message_id: int | None = None


class ReadOut(Schema):
    read_id: int


class RepOut(Schema):
    id: int
    name: str
    role: str
    online: bool


def _out(c: Conversation, user_id: int, online: set[int]) -> dict[str, Any]:
    return {
        "id": c.pk,
        "buyer": {
            "id": c.buyer_id,
            "name": c.buyer.display_name,
            "company": c.buyer_company.name,
            "online": c.buyer_id in online,
        },
        "rep": {
            "id": c.rep_id,
            "name": c.rep.display_name,
            "company": c.supplier.name,
            "online": c.rep_id in online,
        },
        "product_id": c.product_id,
        "created_at": c.created_at,
        "last_message_at": c.last_message_at,
        "unread": getattr(c, "unread", 0),
        "can_write": c.is_participant(user_id),
    }


def _many(rows: list[Conversation], user_id: int) -> list[dict[str, Any]]:
    online = selectors.online_user_ids(list({c.buyer_id for c in rows} | {c.rep_id for c in rows}))
    return [_out(c, user_id, online) for c in rows]


@router.get(
    "",
    response={200: list[ConversationOut], **ERRORS},
    summary="Your conversations, newest first, with unread counts (q: search the history)",
)
def list_conversations(
    request: HttpRequest, q: str = "", rep_id: int | None = None, unread: bool = False
) -> list[dict[str, Any]]:
    membership = member(request)
    rows = list(
        selectors.conversation_list(membership, q=q[:100], rep_id=rep_id, unread=unread)[:200]
    )
    return _many(rows, membership.user_id)


@router.post(
    "",
    response={200: ConversationOut, 201: ConversationOut, **ERRORS},
    summary="Start a chat with a supplier (201), or get the existing one (200)",
)
def start_conversation(request: HttpRequest, payload: StartIn) -> Status:
    membership = member(request)
    supplier = access_public_company(payload.supplier)
    conversation, created = services.conversation_start(
        membership=membership,
        supplier=supplier,
        product_id=payload.product_id,
        rep_id=payload.rep_id,
    )
    conversation = selectors.access_conversation(membership, conversation.pk)
    return Status(201 if created else 200, _many([conversation], membership.user_id)[0])


@router.get(
    "/search",
    response={200: list[MessageOut], **ERRORS},
    summary="Search the message history you may read",
)
def search(request: HttpRequest, q: str) -> list[dict[str, Any]]:
    membership = member(request)
    rows = selectors.search_messages(membership, q[:100])
    return [message_payload(m) for m in rows]


@router.get(
    "/presence/{supplier}",
    response={200: list[RepOut], **ERRORS},
    summary="A supplier's representatives and who is online now",
)
def presence(request: HttpRequest, supplier: str) -> list[dict[str, Any]]:
    membership = member(request)
    services.presence_touch(user=membership.user)
    company = access_public_company(supplier)
    if not company.is_supplier:
        raise NotFound()  # a buying company's people are nobody's business
    return [
        {
            "id": r.user.pk,
            "name": r.user.display_name,
            "role": r.membership.role,
            "online": r.online,
        }
        for r in selectors.company_reps(company)
    ]


@router.get("/{conversation_id}", response={200: ConversationOut, **ERRORS}, summary="A chat")
def get_conversation(request: HttpRequest, conversation_id: int) -> dict[str, Any]:
    membership = member(request)
    selectors.access_conversation(membership, conversation_id)
    row = selectors.conversation_list(membership).get(pk=conversation_id)
    return _many([row], membership.user_id)[0]


@router.get(
    "/{conversation_id}/messages",
    response={200: list[MessageOut], **ERRORS},
    summary="Messages: the latest 100, or those after ?after=<id> (polling)",
)
def list_messages(
    request: HttpRequest, conversation_id: int, after: int = 0, before: int | None = None
) -> list[dict[str, Any]]:
    membership = member(request)
    conversation = selectors.access_conversation(membership, conversation_id)
    services.presence_touch(user=membership.user)
    rows = selectors.messages_of(conversation, after=max(after, 0), before=before, limit=100)
    return [message_payload(m) for m in rows]


@router.post(
    "/{conversation_id}/messages",
    response={200: MessageOut, 201: MessageOut, **ERRORS},
    summary="Send a text message (201; 200 when client_id was already stored)",
)
def send_message(request: HttpRequest, conversation_id: int, payload: SendIn) -> Status:
    membership = member(request)
    conversation = selectors.access_conversation(membership, conversation_id)
    message, created = services.message_send(
        membership=membership,
        conversation=conversation,
        body=payload.body,
        client_id=payload.client_id,
    )
    return Status(201 if created else 200, message_payload(message))


@router.post(
    "/{conversation_id}/messages/upload",
    response={200: MessageOut, 201: MessageOut, **ERRORS},
    summary="Send files (multipart: files, optional body and client_id)",
)
def send_files(
    request: HttpRequest,
    conversation_id: int,
    files: File[list[UploadedFile]],
    body: Form[str] = "",
    client_id: Form[str] = "",
) -> Status:
    membership = member(request)
    conversation = selectors.access_conversation(membership, conversation_id)
    message, created = services.message_send(
        membership=membership,
        conversation=conversation,
        body=body,
        client_id=client_id,
        files=files,
    )
    return Status(201 if created else 200, message_payload(message))


@router.post(
    "/{conversation_id}/read",
    response={200: ReadOut, **ERRORS},
    summary="Mark read up to message_id (or everything)",
)
def mark_read(request: HttpRequest, conversation_id: int, payload: ReadIn) -> dict[str, int]:
    membership = member(request)
    conversation = selectors.access_conversation(membership, conversation_id)
    read_id = services.conversation_mark_read(
        membership=membership, conversation=conversation, up_to=payload.message_id
    )
    return {"read_id": read_id}
