"""Product-details rows of the comparison table: category, origin, certifications, packaging,
and every attribute of every compared category's template, aligned by attribute code.

The label of an attribute row is the first template's; each product's value is read with its own
category's template (choice labels, units), in the viewer's language, from the snapshot only.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django_countries import countries

from hansa.catalog.models import AttributeDefinition, Category
from hansa.catalog.snapshot import localized
from hansa.catalog.views_public import _num
from hansa.compare.cells import Row, cell, row, yes_no

# Template attributes shown in a fixed row instead of their own: "certifications" joins the
# listing's certification list, so a buyer sees one row, not two with the same name.
MERGED_CODES = {"certifications"}


def attribute_text(definition: AttributeDefinition, value: Any, texts: dict[str, Any]) -> str:
    if value in (None, "", []):
        return ""
    if definition.type == "choice":
        return definition.choice_label(str(value))
    if definition.type == "multichoice":
        values = value if isinstance(value, list) else [value]
        return ", ".join(definition.choice_label(str(v)) for v in values)
    if definition.type == "bool":
        return yes_no(bool(value))
    if definition.type == "number":
        return f"{_num(value)} {definition.unit}".strip()
    return str(texts.get(definition.code) or value)


def _template(category: Category | None) -> dict[str, AttributeDefinition]:
    return {d.code: d for d in category.attributes.all()} if category else {}


def _certifications(snapshot: dict[str, Any], template: dict[str, AttributeDefinition]) -> str:
    """The listing's certifications, then the template's choices not already named."""
    pairs = [(str(c).casefold(), str(c)) for c in snapshot.get("certifications") or []]
    definition = template.get("certifications")
    value = (snapshot.get("attributes") or {}).get("certifications")
    if definition is not None and value:
        for v in value if isinstance(value, list) else [value]:
            pairs.append((str(v).casefold(), definition.choice_label(str(v))))
    shown: dict[str, str] = {}
    for key, label in pairs:
        shown.setdefault(key, label)
    return ", ".join(shown.values())


def product_rows(snapshots: list[dict[str, Any]], language: str) -> list[Row]:
    categories = {
        c.code: c
        for c in Category.objects.filter(
            code__in={s.get("category") for s in snapshots}
        ).prefetch_related("attributes")
    }
    own = [categories.get(s.get("category") or "") for s in snapshots]
    templates = [_template(c) for c in own]
    rows = [
        row("category", _("Category"), "product", [cell(c.name if c else None) for c in own]),
        row(
            "origin",
            _("Place of origin"),
            "product",
            [
                cell(countries.name(s["origin_country"]) if s.get("origin_country") else None)
                for s in snapshots
            ],
        ),
        row(
            "certifications",
            _("Certifications"),
            "product",
            [cell(_certifications(s, t)) for s, t in zip(snapshots, templates, strict=True)],
        ),
    ]
    if any(s.get("packaging") for s in snapshots):
        packaging = [cell(s.get("packaging")) for s in snapshots]
        rows.append(row("packaging", _("Packaging"), "product", packaging))
    if any(s.get("hs_code") for s in snapshots):
        codes = [cell(s.get("hs_code")) for s in snapshots]
        rows.append(row("hs_code", _("HS code"), "product", codes))
    # Every attribute of every compared category, each code once, in template order.
    labels: dict[str, str] = {}
    for category in own:
        for definition in category.attributes.all() if category else []:
            if definition.code not in MERGED_CODES:
                labels.setdefault(definition.code, definition.name)
    texts = [localized(s, language)["attribute_texts"] for s in snapshots]
    for code, label in labels.items():
        cells = []
        for template, s, t in zip(templates, snapshots, texts, strict=True):
            definition = template.get(code)
            value = (s.get("attributes") or {}).get(code)
            cells.append(cell(attribute_text(definition, value, t) if definition else None))
        rows.append(row(f"attr:{code}", label, "product", cells))
    return rows + _custom_rows(snapshots)


def _custom_rows(snapshots: list[dict[str, Any]]) -> list[Row]:
    """The suppliers' own name/value pairs, aligned by name (case-insensitive)."""
    names: dict[str, str] = {}
    for s in snapshots:
        for pair in s.get("custom_attributes") or []:
            name = str(pair.get("name", "")).strip()
            if name:
                names.setdefault(name.casefold(), name)
    rows = []
    for key, label in names.items():
        cells = []
        for s in snapshots:
            found = next(
                (
                    str(p.get("value", ""))
                    for p in s.get("custom_attributes") or []
                    if str(p.get("name", "")).strip().casefold() == key
                ),
                None,
            )
            cells.append(cell(found))
        rows.append(row(f"custom:{key}", label, "product", cells))
    return rows
