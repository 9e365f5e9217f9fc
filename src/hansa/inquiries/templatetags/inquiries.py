"""``{% load inquiries %}``: the unread counter of the sidebar and a supplier's response figures."""

from __future__ import annotations

from typing import Any

from django import template

from hansa.inquiries import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def inquiry_unread(context: Any, side: str) -> int:
    membership = context.get("membership")
    if membership is None:
        return 0
    query = selectors.InboxQuery(flags=("unread",))
    if side == "supplier":
        qs = selectors.supplier_inbox(membership)
    else:
        qs = selectors.buyer_inbox(membership)
    return selectors.filter_inbox(qs, query, side=side, membership=membership).count()


@register.simple_tag
def supplier_response(company: Any) -> selectors.ResponseSummary | None:
    if company is None:
        return None
    return selectors.response_summary(company)


@register.filter
def can_send_inquiry(membership: Any) -> bool:
    return selectors.can_send(membership)


@register.simple_tag
def spam_queue_count() -> int:
    return selectors.spam_queue().count()
