from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from hansa.trade.currencies import UnknownCurrency
from hansa.trade.money import CurrencyMismatch, Money, format_money


class TestConstruction:
    def test_accepts_decimal_int_and_str_and_uppercases_currency(self):
        assert Money(Decimal("1.50"), "usd") == Money(Decimal("1.50"), "USD")
        assert Money(3, "EUR").amount == Decimal(3)
        assert Money(" 12.345 ", "CNY").amount == Decimal("12.345")
        assert Money(1, " jpy ").currency == "JPY"

    def test_constructor_keeps_full_precision(self):
        assert Money("0.0125", "USD").amount == Decimal("0.0125")

    @pytest.mark.parametrize("amount", [1.5, 0.1, float("nan")])
    def test_rejects_float(self, amount):
        with pytest.raises(TypeError, match="use Decimal, never float"):
            Money(amount, "USD")

    @pytest.mark.parametrize("amount", [True, None, [1], Decimal, b"1"])
    def test_rejects_other_types(self, amount):
        with pytest.raises(TypeError, match="must be a Decimal, int or str"):
            Money(amount, "USD")

    @pytest.mark.parametrize("amount", ["", "abc", "1,000.00", "NaN", "Infinity", Decimal("-Inf")])
    def test_rejects_non_numbers(self, amount):
        with pytest.raises(ValueError, match="amount"):
            Money(amount, "USD")

    @pytest.mark.parametrize("currency", ["US", "XYZ", "XAU", ""])
    def test_rejects_unknown_currency(self, currency):
        with pytest.raises(UnknownCurrency):
            Money(1, currency)

    def test_rejects_non_string_currency(self):
        with pytest.raises(TypeError):
            Money(1, 840)

    def test_is_frozen(self):
        money = Money(1, "USD")
        with pytest.raises(AttributeError):
            money.amount = Decimal(2)


class TestRounding:
    @pytest.mark.parametrize(
        ("amount", "currency", "expected"),
        [
            ("1234.5", "USD", Decimal("1234.50")),
            ("0.125", "USD", Decimal("0.13")),  # half-up, not banker's 0.12
            ("0.135", "USD", Decimal("0.14")),
            ("0.124999", "USD", Decimal("0.12")),
            ("-0.125", "USD", Decimal("-0.13")),  # away from zero
            ("2.5", "JPY", Decimal("3")),
            ("3.5", "JPY", Decimal("4")),
            ("1999.4", "KRW", Decimal("1999")),
            ("1.0005", "KWD", Decimal("1.001")),
            ("1.0004", "KWD", Decimal("1.000")),
            ("0.00005", "CLF", Decimal("0.0001")),
            (10, "EUR", Decimal("10.00")),
        ],
    )
    def test_of_rounds_half_up_to_the_minor_unit(self, amount, currency, expected):
        money = Money.of(amount, currency)
        assert money.amount == expected
        assert money.amount.as_tuple().exponent == expected.as_tuple().exponent

    def test_quantized(self):
        assert Money("19.995", "USD").quantized() == Money(Decimal("20.00"), "USD")
        assert str(Money("0.5", "JPY").quantized()) == "JPY 1"

    def test_zero(self):
        assert Money.zero("KWD").amount.as_tuple().exponent == -3
        assert Money.zero("USD").is_zero() is True
        assert Money("0.001", "USD").is_zero() is False
        assert Money("0.001", "USD").quantized().is_zero() is True
        assert Money.of("0.005", "USD").is_zero() is False


