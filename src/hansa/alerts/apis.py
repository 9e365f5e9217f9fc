"""Saved searches over the API: the caller's own only (anyone else's answers 404)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import get_language
from ninja import Field, Router, Schema
from ninja.responses import Status

from hansa.alerts import selectors, services
from hansa.alerts.models import Frequency, SavedSearch, Target
from hansa.api.common import ERRORS
from hansa.core.errors import BusinessError
from hansa.search.params import SearchParams

router = Router(tags=["saved searches"])


class SavedSearchOut(Schema):
    id: int
    name: str
    target: str
    params: dict[str, Any] = Field(..., description="The search, as /api/v1/search takes it")
    description: list[str] = Field(..., description="The search in words, one part per filter")
    search_url: str = Field(..., description="The search page showing it")
    frequency: str
    is_active: bool
    created_at: datetime
    last_checked_at: datetime
    last_match_count: int | None


class SavedSearchIn(Schema):
    name: str = Field("", max_length=120, description="Empty: the query")
    target: str = Field(Target.PRODUCT, description=" | ".join(Target.values))
    params: dict[str, Any] = Field(
        default_factory=dict,
        description='The search fields, e.g. {"q": "led panel", "country": ["CN"]}',
    )
    frequency: str = Field(Frequency.DAILY, description=" | ".join(Frequency.values))


class SavedSearchPatch(Schema):
    name: str | None = Field(None, max_length=120)
    params: dict[str, Any] | None = None
    frequency: str | None = Field(None, description=" | ".join(Frequency.values))
    is_active: bool | None = None


def _parse(raw: dict[str, Any]) -> SearchParams:
    try:
        return SearchParams.parse(raw, language=(get_language() or "en").lower())
    except BusinessError as exc:
        raise BusinessError(
            exc.message, field=f"params.{exc.field}" if exc.field else "params"
        ) from None


def _out(saved: SavedSearch) -> dict[str, Any]:
    try:
        if saved.target == Target.RFQ:
            row = selectors.saved_search_row(saved)
            description, url = [str(p) for p in row["parts"]], str(row["url"])
        else:
            params = selectors.search_params(saved)
            description, url = selectors.describe(params), selectors.search_url(params)
    except BusinessError:
        description, url = [], ""
    return {
        "id": saved.pk,
        "name": saved.name,
        "target": saved.target,
        "params": saved.params,
        "description": description,
        "search_url": url,
        "frequency": saved.frequency,
        "is_active": saved.is_active,
        "created_at": saved.created_at,
        "last_checked_at": saved.last_checked_at,
        "last_match_count": saved.last_match_count,
    }


@router.get("", response={200: list[SavedSearchOut], **ERRORS}, summary="Your saved searches")
def list_saved_searches(request: HttpRequest) -> list[dict[str, Any]]:
    return [_out(s) for s in selectors.user_saved_searches(request.user)]


@router.post("", response={201: SavedSearchOut, **ERRORS}, summary="Save a search")
def create_saved_search(request: HttpRequest, payload: SavedSearchIn) -> Status:
    saved = services.saved_search_create(
        user=request.user,
        name=payload.name,
        params=_parse(payload.params),
        frequency=payload.frequency,
        target=payload.target,
    )
    return Status(201, _out(saved))


@router.patch(
    "/{saved_id}", response={200: SavedSearchOut, **ERRORS}, summary="Change a saved search"
)
def update_saved_search(
    request: HttpRequest, saved_id: int, payload: SavedSearchPatch
) -> dict[str, Any]:
    saved = services.saved_search_update(
        user=request.user,
        saved_id=saved_id,
        name=payload.name,
        params=_parse(payload.params) if payload.params is not None else None,
        frequency=payload.frequency,
        is_active=payload.is_active,
    )
    return _out(saved)


@router.delete("/{saved_id}", response={204: None, **ERRORS}, summary="Delete a saved search")
def delete_saved_search(request: HttpRequest, saved_id: int) -> Status:
    services.saved_search_delete(user=request.user, saved_id=saved_id)
    return Status(204, None)
