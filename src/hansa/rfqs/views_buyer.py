"""The buyer's pages: My RFQs, posting and editing, the RFQ page that compares the quotes, and
the decisions on each quote. Everything is fetched through the buyer access helpers."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hansa.companies.roles import Perm
from hansa.core.attachments import attachment_response
from hansa.core.errors import BusinessError, NotFound
from hansa.core.http import add_form_error, member_required
from hansa.rfqs import selectors, services
from hansa.rfqs.forms import MessageForm, RejectForm, RfqForm
from hansa.rfqs.models import MAX_QUOTES, RfqStatus


def _buyer_only(request: HttpRequest) -> None:
    if not request.membership.company.is_buyer:  # type: ignore[attr-defined]
        raise PermissionDenied(_("Only buying companies post RFQs."))


@member_required(Perm.VIEW_WORKSPACE)
def rfq_list(request: HttpRequest) -> HttpResponse:
    _buyer_only(request)
    status = request.GET.get("status", "")
    rows = selectors.buyer_rfqs(request.membership)  # type: ignore[attr-defined]
    if status in RfqStatus.values:
        rows = rows.filter(status=status)
    page = Paginator(rows, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "rfqs/buyer/list.html",
        {"page": page, "status": status, "statuses": RfqStatus.choices, "max_quotes": MAX_QUOTES},
    )


def _save_rfq(request: HttpRequest, rfq_id: int | None = None) -> HttpResponse:
    _buyer_only(request)
    membership = request.membership  # type: ignore[attr-defined]
    rfq = selectors.access_buyer_rfq(membership, rfq_id) if rfq_id else None
    if rfq is not None and not rfq.is_editable:
        messages.error(request, _("This RFQ has quotes or is closed; it can no longer be changed."))
        return redirect("rfqs:detail", rfq.pk)
    if request.method == "POST":
        form = RfqForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                if rfq is None:
                    rfq = services.rfq_create(
                        membership=membership,
                        data=form.to_input(),
                        uploads=form.cleaned_data["attachments"],
                    )
                    messages.success(
                        request, _("Your RFQ was posted. It opens for quotes after a quick review.")
                    )
                else:
                    rfq = services.rfq_update(
                        membership=membership,
                        rfq_id=rfq.pk,
                        data=form.to_input(),
                        uploads=form.cleaned_data["attachments"],
                    )
                    messages.success(
                        request, _("Your changes were saved; the RFQ is reviewed again.")
                    )
                return redirect("rfqs:detail", rfq.pk)
            except BusinessError as exc:
                add_form_error(form, exc.field, exc.message)
    else:
        form = RfqForm(initial=RfqForm.initial_for(rfq) if rfq else None)
    return render(request, "rfqs/buyer/form.html", {"form": form, "rfq": rfq})


@member_required(Perm.VIEW_WORKSPACE)
def rfq_new(request: HttpRequest) -> HttpResponse:
    return _save_rfq(request)


@member_required(Perm.VIEW_WORKSPACE)
def rfq_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _save_rfq(request, pk)


@member_required(Perm.VIEW_WORKSPACE)
def rfq_detail(request: HttpRequest, pk: int) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    rfq = selectors.access_buyer_rfq(membership, pk)
    quotes = selectors.rfq_quotes(rfq)
    new_ids = {q.pk for q in quotes if q.seen_by_buyer_at is None}
    if new_ids:
        services.quotes_mark_seen(membership=membership, rfq_id=rfq.pk)
    draft = None
    accepted = next((q for q in quotes if q.status == "accepted"), None)
    if accepted is not None:
        draft = getattr(accepted, "order_draft", None)
    return render(
        request,
        "rfqs/buyer/detail.html",
        {
            "rfq": rfq,
            "quotes": quotes,
            "table": selectors.compare_rows(rfq, quotes),
            "new_ids": new_ids,
            "draft": draft,
            "max_quotes": MAX_QUOTES,
            "reject_form": RejectForm(),
            "attachments": list(rfq.attachments.all()),
        },
    )


@require_POST
@member_required(Perm.VIEW_WORKSPACE)
def rfq_close(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        services.rfq_close(
            membership=request.membership,
            rfq_id=pk,
            reason=request.POST.get("reason", ""),  # type: ignore[attr-defined]
        )
        messages.success(request, _("The RFQ is closed; suppliers can no longer quote."))
    except NotFound:
        raise
    except BusinessError as exc:
        messages.error(request, exc.message)
    return redirect("rfqs:detail", pk)


@require_POST
@member_required(Perm.VIEW_WORKSPACE)
def quote_decide(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Shortlist, unshortlist, reject, rate or accept one quote of the caller's RFQ."""
    membership = request.membership  # type: ignore[attr-defined]
    quote = selectors.access_buyer_quote(membership, pk)
    back = redirect(f"{selectors_url(quote.rfq_id)}#quote-{quote.pk}")
    try:
        if action == "shortlist":
            services.quote_shortlist(membership=membership, quote_id=pk, shortlisted=True)
            messages.success(request, _("Added to your shortlist."))
        elif action == "unshortlist":
            services.quote_shortlist(membership=membership, quote_id=pk, shortlisted=False)
            messages.success(request, _("Removed from your shortlist."))
        elif action == "reject":
            services.quote_reject(
                membership=membership, quote_id=pk, reason=request.POST.get("reason", "")
            )
            messages.success(request, _("The quote was rejected; the supplier was told why."))
        elif action == "rate":
            services.quote_rate(
                membership=membership, quote_id=pk, rating=request.POST.get("rating", 0)
            )
            messages.success(request, _("Thank you for rating the quote."))
        elif action == "accept":
            seen = request.POST.get("revision", "")
            draft = services.quote_accept(
                membership=membership,
                quote_id=pk,
                revision=int(seen) if seen in ("0", "1") else None,
            )
            messages.success(
                request, _("Quote accepted. The RFQ is closed and an order draft is ready.")
            )
            return redirect("orders:detail", draft.pk)
        else:
            raise NotFound()
    except NotFound:
        raise
    except BusinessError as exc:
        messages.error(request, exc.message)
    return back


