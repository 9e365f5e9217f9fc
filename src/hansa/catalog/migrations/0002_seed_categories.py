"""Seed the category tree and attribute templates from data/*.json.

Re-runnable: categories are matched on code and updated in place. Uses the shared loader with
this migration's historical models; the loader touches only fields that exist since 0001.
"""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data"


def seed(apps, schema_editor):
    from hansa.catalog.tree_io import load_tree

    categories = json.loads((DATA / "categories.json").read_text(encoding="utf-8"))
    templates = json.loads((DATA / "attribute_templates.json").read_text(encoding="utf-8"))
    load_tree(
        categories,
        templates,
        category_model=apps.get_model("catalog", "Category"),
        attribute_model=apps.get_model("catalog", "AttributeDefinition"),
    )


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
