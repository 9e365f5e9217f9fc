"""Seed the port table from data/ports.csv.

Re-runnable: rows are matched on the LOCODE and updated in place, so running it again (or
after the CSV is corrected) never duplicates a port and keeps foreign keys pointing at it.
Reversing is a no-op: the rows may already be referenced by companies and quotations.
The loader is kept inside the migration so that later changes to the app cannot alter what
this migration did.
"""

import csv
from decimal import Decimal
from pathlib import Path

from django.db import migrations

PORTS_CSV = Path(__file__).resolve().parent.parent / "data" / "ports.csv"


def _decimal_or_none(value):
    value = (value or "").strip()
    return Decimal(value) if value else None


def load_ports(apps, schema_editor):
    Port = apps.get_model("trade", "Port")
    with PORTS_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            Port.objects.using(schema_editor.connection.alias).update_or_create(
                locode=row["locode"].strip(),
                defaults={
                    "name": row["name"].strip(),
                    "name_zh": row.get("name_zh", "").strip(),
                    "country": row["country"].strip(),
                    "kind": row["kind"].strip(),
                    "latitude": _decimal_or_none(row.get("latitude")),
                    "longitude": _decimal_or_none(row.get("longitude")),
                    "is_major": row.get("is_major", "0").strip() == "1",
                    "is_active": True,
                },
            )


class Migration(migrations.Migration):
    dependencies = [("trade", "0001_initial")]

    operations = [migrations.RunPython(load_ports, migrations.RunPython.noop)]
