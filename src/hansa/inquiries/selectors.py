"""Reads on inquiries: who sees which conversation, inboxes with filters, figures, queues.

Visibility in one place:

- supplier side: owner and admins see every inquiry of their company; a sales rep sees the
  inquiries assigned to them; nobody else;
- buyer side: owner and admins see every inquiry their company sent; other members their own.

``access_inquiry`` answers the same ``NotFound`` whether an inquiry is missing or not visible.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet

from hansa.catalog.listing_selectors import public_products
from hansa.catalog.models import Product
from hansa.companies.models import Company, Membership
from hansa.companies.roles import Role
from hansa.core.errors import NotFound
from hansa.inquiries.metrics import reply_bucket
from hansa.inquiries.models import (
    BlockEntry,
    BlockKind,
    Inquiry,
    InquiryMessage,
    InquiryStar,
    InquiryStatus,
    ResponseStats,
    Side,
    SpamReport,
    SpamStatus,
)

MANAGERS = (Role.OWNER, Role.ADMIN)
SUPPLIER_ROLES = (Role.OWNER, Role.ADMIN, Role.SALES_REP)
SORTS = {
    "activity": ("-last_message_at", "-pk"),
    "newest": ("-created_at", "-pk"),
    "oldest": ("created_at", "pk"),
}
FILTERS = ("unread", "unreplied", "starred")


def is_manager(membership: Membership) -> bool:
    return membership.role in MANAGERS


def can_receive(membership: Membership | None) -> bool:
    return (
        membership is not None
        and membership.company.is_supplier
        and membership.role in SUPPLIER_ROLES
    )


def can_send(membership: Membership | None) -> bool:
    return membership is not None and membership.company.is_buyer


def _base() -> QuerySet[Inquiry]:
    return Inquiry.objects.select_related(
        "buyer_company",
        "buyer__user",
        "supplier_company",
        "assignee__user",
        "product",
        "redistributed_from__supplier_company",
    )


def supplier_inbox(membership: Membership) -> QuerySet[Inquiry]:
    if not can_receive(membership):
        return Inquiry.objects.none()
    qs = _base().filter(supplier_company_id=membership.company_id)
    if not is_manager(membership):
        qs = qs.filter(assignee_id=membership.pk)
    return qs


def buyer_inbox(membership: Membership) -> QuerySet[Inquiry]:
    if not can_send(membership):
        return Inquiry.objects.none()
    qs = _base().filter(buyer_company_id=membership.company_id)
    if not is_manager(membership):
        qs = qs.filter(buyer_id=membership.pk)
    return qs


def access_inquiry(membership: Membership | None, pk: Any) -> tuple[Inquiry, str]:
    """The inquiry and the caller's side (``"buyer"`` or ``"supplier"``), else NotFound."""
    if membership is None:
        raise NotFound()
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise NotFound() from None
    found = supplier_inbox(membership).filter(pk=pk).first()
    if found is not None:
        return found, Side.SUPPLIER
    found = buyer_inbox(membership).filter(pk=pk).first()
    if found is not None:
        return found, Side.BUYER
    raise NotFound()


def _is_id(raw: str) -> bool:
    """ASCII digits that fit a database id ("²".isdigit() is true, but int("²") fails)."""
    return raw.isascii() and raw.isdigit() and len(raw) <= 18


@dataclass
class InboxQuery:
    q: str = ""
    flags: tuple[str, ...] = ()
    status: str = ""
    rep: int | None = None
    sort: str = "activity"

    @classmethod
    def parse(cls, data: Any) -> InboxQuery:
        flags = tuple(f for f in FILTERS if data.get(f) in ("1", "on", "true", True))
        status = data.get("status") or ""
        if status not in InquiryStatus.values:
            status = ""
        rep_raw = str(data.get("rep") or "")
        sort = data.get("sort") or "activity"
        return cls(
            q=" ".join(str(data.get("q") or "").split())[:100],
            flags=flags,
            status=status,
            rep=int(rep_raw) if _is_id(rep_raw) else None,
            sort=sort if sort in SORTS else "activity",
        )


