"""Writes of the messenger: start a chat, send a message, mark read, presence.

Every message, whether it came over the WebSocket, a page form, the REST API or a file upload,
goes through :func:`message_send`, and is broadcast to the live sockets only after its
transaction commits (:mod:`hansa.messenger.broadcast`), so nobody sees a message that was not
stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from hansa.accounts.models import User
from hansa.catalog.listing_selectors import public_products
from hansa.catalog.models import Product
from hansa.companies.models import Company, Membership
from hansa.companies.roles import Role
from hansa.core.attachments import clean_attachments
from hansa.core.errors import BusinessError, Forbidden, NotFound
from hansa.core.plaintext import clean_text
from hansa.messenger import broadcast, selectors
from hansa.messenger.models import (
    BODY_MAX,
    CLIENT_ID_MAX,
    ONLINE_WINDOW,
    ChatAttachment,
    Conversation,
    Message,
    Presence,
)
from hansa.notifications.services import notify

FLOOD_LIMIT = 30  # messages per user (settings.MESSENGER_FLOOD_PER_MINUTE overrides) ...
FLOOD_WINDOW = timedelta(minutes=1)  # ... in this window, counted in the database
START_LIMIT = 20  # new conversations per buyer per hour
START_WINDOW = timedelta(hours=1)


def _check_buyer(membership: Membership, supplier: Company) -> None:
    if not membership.company.is_buyer:
        raise Forbidden(_("Only members of a buying company can start a chat with a supplier."))
    if membership.company_id == supplier.pk:
        raise BusinessError(_("You cannot chat with your own company."), field="supplier")
    if not supplier.is_active or not supplier.is_supplier:
        raise NotFound()
    _check_not_blocked(membership, supplier.pk)


def _check_not_blocked(membership: Membership, supplier_id: int) -> None:
    """The supplier's inquiry block list (member, e-mail domain, country) holds for chats too."""
    from hansa.inquiries.selectors import is_blocked

    if is_blocked(supplier_id, membership):
        raise BusinessError(
            _("This supplier cannot receive your messages at the moment."), field="supplier"
        )


def _pick_rep(
    supplier: Company, product: Product | None, rep_id: int | None, now: datetime
) -> User:
    reps = {r.membership.user_id: r for r in selectors.company_reps(supplier, now)}
    if rep_id is not None:
        chosen = next((r for r in reps.values() if r.user.pk == rep_id), None)
        if chosen is None:
            raise BusinessError(
                _("This representative is not available; choose another one."), field="rep"
            )
        return chosen.user
    if product is not None and product.owner_id in reps:
        return reps[product.owner_id].user
    online = [r for r in reps.values() if r.online]
    for wanted in (Role.SALES_REP, Role.ADMIN, Role.OWNER):
        for rep in online:
            if rep.membership.role == wanted:
                return rep.user
    for wanted in (Role.OWNER, Role.ADMIN, Role.SALES_REP):
        for rep in reps.values():
            if rep.membership.role == wanted:
                return rep.user
    raise BusinessError(_("This supplier has nobody to chat with yet."), field="supplier")


@transaction.atomic
def conversation_start(
    *,
    membership: Membership,
    supplier: Company,
    product_id: int | None = None,
    rep_id: int | None = None,
    now: datetime | None = None,
) -> tuple[Conversation, bool]:
    """The buyer's chat with the supplier's rep; reuses theirs if it exists. (conv, created)."""
    now = now or timezone.now()
    _check_buyer(membership, supplier)
    product = None
    if product_id is not None:
        product = public_products().filter(pk=product_id, company=supplier).first()
        if product is None:
            raise BusinessError(_("This product is not available."), field="product")
    rep = _pick_rep(supplier, product, rep_id, now)
    existing = Conversation.objects.filter(buyer_id=membership.user_id, rep=rep).first()
    if existing is not None:
        if product is not None and existing.product_id != product.pk:
            existing.product = product
            existing.save(update_fields=["product"])
        return existing, False
    recent = Conversation.objects.filter(
        buyer_id=membership.user_id, created_at__gte=now - START_WINDOW
    ).count()
    if recent >= START_LIMIT:
        raise BusinessError(
            _("You started %(n)s chats in the last hour; please wait before starting more.")
            % {"n": recent},
            field="supplier",
        )
    try:
        with transaction.atomic():
            conversation = Conversation.objects.create(
                buyer_id=membership.user_id,
                buyer_company_id=membership.company_id,
                supplier=supplier,
                rep=rep,
                product=product,
            )
    except IntegrityError:
        # A second request (a double click) created it a moment ago: that one is the chat.
        existing = Conversation.objects.filter(buyer_id=membership.user_id, rep=rep).first()
        if existing is None:
            raise
        return existing, False
    return conversation, True