class TestArithmetic:
    def test_add_and_subtract_same_currency(self):
        assert Money("10.10", "USD") + Money("0.20", "USD") == Money("10.30", "USD")
        assert Money("10", "USD") - Money("12.5", "USD") == Money("-2.5", "USD")
        total = sum([Money("1.10", "EUR"), Money("2.20", "EUR")], Money.zero("EUR"))
        assert total == Money("3.30", "EUR")

    def test_mixing_currencies_raises(self):
        with pytest.raises(CurrencyMismatch, match="cannot add USD and EUR"):
            Money(1, "USD") + Money(1, "EUR")
        with pytest.raises(CurrencyMismatch, match="cannot subtract USD and CNY"):
            Money(1, "USD") - Money(1, "CNY")
        assert issubclass(CurrencyMismatch, ValueError)

    def test_add_number_is_a_type_error(self):
        with pytest.raises(TypeError):
            Money(1, "USD") + 1
        with pytest.raises(TypeError):
            1 + Money(1, "USD")

    def test_multiply_and_divide(self):
        assert Money("2.50", "USD") * 3 == Money("7.50", "USD")
        assert 3 * Money("2.50", "USD") == Money("7.50", "USD")
        assert Money("0.0125", "USD") * Decimal("1000") == Money("12.5", "USD")
        assert Money("10", "USD") / 4 == Money("2.5", "USD")
        assert (Money("10", "USD") / 3).quantized() == Money("3.33", "USD")

    @pytest.mark.parametrize("factor", [1.5, 2.0])
    def test_multiply_or_divide_by_float_is_refused(self, factor):
        with pytest.raises(TypeError, match="never float"):
            Money(1, "USD") * factor
        with pytest.raises(TypeError, match="never float"):
            factor * Money(1, "USD")
        with pytest.raises(TypeError, match="never float"):
            Money(1, "USD") / factor

    def test_money_times_money_is_refused(self):
        with pytest.raises(TypeError, match="Money by Money"):
            Money(1, "USD") * Money(2, "USD")
        with pytest.raises(TypeError, match="Money by Money"):
            Money(1, "USD") / Money(2, "USD")

    def test_divide_by_zero(self):
        with pytest.raises(ZeroDivisionError):
            Money(1, "USD") / 0

    def test_negation_and_abs(self):
        assert -Money("5.00", "USD") == Money("-5.00", "USD")
        assert abs(Money("-5.00", "USD")) == Money("5.00", "USD")


class TestComparison:
    def test_ordering_within_a_currency(self):
        assert Money("1.00", "USD") < Money("1.01", "USD")
        assert Money("2", "USD") >= Money("2.00", "USD")
        assert Money("2", "USD") <= Money("2.00", "USD")
        assert Money("3", "USD") > Money("2.99", "USD")
        assert max(Money(1, "EUR"), Money(3, "EUR"), Money(2, "EUR")) == Money(3, "EUR")

    def test_equality_and_hash_ignore_trailing_zeros(self):
        assert Money("1.5", "USD") == Money("1.50", "USD")
        assert len({Money("1.5", "USD"), Money("1.50", "USD")}) == 1
        assert Money(1, "USD") != Money(1, "EUR")
        assert Money(1, "USD") != Decimal(1)

    def test_comparing_currencies_raises(self):
        with pytest.raises(CurrencyMismatch):
            assert Money(1, "USD") < Money(2, "EUR")

    def test_comparing_with_numbers_raises_type_error(self):
        with pytest.raises(TypeError):
            assert Money(1, "USD") < 2


