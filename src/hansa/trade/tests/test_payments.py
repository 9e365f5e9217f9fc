import pytest
from django.core.exceptions import ValidationError

from hansa.trade.payments import (
    PAYMENT_METHOD_CHOICES,
    PAYMENT_METHODS,
    PaymentMethod,
    methods_by_exporter_risk,
    validate_payment_methods,
)

RISK_ORDER = ["TT", "ECHECK", "CARD", "LC", "DP", "DA", "OA"]


def test_methods_in_exporter_risk_order():
    assert list(PAYMENT_METHODS) == RISK_ORDER
    assert [method.code for method in methods_by_exporter_risk()] == RISK_ORDER
    assert [method.exporter_risk for method in methods_by_exporter_risk()] == [1, 2, 3, 4, 5, 6, 7]
    assert [code for code, _label in PAYMENT_METHOD_CHOICES] == RISK_ORDER


def test_the_trade_finance_ordering_holds():
    risk = {code: method.exporter_risk for code, method in PAYMENT_METHODS.items()}
    assert risk["TT"] == 1
    assert risk["TT"] < risk["LC"] < risk["DP"] < risk["DA"] < risk["OA"]
    assert risk["OA"] == max(risk.values())
    # Online payments collected before shipment rank with cash in advance, above the L/C.
    assert risk["ECHECK"] < risk["CARD"] < risk["LC"]


def test_each_method_is_described():
    for code, method in PAYMENT_METHODS.items():
        assert isinstance(method, PaymentMethod)
        assert method.code == code
        assert str(method.name) and str(method.description) and str(method.risk_reason)
    assert PAYMENT_METHODS["TT"].short_name == "T/T"
    assert PAYMENT_METHODS["LC"].short_name == "L/C"
    assert str(PAYMENT_METHODS["OA"]) == "Open account (O/A)"


def test_methods_by_exporter_risk_returns_a_copy():
    methods = methods_by_exporter_risk()
    methods.clear()
    assert len(methods_by_exporter_risk()) == 7


def test_validate_dedupes_and_sorts_by_risk():
    assert validate_payment_methods(["OA", "TT", "LC", "TT"]) == ["TT", "LC", "OA"]
    assert validate_payment_methods(["da", " dp ", "card"]) == ["CARD", "DP", "DA"]
    assert validate_payment_methods(["T/T", "L/C", "O/A", "e-check"]) == [
        "TT",
        "ECHECK",
        "LC",
        "OA",
    ]
    assert validate_payment_methods([]) == []
    assert validate_payment_methods(iter(["LC"])) == ["LC"]


def test_validate_rejects_unknown_codes():
    with pytest.raises(ValidationError) as excinfo:
        validate_payment_methods(["TT", "PAYPAL", "", None])
    assert excinfo.value.code == "unknown_payment_method"
    assert excinfo.value.messages == [
        "Unknown payment method(s): 'PAYPAL', '', None. Use: TT, ECHECK, CARD, LC, DP, DA, OA."
    ]


def test_validate_refuses_a_bare_string():
    with pytest.raises(TypeError):
        validate_payment_methods("TT")
