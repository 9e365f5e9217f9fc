"""An amount of money in one ISO 4217 currency, and its display.

Why a value type instead of bare Decimals: a quotation, an invoice and a payment schedule all
carry amounts whose currency must travel with them, and mixing two currencies in one sum is a
silent, expensive bug. ``Money`` refuses such arithmetic (``CurrencyMismatch``) and refuses
floats, whose binary rounding (0.1 + 0.2 != 0.3) has no place in a price.

Rounding rule: ``Money.of``, ``quantized`` and ``format_money`` round to the currency's ISO 4217
minor unit with ``ROUND_HALF_UP`` (0.5 goes away from zero). That is the commercial rule buyers
and sellers expect on invoices, unlike Python's default banker's rounding (ROUND_HALF_EVEN),
which would turn USD 0.125 into 0.12. The plain constructor keeps the amount as given, so unit
prices with more decimals than the currency (USD 0.0125 a piece) stay exact until a total is
rounded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

from django.utils.formats import number_format

from hansa.trade.currencies import UnknownCurrency, is_currency, minor_unit


class CurrencyMismatch(ValueError):
    """Raised when two amounts in different currencies are added, subtracted or compared."""


FLOAT_MESSAGE = "use Decimal, never float, for money"


def _to_decimal(value: object, what: str) -> Decimal:
    """Convert an amount or factor to Decimal, rejecting floats and non-finite values."""
    if isinstance(value, float):
        raise TypeError(f"{what} is a float: {FLOAT_MESSAGE}")
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
        raise TypeError(f"{what} must be a Decimal, int or str, not {type(value).__name__}")
    try:
        result = Decimal(value.strip() if isinstance(value, str) else value)
    except InvalidOperation:
        raise ValueError(f"{what} {value!r} is not a decimal number") from None
    if not result.is_finite():
        raise ValueError(f"{what} must be a finite number, not {value!r}")
    return result


def _quantum(currency: str) -> Decimal:
    return Decimal(1).scaleb(-minor_unit(currency))


@dataclass(frozen=True, slots=True)
class Money:
    """An exact amount in one currency; see the module docstring for the rounding rule."""

    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        amount = _to_decimal(self.amount, "amount")
        if not isinstance(self.currency, str):
            raise TypeError(f"currency must be a str, not {type(self.currency).__name__}")
        currency = self.currency.strip().upper()
        if not is_currency(currency):
            raise UnknownCurrency(f"{self.currency!r} is not an active ISO 4217 currency code.")
        object.__setattr__(self, "amount", amount)
        object.__setattr__(self, "currency", currency)

    # --- construction -------------------------------------------------------------------------

    @classmethod
    def of(cls, amount: Decimal | int | str, currency: str) -> Money:
        """Build an amount rounded half-up to the currency's minor unit (JPY 0, USD 2, KWD 3)."""
        return cls(amount, currency).quantized()

    @classmethod
    def zero(cls, currency: str) -> Money:
        """Zero in the currency, at its minor unit (the start value for ``sum``)."""
        return cls.of(0, currency)

    def quantized(self) -> Money:
        """This amount rounded half-up to the currency's minor unit."""
        rounded = self.amount.quantize(_quantum(self.currency), rounding=ROUND_HALF_UP)
        return Money(rounded, self.currency)

    def is_zero(self) -> bool:
        return self.amount.is_zero()

    # --- arithmetic ---------------------------------------------------------------------------

    def _same_currency(self, other: Money, operation: str) -> None:
        if other.currency != self.currency:
            raise CurrencyMismatch(
                f"cannot {operation} {self.currency} and {other.currency}; convert first"
            )

    def __add__(self, other: object) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, "add")
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: object) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, "subtract")
        return Money(self.amount - other.amount, self.currency)

    def __mul__(self, factor: object) -> Money:
        if isinstance(factor, Money):
            raise TypeError("cannot multiply Money by Money")
        return Money(self.amount * _to_decimal(factor, "factor"), self.currency)

    __rmul__ = __mul__

    def __truediv__(self, divisor: object) -> Money:
        if isinstance(divisor, Money):
            raise TypeError("cannot divide Money by Money; compare the amounts instead")
        value = _to_decimal(divisor, "divisor")
        if value.is_zero():
            raise ZeroDivisionError("cannot divide money by zero")
        return Money(self.amount / value, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __pos__(self) -> Money:
        return self

    def __abs__(self) -> Money:
        return Money(abs(self.amount), self.currency)

    # --- comparison (equality and hashing come from the dataclass) ----------------------------

    def _compare_amounts(self, other: object, operation: str) -> tuple[Decimal, Decimal] | None:
        if not isinstance(other, Money):
            return None
        self._same_currency(other, operation)
        return self.amount, other.amount

    def __lt__(self, other: object) -> bool:
        pair = self._compare_amounts(other, "compare")
        return NotImplemented if pair is None else pair[0] < pair[1]

    def __le__(self, other: object) -> bool:
        pair = self._compare_amounts(other, "compare")
        return NotImplemented if pair is None else pair[0] <= pair[1]

    def __gt__(self, other: object) -> bool:
        pair = self._compare_amounts(other, "compare")
        return NotImplemented if pair is None else pair[0] > pair[1]

    def __ge__(self, other: object) -> bool:
        pair = self._compare_amounts(other, "compare")
        return NotImplemented if pair is None else pair[0] >= pair[1]

    # --- splitting ----------------------------------------------------------------------------

    def allocate(self, ratios: Sequence[Decimal | int]) -> list[Money]:
        """Split the amount by ``ratios`` into parts that add up to exactly the rounded total.

        Used for advance/balance payment schedules (e.g. ratios ``[30, 70]``). The total is first
        rounded half-up to the minor unit; each part gets the floor of its exact share in minor
        units, and the minor units left over go one each to the parts with the largest
        remainders (earlier parts win ties), so no cent is lost or invented.
        """
        if isinstance(ratios, str | bytes) or not isinstance(ratios, Sequence):
            raise TypeError("ratios must be a sequence of Decimal or int")
        if not ratios:
            raise ValueError("ratios must not be empty")
        weights = [Fraction(_to_decimal(ratio, "ratio")) for ratio in ratios]
        if any(weight < 0 for weight in weights):
            raise ValueError("ratios must not be negative")
        total_weight = sum(weights, Fraction(0))
        if total_weight == 0:
            raise ValueError("ratios must not all be zero")

        digits = minor_unit(self.currency)
        total = self.quantized().amount
        sign = -1 if total < 0 else 1
        units = int(abs(total).scaleb(digits))
        shares = [units * weight / total_weight for weight in weights]
        parts = [share.numerator // share.denominator for share in shares]
        leftover = units - sum(parts)
        by_remainder = sorted(
            range(len(shares)), key=lambda index: (-(shares[index] - parts[index]), index)
        )
        for index in by_remainder[:leftover]:
            parts[index] += 1
        return [Money(Decimal(sign * part).scaleb(-digits), self.currency) for part in parts]

    # --- display ------------------------------------------------------------------------------

    def __str__(self) -> str:
        """``"USD 1234.50"``: at least the minor unit's decimals, more if the amount has them."""
        return f"{self.currency} {_display_amount(self):f}"


def _display_amount(money: Money) -> Decimal:
    digits = minor_unit(money.currency)
    exponent = money.amount.normalize().as_tuple().exponent
    places = max(digits, -exponent) if isinstance(exponent, int) else digits
    return money.amount.quantize(Decimal(1).scaleb(-places))


def format_money(money: Money, *, use_l10n: bool = True) -> str:
    """``"USD 1,234.50"`` in English: rounded half-up to the minor unit, grouped per locale.

    The separators come from the active language's Django format module, so the output follows
    ``translation.override``. ``use_l10n=False`` gives the unlocalised ``"USD 1234.50"``.
    """
    if not isinstance(money, Money):
        raise TypeError(f"format_money expects Money, not {type(money).__name__}")
    rounded = money.quantized()
    number = number_format(
        rounded.amount,
        decimal_pos=minor_unit(money.currency),
        use_l10n=use_l10n,
        force_grouping=use_l10n,
    )
    return f"{money.currency} {number}"
