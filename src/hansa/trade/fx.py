"""Indicative reference exchange rates, for comparing prices across currencies in search.

These are not settlement rates (FX settlement is a later trade-services issue): they only put
listings priced in different currencies on one scale for price filters, facets and sorting,
and pages say the conversion is approximate. Units of each currency per 1 USD, rounded; the
operator refreshes them (``REFERENCE_RATES_AS_OF`` tells when they were set).
"""

from __future__ import annotations

from decimal import Decimal

REFERENCE_RATES_AS_OF = "2026-11-01"
USD_RATES: dict[str, Decimal] = {
    code: Decimal(rate)
    for code, rate in {
        "USD": "1",
        "EUR": "0.92",
        "GBP": "0.79",
        "CNY": "7.2",
        "HKD": "7.8",
        "JPY": "150",
        "KRW": "1380",
        "INR": "84",
        "RUB": "95",
        "BRL": "5.6",
        "MXN": "18.5",
        "CAD": "1.38",
        "AUD": "1.52",
        "CHF": "0.88",
        "SGD": "1.34",
        "AED": "3.6725",
        "SAR": "3.75",
        "TRY": "34",
        "VND": "25000",
        "THB": "35",
        "MYR": "4.5",
        "IDR": "15800",
        "PLN": "3.95",
        "ZAR": "18",
        "NGN": "1600",
        "EGP": "48",
        "TWD": "32",
    }.items()
}


def to_usd(amount: Decimal | str | None, currency: str) -> Decimal | None:
    """``amount`` in USD at the reference rate; None when unknown or not convertible."""
    if amount in (None, ""):
        return None
    rate = USD_RATES.get((currency or "").upper())
    if rate is None:
        return None
    return Decimal(amount) / rate
