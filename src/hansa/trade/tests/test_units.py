from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from hansa.trade.units import (
    BASE_UNITS,
    KINDS,
    UNIT_CHOICES,
    UNITS,
    IncompatibleUnits,
    UnknownUnit,
    convert,
    get_unit,
    validate_unit_code,
)


def test_required_codes_are_present_with_their_kind():
    expected = {
        "H87": "count", "C62": "count", "SET": "count", "PR": "count", "DZN": "count",
        "CT": "package", "BX": "package", "BG": "package", "PK": "package", "RO": "package",
        "KGM": "mass", "GRM": "mass", "TNE": "mass", "LBR": "mass",
        "MTR": "length", "CMT": "length", "FOT": "length", "YRD": "length",
        "MTK": "area", "FTK": "area",
        "MTQ": "volume", "LTR": "volume", "GLL": "volume",
    }  # fmt: skip
    assert {code: UNITS[code].kind for code in expected} == expected


def test_every_unit_is_consistent():
    for code, unit in UNITS.items():
        assert unit.code == code
        assert unit.kind in KINDS
        assert unit.name_zh
        assert str(unit.name) and str(unit.name_plural)
        if unit.kind in ("mass", "length", "area", "volume"):
            assert isinstance(unit.factor, Decimal) and unit.factor > 0
    for kind, base in BASE_UNITS.items():
        assert UNITS[base].kind == kind
        assert UNITS[base].factor == 1


def test_names():
    piece = get_unit("H87")
    assert (str(piece.name), str(piece.name_plural), piece.name_zh) == ("piece", "pieces", "件")
    assert piece.display_name(1) == "piece"
    assert piece.display_name(Decimal("2.5")) == "pieces"
    assert get_unit("FOT").display_name(3) == "feet"
    assert str(get_unit("KGM")) == "kilogram"
    assert str(dict(UNIT_CHOICES)["KGM"]) == "kilogram (KGM)"
    assert [code for code, _label in UNIT_CHOICES] == list(UNITS)


def test_get_unit_accepts_case_and_rec21_package_codes():
    assert get_unit(" kgm ").code == "KGM"
    assert get_unit("XCT").code == "CT"
    assert get_unit("CT").rec21_code == "XCT"


@pytest.mark.parametrize("code", ["", "PCS", "KG", "XXX", None, 1])
def test_get_unit_unknown(code):
    with pytest.raises(UnknownUnit, match="not a supported UN/ECE Rec 20 unit code"):
        get_unit(code)


def test_validate_unit_code():
    validate_unit_code("KGM")
    for bad in ["kgm", "PCS", "", None, "XCT"]:
        with pytest.raises(ValidationError) as excinfo:
            validate_unit_code(bad)
        assert excinfo.value.code == "invalid_unit"


@pytest.mark.parametrize(
    ("quantity", "source", "target", "expected"),
    [
        (Decimal("2"), "TNE", "KGM", Decimal("2000")),
        (Decimal("1500"), "GRM", "KGM", Decimal("1.5")),
        (Decimal("10"), "LBR", "KGM", Decimal("4.5359237")),
        (Decimal("1"), "KGM", "LBR", Decimal("2.204622621848775807229738013")),
        (Decimal("16"), "ONZ", "LBR", Decimal("1")),
        (Decimal("1"), "YRD", "FOT", Decimal("3")),
        (Decimal("100"), "CMT", "MTR", Decimal("1")),
        (Decimal("12"), "INH", "FOT", Decimal("1")),
        (Decimal("1"), "FTK", "MTK", Decimal("0.09290304")),
        (Decimal("1.5"), "MTQ", "LTR", Decimal("1500")),
        (Decimal("1"), "GLL", "LTR", Decimal("3.785411784")),
        (Decimal("2"), "DZN", "H87", Decimal("24")),
        (Decimal("30"), "H87", "DZN", Decimal("2.5")),
        (5, "C62", "H87", Decimal("5")),
        (Decimal("3"), "SET", "SET", Decimal("3")),
    ],
)
def test_convert(quantity, source, target, expected):
    result = convert(quantity, source, target)
    assert isinstance(result, Decimal)
    assert result == expected


def test_convert_round_trip_is_exact_for_terminating_factors():
    assert convert(convert(Decimal("7.25"), "FOT", "MTR"), "MTR", "FOT") == Decimal("7.25")


@pytest.mark.parametrize(
    ("source", "target"),
    [("KGM", "MTR"), ("LTR", "KGM"), ("H87", "KGM"), ("CT", "H87"), ("PR", "H87"), ("CT", "BX")],
)
def test_convert_refuses_other_kinds_and_unfixed_ratios(source, target):
    with pytest.raises(IncompatibleUnits):
        convert(Decimal(1), source, target)


def test_convert_refuses_float_and_unknown_codes():
    with pytest.raises(TypeError):
        convert(1.5, "KGM", "GRM")
    with pytest.raises(UnknownUnit):
        convert(Decimal(1), "KGS", "GRM")
