"""Notification e-mails: one message per user listing what is new, at the user's chosen pace.

``send_digests(frequency="daily")`` e-mails every user whose unsent notifications include kinds
they want daily. It is safe to call as often as one likes (from cron, Celery beat or the
in-process tick): a user gets at most one daily digest per day and one weekly digest per week
(``DigestLog``), and each notification is e-mailed once (``emailed_at``).

Per user, the notifications are claimed in one short transaction (``emailed_at`` set and the
``DigestLog`` row written together), then the e-mail is sent outside it so that a slow mail
server never holds a database lock. If sending fails the claim is undone and the next run tries
again. Notifications the user has already read in the app, or older than ``MAX_AGE``, are not
e-mailed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hansa.accounts.models import User
from hansa.notifications import selectors
from hansa.notifications.kinds import KINDS
from hansa.notifications.models import DigestLog, EmailFrequency, Notification

log = logging.getLogger(__name__)

PERIODS = {
    EmailFrequency.IMMEDIATE: timedelta(0),
    EmailFrequency.DAILY: timedelta(days=1),
    EmailFrequency.WEEKLY: timedelta(days=7),
}
JITTER = timedelta(minutes=30)  # a run a little early (cron, ticks) still counts as on time
MAX_AGE = timedelta(days=14)
MAX_ITEMS = 30  # listed in one e-mail; the rest are counted ("and 4 more")


@dataclass
class _Claim:
    user: User
    frequency: str
    items: list[Notification]
    log: DigestLog


def public_url(path: str) -> str:
    base = getattr(settings, "HANSA_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
    return base + path


def _pending(now: datetime):
    return Notification.objects.filter(
        emailed_at__isnull=True,
        read_at__isnull=True,
        created_at__gte=now - MAX_AGE,
        created_at__lte=now,
        user__is_active=True,
    )


def _kinds_due(frequency: str, now: datetime) -> dict[int, set[str]]:
    """For each user with something to send at this frequency, the kinds to send."""
    pairs = set(_pending(now).values_list("user_id", "kind").distinct())
    prefs = selectors.email_frequencies(uid for uid, _kind in pairs)
    out: dict[int, set[str]] = {}
    for uid, kind in pairs:
        if kind in KINDS and prefs[uid].get(kind) == frequency:
            out.setdefault(uid, set()).add(kind)
    return out


@transaction.atomic
def _claim(user_id: int, kinds: set[str], frequency: str, now: datetime) -> _Claim | None:
    user = User.objects.select_for_update().get(pk=user_id)  # one digest per user at a time
    period = PERIODS[frequency]
    if (
        period
        and DigestLog.objects.filter(
            user=user, frequency=frequency, sent_at__gt=now - period + JITTER
        ).exists()
    ):
        return None  # this period's digest went out already
    items = list(_pending(now).filter(user=user, kind__in=kinds).order_by("created_at", "id"))
    if not items:
        return None
    Notification.objects.filter(pk__in=[n.pk for n in items]).update(emailed_at=now)
    entry = DigestLog.objects.create(user=user, frequency=frequency, sent_at=now, count=len(items))
    return _Claim(user=user, frequency=frequency, items=items, log=entry)


def _undo(claim: _Claim) -> None:
    with transaction.atomic():
        Notification.objects.filter(
            pk__in=[n.pk for n in claim.items], emailed_at=claim.log.sent_at
        ).update(emailed_at=None)
        claim.log.delete()


def render_digest(user: User, items: list[Notification], frequency: str) -> EmailMultiAlternatives:
    """The e-mail in the user's language (the site's default when they chose none)."""
    with translation.override(user.language or settings.LANGUAGE_CODE):
        n = len(items)
        if n == 1:
            subject = _("%(site)s: %(title)s") % {
                "site": settings.SITE_NAME,
                "title": items[0].title,
            }
        else:
            subject = ngettext(
                "%(site)s: %(n)s new notification",
                "%(site)s: %(n)s new notifications",
                n,
            ) % {"site": settings.SITE_NAME, "n": n}
        context = {
            "user": user,
            "site_name": settings.SITE_NAME,
            "frequency": frequency,
            "items": [
                {"title": i.title, "body": i.body, "url": public_url(i.url) if i.url else ""}
                for i in items[:MAX_ITEMS]
            ],
            "more": max(0, n - MAX_ITEMS),
            "list_url": public_url(reverse("notifications:list")),
            "preferences_url": public_url(reverse("notifications:preferences")),
        }
        text = render_to_string("notifications/email/digest.txt", context)
        html = render_to_string("notifications/email/digest.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[user.email])
    message.attach_alternative(html, "text/html")
    return message


def send_digests(
    *, frequency: str, now: datetime | None = None, user_ids: set[int] | None = None
) -> int:
    """E-mails each user due a ``frequency`` digest (or only ``user_ids``); returns how many."""
    if frequency not in PERIODS:
        raise ValueError(f"No digest is sent for frequency {frequency!r}")
    now = now or timezone.now()
    sent = 0
    for user_id, kinds in sorted(_kinds_due(frequency, now).items()):
        if user_ids is not None and user_id not in user_ids:
            continue
        claim = _claim(user_id, kinds, frequency, now)
        if claim is None:
            continue
        try:
            render_digest(claim.user, claim.items, frequency).send()
        except Exception:
            log.exception("Notification e-mail to user %s failed; will retry", user_id)
            _undo(claim)
            continue
        sent += 1
    return sent


def send_all_digests(now: datetime | None = None) -> int:
    """Immediate, daily and weekly e-mails that are due now (what a periodic run calls)."""
    now = now or timezone.now()
    return sum(send_digests(frequency=f, now=now) for f in PERIODS)
