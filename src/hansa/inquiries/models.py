"""Inquiries: a buyer's one-to-one conversation with a supplier, and what keeps it clean.

- ``Inquiry`` is the conversation (one buyer company, one supplier company, one assigned rep);
  its first ``InquiryMessage`` is what the buyer wrote when sending it.
- Read state is per side (``buyer_read_at`` / ``supplier_read_at`` against the other side's last
  message); stars are per member (``InquiryStar``).
- ``BlockEntry``: a supplier's block list (a person, an e-mail domain, a country).
- ``SpamReport``: a report by a supplier, or an automatic duplicate-text flag, that the operator
  confirms or dismisses.
- ``InquiryPolicy``: the operator's settings (a singleton edited in the back office).
- ``ResponseStats``: each supplier's stored response rate and average reply time, read by search
  while indexing (one query for many companies).
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from hansa.core.attachments import AttachmentBase
from hansa.trade.fields import CurrencyField, MoneyAmountField
from hansa.trade.incoterms import INCOTERM_CHOICES
from hansa.trade.money import Money
from hansa.trade.units import UNIT_CHOICES

SUBJECT_MAX = 200
BODY_MAX = 8000
REASON_MAX = 1000


class InquiryStatus(models.TextChoices):
    OPEN = "open", _("Awaiting reply")
    REPLIED = "replied", _("Replied")
    REJECTED = "rejected", _("Rejected")
    SPAM = "spam", _("Spam")
    CLOSED = "closed", _("Closed")


class Side(models.TextChoices):
    BUYER = "buyer", _("Buyer")
    SUPPLIER = "supplier", _("Supplier")


class InquiryPolicy(models.Model):
    """The operator's rules for inquiries. One row (pk=1); ``InquiryPolicy.current()`` reads it."""

    redistribution_enabled = models.BooleanField(
        _("redistribute unanswered inquiries"),
        default=True,
        help_text=_(
            "On for Alibaba-style marketplaces: an inquiry left unanswered is offered to other "
            "matching suppliers when the buyer allowed it. Off for Made-in-China-style ones."
        ),
    )
    redistribution_delay_hours = models.PositiveSmallIntegerField(
        _("redistribute after (hours)"), default=24
    )
    redistribution_max_suppliers = models.PositiveSmallIntegerField(
        _("offer to at most (suppliers)"), default=5
    )
    max_per_hour = models.PositiveSmallIntegerField(
        _("new inquiries per buyer per hour"), default=30
    )
    max_per_day = models.PositiveSmallIntegerField(
        _("new inquiries per buyer per day"), default=100
    )
    duplicate_threshold = models.PositiveSmallIntegerField(
        _("same text to more than this many suppliers is flagged"),
        default=20,
        help_text=_("Counted across separate sends within the window below."),
    )
    duplicate_window_hours = models.PositiveSmallIntegerField(
        _("duplicate-text window (hours)"), default=24
    )

    class Meta:
        verbose_name = _("inquiry policy")
        verbose_name_plural = _("inquiry policy")

    def __str__(self) -> str:
        return str(_("Inquiry policy"))

    def save(self, *args: object, **kwargs: object) -> None:
        self.pk = 1
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @classmethod
    def current(cls) -> InquiryPolicy:
        policy, _created = cls.objects.get_or_create(pk=1)
        return policy

    @property
    def redistribution_delay(self) -> timedelta:
        return timedelta(hours=self.redistribution_delay_hours)