class TestAllocate:
    def test_advance_and_balance(self):
        assert Money("1000", "USD").allocate([30, 70]) == [
            Money("300.00", "USD"),
            Money("700.00", "USD"),
        ]

    def test_parts_sum_exactly_with_largest_remainder(self):
        parts = Money("100", "USD").allocate([1, 1, 1])
        assert parts == [Money("33.34", "USD"), Money("33.33", "USD"), Money("33.33", "USD")]
        assert sum(parts, Money.zero("USD")) == Money("100.00", "USD")

    def test_remainder_goes_to_largest_fraction_not_first(self):
        # 0.05 * 0.3 = 0.015 -> 1 cent + 0.5; 0.05 * 0.7 = 0.035 -> 3 cents + 0.5: tie, first wins
        assert Money("0.05", "USD").allocate([Decimal("0.3"), Decimal("0.7")]) == [
            Money("0.02", "USD"),
            Money("0.03", "USD"),
        ]
        # 10 cents by 1:2:7 of 10 -> exact
        assert Money("0.10", "USD").allocate([1, 2, 7]) == [
            Money("0.01", "USD"),
            Money("0.02", "USD"),
            Money("0.07", "USD"),
        ]
        # 1 cent by 1:3 goes to the larger share
        assert Money("0.01", "USD").allocate([1, 3]) == [Money("0.00", "USD"), Money("0.01", "USD")]

    @pytest.mark.parametrize(
        ("amount", "currency", "ratios"),
        [
            ("1000", "JPY", [1, 1, 1]),
            ("10.001", "KWD", [3, 3, 3, 1]),
            ("99999.99", "USD", [Decimal("33.3"), Decimal("33.3"), Decimal("33.4")]),
            ("-100", "EUR", [1, 2]),
            ("0.07", "USD", [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
        ],
    )
    def test_always_sums_to_rounded_total(self, amount, currency, ratios):
        money = Money(amount, currency)
        parts = money.allocate(ratios)
        assert len(parts) == len(ratios)
        assert sum(parts, Money.zero(currency)) == money.quantized()
        assert all(part.amount == part.quantized().amount for part in parts)

    def test_jpy_has_no_fractions(self):
        assert Money("1000", "JPY").allocate([1, 1, 1]) == [
            Money("334", "JPY"),
            Money("333", "JPY"),
            Money("333", "JPY"),
        ]

    def test_zero_ratio_gets_zero(self):
        assert Money("10", "USD").allocate([0, 1]) == [Money("0", "USD"), Money("10", "USD")]

    @pytest.mark.parametrize(
        ("ratios", "error"),
        [
            ([], ValueError),
            ([0, 0], ValueError),
            ([1, -1], ValueError),
            ([0.5, 0.5], TypeError),
            ("11", TypeError),
            (None, TypeError),
        ],
    )
    def test_bad_ratios(self, ratios, error):
        with pytest.raises(error):
            Money("10", "USD").allocate(ratios)


class TestDisplay:
    def test_str(self):
        assert str(Money("1234.5", "USD")) == "USD 1234.50"
        assert str(Money("1234.50000", "USD")) == "USD 1234.50"
        assert str(Money("0.0125", "USD")) == "USD 0.0125"
        assert str(Money("1500", "JPY")) == "JPY 1500"
        assert str(Money("1E+3", "USD")) == "USD 1000.00"
        assert str(Money("-2", "KWD")) == "KWD -2.000"

    def test_format_money_english(self):
        with translation.override("en"):
            assert format_money(Money("1234.5", "USD")) == "USD 1,234.50"
            assert format_money(Money("1234567.125", "USD")) == "USD 1,234,567.13"
            assert format_money(Money("1234567", "JPY")) == "JPY 1,234,567"
            assert format_money(Money("1234.5678", "KWD")) == "KWD 1,234.568"
            assert format_money(Money("-0.5", "EUR")) == "EUR -0.50"
            assert format_money(Money("0.004", "USD")) == "USD 0.00"

    def test_format_money_simplified_chinese(self):
        # Hansa's zh_Hans formats (hansa.formats) add the comma grouping trade documents use.
        with translation.override("zh-hans"):
            assert format_money(Money("1234.5", "USD")) == "USD 1,234.50"
            assert format_money(Money("1234567", "JPY")) == "JPY 1,234,567"

    def test_format_money_follows_other_locales(self):
        with translation.override("de"):
            assert format_money(Money("1234.5", "EUR")) == "EUR 1.234,50"

    def test_format_money_without_l10n(self):
        assert format_money(Money("1234.5", "USD"), use_l10n=False) == "USD 1234.50"

    def test_format_money_rejects_non_money(self):
        with pytest.raises(TypeError):
            format_money(Decimal("1"))


class TestTemplateFilters:
    def render(self, source, **context):
        return Template("{% load trade %}" + source).render(Context(context))

    def test_money_filter(self):
        with translation.override("en"):
            assert self.render("{{ p|money }}", p=Money("1234.5", "USD")) == "USD 1,234.50"
            assert self.render("{{ p|money }}", p=None) == ""
            assert self.render("{{ p|money }}", p="n/a") == "n/a"

    def test_currency_name_filter(self):
        with translation.override("en"):
            assert self.render("{{ c|currency_name }}", c="EUR") == "Euro"
            assert self.render("{{ c|currency_name }}", c="") == ""
        with translation.override("zh-hans"):
            assert self.render("{{ c|currency_name }}", c="JPY") == "日元"
