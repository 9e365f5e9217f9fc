"""The pieces of the comparison table: cells, rows, section names and the "best" marks.

A cell is ``{"text", "lines", "title", "href", "best"}``: ``text`` is None when the product does
not state the fact (pages show "—"), ``lines`` splits a multi-line value (price tiers, lead-time
bands), ``title`` explains a value on hover, ``best`` marks the lowest price or MOQ, the most
stars or years where they compare. A row is ``{"key", "label", "section", "cells", "same",
"best_label"}``; ``same`` says every column shows the same thing, so "show only differences"
can hide it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

Cell = dict[str, Any]
Row = dict[str, Any]


def section_labels() -> dict[str, str]:
    return {
        "price": _("Price and order"),
        "trade": _("Trade terms"),
        "product": _("Product details"),
        "supplier": _("Supplier"),
    }


def _best_labels() -> dict[str, str]:
    return {
        "price": _("Lowest price"),
        "moq": _("Lowest MOQ"),
        "stars": _("Most stars"),
        "years_in_business": _("Longest in business"),
        "response_rate": _("Best response"),
    }


def cell(
    text: str | None = None,
    *,
    lines: list[str] | None = None,
    title: str = "",
    href: str = "",
) -> Cell:
    return {
        "text": text if text not in ("", None) else None,
        "lines": lines or [],
        "title": title,
        "href": href,
        "best": False,
    }


def row(key: str, label: str, section: str, cells: list[Cell]) -> Row:
    shown = {(c["text"], tuple(c["lines"])) for c in cells}
    return {
        "key": key,
        "label": label,
        "section": section,
        "cells": cells,
        "same": len(shown) <= 1,
        "best_label": _best_labels().get(key, ""),
    }


def mark_best(cells: list[Cell], values: list[Decimal | None], *, highest: bool = False) -> None:
    """Marks the best of comparable values, when at least two columns differ."""
    known = [v for v in values if v is not None]
    if len(known) < 2 or len(set(known)) < 2:
        return
    best = max(known) if highest else min(known)
    for c, v in zip(cells, values, strict=True):
        c["best"] = v == best


def yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")
