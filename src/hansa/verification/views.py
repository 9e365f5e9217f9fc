"""Verification pages: the supplier applies, the operator reviews."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hansa.companies.roles import Perm
from hansa.core.errors import BusinessError, NotFound
from hansa.core.http import add_form_error, member_required, operator_required
from hansa.verification import selectors, services
from hansa.verification.forms import ApproveForm, DocumentForm, RejectForm, SubmitForm
from hansa.verification.models import VerificationApplication, VerificationDocument

REVIEW = services.REVIEW_PERMISSION


@member_required(Perm.VIEW_WORKSPACE)
def status(request: HttpRequest) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    company = membership.company
    if not company.is_supplier:
        raise Http404()
    can_manage = Perm.MANAGE_VERIFICATION in _perm_set(membership)
    doc_form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not can_manage:
            raise Http404()
        if doc_form.is_valid():
            try:
                application = services.application_start(company=company, by=request.user)
                services.document_add(
                    application=application,
                    by=request.user,
                    kind=doc_form.cleaned_data["kind"],
                    upload=doc_form.cleaned_data["file"],
                )
            except BusinessError as exc:
                add_form_error(doc_form, exc.field, exc.message)
            else:
                messages.success(request, _("Document added."))
                return redirect("verification:status")
    return render(
        request,
        "verification/status.html",
        {
            "application": selectors.current_application(company),
            "decisions": selectors.decisions_for(company)[:20],
            "doc_form": doc_form,
            "submit_form": SubmitForm(),
            "can_manage": can_manage,
        },
    )


def _perm_set(membership: object) -> set[Perm]:
    from hansa.companies.roles import ROLE_PERMISSIONS

    return set(ROLE_PERMISSIONS.get(membership.role, frozenset()))  # type: ignore[attr-defined]


@require_POST
@member_required(Perm.MANAGE_VERIFICATION)
def submit(request: HttpRequest) -> HttpResponse:
    company = request.membership.company  # type: ignore[attr-defined]
    form = SubmitForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        application = services.application_start(company=company, by=request.user)
        services.application_submit(application=application, by=request.user, note=note)
    except BusinessError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Application submitted. A reviewer will look at it soon."))
    return redirect("verification:status")


@require_POST
@member_required(Perm.MANAGE_VERIFICATION)
def document_delete(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.current_application(request.membership.company)  # type: ignore[attr-defined]
    if application is None:
        raise Http404()
    try:
        services.document_remove(application=application, document_id=pk)
        messages.success(request, _("Document removed."))
    except NotFound:
        raise Http404() from None
    except BusinessError as exc:
        messages.error(request, exc.message)
    return redirect("verification:status")


def _serve(doc: VerificationDocument) -> FileResponse:
    response = FileResponse(
        doc.file.open("rb"), content_type=doc.content_type, filename=doc.original_name
    )
    # Shown inline (PDF viewer / image) but never sniffed into something runnable.
    response["Content-Disposition"] = response["Content-Disposition"].replace(
        "attachment", "inline"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    return response


@member_required(Perm.VIEW_WORKSPACE)
def document_file(request: HttpRequest, pk: int) -> HttpResponse:
    doc = VerificationDocument.objects.filter(
        pk=pk,
        application__company=request.membership.company,  # type: ignore[attr-defined]
    ).first()
    if doc is None:
        raise Http404()
    return _serve(doc)


# --- Operator --------------------------------------------------------------------------------


@operator_required(REVIEW)
def queue(request: HttpRequest) -> HttpResponse:
    return render(request, "verification/ops_queue.html", {"queue": selectors.review_queue()})


@operator_required(REVIEW)
def review(request: HttpRequest, pk: int) -> HttpResponse:
    application = (
        VerificationApplication.objects.select_related("company", "created_by")
        .filter(pk=pk)
        .first()
    )
    if application is None:
        raise Http404()
    approve_form = ApproveForm(request.POST if request.POST.get("decision") == "approve" else None)
    reject_form = RejectForm(request.POST if request.POST.get("decision") == "reject" else None)
    if request.method == "POST":
        form = approve_form if request.POST.get("decision") == "approve" else reject_form
        if form.is_valid():
            try:
                if form is approve_form:
                    services.application_approve(
                        application=application, by=request.user, **form.cleaned_data
                    )
                    messages.success(
                        request,
                        _("%(c)s is verified with %(n)d stars.")
                        % {"c": application.company.name, "n": form.cleaned_data["stars"]},
                    )
                else:
                    services.application_reject(
                        application=application, by=request.user, **form.cleaned_data
                    )
                    messages.success(
                        request,
                        _("Application of %(c)s rejected.") % {"c": application.company.name},
                    )
            except BusinessError as exc:
                add_form_error(form, exc.field, exc.message)
            else:
                return redirect("verification:queue")
    return render(
        request,
        "verification/ops_review.html",
        {
            "application": application,
            "c": application.company,
            "approve_form": approve_form,
            "reject_form": reject_form,
            "decisions": selectors.decisions_for(application.company)[:20],
        },
    )


@operator_required(REVIEW)
def ops_document_file(request: HttpRequest, pk: int) -> HttpResponse:
    doc = VerificationDocument.objects.filter(pk=pk).first()
    if doc is None:
        raise Http404()
    return _serve(doc)
