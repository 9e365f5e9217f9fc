"""Inquiry pages: send (product, company page, basket), the two inboxes, the conversation,
the block list and the operator's spam-review queue. Thin: rules are in ``services`` and
``selectors``."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from hansa.companies.access import access_public_company
from hansa.core.attachments import attachment_response
from hansa.core.errors import BusinessError, NotFound
from hansa.core.http import add_form_error, member_required, operator_required
from hansa.inquiries import selectors, services
from hansa.inquiries.forms import BlockForm, InquiryForm, ReasonForm, ReplyForm
from hansa.inquiries.models import InquiryAttachment, InquiryStatus, Side

PAGE_SIZE = 25
SPAM_PERM = "inquiries.review_spam"


def _membership(request: HttpRequest) -> Any:
    return getattr(request, "membership", None)


# --- sending ----------------------------------------------------------------------------------


def _targets(request: HttpRequest) -> tuple[list, str]:
    """The suppliers (with products) this send goes to, from ?product=… or ?company=…."""
    data = request.POST if request.method == "POST" else request.GET
    products = data.getlist("product")
    if products:
        return services.targets_for_products(_membership(request), products), "products"
    slug = data.get("company") or ""
    if slug:
        company = access_public_company(slug)
        if not company.is_supplier:
            raise NotFound()
        return [(company, [])], "company"
    raise BusinessError(
        _("Tick at least one product in the comparison table, then send."), field="product"
    )


@member_required()
def new(request: HttpRequest) -> HttpResponse:
    membership = _membership(request)
    if not selectors.can_send(membership):
        return render(request, "inquiries/not_buyer.html", status=403)
    try:
        targets, origin = _targets(request)
    except NotFound:
        raise Http404() from None
    except BusinessError as exc:
        messages.error(request, exc.message)
        return redirect("compare:page")
    own = [s for s, _p in targets if s.pk == membership.company_id]
    if own:
        messages.error(request, _("You cannot send an inquiry to your own company."))
        return redirect(own[0].get_absolute_url())
    first_title = next((services._product_title(ps[0]) for _s, ps in targets if ps), "")
    initial = {
        "subject": _("Inquiry about %(product)s") % {"product": first_title}
        if first_title
        else _("Inquiry from %(buyer)s") % {"buyer": membership.company.name},
        "destination_country": str(membership.company.country or ""),
        "allow_redistribution": True,
        "unit": next((ps[0].unit for _s, ps in targets if ps), "H87"),
    }
    form = InquiryForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            draft = services.clean_draft(
                subject=d["subject"],
                body=d["body"],
                quantity=d["quantity"],
                unit=d["unit"],
                target_price=d["target_price"],
                target_currency=d["currency"],
                destination_country=d["destination_country"],
                incoterm=d["incoterm"],
                allow_redistribution=d["allow_redistribution"],
            )
            sent = services.inquiry_send(
                membership=membership,
                targets=targets,
                draft=draft,
                uploads=request.FILES.getlist("attachments"),
            )
        except NotFound:
            raise Http404() from None
        except BusinessError as exc:
            add_form_error(
                form, "target_price" if exc.field == "currency" else exc.field, exc.message
            )
        else:
            messages.success(
                request,
                ngettext(
                    "Your inquiry was sent to %(n)s supplier.",
                    "Your inquiry was sent to %(n)s suppliers, each as a separate conversation.",
                    len(sent),
                )
                % {"n": len(sent)},
            )
            if len(sent) == 1:
                return redirect(sent[0].get_absolute_url())
            return redirect(reverse("inquiries:sent") + f"?batch={sent[0].batch}")
    return render(
        request,
        "inquiries/new.html",
        {"form": form, "targets": targets, "origin": origin},
    )


# --- inboxes ----------------------------------------------------------------------------------


def _inbox_page(request: HttpRequest, side: str) -> HttpResponse:
    membership = _membership(request)
    query = selectors.InboxQuery.parse(request.GET)
    if side == Side.SUPPLIER:
        if not selectors.can_receive(membership):
            raise Http404()
        services.inquiries_redistribute_due(supplier_company_id=membership.company_id)
        qs = selectors.supplier_inbox(membership)
    else:
        if not selectors.can_send(membership):
            raise Http404()
        services.inquiries_redistribute_due(buyer_company_id=membership.company_id)
        qs = selectors.buyer_inbox(membership)
    qs = selectors.filter_inbox(qs, query, side=side, membership=membership)
    batch = request.GET.get("batch", "")
    if batch and side == Side.BUYER:
        qs = qs.filter(batch=batch[:32])
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    manager = selectors.is_manager(membership)
    context = {
        "page": page,
        "query": query,
        "side": side,
        "batch": batch,
        "statuses": InquiryStatus.choices,
        "sorts": [
            ("activity", _("Last activity")),
            ("newest", _("Newest first")),
            ("oldest", _("Oldest first")),
        ],
        "reps": selectors.reps_of(membership.company_id)
        if side == Side.SUPPLIER and manager
        else [],
        "is_manager": manager,
        "response": selectors.response_summary(membership.company_id)
        if side == Side.SUPPLIER
        else None,
        "filtered": bool(query.q or query.flags or query.status or query.rep),
    }
    template = "inquiries/inbox.html" if side == Side.SUPPLIER else "inquiries/sent.html"
    return render(request, template, context)


@require_GET
@member_required()
def inbox(request: HttpRequest) -> HttpResponse:
    return _inbox_page(request, Side.SUPPLIER)


@require_GET
@member_required()
def sent(request: HttpRequest) -> HttpResponse:
    return _inbox_page(request, Side.BUYER)


# --- the conversation -------------------------------------------------------------------------


def _access(request: HttpRequest, pk: int) -> tuple[Any, str]:
    try:
        return selectors.access_inquiry(_membership(request), pk)
    except NotFound:
        raise Http404() from None


def _conversation(
    request: HttpRequest, pk: int, reply_form: ReplyForm | None = None, status: int = 200
) -> HttpResponse:
    membership = _membership(request)
    if selectors.can_send(membership):
        services.inquiries_redistribute_due(buyer_company_id=membership.company_id)
    inquiry, side = _access(request, pk)
    services.inquiry_mark_read(membership=membership, inquiry_id=inquiry.pk)
    closed = inquiry.status in (InquiryStatus.SPAM, InquiryStatus.REJECTED, InquiryStatus.CLOSED)
    context = {
        "inquiry": inquiry,
        "side": side,
        "thread": selectors.messages_of(inquiry),
        "reply_form": reply_form or ReplyForm(),
        "reject_form": ReasonForm(),
        "closed": closed,
        "starred": inquiry.stars.filter(member=membership).exists(),
        "is_manager": selectors.is_manager(membership),
        "reps": selectors.reps_of(membership.company_id) if side == Side.SUPPLIER else [],
        "offered_to": list(
            inquiry.redistributed_to.select_related("supplier_company").order_by("pk")
        )
        if side == Side.BUYER
        else [],
        "response": selectors.response_summary(inquiry.supplier_company_id)
        if side == Side.BUYER
        else None,
        "pending_report": side == Side.SUPPLIER
        and inquiry.spam_reports.filter(status="pending", source="supplier").exists(),
    }
    response = render(request, "inquiries/detail.html", context, status=status)
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@member_required()
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _conversation(request, pk)


@require_POST
@member_required()
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    inquiry, _side = _access(request, pk)
    form = ReplyForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.inquiry_reply(
                membership=_membership(request),
                inquiry_id=inquiry.pk,
                body=form.cleaned_data["body"],
                uploads=request.FILES.getlist("attachments"),
                client_id=form.cleaned_data["client_id"],
            )
        except BusinessError as exc:
            add_form_error(form, exc.field, exc.message)
        else:
            messages.success(request, _("Your message was sent."))
            return redirect(inquiry.get_absolute_url() + "#latest")
    return _conversation(request, pk, reply_form=form, status=400)


ACTIONS = ("reassign", "reject", "spam", "star", "unstar", "close", "block")


@require_POST
@member_required()
def action(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    membership = _membership(request)
    inquiry, _side = _access(request, pk)
    if name not in ACTIONS:
        raise Http404()
    try:
        if name == "reassign":
            target = services.inquiry_reassign(
                membership=membership, inquiry_id=pk, assignee_id=request.POST.get("assignee")
            )
            done = _("%(name)s is now in charge.") % {"name": target.assignee.user.display_name}
        elif name == "reject":
            services.inquiry_reject(
                membership=membership, inquiry_id=pk, reason=request.POST.get("reason", "")
            )
            done = _("The inquiry was declined; the buyer sees your reason.")
        elif name == "spam":
            services.inquiry_report_spam(
                membership=membership, inquiry_id=pk, reason=request.POST.get("reason", "")
            )
            done = _("Thank you: the operator will review this inquiry.")
        elif name in ("star", "unstar"):
            services.inquiry_star(membership=membership, inquiry_id=pk, starred=name == "star")
            done = _("Starred.") if name == "star" else _("Star removed.")
        elif name == "close":
            services.inquiry_close(membership=membership, inquiry_id=pk)
            done = _("The conversation is closed.")
        else:
            services.block_buyer_of(membership=membership, inquiry_id=pk)
            done = _("This person can no longer send you inquiries.")
    except NotFound:
        raise Http404() from None
    except BusinessError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    nxt = request.POST.get("next", "")
    if nxt.startswith("/") and not nxt.startswith("//"):
        return redirect(nxt)
    return redirect(inquiry.get_absolute_url())


@require_GET
@member_required()
def attachment(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    inquiry, _side = _access(request, pk)
    try:
        item = InquiryAttachment.objects.get(pk=attachment_pk, message__inquiry=inquiry)
    except InquiryAttachment.DoesNotExist:
        raise Http404() from None
    return attachment_response(item)


# --- block list -------------------------------------------------------------------------------


@member_required()
def blocklist(request: HttpRequest) -> HttpResponse:
    membership = _membership(request)
    if not (selectors.can_receive(membership) and selectors.is_manager(membership)):
        raise Http404()
    form = BlockForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.block_create(
                membership=membership,
                kind=form.cleaned_data["kind"],
                value=form.cleaned_data["value"],
                note=form.cleaned_data["note"],
            )
        except BusinessError as exc:
            add_form_error(form, exc.field, exc.message)
        else:
            messages.success(request, _("Added to your block list."))
            return redirect("inquiries:blocklist")
    return render(
        request,
        "inquiries/blocklist.html",
        {"form": form, "entries": selectors.block_list(membership.company_id)},
        status=400 if form.errors else 200,
    )


@require_POST
@member_required()
def block_remove(request: HttpRequest, pk: int) -> HttpResponse:
    membership = _membership(request)
    try:
        services.block_delete(membership=membership, entry_id=pk)
    except NotFound:
        raise Http404() from None
    except BusinessError as exc:
        messages.error(request, exc.message)
        raise Http404() from None
    messages.success(request, _("Removed from your block list."))
    return redirect("inquiries:blocklist")


# --- operator ---------------------------------------------------------------------------------


@require_GET
@operator_required(SPAM_PERM)
def spam_queue(request: HttpRequest) -> HttpResponse:
    reports = list(selectors.spam_queue())
    for report in reports:
        report.first_message = report.inquiry.messages.order_by("created_at", "pk").first()  # type: ignore[attr-defined]
    return render(request, "inquiries/spam_queue.html", {"reports": reports})


@require_POST
@operator_required(SPAM_PERM)
def spam_decide(request: HttpRequest, pk: int) -> HttpResponse:
    decision = request.POST.get("decision")
    if decision not in ("confirm", "dismiss"):
        raise Http404()
    try:
        services.spam_review(
            operator=request.user,  # type: ignore[arg-type]
            report_id=pk,
            confirm=decision == "confirm",
            block=request.POST.get("block") == "1",
            note=request.POST.get("note", ""),
            now=timezone.now(),
        )
    except BusinessError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("Confirmed as spam.") if decision == "confirm" else _("Report dismissed."),
        )
    return redirect("inquiries:spam_queue")
