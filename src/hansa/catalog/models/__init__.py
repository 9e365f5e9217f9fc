"""Catalog models: the category tree (categories.py) and product listings (listings.py)."""

from hansa.catalog.models.categories import AttributeDefinition, AttributeType, Category
from hansa.catalog.models.listings import (
    GroupAccess,
    ImportJob,
    ListingStatus,
    PriceKind,
    Product,
    ProductGroup,
    ProductImage,
    ProductTranslation,
    ProhibitedTerm,
    ReviewEvent,
    TierPrice,
)

__all__ = [
    "AttributeDefinition",
    "AttributeType",
    "Category",
    "GroupAccess",
    "ImportJob",
    "ListingStatus",
    "PriceKind",
    "Product",
    "ProductGroup",
    "ProductImage",
    "ProductTranslation",
    "ProhibitedTerm",
    "ReviewEvent",
    "TierPrice",
]
