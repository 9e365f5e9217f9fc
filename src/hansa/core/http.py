"""View helpers: who may enter a page, and uniform answers for errors."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from hansa.companies.access import require_perm
from hansa.companies.roles import Perm
from hansa.core.errors import Forbidden, NotFound

View = Callable[..., HttpResponse]


def member_required(perm: Perm = Perm.VIEW_WORKSPACE) -> Callable[[View], View]:
    """The caller must be signed in, act for a company and hold ``perm`` there."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            try:
                require_perm(request.membership, perm)  # type: ignore[attr-defined]
                return view(request, *args, **kwargs)
            except NotFound:
                raise Http404() from None
            except Forbidden as exc:
                raise PermissionDenied(exc.message) from None

        return wrapper

    return decorator


def operator_required(permission: str) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not (request.user.is_staff and request.user.has_perm(permission)):
                raise PermissionDenied("Operator staff only.")
            try:
                return view(request, *args, **kwargs)
            except NotFound:
                raise Http404() from None

        return wrapper

    return decorator


def add_form_error(form: Any, field: str | None, message: str) -> None:
    """Puts a service's BusinessError on the form field it names, else on the whole form."""
    form.add_error(field if field in getattr(form, "fields", {}) else None, message)
