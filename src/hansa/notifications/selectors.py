"""Reads: a user's notifications, the unread count, preferences with their defaults."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet

from hansa.accounts.models import User
from hansa.notifications.kinds import KINDS, kind_of
from hansa.notifications.models import Notification, NotificationPreference


def user_notifications(user: User, *, unread_only: bool = False) -> QuerySet[Notification]:
    """What the user sees in the app, newest first (kinds turned off in the app are left out)."""
    rows = Notification.objects.filter(user=user, in_app=True)
    if unread_only:
        rows = rows.filter(read_at__isnull=True)
    return rows.order_by("-created_at", "-id")


def unread_count(user: User) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return user_notifications(user, unread_only=True).count()


def default_preference(user: User, kind: str) -> NotificationPreference:
    spec = kind_of(kind)
    return NotificationPreference(user=user, kind=kind, email=spec.email, in_app=spec.in_app)


def preferences_for(user: User) -> dict[str, NotificationPreference]:
    """One preference per known kind, in table order; defaults (unsaved) where the user has none."""
    saved = {p.kind: p for p in NotificationPreference.objects.filter(user=user)}
    return {code: saved.get(code) or default_preference(user, code) for code in KINDS}


def preference(user: User, kind: str) -> NotificationPreference:
    found = NotificationPreference.objects.filter(user=user, kind=kind).first()
    return found or default_preference(user, kind)


def email_frequencies(user_ids: Iterable[int]) -> dict[int, dict[str, str]]:
    """For each user, the e-mail frequency of every known kind (defaults filled in)."""
    ids = set(user_ids)
    out = {uid: {code: k.email for code, k in KINDS.items()} for uid in ids}
    for uid, kind, email in NotificationPreference.objects.filter(user_id__in=ids).values_list(
        "user_id", "kind", "email"
    ):
        if kind in KINDS:
            out[uid][kind] = email
    return out
