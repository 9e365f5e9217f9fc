"""App config: trade reference data (currencies, Incoterms, units, HS codes, ports)."""

from django.apps import AppConfig


class TradeConfig(AppConfig):
    name = "hansa.trade"
    label = "trade"
    verbose_name = "Trade reference data"
    default_auto_field = "django.db.models.BigAutoField"
