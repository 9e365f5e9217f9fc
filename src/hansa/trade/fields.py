"""Model fields for money and currencies.

Storage rule: a Money is stored as a DecimalField beside a CurrencyField; models expose a
property that combines them. For example::

    unit_price = MoneyAmountField()
    currency = CurrencyField(default="USD")

    @property
    def unit_price_money(self) -> Money:
        return Money(self.unit_price, self.currency)

Why not one composite field: two plain columns sort, filter, sum and index in every database
(``SUM(unit_price) GROUP BY currency``), survive a dump to CSV, and need no custom serialisation,
while several amounts on one row (price, freight, insurance) can share one currency column.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from hansa.trade.currencies import CURRENCY_CHOICES, is_currency


def validate_currency(value: str) -> None:
    """Reject anything that is not an active ISO 4217 currency code goods can be priced in."""
    if not isinstance(value, str) or value != value.strip().upper() or not is_currency(value):
        raise ValidationError(
            _("%(value)s is not an ISO 4217 currency code (e.g. USD, EUR, CNY)."),
            code="invalid_currency",
            params={"value": repr(value)},
        )


class CurrencyField(models.CharField):
    """A three-letter ISO 4217 code, limited to the currencies in ``CURRENCY_CHOICES``."""

    description = _("ISO 4217 currency code")
    default_validators = [validate_currency]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 3)
        kwargs.setdefault("choices", CURRENCY_CHOICES)
        kwargs.setdefault("verbose_name", _("currency"))
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> tuple[str, str, list[Any], dict[str, Any]]:
        # The choice list follows ISO 4217 and pycountry; keeping it out of migrations avoids a
        # new migration every time a currency is added or withdrawn.
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("choices", None)
        if kwargs.get("max_length") == 3:
            kwargs.pop("max_length")
        return name, path, args, kwargs


class MoneyAmountField(models.DecimalField):
    """The amount half of a Money: 20 digits, 4 decimals (room for unit prices below a cent)."""

    description = _("Money amount")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_digits", 20)
        kwargs.setdefault("decimal_places", 4)
        super().__init__(*args, **kwargs)
