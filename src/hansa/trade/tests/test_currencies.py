import pycountry
import pytest

from hansa.trade.currencies import (
    COMMON_TRADE_CURRENCIES,
    CURRENCY_CHOICES,
    MINOR_UNITS,
    NON_MONETARY_CODES,
    UnknownCurrency,
    currency_name,
    is_currency,
    minor_unit,
)


@pytest.mark.parametrize(
    ("code", "digits"),
    [
        ("USD", 2),
        ("EUR", 2),
        ("CNY", 2),
        ("JPY", 0),
        ("KRW", 0),
        ("VND", 0),
        ("BHD", 3),
        ("KWD", 3),
        ("JOD", 3),
        ("OMR", 3),
        ("TND", 3),
        ("LYD", 3),
        ("IQD", 3),
        ("CLF", 4),
        ("UYW", 4),
        ("usd", 2),
        (" jpy ", 0),
    ],
)
def test_minor_unit(code, digits):
    assert minor_unit(code) == digits


@pytest.mark.parametrize("code", ["", "US", "USDX", "ABC", "RMB", "HRK", "ANG", None, 840])
def test_minor_unit_rejects_unknown_codes(code):
    with pytest.raises(UnknownCurrency, match="not an active ISO 4217 currency code"):
        minor_unit(code)


@pytest.mark.parametrize("code", ["XAU", "XDR", "XXX", "XTS"])
def test_minor_unit_rejects_codes_without_minor_unit(code):
    with pytest.raises(UnknownCurrency, match="without a minor unit"):
        minor_unit(code)


def test_unknown_currency_is_a_value_error():
    assert issubclass(UnknownCurrency, ValueError)


def test_table_matches_pycountry_iso_4217():
    iso_codes = {currency.alpha_3 for currency in pycountry.currencies}
    assert set(MINOR_UNITS) | NON_MONETARY_CODES == iso_codes
    assert not set(MINOR_UNITS) & NON_MONETARY_CODES
    assert set(MINOR_UNITS.values()) == {0, 2, 3, 4}


def test_is_currency():
    assert is_currency("USD") is True
    assert is_currency("cny") is True
    assert is_currency("XAU") is False
    assert is_currency("ZZZ") is False
    assert is_currency("") is False
    assert is_currency(None) is False


def test_choices_start_with_common_trade_currencies_then_alphabetical():
    codes = [code for code, _label in CURRENCY_CHOICES]
    assert tuple(codes[: len(COMMON_TRADE_CURRENCIES)]) == COMMON_TRADE_CURRENCIES
    assert codes[:4] == ["USD", "EUR", "CNY", "GBP"]
    rest = codes[len(COMMON_TRADE_CURRENCIES) :]
    assert rest == sorted(rest)
    assert rest[0] == "AFN"
    assert len(codes) == len(set(codes)) == len(MINOR_UNITS)


def test_choice_labels():
    labels = dict(CURRENCY_CHOICES)
    assert str(labels["USD"]) == "USD \N{EN DASH} US Dollar"
    assert str(labels["CNY"]) == "CNY \N{EN DASH} Yuan Renminbi"


def test_currency_name_follows_the_active_language():
    from django.utils import translation

    assert currency_name("USD") == "US Dollar"
    assert currency_name("nope") == "nope"
    with translation.override("zh-hans"):
        assert currency_name("USD") == "美元"
        assert str(dict(CURRENCY_CHOICES)["CNY"]) == "CNY \N{EN DASH} 人民币元"
