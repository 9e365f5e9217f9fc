"""RFQs (buyers' requests for quotation), the suppliers' quotations on them, and matching.

An RFQ carries its stored ``status``; "expired" is also decided on read (``effective_status``)
from ``valid_until``, so a deadline holds without a worker; ``tasks.tick`` only writes the state
down and tells the buyer. ``quote_count`` is the counter that the ten-quote cap is checked
against under a row lock (``services.quote_create``).

Matching reads a precomputed supplier profile (``SupplierTerm``, ``SupplierCategory``,
``SupplierProfile``) rebuilt from public listings, so matching one RFQ is a handful of indexed
lookups whatever the number of suppliers (see ``matching.py``).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from hansa.core.attachments import AttachmentBase
from hansa.trade.fields import CurrencyField, MoneyAmountField
from hansa.trade.incoterms import INCOTERM_CHOICES
from hansa.trade.money import Money
from hansa.trade.payments import PAYMENT_METHOD_CHOICES
from hansa.trade.units import UNIT_CHOICES

MAX_QUOTES = 10


class RfqStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    OPEN = "open", _("Open for quotes")
    REJECTED = "rejected", _("Rejected")
    CLOSED = "closed", _("Closed")
    EXPIRED = "expired", _("Expired")


class SourcingType(models.TextChoices):
    ONE_TIME = "one_time", _("One-time purchase")
    REGULAR = "regular", _("Regular purchase")


class Rfq(models.Model):
    buyer_company = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="rfqs"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    product_name = models.CharField(_("product name"), max_length=150)
    category = models.ForeignKey("catalog.Category", on_delete=models.PROTECT, related_name="+")
    requirements = models.TextField(_("detailed requirements"), max_length=4000)
    quantity = models.DecimalField(_("quantity"), max_digits=14, decimal_places=3)
    unit = models.CharField(_("unit"), max_length=3, choices=UNIT_CHOICES, default="H87")
    target_price = MoneyAmountField(_("target unit price"), null=True, blank=True)
    currency = CurrencyField(verbose_name=_("currency"), default="USD")
    destination_country = CountryField(_("destination country"))
    destination_port = models.ForeignKey(
        "trade.Port",
        verbose_name=_("destination port"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    incoterm = models.CharField(_("Incoterm"), max_length=3, choices=INCOTERM_CHOICES)
    payment_method = models.CharField(
        _("payment method"), max_length=12, choices=PAYMENT_METHOD_CHOICES
    )
    sourcing_type = models.CharField(
        _("sourcing type"),
        max_length=10,
        choices=SourcingType.choices,
        default=SourcingType.ONE_TIME,
    )
    certifications = models.JSONField(_("certifications required"), default=list, blank=True)
    validity_days = models.PositiveSmallIntegerField(_("valid for (days)"), default=15)
    valid_until = models.DateTimeField(_("valid until"), null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=RfqStatus.choices, default=RfqStatus.PENDING, db_index=True
    )
    flags = models.JSONField(default=list, blank=True)  # automatic review flags
    fingerprint = models.CharField(max_length=64, db_index=True, blank=True)
    quote_count = models.PositiveSmallIntegerField(default=0)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    approved_at = models.DateTimeField(null=True, blank=True, db_index=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    close_reason = models.CharField(max_length=200, blank=True)
    expiry_notified = models.BooleanField(default=False)
    matched_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("RFQ")
        verbose_name_plural = _("RFQs")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "valid_until"], name="rfq_market"),
            models.Index(fields=["buyer_company", "created_at"], name="rfq_buyer_recent"),
        ]

    def __str__(self) -> str:
        return self.product_name

    def effective_status(self, now: datetime | None = None) -> str:
        """The status with the deadline applied: an open RFQ past ``valid_until`` is expired."""
        now = now or timezone.now()
        if self.status == RfqStatus.OPEN and self.valid_until and self.valid_until <= now:
            return RfqStatus.EXPIRED
        return self.status

    @property
    def state(self) -> str:
        return self.effective_status()

    @property
    def state_label(self) -> str:
        return str(RfqStatus(self.state).label)

    @property
    def is_open(self) -> bool:
        return self.state == RfqStatus.OPEN

    @property
    def quotes_left(self) -> int:
        return max(0, MAX_QUOTES - self.quote_count)

    @property
    def is_editable(self) -> bool:
        return self.quote_count == 0 and self.state in (RfqStatus.PENDING, RfqStatus.OPEN)

    @property
    def target_price_money(self) -> Money | None:
        return None if self.target_price is None else Money(self.target_price, self.currency)


class RfqAttachment(AttachmentBase):
    rfq = models.ForeignKey(Rfq, on_delete=models.CASCADE, related_name="attachments")

    class Meta:
        ordering = ["id"]


class QuoteStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Awaiting decision")
    REJECTED = "rejected", _("Rejected")
    DECLINED = "declined", _("Declined (another quote accepted)")
    ACCEPTED = "accepted", _("Accepted")


class Quote(models.Model):
    rfq = models.ForeignKey(Rfq, on_delete=models.CASCADE, related_name="quotes")
    supplier = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="quotes"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=QuoteStatus.choices, default=QuoteStatus.SUBMITTED
    )
    # The terms (the current version; the first one is kept in ``original`` after a revision).
    currency = CurrencyField(verbose_name=_("currency"), default="USD")
    unit_price = MoneyAmountField(_("unit price"))
    tiers = models.JSONField(
        _("tier prices"), default=list, blank=True
    )  # [{min_quantity, unit_price}]
    quantity = models.DecimalField(_("quantity offered"), max_digits=14, decimal_places=3)
    moq = models.DecimalField(_("minimum order"), max_digits=14, decimal_places=3)
    incoterm = models.CharField(_("Incoterm"), max_length=3, choices=INCOTERM_CHOICES)
    port = models.ForeignKey(
        "trade.Port",
        verbose_name=_("port"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    lead_time_days = models.PositiveSmallIntegerField(_("lead time (days)"))
    payment_methods = models.JSONField(_("payment methods"), default=list)
    valid_until = models.DateField(_("quote valid until"))
    sample_available = models.BooleanField(_("samples available"), default=False)
    sample_cost = MoneyAmountField(_("sample cost"), null=True, blank=True)
    shipping_cost = MoneyAmountField(_("estimated shipping cost"), null=True, blank=True)
    shipping_days = models.PositiveSmallIntegerField(
        _("estimated shipping time (days)"), null=True, blank=True
    )
    message = models.TextField(_("message"), max_length=4000, blank=True)
    revision = models.PositiveSmallIntegerField(default=0)
    original = models.JSONField(null=True, blank=True)  # the first version, after a revision
    revised_at = models.DateTimeField(null=True, blank=True)
    # The buyer's side.
    shortlisted = models.BooleanField(default=False)
    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    rejection_reason = models.CharField(max_length=500, blank=True)
    seen_by_buyer_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("quotation")
        verbose_name_plural = _("quotations")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["rfq", "supplier"], name="one_quote_per_supplier"),
        ]
        indexes = [models.Index(fields=["supplier", "created_at"], name="quote_supplier_month")]

    def __str__(self) -> str:
        return f"{self.supplier} → {self.rfq}"

    def money(self, amount: Decimal | None) -> Money | None:
        return None if amount is None else Money(amount, self.currency)

    @property
    def unit_price_money(self) -> Money:
        return Money(self.unit_price, self.currency)

    @property
    def sample_cost_money(self) -> Money | None:
        return self.money(self.sample_cost)

    @property
    def shipping_cost_money(self) -> Money | None:
        return self.money(self.shipping_cost)

    @property
    def can_revise(self) -> bool:
        return self.revision == 0 and self.status == QuoteStatus.SUBMITTED and self.rfq.is_open


class QuoteAttachment(AttachmentBase):
    quote = models.ForeignKey(Quote, on_delete=models.CASCADE, related_name="attachments")

    class Meta:
        ordering = ["id"]


class QuoteMessage(models.Model):
    """The per-quote question thread between the buyer and the quoting supplier."""

    quote = models.ForeignKey(Quote, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    from_buyer = models.BooleanField()
    body = models.TextField(max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.body[:50]


class RfqMatch(models.Model):
    """A supplier an approved RFQ was pushed to, with the score that chose it."""

    rfq = models.ForeignKey(Rfq, on_delete=models.CASCADE, related_name="matches")
    supplier = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="rfq_matches"
    )
    score = models.FloatField()
    reasons = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-score"]
        constraints = [models.UniqueConstraint(fields=["rfq", "supplier"], name="one_match")]

    def __str__(self) -> str:
        return f"{self.rfq_id} → {self.supplier_id}"


class SupplierProfile(models.Model):
    """What matching knows about a supplier, rebuilt from its public listings."""

    company = models.OneToOneField(
        "companies.Company", on_delete=models.CASCADE, related_name="rfq_profile"
    )
    regions = models.JSONField(default=list)  # main-market regions
    live_products = models.PositiveIntegerField(default=0)
    built_at = models.DateTimeField()

    def __str__(self) -> str:
        return str(self.company_id)


class SupplierTerm(models.Model):
    """Inverted index: a word of a supplier's main products or listings, with its weight."""

    company = models.ForeignKey("companies.Company", on_delete=models.CASCADE, related_name="+")
    term = models.CharField(max_length=40)
    weight = models.FloatField()

    class Meta:
        indexes = [models.Index(fields=["term"], name="supplier_term")]

    def __str__(self) -> str:
        return self.term


class SupplierCategory(models.Model):
    """A category a supplier has live listings in, and how many."""

    company = models.ForeignKey("companies.Company", on_delete=models.CASCADE, related_name="+")
    category = models.ForeignKey("catalog.Category", on_delete=models.CASCADE, related_name="+")
    products = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["category"], name="supplier_category")]

    def __str__(self) -> str:
        return f"{self.company_id}/{self.category_id}"
