"""Units of measure for quantities, MOQs and packing, coded per UN/ECE Recommendation 20.

Why Rec 20 codes: they are what customs declarations, EDI messages and e-invoices (EN 16931,
UBL) expect in a quantity's ``unitCode``, so storing them from day one avoids a mapping table
later. "pcs", "ctns" and friends are display words, never stored codes.

Code certainty (checked against Rec 20 as I know it):
- Sure: H87 piece, C62 one ("unit"), SET, PR pair, DZN dozen, KGM, GRM, TNE, LBR, ONZ, MTR, CMT,
  MMT, INH, FOT, YRD, MTK, FTK, MTQ, FTQ, LTR, MLT, GLL (gallon, US).
- Less sure: the package units CT carton, BX box, BG bag, PK pack and RO roll. They are Rec 20
  codes, but recent revisions mark them deprecated in favour of the Rec 21 package codes with an
  "X" prefix (XCT, XBX, XBG, XPK, XRO). They are kept here because traders know them, and each
  carries its Rec 21 form in ``rec21_code`` for documents that must use the current list;
  ``get_unit`` accepts either form.

Conversion is exact: every factor below is a definition (1 lb = 0.45359237 kg, 1 ft = 0.3048 m,
1 US gal = 3.785411784 L), held as Decimal.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, Inexact, localcontext
from fractions import Fraction
from typing import Final

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

COUNT = "count"
MASS = "mass"
LENGTH = "length"
AREA = "area"
VOLUME = "volume"
PACKAGE = "package"
KINDS: Final = (COUNT, MASS, LENGTH, AREA, VOLUME, PACKAGE)

# Base unit per kind: factors below say how many base units one unit is.
BASE_UNITS: Final = {COUNT: "H87", MASS: "KGM", LENGTH: "MTR", AREA: "MTK", VOLUME: "MTQ"}


class UnknownUnit(ValueError):
    """Raised for a code that is not one of the supported Rec 20 units."""


class IncompatibleUnits(ValueError):
    """Raised when converting between kinds (kg to metres) or between unconvertible units."""


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit of measure; ``factor`` is in base units of its kind, ``None`` if not fixed."""

    code: str
    name: str | Promise
    name_plural: str | Promise
    name_zh: str
    kind: str
    factor: Decimal | None
    rec21_code: str | None = None

    def display_name(self, quantity: Decimal | int) -> str:
        """Singular for exactly one, plural otherwise ("1 piece", "0.5 pieces", "2 pieces")."""
        return str(self.name if quantity == 1 else self.name_plural)

    def __str__(self) -> str:
        return str(self.name)


def _unit(
    code: str,
    name: str | Promise,
    plural: str | Promise,
    name_zh: str,
    kind: str,
    factor: str | None,
    rec21_code: str | None = None,
) -> Unit:
    return Unit(
        code, name, plural, name_zh, kind, None if factor is None else Decimal(factor), rec21_code
    )


