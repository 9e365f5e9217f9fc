"""Reads on RFQs and quotes, and the access helpers that keep each side to its own.

- the buyer company sees its RFQs in full, with every quote on them: its owner and admins all
  of them, any other member those they posted;
- a supplier sees the *public part* of approved RFQs (``PublicRfq``: never the buyer's name,
  people or quotes of others, only the buyer's country and whether it is verified) and only its
  own quotes; a sales rep sees only the quotes they sent, the owner and admins all of them;
- anything else answers the same not-found, whether missing or not theirs.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlencode

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries

from hansa.accounts.models import User
from hansa.catalog.models import Category
from hansa.companies.models import Membership
from hansa.companies.roles import Role
from hansa.core.errors import BusinessError, NotFound
from hansa.rfqs.models import MAX_QUOTES, Quote, QuoteStatus, Rfq, RfqMatch, RfqStatus, SourcingType
from hansa.trade import fx

REVIEW_PERMISSIONS = ("catalog.review_listing", "verification.review_verification")
MARKET_PAGE = 20
BUYER_MANAGERS = (Role.OWNER, Role.ADMIN)
POSTED_WITHIN = {"1": 1, "3": 3, "7": 7, "30": 30}


def is_rfq_reviewer(user: User | None) -> bool:
    """Operator staff with the listing-review or the verification role review RFQs."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_staff
        and any(user.has_perm(p) for p in REVIEW_PERMISSIONS)
    )


# -- buyer side -------------------------------------------------------------------------------


def buyer_rfq_rule(membership: Membership, prefix: str = "") -> Q:
    """The buying company's RFQs the caller may see: the owner and admins all of them, any
    other member the ones they posted (ARCHITECTURE.md, Negotiation)."""
    rule = Q(**{f"{prefix}buyer_company_id": membership.company_id})
    if membership.role not in BUYER_MANAGERS:
        rule &= Q(**{f"{prefix}created_by_id": membership.user_id})
    return rule


def buyer_rfqs(membership: Membership) -> QuerySet[Rfq]:
    new_quotes = Quote.objects.filter(rfq=OuterRef("pk"), seen_by_buyer_at__isnull=True)
    return (
        Rfq.objects.filter(buyer_rfq_rule(membership))
        .select_related("category", "destination_port")
        .annotate(has_new=Exists(new_quotes))
    )


def access_buyer_rfq(membership: Membership, pk: int, *, for_update: bool = False) -> Rfq:
    rows = Rfq.objects.select_for_update(of=("self",)) if for_update else Rfq.objects
    try:
        return rows.select_related("category", "destination_port").get(
            buyer_rfq_rule(membership), pk=pk
        )
    except (Rfq.DoesNotExist, ValueError, TypeError):
        raise NotFound() from None


def access_buyer_quote(membership: Membership, pk: int, *, for_update: bool = False) -> Quote:
    rows = Quote.objects.select_for_update(of=("self",)) if for_update else Quote.objects
    try:
        return rows.select_related("rfq", "supplier", "port").get(
            buyer_rfq_rule(membership, "rfq__"), pk=pk
        )
    except (Quote.DoesNotExist, ValueError, TypeError):
        raise NotFound() from None


def rfq_quotes(rfq: Rfq) -> list[Quote]:
    return list(
        rfq.quotes.select_related("supplier", "port")
        .prefetch_related("attachments", "messages")
        .order_by("created_at", "id")
    )


# -- supplier side ----------------------------------------------------------------------------


def supplier_quotes(membership: Membership) -> QuerySet[Quote]:
    rows = Quote.objects.filter(supplier_id=membership.company_id)
    if membership.role == Role.SALES_REP:
        rows = rows.filter(created_by_id=membership.user_id)
    return rows.select_related("rfq", "rfq__category", "port").order_by("-created_at", "-id")


def access_supplier_quote(membership: Membership, pk: int, *, for_update: bool = False) -> Quote:
    rows = supplier_quotes(membership)
    if for_update:
        rows = rows.select_for_update(of=("self",))
    try:
        return rows.get(pk=pk)
    except (Quote.DoesNotExist, ValueError, TypeError):
        raise NotFound() from None


