"""The operator's RFQ review: the queue with automatic flags; approve, or reject with a reason."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hansa.core.errors import BusinessError, NotFound
from hansa.rfqs import selectors, services
from hansa.rfqs.models import Rfq


def reviewer_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not selectors.is_rfq_reviewer(request.user):
            raise PermissionDenied("Operator staff only.")
        try:
            return view(request, *args, **kwargs)
        except NotFound:
            raise Http404() from None

    return wrapper


@reviewer_required
def review_queue(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.review_queue(), 50).get_page(request.GET.get("page"))
    return render(request, "rfqs/ops/queue.html", {"page": page})


@reviewer_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    rfq = (
        Rfq.objects.select_related("buyer_company", "category", "destination_port", "created_by")
        .filter(pk=pk)
        .first()
    )
    if rfq is None:
        raise NotFound()
    recent = (
        Rfq.objects.filter(buyer_company=rfq.buyer_company)
        .exclude(pk=rfq.pk)
        .order_by("-created_at")[:10]
    )
    return render(
        request,
        "rfqs/ops/review.html",
        {"rfq": rfq, "recent": recent, "attachments": list(rfq.attachments.all())},
    )


@require_POST
@reviewer_required
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    action = request.POST.get("action")
    try:
        if action == "approve":
            rfq = services.rfq_approve(operator=request.user, rfq_id=pk)
            messages.success(
                request,
                _("Approved: “%(name)s” is open and was pushed to %(n)s suppliers.")
                % {"name": rfq.product_name, "n": rfq.matches.count()},
            )
        elif action == "reject":
            rfq = services.rfq_reject(
                operator=request.user, rfq_id=pk, reason=request.POST.get("reason", "")
            )
            messages.success(
                request,
                _("Rejected: “%(name)s”; the buyer sees your reason.") % {"name": rfq.product_name},
            )
        else:
            raise NotFound()
    except NotFound:
        raise
    except BusinessError as exc:
        messages.error(request, exc.message)
        return redirect("rfqs:review", pk)
    return redirect("rfqs:review_queue")
