"""Read-only queries on the trade reference tables, so views and forms share one definition."""

from __future__ import annotations

from django.db.models import QuerySet

from hansa.trade.models import Port


def active_ports(country: str | None = None) -> QuerySet[Port]:
    """Active ports, optionally of one country, in the model's order (country, name)."""
    ports = Port.objects.filter(is_active=True)
    if country:
        ports = ports.filter(country=country.strip().upper())
    return ports


def port_choices(country: str | None = None) -> list[tuple[str, str]]:
    """(locode, "Shanghai (CNSHA)") pairs for a drop-down, major ports first within a country."""
    ports = active_ports(country).order_by("country", "-is_major", "name")
    return [(locode, f"{name} ({locode})") for locode, name in ports.values_list("locode", "name")]


def major_ports(country: str | None = None) -> QuerySet[Port]:
    """The active ports flagged as major (the short list shown before a search)."""
    return active_ports(country).filter(is_major=True)
