"""Fetch-and-authorize helpers: one boring answer whether a thing is missing or not yours."""

from __future__ import annotations

from django.utils.translation import gettext as _

from hansa.accounts.models import User
from hansa.companies.models import Company, Invitation, Membership
from hansa.companies.roles import Perm, role_allows
from hansa.core.errors import Forbidden, NotFound


def active_membership(user: User | None) -> Membership | None:
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    try:
        membership = Membership.objects.select_related("company").get(user=user)
    except Membership.DoesNotExist:
        return None
    if not membership.is_active or not membership.company.is_active:
        return None
    return membership


def require_perm(membership: Membership | None, perm: Perm) -> Membership:
    if membership is None:
        raise Forbidden(_("You need to act for a company to do this."))
    if not role_allows(membership.role, perm):
        raise Forbidden(
            _("Your role in %(company)s does not allow this.") % {"company": membership.company}
        )
    return membership


def access_member(membership: Membership, member_id: int) -> Membership:
    """A membership of the caller's own company, else NotFound."""
    try:
        return Membership.objects.select_related("user").get(
            pk=member_id, company_id=membership.company_id
        )
    except (Membership.DoesNotExist, ValueError, TypeError):
        raise NotFound() from None


def access_invitation(membership: Membership, invitation_id: int) -> Invitation:
    try:
        return Invitation.objects.get(pk=invitation_id, company_id=membership.company_id)
    except (Invitation.DoesNotExist, ValueError, TypeError):
        raise NotFound() from None


def access_public_company(slug: str) -> Company:
    try:
        return Company.objects.get(slug=slug, is_active=True)
    except Company.DoesNotExist:
        raise NotFound() from None
