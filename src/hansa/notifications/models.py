"""In-app notifications, each user's e-mail preferences per kind, and the log of digests sent.

A ``Notification`` is one short message for one user ("5 new products for “led panel”"). It
shows in the app (unless the user turned that kind off in the app) and goes out by e-mail at
once, in a daily or weekly digest, or never, as the user's ``NotificationPreference`` for its
kind says (the defaults are in ``kinds.KINDS``). ``emailed_at`` marks it as sent, so a digest
never sends it twice; ``DigestLog`` records each e-mail, which also paces the digests.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EmailFrequency(models.TextChoices):
    OFF = "off", pgettext_lazy("e-mail frequency", "Never")
    IMMEDIATE = "immediate", _("At once")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=40)
    title = models.CharField(_("title"), max_length=200)
    body = models.CharField(_("text"), max_length=500, blank=True)
    url = models.CharField(_("link"), max_length=1000, blank=True)  # relative: /search/?q=…
    in_app = models.BooleanField(default=True)  # False: only for the e-mail (the user's choice)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["user", "read_at"], name="notification_user_read"),
            models.Index(fields=["emailed_at", "created_at"], name="notification_to_email"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class NotificationPreference(models.Model):
    """A user's choice for one kind; without a row the kind's default applies."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("kind"), max_length=40)
    email = models.CharField(
        _("e-mail"), max_length=10, choices=EmailFrequency.choices, default=EmailFrequency.DAILY
    )
    in_app = models.BooleanField(_("show in the app"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notification_pref_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}: {self.email}"


class DigestLog(models.Model):
    """One notification e-mail sent to one user (never edited)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_digests"
    )
    frequency = models.CharField(max_length=10, choices=EmailFrequency.choices)
    sent_at = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("notification e-mail")
        verbose_name_plural = _("notification e-mails")
        indexes = [models.Index(fields=["user", "frequency", "sent_at"], name="digest_user_freq")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.frequency} {self.sent_at:%Y-%m-%d %H:%M}"
