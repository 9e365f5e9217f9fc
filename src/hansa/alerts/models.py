"""Saved searches ("my custom searches") and their alerts.

A ``SavedSearch`` keeps a search as ``SearchParams.to_dict()`` and how often to look for new
matches. ``last_checked_at`` is the moment the last check covered: the next check asks for
listings approved since then (``services.check_saved_search``). The same model will hold
suppliers' RFQ subscriptions (``target`` "rfq") and supplier searches.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_SAVED_SEARCHES = 50


class Target(models.TextChoices):
    PRODUCT = "product", _("Products")
    RFQ = "rfq", _("RFQs")


class Frequency(models.TextChoices):
    OFF = "off", _("No alerts")
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")


class SavedSearch(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("name"), max_length=120)
    target = models.CharField(
        _("what it searches"), max_length=20, choices=Target.choices, default=Target.PRODUCT
    )
    params = models.JSONField(_("search criteria"), default=dict, blank=True)
    frequency = models.CharField(
        _("alert frequency"), max_length=10, choices=Frequency.choices, default=Frequency.DAILY
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    last_checked_at = models.DateTimeField(_("last checked"))
    # New matches found by the last check; None until the first check.
    last_match_count = models.PositiveIntegerField(_("new matches"), null=True, blank=True)
    # Products the last check saw in the window the next check looks at again (index lag).
    recent_ids = models.JSONField(default=list, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["is_active", "frequency", "last_checked_at"], name="saved_search_due"
            )
        ]

    def __str__(self) -> str:
        return self.name