def access_quote_either_side(membership: Membership, pk: int) -> tuple[Quote, bool]:
    """The quote and whether the caller is its buyer (else its supplier); not-found otherwise."""
    try:
        return access_buyer_quote(membership, pk), True
    except NotFound:
        return access_supplier_quote(membership, pk), False


def _visible_to_suppliers() -> Q:
    return Q(status__in=[RfqStatus.OPEN, RfqStatus.CLOSED, RfqStatus.EXPIRED])


def access_market_rfq(membership: Membership, pk: int, now: datetime | None = None) -> Rfq:
    """An RFQ's public part for a supplier: open ones, and those it quoted on or was matched to."""
    now = now or timezone.now()
    try:
        rfq = (
            Rfq.objects.filter(_visible_to_suppliers())
            .select_related("category", "destination_port", "buyer_company")
            .get(pk=pk)
        )
    except (Rfq.DoesNotExist, ValueError, TypeError):
        raise NotFound() from None
    if rfq.buyer_company_id == membership.company_id:
        return rfq
    if rfq.effective_status(now) != RfqStatus.OPEN and not (
        Quote.objects.filter(rfq=rfq, supplier_id=membership.company_id).exists()
        or RfqMatch.objects.filter(rfq=rfq, supplier_id=membership.company_id).exists()
    ):
        raise NotFound()
    return rfq


@dataclass
class PublicRfq:
    """What a supplier may know about an RFQ (no buyer name, people or other quotes)."""

    id: int
    product_name: str
    category: str
    category_id: int
    requirements: str
    quantity: Decimal
    unit: str
    unit_label: str
    target_price: Decimal | None
    currency: str
    destination_country: str
    destination_country_name: str
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
    attachments: list[dict[str, Any]] = field(default_factory=list)


def public_attachment_name(rfq: Rfq, attachment: Any) -> str:
    """An RFQ file's name for suppliers: the buyer's own file name often says who they are
    ("Nordlicht Import GmbH - LED tender.pdf"), so they get a neutral one with the same type."""
    extension = PurePosixPath(attachment.name).suffix  # the checked extension (core.attachments)
    return f"rfq-{rfq.pk}-file-{attachment.pk}{extension}"


def public_rfq(rfq: Rfq) -> PublicRfq:
    return PublicRfq(
        id=rfq.pk,
        product_name=rfq.product_name,
        category=rfq.category.name,
        category_id=rfq.category_id,
        requirements=rfq.requirements,
        quantity=rfq.quantity,
        unit=rfq.unit,
        unit_label=rfq.get_unit_display(),
        target_price=rfq.target_price,
        currency=rfq.currency,
        destination_country=str(rfq.destination_country),
        destination_country_name=str(rfq.destination_country.name),
        destination_port=str(rfq.destination_port) if rfq.destination_port_id else "",
        incoterm=rfq.incoterm,
        payment_method=rfq.payment_method,
        sourcing_type=rfq.sourcing_type,
        certifications=list(rfq.certifications),
        posted_at=rfq.approved_at,
        valid_until=rfq.valid_until,
        status=rfq.state,
        quotes_left=rfq.quotes_left,
        buyer_verified=rfq.buyer_company.is_verified,
        attachments=[
            {"id": a.pk, "name": public_attachment_name(rfq, a), "size": a.size}
            for a in rfq.attachments.all()
        ],
    )


