"""Writes on inquiries: send (one or many suppliers), reply, reassign, reject, report spam,
stars and read state, block lists, the operator's spam review, response figures and
redistribution.

Every function is atomic: text and files are checked before the first row is written, so a
refused send or reply leaves nothing behind.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries

from hansa.accounts.models import User
from hansa.catalog.listing_selectors import public_products
from hansa.catalog.models import Product
from hansa.companies.models import Company, Membership
from hansa.companies.roles import Role
from hansa.core.attachments import CleanAttachment, clean_attachments
from hansa.core.errors import BusinessError, Forbidden, NotFound
from hansa.core.plaintext import clean_text, fingerprint
from hansa.inquiries import metrics, selectors
from hansa.inquiries.models import (
    BODY_MAX,
    REASON_MAX,
    SUBJECT_MAX,
    BlockEntry,
    BlockKind,
    Inquiry,
    InquiryAttachment,
    InquiryMessage,
    InquiryPolicy,
    InquiryStar,
    InquiryStatus,
    ResponseStats,
    Side,
    SpamReport,
    SpamSource,
    SpamStatus,
)
from hansa.notifications.services import notify
from hansa.trade.currencies import is_currency
from hansa.trade.incoterms import INCOTERMS
from hansa.trade.money import Money
from hansa.trade.units import UNITS

log = logging.getLogger(__name__)

BASKET_MAX = 20
NOTE_MAX = 200


@dataclass
class Draft:
    """What the buyer writes, shared by every supplier of one send."""

    subject: str
    body: str
    quantity: Decimal | None = None
    unit: str = ""
    target_price: Money | None = None
    destination_country: str = ""
    incoterm: str = ""
    allow_redistribution: bool = True


CLIENT_ID_MAX = 64


def clean_draft(
    *,
    subject: str,
    body: str,
    quantity: Any = None,
    unit: str = "",
    target_price: Any = None,
    target_currency: str = "",
    destination_country: str = "",
    incoterm: str = "",
    allow_redistribution: bool = True,
) -> Draft:
    """Every field checked, with a message naming the field at fault."""
    subject = clean_text(subject, field="subject", max_length=SUBJECT_MAX, label=_("The subject"))
    body = clean_text(body, field="body", max_length=BODY_MAX, label=_("The message"))
    qty: Decimal | None = None
    if quantity not in (None, ""):
        try:
            qty = Decimal(str(quantity))
        except InvalidOperation:
            raise BusinessError(_("Enter the quantity as a number."), field="quantity") from None
        if not qty.is_finite() or qty <= 0 or qty >= Decimal("1e12"):
            raise BusinessError(_("Enter a quantity above zero."), field="quantity")
        qty = qty.quantize(Decimal("0.001"))
        if qty == 0:  # 0.0001 would be stored as zero
            raise BusinessError(_("Enter a quantity above zero."), field="quantity")
    unit = (unit or "").strip()
    if unit and unit not in UNITS:
        raise BusinessError(_("Choose a unit from the list."), field="unit")
    if qty is not None and not unit:
        unit = "H87"
    price: Money | None = None
    if target_price not in (None, ""):
        currency = (target_currency or "").strip().upper()
        if not is_currency(currency):
            raise BusinessError(_("Choose the currency of the target price."), field="currency")
        try:
            amount = Decimal(str(target_price))
        except InvalidOperation:
            raise BusinessError(
                _("Enter the target price as a number."), field="target_price"
            ) from None
        if not amount.is_finite() or amount <= 0 or amount >= Decimal("1e15"):
            raise BusinessError(_("Enter a target price above zero."), field="target_price")
        price = Money.of(amount, currency)
        if price.is_zero():  # below the currency's minor unit: it would be stored as zero
            raise BusinessError(_("Enter a target price above zero."), field="target_price")
    country = (destination_country or "").strip().upper()
    if country and country not in dict(countries):
        raise BusinessError(_("Choose a country from the list."), field="destination_country")
    incoterm = (incoterm or "").strip().upper()
    if incoterm and incoterm not in INCOTERMS:
        raise BusinessError(_("Choose an Incoterm from the list."), field="incoterm")
    return Draft(
        subject=subject,
        body=body,
        quantity=qty,
        unit=unit if qty is not None else "",
        target_price=price,
        destination_country=country,
        incoterm=incoterm,
        allow_redistribution=bool(allow_redistribution),
    )


# --- routing and notifications ----------------------------------------------------------------


def route(supplier: Company, product: Product | None) -> Membership | None:
    """The sales rep who owns the product, else the owner, else an admin."""
    reps = selectors.reps_of(supplier.pk)
    if product is not None and product.owner_id:
        owner = reps.filter(user_id=product.owner_id).first()
        if owner is not None:
            return owner
    return (
        reps.filter(role=Role.OWNER).first()
        or reps.filter(role=Role.ADMIN).order_by("joined_at", "pk").first()
    )


def _supplier_recipients(inquiry: Inquiry) -> list[User]:
    if inquiry.assignee_id and inquiry.assignee.is_active:
        return [inquiry.assignee.user]
    return [
        m.user
        for m in selectors.reps_of(inquiry.supplier_company_id).filter(role__in=selectors.MANAGERS)
    ]


def _notify_new(inquiry: Inquiry) -> None:
    for user in _supplier_recipients(inquiry):
        notify(
            user=user,
            kind="inquiry",
            title=_("New inquiry from %(buyer)s") % {"buyer": inquiry.buyer_company.name},
            body=inquiry.subject,
            url=inquiry.get_absolute_url(),
        )


# --- sending ----------------------------------------------------------------------------------


def _check_rate_limit(
    membership: Membership, new: int, now: datetime, policy: InquiryPolicy
) -> None:
    sent = Inquiry.objects.filter(buyer=membership, redistributed_from__isnull=True)
    last_hour = sent.filter(created_at__gt=now - timedelta(hours=1)).count()
    if last_hour + new > policy.max_per_hour:
        raise BusinessError(
            _(
                "You have sent %(n)s inquiries in the last hour; the limit is %(max)s per hour. "
                "Nothing was sent: please try again later."
            )
            % {"n": last_hour, "max": policy.max_per_hour}
        )
    last_day = sent.filter(created_at__gt=now - timedelta(days=1)).count()
    if last_day + new > policy.max_per_day:
        raise BusinessError(
            _(
                "You have sent %(n)s inquiries in the last 24 hours; the limit is %(max)s per "
                "day. Nothing was sent: please try again tomorrow."
            )
            % {"n": last_day, "max": policy.max_per_day}
        )


def _text_hash(draft: Draft) -> str:
    return hashlib.sha256(fingerprint(f"{draft.subject}\n{draft.body}").encode()).hexdigest()


def _write_message(
    *,
    inquiry: Inquiry,
    author: Membership | None,
    side: str,
    body: str,
    files: Sequence[CleanAttachment],
    now: datetime,
    is_auto_reply: bool = False,
    client_id: str = "",
) -> InquiryMessage:
    message = InquiryMessage.objects.create(
        inquiry=inquiry,
        author=author,
        side=side,
        body=body,
        is_auto_reply=is_auto_reply,
        created_at=now,
        client_id=client_id,
    )
    for clean in files:
        attachment = InquiryAttachment(message=message)
        attachment.fill_from(clean)
        attachment.save()
    return message


def _create(
    *,
    membership: Membership,
    supplier: Company,
    product: Product | None,
    product_title: str,
    draft: Draft,
    files: Sequence[CleanAttachment],
    batch: str,
    text_hash: str,
    now: datetime,
    redistributed_from: Inquiry | None = None,
) -> Inquiry:
    inquiry = Inquiry.objects.create(
        buyer_company=membership.company,
        buyer=membership,
        supplier_company=supplier,
        assignee=route(supplier, product),
        product=product,
        product_title=product_title[:300],
        subject=draft.subject,
        quantity=draft.quantity,
        unit=draft.unit,
        target_price=draft.target_price.amount if draft.target_price else None,
        target_currency=draft.target_price.currency if draft.target_price else "",
        destination_country=draft.destination_country,
        incoterm=draft.incoterm,
        allow_redistribution=draft.allow_redistribution,
        redistributed_from=redistributed_from,
        batch=batch,
        fingerprint=text_hash,
        created_at=now,
        last_message_at=now,
        last_buyer_message_at=now,
        buyer_read_at=now,
    )
    _write_message(
        inquiry=inquiry, author=membership, side=Side.BUYER, body=draft.body, files=files, now=now
    )
    return inquiry


def _flag_duplicates(
    membership: Membership,
    inquiries: list[Inquiry],
    text_hash: str,
    batch: str,
    now: datetime,
    policy: InquiryPolicy,
) -> None:
    """Same text to more than the threshold of suppliers across separate sends: flag it."""
    window = Inquiry.objects.filter(
        buyer=membership,
        fingerprint=text_hash,
        redistributed_from__isnull=True,
        created_at__gt=now - timedelta(hours=policy.duplicate_window_hours),
    )
    suppliers = window.values("supplier_company_id").distinct().count()
    batches = window.values("batch").distinct().count()
    if suppliers <= policy.duplicate_threshold or batches < 2:
        return
    Inquiry.objects.filter(pk__in=[i.pk for i in inquiries]).update(flagged=True)
    for inquiry in inquiries:
        inquiry.flagged = True
    SpamReport.objects.create(
        inquiry=inquiries[0],
        source=SpamSource.DUPLICATE,
        reason=_("The same text went to %(n)s suppliers in %(h)s hours in %(b)s separate sends.")
        % {"n": suppliers, "h": policy.duplicate_window_hours, "b": batches},
        created_at=now,
    )


@transaction.atomic
def inquiry_send(
    *,
    membership: Membership,
    targets: Sequence[tuple[Company, Sequence[Product]]],
    draft: Draft,
    uploads: Sequence[UploadedFile] | None = None,
    now: datetime | None = None,
) -> list[Inquiry]:
    """One strictly one-to-one inquiry per supplier in ``targets`` (all or none).

    ``targets``: each supplier with the products the buyer asked about (may be empty when the
    buyer writes from the company page). The first product routes the inquiry to its rep.
    """
    now = now or timezone.now()
    if not selectors.can_send(membership):
        raise Forbidden(_("Only buying companies can send inquiries."))
    if not targets:
        raise BusinessError(_("Choose at least one product or supplier."), field="product")
    seen: set[int] = set()
    for supplier, _products in targets:
        if supplier.pk in seen:
            raise BusinessError(_("Each supplier receives one inquiry per send."))
        seen.add(supplier.pk)
        if supplier.pk == membership.company_id:
            raise BusinessError(_("You cannot send an inquiry to your own company."))
        if not supplier.is_active or not supplier.is_supplier:
            raise NotFound()
    if len(targets) > BASKET_MAX:
        raise BusinessError(
            _("Send to at most %(n)s suppliers at once.") % {"n": BASKET_MAX}, field="product"
        )
    files = clean_attachments(uploads)
    policy = InquiryPolicy.current()
    # Serialise this buyer's sends so two parallel requests cannot both pass the limit.
    Membership.objects.select_for_update().filter(pk=membership.pk).first()
    _check_rate_limit(membership, len(targets), now, policy)
    blocked = selectors.blocked_suppliers(membership, seen)
    if blocked:
        names = ", ".join(sorted(s.name for s, _p in targets if s.pk in blocked))
        raise BusinessError(
            _("%(names)s cannot receive your inquiry at the moment. Nothing was sent.")
            % {"names": names},
            field="product",
        )
    batch = uuid.uuid4().hex
    text_hash = _text_hash(draft)
    created = []
    for supplier, products in targets:
        product = products[0] if products else None
        title = "; ".join(_product_title(p) for p in products)
        created.append(
            _create(
                membership=membership,
                supplier=supplier,
                product=product,
                product_title=title,
                draft=draft,
                files=files,
                batch=batch,
                text_hash=text_hash,
                now=now,
            )
        )
    _flag_duplicates(membership, created, text_hash, batch, now, policy)
    for inquiry in created:
        _notify_new(inquiry)
        stats_refresh(company_id=inquiry.supplier_company_id, now=now)
    return created


def _product_title(product: Product) -> str:
    snapshot = product.published or {}
    return str(snapshot.get("title") or product.title)


def targets_for_products(
    membership: Membership | None, product_ids: Sequence[Any]
) -> list[tuple[Company, list[Product]]]:
    """Public products grouped by supplier, in the order chosen; unknown ids are refused."""
    ids: list[int] = []
    for raw in product_ids:
        try:
            pk = int(raw)
        except (TypeError, ValueError):
            raise BusinessError(_("Choose products from the list."), field="product") from None
        if not 0 < pk < 2**63:  # no such product; past the database integer it would be a 500
            raise BusinessError(_("Choose products from the list."), field="product")
        ids.append(pk)
    ids = list(dict.fromkeys(ids))
    if not ids:
        raise BusinessError(_("Choose at least one product."), field="product")
    if len(ids) > BASKET_MAX:
        raise BusinessError(
            _("Choose at most %(n)s products.") % {"n": BASKET_MAX}, field="product"
        )
    found = {p.pk: p for p in public_products().filter(pk__in=ids).select_related("company")}
    if len(found) != len(ids):
        raise BusinessError(
            _("One of the products is no longer available; refresh the page."), field="product"
        )
    grouped: dict[int, tuple[Company, list[Product]]] = {}
    for pk in ids:
        product = found[pk]
        grouped.setdefault(product.company_id, (product.company, []))[1].append(product)
    return list(grouped.values())


# --- conversation -----------------------------------------------------------------------------


def _recompute_first_reply(inquiry: Inquiry, now: datetime) -> None:
    if inquiry.first_reply_at is None:
        inquiry.first_reply_at = now


@transaction.atomic
def inquiry_reply(
    *,
    membership: Membership,
    inquiry_id: int,
    body: str,
    uploads: Sequence[UploadedFile] | None = None,
    is_auto_reply: bool = False,
    client_id: str = "",
    now: datetime | None = None,
) -> InquiryMessage:
    """Adds a message to the conversation. With a ``client_id`` (the reply form sends one) a
    resend of the same message (a double click, a retried request) returns the stored one."""
    now = now or timezone.now()
    inquiry, side = selectors.access_inquiry(membership, inquiry_id)
    inquiry = Inquiry.objects.select_for_update().get(pk=inquiry.pk)  # replies queue here
    client_id = (client_id or "").strip()
    if len(client_id) > CLIENT_ID_MAX:
        raise BusinessError(_("The message id is too long."), field="client_id")
    if client_id:
        earlier = InquiryMessage.objects.filter(author=membership, client_id=client_id).first()
        if earlier is not None:
            if earlier.inquiry_id != inquiry.pk:
                raise BusinessError(_("This message id was already used."), field="client_id")
            return earlier
    text = clean_text(body, field="body", max_length=BODY_MAX, label=_("The message"))
    files = clean_attachments(uploads)
    if inquiry.status in (InquiryStatus.SPAM, InquiryStatus.REJECTED, InquiryStatus.CLOSED):
        raise BusinessError(
            _("This inquiry is %(status)s; no more messages can be added.")
            % {"status": inquiry.get_status_display().lower()}
        )
    message = _write_message(
        inquiry=inquiry,
        author=membership,
        side=side,
        body=text,
        files=files,
        now=now,
        is_auto_reply=is_auto_reply,
        client_id=client_id,
    )
    inquiry.last_message_at = now
    if side == Side.SUPPLIER:
        inquiry.last_supplier_message_at = now
        inquiry.supplier_read_at = now
        if not is_auto_reply:
            _recompute_first_reply(inquiry, now)
            inquiry.status = InquiryStatus.REPLIED
        if inquiry.assignee_id is None:
            inquiry.assignee = membership
    else:
        inquiry.last_buyer_message_at = now
        inquiry.buyer_read_at = now
    inquiry.save()
    if side == Side.SUPPLIER:
        notify(
            user=inquiry.buyer.user,
            kind="inquiry",
            title=_("%(supplier)s replied to your inquiry")
            % {"supplier": inquiry.supplier_company.name},
            body=inquiry.subject,
            url=inquiry.get_absolute_url(),
        )
    else:
        for user in _supplier_recipients(inquiry):
            notify(
                user=user,
                kind="inquiry",
                title=_("%(buyer)s wrote again") % {"buyer": inquiry.buyer_company.name},
                body=inquiry.subject,
                url=inquiry.get_absolute_url(),
            )
    stats_refresh(company_id=inquiry.supplier_company_id, now=now)
    return message


def _supplier_side(membership: Membership, inquiry_id: int) -> Inquiry:
    inquiry, side = selectors.access_inquiry(membership, inquiry_id)
    if side != Side.SUPPLIER:
        raise NotFound()
    return Inquiry.objects.select_for_update().get(pk=inquiry.pk)


@transaction.atomic
def inquiry_reassign(*, membership: Membership, inquiry_id: int, assignee_id: Any) -> Inquiry:
    inquiry = _supplier_side(membership, inquiry_id)
    try:
        target = selectors.reps_of(membership.company_id).get(pk=int(assignee_id))
    except (Membership.DoesNotExist, TypeError, ValueError):
        raise BusinessError(
            _("Choose an active colleague who answers inquiries."), field="assignee"
        ) from None
    if target.pk == inquiry.assignee_id:
        return inquiry
    inquiry.assignee = target
    inquiry.save(update_fields=["assignee"])
    if target.pk != membership.pk:
        notify(
            user=target.user,
            kind="inquiry",
            title=_("%(who)s passed you an inquiry from %(buyer)s")
            % {"who": membership.user.display_name, "buyer": inquiry.buyer_company.name},
            body=inquiry.subject,
            url=inquiry.get_absolute_url(),
        )
    return inquiry


@transaction.atomic
def inquiry_reject(
    *, membership: Membership, inquiry_id: int, reason: str, now: datetime | None = None
) -> Inquiry:
    now = now or timezone.now()
    inquiry = _supplier_side(membership, inquiry_id)
    text = clean_text(reason, field="reason", max_length=REASON_MAX, label=_("The reason"))
    if inquiry.status in (InquiryStatus.REJECTED, InquiryStatus.SPAM):
        raise BusinessError(_("This inquiry is already closed."))
    inquiry.status = InquiryStatus.REJECTED
    inquiry.reject_reason = text
    inquiry.save(update_fields=["status", "reject_reason"])
    notify(
        user=inquiry.buyer.user,
        kind="inquiry",
        title=_("%(supplier)s declined your inquiry") % {"supplier": inquiry.supplier_company.name},
        body=text,
        url=inquiry.get_absolute_url(),
    )
    stats_refresh(company_id=inquiry.supplier_company_id, now=now)
    return inquiry


@transaction.atomic
def inquiry_close(*, membership: Membership, inquiry_id: int) -> Inquiry:
    """The buyer closes a conversation it no longer needs."""
    inquiry, side = selectors.access_inquiry(membership, inquiry_id)
    if side != Side.BUYER:
        raise NotFound()
    if inquiry.status in (InquiryStatus.OPEN, InquiryStatus.REPLIED):
        inquiry.status = InquiryStatus.CLOSED
        inquiry.save(update_fields=["status"])
    return inquiry


@transaction.atomic
def inquiry_report_spam(
    *, membership: Membership, inquiry_id: int, reason: str = "", now: datetime | None = None
) -> SpamReport:
    now = now or timezone.now()
    inquiry = _supplier_side(membership, inquiry_id)
    text = clean_text(
        reason, field="reason", max_length=REASON_MAX, required=False, label=_("The reason")
    )
    existing = SpamReport.objects.filter(
        inquiry=inquiry, source=SpamSource.SUPPLIER, status=SpamStatus.PENDING
    ).first()
    if existing is not None:
        return existing
    return SpamReport.objects.create(
        inquiry=inquiry,
        source=SpamSource.SUPPLIER,
        reported_by=membership,
        reason=text,
        created_at=now,
    )


@transaction.atomic
def inquiry_star(*, membership: Membership, inquiry_id: int, starred: bool) -> bool:
    inquiry, _side = selectors.access_inquiry(membership, inquiry_id)
    if starred:
        InquiryStar.objects.get_or_create(inquiry=inquiry, member=membership)
    else:
        InquiryStar.objects.filter(inquiry=inquiry, member=membership).delete()
    return starred


@transaction.atomic
def inquiry_mark_read(
    *, membership: Membership, inquiry_id: int, now: datetime | None = None
) -> Inquiry:
    now = now or timezone.now()
    inquiry, side = selectors.access_inquiry(membership, inquiry_id)
    field = "supplier_read_at" if side == Side.SUPPLIER else "buyer_read_at"
    Inquiry.objects.filter(pk=inquiry.pk).update(**{field: now})
    setattr(inquiry, field, now)
    return inquiry


# --- block lists ------------------------------------------------------------------------------


def _manager(membership: Membership) -> None:
    if not selectors.can_receive(membership) or not selectors.is_manager(membership):
        raise Forbidden(_("Only the owner and administrators manage the block list."))


@transaction.atomic
def block_create(
    *,
    membership: Membership,
    kind: str,
    value: str,
    note: str = "",
) -> BlockEntry:
    _manager(membership)
    note = clean_text(note, field="note", max_length=NOTE_MAX, required=False, label=_("The note"))
    value = (value or "").strip()
    entry = BlockEntry(
        supplier=membership.company, kind=kind, note=note, created_by=membership.user
    )
    if kind == BlockKind.MEMBER:
        user = User.objects.filter(email__iexact=value).first()
        if user is None:
            raise BusinessError(_("No user has this e-mail address."), field="value")
        if Membership.objects.filter(user=user, company_id=membership.company_id).exists():
            raise BusinessError(_("You cannot block a colleague."), field="value")
        entry.user = user
    elif kind == BlockKind.DOMAIN:
        domain = value.lstrip("@").lower()
        if "." not in domain or " " in domain or "@" in domain or len(domain) > 255:
            raise BusinessError(_("Enter a domain such as example.com."), field="value")
        entry.domain = domain
    elif kind == BlockKind.COUNTRY:
        code = value.upper()
        if code not in dict(countries):
            raise BusinessError(_("Choose a country from the list."), field="value")
        if code == str(membership.company.country):
            raise BusinessError(_("You cannot block your own country."), field="value")
        entry.country = code
    else:
        raise BusinessError(_("Choose what to block."), field="kind")
    try:
        with transaction.atomic():
            entry.save()
    except IntegrityError:
        raise BusinessError(_("This is already on your block list."), field="value") from None
    stats_refresh(company_id=membership.company_id)
    return entry


@transaction.atomic
def block_delete(*, membership: Membership, entry_id: Any) -> None:
    _manager(membership)
    try:
        entry = BlockEntry.objects.get(pk=int(entry_id), supplier_id=membership.company_id)
    except (BlockEntry.DoesNotExist, TypeError, ValueError):
        raise NotFound() from None
    entry.delete()
    stats_refresh(company_id=membership.company_id)


@transaction.atomic
def block_buyer_of(*, membership: Membership, inquiry_id: int) -> BlockEntry:
    """Block the person who sent this inquiry (from the conversation page)."""
    inquiry = _supplier_side(membership, inquiry_id)
    _manager(membership)
    existing = BlockEntry.objects.filter(
        supplier_id=membership.company_id, kind=BlockKind.MEMBER, user_id=inquiry.buyer.user_id
    ).first()
    if existing:
        return existing
    return block_create(
        membership=membership,
        kind=BlockKind.MEMBER,
        value=inquiry.buyer.user.email,
        note=_("Blocked from inquiry #%(n)s") % {"n": inquiry.pk},
    )


# --- operator ---------------------------------------------------------------------------------


@transaction.atomic
def spam_review(
    *,
    operator: User,
    report_id: Any,
    confirm: bool,
    block: bool = False,
    note: str = "",
    now: datetime | None = None,
) -> SpamReport:
    """Confirm (the inquiry becomes spam, optionally the sender is blocked) or dismiss."""
    now = now or timezone.now()
    if not (operator.is_staff and operator.has_perm("inquiries.review_spam")):
        raise Forbidden()
    try:
        report = (
            SpamReport.objects.select_for_update()
            .select_related("inquiry__buyer__user")
            .get(pk=int(report_id))
        )
    except (SpamReport.DoesNotExist, TypeError, ValueError):
        raise NotFound() from None
    if report.status != SpamStatus.PENDING:
        raise BusinessError(_("This report was already reviewed."))
    note = clean_text(
        note, field="note", max_length=REASON_MAX, required=False, label=_("The note")
    )
    report.status = SpamStatus.CONFIRMED if confirm else SpamStatus.DISMISSED
    report.reviewed_by = operator
    report.reviewed_at = now
    report.review_note = note
    report.save()
    inquiry = report.inquiry
    if confirm:
        related = [inquiry]
        if report.source == SpamSource.DUPLICATE:
            related = list(
                Inquiry.objects.filter(buyer=inquiry.buyer, fingerprint=inquiry.fingerprint)
            )
        Inquiry.objects.filter(pk__in=[i.pk for i in related]).update(status=InquiryStatus.SPAM)
        if block:
            for supplier_id in {i.supplier_company_id for i in related}:
                BlockEntry.objects.get_or_create(
                    supplier_id=supplier_id,
                    kind=BlockKind.MEMBER,
                    user=inquiry.buyer.user,
                    defaults={"note": _("Spam confirmed by the operator"), "created_by": operator},
                )
        for supplier_id in {i.supplier_company_id for i in related}:
            stats_refresh(company_id=supplier_id, now=now)
    else:
        Inquiry.objects.filter(pk=inquiry.pk).update(flagged=False)
    return report


# --- response figures -------------------------------------------------------------------------


@transaction.atomic
def stats_refresh(*, company_id: int, now: datetime | None = None) -> ResponseStats:
    """Recompute and store one supplier's figures; reindex its listings when the rate moved."""
    now = now or timezone.now()
    figures = metrics.compute(company_id, now, selectors.blocked_buyer_ids(company_id))
    stats = ResponseStats.objects.select_for_update().filter(company_id=company_id).first()
    before = (stats.rate, metrics.reply_bucket(stats.average_reply_seconds)) if stats else None
    if stats is None:
        stats = ResponseStats(company_id=company_id)
    stats.rate = figures.rate
    stats.average_reply_seconds = figures.average_reply_seconds
    stats.counted = figures.counted
    stats.replied_in_time = figures.replied_in_time
    stats.computed_at = now
    stats.save()
    after = (stats.rate, metrics.reply_bucket(stats.average_reply_seconds))
    if before is None and stats.rate is None:
        return stats
    if before is None or before[0] != after[0]:
        from hansa.search.outbox import enqueue_companies

        enqueue_companies([company_id])
    return stats


