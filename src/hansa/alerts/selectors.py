"""Reads on saved searches: a user's own, the ones due for a check, a search put in words."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from urllib.parse import urlencode

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django_countries import countries

from hansa.accounts.models import User
from hansa.alerts.models import Frequency, SavedSearch
from hansa.companies.choices import BusinessType
from hansa.core.errors import BusinessError, NotFound
from hansa.search.params import SearchParams
from hansa.trade.payments import PAYMENT_METHODS
from hansa.trade.regions import region_name

PERIODS = {Frequency.DAILY: timedelta(days=1), Frequency.WEEKLY: timedelta(days=7)}
# A check a little early (cron started a minute sooner than yesterday) still counts as due.
JITTER = timedelta(minutes=30)


def user_saved_searches(user: User) -> QuerySet[SavedSearch]:
    return SavedSearch.objects.filter(user=user).order_by("-created_at", "-id")


def access_saved_search(user: User, pk: int, *, for_update: bool = False) -> SavedSearch:
    """The user's own saved search; the same not-found for missing and someone else's."""
    rows = SavedSearch.objects.select_for_update() if for_update else SavedSearch.objects
    found = rows.filter(user=user, pk=pk).first()
    if found is None:
        raise NotFound()
    return found


def due_saved_searches(now: datetime) -> QuerySet[SavedSearch]:
    """Active saved searches whose daily or weekly check is due at ``now``."""
    due = Q()
    for frequency, period in PERIODS.items():
        due |= Q(frequency=frequency, last_checked_at__lte=now - period + JITTER)
    return SavedSearch.objects.filter(due, is_active=True, user__is_active=True).order_by(
        "last_checked_at", "pk"
    )


def search_params(saved: SavedSearch) -> SearchParams:
    """The stored search, parsed again (raises BusinessError if it is no longer valid)."""
    language = str(saved.params.get("language") or "en")
    return SearchParams.parse(saved.params, language=language)


def search_url(params: SearchParams) -> str:
    """The search page showing this search (a relative URL)."""
    items = params.querystring_items()
    if params.language and params.language != "en":
        items.append(("language", params.language))  # a Spanish search reopens in Spanish
    query = urlencode(items)
    return reverse("search:products") + (f"?{query}" if query else "")


def _number(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}"


def _range(low: Decimal | None, high: Decimal | None) -> str:
    if low is not None and high is not None:
        return f"{_number(low)} – {_number(high)}"
    if low is not None:
        return f"≥ {_number(low)}"
    return f"≤ {_number(high)}"


def describe(params: SearchParams) -> list[str]:
    """The search in words, one part per filter, in the active language."""
    from hansa.search.selectors import category_name

    parts = [f"“{params.q}”" if params.q else _("All products")]
    if params.category:
        name = category_name(params.category, params.language)
        parts.append(_("Category: %(name)s") % {"name": name})
    lists = (
        (_("Supplier country"), params.country, lambda c: str(countries.name(c) or c)),
        (_("Supplier region"), params.region, region_name),
        (_("Certifications"), params.certification, str),
        (
            _("Business type"),
            params.business_type,
            lambda v: str(BusinessType(v).label) if v in BusinessType.values else v,
        ),
        (_("Incoterms"), params.incoterm, str),
        (
            _("Payment"),
            params.payment,
            lambda v: PAYMENT_METHODS[v].short_name if v in PAYMENT_METHODS else v,
        ),
    )
    for label, values, name_of in lists:
        if values:
            parts.append(f"{label}: {', '.join(name_of(v) for v in values)}")
    if params.verified:
        parts.append(_("Verified suppliers"))
    if params.min_stars:
        parts.append(_("%(n)s stars and more") % {"n": params.min_stars})
    if params.ready_to_ship:
        parts.append(_("Ready to ship"))
    if params.price_min is not None or params.price_max is not None:
        parts.append(
            _("Price (USD): %(range)s") % {"range": _range(params.price_min, params.price_max)}
        )
    if params.moq_min is not None or params.moq_max is not None:
        parts.append(
            _("Minimum order: %(range)s") % {"range": _range(params.moq_min, params.moq_max)}
        )
    return parts


def saved_search_rows(user: User) -> list[dict[str, object]]:
    """The user's saved searches with each search in words and its search-page link."""
    rows: list[dict[str, object]] = []
    for saved in user_saved_searches(user):
        if saved.target == "rfq":
            rows.append(saved_search_row(saved))
            continue
        try:
            params = search_params(saved)
        except BusinessError:
            rows.append(
                {"saved": saved, "parts": [_("This search is no longer valid.")], "url": ""}
            )
            continue
        rows.append({"saved": saved, "parts": describe(params), "url": search_url(params)})
    return rows


def saved_search_row(saved: SavedSearch) -> dict[str, object]:
    """A saved RFQ search (suppliers' "my custom searches"), described by the rfqs app."""
    from hansa.rfqs.selectors import MarketParams, describe_market_search, market_search_url

    try:
        params = MarketParams.parse(saved.params)
    except BusinessError:
        return {"saved": saved, "parts": [_("This search is no longer valid.")], "url": ""}
    parts = [_("RFQs"), *describe_market_search(params)]
    return {"saved": saved, "parts": parts, "url": market_search_url(params)}