def selectors_url(rfq_id: int) -> str:
    from django.urls import reverse

    return reverse("rfqs:detail", args=[rfq_id])


@member_required(Perm.VIEW_WORKSPACE)
def quote_thread(request: HttpRequest, pk: int) -> HttpResponse:
    """A quote in full (with its first version when revised) and its question thread, for the
    buyer of the RFQ or the supplier who sent it."""
    membership = request.membership  # type: ignore[attr-defined]
    quote, is_buyer = selectors.access_quote_either_side(membership, pk)
    form = MessageForm()
    if request.method == "POST":
        form = MessageForm(request.POST)
        if form.is_valid():
            try:
                services.quote_message_post(
                    membership=membership, quote_id=quote.pk, body=form.cleaned_data["body"]
                )
                messages.success(request, _("Message sent."))
                return redirect("rfqs:quote_thread", quote.pk)
            except BusinessError as exc:
                add_form_error(form, exc.field, exc.message)
    return render(
        request,
        "rfqs/quote_thread.html",
        {
            "quote": quote,
            "rfq": quote.rfq,
            "is_buyer": is_buyer,
            "thread": list(quote.messages.select_related("author")),
            "form": form,
            "attachments": list(quote.attachments.all()),
        },
    )


@member_required(Perm.VIEW_WORKSPACE)
def rfq_attachment(request: HttpRequest, pk: int, attachment_id: int) -> HttpResponse:
    """An RFQ's file: for its buyer, and for suppliers who may see the RFQ's public part."""
    membership = request.membership  # type: ignore[attr-defined]
    try:
        rfq = selectors.access_buyer_rfq(membership, pk)
        is_buyer = True
    except NotFound:
        if not membership.company.is_supplier:
            raise
        rfq = selectors.access_market_rfq(membership, pk)
        is_buyer = False
    attachment = rfq.attachments.filter(pk=attachment_id).first()
    if attachment is None:
        raise NotFound()
    if is_buyer:
        return attachment_response(attachment)
    return attachment_response(
        attachment, filename=selectors.public_attachment_name(rfq, attachment)
    )


@member_required(Perm.VIEW_WORKSPACE)
def quote_attachment(request: HttpRequest, pk: int, attachment_id: int) -> HttpResponse:
    quote, _is_buyer = selectors.access_quote_either_side(request.membership, pk)  # type: ignore[attr-defined]
    attachment = quote.attachments.filter(pk=attachment_id).first()
    if attachment is None:
        raise NotFound()
    return attachment_response(attachment)