@dataclass(frozen=True)
class MarketParams:
    """The RFQ market's search and filters (also what a saved RFQ search keeps)."""

    q: str = ""
    category: str = ""  # a category code: the category and everything under it
    country: str = ""  # destination country
    qty_min: Decimal | None = None
    qty_max: Decimal | None = None
    posted_within: str = ""  # days, one of POSTED_WITHIN
    quotes_left_min: int | None = None
    sourcing_type: str = ""
    page: int = 1

    @classmethod
    def parse(cls, data: Any) -> MarketParams:
        def text(key: str, limit: int = 100) -> str:
            return " ".join(str(data.get(key) or "").split())[:limit]

        def number(key: str) -> Decimal | None:
            raw = text(key, 30)
            if not raw:
                return None
            try:
                value = Decimal(raw)
            except ArithmeticError:
                raise BusinessError(_("Enter a number."), field=key) from None
            if not value.is_finite() or value < 0:
                raise BusinessError(_("Enter a number."), field=key)
            return value

        category = text("category", 80)
        if category and not Category.objects.filter(code=category).exists():
            raise BusinessError(_("Unknown category."), field="category")
        country = text("country", 2).upper()
        if country and country not in dict(countries):
            raise BusinessError(_("Unknown country."), field="country")
        posted = text("posted_within", 3)
        if posted and posted not in POSTED_WITHIN:
            raise BusinessError(_("Choose a period."), field="posted_within")
        left = text("quotes_left_min", 3)
        try:
            quotes_left_min = int(left) if left else None
        except ValueError:
            raise BusinessError(_("Enter a number."), field="quotes_left_min") from None
        sourcing = text("sourcing_type", 10)
        if sourcing and sourcing not in SourcingType.values:
            raise BusinessError(_("Choose one-time or regular purchase."), field="sourcing_type")
        try:
            page = max(1, int(text("page", 5) or 1))
        except ValueError:
            page = 1
        return cls(
            q=text("q"),
            category=category,
            country=country,
            qty_min=number("qty_min"),
            qty_max=number("qty_max"),
            posted_within=posted,
            quotes_left_min=quotes_left_min,
            sourcing_type=sourcing,
            page=page,
        )

    def to_dict(self) -> dict[str, str]:
        """The filters as strings, without the page and empty values (stable for comparison)."""
        out = {}
        for key, value in asdict(self).items():
            if key == "page" or value in (None, ""):
                continue
            out[key] = f"{value.normalize():f}" if isinstance(value, Decimal) else str(value)
        return out

    def querystring(self) -> str:
        return urlencode(self.to_dict())


def market_rfqs(
    params: MarketParams, membership: Membership | None = None, now: datetime | None = None
) -> QuerySet[Rfq]:
    """Open RFQs matching the filters; "matched for you" first when a supplier asks."""
    now = now or timezone.now()
    rows = Rfq.objects.filter(status=RfqStatus.OPEN, valid_until__gt=now).select_related(
        "category", "destination_port", "buyer_company"
    )
    if membership is not None:
        rows = rows.exclude(buyer_company_id=membership.company_id)
    if params.q:
        for word in params.q.split()[:8]:
            rows = rows.filter(Q(product_name__icontains=word) | Q(requirements__icontains=word))
    if params.category:
        category = Category.objects.get(code=params.category)
        rows = rows.filter(
            Q(category__path=category.path) | Q(category__path__startswith=category.path + "/")
        )
    if params.country:
        rows = rows.filter(destination_country=params.country)
    if params.qty_min is not None:
        rows = rows.filter(quantity__gte=params.qty_min)
    if params.qty_max is not None:
        rows = rows.filter(quantity__lte=params.qty_max)
    if params.posted_within:
        rows = rows.filter(
            approved_at__gte=now - timedelta(days=POSTED_WITHIN[params.posted_within])
        )
    if params.quotes_left_min is not None:
        rows = rows.filter(quote_count__lte=MAX_QUOTES - params.quotes_left_min)
    if params.sourcing_type:
        rows = rows.filter(sourcing_type=params.sourcing_type)
    if membership is not None:
        matched = RfqMatch.objects.filter(rfq=OuterRef("pk"), supplier_id=membership.company_id)
        quoted = Quote.objects.filter(rfq=OuterRef("pk"), supplier_id=membership.company_id)
        rows = rows.annotate(matched=Exists(matched), quoted=Exists(quoted)).order_by(
            "-matched", "-approved_at", "-id"
        )
    else:
        rows = rows.order_by("-approved_at", "-id")
    return rows


