"""Notifications over the API: the caller's own, and marking them read."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema

from hansa.api.common import ERRORS
from hansa.core.errors import BusinessError
from hansa.notifications import selectors, services

router = Router(tags=["notifications"])

PAGE_MAX = 100


class NotificationOut(Schema):
    id: int
    kind: str
    title: str
    body: str
    url: str
    created_at: datetime
    read_at: datetime | None


class NotificationPageOut(Schema):
    total: int
    unread: int
    limit: int
    offset: int
    items: list[NotificationOut]


class ReadIn(Schema):
    ids: list[int] = Field(default_factory=list, description="Notifications to mark read")
    all: bool = Field(False, description="Mark every unread notification read instead")


class ReadOut(Schema):
    marked: int
    unread: int


@router.get(
    "", response={200: NotificationPageOut, **ERRORS}, summary="Your notifications, newest first"
)
def list_notifications(
    request: HttpRequest, unread: bool = False, limit: int = 20, offset: int = 0
) -> dict[str, Any]:
    if not 1 <= limit <= PAGE_MAX:
        raise BusinessError(f"limit runs from 1 to {PAGE_MAX}.", field="limit")
    if offset < 0:
        raise BusinessError("offset cannot be negative.", field="offset")
    rows = selectors.user_notifications(request.user, unread_only=unread)
    return {
        "total": rows.count(),
        "unread": selectors.unread_count(request.user),
        "limit": limit,
        "offset": offset,
        "items": list(rows[offset : offset + limit]),
    }


@router.post("/read", response={200: ReadOut, **ERRORS}, summary="Mark notifications read")
def read_notifications(request: HttpRequest, payload: ReadIn) -> dict[str, int]:
    marked = services.mark_read(user=request.user, ids=payload.ids, all=payload.all)
    return {"marked": marked, "unread": selectors.unread_count(request.user)}
