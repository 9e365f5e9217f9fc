"""API authentication: the browser's session (with CSRF) or a personal bearer token."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from hansa.api.services import api_token_authenticate
from hansa.companies.access import active_membership


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = api_token_authenticate(token)
        if found is None:
            return None
        api_token, membership = found
        request.user = membership.user
        request.membership = membership  # type: ignore[attr-defined]
        request.api_token = api_token  # type: ignore[attr-defined]
        return membership.user


class BrowserSessionAuth(SessionAuth):
    """Session cookie + CSRF token, as Django forms use."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        if user is not None:
            request.membership = active_membership(request.user)  # type: ignore[attr-defined]
            request.api_token = None  # type: ignore[attr-defined]
        return user


AUTH = [TokenAuth(), BrowserSessionAuth()]
