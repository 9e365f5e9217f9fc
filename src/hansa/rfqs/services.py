"""Every write on RFQs and quotations: posting, review, matching, quoting and the buyer's decisions.

Rules kept here (and only here):

- an RFQ is posted by a buyer company, reviewed by the operator (automatic flags help), open for
  ``validity_days`` after approval, and cannot be edited once a quote has arrived, only closed;
- a quote needs an open RFQ of another company, one per supplier, at most ``MAX_QUOTES`` per RFQ
  (checked under a row lock on the RFQ, so two suppliers sending the tenth quote at once cannot
  both win), within the supplier's monthly quota (``quote_quota``); it can be revised once;
- the buyer shortlists, rejects (with a reason), rates and accepts one quote: the others are
  declined, the RFQ closes and an order draft is prepared, once (accepting twice is harmless).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_countries import countries

from hansa.accounts.models import User
from hansa.alerts.models import MAX_SAVED_SEARCHES, Frequency, SavedSearch, Target
from hansa.catalog import review_checks
from hansa.catalog.models import Category
from hansa.companies.models import Company, Membership
from hansa.companies.roles import Perm, Role
from hansa.core.attachments import clean_attachments
from hansa.core.errors import BusinessError, Forbidden, NotFound
from hansa.core.plaintext import clean_text, fingerprint
from hansa.notifications.kinds import QUOTE, RFQ_MATCH
from hansa.notifications.services import notify
from hansa.rfqs import matching, selectors
from hansa.rfqs.models import (
    MAX_QUOTES,
    Quote,
    QuoteAttachment,
    QuoteMessage,
    QuoteStatus,
    Rfq,
    RfqAttachment,
    RfqMatch,
    RfqStatus,
    SourcingType,
    SupplierProfile,
)
from hansa.trade.currencies import is_currency
from hansa.trade.incoterms import INCOTERMS
from hansa.trade.models import Port
from hansa.trade.payments import PAYMENT_METHODS, validate_payment_methods
from hansa.trade.units import UNITS

VALIDITY_CHOICES = (7, 15, 30, 60)
DEFAULT_VALIDITY = 15
MAX_CERTIFICATIONS = 10
MAX_TIERS = 5
QUOTE_VALIDITY_MAX = timedelta(days=180)
DUPLICATE_WINDOW = timedelta(days=30)


def quote_quota(company: Company) -> int:
    """Quotes a supplier may send per calendar month.

    The hook for the membership issue: plans will set their own number here. Until then every
    company gets ``settings.RFQ_MONTHLY_QUOTE_QUOTA`` (30).
    """
    return int(getattr(settings, "RFQ_MONTHLY_QUOTE_QUOTA", 30))


def daily_rfq_limit() -> int:
    """RFQs one buyer company may post per 24 hours; more are refused (flooding)."""
    return int(getattr(settings, "RFQ_DAILY_LIMIT", 20))


def daily_rfq_flag() -> int:
    """From this many RFQs per 24 hours, new ones are flagged for the reviewer."""
    return int(getattr(settings, "RFQ_DAILY_FLAG", 5))


# -- inputs -----------------------------------------------------------------------------------


@dataclass
class RfqInput:
    product_name: str
    category_id: int | None
    requirements: str
    quantity: Decimal | None
    unit: str
    destination_country: str
    incoterm: str
    payment_method: str
    target_price: Decimal | None = None
    currency: str = "USD"
    destination_port: str = ""
    sourcing_type: str = SourcingType.ONE_TIME
    certifications: list[str] = field(default_factory=list)
    validity_days: int = DEFAULT_VALIDITY


@dataclass
class QuoteInput:
    unit_price: Decimal | None
    currency: str
    quantity: Decimal | None
    moq: Decimal | None
    incoterm: str
    lead_time_days: int | None
    payment_methods: list[str]
    valid_until: date | None
    port: str = ""
    tiers: list[dict[str, Any]] = field(default_factory=list)
    sample_available: bool = False
    sample_cost: Decimal | None = None
    shipping_cost: Decimal | None = None
    shipping_days: int | None = None
    message: str = ""


def to_decimal(value: Any, *, field: str, label: str, required: bool = True) -> Decimal | None:
    """A decimal from user input, or a BusinessError naming the field."""
    if value in (None, ""):
        if required:
            raise BusinessError(_("%(what)s is required.") % {"what": label}, field=field)
        return None
    if isinstance(value, float):
        value = str(value)
    try:
        number = Decimal(str(value).strip().replace(",", ""))
    except (InvalidOperation, ValueError):
        raise BusinessError(
            _("%(what)s must be a number.") % {"what": label}, field=field
        ) from None
    if not number.is_finite():
        raise BusinessError(_("%(what)s must be a number.") % {"what": label}, field=field)
    return number


def _positive(
    value: Decimal | None, *, field: str, label: str, zero_ok: bool = False, places: int = 4
) -> Decimal:
    """A positive number rounded half-up to the ``places`` its column keeps.

    Rounded before the check, so that 0.00001 cannot pass as positive and be stored as zero.
    """
    if value is None:
        raise BusinessError(_("%(what)s is required.") % {"what": label}, field=field)
    if value < 0 or value >= Decimal("1e14"):
        raise BusinessError(_("%(what)s must be a positive number.") % {"what": label}, field=field)
    value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if value == 0 and not zero_ok:
        raise BusinessError(_("%(what)s must be a positive number.") % {"what": label}, field=field)
    return value


def _port(locode: str, *, field: str, country: str | None = None) -> Port | None:
    locode = (locode or "").strip().upper()
    if not locode:
        return None
    port = Port.objects.filter(locode=locode, is_active=True).first()
    if port is None:
        raise BusinessError(_("Choose a port from the list (UN/LOCODE)."), field=field)
    if country and str(port.country) != country:
        raise BusinessError(_("This port is not in the destination country."), field=field)
    return port


def _incoterm(code: str, field: str = "incoterm") -> str:
    code = (code or "").strip().upper()
    if code not in INCOTERMS:
        raise BusinessError(_("Choose an Incoterms 2020 rule."), field=field)
    return code


def _currency(code: str, field: str = "currency") -> str:
    code = (code or "").strip().upper()
    if not is_currency(code):
        raise BusinessError(_("Choose a currency (ISO 4217, e.g. USD)."), field=field)
    return code


# -- automatic review flags ---------------------------------------------------------------------


def _flag(field: str, code: str, message: str) -> dict[str, str]:
    return {"field": field, "code": code, "message": message}


def rfq_flags(rfq: Rfq, now: datetime) -> list[dict[str, str]]:
    """What the reviewer should look at: prohibited goods, contact details, spam."""
    flags: list[dict[str, str]] = []
    texts = {
        "product_name": rfq.product_name,
        "requirements": rfq.requirements,
        "certifications": " ".join(rfq.certifications),
    }
    terms = review_checks.prohibited_terms()
    for field_name, text in texts.items():
        lowered = text.lower()
        for term, kind in terms:
            if re.search(rf"(?<!\w){re.escape(term.lower())}(?!\w)", lowered):
                flags.append(
                    _flag(
                        field_name,
                        f"prohibited_{kind}",
                        _("Contains “%(term)s”, which is not allowed.") % {"term": term},
                    )
                )
        if (
            review_checks.EMAIL.search(text)
            or review_checks.URL.search(text)
            or review_checks.MESSENGER.search(text)
            or review_checks.PHONE.search(text)
        ):
            flags.append(
                _flag(field_name, "contact_details", _("Contains contact details or a link."))
            )
    duplicates = (
        Rfq.objects.filter(fingerprint=rfq.fingerprint, created_at__gte=now - DUPLICATE_WINDOW)
        .exclude(pk=rfq.pk)
        .count()
    )
    if duplicates:
        flags.append(
            _flag(
                "requirements",
                "duplicate_text",
                _("The same text was posted %(n)s times in the last 30 days.") % {"n": duplicates},
            )
        )
    today = (
        Rfq.objects.filter(
            buyer_company_id=rfq.buyer_company_id, created_at__gte=now - timedelta(days=1)
        )
        .exclude(pk=rfq.pk)
        .count()
    )
    if today + 1 >= daily_rfq_flag():
        flags.append(
            _flag(
                "buyer",
                "many_rfqs",
                _("The buyer posted %(n)s RFQs in 24 hours.") % {"n": today + 1},
            )
        )
    return flags


# -- RFQs ------------------------------------------------------------------------------------


def _require_buyer(membership: Membership | None) -> Membership:
    if membership is None:
        raise Forbidden(_("You need to act for a company to do this."))
    if not membership.company.is_buyer:
        raise Forbidden(_("Only buying companies post RFQs."))
    return membership


def _apply_rfq(rfq: Rfq, data: RfqInput) -> None:
    rfq.product_name = clean_text(
        data.product_name, field="product_name", max_length=150, label=_("Product name")
    )
    category = Category.objects.filter(pk=data.category_id, is_active=True).first()
    if category is None or not category.is_leaf:
        raise BusinessError(_("Choose the product's category."), field="category")
    rfq.category = category
    rfq.requirements = clean_text(
        data.requirements, field="requirements", max_length=4000, label=_("Detailed requirements")
    )
    if len(rfq.requirements) < 20:
        raise BusinessError(
            _(
                "Describe what you need in at least 20 characters: specification, material, "
                "packaging."
            ),
            field="requirements",
        )
    rfq.quantity = _positive(data.quantity, field="quantity", label=_("Quantity"), places=3)
    if data.unit not in UNITS:
        raise BusinessError(_("Choose a unit."), field="unit")
    rfq.unit = data.unit
    rfq.currency = _currency(data.currency or "USD")
    rfq.target_price = (
        None
        if data.target_price is None
        else _positive(data.target_price, field="target_price", label=_("Target unit price"))
    )
    country = (data.destination_country or "").strip().upper()
    if not country or country not in dict(countries):
        raise BusinessError(_("Choose the destination country."), field="destination_country")
    rfq.destination_country = country
    rfq.destination_port = _port(data.destination_port, field="destination_port", country=country)
    rfq.incoterm = _incoterm(data.incoterm)
    if data.payment_method not in PAYMENT_METHODS:
        raise BusinessError(_("Choose a payment method."), field="payment_method")
    rfq.payment_method = data.payment_method
    if data.sourcing_type not in SourcingType.values:
        raise BusinessError(_("Choose one-time or regular purchase."), field="sourcing_type")
    rfq.sourcing_type = data.sourcing_type
    certs = []
    for raw in data.certifications or []:
        cert = clean_text(
            raw, field="certifications", max_length=60, required=False, label=_("Certification")
        )
        if cert and cert not in certs:
            certs.append(cert)
    if len(certs) > MAX_CERTIFICATIONS:
        raise BusinessError(
            _("List at most %(n)s certifications.") % {"n": MAX_CERTIFICATIONS},
            field="certifications",
        )
    rfq.certifications = certs
    if data.validity_days not in VALIDITY_CHOICES:
        raise BusinessError(
            _("Choose how long the RFQ stays open: %(days)s days.")
            % {"days": ", ".join(str(d) for d in VALIDITY_CHOICES)},
            field="validity_days",
        )
    rfq.validity_days = data.validity_days
    rfq.fingerprint = hashlib.sha256(
        fingerprint(f"{rfq.product_name} {rfq.requirements}").encode()
    ).hexdigest()


def _save_attachments(model: type, owner_field: str, owner: object, uploads: list) -> None:
    for clean in uploads:
        attachment = model(**{owner_field: owner})
        attachment.fill_from(clean)
        attachment.save()


@transaction.atomic
def rfq_create(
    *,
    membership: Membership,
    data: RfqInput,
    uploads: Sequence[UploadedFile] | None = None,
    now: datetime | None = None,
) -> Rfq:
    membership = _require_buyer(membership)
    now = now or timezone.now()
    # One post at a time per company, so the daily limit is counted exactly.
    Company.objects.select_for_update().filter(pk=membership.company_id).first()
    posted = Rfq.objects.filter(
        buyer_company_id=membership.company_id, created_at__gte=now - timedelta(days=1)
    ).count()
    if posted >= daily_rfq_limit():
        raise BusinessError(
            _(
                "Your company has posted %(n)s RFQs in the last 24 hours, the most allowed. "
                "Please wait before posting more."
            )
            % {"n": posted}
        )
    rfq = Rfq(buyer_company_id=membership.company_id, created_by=membership.user)
    _apply_rfq(rfq, data)
    files = clean_attachments(uploads)
    rfq.save()
    rfq.flags = rfq_flags(rfq, now)
    rfq.save(update_fields=["flags"])
    _save_attachments(RfqAttachment, "rfq", rfq, files)
    return rfq


@transaction.atomic
def rfq_update(
    *,
    membership: Membership,
    rfq_id: int,
    data: RfqInput,
    uploads: Sequence[UploadedFile] | None = None,
    now: datetime | None = None,
) -> Rfq:
    """Changes an RFQ that no supplier has quoted on yet; it goes back to review."""
    now = now or timezone.now()
    rfq = selectors.access_buyer_rfq(membership, rfq_id, for_update=True)
    if rfq.quote_count:
        raise BusinessError(_("This RFQ has quotes and can no longer be changed, only closed."))
    if not rfq.is_editable:
        raise BusinessError(_("Only a waiting or open RFQ can be changed."))
    _apply_rfq(rfq, data)
    files = clean_attachments(uploads)
    if rfq.attachments.count() + len(files) > 5:
        raise BusinessError(_("An RFQ keeps at most 5 files."), field="attachments")
    rfq.status = RfqStatus.PENDING
    rfq.valid_until = None
    rfq.approved_at = None
    rfq.flags = rfq_flags(rfq, now)
    rfq.save()
    _save_attachments(RfqAttachment, "rfq", rfq, files)
    return rfq


@transaction.atomic
def rfq_close(*, membership: Membership, rfq_id: int, reason: str = "") -> Rfq:
    rfq = selectors.access_buyer_rfq(membership, rfq_id, for_update=True)
    if rfq.status in (RfqStatus.CLOSED, RfqStatus.REJECTED):
        raise BusinessError(_("This RFQ is already closed."))
    rfq.status = RfqStatus.CLOSED
    rfq.closed_at = timezone.now()
    rfq.close_reason = clean_text(
        reason, field="reason", max_length=200, required=False, label=_("Reason")
    )
    rfq.save(update_fields=["status", "closed_at", "close_reason", "updated_at"])
    return rfq


def _operator(user: User) -> User:
    if not selectors.is_rfq_reviewer(user):
        raise Forbidden(_("Operator staff only."))
    return user


@transaction.atomic
def rfq_approve(*, operator: User, rfq_id: int, now: datetime | None = None) -> Rfq:
    """Opens the RFQ for quotes for its validity period and pushes it to matching suppliers."""
    _operator(operator)
    now = now or timezone.now()
    rfq = Rfq.objects.select_for_update().filter(pk=rfq_id).first()
    if rfq is None:
        raise NotFound()
    if rfq.status != RfqStatus.PENDING:
        raise BusinessError(_("Only an RFQ waiting for review can be approved."))
    rfq.status = RfqStatus.OPEN
    rfq.reviewed_by = operator
    rfq.reviewed_at = now
    rfq.approved_at = now
    rfq.valid_until = now + timedelta(days=rfq.validity_days)
    rfq.rejection_reason = ""
    rfq.save()
    rfq_push(rfq=rfq, now=now)
    notify_buyer(
        rfq,
        _("Your RFQ “%(name)s” is open for quotes") % {"name": rfq.product_name},
        _("Suppliers can quote until %(date)s.") % {"date": f"{rfq.valid_until:%Y-%m-%d}"},
    )
    return rfq


@transaction.atomic
def rfq_reject(*, operator: User, rfq_id: int, reason: str) -> Rfq:
    _operator(operator)
    rfq = Rfq.objects.select_for_update().filter(pk=rfq_id).first()
    if rfq is None:
        raise NotFound()
    if rfq.status != RfqStatus.PENDING:
        raise BusinessError(_("Only an RFQ waiting for review can be rejected."))
    rfq.rejection_reason = clean_text(
        reason, field="reason", max_length=1000, label=_("Reason for rejection")
    )
    rfq.status = RfqStatus.REJECTED
    rfq.reviewed_by = operator
    rfq.reviewed_at = timezone.now()
    rfq.save()
    notify_buyer(
        rfq,
        _("Your RFQ “%(name)s” was not approved") % {"name": rfq.product_name},
        rfq.rejection_reason,
    )
    return rfq


def rfq_push(*, rfq: Rfq, now: datetime | None = None) -> list[RfqMatch]:
    """Stores the best-matching suppliers and tells their owner and admins (once per RFQ)."""
    now = now or timezone.now()
    if not SupplierProfile.objects.exists():
        matching.profiles_rebuild(now=now)
    found = matching.match_suppliers(rfq, now=now)
    matches = RfqMatch.objects.bulk_create(
        [
            RfqMatch(rfq=rfq, supplier_id=c.company_id, score=round(c.score, 3), reasons=c.reasons)
            for c in found
        ],
        ignore_conflicts=True,
    )
    Rfq.objects.filter(pk=rfq.pk).update(matched_at=now)
    url = reverse("rfqs:market_detail", args=[rfq.pk])
    for user in company_leads([c.company_id for c in found]):
        notify(
            user=user,
            kind=RFQ_MATCH,
            title=_("New RFQ for you: %(name)s") % {"name": rfq.product_name},
            body=_("%(qty)s %(unit)s to %(country)s, quotes until %(date)s.")
            % {
                "qty": f"{rfq.quantity.normalize():f}",
                "unit": rfq.get_unit_display(),
                "country": rfq.destination_country.name,
                "date": f"{rfq.valid_until:%Y-%m-%d}" if rfq.valid_until else "",
            },
            url=url,
        )
    return matches


def rfqs_expire(now: datetime | None = None) -> int:
    """Writes down the expiry of open RFQs past their date and tells each buyer once."""
    now = now or timezone.now()
    done = 0
    for pk in Rfq.objects.filter(status=RfqStatus.OPEN, valid_until__lte=now).values_list(
        "pk", flat=True
    ):
        with transaction.atomic():
            rfq = (
                Rfq.objects.select_for_update()
                .filter(pk=pk, status=RfqStatus.OPEN, valid_until__lte=now)
                .first()
            )
            if rfq is None:
                continue
            rfq.status = RfqStatus.EXPIRED
            rfq.expiry_notified = True
            rfq.save(update_fields=["status", "expiry_notified", "updated_at"])
            notify_buyer(
                rfq,
                _("Your RFQ “%(name)s” has expired") % {"name": rfq.product_name},
                _("%(n)s quotes arrived. You can still compare and accept them.")
                % {"n": rfq.quote_count},
            )
            done += 1
    return done


# -- notifications ----------------------------------------------------------------------------


def company_leads(company_ids: Sequence[int]) -> list[User]:
    """Active owners and admins of the companies (who hear about matches)."""
    return list(
        User.objects.filter(
            is_active=True,
            membership__company_id__in=list(company_ids),
            membership__is_active=True,
            membership__role__in=[Role.OWNER, Role.ADMIN],
        ).distinct()
    )


def notify_buyer(rfq: Rfq, title: str, body: str = "") -> None:
    users = []
    creator = rfq.created_by
    if creator is not None and creator.is_active:
        member = Membership.objects.filter(
            user=creator, company_id=rfq.buyer_company_id, is_active=True
        ).first()
        if member is not None:
            users.append(creator)
    if not users:
        users = company_leads([rfq.buyer_company_id])
    for user in users:
        notify(
            user=user, kind=QUOTE, title=title, body=body, url=reverse("rfqs:detail", args=[rfq.pk])
        )


def notify_supplier(quote: Quote, title: str, body: str = "") -> None:
    users = []
    author = quote.created_by
    if (
        author is not None
        and author.is_active
        and Membership.objects.filter(
            user=author, company_id=quote.supplier_id, is_active=True
        ).exists()
    ):
        users.append(author)
    if not users:
        users = company_leads([quote.supplier_id])
    for user in users:
        notify(
            user=user,
            kind=QUOTE,
            title=title,
            body=body,
            url=reverse("rfqs:quote", args=[quote.pk]),
        )


# -- quotes -----------------------------------------------------------------------------------


def month_start(now: datetime) -> datetime:
    local = timezone.localtime(now)
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def quotes_used(company: Company, now: datetime | None = None) -> int:
    now = now or timezone.now()
    return Quote.objects.filter(supplier=company, created_at__gte=month_start(now)).count()


def quotes_left(company: Company, now: datetime | None = None) -> int:
    return max(0, quote_quota(company) - quotes_used(company, now))


def _require_quoter(membership: Membership | None) -> Membership:
    from hansa.companies.access import require_perm

    membership = require_perm(membership, Perm.MANAGE_LISTINGS)
    if not membership.company.is_supplier:
        raise Forbidden(_("Only supplying companies send quotations."))
    return membership


def _apply_quote(quote: Quote, data: QuoteInput, rfq: Rfq, today: date) -> None:
    quote.currency = _currency(data.currency)
    quote.unit_price = _positive(data.unit_price, field="unit_price", label=_("Unit price"))
    quote.quantity = _positive(
        data.quantity, field="quantity", label=_("Quantity offered"), places=3
    )
    quote.moq = _positive(data.moq, field="moq", label=_("Minimum order"), places=3)
    if quote.moq > quote.quantity:
        raise BusinessError(
            _("The minimum order cannot be larger than the quantity offered."), field="moq"
        )
    tiers = []
    for i, tier in enumerate(data.tiers or []):
        qty = to_decimal(
            tier.get("min_quantity"), field="tiers", label=_("Tier quantity"), required=False
        )
        price = to_decimal(
            tier.get("unit_price"), field="tiers", label=_("Tier price"), required=False
        )
        if qty is None and price is None:
            continue
        qty = _positive(qty, field="tiers", label=_("Tier quantity"), places=3)
        price = _positive(price, field="tiers", label=_("Tier price"))
        if tiers and qty <= Decimal(tiers[-1]["min_quantity"]):
            raise BusinessError(
                _("Tier quantities must grow from one tier to the next."), field="tiers"
            )
        tiers.append(
            {"min_quantity": f"{qty.normalize():f}", "unit_price": f"{price.normalize():f}"}
        )
        if i >= MAX_TIERS:
            raise BusinessError(_("Give at most %(n)s tiers.") % {"n": MAX_TIERS}, field="tiers")
    quote.tiers = tiers
    quote.incoterm = _incoterm(data.incoterm)
    quote.port = _port(data.port, field="port")
    if quote.incoterm != "EXW" and quote.port is None:
        raise BusinessError(
            _("Name the port for %(rule)s (UN/LOCODE, e.g. CNSZX).") % {"rule": quote.incoterm},
            field="port",
        )
    if data.lead_time_days is None or not 0 < int(data.lead_time_days) <= 365:
        raise BusinessError(_("Give a lead time between 1 and 365 days."), field="lead_time_days")
    quote.lead_time_days = int(data.lead_time_days)
    try:
        methods = validate_payment_methods(data.payment_methods or [])
    except ValidationError as exc:
        raise BusinessError(" ".join(exc.messages), field="payment_methods") from None
    if not methods:
        raise BusinessError(_("Choose at least one payment method."), field="payment_methods")
    quote.payment_methods = methods
    if data.valid_until is None or data.valid_until < today:
        raise BusinessError(_("The quote must be valid until today or later."), field="valid_until")
    if data.valid_until > today + QUOTE_VALIDITY_MAX:
        raise BusinessError(_("A quote can be valid for at most 180 days."), field="valid_until")
    quote.valid_until = data.valid_until
    quote.sample_available = bool(data.sample_available)
    quote.sample_cost = (
        None
        if data.sample_cost is None or not quote.sample_available
        else _positive(data.sample_cost, field="sample_cost", label=_("Sample cost"), zero_ok=True)
    )
    quote.shipping_cost = (
        None
        if data.shipping_cost is None
        else _positive(
            data.shipping_cost, field="shipping_cost", label=_("Shipping cost"), zero_ok=True
        )
    )
    if data.shipping_days is not None and not 0 < int(data.shipping_days) <= 180:
        raise BusinessError(
            _("Give a shipping time between 1 and 180 days."), field="shipping_days"
        )
    quote.shipping_days = data.shipping_days
    quote.message = clean_text(
        data.message, field="message", max_length=4000, required=False, label=_("Message")
    )


def terms_snapshot(quote: Quote) -> dict[str, Any]:
    """The terms of a quote as plain JSON (the original version kept after a revision)."""

    def dec(v: Decimal | None) -> str | None:
        return None if v is None else f"{Decimal(v).normalize():f}"

    return {
        "currency": quote.currency,
        "unit_price": dec(quote.unit_price),
        "tiers": list(quote.tiers),
        "quantity": dec(quote.quantity),
        "moq": dec(quote.moq),
        "incoterm": quote.incoterm,
        "port": quote.port.locode if quote.port_id else "",
        "lead_time_days": quote.lead_time_days,
        "payment_methods": list(quote.payment_methods),
        "valid_until": quote.valid_until.isoformat(),
        "sample_available": quote.sample_available,
        "sample_cost": dec(quote.sample_cost),
        "shipping_cost": dec(quote.shipping_cost),
        "shipping_days": quote.shipping_days,
        "message": quote.message,
        "created_at": (quote.revised_at or quote.created_at).isoformat(),
    }


@transaction.atomic
def quote_create(
    *,
    membership: Membership,
    rfq_id: int,
    data: QuoteInput,
    uploads: Sequence[UploadedFile] | None = None,
    now: datetime | None = None,
) -> Quote:
    membership = _require_quoter(membership)
    now = now or timezone.now()
    company = Company.objects.select_for_update().get(pk=membership.company_id)  # the quota
    rfq = Rfq.objects.select_for_update().filter(pk=rfq_id).first()  # the ten-quote cap
    if rfq is None or rfq.status in (RfqStatus.PENDING, RfqStatus.REJECTED):
        raise NotFound()
    if rfq.buyer_company_id == company.pk:
        raise BusinessError(_("You cannot quote on your own company's RFQ."))
    if rfq.effective_status(now) != RfqStatus.OPEN:
        raise BusinessError(_("This RFQ is no longer open for quotes."))
    if Quote.objects.filter(rfq=rfq, supplier=company).exists():
        raise BusinessError(
            _("Your company has already quoted on this RFQ; you can revise that quote once.")
        )
    if rfq.quote_count >= MAX_QUOTES:
        raise BusinessError(
            _("This RFQ has received the most quotes it accepts (%(n)s).") % {"n": MAX_QUOTES}
        )
    quota = quote_quota(company)
    if quotes_used(company, now) >= quota:
        raise BusinessError(
            _("Your company has used all %(n)s quotes of this month.") % {"n": quota}
        )
    quote = Quote(rfq=rfq, supplier=company, created_by=membership.user)
    _apply_quote(quote, data, rfq, timezone.localdate(now))
    files = clean_attachments(uploads)
    quote.save()
    _save_attachments(QuoteAttachment, "quote", quote, files)
    rfq.quote_count += 1
    rfq.save(update_fields=["quote_count", "updated_at"])
    notify_buyer(
        rfq,
        _("New quote on “%(name)s”") % {"name": rfq.product_name},
        _("%(n)s of %(max)s quotes received.") % {"n": rfq.quote_count, "max": MAX_QUOTES},
    )
    return quote


@transaction.atomic
def quote_revise(
    *,
    membership: Membership,
    quote_id: int,
    data: QuoteInput,
    uploads: Sequence[UploadedFile] | None = None,
    now: datetime | None = None,
) -> Quote:
    """The one revision a quote allows; the first version stays visible to the buyer."""
    membership = _require_quoter(membership)
    now = now or timezone.now()
    quote = selectors.access_supplier_quote(membership, quote_id, for_update=True)
    if quote.revision >= 1:
        raise BusinessError(_("A quote can be revised only once, and this one already was."))
    if quote.status != QuoteStatus.SUBMITTED:
        raise BusinessError(_("The buyer has decided on this quote; it can no longer change."))
    if quote.rfq.effective_status(now) != RfqStatus.OPEN:
        raise BusinessError(_("This RFQ is no longer open for quotes."))
    original = terms_snapshot(quote)
    _apply_quote(quote, data, quote.rfq, timezone.localdate(now))
    files = clean_attachments(uploads)
    if quote.attachments.count() + len(files) > 5:
        raise BusinessError(_("A quote keeps at most 5 files."), field="attachments")
    quote.original = original
    quote.revision = 1
    quote.revised_at = now
    quote.seen_by_buyer_at = None
    quote.save()
    _save_attachments(QuoteAttachment, "quote", quote, files)
    notify_buyer(
        quote.rfq,
        _("A quote on “%(name)s” was revised") % {"name": quote.rfq.product_name},
        quote.supplier.name,
    )
    return quote


def _buyer_quote(membership: Membership, quote_id: int) -> Quote:
    return selectors.access_buyer_quote(membership, quote_id, for_update=True)


@transaction.atomic
def quote_shortlist(*, membership: Membership, quote_id: int, shortlisted: bool = True) -> Quote:
    quote = _buyer_quote(membership, quote_id)
    if quote.status in (QuoteStatus.REJECTED, QuoteStatus.DECLINED) and shortlisted:
        raise BusinessError(_("A rejected quote cannot be shortlisted."))
    changed = quote.shortlisted != shortlisted
    quote.shortlisted = shortlisted
    quote.save(update_fields=["shortlisted", "updated_at"])
    if shortlisted and changed:  # shortlisting again (a resend, a second click) tells no one
        notify_supplier(
            quote,
            _("Your quote on “%(name)s” was shortlisted") % {"name": quote.rfq.product_name},
        )
    return quote


@transaction.atomic
def quote_reject(*, membership: Membership, quote_id: int, reason: str) -> Quote:
    quote = _buyer_quote(membership, quote_id)
    if quote.status != QuoteStatus.SUBMITTED:
        raise BusinessError(_("Only a quote still waiting for your decision can be rejected."))
    quote.rejection_reason = clean_text(reason, field="reason", max_length=500, label=_("Reason"))
    quote.status = QuoteStatus.REJECTED
    quote.shortlisted = False
    quote.decided_at = timezone.now()
    quote.save()
    notify_supplier(
        quote,
        _("Your quote on “%(name)s” was rejected") % {"name": quote.rfq.product_name},
        quote.rejection_reason,
    )
    return quote


@transaction.atomic
def quote_rate(*, membership: Membership, quote_id: int, rating: int) -> Quote:
    quote = _buyer_quote(membership, quote_id)
    try:
        rating = int(rating)
    except (TypeError, ValueError):
        rating = 0
    if not 1 <= rating <= 5:
        raise BusinessError(_("Rate from 1 to 5 stars."), field="rating")
    quote.rating = rating
    quote.save(update_fields=["rating", "updated_at"])
    notify_supplier(
        quote,
        _("Your quote on “%(name)s” was rated %(n)s of 5")
        % {"name": quote.rfq.product_name, "n": rating},
    )
    return quote


@transaction.atomic
def quote_accept(
    *,
    membership: Membership,
    quote_id: int,
    revision: int | None = None,
    now: datetime | None = None,
) -> Any:
    """Accepts the quote: the others are declined, the RFQ closes, an order draft is prepared.

    Idempotent: accepting the accepted quote again answers the same draft. ``revision`` is the
    version the buyer saw: when the supplier revised the quote since, nothing is accepted.
    """
    from hansa.orders.services import order_draft_from_quote

    now = now or timezone.now()
    quote = selectors.access_buyer_quote(membership, quote_id)
    rfq = Rfq.objects.select_for_update().get(pk=quote.rfq_id)  # one decision at a time
    quote = Quote.objects.select_for_update().select_related("rfq", "supplier").get(pk=quote.pk)
    if quote.status == QuoteStatus.ACCEPTED:
        return order_draft_from_quote(quote=quote, user=membership.user)
    if revision is not None and revision != quote.revision:
        # Revised while the buyer was deciding: the order draft must hold terms they have seen.
        raise BusinessError(
            _("A quote on “%(name)s” was revised") % {"name": rfq.product_name}, field="revision"
        )
    if rfq.quotes.filter(status=QuoteStatus.ACCEPTED).exists():
        raise BusinessError(_("You have already accepted another quote on this RFQ."))
    if quote.status != QuoteStatus.SUBMITTED:
        raise BusinessError(_("A rejected quote cannot be accepted."))
    if rfq.status not in (RfqStatus.OPEN, RfqStatus.EXPIRED):
        raise BusinessError(_("This RFQ is closed."))
    if quote.valid_until < now.astimezone(UTC).date():
        # The supplier's offer no longer binds it: the order draft would hold stale terms.
        raise BusinessError(
            _(
                "This quote was valid until %(date)s. Ask the supplier in the quote's thread to "
                "renew it before you accept."
            )
            % {"date": date_format(quote.valid_until)},
            field="quote",
        )
    quote.status = QuoteStatus.ACCEPTED
    quote.decided_at = now
    quote.save()
    others = list(rfq.quotes.filter(status=QuoteStatus.SUBMITTED).exclude(pk=quote.pk))
    rfq.quotes.filter(pk__in=[q.pk for q in others]).update(
        status=QuoteStatus.DECLINED, decided_at=now, shortlisted=False
    )
    rfq.status = RfqStatus.CLOSED
    rfq.closed_at = now
    rfq.close_reason = "accepted"
    rfq.save(update_fields=["status", "closed_at", "close_reason", "updated_at"])
    draft = order_draft_from_quote(quote=quote, user=membership.user)
    notify_supplier(
        quote,
        _("Your quote on “%(name)s” was accepted") % {"name": rfq.product_name},
        _("An order draft is ready."),
    )
    for other in others:
        notify_supplier(
            other,
            _("The buyer chose another quote on “%(name)s”") % {"name": rfq.product_name},
        )
    return draft


@transaction.atomic
def quote_message_post(*, membership: Membership, quote_id: int, body: str) -> QuoteMessage:
    """A question or an answer in the quote's thread, from whichever side the caller is."""
    if membership is None:
        raise Forbidden()
    quote, from_buyer = selectors.access_quote_either_side(membership, quote_id)
    text = clean_text(body, field="body", max_length=2000, label=_("Message"))
    recent = QuoteMessage.objects.filter(
        author=membership.user, created_at__gte=timezone.now() - timedelta(minutes=1)
    ).count()
    if recent >= 10:
        raise BusinessError(_("You are sending messages too fast; wait a minute."), field="body")
    message = QuoteMessage.objects.create(
        quote=quote, author=membership.user, from_buyer=from_buyer, body=text
    )
    title = _("New message about “%(name)s”") % {"name": quote.rfq.product_name}
    if from_buyer:
        notify_supplier(quote, title, text[:200])
    else:
        notify_buyer(quote.rfq, title, text[:200])
    return message


