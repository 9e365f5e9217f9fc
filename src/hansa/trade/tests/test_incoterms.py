import pytest
from django.core.exceptions import ValidationError

from hansa.trade.incoterms import (
    INCOTERM_CHOICES,
    INCOTERMS,
    TRANSPORT_MODES,
    Incoterm,
    UnknownIncoterm,
    format_trade_term,
    get_incoterm,
    validate_trade_term,
)


def error_of(excinfo) -> tuple[str, str]:
    error = excinfo.value
    return error.code, error.messages[0]


def test_all_eleven_rules_in_order():
    assert list(INCOTERMS) == [
        "EXW", "FCA", "CPT", "CIP", "DAP", "DPU", "DDP", "FAS", "FOB", "CFR", "CIF",
    ]  # fmt: skip
    assert [code for code, _label in INCOTERM_CHOICES] == list(INCOTERMS)
    assert str(dict(INCOTERM_CHOICES)["FOB"]) == "FOB \N{EN DASH} Free On Board"


def test_exactly_four_sea_only_rules():
    assert sorted(code for code, term in INCOTERMS.items() if term.sea_only) == [
        "CFR",
        "CIF",
        "FAS",
        "FOB",
    ]


def test_groups():
    groups = {code: term.group for code, term in INCOTERMS.items()}
    assert groups == {
        "EXW": "E",
        "FCA": "F", "FAS": "F", "FOB": "F",
        "CPT": "C", "CIP": "C", "CFR": "C", "CIF": "C",
        "DAP": "D", "DPU": "D", "DDP": "D",
    }  # fmt: skip


def test_cost_and_responsibility_flags():
    insures = {code for code, term in INCOTERMS.items() if term.seller_insures}
    clears_import = {code for code, term in INCOTERMS.items() if term.seller_clears_import}
    pays_carriage = {code for code, term in INCOTERMS.items() if term.seller_pays_main_carriage}
    assert insures == {"CIF", "CIP"}
    assert clears_import == {"DDP"}
    assert pays_carriage == {"CPT", "CIP", "CFR", "CIF", "DAP", "DPU", "DDP"}


def test_place_kinds():
    assert str(INCOTERMS["FOB"].place_kind) == "named port of shipment"
    assert str(INCOTERMS["FAS"].place_kind) == "named port of shipment"
    assert str(INCOTERMS["CIF"].place_kind) == "named port of destination"
    assert str(INCOTERMS["CFR"].place_kind) == "named port of destination"
    assert str(INCOTERMS["EXW"].place_kind) == "named place of delivery"
    assert str(INCOTERMS["FCA"].place_kind) == "named place of delivery"
    assert str(INCOTERMS["DDP"].place_kind) == "named place of destination"
    assert all(str(term.risk_transfer).endswith(".") for term in INCOTERMS.values())


def test_get_incoterm():
    term = get_incoterm(" fob ")
    assert isinstance(term, Incoterm)
    assert term.code == "FOB"
    assert str(term.name) == "Free On Board"
    assert str(term) == "FOB \N{EN DASH} Free On Board"


@pytest.mark.parametrize("code", ["", "FOBB", "DAT", "DEQ", "C&F", None])
def test_get_incoterm_unknown(code):
    # DAT and DEQ were Incoterms 2010/2000 rules, withdrawn in 2020 and 2010.
    with pytest.raises(UnknownIncoterm, match="not an Incoterms 2020 rule"):
        get_incoterm(code)


def test_validate_trade_term_accepts_and_returns_the_rule():
    assert validate_trade_term("FOB", "Shanghai").code == "FOB"
    assert validate_trade_term("fob", "Shanghai", "sea").code == "FOB"
    assert validate_trade_term("CIF", "Hamburg", "inland_waterway").code == "CIF"
    for mode in TRANSPORT_MODES:
        assert validate_trade_term("FCA", "Shenzhen", mode).code == "FCA"
        assert validate_trade_term("DDP", "Chicago", mode).code == "DDP"


def test_validate_trade_term_unknown_rule():
    with pytest.raises(ValidationError) as excinfo:
        validate_trade_term("DAT", "Rotterdam")
    assert error_of(excinfo) == (
        "unknown_incoterm",
        "'DAT' is not an Incoterms 2020 rule. "
        "Use one of: EXW, FCA, CPT, CIP, DAP, DPU, DDP, FAS, FOB, CFR, CIF.",
    )


@pytest.mark.parametrize("code", list(INCOTERMS))
@pytest.mark.parametrize("place", ["", "   ", None])
def test_named_place_is_required_for_every_rule(code, place):
    with pytest.raises(ValidationError) as excinfo:
        validate_trade_term(code, place)
    assert excinfo.value.code == "named_place_required"


def test_named_place_messages():
    with pytest.raises(ValidationError) as excinfo:
        validate_trade_term("FOB", "")
    assert error_of(excinfo) == (
        "named_place_required",
        "FOB needs a named port of shipment, e.g. “FOB Shanghai”.",
    )
    with pytest.raises(ValidationError) as excinfo:
        validate_trade_term("CIF", " ")
    assert error_of(excinfo) == (
        "named_place_required",
        "CIF needs a named port of destination, e.g. “CIF Hamburg”.",
    )


@pytest.mark.parametrize("code", ["FAS", "FOB", "CFR", "CIF"])
@pytest.mark.parametrize("mode", ["air", "road", "rail", "multimodal"])
def test_sea_only_rules_refuse_other_modes(code, mode):
    with pytest.raises(ValidationError) as excinfo:
        validate_trade_term(code, "Shanghai", mode)
    assert excinfo.value.code == "sea_only_rule"


def test_sea_only_message_names_the_alternative():
    with pytest.raises(ValidationError) as excinfo:
        validate_trade_term("FOB", "Shanghai Pudong", "air")
    assert error_of(excinfo) == (
        "sea_only_rule",
        "FOB is for sea and inland waterway transport only, not for air transport; "
        "use FCA instead.",
    )
    with pytest.raises(ValidationError) as excinfo:
        validate_trade_term("CIF", "Chicago", "multimodal")
    assert error_of(excinfo)[1].endswith("not for multimodal transport; use CIP instead.")


@pytest.mark.parametrize("mode", ["plane", "SEA", "", "container", 3])
def test_unknown_transport_mode(mode):
    with pytest.raises(ValidationError) as excinfo:
        validate_trade_term("FCA", "Ningbo", mode)
    assert excinfo.value.code == "unknown_transport_mode"


def test_format_trade_term():
    assert format_trade_term("FOB", "Shanghai") == "FOB Shanghai (Incoterms 2020)"
    assert format_trade_term("cif", "  Los   Angeles ") == "CIF Los Angeles (Incoterms 2020)"
    with pytest.raises(ValidationError):
        format_trade_term("FOB", "")
    with pytest.raises(ValidationError):
        format_trade_term("XYZ", "Shanghai")
