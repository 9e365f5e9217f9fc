"""The published snapshot: the approved, public version of a listing.

Everything a public page, a sitemap or the search index shows comes from here, so an edit waiting
for review never leaks. ``content_digest`` tells whether the working copy still equals it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from hansa.catalog.models import Product


def _dec(value: Any) -> str | None:
    """Exact decimal text without exponents: 200, 1.2, 0.05 (never 2E+2)."""
    if value is None:
        return None
    return f"{value.normalize():f}" if hasattr(value, "normalize") else str(value)


def build_snapshot(product: Product) -> dict[str, Any]:
    """The working copy as a plain JSON document (prefetch tiers, translations and images)."""
    return {
        "title": product.title,
        "keywords": list(product.keywords),
        "description": product.description,
        "category": product.category.code,
        "attributes": dict(product.attributes),
        "custom_attributes": list(product.custom_attributes),
        "base_language": product.base_language,
        "price_kind": product.price_kind,
        "currency": product.currency,
        "price_min": _dec(product.price_min),
        "price_max": _dec(product.price_max),
        "tiers": [
            {"min_quantity": _dec(t.min_quantity), "unit_price": _dec(t.unit_price)}
            for t in product.tiers.all()
        ],
        "unit": product.unit,
        "moq": _dec(product.moq),
        "supply_quantity": _dec(product.supply_quantity),
        "supply_period": product.supply_period,
        "lead_times": list(product.lead_times),
        "port_of_loading": product.port_of_loading.locode if product.port_of_loading_id else None,
        "incoterms": list(product.incoterms),
        "payment_methods": list(product.payment_methods),
        "packaging": product.packaging,
        "hs_code": product.hs_code,
        "origin_country": product.origin_country.code if product.origin_country else "",
        "certifications": list(product.certifications),
        "sample_available": product.sample_available,
        "sample_price": _dec(product.sample_price),
        "oem": product.oem,
        "odm": product.odm,
        "ready_to_ship": product.ready_to_ship,
        "stock": _dec(product.stock),
        "weight_kg": _dec(product.weight_kg),
        "dimensions_cm": [_dec(product.length_cm), _dec(product.width_cm), _dec(product.height_cm)],
        "images": [
            {
                "image": i.image.name,
                "thumbnail": i.thumbnail.name,
                "width": i.width,
                "height": i.height,
            }
            for i in product.images.all()
        ],
        "translations": {
            t.language: {
                "title": t.title,
                "keywords": list(t.keywords),
                "description": t.description,
                "attribute_texts": dict(t.attribute_texts),
            }
            for t in product.translations.all()
        },
    }


def content_digest(document: dict[str, Any]) -> str:
    return hashlib.sha256(
        json.dumps(document, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()


def localized(snapshot: dict[str, Any], language: str) -> dict[str, Any]:
    """Title, keywords and description in ``language``, falling back to the base language."""
    language = (language or "").lower()
    version = snapshot.get("translations", {}).get(language)
    if version is None and language.startswith("zh"):
        version = snapshot.get("translations", {}).get("zh-hans")
    if version is None or language == snapshot.get("base_language"):
        return {
            "title": snapshot["title"],
            "keywords": snapshot["keywords"],
            "description": snapshot["description"],
            "attribute_texts": {},
            "language": snapshot["base_language"],
        }
    return {
        "title": version["title"] or snapshot["title"],
        "keywords": version.get("keywords") or snapshot["keywords"],
        "description": version.get("description") or snapshot["description"],
        "attribute_texts": version.get("attribute_texts") or {},
        "language": language,
    }
