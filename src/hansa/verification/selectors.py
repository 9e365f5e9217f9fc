from __future__ import annotations

from django.db.models import QuerySet

from hansa.companies.models import Company
from hansa.verification.models import (
    ApplicationStatus,
    VerificationApplication,
    VerificationDecision,
)


def review_queue() -> QuerySet[VerificationApplication]:
    """Submitted applications, oldest first: first come, first reviewed."""
    return (
        VerificationApplication.objects.filter(status=ApplicationStatus.SUBMITTED)
        .select_related("company", "created_by")
        .prefetch_related("documents")
        .order_by("submitted_at", "id")
    )


def current_application(company: Company) -> VerificationApplication | None:
    return (
        company.verification_applications.prefetch_related("documents")
        .order_by("-created_at", "-id")
        .first()
    )


def decisions_for(company: Company) -> QuerySet[VerificationDecision]:
    return VerificationDecision.objects.filter(company=company).select_related(
        "decided_by", "application"
    )
