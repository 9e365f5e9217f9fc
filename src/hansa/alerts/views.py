"""Saved-search pages: the list, saving the search on screen, changing and deleting one.

Saving posts the search page's own query fields (``alerts/_save_form.html``) plus a name and a
frequency. Everything is the signed-in user's own; another user's id answers 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from hansa.alerts import selectors, services
from hansa.alerts.models import MAX_SAVED_SEARCHES, Frequency
from hansa.core.errors import BusinessError, NotFound
from hansa.search.params import SearchParams


def _next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


@require_GET
@login_required
def saved_search_list(request: HttpRequest) -> HttpResponse:
    response = render(
        request,
        "alerts/list.html",
        {
            "rows": selectors.saved_search_rows(request.user),
            "frequencies": Frequency.choices,
            "limit": MAX_SAVED_SEARCHES,
        },
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def saved_search_new(request: HttpRequest) -> HttpResponse:
    language = (get_language() or "en").lower()
    try:
        params = SearchParams.parse(request.POST, language=language)
    except BusinessError as exc:
        params, error = None, exc
    else:
        error = None
    search_page = selectors.search_url(params) if params else selectors.search_url(SearchParams())
    if not request.user.is_authenticated:
        # The form cannot be re-posted after signing in: come back to the search instead.
        return redirect_to_login(search_page)
    back = _next(request, search_page)
    if error is None:
        try:
            saved = services.saved_search_create(
                user=request.user,
                name=request.POST.get("name"),
                params=params,
                frequency=request.POST.get("frequency") or Frequency.DAILY,
            )
        except BusinessError as exc:
            error = exc
    if error is not None:
        messages.error(request, _("The search was not saved: %(why)s") % {"why": error.message})
        return redirect(back)
    if saved.frequency == Frequency.OFF:
        messages.success(request, _("Search saved as “%(name)s”.") % {"name": saved.name})
    else:
        messages.success(
            request,
            _("Search saved as “%(name)s”. We will tell you about new matching products.")
            % {"name": saved.name},
        )
    return redirect(back)


@require_POST
@login_required
def saved_search_update(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        services.saved_search_update(
            user=request.user,
            saved_id=pk,
            name=request.POST.get("name"),
            frequency=request.POST.get("frequency"),
        )
    except NotFound:
        raise Http404() from None
    except BusinessError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Saved search updated."))
    return redirect("alerts:list")


@require_POST
@login_required
def saved_search_delete(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        services.saved_search_delete(user=request.user, saved_id=pk)
    except NotFound:
        raise Http404() from None
    messages.success(request, _("Saved search deleted."))
    return redirect("alerts:list")