def stats_refresh_all(*, now: datetime | None = None) -> int:
    """The window rolls: refresh every supplier that had inquiries or figures lately."""
    now = now or timezone.now()
    ids = set(
        Inquiry.objects.filter(last_message_at__gte=now - metrics.WINDOW - timedelta(days=1))
        .values_list("supplier_company_id", flat=True)
        .distinct()
    ) | set(ResponseStats.objects.filter(rate__isnull=False).values_list("company_id", flat=True))
    for company_id in sorted(ids):
        stats_refresh(company_id=company_id, now=now)
    return len(ids)


# --- redistribution ---------------------------------------------------------------------------


def inquiry_redistribute(*, inquiry_id: int, now: datetime | None = None) -> list[Inquiry]:
    """Offer one unanswered inquiry to other matching suppliers, once (safe to run in parallel).

    The row is locked and re-checked; ``redistributed_at`` marks it done even when no supplier
    matched, and a unique constraint on (original, supplier) stops any doubling.
    """
    now = now or timezone.now()
    policy = InquiryPolicy.current()
    if not policy.redistribution_enabled:
        return []
    with transaction.atomic():
        inquiry = (
            selectors.due_for_redistribution(policy, now)
            .select_for_update()
            .filter(pk=inquiry_id)
            .first()
        )
        if inquiry is None:
            return []
        inquiry = Inquiry.objects.select_related("buyer__user", "buyer__company", "product").get(
            pk=inquiry.pk
        )
        Inquiry.objects.filter(pk=inquiry.pk).update(redistributed_at=now)
        first = inquiry.messages.filter(side=Side.BUYER).order_by("created_at", "pk").first()
        draft = Draft(
            subject=inquiry.subject,
            body=first.body if first else inquiry.subject,
            quantity=inquiry.quantity,
            unit=inquiry.unit,
            target_price=inquiry.target_money,
            destination_country=str(inquiry.destination_country or ""),
            incoterm=inquiry.incoterm,
            allow_redistribution=False,
        )
        created = []
        for supplier, product in selectors.redistribution_targets(
            inquiry, policy.redistribution_max_suppliers
        ):
            created.append(
                _create(
                    membership=inquiry.buyer,
                    supplier=supplier,
                    product=product,
                    product_title=_product_title(product),
                    draft=draft,
                    files=[],
                    batch=inquiry.batch,
                    text_hash=inquiry.fingerprint,
                    now=now,
                    redistributed_from=inquiry,
                )
            )
        for new in created:
            _notify_new(new)
        # A day without a reply is now a miss in the original supplier's figures.
        stats_refresh(company_id=inquiry.supplier_company_id, now=now)
        if created:
            notify(
                user=inquiry.buyer.user,
                kind="inquiry",
                title=_("Your inquiry was offered to %(n)s more suppliers") % {"n": len(created)},
                body=_("%(supplier)s has not replied within %(h)s hours: %(names)s")
                % {
                    "supplier": inquiry.supplier_company.name,
                    "h": policy.redistribution_delay_hours,
                    "names": ", ".join(c.supplier_company.name for c in created),
                },
                url=reverse("inquiries:detail", args=[inquiry.pk]),
            )
        return created


def inquiries_redistribute_due(
    *,
    now: datetime | None = None,
    buyer_company_id: int | None = None,
    supplier_company_id: int | None = None,
    limit: int = 200,
) -> int:
    """Redistribute every due inquiry (of one company when given); returns how many moved."""
    now = now or timezone.now()
    policy = InquiryPolicy.current()
    if not policy.redistribution_enabled:
        return 0
    due = selectors.due_for_redistribution(policy, now)
    if buyer_company_id is not None:
        due = due.filter(buyer_company_id=buyer_company_id)
    if supplier_company_id is not None:
        due = due.filter(supplier_company_id=supplier_company_id)
    moved = 0
    for pk in list(due.order_by("created_at").values_list("pk", flat=True)[:limit]):
        try:
            inquiry_redistribute(inquiry_id=pk, now=now)
            moved += 1
        except IntegrityError:  # another process did it at the same moment
            log.info("inquiry %s was redistributed concurrently", pk)
    return moved
