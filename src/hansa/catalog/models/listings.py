"""Product listings ("information publishing"): what a supplier publishes, its versions in other
languages, images, tier prices, showroom groups (some password-protected), the review trail and
bulk import jobs.

A listing has a working copy (the fields below, which the supplier edits) and a published
snapshot (``published``), the version the operator approved. Public pages, sitemaps and search
read only the snapshot, so a live listing keeps showing its approved version while an edit
waits for review.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from hansa.companies.choices import PROFILE_LANGUAGES
from hansa.trade.fields import CurrencyField, MoneyAmountField
from hansa.trade.hscodes import HsCodeField
from hansa.trade.units import UNIT_CHOICES

TITLE_MAX = 128
KEYWORDS_MAX = 3
IMAGES_MAX = 6


class ListingStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PENDING = "pending", _("Waiting for review")
    LIVE = "live", _("Live")
    EDITED = "edited", _("Live, edit waiting for review")
    REJECTED = "rejected", _("Rejected")
    OFFLINE = "offline", _("Offline")
    ARCHIVED = "archived", _("Archived")


# Statuses whose published snapshot is shown to the public.
PUBLIC_STATUSES = (ListingStatus.LIVE, ListingStatus.EDITED)
# Statuses waiting in the operator's review queue.
REVIEW_STATUSES = (ListingStatus.PENDING, ListingStatus.EDITED)


class PriceKind(models.TextChoices):
    RANGE = "range", _("FOB price range")
    TIERS = "tiers", _("Price by quantity")
    NEGOTIABLE = "negotiable", _("Negotiable")


class SupplyPeriod(models.TextChoices):
    DAY = "day", _("per day")
    WEEK = "week", _("per week")
    MONTH = "month", _("per month")
    YEAR = "year", _("per year")


class ProductGroup(models.Model):
    """A showroom group. A protected group's products are shown only to buyers who entered its
    password since it was last set; they never appear in search, sitemaps or public lists."""

    company = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="product_groups"
    )
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(max_length=90)
    position = models.PositiveIntegerField(default=0)
    password_hash = models.CharField(max_length=200, blank=True)
    password_set_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["company", "position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["company", "slug"], name="product_group_slug_per_company"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_protected(self) -> bool:
        return bool(self.password_hash)


class GroupAccess(models.Model):
    """A buyer entered a protected group's password; valid while the password is unchanged."""

    group = models.ForeignKey(ProductGroup, on_delete=models.CASCADE, related_name="accesses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    password_set_at = models.DateTimeField()
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["group", "user"], name="group_access_once")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.group_id}"


