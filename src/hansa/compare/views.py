"""The comparison page and the add / remove / clear actions (plain POST or htmx).

Thin: the rules are in ``services`` (what may go in, the limit) and ``selectors`` (what is still
visible, the aligned table). Works for anonymous visitors too (their basket is in the session).
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from hansa.compare import selectors, services
from hansa.compare.basket import Basket
from hansa.compare.models import BASKET_LIMIT
from hansa.core.errors import BusinessError


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("compare:page")


def _product_id(request: HttpRequest) -> str:
    return request.POST.get("product") or request.POST.get("product_id") or ""


@require_GET
def compare_page(request: HttpRequest) -> HttpResponse:
    basket = Basket.of(request)
    contents = selectors.basket_products(basket)
    if contents.removed:
        services.basket_prune(basket=basket)
    table = selectors.comparison_table(contents.products, get_language() or "en")
    diff = request.GET.get("diff") == "1"
    shown = selectors.only_differences(table) if diff else table
    response = render(
        request,
        "compare/page.html",
        {
            "table": shown,
            "diff": diff,
            "hidden_rows": len(table["rows"]) - len(shown["rows"]),
            "removed": contents.removed,
            "limit": BASKET_LIMIT,
        },
    )
    # Personal, and may show products of a password-protected group.
    response["Cache-Control"] = "private, no-store"
    return response


def _change(
    request: HttpRequest,
    action: Callable[..., bool],
    done: Callable[[int], str],
    unchanged: str,
) -> HttpResponse:
    basket = Basket.of(request)
    raw = _product_id(request)
    error, changed = "", False
    try:
        changed = action(basket=basket, product_id=raw)
    except BusinessError as exc:
        error = exc.message
    if request.headers.get("HX-Request"):
        # The fragment shows the new state; the header counter follows out of band.
        product = int(raw) if raw.isdigit() else None
        return render(
            request,
            "compare/_button.html",
            {"product": product, "compare_error": error, "oob": True},
        )
    if error:
        messages.error(request, error)
    elif changed:
        messages.success(request, done(len(selectors.basket_ids(basket))))
    else:
        messages.info(request, unchanged)
    return redirect(_next(request))


@require_POST
def add(request: HttpRequest) -> HttpResponse:
    return _change(
        request,
        services.basket_add,
        lambda n: (
            _("Added to your comparison basket (%(n)s/%(limit)s).")
            % {"n": n, "limit": BASKET_LIMIT}
        ),
        _("This product is already in your comparison basket."),
    )


@require_POST
def remove(request: HttpRequest) -> HttpResponse:
    return _change(
        request,
        services.basket_remove,
        lambda n: _("Removed from your comparison basket."),
        _("This product was not in your comparison basket."),
    )


@require_POST
def clear(request: HttpRequest) -> HttpResponse:
    count = services.basket_clear(basket=Basket.of(request))
    messages.success(
        request,
        ngettext(
            "Removed %(n)s product from your comparison basket.",
            "Removed %(n)s products from your comparison basket.",
            count,
        )
        % {"n": count},
    )
    return redirect(reverse("compare:page"))
