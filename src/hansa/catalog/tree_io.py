"""Reading and writing the category tree and attribute templates as JSON.

The same ``load_tree`` serves the seeding migration (with historical models) and the operator's
import (with the live ones), so it only touches fields that exist since migration 0001.

Format (what ``export_tree`` writes and ``load_tree`` reads):
    categories: [{"code", "name_en", "name_zh", "names"?, "hs"?, "note"?, "children"?: [...]}]
    templates:  {"<leaf code>": [{"code", "name_en", "name_zh", "type", "unit"?, "choices"?,
                 "min"?, "max"?, "decimals"?, "max_length"?, "required"?, "filterable"?}]}
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

CODE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ATTRIBUTE_CODE = re.compile(r"^[a-z][a-z0-9_]*$")
HS = re.compile(r"^\d{4}(\.\d{2}){0,3}$")
TYPES = {"text", "number", "choice", "multichoice", "bool"}


class TreeError(ValueError):
    """The JSON does not describe a valid tree; ``problems`` lists every fault found."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems[:10]) + (" …" if len(problems) > 10 else ""))
        self.problems = problems


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    deactivated: int = 0
    templates: int = 0
    attributes: int = 0
    warnings: list[str] = field(default_factory=list)


def _flatten(
    nodes: list[dict[str, Any]],
    parent: str | None,
    path: str,
    depth: int,
    out: list[tuple[dict[str, Any], str | None, str, int, int]],
) -> None:
    for position, node in enumerate(nodes):
        code = node.get("code", "")
        node_path = f"{path}/{code}" if path else code
        out.append((node, parent, node_path, depth, position))
        _flatten(node.get("children") or [], code, node_path, depth + 1, out)


def validate_tree(categories: Any, templates: Any) -> list[str]:
    problems: list[str] = []
    if not isinstance(categories, list) or not categories:
        return ["categories must be a non-empty JSON list"]
    flat: list[tuple[dict[str, Any], str | None, str, int, int]] = []
    _flatten(categories, None, "", 0, flat)
    seen: set[str] = set()
    leaves = set()
    for node, _parent, path, _depth, _pos in flat:
        code = node.get("code")
        if not isinstance(code, str) or not CODE.match(code):
            problems.append(f"{path or '?'}: code {code!r} is not lowercase-with-hyphens")
            continue
        if code in seen:
            problems.append(f"{code}: code used twice")
        seen.add(code)
        if not str(node.get("name_en", "")).strip() or not str(node.get("name_zh", "")).strip():
            problems.append(f"{code}: name_en and name_zh are required")
        if len(path) > 400:
            problems.append(f"{code}: path too long")
        for hs in node.get("hs") or []:
            if not isinstance(hs, str) or not HS.match(hs):
                problems.append(f"{code}: HS code {hs!r} is not like 9405 or 9405.42")
        if not node.get("children"):
            leaves.add(code)
    if not isinstance(templates, dict):
        return [*problems, "templates must be a JSON object keyed by category code"]
    for code, attributes in templates.items():
        if code not in seen:
            problems.append(f"template {code}: no such category")
            continue
        problems.extend(_validate_template(code, attributes))
    return problems


def _validate_template(code: str, attributes: Any) -> list[str]:
    problems: list[str] = []
    if not isinstance(attributes, list):
        return [f"template {code}: must be a list of attributes"]
    codes: set[str] = set()
    for attribute in attributes:
        acode = attribute.get("code") if isinstance(attribute, dict) else None
        where = f"template {code}.{acode}"
        if not isinstance(acode, str) or not ATTRIBUTE_CODE.match(acode):
            problems.append(f"template {code}: attribute code {acode!r} is not snake_case")
            continue
        if acode in codes:
            problems.append(f"{where}: listed twice")
        codes.add(acode)
        if attribute.get("type") not in TYPES:
            problems.append(f"{where}: type must be one of {sorted(TYPES)}")
        if not attribute.get("name_en") or not attribute.get("name_zh"):
            problems.append(f"{where}: name_en and name_zh are required")
        if attribute.get("type") in ("choice", "multichoice"):
            values = [c.get("value") for c in attribute.get("choices") or [] if isinstance(c, dict)]
            if len(values) < 2 or len(set(values)) != len(values):
                problems.append(f"{where}: needs at least two distinct choices")
        for bound in ("min", "max"):
            if attribute.get(bound) is not None:
                try:
                    Decimal(str(attribute[bound]))
                except InvalidOperation:
                    problems.append(f"{where}: {bound} is not a number")
    return problems


