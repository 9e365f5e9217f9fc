"""Writes on order drafts."""

from __future__ import annotations

from django.db import transaction

from hansa.accounts.models import User
from hansa.orders.models import OrderDraft, OrderLine


@transaction.atomic
def order_draft_from_quote(*, quote: object, user: User | None) -> OrderDraft:
    """The draft an accepted quote prepares; the existing one when called again (idempotent).

    ``quote`` is a ``rfqs.Quote`` whose RFQ the caller has locked.
    """
    existing = OrderDraft.objects.filter(source_quote=quote).first()
    if existing is not None:
        return existing
    rfq = quote.rfq
    payment = (quote.payment_methods or [""])[0]
    if rfq.payment_method in (quote.payment_methods or []):
        payment = rfq.payment_method
    draft = OrderDraft.objects.create(
        buyer_company_id=rfq.buyer_company_id,
        supplier_company_id=quote.supplier_id,
        source_quote=quote,
        currency=quote.currency,
        incoterm=quote.incoterm,
        port_id=quote.port_id,
        payment_method=payment,
        shipping_cost=quote.shipping_cost,
        created_by=user,
    )
    quantity = max(quote.quantity, quote.moq)
    OrderLine.objects.create(
        draft=draft,
        product_name=rfq.product_name,
        quantity=quantity,
        unit=rfq.unit,
        unit_price=quote_unit_price(quote, quantity),
    )
    return draft


def quote_unit_price(quote: object, quantity: object) -> object:
    """The unit price for ``quantity``: the best tier reached, else the quoted unit price."""
    from decimal import Decimal

    price = quote.unit_price
    for tier in sorted(quote.tiers or [], key=lambda t: Decimal(t["min_quantity"])):
        if Decimal(str(quantity)) >= Decimal(tier["min_quantity"]):
            price = Decimal(tier["unit_price"])
    return price
