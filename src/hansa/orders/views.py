"""Order drafts, for the buyer and the supplier of each (a sales rep: their quotes' drafts)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hansa.companies.roles import Perm
from hansa.core.http import member_required
from hansa.orders import selectors


@member_required(Perm.VIEW_WORKSPACE)
def draft_list(request: HttpRequest) -> HttpResponse:
    rows = selectors.company_drafts(request.membership)  # type: ignore[attr-defined]
    page = Paginator(rows, 25).get_page(request.GET.get("page"))
    return render(request, "orders/list.html", {"page": page})


@member_required(Perm.VIEW_WORKSPACE)
def draft_detail(request: HttpRequest, pk: int) -> HttpResponse:
    draft = selectors.access_draft(request.membership, pk)  # type: ignore[attr-defined]
    is_buyer = draft.buyer_company_id == request.membership.company_id  # type: ignore[attr-defined]
    return render(request, "orders/detail.html", {"draft": draft, "is_buyer": is_buyer})
