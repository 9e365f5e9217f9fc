"""RFQs and quotations over the API.

- ``/rfqs`` — the buyer's side: post (multipart: the fields as form data plus ``attachments``),
  change, close, list mine, read one with its quotes; and the supplier's market
  (``/rfqs/market``, ``/rfqs/market/{id}``: the public part only, never the buyer's identity).
- ``/quotes`` — the supplier's quotes (send: multipart; revise once; list mine), the buyer's
  decisions (shortlist, reject, rate, accept → order draft) and the per-quote thread.
- ``/ops/rfqs`` — the operator's review queue, approve and reject.

Errors are ``{"message", "field"}``; another company's RFQ or quote is a 404 like a missing one.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Schema
from ninja.files import UploadedFile
from ninja.responses import Status

from hansa.api.common import ERRORS, member
from hansa.companies.roles import Perm
from hansa.core.errors import Forbidden
from hansa.rfqs import selectors, services
from hansa.rfqs.models import Quote, Rfq
from hansa.rfqs.selectors import MarketParams

router = Router(tags=["rfqs"])
quotes_router = Router(tags=["quotes"])
ops_router = Router(tags=["operations"])


# -- schemas ----------------------------------------------------------------------------------


class RfqIn(Schema):
    product_name: str
    category_id: int
    requirements: str
    quantity: Decimal
    unit: str = "H87"
    target_price: Decimal | None = None
    currency: str = "USD"
    destination_country: str
    destination_port: str = ""
    incoterm: str
    payment_method: str
    sourcing_type: str = "one_time"
    certifications: list[str] = []
    validity_days: int = services.DEFAULT_VALIDITY

    def to_input(self) -> services.RfqInput:
        return services.RfqInput(**self.dict())


class RfqFormIn(RfqIn):
    certifications: str = ""  # comma-separated in multipart forms

    def to_input(self) -> services.RfqInput:
        data = self.dict()
        data["certifications"] = [c.strip() for c in self.certifications.split(",") if c.strip()]
        return services.RfqInput(**data)


class AttachmentOut(Schema):
    id: int
    name: str
    size: int
    content_type: str


class RfqPublicOut(Schema):
    id: int
    product_name: str
    category: str
    category_id: int
    requirements: str
    quantity: Decimal
    unit: str
    target_price: Decimal | None
    currency: str
    destination_country: str
    destination_port: str
    incoterm: str
    payment_method: str
    sourcing_type: str
    certifications: list[str]
    posted_at: datetime | None
    valid_until: datetime | None
    status: str
    quotes_left: int
    buyer_verified: bool
    attachments: list[dict[str, Any]]


class RfqOut(Schema):
    id: int
    product_name: str
    category_id: int
    requirements: str
    quantity: Decimal
    unit: str
    target_price: Decimal | None
    currency: str
    destination_country: str
    destination_port: str | None
    incoterm: str
    payment_method: str
    sourcing_type: str
    certifications: list[str]
    validity_days: int
    valid_until: datetime | None
    status: str
    rejection_reason: str
    quote_count: int
    editable: bool
    flags_count: int
    created_at: datetime
    attachments: list[AttachmentOut]


class TierIn(Schema):
    min_quantity: Decimal
    unit_price: Decimal


class QuoteIn(Schema):
    unit_price: Decimal
    currency: str = "USD"
    quantity: Decimal
    moq: Decimal
    incoterm: str
    port: str = ""
    lead_time_days: int
    payment_methods: list[str]
    valid_until: date
    tiers: list[TierIn] = []
    sample_available: bool = False
    sample_cost: Decimal | None = None
    shipping_cost: Decimal | None = None
    shipping_days: int | None = None
    message: str = ""

    def to_input(self) -> services.QuoteInput:
        data = self.dict()
        data["tiers"] = [dict(t) for t in data["tiers"]]
        return services.QuoteInput(**data)


class QuoteFormIn(QuoteIn):
    rfq_id: int
    payment_methods: str  # comma-separated in multipart forms
    tiers: str = ""  # "100:2.10,500:1.95"

    def to_input(self) -> services.QuoteInput:
        data = self.dict()
        data.pop("rfq_id")
        data["payment_methods"] = [p.strip() for p in self.payment_methods.split(",") if p.strip()]
        tiers = []
        for part in self.tiers.split(","):
            if ":" in part:
                qty, price = part.split(":", 1)
                tiers.append({"min_quantity": qty.strip(), "unit_price": price.strip()})
        data["tiers"] = tiers
        return services.QuoteInput(**data)


class QuoteOut(Schema):
    id: int
    rfq_id: int
    supplier: str
    supplier_id: int
    status: str
    currency: str
    unit_price: Decimal
    tiers: list[dict[str, Any]]
    quantity: Decimal
    moq: Decimal
    incoterm: str
    port: str
    lead_time_days: int
    payment_methods: list[str]
    valid_until: date
    sample_available: bool
    sample_cost: Decimal | None
    shipping_cost: Decimal | None
    shipping_days: int | None
    message: str
    revision: int
    original: dict[str, Any] | None
    shortlisted: bool
    rating: int | None
    rejection_reason: str
    created_at: datetime
    attachments: list[AttachmentOut]
    order_draft_id: int | None = None


class ReasonIn(Schema):
    reason: str


class RatingIn(Schema):
    rating: int


class ShortlistIn(Schema):
    shortlisted: bool = True


class MessageIn(Schema):
    body: str


class MessageOut(Schema):
    id: int
    from_buyer: bool
    body: str
    created_at: datetime


class AcceptOut(Schema):
    order_draft_id: int
    quote: QuoteOut


class RfqSearchIn(Schema):
    name: str = ""
    frequency: str = "daily"
    q: str = ""
    category: str = ""
    country: str = ""
    qty_min: Decimal | None = None
    qty_max: Decimal | None = None
    posted_within: str = ""
    quotes_left_min: int | None = None
    sourcing_type: str = ""


class SavedOut(Schema):
    id: int
    name: str
    params: dict[str, Any]
    frequency: str


class ReviewOut(Schema):
    id: int
    product_name: str
    buyer_company: str
    status: str
    flags: list[dict[str, str]]
    created_at: datetime


# -- serialisers --------------------------------------------------------------------------------


def _attachments(rows: Any) -> list[dict[str, Any]]:
    return [
        {"id": a.pk, "name": a.name, "size": a.size, "content_type": a.content_type}
        for a in rows.all()
    ]


def rfq_out(rfq: Rfq) -> dict[str, Any]:
    return {
        "id": rfq.pk,
        "product_name": rfq.product_name,
        "category_id": rfq.category_id,
        "requirements": rfq.requirements,
        "quantity": rfq.quantity,
        "unit": rfq.unit,
        "target_price": rfq.target_price,
        "currency": rfq.currency,
        "destination_country": str(rfq.destination_country),
        "destination_port": rfq.destination_port.locode if rfq.destination_port_id else None,
        "incoterm": rfq.incoterm,
        "payment_method": rfq.payment_method,
        "sourcing_type": rfq.sourcing_type,
        "certifications": rfq.certifications,
        "validity_days": rfq.validity_days,
        "valid_until": rfq.valid_until,
        "status": rfq.state,
        "rejection_reason": rfq.rejection_reason,
        "quote_count": rfq.quote_count,
        "editable": rfq.is_editable,
        "flags_count": len(rfq.flags),
        "created_at": rfq.created_at,
        "attachments": _attachments(rfq.attachments),
    }


def quote_out(quote: Quote) -> dict[str, Any]:
    draft = getattr(quote, "order_draft", None) if quote.status == "accepted" else None
    return {
        "id": quote.pk,
        "rfq_id": quote.rfq_id,
        "supplier": quote.supplier.name,
        "supplier_id": quote.supplier_id,
        "status": quote.status,
        "currency": quote.currency,
        "unit_price": quote.unit_price,
        "tiers": quote.tiers,
        "quantity": quote.quantity,
        "moq": quote.moq,
        "incoterm": quote.incoterm,
        "port": quote.port.locode if quote.port_id else "",
        "lead_time_days": quote.lead_time_days,
        "payment_methods": quote.payment_methods,
        "valid_until": quote.valid_until,
        "sample_available": quote.sample_available,
        "sample_cost": quote.sample_cost,
        "shipping_cost": quote.shipping_cost,
        "shipping_days": quote.shipping_days,
        "message": quote.message,
        "revision": quote.revision,
        "original": quote.original,
        "shortlisted": quote.shortlisted,
        "rating": quote.rating,
        "rejection_reason": quote.rejection_reason,
        "created_at": quote.created_at,
        "attachments": _attachments(quote.attachments),
        "order_draft_id": draft.pk if draft else None,
    }


def _public(rfq: Rfq) -> dict[str, Any]:
    from dataclasses import asdict

    return asdict(selectors.public_rfq(rfq))


def _buyer(request: HttpRequest) -> Any:
    membership = member(request)
    if not membership.company.is_buyer:
        raise Forbidden(_("Only buying companies post RFQs."))
    return membership


def _supplier(request: HttpRequest) -> Any:
    membership = member(request, Perm.MANAGE_LISTINGS)
    if not membership.company.is_supplier:
        raise Forbidden(_("The RFQ market is for supplying companies."))
    return membership


# -- RFQs (buyers) ----------------------------------------------------------------------------


@router.post(
    "",
    response={201: RfqOut, **ERRORS},
    summary="Post an RFQ (multipart: the fields, certifications comma-separated, and up to 5 "
    "`attachments`)",
)
def create_rfq(
    request: HttpRequest,
    payload: Form[RfqFormIn],
    attachments: File[list[UploadedFile]] = None,  # type: ignore[assignment]
) -> Status:
    rfq = services.rfq_create(
        membership=_buyer(request), data=payload.to_input(), uploads=attachments or []
    )
    return Status(201, rfq_out(rfq))


@router.get("", response={200: list[RfqOut], **ERRORS}, summary="My company's RFQs, newest first")
def list_rfqs(request: HttpRequest, status: str = "") -> list[dict[str, Any]]:
    rows = selectors.buyer_rfqs(_buyer(request)).prefetch_related("attachments")
    if status:
        rows = rows.filter(status=status)
    return [rfq_out(r) for r in rows[:200]]


@router.get(
    "/market", response={200: list[RfqPublicOut], **ERRORS}, summary="Search open RFQs (suppliers)"
)
def market(
    request: HttpRequest,
    q: str = "",
    category: str = "",
    country: str = "",
    qty_min: str = "",
    qty_max: str = "",
    posted_within: str = "",
    quotes_left_min: str = "",
    sourcing_type: str = "",
    page: int = 1,
) -> list[dict[str, Any]]:
    membership = _supplier(request)
    params = MarketParams.parse(
        {
            "q": q,
            "category": category,
            "country": country,
            "qty_min": qty_min,
            "qty_max": qty_max,
            "posted_within": posted_within,
            "quotes_left_min": quotes_left_min,
            "sourcing_type": sourcing_type,
            "page": page,
        }
    )
    start = (params.page - 1) * selectors.MARKET_PAGE
    rows = selectors.market_rfqs(params, membership).prefetch_related("attachments")
    return [_public(r) for r in rows[start : start + selectors.MARKET_PAGE]]


@router.post(
    "/market/saved-searches",
    response={201: SavedOut, **ERRORS},
    summary="Save an RFQ search with alerts",
)
def save_search(request: HttpRequest, payload: RfqSearchIn) -> Status:
    membership = _supplier(request)
    data = payload.dict()
    name, frequency = data.pop("name"), data.pop("frequency")
    params = MarketParams.parse({k: "" if v is None else str(v) for k, v in data.items()})
    saved = services.rfq_search_save(
        membership=membership, params=params, name=name, frequency=frequency
    )
    return Status(
        201,
        {"id": saved.pk, "name": saved.name, "params": saved.params, "frequency": saved.frequency},
    )


@router.get(
    "/market/{int:rfq_id}", response={200: RfqPublicOut, **ERRORS}, summary="An RFQ's public part"
)
def market_detail(request: HttpRequest, rfq_id: int) -> dict[str, Any]:
    return _public(selectors.access_market_rfq(_supplier(request), rfq_id))


@router.get("/{int:rfq_id}", response={200: RfqOut, **ERRORS}, summary="One of my company's RFQs")
def get_rfq(request: HttpRequest, rfq_id: int) -> dict[str, Any]:
    return rfq_out(selectors.access_buyer_rfq(_buyer(request), rfq_id))


@router.patch(
    "/{int:rfq_id}",
    response={200: RfqOut, **ERRORS},
    summary="Change an RFQ without quotes (goes back to review)",
)
def update_rfq(request: HttpRequest, rfq_id: int, payload: RfqIn) -> dict[str, Any]:
    rfq = services.rfq_update(membership=_buyer(request), rfq_id=rfq_id, data=payload.to_input())
    return rfq_out(rfq)


@router.post("/{int:rfq_id}/close", response={200: RfqOut, **ERRORS}, summary="Close an RFQ")
def close_rfq(request: HttpRequest, rfq_id: int) -> dict[str, Any]:
    return rfq_out(services.rfq_close(membership=_buyer(request), rfq_id=rfq_id))


@router.get(
    "/{int:rfq_id}/quotes", response={200: list[QuoteOut], **ERRORS}, summary="The quotes on my RFQ"
)
def rfq_quotes(request: HttpRequest, rfq_id: int) -> list[dict[str, Any]]:
    rfq = selectors.access_buyer_rfq(_buyer(request), rfq_id)
    return [quote_out(q) for q in selectors.rfq_quotes(rfq)]


# -- quotes -----------------------------------------------------------------------------------


@quotes_router.post(
    "",
    response={201: QuoteOut, **ERRORS},
    summary="Send a quote (multipart: fields incl. rfq_id, payment_methods comma-separated, "
    "tiers as 'qty:price,...', up to 5 `attachments`)",
)
def create_quote(
    request: HttpRequest,
    payload: Form[QuoteFormIn],
    attachments: File[list[UploadedFile]] = None,  # type: ignore[assignment]
) -> Status:
    quote = services.quote_create(
        membership=_supplier(request),
        rfq_id=payload.rfq_id,
        data=payload.to_input(),
        uploads=attachments or [],
    )
    return Status(201, quote_out(quote))


@quotes_router.get(
    "",
    response={200: list[QuoteOut], **ERRORS},
    summary="My company's quotes (a sales rep: their own)",
)
def list_quotes(request: HttpRequest) -> list[dict[str, Any]]:
    rows = (
        selectors.supplier_quotes(_supplier(request))
        .select_related("supplier")
        .prefetch_related("attachments")
    )
    return [quote_out(q) for q in rows[:200]]


@quotes_router.get(
    "/{int:quote_id}",
    response={200: QuoteOut, **ERRORS},
    summary="A quote, for its supplier or its buyer",
)
def get_quote(request: HttpRequest, quote_id: int) -> dict[str, Any]:
    quote, _is_buyer = selectors.access_quote_either_side(member(request), quote_id)
    return quote_out(quote)


@quotes_router.post(
    "/{int:quote_id}/revise", response={200: QuoteOut, **ERRORS}, summary="Revise a quote (once)"
)
def revise_quote(request: HttpRequest, quote_id: int, payload: QuoteIn) -> dict[str, Any]:
    quote = services.quote_revise(
        membership=_supplier(request), quote_id=quote_id, data=payload.to_input()
    )
    return quote_out(quote)


@quotes_router.post(
    "/{int:quote_id}/shortlist",
    response={200: QuoteOut, **ERRORS},
    summary="Shortlist (or not) a quote on my RFQ",
)
def shortlist_quote(request: HttpRequest, quote_id: int, payload: ShortlistIn) -> dict[str, Any]:
    return quote_out(
        services.quote_shortlist(
            membership=_buyer(request), quote_id=quote_id, shortlisted=payload.shortlisted
        )
    )


@quotes_router.post(
    "/{int:quote_id}/reject",
    response={200: QuoteOut, **ERRORS},
    summary="Reject a quote with a reason",
)
def reject_quote(request: HttpRequest, quote_id: int, payload: ReasonIn) -> dict[str, Any]:
    return quote_out(
        services.quote_reject(membership=_buyer(request), quote_id=quote_id, reason=payload.reason)
    )


@quotes_router.post(
    "/{int:quote_id}/rate", response={200: QuoteOut, **ERRORS}, summary="Rate a quote 1-5"
)
def rate_quote(request: HttpRequest, quote_id: int, payload: RatingIn) -> dict[str, Any]:
    return quote_out(
        services.quote_rate(membership=_buyer(request), quote_id=quote_id, rating=payload.rating)
    )


@quotes_router.post(
    "/{int:quote_id}/accept",
    response={200: AcceptOut, **ERRORS},
    summary="Accept a quote: an order draft (idempotent). ?revision= the version you saw "
    "(0, or 1 once revised): refused if the supplier revised it since",
)
def accept_quote(
    request: HttpRequest, quote_id: int, revision: int | None = None
) -> dict[str, Any]:
    membership = _buyer(request)
    draft = services.quote_accept(membership=membership, quote_id=quote_id, revision=revision)
    quote = selectors.access_buyer_quote(membership, quote_id)
    return {"order_draft_id": draft.pk, "quote": quote_out(quote)}


@quotes_router.get(
    "/{int:quote_id}/messages",
    response={200: list[MessageOut], **ERRORS},
    summary="The quote's thread",
)
def list_messages(request: HttpRequest, quote_id: int) -> list[Any]:
    quote, _is_buyer = selectors.access_quote_either_side(member(request), quote_id)
    return list(quote.messages.all())


@quotes_router.post(
    "/{int:quote_id}/messages",
    response={201: MessageOut, **ERRORS},
    summary="Ask or answer in the quote's thread",
)
def post_message(request: HttpRequest, quote_id: int, payload: MessageIn) -> Status:
    message = services.quote_message_post(
        membership=member(request), quote_id=quote_id, body=payload.body
    )
    return Status(201, message)


# -- operator ---------------------------------------------------------------------------------


def _operator(request: HttpRequest) -> Any:
    if not selectors.is_rfq_reviewer(request.user):
        raise Forbidden(_("Operator staff only."))
    return request.user


def _review_out(rfq: Rfq) -> dict[str, Any]:
    return {
        "id": rfq.pk,
        "product_name": rfq.product_name,
        "buyer_company": rfq.buyer_company.name,
        "status": rfq.state,
        "flags": rfq.flags,
        "created_at": rfq.created_at,
    }


@ops_router.get(
    "", response={200: list[ReviewOut], **ERRORS}, summary="RFQs waiting for review, oldest first"
)
def review_queue(request: HttpRequest) -> list[dict[str, Any]]:
    _operator(request)
    return [_review_out(r) for r in selectors.review_queue()[:200]]


@ops_router.post(
    "/{int:rfq_id}/approve",
    response={200: ReviewOut, **ERRORS},
    summary="Approve: open it and push it to matching suppliers",
)
def approve(request: HttpRequest, rfq_id: int) -> dict[str, Any]:
    return _review_out(services.rfq_approve(operator=_operator(request), rfq_id=rfq_id))


@ops_router.post(
    "/{int:rfq_id}/reject",
    response={200: ReviewOut, **ERRORS},
    summary="Reject with a reason the buyer sees",
)
def reject(request: HttpRequest, rfq_id: int, payload: ReasonIn) -> dict[str, Any]:
    return _review_out(
        services.rfq_reject(operator=_operator(request), rfq_id=rfq_id, reason=payload.reason)
    )
