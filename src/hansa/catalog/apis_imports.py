"""Bulk product imports over the API (mounted at /api/v1/products/imports).

Upload a filled-in template (multipart: ``category``, ``file``) to create a job, then poll it for
progress and its report; download the error file of the failed rows, a category's template, or
the caller's listings in the same format. Everything is scoped to the caller's company and role
(a sales rep sees their own jobs); another company's job answers a uniform 404.
"""

from __future__ import annotations

import io
from datetime import datetime

from django.http import FileResponse, HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Schema
from ninja.files import UploadedFile
from ninja.responses import Status

from hansa.api.common import ERRORS, member
from hansa.catalog import imports
from hansa.catalog.models import Category, ImportJob
from hansa.catalog.tasks import start_import_job
from hansa.companies.roles import Perm
from hansa.core.errors import NotFound

router = Router(tags=["product imports"])


class ImportErrorOut(Schema):
    row: int
    field: str
    message: str


class ImportJobOut(Schema):
    id: int
    status: str
    category: str | None
    file_format: str
    total_rows: int
    processed_rows: int
    created_count: int
    failed_count: int
    message: str
    errors: list[ImportErrorOut]
    error_file: str | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


def _out(request: HttpRequest, job: ImportJob) -> dict[str, object]:
    job = imports.import_job_expire(job)
    error_file = None
    if job.error_file:
        namespace = request.resolver_match.namespace if request.resolver_match else ""
        name = f"{namespace}:import_job_errors" if namespace else "import_job_errors"
        error_file = reverse(name, args=[job.pk])
    return {
        "id": job.pk,
        "status": job.status,
        "category": job.category.code if job.category else None,
        "file_format": job.file_format,
        "total_rows": job.total_rows,
        "processed_rows": job.processed_rows,
        "created_count": job.created_count,
        "failed_count": job.failed_count,
        "message": job.message,
        "errors": [
            {"row": e.get("row", 0), "field": e.get("field") or "", "message": e.get("message", "")}
            for e in (job.errors if imports.is_finished(job) else [])
        ],
        "error_file": error_file,
        "created_at": job.created_at,
        "started_at": job.started_at,
        "finished_at": job.finished_at,
    }


def _file(content: object, filename: str, content_type: str) -> FileResponse:
    response = FileResponse(content, as_attachment=True, filename=filename)
    response["Content-Type"] = content_type
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _category(code: str) -> Category:
    return imports.leaf_category(code)


@router.get(
    "/template",
    response=ERRORS,
    summary="The import template of a leaf category",
    description="`format` is `xlsx` (with drop-downs, instructions and an example) or `csv`.",
)
def template(request: HttpRequest, category: str, format: str = "xlsx") -> FileResponse:
    member(request, Perm.MANAGE_LISTINGS)
    document = imports.template_document(category=_category(category), file_format=format)
    return _file(io.BytesIO(document.content), document.filename, document.content_type)


@router.get(
    "/export",
    response=ERRORS,
    summary="Your listings of a category, in the import format",
    description="Rows keep their `id`: uploading them again updates those listings.",
)
def export(request: HttpRequest, category: str, format: str = "xlsx") -> FileResponse:
    membership = member(request, Perm.MANAGE_LISTINGS)
    document = imports.export_document(
        membership=membership, category=_category(category), file_format=format
    )
    return _file(io.BytesIO(document.content), document.filename, document.content_type)


@router.get("", response={200: list[ImportJobOut], **ERRORS}, summary="Your recent imports")
def list_jobs(request: HttpRequest) -> list[dict[str, object]]:
    membership = member(request, Perm.MANAGE_LISTINGS)
    return [_out(request, job) for job in imports.import_jobs(membership)[:50]]


@router.post(
    "",
    response={201: ImportJobOut, **ERRORS},
    summary="Upload a file to import",
    description=(
        "Multipart form: `category` (leaf category code) and `file` (.xlsx or CSV in UTF-8 or "
        "GB18030, up to 5,000 rows and 10 MB). The file is checked at once (400 with a message "
        "if it cannot be imported); rows are imported in the background: poll the job."
    ),
)
def create_job(request: HttpRequest, category: Form[str], file: File[UploadedFile]) -> Status:
    membership = member(request, Perm.MANAGE_LISTINGS)
    job = imports.import_job_create(
        membership=membership, category=_category(category), upload=file
    )
    start_import_job(job.pk)
    return Status(201, _out(request, job))


@router.get(
    "/{int:job_id}",
    response={200: ImportJobOut, **ERRORS},
    summary="An import's status, progress and report",
)
def get_job(request: HttpRequest, job_id: int) -> dict[str, object]:
    membership = member(request, Perm.MANAGE_LISTINGS)
    return _out(request, imports.access_import_job(membership, job_id))


@router.get(
    "/{int:job_id}/errors",
    response=ERRORS,
    url_name="import_job_errors",
    summary="The failed rows with an error column, in the upload's format",
)
def get_errors(request: HttpRequest, job_id: int) -> FileResponse:
    membership = member(request, Perm.MANAGE_LISTINGS)
    job = imports.access_import_job(membership, job_id)
    if not job.error_file:
        raise NotFound(_("This import has no error file: no row failed, or it has not finished."))
    return _file(
        job.error_file.open("rb"),
        imports.error_filename(job),
        imports.CONTENT_TYPES.get(job.file_format, "application/octet-stream"),
    )