class Product(models.Model):
    company = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="products"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="products",
        help_text=_("The sales representative who answers for this product."),
    )
    category = models.ForeignKey(
        "catalog.Category", on_delete=models.PROTECT, related_name="products"
    )
    group = models.ForeignKey(
        ProductGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="products"
    )
    status = models.CharField(
        max_length=10, choices=ListingStatus.choices, default=ListingStatus.DRAFT
    )
    slug = models.SlugField(max_length=150, unique=True)
    base_language = models.CharField(max_length=10, choices=PROFILE_LANGUAGES, default="en")

    # Working copy: what the supplier edits.
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    description = models.TextField(_("description"), blank=True, max_length=20000)  # sanitised HTML
    attributes = models.JSONField(_("attributes"), default=dict, blank=True)  # {code: value}
    custom_attributes = models.JSONField(
        _("other attributes"), default=list, blank=True
    )  # [{name, value}]

    price_kind = models.CharField(
        _("price"), max_length=12, choices=PriceKind.choices, default=PriceKind.RANGE
    )
    currency = CurrencyField(verbose_name=_("currency"), default="USD")
    price_min = MoneyAmountField(_("lowest FOB price"), null=True, blank=True)
    price_max = MoneyAmountField(_("highest FOB price"), null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=3, choices=UNIT_CHOICES, default="H87")
    moq = models.DecimalField(
        _("minimum order quantity"),
        max_digits=14,
        decimal_places=3,
        default=1,
        validators=[MinValueValidator(0)],
    )
    supply_quantity = models.DecimalField(
        _("supply ability"), max_digits=16, decimal_places=3, null=True, blank=True
    )
    supply_period = models.CharField(
        _("supply period"), max_length=5, choices=SupplyPeriod.choices, default=SupplyPeriod.MONTH
    )
    lead_times = models.JSONField(
        _("lead time by quantity"), default=list, blank=True
    )  # [{"up_to", "days"}]
    port_of_loading = models.ForeignKey(
        "trade.Port",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("port of loading"),
    )
    incoterms = models.JSONField(_("Incoterms offered"), default=list, blank=True)
    payment_methods = models.JSONField(_("payment methods"), default=list, blank=True)
    packaging = models.TextField(_("packaging"), blank=True, max_length=1000)
    hs_code = HsCodeField(verbose_name=_("HS code"), blank=True)
    origin_country = CountryField(_("place of origin"), blank=True)
    certifications = models.JSONField(_("certifications"), default=list, blank=True)
    sample_available = models.BooleanField(_("samples available"), default=False)
    sample_price = MoneyAmountField(_("sample price"), null=True, blank=True)
    oem = models.BooleanField(_("OEM accepted"), default=False)
    odm = models.BooleanField(_("ODM accepted"), default=False)

    # Ready to ship (online wholesale).
    ready_to_ship = models.BooleanField(_("ready to ship"), default=False)
    stock = models.DecimalField(_("stock"), max_digits=14, decimal_places=3, null=True, blank=True)
    weight_kg = models.DecimalField(
        _("shipping weight (kg)"), max_digits=10, decimal_places=3, null=True, blank=True
    )
    length_cm = models.DecimalField(max_digits=8, decimal_places=1, null=True, blank=True)
    width_cm = models.DecimalField(max_digits=8, decimal_places=1, null=True, blank=True)
    height_cm = models.DecimalField(max_digits=8, decimal_places=1, null=True, blank=True)

    # The approved version, and what review and quality checks found.
    published = models.JSONField(null=True, blank=True, editable=False)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    rejection_reasons = models.JSONField(
        default=dict, blank=True, editable=False
    )  # {field: reason}
    auto_flags = models.JSONField(
        default=list, blank=True, editable=False
    )  # automatic review checks
    quality_score = models.DecimalField(
        max_digits=3,
        decimal_places=2,
        default=0,
        editable=False,
        validators=[MinValueValidator(0), MaxValueValidator(5)],
    )
    quality_report = models.JSONField(default=list, blank=True, editable=False)
    problems = models.JSONField(
        default=dict, blank=True, editable=False
    )  # duplicate, wrong category...
    is_demo = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        permissions = [("review_listing", "Can review product listings")]
        indexes = [
            models.Index(fields=["company", "status"]),
            models.Index(fields=["status", "category"]),
            models.Index(fields=["status", "submitted_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("catalog:product", args=[self.slug])

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES and self.published is not None


class TierPrice(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="tiers")
    min_quantity = models.DecimalField(
        max_digits=14, decimal_places=3, validators=[MinValueValidator(0)]
    )
    unit_price = MoneyAmountField()

    class Meta:
        ordering = ["product", "min_quantity"]
        constraints = [
            models.UniqueConstraint(
                fields=["product", "min_quantity"], name="tier_once_per_quantity"
            )
        ]

    def __str__(self) -> str:
        return f"≥{self.min_quantity}: {self.unit_price}"


class ProductTranslation(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=10, choices=PROFILE_LANGUAGES)
    title = models.CharField(max_length=TITLE_MAX)
    keywords = models.JSONField(default=list, blank=True)
    description = models.TextField(blank=True, max_length=20000)
    attribute_texts = models.JSONField(default=dict, blank=True)  # {code: text} for text attributes

    class Meta:
        ordering = ["product", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["product", "language"], name="translation_once_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} [{self.language}]"


class ProductImage(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="images")
    position = models.PositiveSmallIntegerField(default=0)  # 0 is the main image
    image = models.ImageField(upload_to="products/%Y/%m/")
    thumbnail = models.ImageField(upload_to="products/thumbs/%Y/%m/")
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    # 64-bit difference hash (hex) for near-duplicate detection.
    dhash = models.CharField(max_length=16, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["product", "position", "id"]

    def __str__(self) -> str:
        return self.image.name


class ReviewAction(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted for review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    OFFLINE = "offline", _("Taken offline")
    RELISTED = "relisted", _("Put back online")
    ARCHIVED = "archived", _("Archived")
    RESTORED = "restored", _("Restored from the archive")


class ReviewEvent(models.Model):
    """Append-only trail of a listing's lifecycle: who moved it, when and why."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=10, choices=ReviewAction.choices)
    from_status = models.CharField(max_length=10, choices=ListingStatus.choices)
    to_status = models.CharField(max_length=10, choices=ListingStatus.choices)
    reasons = models.JSONField(default=dict, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.product_id}: {self.action}"


class ProhibitedTerm(models.Model):
    """Words and goods the operator does not allow in listings (checked at review)."""

    class Kind(models.TextChoices):
        WORD = "word", _("Prohibited word")
        GOODS = "goods", _("Prohibited goods")

    term = models.CharField(max_length=100, unique=True)
    kind = models.CharField(max_length=5, choices=Kind.choices, default=Kind.WORD)
    note = models.CharField(max_length=200, blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["term"]

    def __str__(self) -> str:
        return self.term


class ImportJob(models.Model):
    """A bulk upload of listings; rows are validated one by one and imported whole or not at all."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Finished")
        FAILED = "failed", _("Failed")

    company = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="import_jobs"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    category = models.ForeignKey(
        "catalog.Category", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    file = models.FileField(upload_to="imports/%Y/%m/")
    file_format = models.CharField(max_length=4)  # csv or xlsx
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    failed_count = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)  # [{"row": n, "field": f, "message": m}]
    error_file = models.FileField(upload_to="imports/errors/%Y/%m/", blank=True)
    message = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Import {self.pk} ({self.status})"
