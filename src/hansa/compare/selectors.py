"""Reads on the comparison basket: which products are in it and still visible, and the aligned
comparison table built from their published snapshots.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch

from hansa.catalog.listing_selectors import visible_products
from hansa.catalog.models import Product
from hansa.companies.models import Company, CompanyName
from hansa.compare.basket import Basket, session_ids
from hansa.compare.models import CompareItem
from hansa.compare.table import build_table


def stored_ids(basket: Basket) -> list[int]:
    """Every product id in the basket, oldest first, whether or not it is still visible."""
    if basket.user is not None:
        return list(
            CompareItem.objects.filter(user=basket.user)
            .order_by("added_at", "id")
            .values_list("product_id", flat=True)
        )
    return session_ids(basket.session)


def visible_ids(basket: Basket, ids: Iterable[int]) -> list[int]:
    """Those of ``ids`` this viewer may see now, in the given order."""
    wanted = list(ids)
    if not wanted:
        return []
    shown = set(
        visible_products(basket.user, basket.membership)
        .filter(pk__in=wanted)
        .values_list("pk", flat=True)
    )
    return [pk for pk in wanted if pk in shown]


def basket_ids(basket: Basket) -> list[int]:
    """The products in the basket that are still visible, oldest first (one query)."""
    if basket.user is None:
        return visible_ids(basket, session_ids(basket.session))
    return list(
        visible_products(basket.user, basket.membership)
        .filter(compare_items__user=basket.user)
        .order_by("compare_items__added_at", "compare_items__id")
        .values_list("pk", flat=True)
    )


@dataclass
class BasketContents:
    products: list[Product] = field(default_factory=list)
    # Products in the basket that are no longer visible (offline, archived, locked again).
    removed: int = 0


def basket_products(basket: Basket) -> BasketContents:
    """The basket's visible products with what the table needs, and how many dropped out."""
    ids = stored_ids(basket)
    if not ids:
        return BasketContents()
    rows = {
        p.pk: p
        for p in visible_products(basket.user, basket.membership)
        .filter(pk__in=ids)
        .select_related("company", "group")
        .prefetch_related(Prefetch("company__names", queryset=CompanyName.objects.all()))
    }
    products = [rows[pk] for pk in ids if pk in rows]
    return BasketContents(products=products, removed=len(ids) - len(products))


def supplier_response_rate(company: Company) -> Decimal | None:
    """Share of inquiries the supplier answered, in percent; None while nothing can be measured.

    The figure search ranks by (``search.documents.response_rates``, the hook the inquiry
    issue fills): one source for both. Until inquiries exist it is None and the table shows
    "—" with "No inquiries yet".
    """
    from hansa.search.documents import response_rates

    rate = response_rates([company.pk]).get(company.pk)
    return None if rate is None else (Decimal(str(rate)) * 100).quantize(Decimal("0.1"))


def comparison_table(products: list[Product], language: str) -> dict[str, Any]:
    """Columns (one per product) and aligned rows, from the published snapshots only."""
    return build_table(products, language, response_rate=supplier_response_rate)


def only_differences(table: dict[str, Any]) -> dict[str, Any]:
    """The table without the rows where every product shows the same thing (all rows are kept
    while there is a single column: nothing to compare yet)."""
    if len(table["columns"]) < 2:
        return table
    return {**table, "rows": [r for r in table["rows"] if not r["same"]]}
