"""Companies, their members and their public profile ("virtual office")."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from hansa.companies.choices import (
    PROFILE_LANGUAGES,
    BusinessType,
    CompanyKind,
    EmployeesBand,
    ExportRevenueBand,
    VerificationStatus,
)
from hansa.companies.roles import Role
from hansa.trade.regions import MARKET_REGIONS


class Company(models.Model):
    slug = models.SlugField(_("address on the site"), max_length=80, unique=True)
    name = models.CharField(_("company name"), max_length=200)
    kind = models.CharField(_("company type"), max_length=10, choices=CompanyKind.choices)
    country = CountryField(_("country"))
    subdivision = models.CharField(_("province or state"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    address = models.CharField(_("street address"), max_length=255, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/%Y/%m/", blank=True)
    description = models.TextField(_("about the company"), blank=True, max_length=5000)
    year_established = models.PositiveSmallIntegerField(
        _("year established"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
    )
    employees = models.CharField(
        _("employees"), max_length=10, choices=EmployeesBand.choices, blank=True
    )
    business_types = models.JSONField(_("business type"), default=list, blank=True)
    main_products = models.JSONField(_("main products"), default=list, blank=True)
    export_revenue = models.CharField(
        _("annual export revenue"), max_length=10, choices=ExportRevenueBand.choices, blank=True
    )
    # Factory facts (suppliers that make what they sell).
    factory_area_m2 = models.PositiveIntegerField(_("factory area (m²)"), null=True, blank=True)
    production_lines = models.PositiveSmallIntegerField(
        _("production lines"), null=True, blank=True
    )
    rnd_staff = models.PositiveSmallIntegerField(_("R&D staff"), null=True, blank=True)
    qc_staff = models.PositiveSmallIntegerField(_("QC staff"), null=True, blank=True)
    qc_process = models.TextField(_("quality control"), blank=True, max_length=2000)
    # Trade capacity.
    nearest_port = models.ForeignKey(
        "trade.Port",
        verbose_name=_("nearest port"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_time_days = models.PositiveSmallIntegerField(
        _("average lead time (days)"), null=True, blank=True
    )
    languages_spoken = models.JSONField(_("languages spoken"), default=list, blank=True)
    # Verification state; the history is verification.VerificationDecision.
    verification_status = models.CharField(
        _("verification"),
        max_length=12,
        choices=VerificationStatus.choices,
        default=VerificationStatus.UNVERIFIED,
    )
    star_rating = models.PositiveSmallIntegerField(
        _("stars"), default=0, validators=[MaxValueValidator(6)]
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_demo = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["kind", "country"]),
            models.Index(fields=["verification_status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(star_rating__lte=6), name="company_stars_0_6"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("companies:public", args=[self.slug])

    @property
    def is_supplier(self) -> bool:
        return self.kind in (CompanyKind.SUPPLIER, CompanyKind.BOTH)

    @property
    def is_buyer(self) -> bool:
        return self.kind in (CompanyKind.BUYER, CompanyKind.BOTH)

    @property
    def is_verified(self) -> bool:
        return self.verification_status == VerificationStatus.VERIFIED

    @property
    def business_type_labels(self) -> list[str]:
        labels = dict(BusinessType.choices)
        return [str(labels[t]) for t in self.business_types if t in labels]

    @property
    def language_labels(self) -> list[str]:
        labels = dict(PROFILE_LANGUAGES)
        return [labels[code] for code in self.languages_spoken if code in labels]

    @property
    def years_in_business(self) -> int | None:
        if not self.year_established:
            return None
        return max(0, timezone.now().year - self.year_established)


class CompanyName(models.Model):
    """The company's name and introduction in another language."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="names")
    language = models.CharField(_("language"), max_length=10, choices=PROFILE_LANGUAGES)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("introduction"), blank=True, max_length=5000)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["company", "language"], name="company_name_one_per_language"
            )
        ]
        ordering = ["language"]

    def __str__(self) -> str:
        return f"{self.name} [{self.language}]"


class MainMarket(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="main_markets")
    region = models.CharField(_("market"), max_length=30, choices=MARKET_REGIONS)
    share_percent = models.PositiveSmallIntegerField(
        _("share (%)"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["company", "region"], name="main_market_once"),
            models.CheckConstraint(
                condition=models.Q(share_percent__gte=1, share_percent__lte=100),
                name="main_market_share_1_100",
            ),
        ]
        ordering = ["-share_percent"]

    def __str__(self) -> str:
        return f"{self.get_region_display()} {self.share_percent}%"


class Certification(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="certifications")
    name = models.CharField(
        _("certificate"), max_length=120, help_text=_("For example ISO 9001, CE, BSCI")
    )
    issuer = models.CharField(_("issued by"), max_length=200)
    number = models.CharField(_("certificate number"), max_length=100, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    file = models.FileField(_("file"), upload_to="certificates/%Y/%m/", blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_from__isnull=True)
                | models.Q(valid_until__gte=models.F("valid_from")),
                name="certification_dates_in_order",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_valid_today(self) -> bool:
        today = timezone.localdate()
        return (self.valid_from is None or self.valid_from <= today) and (
            self.valid_until is None or today <= self.valid_until
        )


class ContactPerson(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=120)
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    is_primary = models.BooleanField(_("main contact"), default=False)

    class Meta:
        ordering = ["-is_primary", "name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A user acting for a company. A user has at most one membership (see ARCHITECTURE.md)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    is_active = models.BooleanField(_("active"), default=True)
    joined_at = models.DateTimeField(auto_now_add=True)
    deactivated_at = models.DateTimeField(null=True, blank=True)
    deactivated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["company", "role", "user__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["company"], condition=models.Q(role="owner"), name="one_owner_per_company"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.company} ({self.role})"


class Invitation(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail"))
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    # Only a SHA-256 of the link's secret is kept; the secret travels in the e-mail alone.
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.company}"

    @property
    def is_open(self) -> bool:
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
        )