def filter_inbox(
    qs: QuerySet[Inquiry], query: InboxQuery, *, side: str, membership: Membership
) -> QuerySet[Inquiry]:
    if query.q:
        text = Q(subject__icontains=query.q) | Q(product_title__icontains=query.q)
        text |= Exists(
            InquiryMessage.objects.filter(inquiry=OuterRef("pk"), body__icontains=query.q)
        )
        other = "buyer_company" if side == Side.SUPPLIER else "supplier_company"
        text |= Q(**{f"{other}__name__icontains": query.q})
        if _is_id(query.q):
            text |= Q(pk=int(query.q))
        qs = qs.filter(text)
    if "unread" in query.flags:
        if side == Side.SUPPLIER:
            qs = qs.filter(last_buyer_message_at__isnull=False).filter(
                Q(supplier_read_at__isnull=True)
                | Q(supplier_read_at__lt=F("last_buyer_message_at"))
            )
        else:
            qs = qs.filter(last_supplier_message_at__isnull=False).filter(
                Q(buyer_read_at__isnull=True) | Q(buyer_read_at__lt=F("last_supplier_message_at"))
            )
    if "unreplied" in query.flags:
        qs = qs.filter(first_reply_at__isnull=True, status=InquiryStatus.OPEN)
    if "starred" in query.flags:
        qs = qs.filter(
            Exists(InquiryStar.objects.filter(inquiry=OuterRef("pk"), member=membership))
        )
    if query.status:
        qs = qs.filter(status=query.status)
    if query.rep and side == Side.SUPPLIER:
        qs = qs.filter(assignee_id=query.rep)
    return qs.annotate(
        starred=Exists(InquiryStar.objects.filter(inquiry=OuterRef("pk"), member=membership))
    ).order_by(*SORTS[query.sort])


def unread_count(membership: Membership | None) -> int:
    if membership is None:
        return 0
    query = InboxQuery(flags=("unread",))
    n = 0
    if can_receive(membership):
        n += filter_inbox(
            supplier_inbox(membership), query, side=Side.SUPPLIER, membership=membership
        ).count()
    if can_send(membership):
        n += filter_inbox(
            buyer_inbox(membership), query, side=Side.BUYER, membership=membership
        ).count()
    return n


def messages_of(inquiry: Inquiry) -> QuerySet[InquiryMessage]:
    return inquiry.messages.select_related("author__user").prefetch_related("attachments")


def reps_of(company_id: int) -> QuerySet[Membership]:
    """Members who can be put in charge of an inquiry."""
    return Membership.objects.filter(
        company_id=company_id, is_active=True, role__in=SUPPLIER_ROLES
    ).select_related("user")


# --- block lists ------------------------------------------------------------------------------


def block_list(company_id: int) -> QuerySet[BlockEntry]:
    return BlockEntry.objects.filter(supplier_id=company_id).select_related("user")


def _email_domain(email: str) -> str:
    return email.rsplit("@", 1)[-1].lower() if "@" in email else ""


def is_blocked(supplier_id: int, buyer: Membership) -> bool:
    domain = _email_domain(buyer.user.email)
    match = Q(kind=BlockKind.MEMBER, user_id=buyer.user_id) | Q(
        kind=BlockKind.COUNTRY, country=str(buyer.company.country or "-")
    )
    if domain:
        match |= Q(kind=BlockKind.DOMAIN, domain=domain)
    return BlockEntry.objects.filter(supplier_id=supplier_id).filter(match).exists()


def blocked_suppliers(buyer: Membership, supplier_ids: Iterable[int]) -> set[int]:
    domain = _email_domain(buyer.user.email)
    match = Q(kind=BlockKind.MEMBER, user_id=buyer.user_id) | Q(
        kind=BlockKind.COUNTRY, country=str(buyer.company.country or "-")
    )
    if domain:
        match |= Q(kind=BlockKind.DOMAIN, domain=domain)
    return set(
        BlockEntry.objects.filter(supplier_id__in=list(supplier_ids))
        .filter(match)
        .values_list("supplier_id", flat=True)
    )


def blocked_buyer_ids(supplier_id: int) -> set[int]:
    """Buyer memberships that wrote to this supplier and match its block list."""
    entries = list(BlockEntry.objects.filter(supplier_id=supplier_id))
    if not entries:
        return set()
    users = {e.user_id for e in entries if e.kind == BlockKind.MEMBER}
    domains = {e.domain for e in entries if e.kind == BlockKind.DOMAIN}
    countries = {str(e.country) for e in entries if e.kind == BlockKind.COUNTRY}
    out = set()
    for pk, user_id, email, country in (
        Membership.objects.filter(inquiries_sent__supplier_company_id=supplier_id)
        .values_list("pk", "user_id", "user__email", "company__country")
        .distinct()
    ):
        if user_id in users or _email_domain(email) in domains or str(country) in countries:
            out.add(pk)
    return out


