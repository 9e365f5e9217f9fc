"""Search's own tables: the outbox log, index consumers, the query log, synonyms.

The database is the source of truth; the search index is a disposable copy fed from
``OutboxEntry`` (an ordered log each index consumer reads with its own cursor).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxEntry(models.Model):
    """One change that the search index must pick up, written in the writer's transaction."""

    class Kind(models.TextChoices):
        PRODUCT = "product", _("product")
        COMPANY = "company", _("company")
        ALL = "all", _("everything")

    id = models.BigAutoField(primary_key=True)
    kind = models.CharField(max_length=8, choices=Kind.choices)
    object_id = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("search outbox entry")
        verbose_name_plural = _("search outbox")

    def __str__(self) -> str:
        return f"#{self.id} {self.kind} {self.object_id}"


class IndexConsumer(models.Model):
    """What each local index has read of the outbox (monitoring; the index keeps its own cursor)."""

    name = models.CharField(max_length=200, unique=True)
    host = models.CharField(max_length=200, blank=True)
    cursor = models.BigIntegerField(default=0)
    documents = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search index consumer")

    def __str__(self) -> str:
        return self.name


class QueryLog(models.Model):
    """One search as typed, anonymised: no user, no address, no session."""

    query = models.CharField(max_length=200, db_index=True)  # normalised: lower case, one space
    language = models.CharField(max_length=10)
    filters = models.JSONField(default=dict, blank=True)
    result_count = models.PositiveIntegerField(default=0)
    clicked_positions = models.JSONField(default=list, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("search query")
        verbose_name_plural = _("search query log")
        indexes = [models.Index(fields=["query", "at"])]

    def __str__(self) -> str:
        return self.query


class Synonym(models.Model):
    """Operator-edited: a search for ``term`` also finds any of ``alternatives``."""

    term = models.CharField(_("term"), max_length=80, unique=True)
    alternatives = models.JSONField(
        _("also matches"), default=list, help_text=_("Words or phrases, one per entry.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")
        ordering = ["term"]

    def __str__(self) -> str:
        return self.term
