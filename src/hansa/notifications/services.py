"""Writes: create a notification, mark notifications read, set a preference.

Any app notifies a user with ``notify(user=..., kind=..., title=..., body=..., url=...)``; the
kind must be in ``kinds.KINDS``. Whether it shows in the app and how it is e-mailed is the
user's preference for the kind; the e-mails themselves go out in ``digests.send_digests``.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hansa.accounts.models import User
from hansa.core.errors import BusinessError
from hansa.notifications import selectors
from hansa.notifications.kinds import kind_of
from hansa.notifications.models import EmailFrequency, Notification, NotificationPreference

TITLE_MAX = 200
BODY_MAX = 500


def _shorten(text: str, limit: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _check_url(url: str) -> str:
    """Only links inside the site: a path, never another host (``//evil``) or a scheme."""
    if url and (not url.startswith("/") or url.startswith("//") or "\\" in url):
        raise ValueError(f"A notification links to a path of this site, not {url!r}")
    return url


@transaction.atomic
def notify(
    *, user: User, kind: str, title: str, body: str = "", url: str = ""
) -> Notification | None:
    """A notification for ``user``; None when the user turned this kind off everywhere."""
    kind_of(kind)
    pref = selectors.preference(user, kind)
    if not pref.in_app and pref.email == EmailFrequency.OFF:
        return None
    notification = Notification.objects.create(
        user=user,
        kind=kind,
        title=_shorten(title, TITLE_MAX),
        body=_shorten(body, BODY_MAX),
        url=_check_url(url),
        in_app=pref.in_app,
    )
    if pref.email == EmailFrequency.IMMEDIATE and not settings.CELERY_TASK_ALWAYS_EAGER:
        # With a worker the e-mail leaves now; without one the next tick sends it.
        from hansa.notifications.tasks import send_immediate

        transaction.on_commit(lambda: send_immediate.delay(user.pk))
    return notification


def mark_read(*, user: User, ids: Iterable[int] | None = None, all: bool = False) -> int:
    """Marks the user's notifications read (the given ids, or all); returns how many changed.

    Ids of other users' notifications are ignored, so nobody learns whether they exist.
    """
    rows = Notification.objects.filter(user=user, read_at__isnull=True)
    if not all:
        wanted = {int(i) for i in (ids or ())}
        if not wanted:
            raise BusinessError(_("Choose the notifications to mark as read."), field="ids")
        rows = rows.filter(pk__in=wanted)
    return rows.update(read_at=timezone.now())


def notification_open(*, user: User, notification_id: int) -> Notification | None:
    """The user's notification, marked read; None when it is not theirs or does not exist."""
    notification = Notification.objects.filter(user=user, pk=notification_id).first()
    if notification is not None and notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def preference_set(
    *, user: User, kind: str, email: str, in_app: bool = True
) -> NotificationPreference:
    kind_of(kind)
    if email not in EmailFrequency.values:
        raise BusinessError(_("Choose how often to send e-mails from the list."), field="email")
    pref, _created = NotificationPreference.objects.update_or_create(
        user=user, kind=kind, defaults={"email": email, "in_app": in_app}
    )
    return pref