_UNITS: Final = (
    # Count. A pair or a set is a trade unit of its own (a pair of shoes is not two pieces for
    # pricing), so neither converts to pieces; a dozen is exactly twelve.
    _unit("H87", _("piece"), _("pieces"), "件", COUNT, "1"),
    _unit("C62", _("unit"), _("units"), "个", COUNT, "1"),
    _unit("SET", _("set"), _("sets"), "套", COUNT, None),
    _unit("PR", _("pair"), _("pairs"), "双", COUNT, None),
    _unit("DZN", _("dozen"), _("dozens"), "打", COUNT, "12"),
    # Packages: their content varies by product, so they never convert.
    _unit("CT", _("carton"), _("cartons"), "箱", PACKAGE, None, "XCT"),
    _unit("BX", _("box"), _("boxes"), "盒", PACKAGE, None, "XBX"),
    _unit("BG", _("bag"), _("bags"), "袋", PACKAGE, None, "XBG"),
    _unit("PK", _("pack"), _("packs"), "包", PACKAGE, None, "XPK"),
    _unit("RO", _("roll"), _("rolls"), "卷", PACKAGE, None, "XRO"),
    # Mass, base kilogram.
    _unit("KGM", _("kilogram"), _("kilograms"), "千克", MASS, "1"),
    _unit("GRM", _("gram"), _("grams"), "克", MASS, "0.001"),
    _unit("TNE", _("metric ton"), _("metric tons"), "吨", MASS, "1000"),
    _unit("LBR", _("pound"), _("pounds"), "磅", MASS, "0.45359237"),
    _unit("ONZ", _("ounce"), _("ounces"), "盎司", MASS, "0.028349523125"),
    # Length, base metre.
    _unit("MTR", _("metre"), _("metres"), "米", LENGTH, "1"),
    _unit("CMT", _("centimetre"), _("centimetres"), "厘米", LENGTH, "0.01"),
    _unit("MMT", _("millimetre"), _("millimetres"), "毫米", LENGTH, "0.001"),
    _unit("INH", _("inch"), _("inches"), "英寸", LENGTH, "0.0254"),
    _unit("FOT", _("foot"), _("feet"), "英尺", LENGTH, "0.3048"),
    _unit("YRD", _("yard"), _("yards"), "码", LENGTH, "0.9144"),
    # Area, base square metre.
    _unit("MTK", _("square metre"), _("square metres"), "平方米", AREA, "1"),
    _unit("FTK", _("square foot"), _("square feet"), "平方英尺", AREA, "0.09290304"),
    # Volume, base cubic metre.
    _unit("MTQ", _("cubic metre"), _("cubic metres"), "立方米", VOLUME, "1"),
    _unit("FTQ", _("cubic foot"), _("cubic feet"), "立方英尺", VOLUME, "0.028316846592"),
    _unit("LTR", _("litre"), _("litres"), "升", VOLUME, "0.001"),
    _unit("MLT", _("millilitre"), _("millilitres"), "毫升", VOLUME, "0.000001"),
    _unit("GLL", _("US gallon"), _("US gallons"), "美制加仑", VOLUME, "0.003785411784"),
)

UNITS: Final[dict[str, Unit]] = {unit.code: unit for unit in _UNITS}
_BY_REC21_CODE: Final[dict[str, Unit]] = {u.rec21_code: u for u in _UNITS if u.rec21_code}

UNIT_CHOICES: Final[list[tuple[str, str]]] = [
    (unit.code, format_lazy("{} ({})", unit.name, unit.code)) for unit in _UNITS
]


def get_unit(code: str) -> Unit:
    """The unit for a Rec 20 code (or the Rec 21 "X" form of a package); ``UnknownUnit``."""
    normalized = code.strip().upper() if isinstance(code, str) else ""
    unit = UNITS.get(normalized) or _BY_REC21_CODE.get(normalized)
    if unit is None:
        raise UnknownUnit(f"{code!r} is not a supported UN/ECE Rec 20 unit code.")
    return unit


def validate_unit_code(value: str) -> None:
    """Model/form validator: the value must be a stored unit code exactly (e.g. ``"KGM"``)."""
    if not isinstance(value, str) or value not in UNITS:
        raise ValidationError(
            _("%(value)s is not a supported unit of measure code (e.g. H87, KGM, MTR)."),
            code="invalid_unit",
            params={"value": repr(value)},
        )


def convert(quantity: Decimal | int, from_code: str, to_code: str) -> Decimal:
    """Convert between units of the same kind, exactly where the result has a finite decimal.

    A result that does not terminate (1 kg in pounds) is rounded to 28 significant digits; round
    further for display. Packages, sets and pairs do not convert.
    """
    if isinstance(quantity, bool) or not isinstance(quantity, Decimal | int):
        raise TypeError(f"quantity must be a Decimal or int, not {type(quantity).__name__}")
    source, target = get_unit(from_code), get_unit(to_code)
    if source.kind != target.kind:
        raise IncompatibleUnits(
            f"cannot convert {source.kind} ({source.code}) to {target.kind} ({target.code})"
        )
    if source.code == target.code:
        return Decimal(quantity)
    if source.factor is None or target.factor is None:
        raise IncompatibleUnits(f"{source.code} and {target.code} have no fixed ratio")
    exact = Fraction(quantity) * Fraction(source.factor) / Fraction(target.factor)
    return _fraction_to_decimal(exact)


def _fraction_to_decimal(value: Fraction) -> Decimal:
    with localcontext() as context:
        context.prec = 100
        context.traps[Inexact] = True
        try:
            return Decimal(value.numerator) / Decimal(value.denominator)
        except Inexact:
            pass
    with localcontext() as context:
        context.prec = 28
        return Decimal(value.numerator) / Decimal(value.denominator)
