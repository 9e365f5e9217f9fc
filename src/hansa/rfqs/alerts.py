"""Saved RFQ searches: the alerts app's due-check calls ``check_rfq_saved_search`` for them."""

from __future__ import annotations

import logging
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hansa.alerts.models import SavedSearch
from hansa.companies.models import Membership
from hansa.core.errors import BusinessError
from hansa.notifications.kinds import RFQ_MATCH
from hansa.notifications.services import notify
from hansa.rfqs.selectors import MarketParams, market_rfqs, market_search_url

log = logging.getLogger(__name__)
NAMED_IN_BODY = 3


@transaction.atomic
def check_rfq_saved_search(saved: SavedSearch, now: datetime | None = None) -> int:
    """RFQs approved since the last check that match; one notification if any."""
    now = now or timezone.now()
    try:
        params = MarketParams.parse(saved.params)
    except BusinessError as exc:
        log.warning("Saved RFQ search %s is no longer valid (%s)", saved.pk, exc.message)
        saved.is_active = False
        saved.save(update_fields=["is_active", "updated_at"])
        return 0
    membership = (
        Membership.objects.select_related("company")
        .filter(user_id=saved.user_id, is_active=True)
        .first()
    )
    if membership is None or not membership.company.is_active or not membership.company.is_supplier:
        # A deactivated member (or one whose company no longer supplies) hears of no RFQs;
        # without a membership market_rfqs would not even leave out their own company's.
        saved.last_checked_at = now
        saved.last_match_count = 0
        saved.save(update_fields=["last_checked_at", "last_match_count", "updated_at"])
        return 0
    rows = market_rfqs(params, membership, now).filter(
        approved_at__gt=saved.last_checked_at, approved_at__lte=now
    )
    found = list(rows.values_list("product_name", flat=True)[:50])
    count = len(found)
    if count:
        title = ngettext(
            "%(n)s new RFQ for “%(search)s”", "%(n)s new RFQs for “%(search)s”", count
        ) % {"n": count, "search": saved.name}
        body = ", ".join(found[:NAMED_IN_BODY])
        if count > NAMED_IN_BODY:
            body += " " + _("and %(n)s more") % {"n": count - NAMED_IN_BODY}
        notify(
            user=saved.user, kind=RFQ_MATCH, title=title, body=body, url=market_search_url(params)
        )
    saved.last_checked_at = now
    saved.last_match_count = count
    saved.save(update_fields=["last_checked_at", "last_match_count", "updated_at"])
    return count
