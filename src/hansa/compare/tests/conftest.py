"""Helpers for the comparison tests: live listings built quickly (a snapshot taken from the
working copy, as approval does) from several suppliers."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from hansa.catalog.models import Category, ListingStatus, Product
from hansa.catalog.snapshot import build_snapshot
from hansa.catalog.tests.factories import ProductFactory
from hansa.companies.tests.factories import SupplierCompanyFactory

BULB_ATTRIBUTES = {
    "power": "9",
    "base": None,  # filled from the template's first choice
    "colour_temperature": "3000",
    "input_voltage": None,
}


def publish(product: Product) -> Product:
    """Approves the working copy as it is: the snapshot the public sees."""
    fresh = (
        Product.objects.select_related("category", "port_of_loading")
        .prefetch_related("tiers", "translations", "images")
        .get(pk=product.pk)
    )
    fresh.published = build_snapshot(fresh)
    fresh.published_at = timezone.now()
    fresh.status = ListingStatus.LIVE
    fresh.save()
    return fresh


def bulb_attributes() -> dict[str, Any]:
    category = Category.objects.get(code="led-bulbs")
    values: dict[str, Any] = {}
    for code, value in BULB_ATTRIBUTES.items():
        if value is None:
            value = category.attributes.get(code=code).choices[0]["value"]
        values[code] = value
    return values


def live(company: Any = None, **fields: Any) -> Product:
    """A live listing of ``company`` (a new supplier when None)."""
    if company is None:
        company = SupplierCompanyFactory()
    if fields.get("category") == "led-bulbs":
        fields["category"] = Category.objects.get(code="led-bulbs")
        fields.setdefault("attributes", bulb_attributes())
    return publish(ProductFactory(company=company, **fields))


@pytest.fixture
def strips(db) -> list[Product]:
    """Two live LED strips from two suppliers."""
    return [live(), live()]
