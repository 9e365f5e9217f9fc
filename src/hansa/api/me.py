from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from hansa.api.common import ERRORS
from hansa.companies.roles import Perm, role_allows

router = Router(tags=["me"])


class MembershipOut(Schema):
    company_id: int
    company_slug: str
    company_name: str
    company_kind: str
    role: str
    permissions: list[str]


class MeOut(Schema):
    id: int
    email: str
    full_name: str
    language: str
    is_operator: bool
    membership: MembershipOut | None


@router.get(
    "", response={200: MeOut, **ERRORS}, summary="The signed-in user and the company they act for"
)
def me(request: HttpRequest) -> MeOut:
    user = request.user
    m = getattr(request, "membership", None)
    membership = None
    if m is not None:
        membership = MembershipOut(
            company_id=m.company_id,
            company_slug=m.company.slug,
            company_name=m.company.name,
            company_kind=m.company.kind,
            role=m.role,
            permissions=[p.value for p in Perm if role_allows(m.role, p)],
        )
    return MeOut(
        id=user.pk,
        email=user.email,
        full_name=user.full_name,
        language=user.language,
        is_operator=user.is_staff,
        membership=membership,
    )
