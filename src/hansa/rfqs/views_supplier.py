"""The supplier's pages: the RFQ market (search, filters, "matched for you" first, saving the
search), an RFQ's public part with the quotation form, My quotations and revising one."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_countries import countries

from hansa.alerts.models import Frequency
from hansa.catalog.models import Category
from hansa.companies.roles import Perm
from hansa.core.errors import BusinessError
from hansa.core.http import add_form_error, member_required
from hansa.rfqs import selectors, services
from hansa.rfqs.forms import QuoteForm, plain
from hansa.rfqs.models import MAX_QUOTES, Quote, RfqMatch, SourcingType
from hansa.rfqs.selectors import POSTED_WITHIN, MarketParams


def _supplier_only(request: HttpRequest) -> None:
    if not request.membership.company.is_supplier:  # type: ignore[attr-defined]
        raise PermissionDenied(_("The RFQ market is for supplying companies."))


def _quota(request: HttpRequest) -> dict[str, int]:
    company = request.membership.company  # type: ignore[attr-defined]
    return {"quota": services.quote_quota(company), "quota_left": services.quotes_left(company)}


@member_required(Perm.MANAGE_LISTINGS)
def market(request: HttpRequest) -> HttpResponse:
    _supplier_only(request)
    membership = request.membership  # type: ignore[attr-defined]
    error = None
    try:
        params = MarketParams.parse(request.GET)
    except BusinessError as exc:
        params, error = MarketParams(), exc.message
    rows = selectors.market_rfqs(params, membership)
    page = Paginator(rows, selectors.MARKET_PAGE).get_page(params.page)
    top = Category.objects.filter(depth=0, is_active=True).order_by("name_en")
    return render(
        request,
        "rfqs/supplier/market.html",
        {
            "page": page,
            "params": params,
            "error": error,
            "querystring": params.querystring(),
            "top_categories": top,
            "countries": list(countries),
            "posted_choices": list(POSTED_WITHIN),
            "sourcing_choices": SourcingType.choices,
            "frequencies": Frequency.choices,
            "max_quotes": MAX_QUOTES,
            "described": selectors.describe_market_search(params),
            **_quota(request),
        },
    )


@require_POST
@member_required(Perm.MANAGE_LISTINGS)
def market_save(request: HttpRequest) -> HttpResponse:
    _supplier_only(request)
    try:
        params = MarketParams.parse(request.POST)
        saved = services.rfq_search_save(
            membership=request.membership,  # type: ignore[attr-defined]
            params=params,
            name=request.POST.get("name", ""),
            frequency=request.POST.get("frequency") or Frequency.DAILY,
        )
        messages.success(
            request,
            _("Search saved as “%(name)s”. New matching RFQs will be announced.")
            % {"name": saved.name},
        )
        return redirect(selectors.market_search_url(params))
    except BusinessError as exc:
        messages.error(request, _("The search was not saved: %(why)s") % {"why": exc.message})
        return redirect("rfqs:market")


@member_required(Perm.MANAGE_LISTINGS)
def market_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _supplier_only(request)
    membership = request.membership  # type: ignore[attr-defined]
    rfq = selectors.access_market_rfq(membership, pk)
    own_rfq = rfq.buyer_company_id == membership.company_id
    # A sales rep sees only the quotes they sent; a colleague's quote only blocks the form.
    mine = selectors.supplier_quotes(membership).filter(rfq=rfq).first()
    company_quoted = (
        mine is not None
        or Quote.objects.filter(rfq=rfq, supplier_id=membership.company_id).exists()
    )
    form = None
    if not company_quoted and not own_rfq and rfq.is_open and rfq.quotes_left:
        form = QuoteForm(
            request.POST or None,
            request.FILES or None,
            initial={
                "currency": rfq.currency,
                "incoterm": rfq.incoterm,
                "quantity": plain(rfq.quantity),
                "payment_methods": [rfq.payment_method],
            },
        )
        if request.method == "POST" and form.is_valid():
            try:
                quote = services.quote_create(
                    membership=membership,
                    rfq_id=rfq.pk,
                    data=form.to_input(),
                    uploads=form.cleaned_data["attachments"],
                )
                messages.success(request, _("Your quotation was sent to the buyer."))
                return redirect("rfqs:quote", quote.pk)
            except BusinessError as exc:
                add_form_error(form, exc.field, exc.message)
    match = RfqMatch.objects.filter(rfq=rfq, supplier_id=membership.company_id).first()
    return render(
        request,
        "rfqs/supplier/detail.html",
        {
            "rfq": rfq,
            "public": selectors.public_rfq(rfq),
            "form": form,
            "mine": mine,
            "company_quoted": company_quoted,
            "own_rfq": own_rfq,
            "match": match,
            "max_quotes": MAX_QUOTES,
            **_quota(request),
        },
    )


@member_required(Perm.MANAGE_LISTINGS)
def quote_list(request: HttpRequest) -> HttpResponse:
    _supplier_only(request)
    rows = selectors.supplier_quotes(request.membership)  # type: ignore[attr-defined]
    page = Paginator(rows, 25).get_page(request.GET.get("page"))
    return render(request, "rfqs/supplier/quotes.html", {"page": page, **_quota(request)})


@member_required(Perm.MANAGE_LISTINGS)
def quote_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The supplier's own quote: its terms, the buyer's decision and the thread."""
    selectors.access_supplier_quote(request.membership, pk)  # type: ignore[attr-defined]
    return redirect("rfqs:quote_thread", pk)


@member_required(Perm.MANAGE_LISTINGS)
def quote_revise(request: HttpRequest, pk: int) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    quote = selectors.access_supplier_quote(membership, pk)
    if not quote.can_revise:
        messages.error(
            request,
            _(
                "This quote can no longer be revised "
                "(once only, while the RFQ is open and undecided)."
            ),
        )
        return redirect("rfqs:quote_thread", quote.pk)
    if request.method == "POST":
        form = QuoteForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.quote_revise(
                    membership=membership,
                    quote_id=quote.pk,
                    data=form.to_input(),
                    uploads=form.cleaned_data["attachments"],
                )
                messages.success(
                    request,
                    _("Your revised quotation was sent; the buyer also sees the first version."),
                )
                return redirect("rfqs:quote_thread", quote.pk)
            except BusinessError as exc:
                add_form_error(form, exc.field, exc.message)
    else:
        form = QuoteForm(initial=QuoteForm.initial_for(quote))
    return render(
        request,
        "rfqs/supplier/revise.html",
        {"quote": quote, "rfq": quote.rfq, "public": selectors.public_rfq(quote.rfq), "form": form},
    )
