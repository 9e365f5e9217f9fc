"""Factories for listings (categories come from the seeded tree)."""

from __future__ import annotations

import factory

from hansa.catalog.models import Category, Product
from hansa.companies.tests.factories import SupplierCompanyFactory

STRIP_ATTRIBUTES = {"voltage": "12v", "leds_per_metre": "60", "ip_rating": "ip65"}


def strip_category() -> Category:
    return Category.objects.get(code="led-strip-lights")


def valid_strip_attributes() -> dict[str, object]:
    """A value for every required attribute of the LED strip template, whatever its codes."""
    values: dict[str, object] = {}
    for a in strip_category().attributes.filter(required=True):
        if a.type in ("choice",):
            values[a.code] = a.choices[0]["value"]
        elif a.type == "multichoice":
            values[a.code] = [a.choices[0]["value"]]
        elif a.type == "number":
            values[a.code] = str(a.min_value or 1)
        elif a.type == "bool":
            values[a.code] = True
        else:
            values[a.code] = "SMD 5050"
    return values


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    company = factory.SubFactory(SupplierCompanyFactory)
    category = factory.LazyFunction(strip_category)
    title = factory.Sequence(lambda n: f"Flexible LED strip light 5050 RGB model {n}")
    slug = factory.Sequence(lambda n: f"flexible-led-strip-{n}")
    price_min = "1.20"
    price_max = "3.50"
    moq = 100
    attributes = factory.LazyFunction(valid_strip_attributes)


class LiveProductFactory(ProductFactory):
    """An approved, public listing: its snapshot built from the working copy, as approval does.

    ``translations={"es": {"title": ..., "description": ...}}`` adds versions before publishing.
    """

    status = "live"

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def translations(obj, create, extracted, **kwargs):
        from hansa.catalog.models import ProductTranslation

        for language, version in (extracted or {}).items():
            ProductTranslation.objects.create(product=obj, language=language, **version)

    @factory.post_generation
    def publish(obj, create, extracted, **kwargs):
        from django.utils import timezone

        from hansa.catalog.snapshot import build_snapshot

        obj.published = build_snapshot(obj)
        obj.published_at = obj.published_at or timezone.now()
        if create:
            obj.save(update_fields=["published", "published_at"])
