"""Bulk import and export pages in the workspace: choose a category, download its template,
upload a filled-in file, follow the job's progress and read its report, export listings.

Every page needs MANAGE_LISTINGS in a supplier company. Jobs are fetched with
``imports.access_import_job``: another company's job, or a colleague's for a sales rep, is a
uniform 404. Files (uploads, error files) are private and served only through these views.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import wraps
from itertools import groupby
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hansa.catalog import imports
from hansa.catalog.models import Category, ImportJob
from hansa.catalog.tasks import start_import_job
from hansa.companies.roles import Perm
from hansa.core.errors import BusinessError, NotFound
from hansa.core.http import add_form_error, member_required

View = Callable[..., HttpResponse]
REPORT_ROWS = 200  # failed rows listed on the page; the error file has them all
RECENT_JOBS = 10


def _supplier_required(view: View) -> View:
    @member_required(Perm.MANAGE_LISTINGS)
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.membership.company.is_supplier:  # type: ignore[attr-defined]
            raise PermissionDenied(_("Only suppliers publish products."))
        return view(request, *args, **kwargs)

    return wrapper


def _leaf_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Leaf categories grouped by industry, for one <select> with <optgroup>s."""
    nodes = list(
        Category.objects.filter(is_active=True).only(
            "code", "name_en", "name_zh", "names", "path", "is_leaf"
        )
    )
    names = {c.code: c.name for c in nodes}
    leaves = sorted(
        (c for c in nodes if c.is_leaf), key=lambda c: (names.get(c.path.split("/")[0], ""), c.path)
    )
    grouped = []
    for industry, members in groupby(leaves, key=lambda c: c.path.split("/")[0]):
        options = []
        for c in members:
            middle = [names[p] for p in c.path.split("/")[1:-1] if p in names]
            options.append((c.code, " › ".join([*middle, c.name])))
        grouped.append((names.get(industry, industry), options))
    return grouped


class CategoryForm(forms.Form):
    category = forms.ChoiceField(label=gettext_lazy("Category"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", "—"), *_leaf_choices()]
        self.fields["category"].widget.attrs["data-autosubmit"] = ""


class ImportForm(forms.Form):
    category = forms.CharField(widget=forms.HiddenInput)
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet"),
        help_text=gettext_lazy(
            "The template filled in, as Excel (.xlsx) or CSV (UTF-8 or GB18030); up to 5,000 "
            "rows and 10 MB."
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".xlsx,.csv,text/csv,application/vnd.ms-excel"}
        ),
    )


def _category_or_none(code: str | None) -> Category | None:
    if not code:
        return None
    try:
        return imports.leaf_category(code)
    except BusinessError:
        return None


@_supplier_required
def import_start(request: HttpRequest) -> HttpResponse:
    """The import page: pick a category, download its template, upload, see recent imports."""
    membership = request.membership  # type: ignore[attr-defined]
    code = request.POST.get("category") or request.GET.get("category")
    category = _category_or_none(code)
    form = ImportForm(
        request.POST or None,
        request.FILES or None,
        initial={"category": code},
        auto_id="upload_%s",  # the category picker above already uses id_category
    )
    if request.method == "POST" and form.is_valid():
        if category is None:
            add_form_error(form, None, _("Choose a category at the end of the tree."))
        else:
            try:
                job = imports.import_job_create(
                    membership=membership, category=category, upload=form.cleaned_data["file"]
                )
            except BusinessError as exc:
                add_form_error(form, exc.field, exc.message)
            else:
                start_import_job(job.pk)
                return redirect("catalog:import_job", pk=job.pk)
    return render(
        request,
        "catalog/import/start.html",
        {
            "category": category,
            "category_form": CategoryForm(initial={"category": category.code if category else ""}),
            "form": form,
            "jobs": imports.import_jobs(membership)[:RECENT_JOBS],
            "max_rows": imports.MAX_ROWS,
        },
    )


def _job(request: HttpRequest, pk: int) -> ImportJob:
    try:
        return imports.access_import_job(request.membership, pk)  # type: ignore[attr-defined]
    except NotFound:
        raise Http404() from None


def _report(job: ImportJob) -> dict[str, Any]:
    job = imports.import_job_expire(job)
    finished = imports.is_finished(job)
    errors = job.errors if finished else []
    return {
        "job": job,
        "finished": finished,
        "percent": round(100 * job.processed_rows / job.total_rows) if job.total_rows else 0,
        "errors": errors[:REPORT_ROWS],
        "more_errors": max(0, len(errors) - REPORT_ROWS),
    }


@_supplier_required
def import_job(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "catalog/import/job.html", _report(_job(request, pk)))


@_supplier_required
def import_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress fragment that the job page polls every second until the job ends."""
    response = render(request, "catalog/import/_progress.html", _report(_job(request, pk)))
    response["Cache-Control"] = "no-store"
    return response


def _attachment(content: Any, filename: str, content_type: str) -> FileResponse:
    response = FileResponse(content, as_attachment=True, filename=filename)
    response["Content-Type"] = content_type
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@_supplier_required
def import_errors(request: HttpRequest, pk: int) -> HttpResponse:
    """The failed rows, in the upload's format, with an "error" column."""
    job = _job(request, pk)
    if not job.error_file:
        raise Http404()
    return _attachment(
        job.error_file.open("rb"),
        imports.error_filename(job),
        imports.CONTENT_TYPES.get(job.file_format, "application/octet-stream"),
    )


def _document(request: HttpRequest, make: Callable[..., imports.Document]) -> HttpResponse:
    category = _category_or_none(request.GET.get("category"))
    if category is None:
        raise Http404()
    try:
        document = make(category=category, file_format=request.GET.get("format", "xlsx"))
    except BusinessError:
        raise Http404() from None
    return _attachment(io.BytesIO(document.content), document.filename, document.content_type)


@_supplier_required
def import_template(request: HttpRequest) -> HttpResponse:
    return _document(request, imports.template_document)


@_supplier_required
def export_listings(request: HttpRequest) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]

    def make(**kwargs: Any) -> imports.Document:
        return imports.export_document(membership=membership, **kwargs)

    return _document(request, make)