def _check_writer(membership: Membership, conversation: Conversation) -> None:
    if not conversation.is_participant(membership.user_id):
        raise Forbidden(
            _("You are reading along: only the two people in this chat can write here.")
        )
    side_company = (
        conversation.buyer_company_id
        if membership.user_id == conversation.buyer_id
        else conversation.supplier_id
    )
    if membership.company_id != side_company:
        raise NotFound()
    if membership.user_id == conversation.buyer_id:
        _check_not_blocked(membership, conversation.supplier_id)


def message_send(
    *,
    membership: Membership,
    conversation: Conversation,
    body: str = "",
    client_id: str = "",
    files: Sequence[UploadedFile] | None = None,
    now: datetime | None = None,
) -> tuple[Message, bool]:
    """Stores one message (with its files) and broadcasts it on commit. (message, created).

    A resend with the same ``client_id`` returns the stored message instead of a second copy.
    Everything is checked before anything is written: text, files, the flood limit.
    """
    now = now or timezone.now()
    _check_writer(membership, conversation)
    client_id = (client_id or "").strip()
    if len(client_id) > CLIENT_ID_MAX:
        raise BusinessError(_("The message id is too long."), field="client_id")
    if client_id:
        earlier = Message.objects.filter(author_id=membership.user_id, client_id=client_id).first()
        if earlier is not None:
            if earlier.conversation_id != conversation.pk:
                raise BusinessError(_("This message id was already used."), field="client_id")
            return earlier, False
    cleaned_files = clean_attachments(files, field="files")
    text = clean_text(
        body,
        field="body",
        max_length=BODY_MAX,
        required=not cleaned_files,
        label=_("The message"),
    )
    sent = Message.objects.filter(
        author_id=membership.user_id, created_at__gte=now - FLOOD_WINDOW
    ).count()
    if sent >= getattr(settings, "MESSENGER_FLOOD_PER_MINUTE", FLOOD_LIMIT):
        raise BusinessError(
            _(
                "You sent %(n)s messages in the last minute; wait a moment and send again "
                "(your text is kept)."
            )
            % {"n": sent},
            field="body",
        )
    try:
        with transaction.atomic():
            message = Message.objects.create(
                conversation=conversation,
                author_id=membership.user_id,
                body=text,
                client_id=client_id,
                created_at=now,
            )
            message.author = membership.user
            stored = []
            for clean in cleaned_files:
                attachment = ChatAttachment(message=message)
                attachment.fill_from(clean)
                attachment.save()
                stored.append(attachment)
            _after_message(conversation, message, membership.user_id, now, stored)
    except IntegrityError:
        if not client_id:
            raise
        earlier = Message.objects.filter(author_id=membership.user_id, client_id=client_id).first()
        if earlier is None:
            raise
        return earlier, False
    return message, True


def _after_message(
    conversation: Conversation,
    message: Message,
    author_id: int,
    now: datetime,
    attachments: list[ChatAttachment],
) -> None:
    """Inside the message's transaction: own read marker, timestamps, notification, broadcast."""
    own_read = "buyer_read_id" if author_id == conversation.buyer_id else "rep_read_id"
    Conversation.objects.filter(pk=conversation.pk).update(
        last_message_at=now, **{own_read: message.pk}
    )
    setattr(conversation, own_read, message.pk)
    conversation.last_message_at = now
    recipient_id = conversation.counterpart_id(author_id)
    flag = "rep_notified" if recipient_id == conversation.rep_id else "buyer_notified"
    # At most one notification per conversation until the recipient reads it.
    if not selectors.online_user_ids([recipient_id], now) and Conversation.objects.filter(
        pk=conversation.pk, **{flag: False}
    ).update(**{flag: True}):
        author = message.author
        notify(
            user=User.objects.get(pk=recipient_id),
            kind="chat",
            title=_("New chat message from %(name)s") % {"name": author.display_name},
            body=message.body or _("(a file)"),
            url=reverse("messenger:conversation", args=[conversation.pk]),
        )
    broadcast.on_commit_message(conversation, message, attachments)


