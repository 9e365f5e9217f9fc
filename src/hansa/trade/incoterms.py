"""The eleven Incoterms 2020 rules and the check of a trade term such as "FOB Shanghai".

Why it matters: the rule decides who books and pays the main carriage, who insures, who clears
import, and at which point the risk of loss passes from seller to buyer. A quotation reading
"FOB Chicago" for an air shipment is a classic error: FAS, FOB, CFR and CIF are defined for sea
and inland waterway transport only (goods delivered at or on board a vessel), so for air, road,
rail or containers handed to a carrier at a terminal the ICC points to FCA, CPT and CIP instead.

Every rule is followed by a named place (or port); a rule without it is incomplete.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

INCOTERMS_VERSION: Final = "Incoterms 2020"


class UnknownIncoterm(ValueError):
    """Raised for a code that is not one of the eleven Incoterms 2020 rules."""


@dataclass(frozen=True, slots=True)
class Incoterm:
    """One Incoterms 2020 rule, with the facts a quotation or contract screen needs."""

    code: str
    name: str | Promise
    group: str  # E, F, C or D: departure, main carriage unpaid, main carriage paid, arrival
    sea_only: bool
    place_kind: str | Promise
    risk_transfer: str | Promise
    seller_pays_main_carriage: bool
    seller_insures: bool
    seller_clears_import: bool

    def __str__(self) -> str:
        return f"{self.code} \N{EN DASH} {self.name}"


_PLACE_OF_DELIVERY = _("named place of delivery")
_PLACE_OF_DESTINATION = _("named place of destination")
_PORT_OF_SHIPMENT = _("named port of shipment")
_PORT_OF_DESTINATION = _("named port of destination")

# (code, name, group, sea_only, place kind, risk transfer, main carriage, insures, clears import)
_RULES = (
    (
        "EXW",
        _("Ex Works"),
        "E",
        False,
        _PLACE_OF_DELIVERY,
        _("When the goods are placed at the buyer's disposal at the named place, not loaded."),
        False,
        False,
        False,
    ),
    (
        "FCA",
        _("Free Carrier"),
        "F",
        False,
        _PLACE_OF_DELIVERY,
        _("When the goods are handed to the buyer's carrier at the named place."),
        False,
        False,
        False,
    ),
    (
        "CPT",
        _("Carriage Paid To"),
        "C",
        False,
        _PLACE_OF_DESTINATION,
        _("When the goods are handed to the first carrier; the seller still pays the carriage."),
        True,
        False,
        False,
    ),
    (
        "CIP",
        _("Carriage and Insurance Paid To"),
        "C",
        False,
        _PLACE_OF_DESTINATION,
        _(
            "When the goods are handed to the first carrier; the seller pays carriage "
            "and insurance."
        ),
        True,
        True,
        False,
    ),
    (
        "DAP",
        _("Delivered at Place"),
        "D",
        False,
        _PLACE_OF_DESTINATION,
        _("When the goods arrive at the named place, ready for unloading by the buyer."),
        True,
        False,
        False,
    ),
    (
        "DPU",
        _("Delivered at Place Unloaded"),
        "D",
        False,
        _PLACE_OF_DESTINATION,
        _("When the goods have been unloaded at the named place of destination."),
        True,
        False,
        False,
    ),
    (
        "DDP",
        _("Delivered Duty Paid"),
        "D",
        False,
        _PLACE_OF_DESTINATION,
        _("When the goods arrive at the named place, cleared for import, ready for unloading."),
        True,
        False,
        True,
    ),
    (
        "FAS",
        _("Free Alongside Ship"),
        "F",
        True,
        _PORT_OF_SHIPMENT,
        _("When the goods are placed alongside the buyer's vessel at the port of shipment."),
        False,
        False,
        False,
    ),
    (
        "FOB",
        _("Free On Board"),
        "F",
        True,
        _PORT_OF_SHIPMENT,
        _("When the goods are on board the buyer's vessel at the port of shipment."),
        False,
        False,
        False,
    ),
    (
        "CFR",
        _("Cost and Freight"),
        "C",
        True,
        _PORT_OF_DESTINATION,
        _("When the goods are on board the vessel at the port of shipment; seller pays freight."),
        True,
        False,
        False,
    ),
    (
        "CIF",
        _("Cost, Insurance and Freight"),
        "C",
        True,
        _PORT_OF_DESTINATION,
        _(
            "When the goods are on board the vessel at the port of shipment; seller pays freight "
            "and insurance."
        ),
        True,
        True,
        False,
    ),
)

INCOTERMS: Final[dict[str, Incoterm]] = {rule[0]: Incoterm(*rule) for rule in _RULES}

# Lazy labels, so "FOB - Free On Board" (en dash) follows the active language.
INCOTERM_CHOICES: Final[list[tuple[str, str]]] = [
    (term.code, format_lazy("{} \N{EN DASH} {}", term.code, term.name))
    for term in INCOTERMS.values()
]

# The rule to use instead of a sea-only one when the goods do not go on a vessel at a port.
ANY_MODE_ALTERNATIVE: Final[dict[str, str]] = {
    "FAS": "FCA",
    "FOB": "FCA",
    "CFR": "CPT",
    "CIF": "CIP",
}

TRANSPORT_MODES: Final[dict[str, str | Promise]] = {
    "sea": _("Sea"),
    "inland_waterway": _("Inland waterway"),
    "air": _("Air"),
    "road": _("Road"),
    "rail": _("Rail"),
    "multimodal": _("Multimodal (container)"),
}
SEA_MODES: Final = frozenset({"sea", "inland_waterway"})


def get_incoterm(code: str) -> Incoterm:
    """The rule for ``code`` (case-insensitive); ``UnknownIncoterm`` otherwise."""
    normalized = code.strip().upper() if isinstance(code, str) else ""
    try:
        return INCOTERMS[normalized]
    except KeyError:
        raise UnknownIncoterm(f"{code!r} is not an {INCOTERMS_VERSION} rule.") from None


def validate_trade_term(code: str, named_place: str, transport_mode: str | None = None) -> Incoterm:
    """Check a rule, its named place and (if known) the transport mode; return the rule."""
    try:
        term = get_incoterm(code)
    except UnknownIncoterm:
        raise ValidationError(
            _("%(code)s is not an Incoterms 2020 rule. Use one of: %(rules)s."),
            code="unknown_incoterm",
            params={"code": repr(code), "rules": ", ".join(INCOTERMS)},
        ) from None

    if not isinstance(named_place, str) or not named_place.strip():
        raise ValidationError(
            _("%(rule)s needs a %(place_kind)s, e.g. “%(example)s”."),
            code="named_place_required",
            params={
                "rule": term.code,
                "place_kind": term.place_kind,
                "example": f"{term.code} {'Hamburg' if term.group in ('C', 'D') else 'Shanghai'}",
            },
        )

    if transport_mode is not None:
        if not isinstance(transport_mode, str) or transport_mode not in TRANSPORT_MODES:
            raise ValidationError(
                _("%(mode)s is not a transport mode. Use one of: %(modes)s."),
                code="unknown_transport_mode",
                params={"mode": repr(transport_mode), "modes": ", ".join(TRANSPORT_MODES)},
            )
        if term.sea_only and transport_mode not in SEA_MODES:
            raise ValidationError(
                _(
                    "%(rule)s is for sea and inland waterway transport only, not for %(mode)s "
                    "transport; use %(alternative)s instead."
                ),
                code="sea_only_rule",
                params={
                    "rule": term.code,
                    "mode": transport_mode.replace("_", " "),
                    "alternative": ANY_MODE_ALTERNATIVE[term.code],
                },
            )
    return term


def format_trade_term(code: str, place: str) -> str:
    """``"FOB Shanghai (Incoterms 2020)"``, the form contracts and invoices should print."""
    term = validate_trade_term(code, place)
    return f"{term.code} {' '.join(place.split())} ({INCOTERMS_VERSION})"
