"""Writes of the verification workflow. Every decision also appends a VerificationDecision."""

from __future__ import annotations

import os

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hansa.accounts.models import User
from hansa.companies.choices import VerificationStatus
from hansa.companies.models import Company
from hansa.core.errors import BusinessError, Forbidden
from hansa.core.uploads import clean_document
from hansa.verification.models import (
    REQUIRED_DOCUMENTS,
    ApplicationStatus,
    DecisionAction,
    DocumentKind,
    VerificationApplication,
    VerificationDecision,
    VerificationDocument,
)

MAX_DOCUMENTS = 12
REVIEW_PERMISSION = "verification.review_verification"


def _require_reviewer(user: User) -> None:
    if not (user.is_active and user.is_staff and user.has_perm(REVIEW_PERMISSION)):
        raise Forbidden(_("Only verification reviewers can decide on applications."))


def _lock_application(application: VerificationApplication) -> VerificationApplication:
    return (
        VerificationApplication.objects.select_for_update()
        .select_related("company")
        .get(pk=application.pk)
    )


def _lock_company(company: Company) -> Company:
    return Company.objects.select_for_update().get(pk=company.pk)


@transaction.atomic
def application_start(*, company: Company, by: User) -> VerificationApplication:
    if not company.is_supplier:
        raise BusinessError(_("Only suppliers apply for verification."))
    _lock_company(company)
    open_app = company.verification_applications.filter(
        status__in=[ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED]
    ).first()
    if open_app:
        return open_app
    return VerificationApplication.objects.create(company=company, created_by=by)


@transaction.atomic
def document_add(
    *, application: VerificationApplication, by: User, kind: str, upload: UploadedFile
) -> VerificationDocument:
    application = _lock_application(application)
    if application.status != ApplicationStatus.DRAFT:
        raise BusinessError(_("Documents can only be added before the application is submitted."))
    if kind not in DocumentKind.values:
        raise BusinessError(_("Choose the kind of document."), field="kind")
    if application.documents.count() >= MAX_DOCUMENTS:
        raise BusinessError(
            _("An application holds at most %(n)d documents.") % {"n": MAX_DOCUMENTS}, field="file"
        )
    try:
        clean = clean_document(upload)
    except ValidationError as exc:
        raise BusinessError(exc.messages[0], field="file") from None
    stem = os.path.splitext(os.path.basename(upload.name or "document"))[0][:80] or "document"
    doc = VerificationDocument(
        application=application,
        kind=kind,
        original_name=f"{stem}.{clean.extension}",
        content_type=clean.content_type,
        size=clean.size,
        uploaded_by=by,
    )
    doc.file.save(f"{kind}.{clean.extension}", clean.content, save=False)
    doc.save()
    return doc


@transaction.atomic
def document_remove(*, application: VerificationApplication, document_id: int) -> None:
    application = _lock_application(application)
    if application.status != ApplicationStatus.DRAFT:
        raise BusinessError(_("Documents of a submitted application cannot be removed."))
    doc = application.documents.filter(pk=document_id).first()
    if doc is None:
        from hansa.core.errors import NotFound

        raise NotFound()
    doc.file.delete(save=False)
    doc.delete()


@transaction.atomic
def application_submit(
    *, application: VerificationApplication, by: User, note: str = ""
) -> VerificationApplication:
    application = _lock_application(application)
    if application.status == ApplicationStatus.SUBMITTED:
        return application  # idempotent: a double click submits once
    if application.status != ApplicationStatus.DRAFT:
        raise BusinessError(_("This application was already decided."))
    kinds = set(application.documents.values_list("kind", flat=True))
    missing = [DocumentKind(k).label for k in REQUIRED_DOCUMENTS if k not in kinds]
    if missing:
        raise BusinessError(
            _("Add these documents before submitting: %(docs)s")
            % {"docs": ", ".join(str(m) for m in missing)},
            field="file",
        )
    now = timezone.now()
    application.status = ApplicationStatus.SUBMITTED
    application.submitted_at = now
    application.note = note.strip()[:2000]
    application.save(update_fields=["status", "submitted_at", "note"])
    company = _lock_company(application.company)
    if company.verification_status != VerificationStatus.VERIFIED:
        company.verification_status = VerificationStatus.PENDING
        company.save(update_fields=["verification_status", "updated_at"])
    VerificationDecision.objects.create(
        company=company, application=application, action=DecisionAction.SUBMITTED, decided_by=by
    )
    return application