# --- response figures -------------------------------------------------------------------------


def response_rates(company_ids: Iterable[int]) -> dict[int, float]:
    """Stored response rate (0..1) per supplier that has one; one query for any number."""
    ids = list(company_ids)
    if not ids:
        return {}
    return {
        pk: float(rate)
        for pk, rate in ResponseStats.objects.filter(
            company_id__in=ids, rate__isnull=False
        ).values_list("company_id", "rate")
    }


@dataclass(frozen=True)
class ResponseSummary:
    rate_percent: int | None
    bucket: str | None
    bucket_label: str | None
    counted: int


def response_summary(company: Company | int) -> ResponseSummary | None:
    company_id = company if isinstance(company, int) else company.pk
    stats = ResponseStats.objects.filter(company_id=company_id).first()
    if stats is None or stats.rate is None:
        return None
    bucket = reply_bucket(stats.average_reply_seconds)
    return ResponseSummary(
        rate_percent=int((stats.rate * 100).to_integral_value()),
        bucket=bucket[0] if bucket else None,
        bucket_label=bucket[1] if bucket else None,
        counted=stats.counted,
    )


# --- redistribution ---------------------------------------------------------------------------


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", (text or "").lower()) if len(w) > 2}


def redistribution_targets(inquiry: Inquiry, limit: int) -> list[tuple[Company, Product]]:
    """Up to ``limit`` other suppliers with a live listing in the inquiry's category, the best
    text match first; never the original supplier, the buyer's own company, a supplier that
    blocked the buyer, or an inactive one."""
    if inquiry.product_id and inquiry.product is not None:
        category_id = inquiry.product.category_id
    else:
        top = (
            public_products()
            .filter(company_id=inquiry.supplier_company_id)
            .values("category_id")
            .annotate(n=Count("pk"))
            .order_by("-n")
            .first()
        )
        category_id = top["category_id"] if top else None
    if category_id is None:
        return []
    already = set(
        Inquiry.objects.filter(redistributed_from=inquiry).values_list(
            "supplier_company_id", flat=True
        )
    )
    if inquiry.batch:  # suppliers that got the same send already have it
        already |= set(
            Inquiry.objects.filter(buyer_id=inquiry.buyer_id, batch=inquiry.batch).values_list(
                "supplier_company_id", flat=True
            )
        )
    exclude = {inquiry.supplier_company_id, inquiry.buyer_company_id} | already
    candidates = list(
        public_products()
        .filter(category_id=category_id, company__kind__in=("supplier", "both"))
        .exclude(company_id__in=exclude)
        .select_related("company")
        .only("pk", "title", "keywords", "company_id", "company__name", "company__kind")
        .order_by("-published_at", "pk")[:2000]
    )
    blocked = blocked_suppliers(inquiry.buyer, {p.company_id for p in candidates})
    wanted = _words(f"{inquiry.subject} {inquiry.product_title}")
    best: dict[int, tuple[int, Product]] = {}
    for product in candidates:
        if product.company_id in blocked:
            continue
        words = _words(product.title) | _words(" ".join(map(str, product.keywords or [])))
        score = len(wanted & words)
        held = best.get(product.company_id)
        if held is None or score > held[0]:
            best[product.company_id] = (score, product)
    ranked = sorted(best.values(), key=lambda sp: (-sp[0], sp[1].pk))[:limit]
    return [(product.company, product) for _score, product in ranked]


def due_for_redistribution(policy: Any, now: Any) -> QuerySet[Inquiry]:
    """Unanswered inquiries to offer on; never suspected spam (flagged, or reported and waiting
    for the operator), nor one whose sender or buying company is no longer active."""
    reported = SpamReport.objects.filter(inquiry=OuterRef("pk"), status=SpamStatus.PENDING)
    return Inquiry.objects.filter(
        status=InquiryStatus.OPEN,
        first_reply_at__isnull=True,
        allow_redistribution=True,
        redistributed_at__isnull=True,
        redistributed_from__isnull=True,
        created_at__lte=now - policy.redistribution_delay,
        flagged=False,
        buyer__is_active=True,
        buyer__user__is_active=True,
        buyer_company__is_active=True,
    ).exclude(Exists(reported))


# --- operator ---------------------------------------------------------------------------------


def spam_queue() -> QuerySet[SpamReport]:
    return SpamReport.objects.filter(status=SpamStatus.PENDING).select_related(
        "inquiry__buyer_company",
        "inquiry__buyer__user",
        "inquiry__supplier_company",
        "reported_by__user",
    )