def load_tree(
    categories: list[dict[str, Any]],
    templates: dict[str, list[dict[str, Any]]],
    *,
    category_model: Any,
    attribute_model: Any,
    deactivate_missing: bool = False,
) -> LoadReport:
    """Creates or updates every category (matched on code) and replaces the given templates.

    Categories absent from the JSON are kept (listings may point at them) and, with
    ``deactivate_missing``, hidden. Raises TreeError before writing anything if the JSON is bad.
    """
    problems = validate_tree(categories, templates)
    if problems:
        raise TreeError(problems)
    report = LoadReport()
    flat: list[tuple[dict[str, Any], str | None, str, int, int]] = []
    _flatten(categories, None, "", 0, flat)
    existing = {c.code: c for c in category_model.objects.all()}
    by_code: dict[str, Any] = {}
    for node, parent_code, path, depth, position in flat:
        values = {
            "parent": by_code[parent_code] if parent_code else None,
            "name_en": node["name_en"].strip(),
            "name_zh": node["name_zh"].strip(),
            "names": node.get("names") or {},
            "hs_codes": list(node.get("hs") or []),
            "path": path,
            "depth": depth,
            "position": position,
            "is_leaf": not node.get("children"),
            "is_active": True,
            "note": (node.get("note") or "")[:300],
        }
        category = existing.get(node["code"])
        if category is None:
            category = category_model.objects.create(code=node["code"], **values)
            report.created += 1
        else:
            for key, value in values.items():
                setattr(category, key, value)
            category.save()
            report.updated += 1
        by_code[node["code"]] = category
    if deactivate_missing:
        missing = [c.pk for code, c in existing.items() if code not in by_code and c.is_active]
        report.deactivated = category_model.objects.filter(pk__in=missing).update(is_active=False)
    for code, attributes in templates.items():
        category = by_code.get(code) or category_model.objects.get(code=code)
        attribute_model.objects.filter(category=category).delete()
        attribute_model.objects.bulk_create(
            attribute_model(category=category, position=i, **_attribute_fields(a))
            for i, a in enumerate(attributes)
        )
        report.templates += 1
        report.attributes += len(attributes)
    return report


def _attribute_fields(attribute: dict[str, Any]) -> dict[str, Any]:
    def dec(value: Any) -> Decimal | None:
        return None if value is None else Decimal(str(value))

    return {
        "code": attribute["code"],
        "name_en": attribute["name_en"],
        "name_zh": attribute["name_zh"],
        "type": attribute["type"],
        "unit": attribute.get("unit") or "",
        "choices": [
            {
                "value": c["value"],
                "en": c.get("en") or c["value"],
                "zh": c.get("zh") or c.get("en") or c["value"],
            }
            for c in attribute.get("choices") or []
        ],
        "min_value": dec(attribute.get("min")),
        "max_value": dec(attribute.get("max")),
        "decimals": attribute.get("decimals"),
        "max_length": attribute.get("max_length"),
        "required": bool(attribute.get("required")),
        "filterable": bool(attribute.get("filterable")),
    }


def export_tree(
    *, category_model: Any, attribute_model: Any
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The whole tree and every template, in the format ``load_tree`` reads."""
    categories = list(
        category_model.objects.filter(is_active=True).order_by("depth", "position", "code")
    )
    nodes: dict[int, dict[str, Any]] = {}
    roots: list[dict[str, Any]] = []
    for category in categories:
        node: dict[str, Any] = {
            "code": category.code,
            "name_en": category.name_en,
            "name_zh": category.name_zh,
        }
        if category.names:
            node["names"] = category.names
        if category.hs_codes:
            node["hs"] = category.hs_codes
        if category.note:
            node["note"] = category.note
        nodes[category.pk] = node
        parent = nodes.get(category.parent_id) if category.parent_id else None
        if parent is not None:
            parent.setdefault("children", []).append(node)
        elif category.parent_id is None:
            roots.append(node)
    templates: dict[str, list[dict[str, Any]]] = {}
    for a in attribute_model.objects.select_related("category").order_by(
        "category__path", "position", "id"
    ):
        entry: dict[str, Any] = {
            "code": a.code,
            "name_en": a.name_en,
            "name_zh": a.name_zh,
            "type": a.type,
        }
        if a.unit:
            entry["unit"] = a.unit
        if a.choices:
            entry["choices"] = a.choices
        for key, value in (("min", a.min_value), ("max", a.max_value)):
            if value is not None:
                # No floats: integers stay numbers, anything else is written exactly as text.
                entry[key] = int(value) if value == value.to_integral() else str(value.normalize())
        if a.decimals is not None:
            entry["decimals"] = a.decimals
        if a.max_length is not None:
            entry["max_length"] = a.max_length
        entry["required"] = a.required
        entry["filterable"] = a.filterable
        templates.setdefault(a.category.code, []).append(entry)
    return roots, templates
