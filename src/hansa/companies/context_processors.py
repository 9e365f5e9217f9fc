from __future__ import annotations

from django.http import HttpRequest

from hansa.companies.roles import Perm, role_allows


def membership(request: HttpRequest) -> dict[str, object]:
    member = getattr(request, "membership", None)
    perms = {p.value for p in Perm if member is not None and role_allows(member.role, p)}
    return {
        "membership": member,
        "company": member.company if member else None,
        "member_perms": perms,
    }
