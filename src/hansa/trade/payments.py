"""Payment methods accepted in cross-border B2B trade, ranked by the exporter's risk.

Why a ranking: a supplier states which methods it accepts and a buyer proposes one; the
platform shows them in the usual trade-finance order, from payment before shipment (no credit
risk for the exporter) to open account (the exporter ships and trusts the buyer to pay later).
That order is the one trade-finance guides use: cash in advance, letter of credit, documentary
collection (D/P before D/A), open account.

Card and e-checking are online payments collected before shipment, so they rank with cash in
advance; they sit after T/T because the money can still come back: an e-check (ACH debit) can be
returned for a short period, and a card payment can be charged back on the buyer's dispute for
months. Both still rank above an L/C, where the exporter waits for the bank to accept compliant
documents.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True, slots=True)
class PaymentMethod:
    """A payment method; ``exporter_risk`` 1 is the safest for the seller."""

    code: str
    short_name: str  # as written in quotations: "T/T", "L/C"
    name: str | Promise
    description: str | Promise
    exporter_risk: int
    risk_reason: str | Promise

    def __str__(self) -> str:
        return str(self.name)


_METHODS: Final = (
    PaymentMethod(
        "TT",
        "T/T",
        _("Telegraphic transfer (T/T) in advance"),
        _("Bank wire (SWIFT) paid before the goods are shipped, often as a deposit plus balance."),
        1,
        _("The exporter holds the money before shipping; a wire cannot be reversed."),
    ),
    PaymentMethod(
        "ECHECK",
        "e-Check",
        _("E-checking"),
        _("Online payment debited from the buyer's bank account before shipment."),
        2,
        _("Collected before shipment, but a debit can be returned for a short period."),
    ),
    PaymentMethod(
        "CARD",
        "Card",
        _("Credit or debit card"),
        _("Online card payment before shipment, usually for samples and small orders."),
        3,
        _("Collected before shipment, but the buyer can charge it back for months."),
    ),
    PaymentMethod(
        "LC",
        "L/C",
        _("Letter of credit (L/C)"),
        _("The buyer's bank undertakes to pay against documents that comply with the credit."),
        4,
        _("A bank promises payment, but only for compliant documents; discrepancies delay it."),
    ),
    PaymentMethod(
        "DP",
        "D/P",
        _("Documents against payment (D/P)"),
        _("Banks release the shipping documents to the buyer only when the buyer pays."),
        5,
        _("No bank promise: the buyer may refuse the documents, leaving goods at the port."),
    ),
    PaymentMethod(
        "DA",
        "D/A",
        _("Documents against acceptance (D/A)"),
        _("Documents are released when the buyer accepts a bill of exchange payable later."),
        6,
        _("The buyer takes the goods against a promise to pay later, backed by no bank."),
    ),
    PaymentMethod(
        "OA",
        "O/A",
        _("Open account (O/A)"),
        _("Goods and documents go to the buyer, who pays on agreed terms, e.g. 60 days."),
        7,
        _("The exporter ships first and relies on the buyer paying later."),
    ),
)

PAYMENT_METHODS: Final[dict[str, PaymentMethod]] = {
    method.code: method for method in sorted(_METHODS, key=lambda m: m.exporter_risk)
}
PAYMENT_METHOD_CHOICES: Final[list[tuple[str, str | Promise]]] = [
    (method.code, method.name) for method in PAYMENT_METHODS.values()
]

# Spellings that appear in quotations, mapped to the stored code.
_ALIASES: Final[dict[str, str]] = {
    "T/T": "TT",
    "L/C": "LC",
    "D/P": "DP",
    "D/A": "DA",
    "O/A": "OA",
    "E-CHECK": "ECHECK",
    "E-CHECKING": "ECHECK",
}


def methods_by_exporter_risk() -> list[PaymentMethod]:
    """All methods, lowest exporter risk first."""
    return list(PAYMENT_METHODS.values())


def validate_payment_methods(codes: Iterable[str]) -> list[str]:
    """Normalise a selection: known codes only, each once, in exporter-risk order."""
    if isinstance(codes, str | bytes):
        raise TypeError("pass a list of payment method codes, not a single string")
    selected: set[str] = set()
    unknown: list[str] = []
    for raw in codes:
        key = raw.strip().upper() if isinstance(raw, str) else ""
        code = _ALIASES.get(key, key)
        if code in PAYMENT_METHODS:
            selected.add(code)
        else:
            unknown.append(repr(raw))
    if unknown:
        raise ValidationError(
            _("Unknown payment method(s): %(unknown)s. Use: %(known)s."),
            code="unknown_payment_method",
            params={"unknown": ", ".join(unknown), "known": ", ".join(PAYMENT_METHODS)},
        )
    return [code for code in PAYMENT_METHODS if code in selected]
