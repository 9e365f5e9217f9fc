"""Writes to the search outbox, in the same transaction as the change they describe.

Every save or delete of a listing, a supplier or a showroom group appends a row; bulk updates
that bypass signals call :func:`enqueue_products` / :func:`enqueue_companies` themselves. After
the transaction commits, the in-process indexer is woken so search catches up at once.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from hansa.search.models import OutboxEntry

# Set by the indexer thread; enqueue() wakes it after commit (see indexer.IndexerThread).
wakeup = threading.Event()


def _enqueue(kind: str, ids: Iterable[int]) -> None:
    rows = [OutboxEntry(kind=kind, object_id=int(pk)) for pk in dict.fromkeys(ids) if pk]
    if not rows:
        return
    OutboxEntry.objects.bulk_create(rows, batch_size=2000)
    _wake()


def _wake() -> None:
    transaction.on_commit(wakeup.set)
    if settings.SEARCH_INDEXER == "celery":
        from hansa.search.tasks import drain_outbox

        transaction.on_commit(drain_outbox.delay)


def enqueue_products(ids: Iterable[int]) -> None:
    _enqueue(OutboxEntry.Kind.PRODUCT, ids)


def enqueue_companies(ids: Iterable[int]) -> None:
    _enqueue(OutboxEntry.Kind.COMPANY, ids)


def enqueue_rebuild() -> None:
    """Ask every consumer to re-read everything (after bulk generation, for instance)."""
    OutboxEntry.objects.create(kind=OutboxEntry.Kind.ALL, object_id=0)
    _wake()


def _product_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    enqueue_products([instance.pk])


def _company_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    enqueue_companies([instance.pk])


def _company_part_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    enqueue_companies([instance.company_id])


def _group_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    # A password set or removed changes who may find every listing of the group.
    enqueue_products(instance.products.values_list("pk", flat=True))


def _group_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    enqueue_companies([instance.company_id])


def connect_signals() -> None:
    from hansa.catalog.models import Product, ProductGroup
    from hansa.companies.models import Company, CompanyName

    uid = "hansa.search.outbox"
    post_save.connect(_product_changed, sender=Product, dispatch_uid=f"{uid}.p")
    post_delete.connect(_product_changed, sender=Product, dispatch_uid=f"{uid}.pd")
    post_save.connect(_company_changed, sender=Company, dispatch_uid=f"{uid}.c")
    post_delete.connect(_company_changed, sender=Company, dispatch_uid=f"{uid}.cd")
    post_save.connect(_company_part_changed, sender=CompanyName, dispatch_uid=f"{uid}.n")
    post_delete.connect(_company_part_changed, sender=CompanyName, dispatch_uid=f"{uid}.nd")
    post_save.connect(_group_changed, sender=ProductGroup, dispatch_uid=f"{uid}.g")
    post_delete.connect(_group_deleted, sender=ProductGroup, dispatch_uid=f"{uid}.gd")