class Inquiry(models.Model):
    buyer_company = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="inquiries_sent"
    )
    buyer = models.ForeignKey(
        "companies.Membership",
        on_delete=models.RESTRICT,
        related_name="inquiries_sent",
        verbose_name=_("buyer"),
    )
    supplier_company = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="inquiries_received"
    )
    assignee = models.ForeignKey(
        "companies.Membership",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inquiries_assigned",
        verbose_name=_("in charge"),
    )
    product = models.ForeignKey(
        "catalog.Product",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inquiries",
    )
    product_title = models.CharField(_("product"), max_length=300, blank=True)
    subject = models.CharField(_("subject"), max_length=SUBJECT_MAX)
    quantity = models.DecimalField(
        _("quantity"), max_digits=16, decimal_places=3, null=True, blank=True
    )
    unit = models.CharField(_("unit"), max_length=3, choices=UNIT_CHOICES, blank=True)
    target_price = MoneyAmountField(_("target unit price"), null=True, blank=True)
    target_currency = CurrencyField(verbose_name=_("currency"), blank=True)
    destination_country = CountryField(_("destination country"), blank=True)
    incoterm = models.CharField(_("Incoterm"), max_length=3, choices=INCOTERM_CHOICES, blank=True)
    allow_redistribution = models.BooleanField(
        _("offer to other suppliers if unanswered"), default=True
    )
    status = models.CharField(
        max_length=10, choices=InquiryStatus.choices, default=InquiryStatus.OPEN
    )
    reject_reason = models.TextField(_("reason"), blank=True, max_length=REASON_MAX)
    redistributed_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="redistributed_to",
    )
    redistributed_at = models.DateTimeField(null=True, blank=True)
    batch = models.CharField(max_length=32, blank=True, db_index=True)
    fingerprint = models.CharField(max_length=64, blank=True, db_index=True)
    flagged = models.BooleanField(_("flagged for review"), default=False)

    created_at = models.DateTimeField(db_index=True)
    last_message_at = models.DateTimeField()
    last_buyer_message_at = models.DateTimeField(null=True, blank=True)
    last_supplier_message_at = models.DateTimeField(null=True, blank=True)
    first_reply_at = models.DateTimeField(null=True, blank=True)
    buyer_read_at = models.DateTimeField(null=True, blank=True)
    supplier_read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-last_message_at", "-pk"]
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        indexes = [
            models.Index(fields=["supplier_company", "-last_message_at"]),
            models.Index(fields=["buyer_company", "-last_message_at"]),
            models.Index(fields=["buyer", "created_at"]),
            models.Index(fields=["status", "first_reply_at", "created_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["redistributed_from", "supplier_company"],
                name="inquiry_redistributed_once_per_supplier",
            ),
            models.CheckConstraint(
                condition=~models.Q(buyer_company=models.F("supplier_company")),
                name="inquiry_not_to_own_company",
            ),
        ]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("inquiries:detail", args=[self.pk])

    @property
    def target_money(self) -> Money | None:
        if self.target_price is None or not self.target_currency:
            return None
        return Money.of(self.target_price, self.target_currency)

    @property
    def unread_for_supplier(self) -> bool:
        last = self.last_buyer_message_at
        return last is not None and (self.supplier_read_at is None or self.supplier_read_at < last)

    @property
    def unread_for_buyer(self) -> bool:
        last = self.last_supplier_message_at
        return last is not None and (self.buyer_read_at is None or self.buyer_read_at < last)


class InquiryMessage(models.Model):
    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        "companies.Membership", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    side = models.CharField(max_length=8, choices=Side.choices)
    body = models.TextField(_("message"), max_length=BODY_MAX)
    is_auto_reply = models.BooleanField(_("automatic reply"), default=False)
    created_at = models.DateTimeField(db_index=True)
    # Chosen by the sender's page or API client: a resend (double click, retry) stores nothing new.
    client_id = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["inquiry", "side", "created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "client_id"],
                condition=~models.Q(client_id=""),
                name="inquiry_message_client_id_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.side}: {self.body[:40]}"


class InquiryAttachment(AttachmentBase):
    message = models.ForeignKey(
        InquiryMessage, on_delete=models.CASCADE, related_name="attachments"
    )


class InquiryStar(models.Model):
    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="stars")
    member = models.ForeignKey("companies.Membership", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["inquiry", "member"], name="inquiry_star_once")
        ]

    def __str__(self) -> str:
        return f"{self.member_id} ★ {self.inquiry_id}"


class BlockKind(models.TextChoices):
    MEMBER = "member", _("Person")
    DOMAIN = "domain", _("E-mail domain")
    COUNTRY = "country", _("Country")


class BlockEntry(models.Model):
    """A supplier refuses inquiries from a person, an e-mail domain or a country."""

    supplier = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="inquiry_blocks"
    )
    kind = models.CharField(_("block"), max_length=8, choices=BlockKind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("person"),
    )
    domain = models.CharField(_("e-mail domain"), max_length=255, blank=True)
    country = CountryField(_("country"), blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("blocked sender")
        verbose_name_plural = _("blocked senders")
        constraints = [
            models.UniqueConstraint(
                fields=["supplier", "user"],
                condition=models.Q(kind="member"),
                name="block_member_once",
            ),
            models.UniqueConstraint(
                fields=["supplier", "domain"],
                condition=models.Q(kind="domain"),
                name="block_domain_once",
            ),
            models.UniqueConstraint(
                fields=["supplier", "country"],
                condition=models.Q(kind="country"),
                name="block_country_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.target_label}"

    @property
    def target_label(self) -> str:
        if self.kind == BlockKind.MEMBER:
            return str(self.user) if self.user_id else ""
        if self.kind == BlockKind.DOMAIN:
            return f"@{self.domain}"
        return str(self.country.name)


class SpamStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    CONFIRMED = "confirmed", _("Confirmed as spam")
    DISMISSED = "dismissed", _("Dismissed")


class SpamSource(models.TextChoices):
    SUPPLIER = "supplier", _("Reported by the supplier")
    DUPLICATE = "duplicate", _("Same text sent to many suppliers")


class SpamReport(models.Model):
    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="spam_reports")
    source = models.CharField(max_length=10, choices=SpamSource.choices)
    reported_by = models.ForeignKey(
        "companies.Membership", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("reason"), max_length=REASON_MAX, blank=True)
    status = models.CharField(max_length=10, choices=SpamStatus.choices, default=SpamStatus.PENDING)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(blank=True, max_length=REASON_MAX)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("spam report")
        verbose_name_plural = _("spam reports")
        permissions = [("review_spam", "Can review inquiry spam reports")]
        constraints = [
            models.UniqueConstraint(
                fields=["inquiry", "source"],
                condition=models.Q(status="pending"),
                name="one_pending_report_per_source",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_source_display()} #{self.inquiry_id}"


class ResponseStats(models.Model):
    """A supplier's response figures over the last 30 days, refreshed on send, reply and tick."""

    company = models.OneToOneField(
        "companies.Company",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="response_stats",
    )
    rate = models.DecimalField(max_digits=5, decimal_places=4, null=True, blank=True)
    average_reply_seconds = models.PositiveIntegerField(null=True, blank=True)
    counted = models.PositiveIntegerField(default=0)
    replied_in_time = models.PositiveIntegerField(default=0)
    computed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("response figures")
        verbose_name_plural = _("response figures")

    def __str__(self) -> str:
        return f"{self.company_id}: {self.rate}"
