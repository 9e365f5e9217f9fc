"""Writes on trade reference data."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from hansa.trade.models import Port

PORTS_CSV = Path(__file__).resolve().parent / "data" / "ports.csv"


def _decimal_or_none(value: str | None) -> Decimal | None:
    value = (value or "").strip()
    return Decimal(value) if value else None


@transaction.atomic
def ports_load_seed(path: Path = PORTS_CSV) -> int:
    """Adds or refreshes the seeded ports (matched on LOCODE); returns how many rows it read.

    Migration 0002 keeps its own frozen copy of this loader; this one serves tests and tools
    that need the reference rows back after a database flush.
    """
    count = 0
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            Port.objects.update_or_create(
                locode=row["locode"].strip(),
                defaults={
                    "name": row["name"].strip(),
                    "name_zh": (row.get("name_zh") or "").strip(),
                    "country": row["country"].strip(),
                    "kind": row["kind"].strip(),
                    "latitude": _decimal_or_none(row.get("latitude")),
                    "longitude": _decimal_or_none(row.get("longitude")),
                    "is_major": (row.get("is_major") or "0").strip() == "1",
                    "is_active": True,
                },
            )
            count += 1
    return count
