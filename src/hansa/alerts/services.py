"""Writes on saved searches, and the alert checks that turn new matches into notifications.

A check asks the search engine for listings approved since the previous check
(``SearchParams.published_after``). The index follows the database a moment behind, so each
check looks ``OVERLAP`` further back than the previous check's moment and leaves out the
products that check already counted (``recent_ids``): a listing approved just before a check
but indexed just after it is found by the next check, and none is announced twice.

``run_due_alerts`` is safe to run twice at once (two cron jobs, a worker and the in-process
tick): each saved search is checked inside a transaction that first re-reads and locks its row
on the ``last_checked_at`` it saw, so the second runner finds the row moved on and skips it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hansa.accounts.models import User
from hansa.alerts import selectors
from hansa.alerts.models import MAX_SAVED_SEARCHES, Frequency, SavedSearch, Target
from hansa.catalog.listing_selectors import public_products
from hansa.catalog.models import Product
from hansa.catalog.snapshot import localized
from hansa.core.errors import BusinessError
from hansa.notifications.kinds import SAVED_SEARCH
from hansa.notifications.services import notify
from hansa.search.params import MAX_PER_PAGE, SearchParams

log = logging.getLogger(__name__)

NAME_MAX = 120
OVERLAP = timedelta(minutes=15)  # longer than the index ever lags the database
NAMED_IN_BODY = 3


@dataclass
class AlertRun:
    checked: int = 0
    notified: int = 0


# -- saved searches ---------------------------------------------------------------------------


def _clean_name(name: str | None, params: SearchParams) -> str:
    name = " ".join((name or "").split())
    if not name:
        name = params.q or _("All products")
        name = name[:NAME_MAX]
    if len(name) > NAME_MAX:
        raise BusinessError(
            _("Shorten the name to %(n)s characters.") % {"n": NAME_MAX}, field="name"
        )
    return name


def _check_frequency(frequency: str) -> str:
    if frequency not in Frequency.values:
        raise BusinessError(_("Choose how often to look for new matches."), field="frequency")
    return frequency


def _stored(params: SearchParams) -> dict:
    """What a saved search keeps: the search and its filters (no page, no alert window)."""
    return params.with_(published_after=None).to_dict()


def _refuse_duplicate(user: User, target: str, stored: dict, exclude: int | None = None) -> None:
    same = SavedSearch.objects.filter(user=user, target=target, params=stored)
    if exclude is not None:
        same = same.exclude(pk=exclude)
    twin = same.first()
    if twin is not None:
        raise BusinessError(
            _("You have already saved this search as “%(name)s”.") % {"name": twin.name}
        )


@transaction.atomic
def saved_search_create(
    *,
    user: User,
    name: str | None,
    params: SearchParams,
    frequency: str = Frequency.DAILY,
    target: str = Target.PRODUCT,
) -> SavedSearch:
    if target not in Target.values:
        raise BusinessError(_("This kind of search cannot be saved."), field="target")
    if target == Target.RFQ:  # RFQ searches have their own criteria: rfqs.services
        raise BusinessError(
            _(
                "Save RFQ searches from the RFQ market "
                "(API: POST /api/v1/rfqs/market/saved-searches)."
            ),
            field="target",
        )
    _check_frequency(frequency)
    name = _clean_name(name, params)
    User.objects.select_for_update().filter(pk=user.pk).first()  # one create at a time per user
    if SavedSearch.objects.filter(user=user).count() >= MAX_SAVED_SEARCHES:
        raise BusinessError(
            _("You can keep at most %(n)s saved searches. Delete one you no longer need.")
            % {"n": MAX_SAVED_SEARCHES}
        )
    stored = _stored(params)
    _refuse_duplicate(user, target, stored)
    return SavedSearch.objects.create(
        user=user,
        name=name,
        target=target,
        params=stored,
        frequency=frequency,
        last_checked_at=timezone.now(),
    )


def _restart(saved: SavedSearch, now: datetime) -> None:
    """Alerts start afresh from now: nothing older is announced."""
    saved.last_checked_at = now
    saved.last_match_count = None
    saved.recent_ids = []


@transaction.atomic
def saved_search_update(
    *,
    user: User,
    saved_id: int,
    name: str | None = None,
    frequency: str | None = None,
    params: SearchParams | None = None,
    is_active: bool | None = None,
) -> SavedSearch:
    """Changes what is given. A new search, or alerts switched back on, start from now."""
    saved = selectors.access_saved_search(user, saved_id, for_update=True)
    was_alerting = saved.is_active and saved.frequency != Frequency.OFF
    now = timezone.now()
    if params is not None:
        stored = _stored(params)
        if stored != saved.params:
            _refuse_duplicate(user, saved.target, stored, exclude=saved.pk)
            saved.params = stored
            _restart(saved, now)
    if name is not None:
        if saved.target == Target.RFQ:
            saved.name = _clean_name(name, SearchParams(q=str(saved.params.get("q") or "")))
        else:
            saved.name = _clean_name(name, params or selectors.search_params(saved))
    if frequency is not None:
        saved.frequency = _check_frequency(frequency)
    if is_active is not None:
        saved.is_active = is_active
    if not was_alerting and saved.is_active and saved.frequency != Frequency.OFF:
        _restart(saved, now)
    saved.save()
    return saved


@transaction.atomic
def saved_search_delete(*, user: User, saved_id: int) -> None:
    selectors.access_saved_search(user, saved_id).delete()


# -- alerts -----------------------------------------------------------------------------------


def _product_matches(params: SearchParams) -> tuple[int, list[Product]]:
    """The total and the first page of products matching exactly, newest first.

    Not ``search_products``: when a search finds fewer than three results the search page
    widens it (fuzzy spelling, then any one of the words), which is right for a person looking
    but wrong for an alert, whose narrow window nearly always finds few ("led panel" would
    announce LED strips). Hits are re-read through ``public_products()`` like the page does.
    """
    from hansa.search.engine import get_engine
    from hansa.search.selectors import engine_query

    result = get_engine().search(engine_query(params, facets=False))
    ids = [int(h.fields["id"]) for h in result.hits]
    found = public_products().filter(pk__in=ids).in_bulk()
    return result.total, [found[pk] for pk in ids if pk in found]


def _notify(saved: SavedSearch, params: SearchParams, count: int, titles: list[str]) -> None:
    user = saved.user
    with translation.override(user.language or params.language or settings.LANGUAGE_CODE):
        label = params.q or saved.name
        title = ngettext(
            "%(n)s new product for “%(search)s”",
            "%(n)s new products for “%(search)s”",
            count,
        ) % {"n": count, "search": label}
        body = ", ".join(titles[:NAMED_IN_BODY])
        if count > NAMED_IN_BODY:
            body += " " + _("and %(n)s more") % {"n": count - min(len(titles), NAMED_IN_BODY)}
    notify(
        user=user,
        kind=SAVED_SEARCH,
        title=title,
        body=body,
        url=selectors.search_url(params.with_(sort="newest")),
    )


@transaction.atomic
def check_saved_search(saved: SavedSearch, now: datetime | None = None) -> int:
    """Looks for listings approved since the last check; one notification if any. Returns the
    number of new matches. The caller locks the row when runs may overlap (``run_due_alerts``)."""
    now = now or timezone.now()
    if saved.target == Target.RFQ:
        from hansa.rfqs.alerts import check_rfq_saved_search

        return check_rfq_saved_search(saved, now)
    try:
        params = selectors.search_params(saved)
    except BusinessError as exc:
        # Stored before a rule changed: stop checking rather than fail every run.
        log.warning("Saved search %s is no longer valid (%s); deactivated", saved.pk, exc.message)
        saved.is_active = False
        saved.save(update_fields=["is_active", "updated_at"])
        return 0
    first_check = saved.last_match_count is None
    since = saved.last_checked_at if first_check else saved.last_checked_at - OVERLAP
    seen = set() if first_check else set(saved.recent_ids)
    window = params.with_(
        published_after=int(since.timestamp()), sort="newest", per_page=MAX_PER_PAGE
    )
    total, products = _product_matches(window)
    fresh = [p for p in products if p.pk not in seen]
    # Beyond one page the products are not all in hand: count the rest as new.
    count = len(fresh) if total <= MAX_PER_PAGE else max(len(fresh), total - len(seen))
    if count:
        language = params.language
        titles = [localized(p.published, language)["title"] for p in fresh]
        _notify(saved, params, count, titles)
    horizon = now - OVERLAP
    saved.recent_ids = [p.pk for p in products if p.published_at and p.published_at > horizon]
    saved.last_checked_at = now
    saved.last_match_count = count
    saved.save(update_fields=["recent_ids", "last_checked_at", "last_match_count", "updated_at"])
    return count


def run_due_alerts(now: datetime | None = None) -> AlertRun:
    """Checks every active saved search whose daily or weekly check is due."""
    now = now or timezone.now()
    run = AlertRun()
    due = list(selectors.due_saved_searches(now).values_list("pk", "last_checked_at"))
    for pk, seen_at in due:
        try:
            with transaction.atomic():
                saved = (
                    SavedSearch.objects.select_for_update(of=("self",))
                    .select_related("user")
                    .filter(pk=pk, last_checked_at=seen_at, is_active=True)
                    .first()
                )
                if saved is None:
                    continue  # checked by another runner meanwhile, changed or deleted
                found = check_saved_search(saved, now)
            run.checked += 1
            run.notified += 1 if found else 0
        except Exception:
            log.exception("Saved search %s could not be checked; will retry", pk)
    return run
