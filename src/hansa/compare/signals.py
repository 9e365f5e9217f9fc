"""Signal receivers: an anonymous visitor's comparison basket follows them when they sign in."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from hansa.accounts.models import User
from hansa.companies.access import active_membership
from hansa.compare.basket import session_ids
from hansa.compare.services import basket_merge


def merge_session_basket(
    sender: Any, request: HttpRequest | None, user: User, **kwargs: Any
) -> None:
    session = getattr(request, "session", None)
    if session is None or not session_ids(session):
        return
    basket_merge(user=user, membership=active_membership(user), session=session)
