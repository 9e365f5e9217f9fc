"""Inquiries over the API: the same rules as the pages (``selectors`` decide who sees what,
``services`` do every write).

The inbox is the caller's received inquiries (``box=received``, suppliers) or sent ones
(``box=sent``, buyers). Any inquiry the caller may not see answers 404, like a missing one.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import File, Form, Router, Schema
from ninja.files import UploadedFile
from ninja.responses import Status

from hansa.api.common import ERRORS, member
from hansa.companies.access import access_public_company
from hansa.core.attachments import attachment_response
from hansa.core.errors import BusinessError, Forbidden, NotFound
from hansa.inquiries import selectors, services
from hansa.inquiries.models import Inquiry, InquiryAttachment, Side

router = Router(tags=["inquiries"])
ops_router = Router(tags=["operations"])

PAGE_SIZE = 25


class DraftIn(Schema):
    subject: str
    body: str
    quantity: Decimal | None = None
    unit: str = ""
    target_price: Decimal | None = None
    currency: str = ""
    destination_country: str = ""
    incoterm: str = ""
    allow_redistribution: bool = True


class InquiryIn(DraftIn):
    product_id: int | None = None
    supplier: str | None = None  # the supplier's slug, when writing from its company page


class BulkIn(DraftIn):
    product_ids: list[int]


class PartyOut(Schema):
    id: int
    name: str
    slug: str
    country: str


class MemberOut(Schema):
    id: int
    name: str


class AttachmentOut(Schema):
    id: int
    name: str
    size: int
    content_type: str
    url: str


class MessageOut(Schema):
    id: int
    side: str
    author: str
    body: str
    is_auto_reply: bool
    created_at: datetime
    attachments: list[AttachmentOut]


class InquiryOut(Schema):
    id: int
    subject: str
    status: str
    side: str
    buyer: PartyOut
    supplier: PartyOut
    assignee: MemberOut | None
    product_id: int | None
    product_title: str
    quantity: Decimal | None
    unit: str
    target_price: Decimal | None
    currency: str
    destination_country: str
    incoterm: str
    allow_redistribution: bool
    reject_reason: str
    unread: bool
    starred: bool
    flagged: bool
    redistributed_from: int | None
    created_at: datetime
    last_message_at: datetime
    first_reply_at: datetime | None


class OfferedOut(Schema):
    inquiry_id: int
    supplier: PartyOut


class InquiryDetailOut(InquiryOut):
    messages: list[MessageOut]
    offered_to: list[OfferedOut]


class PageOut(Schema):
    count: int
    page: int
    pages: int
    results: list[InquiryOut]


class CreatedOut(Schema):
    ids: list[int]
    suppliers: list[PartyOut]


class ReasonIn(Schema):
    reason: str = ""


class AssignIn(Schema):
    assignee_id: int


class StarOut(Schema):
    starred: bool


class BlockIn(Schema):
    kind: str
    value: str
    note: str = ""


class BlockOut(Schema):
    id: int
    kind: str
    value: str
    note: str
    created_at: datetime


class ResponseOut(Schema):
    supplier: str
    rate: float | None
    rate_percent: int | None
    reply_time: str | None
    reply_time_label: str | None


class SpamReportOut(Schema):
    id: int
    inquiry_id: int
    source: str
    reason: str
    buyer: PartyOut
    buyer_email: str
    supplier: PartyOut
    subject: str
    message: str
    created_at: datetime


class DecisionIn(Schema):
    decision: str
    block: bool = False
    note: str = ""


class DecisionOut(Schema):
    id: int
    status: str


def _party(company: Any) -> dict[str, Any]:
    return {
        "id": company.pk,
        "name": company.name,
        "slug": company.slug,
        "country": str(company.country or ""),
    }


def _inquiry(inquiry: Inquiry, side: str, starred: bool | None = None) -> dict[str, Any]:
    return {
        "id": inquiry.pk,
        "subject": inquiry.subject,
        "status": inquiry.status,
        "side": side,
        "buyer": _party(inquiry.buyer_company),
        "supplier": _party(inquiry.supplier_company),
        "assignee": {"id": inquiry.assignee.pk, "name": inquiry.assignee.user.display_name}
        if side == Side.SUPPLIER and inquiry.assignee_id
        else None,
        "product_id": inquiry.product_id,
        "product_title": inquiry.product_title,
        "quantity": inquiry.quantity,
        "unit": inquiry.unit,
        "target_price": inquiry.target_price,
        "currency": inquiry.target_currency,
        "destination_country": str(inquiry.destination_country or ""),
        "incoterm": inquiry.incoterm,
        "allow_redistribution": inquiry.allow_redistribution,
        "reject_reason": inquiry.reject_reason,
        "unread": inquiry.unread_for_supplier
        if side == Side.SUPPLIER
        else inquiry.unread_for_buyer,
        "starred": bool(getattr(inquiry, "starred", False) if starred is None else starred),
        "flagged": inquiry.flagged if side == Side.SUPPLIER else False,
        "redistributed_from": inquiry.redistributed_from_id if side == Side.BUYER else None,
        "created_at": inquiry.created_at,
        "last_message_at": inquiry.last_message_at,
        "first_reply_at": inquiry.first_reply_at,
    }


def _detail(request: HttpRequest, inquiry: Inquiry, side: str) -> dict[str, Any]:
    membership = member(request)
    out = _inquiry(inquiry, side, inquiry.stars.filter(member=membership).exists())
    out["messages"] = [
        {
            "id": m.pk,
            "side": m.side,
            "author": m.author.user.display_name if m.author else "",
            "body": m.body,
            "is_auto_reply": m.is_auto_reply,
            "created_at": m.created_at,
            "attachments": [
                {
                    "id": a.pk,
                    "name": a.name,
                    "size": a.size,
                    "content_type": a.content_type,
                    "url": f"/api/v1/inquiries/{inquiry.pk}/attachments/{a.pk}",
                }
                for a in m.attachments.all()
            ],
        }
        for m in selectors.messages_of(inquiry)
    ]
    out["offered_to"] = (
        [
            {"inquiry_id": o.pk, "supplier": _party(o.supplier_company)}
            for o in inquiry.redistributed_to.select_related("supplier_company").order_by("pk")
        ]
        if side == Side.BUYER
        else []
    )
    return out


def _draft(payload: DraftIn) -> services.Draft:
    return services.clean_draft(
        subject=payload.subject,
        body=payload.body,
        quantity=payload.quantity,
        unit=payload.unit,
        target_price=payload.target_price,
        target_currency=payload.currency,
        destination_country=payload.destination_country,
        incoterm=payload.incoterm,
        allow_redistribution=payload.allow_redistribution,
    )


def _created(inquiries: list[Inquiry]) -> Status:
    return Status(
        201,
        {
            "ids": [i.pk for i in inquiries],
            "suppliers": [_party(i.supplier_company) for i in inquiries],
        },
    )


# --- public -----------------------------------------------------------------------------------


@router.get(
    "/suppliers/{slug}/response",
    auth=None,
    response={200: ResponseOut, 404: dict},
    summary="A supplier's response rate and average reply-time bucket (public)",
)
def supplier_response(request: HttpRequest, slug: str) -> dict[str, Any]:
    company = access_public_company(slug)
    if not company.is_supplier:
        raise NotFound()
    summary = selectors.response_summary(company)
    rate = selectors.response_rates([company.pk]).get(company.pk)
    return {
        "supplier": company.slug,
        "rate": rate,
        "rate_percent": summary.rate_percent if summary else None,
        "reply_time": summary.bucket if summary else None,
        "reply_time_label": summary.bucket_label if summary else None,
    }


# --- inbox ------------------------------------------------------------------------------------


@router.get(
    "",
    response={200: PageOut, **ERRORS},
    summary="Your inbox: box=received (supplier) or sent (buyer); q, unread, unreplied, "
    "starred, status, rep, sort=activity|newest|oldest, page",
)
def list_inquiries(request: HttpRequest, box: str = "") -> dict[str, Any]:
    membership = member(request)
    if box not in ("", "received", "sent"):
        raise BusinessError("box is 'received' or 'sent'.", field="box")
    if not box:
        box = "received" if selectors.can_receive(membership) else "sent"
    query = selectors.InboxQuery.parse(request.GET)
    if box == "received":
        if not selectors.can_receive(membership):
            raise Forbidden(
                "Only a supplier's owner, administrators and sales reps receive inquiries."
            )
        services.inquiries_redistribute_due(supplier_company_id=membership.company_id)
        side, qs = Side.SUPPLIER, selectors.supplier_inbox(membership)
    else:
        if not selectors.can_send(membership):
            raise Forbidden("Only buying companies send inquiries.")
        services.inquiries_redistribute_due(buyer_company_id=membership.company_id)
        side, qs = Side.BUYER, selectors.buyer_inbox(membership)
    qs = selectors.filter_inbox(qs, query, side=side, membership=membership)
    count = qs.count()
    pages = max(1, -(-count // PAGE_SIZE))
    try:
        page = min(max(1, int(request.GET.get("page") or 1)), pages)
    except ValueError:
        page = 1
    rows = qs[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    return {
        "count": count,
        "page": page,
        "pages": pages,
        "results": [_inquiry(i, side) for i in rows],
    }


@router.post(
    "",
    response={201: CreatedOut, **ERRORS},
    summary="Send an inquiry about a product (product_id) or to a supplier (supplier slug)",
)
def create(request: HttpRequest, payload: InquiryIn) -> Status:
    membership = member(request)
    if payload.product_id is not None:
        targets = services.targets_for_products(membership, [payload.product_id])
    elif payload.supplier:
        company = access_public_company(payload.supplier)
        if not company.is_supplier:
            raise NotFound()
        targets = [(company, [])]
    else:
        raise BusinessError("Give product_id or supplier.", field="product_id")
    return _created(
        services.inquiry_send(membership=membership, targets=targets, draft=_draft(payload))
    )


@router.post(
    "/bulk",
    response={201: CreatedOut, **ERRORS},
    summary="One inquiry per supplier of the given products (e.g. the comparison basket)",
)
def create_bulk(request: HttpRequest, payload: BulkIn) -> Status:
    membership = member(request)
    targets = services.targets_for_products(membership, payload.product_ids)
    return _created(
        services.inquiry_send(membership=membership, targets=targets, draft=_draft(payload))
    )


def _get(request: HttpRequest, inquiry_id: int) -> tuple[Inquiry, str]:
    return selectors.access_inquiry(member(request), inquiry_id)


@router.get("/{inquiry_id}", response={200: InquiryDetailOut, **ERRORS}, summary="One conversation")
def detail(request: HttpRequest, inquiry_id: int) -> dict[str, Any]:
    inquiry, side = _get(request, inquiry_id)
    return _detail(request, inquiry, side)


@router.post(
    "/{inquiry_id}/messages",
    response={201: MessageOut, **ERRORS},
    summary="Reply (multipart: body, and up to 5 files as 'attachments')",
    description="Send a `client_id` of your choice (up to 64 characters) to make a retry safe: "
    "a resend with the same id answers the stored message instead of adding a second one.",
)
def reply(
    request: HttpRequest,
    inquiry_id: int,
    body: Form[str],
    client_id: Form[str] = "",
    attachments: File[list[UploadedFile]] = None,  # type: ignore[assignment]
) -> Status:
    message = services.inquiry_reply(
        membership=member(request),
        inquiry_id=inquiry_id,
        body=body,
        uploads=attachments or [],
        client_id=client_id,
    )
    return Status(
        201,
        {
            "id": message.pk,
            "side": message.side,
            "author": message.author.user.display_name if message.author else "",
            "body": message.body,
            "is_auto_reply": message.is_auto_reply,
            "created_at": message.created_at,
            "attachments": [
                {
                    "id": a.pk,
                    "name": a.name,
                    "size": a.size,
                    "content_type": a.content_type,
                    "url": f"/api/v1/inquiries/{inquiry_id}/attachments/{a.pk}",
                }
                for a in message.attachments.all()
            ],
        },
    )


@router.get(
    "/{inquiry_id}/attachments/{attachment_id}",
    response={200: None, **ERRORS},
    summary="Download an attachment",
)
def attachment(request: HttpRequest, inquiry_id: int, attachment_id: int) -> HttpResponse:
    inquiry, _side = _get(request, inquiry_id)
    try:
        item = InquiryAttachment.objects.get(pk=attachment_id, message__inquiry=inquiry)
    except InquiryAttachment.DoesNotExist:
        raise NotFound() from None
    return attachment_response(item)


@router.post("/{inquiry_id}/reassign", response={200: InquiryOut, **ERRORS}, summary="Reassign")
def reassign(request: HttpRequest, inquiry_id: int, payload: AssignIn) -> dict[str, Any]:
    inquiry = services.inquiry_reassign(
        membership=member(request), inquiry_id=inquiry_id, assignee_id=payload.assignee_id
    )
    return _inquiry(inquiry, Side.SUPPLIER)


@router.post(
    "/{inquiry_id}/reject", response={200: InquiryOut, **ERRORS}, summary="Decline with a reason"
)
def reject(request: HttpRequest, inquiry_id: int, payload: ReasonIn) -> dict[str, Any]:
    inquiry = services.inquiry_reject(
        membership=member(request), inquiry_id=inquiry_id, reason=payload.reason
    )
    return _inquiry(inquiry, Side.SUPPLIER)


@router.post("/{inquiry_id}/close", response={200: InquiryOut, **ERRORS}, summary="Buyer closes it")
def close(request: HttpRequest, inquiry_id: int) -> dict[str, Any]:
    inquiry = services.inquiry_close(membership=member(request), inquiry_id=inquiry_id)
    return _inquiry(inquiry, Side.BUYER)


@router.post(
    "/{inquiry_id}/spam",
    response={201: DecisionOut, **ERRORS},
    summary="Report spam to the operator",
)
def report_spam(request: HttpRequest, inquiry_id: int, payload: ReasonIn) -> Status:
    report = services.inquiry_report_spam(
        membership=member(request), inquiry_id=inquiry_id, reason=payload.reason
    )
    return Status(201, {"id": report.pk, "status": report.status})


@router.put("/{inquiry_id}/star", response={200: StarOut, **ERRORS}, summary="Star")
def star(request: HttpRequest, inquiry_id: int) -> dict[str, Any]:
    services.inquiry_star(membership=member(request), inquiry_id=inquiry_id, starred=True)
    return {"starred": True}


@router.delete("/{inquiry_id}/star", response={200: StarOut, **ERRORS}, summary="Unstar")
def unstar(request: HttpRequest, inquiry_id: int) -> dict[str, Any]:
    services.inquiry_star(membership=member(request), inquiry_id=inquiry_id, starred=False)
    return {"starred": False}


@router.post("/{inquiry_id}/read", response={200: InquiryOut, **ERRORS}, summary="Mark read")
def mark_read(request: HttpRequest, inquiry_id: int) -> dict[str, Any]:
    membership = member(request)
    services.inquiry_mark_read(membership=membership, inquiry_id=inquiry_id)
    inquiry, side = _get(request, inquiry_id)
    return _inquiry(inquiry, side)


# --- block list (declared under /blocks/ so it never meets /{inquiry_id}) ----------------------


def _block(entry: Any) -> dict[str, Any]:
    value = (
        entry.user.email
        if entry.kind == "member" and entry.user_id
        else entry.domain
        if entry.kind == "domain"
        else str(entry.country)
    )
    return {
        "id": entry.pk,
        "kind": entry.kind,
        "value": value,
        "note": entry.note,
        "created_at": entry.created_at,
    }


def _manager(request: HttpRequest) -> Any:
    membership = member(request)
    if not (selectors.can_receive(membership) and selectors.is_manager(membership)):
        raise Forbidden("Only the owner and administrators manage the block list.")
    return membership


@router.get("/blocks/", response={200: list[BlockOut], **ERRORS}, summary="Your block list")
def blocks(request: HttpRequest) -> list[dict[str, Any]]:
    membership = _manager(request)
    return [_block(e) for e in selectors.block_list(membership.company_id)]


@router.post(
    "/blocks/",
    response={201: BlockOut, **ERRORS},
    summary="Block a person (e-mail), an e-mail domain or a country (ISO code)",
)
def block_add(request: HttpRequest, payload: BlockIn) -> Status:
    membership = _manager(request)
    entry = services.block_create(
        membership=membership, kind=payload.kind, value=payload.value, note=payload.note
    )
    return Status(201, _block(entry))


@router.delete("/blocks/{entry_id}", response={204: None, **ERRORS}, summary="Unblock")
def block_remove(request: HttpRequest, entry_id: int) -> Status:
    services.block_delete(membership=_manager(request), entry_id=entry_id)
    return Status(204, None)


# --- operator ---------------------------------------------------------------------------------


def _operator(request: HttpRequest) -> None:
    user = request.user
    if not (user.is_active and user.is_staff and user.has_perm("inquiries.review_spam")):
        raise Forbidden()


@ops_router.get(
    "/spam-reports", response={200: list[SpamReportOut], **ERRORS}, summary="Pending reports"
)
def spam_reports(request: HttpRequest) -> list[dict[str, Any]]:
    _operator(request)
    out = []
    for r in selectors.spam_queue()[:200]:
        first = r.inquiry.messages.order_by("created_at", "pk").first()
        out.append(
            {
                "id": r.pk,
                "inquiry_id": r.inquiry_id,
                "source": r.source,
                "reason": r.reason,
                "buyer": _party(r.inquiry.buyer_company),
                "buyer_email": r.inquiry.buyer.user.email,
                "supplier": _party(r.inquiry.supplier_company),
                "subject": r.inquiry.subject,
                "message": first.body if first else "",
                "created_at": r.created_at,
            }
        )
    return out


@ops_router.post(
    "/spam-reports/{report_id}",
    response={200: DecisionOut, **ERRORS},
    summary="decision=confirm (optionally block=true) or dismiss",
)
def spam_decide(request: HttpRequest, report_id: int, payload: DecisionIn) -> dict[str, Any]:
    _operator(request)
    if payload.decision not in ("confirm", "dismiss"):
        raise BusinessError("decision is 'confirm' or 'dismiss'.", field="decision")
    report = services.spam_review(
        operator=request.user,  # type: ignore[arg-type]
        report_id=report_id,
        confirm=payload.decision == "confirm",
        block=payload.block,
        note=payload.note,
    )
    return {"id": report.pk, "status": report.status}
