"""Template filters for trade values: ``{% load trade %}`` then ``{{ price|money }}``.

Filters follow Django's convention of never raising while a page renders: an empty value gives
an empty string and a value of the wrong type is shown as it is, so one bad row does not take
down a whole catalogue page.
"""

from __future__ import annotations

from django import template

from hansa.trade.currencies import currency_name as _currency_name
from hansa.trade.money import Money, format_money

register = template.Library()


@register.filter
def money(value: object) -> object:
    """A Money as ``"USD 1,234.50"`` in the active language's number format."""
    if value is None or value == "":
        return ""
    if isinstance(value, Money):
        return format_money(value)
    return value


@register.filter
def currency_name(code: object) -> str:
    """The currency's ISO 4217 name in the active language (``"USD"`` -> ``"US Dollar"``)."""
    if not isinstance(code, str) or not code:
        return ""
    return _currency_name(code)
