"""Verification over the API: the supplier's side and the operator's review queue."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import File, Form, Router, Schema
from ninja.files import UploadedFile
from ninja.responses import Status

from hansa.api.common import ERRORS, member
from hansa.companies.models import Company
from hansa.companies.roles import Perm
from hansa.core.errors import Forbidden, NotFound
from hansa.verification import selectors, services
from hansa.verification.models import VerificationApplication

router = Router(tags=["verification"])
ops_router = Router(tags=["operator"])


class DocumentOut(Schema):
    id: int
    kind: str
    original_name: str
    content_type: str
    size: int
    uploaded_at: datetime


class ApplicationOut(Schema):
    id: int
    status: str
    note: str
    created_at: datetime
    submitted_at: datetime | None
    decided_at: datetime | None
    documents: list[DocumentOut]


class DecisionOut(Schema):
    action: str
    stars: int | None
    reason: str
    decided_at: datetime


class VerificationOut(Schema):
    status: str
    star_rating: int
    verified_at: datetime | None
    application: ApplicationOut | None
    decisions: list[DecisionOut]


class SubmitIn(Schema):
    note: str = ""


def _status(company: Company) -> dict[str, object]:
    company.refresh_from_db()
    return {
        "status": company.verification_status,
        "star_rating": company.star_rating,
        "verified_at": company.verified_at,
        "application": selectors.current_application(company),
        "decisions": list(selectors.decisions_for(company)),
    }


@router.get(
    "", response={200: VerificationOut, **ERRORS}, summary="Your verification status and history"
)
def get_verification(request: HttpRequest) -> dict[str, object]:
    return _status(member(request).company)


@router.post(
    "/documents",
    response={201: DocumentOut, **ERRORS},
    summary="Add a document to your application",
)
def add_document(request: HttpRequest, kind: Form[str], file: File[UploadedFile]) -> Status:
    m = member(request, Perm.MANAGE_VERIFICATION)
    application = services.application_start(company=m.company, by=request.user)
    return Status(
        201, services.document_add(application=application, by=request.user, kind=kind, upload=file)
    )


@router.delete(
    "/documents/{document_id}", response={204: None, **ERRORS}, summary="Remove a document"
)
def remove_document(request: HttpRequest, document_id: int) -> Status:
    m = member(request, Perm.MANAGE_VERIFICATION)
    application = selectors.current_application(m.company)
    if application is None:
        raise NotFound()
    services.document_remove(application=application, document_id=document_id)
    return Status(204, None)


@router.post(
    "/submit",
    response={200: VerificationOut, **ERRORS},
    summary="Submit your application for review",
)
def submit(request: HttpRequest, payload: SubmitIn) -> dict[str, object]:
    m = member(request, Perm.MANAGE_VERIFICATION)
    application = services.application_start(company=m.company, by=request.user)
    services.application_submit(application=application, by=request.user, note=payload.note)
    return _status(m.company)


# --- Operator side ---------------------------------------------------------------------------


class QueueItemOut(Schema):
    id: int
    company_id: int
    company_name: str
    company_slug: str
    country: str
    submitted_at: datetime | None
    documents: list[DocumentOut]

    @staticmethod
    def resolve_company_name(obj: VerificationApplication) -> str:
        return obj.company.name

    @staticmethod
    def resolve_company_slug(obj: VerificationApplication) -> str:
        return obj.company.slug

    @staticmethod
    def resolve_country(obj: VerificationApplication) -> str:
        return obj.company.country.code


class ApproveIn(Schema):
    stars: int
    evidence: str


class RejectIn(Schema):
    reason: str


def _reviewer(request: HttpRequest) -> None:
    user = request.user
    if not (user.is_staff and user.has_perm(services.REVIEW_PERMISSION)):
        raise Forbidden()


def _application(application_id: int) -> VerificationApplication:
    app = (
        VerificationApplication.objects.select_related("company").filter(pk=application_id).first()
    )
    if app is None:
        raise NotFound()
    return app


@ops_router.get(
    "/queue",
    response={200: list[QueueItemOut], **ERRORS},
    summary="Applications waiting for review",
)
def queue(request: HttpRequest) -> list[VerificationApplication]:
    _reviewer(request)
    return list(selectors.review_queue())


@ops_router.post(
    "/{application_id}/approve",
    response={200: ApplicationOut, **ERRORS},
    summary="Approve with a star grade",
)
def approve(
    request: HttpRequest, application_id: int, payload: ApproveIn
) -> VerificationApplication:
    _reviewer(request)
    return services.application_approve(
        application=_application(application_id),
        by=request.user,
        stars=payload.stars,
        evidence=payload.evidence,
    )


@ops_router.post(
    "/{application_id}/reject",
    response={200: ApplicationOut, **ERRORS},
    summary="Reject with a reason",
)
def reject(request: HttpRequest, application_id: int, payload: RejectIn) -> VerificationApplication:
    _reviewer(request)
    return services.application_reject(
        application=_application(application_id), by=request.user, reason=payload.reason
    )
