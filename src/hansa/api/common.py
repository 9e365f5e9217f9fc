"""Small helpers every router uses."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Schema

from hansa.companies.access import require_perm
from hansa.companies.models import Membership
from hansa.companies.roles import Perm


class ErrorOut(Schema):
    message: str
    field: str | None = None


def member(request: HttpRequest, perm: Perm = Perm.VIEW_WORKSPACE) -> Membership:
    return require_perm(getattr(request, "membership", None), perm)


ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}
