from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.responses import Status

from hansa.api.common import ERRORS, member
from hansa.api.models import ApiToken
from hansa.api.services import api_token_create, api_token_revoke
from hansa.companies.roles import Perm

router = Router(tags=["tokens"])


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    company_id: int
    created_at: datetime
    last_used_at: datetime | None
    expires_at: datetime | None
    revoked_at: datetime | None


class TokenCreateIn(Schema):
    name: str = Field(..., min_length=1, max_length=80)
    days: int | None = Field(None, description="Days until it expires; empty for no expiry")


class TokenCreatedOut(TokenOut):
    secret: str = Field(..., description="Shown once; keep it safe")


@router.get("", response={200: list[TokenOut], **ERRORS}, summary="Your API tokens")
def list_tokens(request: HttpRequest) -> list[ApiToken]:
    return list(ApiToken.objects.filter(user=request.user))


@router.post(
    "", response={201: TokenCreatedOut, **ERRORS}, summary="Create a token for your company"
)
def create_token(request: HttpRequest, payload: TokenCreateIn) -> Status:
    membership = member(request, Perm.MANAGE_API_TOKENS)
    token, raw = api_token_create(membership=membership, name=payload.name, days=payload.days)
    return Status(201, {**TokenOut.from_orm(token).dict(), "secret": raw})


@router.delete("/{token_id}", response={200: TokenOut, **ERRORS}, summary="Revoke a token")
def revoke_token(request: HttpRequest, token_id: int) -> ApiToken:
    return api_token_revoke(user=request.user, token_id=token_id)