def _check_stars(stars: int) -> int:
    try:
        stars = int(stars)
    except (TypeError, ValueError):
        raise BusinessError(_("Give 1 to 6 stars."), field="stars") from None
    if not 1 <= stars <= 6:
        raise BusinessError(_("Give 1 to 6 stars."), field="stars")
    return stars


@transaction.atomic
def application_approve(
    *, application: VerificationApplication, by: User, stars: int, evidence: str
) -> VerificationApplication:
    _require_reviewer(by)
    stars = _check_stars(stars)
    if not evidence.strip():
        raise BusinessError(_("Write down the evidence for the star grade."), field="evidence")
    application = _lock_application(application)
    if application.status != ApplicationStatus.SUBMITTED:
        raise BusinessError(
            _("Only a submitted application can be approved; this one is %(s)s.")
            % {"s": application.get_status_display()}
        )
    now = timezone.now()
    application.status = ApplicationStatus.APPROVED
    application.decided_at = now
    application.save(update_fields=["status", "decided_at"])
    company = _lock_company(application.company)
    company.verification_status = VerificationStatus.VERIFIED
    company.star_rating = stars
    company.verified_at = company.verified_at or now
    company.save(update_fields=["verification_status", "star_rating", "verified_at", "updated_at"])
    VerificationDecision.objects.create(
        company=company,
        application=application,
        action=DecisionAction.APPROVED,
        stars=stars,
        evidence=evidence.strip(),
        decided_by=by,
    )
    return application


@transaction.atomic
def application_reject(
    *, application: VerificationApplication, by: User, reason: str
) -> VerificationApplication:
    _require_reviewer(by)
    if not reason.strip():
        raise BusinessError(_("Give the supplier a reason for the rejection."), field="reason")
    application = _lock_application(application)
    if application.status != ApplicationStatus.SUBMITTED:
        raise BusinessError(
            _("Only a submitted application can be rejected; this one is %(s)s.")
            % {"s": application.get_status_display()}
        )
    application.status = ApplicationStatus.REJECTED
    application.decided_at = timezone.now()
    application.save(update_fields=["status", "decided_at"])
    company = _lock_company(application.company)
    if company.verification_status != VerificationStatus.VERIFIED:
        company.verification_status = VerificationStatus.REJECTED
        company.save(update_fields=["verification_status", "updated_at"])
    VerificationDecision.objects.create(
        company=company,
        application=application,
        action=DecisionAction.REJECTED,
        reason=reason.strip(),
        decided_by=by,
    )
    return application


@transaction.atomic
def company_grade(*, company: Company, by: User, stars: int, evidence: str) -> Company:
    """Re-grades an already verified supplier."""
    _require_reviewer(by)
    stars = _check_stars(stars)
    if not evidence.strip():
        raise BusinessError(_("Write down the evidence for the star grade."), field="evidence")
    company = _lock_company(company)
    if company.verification_status != VerificationStatus.VERIFIED:
        raise BusinessError(_("Only verified suppliers carry stars."))
    if company.star_rating != stars:
        company.star_rating = stars
        company.save(update_fields=["star_rating", "updated_at"])
        VerificationDecision.objects.create(
            company=company,
            action=DecisionAction.GRADED,
            stars=stars,
            evidence=evidence.strip(),
            decided_by=by,
        )
    return company


@transaction.atomic
def verification_revoke(*, company: Company, by: User, reason: str) -> Company:
    _require_reviewer(by)
    if not reason.strip():
        raise BusinessError(_("Give a reason for revoking the verification."), field="reason")
    company = _lock_company(company)
    if company.verification_status != VerificationStatus.VERIFIED:
        raise BusinessError(_("This supplier is not verified."))
    company.verification_status = VerificationStatus.UNVERIFIED
    company.star_rating = 0
    company.verified_at = None
    company.save(update_fields=["verification_status", "star_rating", "verified_at", "updated_at"])
    VerificationDecision.objects.create(
        company=company, action=DecisionAction.REVOKED, reason=reason.strip(), decided_by=by
    )
    return company
