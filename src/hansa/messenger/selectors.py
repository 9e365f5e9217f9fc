"""Reads of the messenger: who sees which conversation, unread counters, presence, history.

Access rule (one place, used by pages, the API and the WebSocket consumer):

- the two participants (the buyer and the supplier's rep) see and write their conversation;
- the supplier's owner and admins see every conversation of their company (read along);
- the buying company's owner and admins see their staff's conversations (read along);
- nobody else: other companies, other reps of the same supplier, other staff of the same buyer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, F, Max, Q, QuerySet
from django.utils import timezone

from hansa.accounts.models import User
from hansa.companies.models import Company, Membership
from hansa.companies.roles import Role
from hansa.core.errors import NotFound
from hansa.messenger.models import ONLINE_WINDOW, Conversation, Message, Presence

READERS = (Role.OWNER, Role.ADMIN)
REP_ROLES = (Role.OWNER, Role.ADMIN, Role.SALES_REP)
MESSAGES_PAGE = 100


def is_reader(membership: Membership) -> bool:
    return membership.role in READERS


def visible_conversations(membership: Membership) -> QuerySet[Conversation]:
    user_id = membership.user_id
    rule = Q(buyer_id=user_id) | Q(rep_id=user_id)
    if is_reader(membership):
        rule |= Q(supplier_id=membership.company_id) | Q(buyer_company_id=membership.company_id)
    return Conversation.objects.filter(rule)


def access_conversation(
    membership: Membership, conversation_id: object, *, related: bool = True
) -> Conversation:
    """The conversation if the caller may read it, else ``NotFound`` (missing or not theirs).

    ``related=False`` skips the joins (the WebSocket's send path needs only the ids).
    """
    rows = visible_conversations(membership)
    if related:
        rows = rows.select_related("buyer", "rep", "supplier", "buyer_company", "product")
    try:
        return rows.get(pk=int(conversation_id))  # type: ignore[call-overload]
    except (Conversation.DoesNotExist, ValueError, TypeError):
        raise NotFound() from None


def unread_filter(user_id: int) -> Q:
    """Messages the user has not read, as a filter on ``messages__``."""
    return (
        Q(buyer_id=user_id, messages__id__gt=F("buyer_read_id"))
        | Q(rep_id=user_id, messages__id__gt=F("rep_read_id"))
    ) & ~Q(messages__author_id=user_id)


def conversation_list(
    membership: Membership, *, q: str = "", rep_id: int | None = None, unread: bool = False
) -> QuerySet[Conversation]:
    """Visible conversations, newest first, with ``unread`` and ``message_count`` annotated.

    ``q`` searches the history: message text, participants' names and e-mails, both companies.
    ``rep_id`` (owner/admin's filter by sub-account) keeps one rep's conversations.
    """
    rows = visible_conversations(membership)
    if rep_id:
        # An id past the database integer would overflow the query (a 500): nobody has it.
        rows = rows.filter(rep_id=rep_id) if 0 < rep_id < 2**63 else rows.none()
    q = (q or "").strip()
    if q:
        matching = Message.objects.filter(body__icontains=q).values("conversation_id")
        rows = rows.filter(
            Q(pk__in=matching)
            | Q(buyer__full_name__icontains=q)
            | Q(buyer__email__icontains=q)
            | Q(rep__full_name__icontains=q)
            | Q(rep__email__icontains=q)
            | Q(supplier__name__icontains=q)
            | Q(buyer_company__name__icontains=q)
        )
    rows = rows.annotate(
        unread=Count("messages", filter=unread_filter(membership.user_id), distinct=True)
    )
    if unread:
        rows = rows.filter(unread__gt=0)
    return rows.select_related("buyer", "rep", "supplier", "buyer_company", "product").order_by(
        F("last_message_at").desc(nulls_last=True), "-id"
    )


def unread_total(user: User) -> int:
    """Unread messages across the user's own conversations (the sidebar counter)."""
    if not user.is_authenticated:
        return 0
    return (
        Conversation.objects.filter(Q(buyer_id=user.pk) | Q(rep_id=user.pk))
        .filter(unread_filter(user.pk))
        .aggregate(n=Count("messages", distinct=True))["n"]
        or 0
    )


def messages_of(
    conversation: Conversation, *, after: int = 0, before: int | None = None, limit: int = 100
) -> list[Message]:
    """Messages in order: those after ``after`` (polling), or the latest ``limit``."""
    rows = Message.objects.filter(conversation=conversation).select_related("author")
    rows = rows.prefetch_related("attachments")
    if after:
        return list(rows.filter(id__gt=after).order_by("id")[:limit])
    if before:
        rows = rows.filter(id__lt=before)
    return list(reversed(rows.order_by("-id")[:limit]))


def search_messages(membership: Membership, q: str, *, limit: int = 50) -> list[Message]:
    """Messages whose text matches ``q`` in the conversations the caller may read."""
    q = (q or "").strip()
    if not q:
        return []
    return list(
        Message.objects.filter(
            conversation__in=visible_conversations(membership), body__icontains=q
        )
        .select_related("author", "conversation")
        .order_by("-id")[:limit]
    )


def online_user_ids(user_ids: list[int], now: datetime | None = None) -> set[int]:
    since = (now or timezone.now()) - ONLINE_WINDOW
    return set(
        Presence.objects.filter(user_id__in=user_ids, last_seen__gte=since).values_list(
            "user_id", flat=True
        )
    )


@dataclass(frozen=True)
class RepPresence:
    membership: Membership
    online: bool

    @property
    def user(self) -> User:
        return self.membership.user


def company_reps(company: Company, now: datetime | None = None) -> list[RepPresence]:
    """The supplier's members a buyer may chat with, online ones first."""
    members = list(
        Membership.objects.filter(company=company, is_active=True, role__in=REP_ROLES)
        .select_related("user")
        .filter(user__is_active=True)
        .order_by("user__full_name", "user__email")
    )
    online = online_user_ids([m.user_id for m in members], now)
    reps = [RepPresence(m, m.user_id in online) for m in members]
    return sorted(reps, key=lambda r: (not r.online, r.membership.role != Role.SALES_REP))


@dataclass(frozen=True)
class Contact:
    buyer: User
    buyer_company: Company
    rep: User
    supplier: Company
    conversation_id: int
    messages: int
    last_message_at: datetime | None


def contacts(membership: Membership) -> list[Contact]:
    """Which buyers talked to which reps (supplier side), or to which suppliers (buyer side)."""
    rows = (
        visible_conversations(membership)
        .annotate(n=Count("messages"), last=Max("messages__created_at"))
        .select_related("buyer", "buyer_company", "rep", "supplier")
        .order_by(F("last_message_at").desc(nulls_last=True), "-id")[:500]
    )
    return [
        Contact(c.buyer, c.buyer_company, c.rep, c.supplier, c.pk, c.n, c.last)  # type: ignore[attr-defined]
        for c in rows
    ]


def sub_accounts(membership: Membership) -> list[Membership]:
    """The reps an owner or admin may filter by (the company's members with chats)."""
    if not is_reader(membership):
        return []
    rep_ids = Conversation.objects.filter(supplier_id=membership.company_id).values("rep_id")
    return list(
        Membership.objects.filter(company_id=membership.company_id, user_id__in=rep_ids)
        .select_related("user")
        .order_by("user__full_name")
    )
