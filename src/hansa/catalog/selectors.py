"""Reads on the category tree."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from hansa.catalog.models import AttributeDefinition, Category


def industries() -> QuerySet[Category]:
    """Top-level industries with their children, for the directory page."""
    return (
        Category.objects.filter(parent__isnull=True, is_active=True)
        .prefetch_related(Prefetch("children", queryset=Category.objects.filter(is_active=True)))
        .order_by("position")
    )


def category_by_code(code: str) -> Category | None:
    return Category.objects.filter(code=code, is_active=True).select_related("parent").first()


def breadcrumb(category: Category) -> list[Category]:
    codes = category.path.split("/")
    found = {c.code: c for c in Category.objects.filter(code__in=codes)}
    return [found[c] for c in codes if c in found]


def subtree(category: Category) -> QuerySet[Category]:
    return Category.objects.filter(path__startswith=category.path + "/", is_active=True)


def template_of(category: Category) -> QuerySet[AttributeDefinition]:
    return category.attributes.all().order_by("position", "id")


def leaves() -> QuerySet[Category]:
    return Category.objects.filter(is_leaf=True, is_active=True)
