"""Order drafts: what an accepted quotation prepares for the order issue.

Deliberately small: the parties, the source quote, trade terms and lines with Money totals, in
status "draft". The order issue grows it into the assured-order state machine.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hansa.trade.fields import CurrencyField, MoneyAmountField
from hansa.trade.incoterms import INCOTERM_CHOICES
from hansa.trade.money import Money
from hansa.trade.payments import PAYMENT_METHOD_CHOICES
from hansa.trade.units import UNIT_CHOICES


class OrderStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")


class OrderDraft(models.Model):
    buyer_company = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="orders_as_buyer"
    )
    supplier_company = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="orders_as_supplier"
    )
    # One draft per quote: accepting twice finds this row instead of making a second one.
    source_quote = models.OneToOneField(
        "rfqs.Quote", on_delete=models.RESTRICT, null=True, blank=True, related_name="order_draft"
    )
    currency = CurrencyField(verbose_name=_("currency"))
    incoterm = models.CharField(_("Incoterm"), max_length=3, choices=INCOTERM_CHOICES)
    port = models.ForeignKey(
        "trade.Port",
        verbose_name=_("port"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    payment_method = models.CharField(
        _("payment method"), max_length=12, choices=PAYMENT_METHOD_CHOICES, blank=True
    )
    shipping_cost = MoneyAmountField(_("shipping cost"), null=True, blank=True)
    status = models.CharField(max_length=10, choices=OrderStatus.choices, default=OrderStatus.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("order draft")
        verbose_name_plural = _("order drafts")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.buyer_company} ← {self.supplier_company}"

    @property
    def goods_total(self) -> Money:
        return sum((line.total for line in self.lines.all()), Money.zero(self.currency))

    @property
    def shipping_money(self) -> Money | None:
        return None if self.shipping_cost is None else Money.of(self.shipping_cost, self.currency)

    @property
    def total(self) -> Money:
        shipping = self.shipping_money
        return self.goods_total + shipping if shipping is not None else self.goods_total


class OrderLine(models.Model):
    draft = models.ForeignKey(OrderDraft, on_delete=models.CASCADE, related_name="lines")
    product_name = models.CharField(_("product"), max_length=150)
    quantity = models.DecimalField(_("quantity"), max_digits=14, decimal_places=3)
    unit = models.CharField(_("unit"), max_length=3, choices=UNIT_CHOICES)
    unit_price = MoneyAmountField(_("unit price"))

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.product_name

    @property
    def unit_price_money(self) -> Money:
        return Money(self.unit_price, self.draft.currency)

    @property
    def total(self) -> Money:
        return Money.of(self.unit_price * self.quantity, self.draft.currency)