def quotes_mark_seen(*, membership: Membership, rfq_id: int) -> int:
    rfq = selectors.access_buyer_rfq(membership, rfq_id)
    return rfq.quotes.filter(seen_by_buyer_at__isnull=True).update(seen_by_buyer_at=timezone.now())


# -- saved RFQ searches -------------------------------------------------------------------------


@transaction.atomic
def rfq_search_save(
    *,
    membership: Membership,
    params: selectors.MarketParams,
    name: str = "",
    frequency: str = Frequency.DAILY,
) -> SavedSearch:
    """A supplier's RFQ subscription ("my custom searches"), kept with the saved searches."""
    membership = _require_quoter(membership)
    user = membership.user
    if frequency not in Frequency.values:
        raise BusinessError(_("Choose how often to look for new matches."), field="frequency")
    name = " ".join((name or "").split()) or params.q or _("All RFQs")
    if len(name) > 120:
        raise BusinessError(_("Shorten the name to %(n)s characters.") % {"n": 120}, field="name")
    User.objects.select_for_update().filter(pk=user.pk).first()
    if SavedSearch.objects.filter(user=user).count() >= MAX_SAVED_SEARCHES:
        raise BusinessError(
            _("You can keep at most %(n)s saved searches. Delete one you no longer need.")
            % {"n": MAX_SAVED_SEARCHES}
        )
    stored = params.to_dict()
    twin = SavedSearch.objects.filter(user=user, target=Target.RFQ, params=stored).first()
    if twin is not None:
        raise BusinessError(
            _("You have already saved this search as “%(name)s”.") % {"name": twin.name}
        )
    return SavedSearch.objects.create(
        user=user,
        name=name,
        target=Target.RFQ,
        params=stored,
        frequency=frequency,
        last_checked_at=timezone.now(),
    )
