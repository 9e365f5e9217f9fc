from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import models

from hansa.trade.currencies import CURRENCY_CHOICES
from hansa.trade.fields import CurrencyField, MoneyAmountField, validate_currency


def test_validate_currency():
    validate_currency("USD")
    validate_currency("JPY")
    for bad in ["usd", "US", "XAU", "ZZZ", "", None, " USD"]:
        with pytest.raises(ValidationError) as excinfo:
            validate_currency(bad)
        assert excinfo.value.code == "invalid_currency"


def test_currency_field_defaults():
    field = CurrencyField()
    assert isinstance(field, models.CharField)
    assert field.max_length == 3
    assert [code for code, _label in field.choices] == [code for code, _l in CURRENCY_CHOICES]
    assert validate_currency in field.validators


def test_currency_field_clean():
    field = CurrencyField()
    assert field.clean("EUR", None) == "EUR"
    with pytest.raises(ValidationError):
        field.clean("XAU", None)
    with pytest.raises(ValidationError):
        field.clean("eur", None)


def test_currency_field_keeps_choices_out_of_migrations():
    _name, path, _args, kwargs = CurrencyField(default="USD").deconstruct()
    assert path == "hansa.trade.fields.CurrencyField"
    assert kwargs == {"default": "USD", "verbose_name": "currency"}


def test_money_amount_field_defaults():
    field = MoneyAmountField()
    assert isinstance(field, models.DecimalField)
    assert (field.max_digits, field.decimal_places) == (20, 4)
    assert MoneyAmountField(max_digits=12, decimal_places=2).max_digits == 12
    assert field.clean(Decimal("1234.5678"), None) == Decimal("1234.5678")
    with pytest.raises(ValidationError):
        field.clean(Decimal("0.00001"), None)
