"""The comparison basket over the API: signed-in users only (session or personal token).

The basket is personal: it belongs to the user, not the company, so a colleague never sees it.
``GET /compare`` answers the aligned table (columns and rows) in the caller's language, built
from the published snapshots only; products no longer visible are dropped from the basket and
counted in ``removed``.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import get_language
from ninja import Router, Schema
from ninja.responses import Status

from hansa.api.common import ERRORS
from hansa.compare import selectors, services
from hansa.compare.basket import Basket
from hansa.compare.models import BASKET_LIMIT

router = Router(tags=["compare"])


class ItemIn(Schema):
    product_id: int


class BasketOut(Schema):
    product_ids: list[int]
    count: int
    limit: int
    added: bool | None = None


class ColumnOut(Schema):
    id: int
    title: str
    lang: str
    url: str
    thumb: str
    supplier: str
    supplier_url: str
    protected: bool


class CellOut(Schema):
    text: str | None
    lines: list[str]
    title: str
    href: str
    best: bool


class RowOut(Schema):
    key: str
    label: str
    section: str
    section_label: str
    same: bool
    cells: list[CellOut]


class TableOut(Schema):
    columns: list[ColumnOut]
    rows: list[RowOut]
    removed: int
    limit: int


def _basket(request: HttpRequest) -> Basket:
    return Basket(user=request.user, membership=getattr(request, "membership", None))


def _state(basket: Basket, added: bool | None = None) -> dict[str, Any]:
    ids = selectors.basket_ids(basket)
    return {"product_ids": ids, "count": len(ids), "limit": BASKET_LIMIT, "added": added}


@router.get(
    "",
    response={200: TableOut, **ERRORS},
    summary="The comparison table: one column per product, aligned rows (?diff=1: differences)",
)
def get_table(request: HttpRequest, diff: bool = False) -> dict[str, Any]:
    basket = _basket(request)
    contents = selectors.basket_products(basket)
    if contents.removed:
        services.basket_prune(basket=basket)
    table = selectors.comparison_table(contents.products, get_language() or "en")
    if diff:
        table = selectors.only_differences(table)
    return {**table, "removed": contents.removed, "limit": BASKET_LIMIT}


@router.post(
    "/items",
    response={200: BasketOut, 201: BasketOut, **ERRORS},
    summary="Add a product (201; 200 if it was already there; 400 when full or not public)",
)
def add_item(request: HttpRequest, payload: ItemIn) -> Status:
    basket = _basket(request)
    added = services.basket_add(basket=basket, product_id=payload.product_id)
    return Status(201 if added else 200, _state(basket, added))


@router.delete(
    "/items/{product_id}", response={200: BasketOut, **ERRORS}, summary="Remove a product"
)
def remove_item(request: HttpRequest, product_id: int) -> dict[str, Any]:
    basket = _basket(request)
    services.basket_remove(basket=basket, product_id=product_id)
    return _state(basket)


@router.delete("/items", response={200: BasketOut, **ERRORS}, summary="Empty the basket")
def clear_items(request: HttpRequest) -> dict[str, Any]:
    basket = _basket(request)
    services.basket_clear(basket=basket)
    return _state(basket)
