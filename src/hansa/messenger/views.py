"""Messenger pages: the chat list with the open conversation, start, send, read, poll, files.

The page works three ways with the same endpoints: live over the WebSocket (messenger.js), by
polling ``poll`` every few seconds when the socket is unavailable (plain WSGI), and without
JavaScript at all (forms post and redirect back).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages as flash
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from hansa.companies.access import access_public_company
from hansa.core.attachments import attachment_response
from hansa.core.errors import BusinessError, NotFound
from hansa.core.http import member_required
from hansa.messenger import selectors, services
from hansa.messenger.broadcast import message_payload
from hansa.messenger.models import BODY_MAX, ChatAttachment, Conversation

POLL_SECONDS = 4


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _int(value: object) -> int | None:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


def _page(request: HttpRequest, conversation: Conversation | None) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    q = request.GET.get("q", "").strip()[:100]
    rep_id = _int(request.GET.get("rep")) if selectors.is_reader(membership) else None
    unread_only = request.GET.get("unread") == "1"
    rows = list(
        selectors.conversation_list(membership, q=q, rep_id=rep_id, unread=unread_only)[:100]
    )
    online = selectors.online_user_ids(list({c.buyer_id for c in rows} | {c.rep_id for c in rows}))
    for row in rows:
        other = (
            row.counterpart_id(membership.user_id)
            if row.is_participant(membership.user_id)
            else row.rep_id
        )
        row.other_online = other in online  # type: ignore[attr-defined]
    context: dict[str, Any] = {
        "conversations": rows,
        "q": q,
        "rep_filter": rep_id,
        "unread_only": unread_only,
        "sub_accounts": selectors.sub_accounts(membership),
        "hits": selectors.search_messages(membership, q, limit=20) if q else [],
        "conversation": conversation,
        "body_max": BODY_MAX,
        "poll_seconds": POLL_SECONDS,
    }
    if conversation is not None:
        history = selectors.messages_of(conversation, limit=selectors.MESSAGES_PAGE)
        can_write = conversation.is_participant(membership.user_id)
        counterpart = (
            conversation.counterpart_id(membership.user_id) if can_write else conversation.rep_id
        )
        context.update(
            history=history,
            can_write=can_write,
            # Whose messages sit on the right: mine, or for a reader their own company's side.
            right_id=(
                membership.user_id
                if can_write
                else (
                    conversation.rep_id
                    if membership.company_id == conversation.supplier_id
                    else conversation.buyer_id
                )
            ),
            counterpart_online=counterpart in selectors.online_user_ids([counterpart]),
            last_id=history[-1].pk if history else 0,
            other_read_id=(
                conversation.rep_read_id
                if membership.user_id == conversation.buyer_id
                else conversation.buyer_read_id
            ),
        )
        if can_write and history:
            services.conversation_mark_read(membership=membership, conversation=conversation)
            for row in rows:
                if row.pk == conversation.pk:
                    row.unread = 0  # type: ignore[attr-defined]
    services.presence_touch(user=request.user)  # type: ignore[arg-type]
    response = render(request, "messenger/page.html", context)
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@member_required()
def messenger_home(request: HttpRequest) -> HttpResponse:
    return _page(request, None)


@require_GET
@member_required()
def conversation_view(request: HttpRequest, pk: int) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    return _page(request, selectors.access_conversation(membership, pk))


@require_POST
@member_required()
def conversation_start(request: HttpRequest) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    try:
        supplier = access_public_company(request.POST.get("supplier", ""))
        conversation, _created = services.conversation_start(
            membership=membership,
            supplier=supplier,
            product_id=_int(request.POST.get("product")),
            rep_id=_int(request.POST.get("rep")),
        )
    except NotFound:
        raise Http404() from None
    except BusinessError as exc:
        flash.error(request, exc.message)
        back = request.POST.get("back", "")
        safe = url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()})
        return redirect(back if back and safe else "messenger:home")
    return redirect("messenger:conversation", conversation.pk)


@require_POST
@member_required()
def message_send(request: HttpRequest, pk: int) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    conversation = selectors.access_conversation(membership, pk)
    try:
        message, created = services.message_send(
            membership=membership,
            conversation=conversation,
            body=request.POST.get("body", ""),
            client_id=request.POST.get("client_id", ""),
            files=request.FILES.getlist("files"),
        )
    except BusinessError as exc:
        if _wants_json(request):
            error = {"message": exc.message, "field": exc.field}
            return JsonResponse(error, status=exc.status_code)
        flash.error(request, exc.message)
        return redirect("messenger:conversation", conversation.pk)
    if _wants_json(request):
        return JsonResponse(message_payload(message), status=201 if created else 200)
    return redirect(reverse("messenger:conversation", args=[conversation.pk]) + "#composer")


@require_POST
@member_required()
def conversation_read(request: HttpRequest, pk: int) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    conversation = selectors.access_conversation(membership, pk)
    marker = services.conversation_mark_read(
        membership=membership, conversation=conversation, up_to=_int(request.POST.get("up_to"))
    )
    return JsonResponse({"read_id": marker})


@require_GET
@member_required()
def conversation_poll(request: HttpRequest, pk: int) -> HttpResponse:
    """New messages after ``?after=`` plus the other side's presence and read marker."""
    membership = request.membership  # type: ignore[attr-defined]
    conversation = selectors.access_conversation(membership, pk)
    services.presence_touch(user=request.user)  # type: ignore[arg-type]
    after = max(_int(request.GET.get("after")) or 0, 0)
    rows = selectors.messages_of(conversation, after=after, limit=200) if after else []
    if not after:
        rows = selectors.messages_of(conversation, limit=selectors.MESSAGES_PAGE)
    participant = conversation.is_participant(membership.user_id)
    counterpart = conversation.counterpart_id(membership.user_id) if participant else None
    other_read = (
        conversation.rep_read_id
        if membership.user_id == conversation.buyer_id
        else conversation.buyer_read_id
    )
    response = JsonResponse(
        {
            "messages": [message_payload(m) for m in rows],
            "online": bool(counterpart and selectors.online_user_ids([counterpart])),
            "other_read_id": other_read,
            "unread_total": selectors.unread_total(request.user),  # type: ignore[arg-type]
            "now": timezone.now().isoformat(),
        }
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@member_required()
def attachment_file(request: HttpRequest, pk: int) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    attachment = (
        ChatAttachment.objects.filter(
            pk=pk, message__conversation__in=selectors.visible_conversations(membership)
        )
        .select_related("message")
        .first()
    )
    if attachment is None:
        raise Http404()
    return attachment_response(attachment)


@require_GET
@member_required()
def contacts(request: HttpRequest) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    response = render(
        request,
        "messenger/contacts.html",
        {
            "contacts": selectors.contacts(membership),
            "reader": selectors.is_reader(membership),
            "title": _("Chat contacts"),
        },
    )
    response["Cache-Control"] = "private, no-store"
    return response
