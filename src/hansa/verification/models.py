"""Supplier verification: applications with documents, and an append-only log of decisions."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Waiting for review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class DocumentKind(models.TextChoices):
    BUSINESS_LICENCE = "business_licence", _("Business licence")
    EXPORT_LICENCE = "export_licence", _("Export licence")
    CERTIFICATE = "certificate", _("Certificate")
    AUDIT_REPORT = "audit_report", _("Factory audit report")
    OTHER = "other", _("Other document")


# Documents without which an application cannot be submitted.
REQUIRED_DOCUMENTS = [DocumentKind.BUSINESS_LICENCE]


class VerificationApplication(models.Model):
    company = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="verification_applications"
    )
    status = models.CharField(
        max_length=10, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT
    )
    note = models.TextField(_("note to the reviewer"), blank=True, max_length=2000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # One application in progress at a time per company.
            models.UniqueConstraint(
                fields=["company"],
                condition=models.Q(status__in=["draft", "submitted"]),
                name="one_open_verification_application",
            )
        ]
        permissions = [("review_verification", "Can review supplier verification")]

    def __str__(self) -> str:
        return f"{self.company} ({self.get_status_display()})"


class VerificationDocument(models.Model):
    application = models.ForeignKey(
        VerificationApplication, on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("document"), max_length=20, choices=DocumentKind.choices)
    file = models.FileField(upload_to="verification/%Y/%m/")
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "uploaded_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.original_name}"


class DecisionAction(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted for review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    GRADED = "graded", _("Star grade changed")
    REVOKED = "revoked", _("Verification revoked")


class VerificationDecision(models.Model):
    """Append-only: who did what to a company's verification, when and why."""

    company = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="verification_decisions"
    )
    application = models.ForeignKey(
        VerificationApplication,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decisions",
    )
    action = models.CharField(max_length=10, choices=DecisionAction.choices)
    stars = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(6)]
    )
    reason = models.TextField(blank=True, max_length=2000)
    evidence = models.TextField(blank=True, max_length=4000)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_at", "-id"]

    def __str__(self) -> str:
        when = f"{self.decided_at:%Y-%m-%d %H:%M}"
        return f"{self.company}: {self.action} by {self.decided_by} at {when}"
