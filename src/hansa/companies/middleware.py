from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from hansa.companies.access import active_membership


class ActiveMembershipMiddleware:
    """Puts the caller's *active* membership (or None) on ``request.membership``.

    It is read fresh on every request and never cached in the session, so a member whom the
    owner deactivates loses access on their very next request.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        request.membership = (
            active_membership(user) if user is not None and user.is_authenticated else None
        )  # type: ignore[attr-defined]
        return self.get_response(request)
