"""Structured data for outside search engines (schema.org), built from the published snapshot."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from hansa.catalog.models import Product
from hansa.catalog.snapshot import localized
from hansa.companies.models import Company


def published_photo_url(product: Product, index: int, size: str) -> str:
    """Address of the approved version's photo ``index`` ("full" or "thumb"), cache-busted."""
    from django.urls import reverse

    version = int(product.published_at.timestamp()) if product.published_at else 0
    return f"{reverse('catalog:product_photo', args=[product.slug, index, size])}?v={version}"


def organization_jsonld(request: HttpRequest, company: Company) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": company.name,
        "url": request.build_absolute_uri(company.get_absolute_url()),
        "address": {
            "@type": "PostalAddress",
            "addressCountry": company.country.code,
            "addressLocality": company.city,
        },
    }
    if company.year_established:
        data["foundingDate"] = str(company.year_established)
    if company.logo:
        data["logo"] = request.build_absolute_uri(company.logo.url)
    return data


def product_jsonld(request: HttpRequest, product: Product, language: str) -> dict[str, Any]:
    """schema.org Product with an AggregateOffer; only public (snapshot) data goes in."""
    snapshot = product.published or {}
    text = localized(snapshot, language)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": text["title"],
        "url": request.build_absolute_uri(product.get_absolute_url()),
        "category": snapshot.get("category"),
        "brand": {"@type": "Brand", "name": product.company.name},
        "manufacturer": organization_jsonld(request, product.company),
    }
    if snapshot.get("images"):
        # Photos are served through the product's own photo address, which checks who may see them.
        data["image"] = [
            request.build_absolute_uri(published_photo_url(product, i, "full"))
            for i in range(len(snapshot["images"]))
        ]
    if snapshot.get("price_kind") != "negotiable" and snapshot.get("price_min"):
        data["offers"] = {
            "@type": "AggregateOffer",
            "priceCurrency": snapshot["currency"],
            "lowPrice": snapshot["price_min"],
            "highPrice": snapshot.get("price_max") or snapshot["price_min"],
            "eligibleQuantity": {
                "@type": "QuantitativeValue",
                "minValue": snapshot.get("moq"),
                "unitCode": snapshot.get("unit"),
            },
        }
    return data
