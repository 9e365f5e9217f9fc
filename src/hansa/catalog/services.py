"""Writes on the catalog's reference data: the category tree and attribute templates."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.db import transaction

from hansa.catalog.models import AttributeDefinition, Category
from hansa.catalog.tree_io import LoadReport, TreeError, export_tree, load_tree

DATA_DIR = Path(__file__).resolve().parent / "data"


@transaction.atomic
def categories_import(
    *, categories: Any, templates: Any, deactivate_missing: bool = False
) -> LoadReport:
    """Loads a tree (and templates) as the operator edited them; all or nothing."""
    return load_tree(
        categories,
        templates or {},
        category_model=Category,
        attribute_model=AttributeDefinition,
        deactivate_missing=deactivate_missing,
    )


def categories_import_document(document: Any, *, deactivate_missing: bool = False) -> LoadReport:
    """The one-file form the back office downloads: {"categories": [...], "templates": {...}}."""
    if not isinstance(document, dict) or "categories" not in document:
        raise TreeError(
            ['the file must be a JSON object with "categories" (and optionally "templates")']
        )
    return categories_import(
        categories=document["categories"],
        templates=document.get("templates") or {},
        deactivate_missing=deactivate_missing,
    )


def categories_export_document() -> dict[str, Any]:
    categories, templates = export_tree(
        category_model=Category, attribute_model=AttributeDefinition
    )
    return {"format": "hansa-categories/1", "categories": categories, "templates": templates}


def categories_load_seed() -> LoadReport:
    """The shipped tree (data/categories.json + data/attribute_templates.json)."""
    categories = json.loads((DATA_DIR / "categories.json").read_text(encoding="utf-8"))
    templates = json.loads((DATA_DIR / "attribute_templates.json").read_text(encoding="utf-8"))
    return categories_import(categories=categories, templates=templates)
