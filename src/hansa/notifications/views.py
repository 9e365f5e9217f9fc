"""Notification pages: the list, opening one (marks it read), mark read, e-mail preferences."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from hansa.core.errors import BusinessError
from hansa.notifications import selectors, services
from hansa.notifications.kinds import KINDS
from hansa.notifications.models import EmailFrequency

PER_PAGE = 30


def _safe(request: HttpRequest, target: str) -> bool:
    return bool(target) and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


@require_GET
@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.user_notifications(request.user), PER_PAGE).get_page(
        request.GET.get("page")
    )
    response = render(
        request,
        "notifications/list.html",
        {"page": page, "unread": selectors.unread_count(request.user)},
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@login_required
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    notification = services.notification_open(user=request.user, notification_id=pk)
    if notification is None:
        raise Http404()
    if _safe(request, notification.url):
        return redirect(notification.url)
    return redirect("notifications:list")


@require_POST
@login_required
def notification_read(request: HttpRequest) -> HttpResponse:
    try:
        services.mark_read(
            user=request.user,
            ids=[i for i in request.POST.getlist("id") if i.isdigit()],
            all=request.POST.get("all") == "1",
        )
    except BusinessError as exc:
        messages.error(request, exc.message)
    target = request.POST.get("next") or ""
    return redirect(target if _safe(request, target) else "notifications:list")


class PreferencesForm(forms.Form):
    """Per kind: how often to e-mail, and whether to show it in the app."""

    def __init__(self, *args: object, initial_prefs: dict, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for code, kind in KINDS.items():
            pref = initial_prefs[code]
            self.fields[f"email_{code}"] = forms.ChoiceField(
                label=kind.label,
                help_text=kind.help,
                choices=EmailFrequency.choices,
                initial=pref.email,
            )
            self.fields[f"in_app_{code}"] = forms.BooleanField(
                label=gettext_lazy("Show in the app"), required=False, initial=pref.in_app
            )

    def rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"email_{code}"], self[f"in_app_{code}"]) for code in KINDS]


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    current = selectors.preferences_for(request.user)
    form = PreferencesForm(request.POST or None, initial_prefs=current)
    if request.method == "POST" and form.is_valid():
        for code in KINDS:
            services.preference_set(
                user=request.user,
                kind=code,
                email=form.cleaned_data[f"email_{code}"],
                in_app=form.cleaned_data[f"in_app_{code}"],
            )
        messages.success(request, _("Notification settings saved."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})
