"""Whose basket a request works on: a signed-in user's rows, or an anonymous visitor's session."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest

from hansa.accounts.models import User
from hansa.companies.models import Membership

SESSION_KEY = "compare_basket"


@dataclass(frozen=True)
class Basket:
    """A signed-in ``user`` (with the membership they act for, which decides what they may see)
    or, for an anonymous visitor, the ``session`` holding a list of product ids."""

    user: User | None = None
    membership: Membership | None = None
    session: SessionBase | None = None

    @classmethod
    def of(cls, request: HttpRequest) -> Basket:
        if request.user.is_authenticated:
            return cls(user=request.user, membership=getattr(request, "membership", None))
        return cls(session=request.session)

    @property
    def signed_in(self) -> bool:
        return self.user is not None


def session_ids(session: SessionBase | None) -> list[int]:
    """The product ids kept in a session, in the order they were added (junk dropped)."""
    if session is None:
        return []
    raw: Any = session.get(SESSION_KEY) or []
    ids: list[int] = []
    for value in raw if isinstance(raw, list) else []:
        if isinstance(value, int) and not isinstance(value, bool) and value not in ids:
            ids.append(value)
    return ids


def set_session_ids(session: SessionBase, ids: list[int]) -> None:
    if ids:
        session[SESSION_KEY] = ids
    else:
        session.pop(SESSION_KEY, None)
