"""Reads on order drafts: a company sees the drafts where it is the buyer or the supplier."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from hansa.companies.models import Membership
from hansa.companies.roles import Role
from hansa.core.errors import NotFound
from hansa.orders.models import OrderDraft


def company_drafts(membership: Membership) -> QuerySet[OrderDraft]:
    """Drafts of the caller's company: the owner and admins see all of them, anyone else those
    of the quotes they sent (supplier side) or of the RFQs they posted (buyer side)."""
    company_id = membership.company_id
    rows = OrderDraft.objects.filter(
        Q(buyer_company_id=company_id) | Q(supplier_company_id=company_id)
    )
    if membership.role not in (Role.OWNER, Role.ADMIN):
        rows = rows.filter(
            Q(buyer_company_id=company_id, source_quote__rfq__created_by_id=membership.user_id)
            | Q(supplier_company_id=company_id, source_quote__created_by_id=membership.user_id)
        )
    return rows.select_related(
        "buyer_company", "supplier_company", "port", "source_quote__rfq"
    ).prefetch_related("lines")


def access_draft(membership: Membership, pk: int) -> OrderDraft:
    try:
        return company_drafts(membership).get(pk=pk)
    except (OrderDraft.DoesNotExist, ValueError, TypeError):
        raise NotFound() from None
