"""Company pages: the workspace (profile, members) and the public company page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hansa.companies import selectors, services
from hansa.companies.access import access_invitation, access_member
from hansa.companies.forms import (
    CertificationForm,
    CompanyCreateForm,
    CompanyNameFormSet,
    CompanyProfileForm,
    ContactForm,
    InvitationForm,
    MainMarketFormSet,
    RoleForm,
)
from hansa.companies.models import Invitation
from hansa.companies.profile import profile_completeness
from hansa.companies.roles import Perm
from hansa.core.errors import BusinessError
from hansa.core.http import add_form_error, member_required
from hansa.verification.selectors import current_application


@login_required
def workspace(request: HttpRequest) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    pending = request.session.get("pending_invitation")
    if membership is None and pending:
        # Someone who signed up from an invitation link goes back to it after verifying.
        return redirect("companies:invitation_accept", token=pending)
    if membership is None:
        return _onboarding(request)
    company = membership.company
    context = {
        "completeness": profile_completeness(company),
        "application": current_application(company) if company.is_supplier else None,
        "member_count": company.memberships.filter(is_active=True).count(),
    }
    return render(request, "companies/workspace.html", context)


def _onboarding(request: HttpRequest) -> HttpResponse:
    from hansa.companies.models import Membership

    former = (
        Membership.objects.filter(user=request.user, is_active=False)
        .select_related("company")
        .first()
    )
    invitations = [
        i
        for i in Invitation.objects.filter(email__iexact=request.user.email).select_related(
            "company"
        )
        if i.is_open
    ]
    form = CompanyCreateForm(request.POST or None)
    if request.method == "POST" and former is None and form.is_valid():
        try:
            company = services.company_create(user=request.user, **form.cleaned_data)
        except BusinessError as exc:
            add_form_error(form, exc.field, exc.message)
        else:
            messages.success(
                request,
                _("%(name)s is ready. Complete its profile so buyers can judge it.")
                % {"name": company.name},
            )
            return redirect("companies:profile")
    return render(
        request,
        "companies/onboarding.html",
        {"form": form, "former": former, "invitations": invitations},
    )


@member_required(Perm.EDIT_PROFILE)
def profile_edit(request: HttpRequest) -> HttpResponse:
    company = request.membership.company  # type: ignore[attr-defined]
    form = CompanyProfileForm(request.POST or None, request.FILES or None, instance=company)
    if request.method == "POST" and form.is_valid():
        fields = form.service_fields()
        logo = form.cleaned_data.get("logo_upload")
        try:
            with transaction.atomic():  # the facts and the logo are saved together or not at all
                services.company_update(company=company, by=request.user, **fields)
                if logo is not None:
                    services.company_set_logo(company=company, clean=logo)
        except BusinessError as exc:
            add_form_error(form, exc.field, exc.message)
        else:
            messages.success(request, _("Profile saved."))
            return redirect("companies:profile")
    form.instance.refresh_from_db() if form.errors and company.pk else None
    return render(
        request,
        "companies/profile_edit.html",
        {
            "form": form,
            "section": "profile",
            "completeness": profile_completeness(company),
        },
    )


@member_required(Perm.EDIT_PROFILE)
def subdivision_options(request: HttpRequest) -> HttpResponse:
    """The <option>s of the province field for a country (htmx swaps them in)."""
    from hansa.companies.forms import subdivision_choices

    country = request.GET.get("country", "")[:2].upper()
    return render(request, "companies/_options.html", {"choices": subdivision_choices(country)})


@member_required(Perm.EDIT_PROFILE)
def names_edit(request: HttpRequest) -> HttpResponse:
    company = request.membership.company  # type: ignore[attr-defined]
    initial = [
        {"language": n.language, "name": n.name, "description": n.description}
        for n in company.names.all()
    ]
    formset = CompanyNameFormSet(request.POST or None, initial=initial, prefix="names")
    if request.method == "POST" and formset.is_valid():
        rows = [
            (
                f.cleaned_data.get("language"),
                f.cleaned_data.get("name", ""),
                f.cleaned_data.get("description", ""),
            )
            for f in formset.forms
            if f.cleaned_data.get("name")
        ]
        try:
            services.company_set_names(company=company, names=rows)
        except BusinessError as exc:
            formset._non_form_errors = formset.error_class([exc.message])
        else:
            messages.success(request, _("Names saved."))
            return redirect("companies:names")
    return render(request, "companies/names_edit.html", {"formset": formset, "section": "names"})


@member_required(Perm.EDIT_PROFILE)
def markets_edit(request: HttpRequest) -> HttpResponse:
    company = request.membership.company  # type: ignore[attr-defined]
    initial = [
        {"region": m.region, "share_percent": m.share_percent} for m in company.main_markets.all()
    ]
    formset = MainMarketFormSet(request.POST or None, initial=initial, prefix="markets")
    if request.method == "POST" and formset.is_valid():
        rows = [
            (f.cleaned_data["region"], f.cleaned_data["share_percent"])
            for f in formset.forms
            if f.cleaned_data.get("region")
        ]
        try:
            services.company_set_main_markets(company=company, markets=rows)
        except BusinessError as exc:
            formset._non_form_errors = formset.error_class([exc.message])
        else:
            messages.success(request, _("Main markets saved."))
            return redirect("companies:markets")
    return render(
        request, "companies/markets_edit.html", {"formset": formset, "section": "markets"}
    )


@member_required(Perm.EDIT_PROFILE)
def certifications(request: HttpRequest) -> HttpResponse:
    company = request.membership.company  # type: ignore[attr-defined]
    form = CertificationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "upload"}
        try:
            services.certification_add(
                company=company, upload=form.cleaned_data.get("upload"), **data
            )
        except BusinessError as exc:
            add_form_error(form, exc.field, exc.message)
        else:
            messages.success(request, _("Certificate added."))
            return redirect("companies:certifications")
    return render(
        request,
        "companies/certifications.html",
        {
            "form": form,
            "section": "certifications",
            "items": company.certifications.all(),
        },
    )


@require_POST
@member_required(Perm.EDIT_PROFILE)
def certification_delete(request: HttpRequest, pk: int) -> HttpResponse:
    services.certification_remove(company=request.membership.company, certification_id=pk)  # type: ignore[attr-defined]
    messages.success(request, _("Certificate removed."))
    return redirect("companies:certifications")


@member_required(Perm.EDIT_PROFILE)
def contacts(request: HttpRequest) -> HttpResponse:
    company = request.membership.company  # type: ignore[attr-defined]
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_add(company=company, **form.cleaned_data)
        except BusinessError as exc:
            add_form_error(form, exc.field, exc.message)
        else:
            messages.success(request, _("Contact person added."))
            return redirect("companies:contacts")
    return render(
        request,
        "companies/contacts.html",
        {
            "form": form,
            "section": "contacts",
            "items": company.contacts.all(),
        },
    )


@require_POST
@member_required(Perm.EDIT_PROFILE)
def contact_delete(request: HttpRequest, pk: int) -> HttpResponse:
    services.contact_remove(company=request.membership.company, contact_id=pk)  # type: ignore[attr-defined]
    messages.success(request, _("Contact person removed."))
    return redirect("companies:contacts")


# --- Members -------------------------------------------------------------------------------


@member_required(Perm.VIEW_MEMBERS)
def members(request: HttpRequest) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    company = membership.company
    form = InvitationForm(request.POST or None)
    if request.method == "POST":
        if Perm.MANAGE_MEMBERS.value not in _perms(request):
            raise Http404()
        if form.is_valid():
            try:
                services.invitation_create(company=company, by=request.user, **form.cleaned_data)
            except BusinessError as exc:
                add_form_error(form, exc.field, exc.message)
            else:
                messages.success(
                    request,
                    _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]},
                )
                return redirect("companies:members")
    return render(
        request,
        "companies/members.html",
        {
            "form": form,
            "members": selectors.members_of(company),
            "invitations": selectors.open_invitations(company),
            "role_form": RoleForm(),
        },
    )


def _perms(request: HttpRequest) -> set[str]:
    from hansa.companies.context_processors import membership as ctx

    return ctx(request)["member_perms"]  # type: ignore[return-value]


@require_POST
@member_required(Perm.MANAGE_MEMBERS)
def member_update(request: HttpRequest, pk: int) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    target = access_member(membership, pk)
    action = request.POST.get("action")
    email = {"email": target.user.email}
    message, failed = "", False
    try:
        if action == "role":
            form = RoleForm(request.POST)
            if not form.is_valid():
                raise BusinessError(_("Choose a valid role."), field="role")
            role = form.cleaned_data["role"]
            services.membership_change_role(member=target, by=request.user, role=role)
            message = _("Role of %(email)s changed.") % email
        elif action == "deactivate":
            services.membership_deactivate(member=target, by=request.user)
            message = _("%(email)s can no longer act for the company.") % email
        elif action == "reactivate":
            services.membership_reactivate(member=target, by=request.user)
            message = _("%(email)s is active again.") % email
        else:
            raise BusinessError(_("Unknown action."))
    except BusinessError as exc:
        message, failed = exc.message, True
    if request.htmx:  # type: ignore[attr-defined]
        # htmx swaps just this member's row, with the outcome written inside it.
        context = {
            "m": access_member(membership, pk),
            "role_form": RoleForm(),
            "row_message": message,
            "row_error": failed,
        }
        return render(request, "companies/_member_row.html", context)
    (messages.error if failed else messages.success)(request, message)
    return redirect("companies:members")


@require_POST
@member_required(Perm.MANAGE_MEMBERS)
def invitation_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = access_invitation(request.membership, pk)  # type: ignore[attr-defined]
    try:
        services.invitation_revoke(invitation=invitation, by=request.user)
        messages.success(request, _("Invitation withdrawn."))
    except BusinessError as exc:
        messages.error(request, exc.message)
    return redirect("companies:members")


def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = services.invitation_find(token)
    if invitation is None or not invitation.is_open:
        request.session.pop("pending_invitation", None)
        return render(request, "companies/invitation.html", {"invalid": True}, status=404)
    if not request.user.is_authenticated:
        request.session["pending_invitation"] = token
        return render(
            request, "companies/invitation.html", {"invitation": invitation, "token": token}
        )
    if request.method == "POST":
        try:
            services.invitation_accept(raw_token=token, user=request.user)
        except BusinessError as exc:
            messages.error(request, exc.message)
        else:
            request.session.pop("pending_invitation", None)
            messages.success(
                request, _("Welcome to %(company)s.") % {"company": invitation.company.name}
            )
            return redirect("workspace")
    return render(request, "companies/invitation.html", {"invitation": invitation, "token": token})


# --- Public -------------------------------------------------------------------------------


def public_page(request: HttpRequest, slug: str) -> HttpResponse:
    from django.conf import settings
    from django.utils import translation

    hl = request.GET.get("hl", "")
    if hl in {code for code, _label in settings.LANGUAGES}:
        # ?hl= (the sitemap's hreflang alternates) shows the page in that language.
        with translation.override(hl):
            return _public_page(request, slug)
    return _public_page(request, slug)


def _public_page(request: HttpRequest, slug: str) -> HttpResponse:
    company = selectors.company_for_public_page(slug)
    if company is None:
        raise Http404()
    name, description = selectors.localized_name(company)
    return render(
        request,
        "companies/public.html",
        {
            "c": company,
            "display_name": name,
            "display_description": description,
            "contacts": company.contacts.all(),
        },
    )


def directory(request: HttpRequest) -> HttpResponse:
    from django.core.paginator import Paginator

    country = request.GET.get("country", "")[:2].upper() or None
    query = request.GET.get("q", "").strip()[:100] or None
    page = Paginator(selectors.supplier_directory(country=country, query=query), 24).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "companies/directory.html",
        {"page": page, "country": country or "", "q": query or ""},
    )
