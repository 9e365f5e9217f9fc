"""ISO 4217 currencies and their minor units.

Why a hand-kept table: pycountry knows the codes and English names of ISO 4217 but not the minor
unit (the number of decimal digits), and that number decides how every price, invoice and
payment split is rounded. The table below follows ISO 4217 list one (current currency and funds
codes); the test suite cross-checks it against ``pycountry.currencies`` so a pycountry upgrade
that adds or withdraws a code fails loudly instead of silently mis-rounding.

Codes that ISO lists with minor unit "N.A." (precious metals, bond-market units, the SDR, the
testing and "no currency" codes) are deliberately absent: goods cannot be priced in them, so
``is_currency`` answers ``False`` and ``minor_unit`` raises ``UnknownCurrency`` for them.
"""

from __future__ import annotations

from typing import Final

import pycountry
from django.utils.functional import lazy

from hansa.trade.isonames import localized_iso_name


class UnknownCurrency(ValueError):
    """Raised for a code that is not an active ISO 4217 currency usable for pricing."""


def _codes(text: str) -> tuple[str, ...]:
    """Split a whitespace-separated list of codes (easier to proofread than quoted lists)."""
    return tuple(text.split())


# Currencies whose minor unit is not 2 (ISO 4217 list one). Every other priced code has 2.
_ZERO_DECIMALS: Final = _codes(
    "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"
)
_THREE_DECIMALS: Final = _codes("BHD IQD JOD KWD LYD OMR TND")
_FOUR_DECIMALS: Final = _codes("CLF UYW")  # Chilean and Uruguayan indexed units of account.

_TWO_DECIMALS: Final = _codes("""
AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BMD BND BOB BOV BRL BSD BTN BWP BYN BZD
CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL
GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR
LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD
PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC
SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW
ZWG
""")

# ISO 4217 codes with minor unit "N.A.": valid codes, but not money a buyer can be invoiced in.
# XAD (Arab Accounting Dinar, added to ISO 4217 in 2025) is a unit of account like the SDR.
NON_MONETARY_CODES: Final[frozenset[str]] = frozenset(
    _codes("XAD XAG XAU XBA XBB XBC XBD XDR XPD XPT XSU XTS XUA XXX")
)

MINOR_UNITS: Final[dict[str, int]] = {
    **dict.fromkeys(_TWO_DECIMALS, 2),
    **dict.fromkeys(_ZERO_DECIMALS, 0),
    **dict.fromkeys(_THREE_DECIMALS, 3),
    **dict.fromkeys(_FOUR_DECIMALS, 4),
}

# The currencies most B2B quotations are made in, listed first in every drop-down so a seller
# does not scroll past the Afghani to find the US dollar.
COMMON_TRADE_CURRENCIES: Final[tuple[str, ...]] = (
    "USD",
    "EUR",
    "CNY",
    "GBP",
    "JPY",
    "HKD",
    "AUD",
    "CAD",
    "CHF",
    "SGD",
    "AED",
    "INR",
    "RUB",
    "BRL",
    "MXN",
    "KRW",
    "TRY",
    "ZAR",
)


def _normalize(code: object) -> str:
    return code.strip().upper() if isinstance(code, str) else ""


def is_currency(code: object) -> bool:
    """True for an active ISO 4217 code that goods can be priced in (case-insensitive)."""
    return _normalize(code) in MINOR_UNITS


def minor_unit(code: str) -> int:
    """Number of decimal digits of the currency's minor unit (USD 2, JPY 0, KWD 3, CLF 4)."""
    normalized = _normalize(code)
    try:
        return MINOR_UNITS[normalized]
    except KeyError:
        if normalized in NON_MONETARY_CODES:
            raise UnknownCurrency(
                f"{normalized} is an ISO 4217 code without a minor unit (a metal, fund or "
                "accounting unit); it cannot be used to price goods."
            ) from None
        raise UnknownCurrency(f"{code!r} is not an active ISO 4217 currency code.") from None


def currency_name(code: str) -> str:
    """ISO 4217 name in the active language ("US Dollar", 美元), or the code itself if unknown."""
    normalized = _normalize(code)
    record = pycountry.currencies.get(alpha_3=normalized) if normalized else None
    if record is None:
        return str(code)
    return localized_iso_name("iso4217", record.name)


def _choice_label(code: str) -> str:
    return f"{code} \N{EN DASH} {currency_name(code)}"


# Labels are lazy so a form rendered in Chinese shows "CNY - 人民币元" (with an en dash).
_lazy_choice_label = lazy(_choice_label, str)


def _build_choices() -> list[tuple[str, str]]:
    common = [code for code in COMMON_TRADE_CURRENCIES if code in MINOR_UNITS]
    rest = sorted(code for code in MINOR_UNITS if code not in COMMON_TRADE_CURRENCIES)
    return [(code, _lazy_choice_label(code)) for code in (*common, *rest)]


CURRENCY_CHOICES: Final[list[tuple[str, str]]] = _build_choices()
