"""Member roles and what each may do, declared once.

The owner is the company's main account; admins run the company with it; sales reps are
sub-accounts who work their own inquiries and products; buyer staff act for a buying company.
"""

from __future__ import annotations

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OWNER = "owner", _("Owner (main account)")
    ADMIN = "admin", _("Administrator")
    SALES_REP = "sales_rep", _("Sales representative")
    BUYER_STAFF = "buyer_staff", _("Buyer staff")


class Perm(StrEnum):
    VIEW_WORKSPACE = "view_workspace"
    VIEW_MEMBERS = "view_members"
    MANAGE_MEMBERS = "manage_members"
    EDIT_PROFILE = "edit_profile"
    MANAGE_VERIFICATION = "manage_verification"
    MANAGE_API_TOKENS = "manage_api_tokens"
    MANAGE_LISTINGS = "manage_listings"  # sales reps: their own; owner and admins: all


ROLE_PERMISSIONS: dict[str, frozenset[Perm]] = {
    Role.OWNER: frozenset(Perm),
    Role.ADMIN: frozenset(
        {
            Perm.VIEW_WORKSPACE,
            Perm.VIEW_MEMBERS,
            Perm.EDIT_PROFILE,
            Perm.MANAGE_VERIFICATION,
            Perm.MANAGE_API_TOKENS,
            Perm.MANAGE_LISTINGS,
        }
    ),
    Role.SALES_REP: frozenset(
        {Perm.VIEW_WORKSPACE, Perm.VIEW_MEMBERS, Perm.MANAGE_API_TOKENS, Perm.MANAGE_LISTINGS}
    ),
    Role.BUYER_STAFF: frozenset({Perm.VIEW_WORKSPACE, Perm.VIEW_MEMBERS, Perm.MANAGE_API_TOKENS}),
}

# Roles the owner may hand out; ownership itself is never given through an invitation.
ASSIGNABLE_ROLES = [Role.ADMIN, Role.SALES_REP, Role.BUYER_STAFF]


def role_allows(role: str, perm: Perm) -> bool:
    return perm in ROLE_PERMISSIONS.get(role, frozenset())