@transaction.atomic
def conversation_mark_read(
    *, membership: Membership, conversation: Conversation, up_to: int | None = None
) -> int:
    """Moves the caller's read marker (participants only); returns the marker."""
    if not conversation.is_participant(membership.user_id):
        return 0
    last = (
        Message.objects.filter(conversation=conversation)
        .order_by("-id")
        .values_list("id", flat=True)
        .first()
        or 0
    )
    target = min(int(up_to), last) if up_to else last
    side = "buyer" if membership.user_id == conversation.buyer_id else "rep"
    updated = Conversation.objects.filter(
        pk=conversation.pk, **{f"{side}_read_id__lt": target}
    ).update(**{f"{side}_read_id": target, f"{side}_notified": False})
    setattr(conversation, f"{side}_read_id", max(getattr(conversation, f"{side}_read_id"), target))
    if updated:
        broadcast.on_commit_read(conversation, membership.user_id, target)
    return getattr(conversation, f"{side}_read_id")


def presence_touch(*, user: User, now: datetime | None = None) -> None:
    """The user is active now (a poll or a socket heartbeat)."""
    now = now or timezone.now()
    if not Presence.objects.filter(user=user).update(last_seen=now):
        Presence.objects.get_or_create(user=user, defaults={"last_seen": now})


@transaction.atomic
def presence_connect(*, user: User, now: datetime | None = None) -> bool:
    """A socket opened; True when the user just came online."""
    now = now or timezone.now()
    presence, _created = Presence.objects.select_for_update().get_or_create(
        user=user, defaults={"last_seen": now, "sockets": 0}
    )
    was_online = presence.sockets > 0 and presence.is_online(now)
    Presence.objects.filter(pk=presence.pk).update(sockets=F("sockets") + 1, last_seen=now)
    return not was_online


@transaction.atomic
def presence_disconnect(*, user: User, now: datetime | None = None) -> bool:
    """A socket closed; True when that was the user's last one (now offline)."""
    now = now or timezone.now()
    presence = Presence.objects.select_for_update().filter(user=user).first()
    if presence is None:
        return False
    sockets = max(presence.sockets - 1, 0)
    fields: dict[str, object] = {"sockets": sockets}
    if sockets == 0:
        fields["last_seen"] = now - ONLINE_WINDOW - timedelta(seconds=1)
    Presence.objects.filter(pk=presence.pk).update(**fields)
    return sockets == 0


MISSED_AFTER = timedelta(minutes=5)
MISSED_WINDOW = timedelta(days=7)


def notify_missed(*, now: datetime | None = None, limit: int = 2000) -> int:
    """A "chat" notification for messages nobody read while their recipient looked online.

    A message to an offline member notifies at once (``message_send``); one to a member whose
    page was open but who then left unread is caught here after ``MISSED_AFTER``. Still at most
    one notification per conversation and side until they read. Returns how many were sent.
    """
    now = now or timezone.now()
    rows = (
        Conversation.objects.filter(
            last_message_at__lte=now - MISSED_AFTER, last_message_at__gte=now - MISSED_WINDOW
        )
        .filter(Q(buyer_notified=False) | Q(rep_notified=False))
        .order_by("-last_message_at")[:limit]
    )
    sent = 0
    for conversation in rows:
        last = Message.objects.filter(conversation=conversation).select_related("author").last()
        if last is None:
            continue
        recipient_id = conversation.counterpart_id(last.author_id)
        side = "rep" if recipient_id == conversation.rep_id else "buyer"
        if getattr(conversation, f"{side}_read_id") >= last.pk:
            continue
        if selectors.online_user_ids([recipient_id], now):
            continue
        with transaction.atomic():
            if not Conversation.objects.filter(
                pk=conversation.pk, **{f"{side}_notified": False}
            ).update(**{f"{side}_notified": True}):
                continue
            notify(
                user=User.objects.get(pk=recipient_id),
                kind="chat",
                title=_("Unread chat message from %(name)s") % {"name": last.author.display_name},
                body=last.body or _("(a file)"),
                url=reverse("messenger:conversation", args=[conversation.pk]),
            )
        sent += 1
    return sent


def presence_tidy(*, now: datetime | None = None) -> int:
    """Socket counts left behind by a server process that died; returns how many were reset."""
    now = now or timezone.now()
    return Presence.objects.filter(
        sockets__gt=0, last_seen__lt=now - ONLINE_WINDOW - timedelta(minutes=5)
    ).update(sockets=0)