def market_search_url(params: MarketParams) -> str:
    query = params.querystring()
    return reverse("rfqs:market") + (f"?{query}" if query else "")


def describe_market_search(params: MarketParams) -> list[str]:
    parts = [f"“{params.q}”" if params.q else _("All RFQs")]
    if params.category:
        category = Category.objects.filter(code=params.category).first()
        parts.append(
            _("Category: %(name)s") % {"name": category.name if category else params.category}
        )
    if params.country:
        parts.append(_("Destination: %(c)s") % {"c": countries.name(params.country)})
    if params.qty_min is not None or params.qty_max is not None:
        low = "" if params.qty_min is None else f"{params.qty_min.normalize():f}"
        high = "" if params.qty_max is None else f"{params.qty_max.normalize():f}"
        parts.append(_("Quantity: %(low)s – %(high)s") % {"low": low, "high": high})
    if params.posted_within:
        parts.append(_("Posted in the last %(n)s days") % {"n": params.posted_within})
    if params.quotes_left_min is not None:
        parts.append(_("At least %(n)s quotes left") % {"n": params.quotes_left_min})
    if params.sourcing_type:
        parts.append(str(SourcingType(params.sourcing_type).label))
    return parts


# -- comparing quotes -------------------------------------------------------------------------


def common_currency(rfq: Rfq, quotes: list[Quote]) -> str:
    """The currency quotes are compared in: the RFQ's target currency, else the most quoted."""
    if rfq.target_price is not None:
        return rfq.currency
    seen = [q.currency for q in quotes]
    return max(set(seen), key=seen.count) if seen else rfq.currency


def convert(amount: Decimal | None, source: str, target: str) -> Decimal | None:
    """``amount`` from one currency into another at the indicative reference rates."""
    if amount is None:
        return None
    if source == target:
        return Decimal(amount)
    usd = fx.to_usd(amount, source)
    rate = fx.USD_RATES.get(target)
    if usd is None or rate is None:
        return None
    value = usd * rate
    # An indicative figure: cents for ordinary prices, four decimals below one unit.
    return value.quantize(Decimal("0.01") if abs(value) >= 1 else Decimal("0.0001"))


def supplier_facts(company_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Verified flag, stars and the inquiry response rate (percent) of each quoting supplier."""
    from hansa.companies.models import Company
    from hansa.inquiries.selectors import response_rates

    rates = response_rates(company_ids)
    return {
        c.pk: {
            "verified": c.is_verified,
            "stars": c.star_rating,
            "response_rate": round(rates[c.pk] * 100) if c.pk in rates else None,
        }
        for c in Company.objects.filter(pk__in=company_ids)
    }


def compare_rows(rfq: Rfq, quotes: list[Quote]) -> dict[str, Any]:
    """One column per quote with its terms, the unit price also in a common currency."""
    currency = common_currency(rfq, quotes)
    facts = supplier_facts([q.supplier_id for q in quotes])
    columns = []
    for q in quotes:
        converted = convert(q.unit_price, q.currency, currency)
        columns.append(
            {
                "quote": q,
                "converted": converted,
                "facts": facts.get(q.supplier_id, {}),
            }
        )
    prices = [
        c["converted"]
        for c in columns
        if c["converted"] is not None
        and c["quote"].status in (QuoteStatus.SUBMITTED, QuoteStatus.ACCEPTED)
    ]
    best = min(prices) if prices else None
    leads = [c["quote"].lead_time_days for c in columns]
    for c in columns:
        c["best_price"] = best is not None and c["converted"] == best and len(columns) > 1
        c["best_lead"] = (
            bool(leads) and c["quote"].lead_time_days == min(leads) and len(columns) > 1
        )
    return {"currency": currency, "columns": columns, "rates_as_of": fx.REFERENCE_RATES_AS_OF}


# -- operator ---------------------------------------------------------------------------------


def review_queue() -> QuerySet[Rfq]:
    return (
        Rfq.objects.filter(status=RfqStatus.PENDING)
        .select_related("buyer_company", "category", "created_by")
        .order_by("created_at", "id")
    )
