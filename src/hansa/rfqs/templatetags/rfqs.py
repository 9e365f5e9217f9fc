"""Sidebar counters and small formatting helpers of the RFQ pages."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.db.models import Q
from django.utils import timezone

from hansa.trade.money import Money, format_money

register = template.Library()


@register.simple_tag
def rfq_counters(company: Any, membership: Any) -> dict[str, int]:
    """New quotes on the buyer's RFQs; open RFQs matched to the supplier it has not quoted on."""
    from hansa.rfqs.models import Quote, RfqMatch, RfqStatus

    counts = {"new_quotes": 0, "matched": 0}
    if company is None or membership is None:
        return counts
    if company.is_buyer:
        from hansa.rfqs.selectors import buyer_rfq_rule

        counts["new_quotes"] = Quote.objects.filter(
            buyer_rfq_rule(membership, "rfq__"), seen_by_buyer_at__isnull=True
        ).count()
    if company.is_supplier:
        counts["matched"] = (
            RfqMatch.objects.filter(
                supplier=company, rfq__status=RfqStatus.OPEN, rfq__valid_until__gt=timezone.now()
            )
            .exclude(Q(rfq__quotes__supplier=company))
            .count()
        )
    return counts


@register.simple_tag
def rfq_review_count() -> int:
    from hansa.rfqs.selectors import review_queue

    return review_queue().count()


@register.simple_tag(takes_context=True)
def can_review_rfqs(context: Any) -> bool:
    from hansa.rfqs.selectors import is_rfq_reviewer

    request = context.get("request")
    return is_rfq_reviewer(getattr(request, "user", None))


@register.filter
def amount(value: Decimal | None, currency: str) -> str:
    """A stored amount with its currency, formatted like Money ("USD 1,234.50")."""
    if value is None or value == "":
        return ""
    money = Money(Decimal(str(value)), currency)
    if money.quantized().amount == money.amount:
        return format_money(money)
    return f"{money.currency} {money.amount.normalize():f}"  # a unit price below the minor unit


@register.filter
def qty(value: Decimal | str | None) -> str:
    """A quantity without trailing zeros."""
    if value in (None, ""):
        return ""
    number = Decimal(str(value)).normalize()
    return f"{number:,f}" if number >= 1000 else f"{number:f}"


@register.filter
def payment_names(codes: list[str]) -> str:
    from hansa.trade.payments import PAYMENT_METHODS

    return ", ".join(
        PAYMENT_METHODS[c].short_name if c in PAYMENT_METHODS else c for c in codes or []
    )


@register.filter
def payment_name(code: str) -> str:
    return payment_names([code])


@register.filter
def stars(value: int | None) -> range:
    return range(int(value or 0))
