"""Order drafts over the API (read only for now): the buyer's and the supplier's drafts."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from hansa.api.common import ERRORS, member
from hansa.orders import selectors
from hansa.orders.models import OrderDraft

router = Router(tags=["orders"])


class LineOut(Schema):
    product_name: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    total: Decimal


class DraftOut(Schema):
    id: int
    status: str
    buyer_company: str
    supplier_company: str
    source_quote_id: int | None
    currency: str
    incoterm: str
    port: str | None
    payment_method: str
    lines: list[LineOut]
    goods_total: Decimal
    shipping_cost: Decimal | None
    total: Decimal
    created_at: datetime


def draft_out(draft: OrderDraft) -> dict[str, Any]:
    return {
        "id": draft.pk,
        "status": draft.status,
        "buyer_company": draft.buyer_company.name,
        "supplier_company": draft.supplier_company.name,
        "source_quote_id": draft.source_quote_id,
        "currency": draft.currency,
        "incoterm": draft.incoterm,
        "port": draft.port.locode if draft.port_id else None,
        "payment_method": draft.payment_method,
        "lines": [
            {
                "product_name": line.product_name,
                "quantity": line.quantity,
                "unit": line.unit,
                "unit_price": line.unit_price,
                "total": line.total.amount,
            }
            for line in draft.lines.all()
        ],
        "goods_total": draft.goods_total.amount,
        "shipping_cost": draft.shipping_cost,
        "total": draft.total.amount,
        "created_at": draft.created_at,
    }


@router.get(
    "/drafts", response={200: list[DraftOut], **ERRORS}, summary="My company's order drafts"
)
def list_drafts(request: HttpRequest) -> list[dict[str, Any]]:
    return [draft_out(d) for d in selectors.company_drafts(member(request))[:200]]


@router.get("/drafts/{int:draft_id}", response={200: DraftOut, **ERRORS}, summary="One order draft")
def get_draft(request: HttpRequest, draft_id: int) -> dict[str, Any]:
    return draft_out(selectors.access_draft(member(request), draft_id))
