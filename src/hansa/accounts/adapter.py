"""allauth hooks: where a new or returning user lands, and invitation sign-ups."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request: HttpRequest) -> str:
        pending = request.session.get("pending_invitation")
        if pending:
            from django.urls import reverse

            return reverse("companies:invitation_accept", args=[pending])
        return super().get_login_redirect_url(request)
