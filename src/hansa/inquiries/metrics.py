"""Response metrics: how reliably and how fast a supplier answers buyers.

The rule (the same one buyers read on the company page):

- Window: buyers' messages sent in the 30 days up to now (a message exactly 30 days old still
  counts).
- What is counted: for each buyer company and each calendar day (UTC), only the buyer's *first*
  message of the day to this supplier — a new inquiry or a follow-up in one.
- Answered in time: a human reply by the supplier to that buyer (any of their inquiries) at most
  24 hours after it (exactly 24 h still counts). Automatic replies never count.
- Excluded: inquiries marked spam or rejected, and buyers the supplier has blocked. A first
  message younger than 24 hours that has no reply yet is still pending and not counted.
- Rate = answered in time / counted; average reply time = the mean delay of the counted
  messages that got a human reply at all (late ones included), shown in buckets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from hansa.inquiries.models import InquiryMessage, InquiryStatus, Side

WINDOW = timedelta(days=30)
REPLY_WITHIN = timedelta(hours=24)
EXCLUDED_STATUSES = (InquiryStatus.SPAM, InquiryStatus.REJECTED)

BUCKETS = (
    ("1h", 3600, _("within 1 hour")),
    ("6h", 6 * 3600, _("within 6 hours")),
    ("24h", 24 * 3600, _("within 24 hours")),
)
MORE = ("more", _("more than 24 hours"))


@dataclass(frozen=True)
class ResponseFigures:
    counted: int
    replied_in_time: int
    average_reply_seconds: int | None

    @property
    def rate(self) -> Decimal | None:
        if not self.counted:
            return None
        return (Decimal(self.replied_in_time) / Decimal(self.counted)).quantize(
            Decimal("0.0001"), rounding=ROUND_HALF_UP
        )


def reply_bucket(seconds: int | None) -> tuple[str, str] | None:
    """``(code, label)`` of the average reply time, or None without data."""
    if seconds is None:
        return None
    for code, limit, label in BUCKETS:
        if seconds <= limit:
            return code, str(label)
    return MORE[0], str(MORE[1])


def compute(
    supplier_id: int, now: datetime, blocked_buyer_ids: set[int] | None = None
) -> ResponseFigures:
    """The figures of one supplier at ``now`` (see the module docstring for the rule).

    ``blocked_buyer_ids``: buyer *memberships* the supplier blocked (computed by the caller from
    the block list, so this function stays a plain read).
    """
    since = now - WINDOW
    buyer_rows = (
        InquiryMessage.objects.filter(
            inquiry__supplier_company_id=supplier_id,
            side=Side.BUYER,
            created_at__gte=since,
            created_at__lte=now,
        )
        .exclude(inquiry__status__in=EXCLUDED_STATUSES)
        .values_list("inquiry__buyer_company_id", "inquiry__buyer_id", "created_at")
        .order_by("created_at", "pk")
    )
    firsts: dict[tuple[int, object], datetime] = {}
    for buyer_company_id, buyer_id, created in buyer_rows:
        if blocked_buyer_ids and buyer_id in blocked_buyer_ids:
            continue
        day = created.astimezone(UTC).date()
        firsts.setdefault((buyer_company_id, day), created)
    if not firsts:
        return ResponseFigures(0, 0, None)
    replies: dict[int, list[datetime]] = {}
    for buyer_company_id, created in (
        InquiryMessage.objects.filter(
            inquiry__supplier_company_id=supplier_id,
            side=Side.SUPPLIER,
            is_auto_reply=False,
            created_at__gte=since,
            created_at__lte=now,
        )
        .values_list("inquiry__buyer_company_id", "created_at")
        .order_by("created_at", "pk")
    ):
        replies.setdefault(buyer_company_id, []).append(created)
    counted = in_time = 0
    delays: list[float] = []
    for (buyer_company_id, _day), sent in firsts.items():
        reply = next((r for r in replies.get(buyer_company_id, []) if r >= sent), None)
        if reply is None:
            if now - sent < REPLY_WITHIN:
                continue  # still pending: neither a success nor a miss yet
            counted += 1
            continue
        counted += 1
        delay = reply - sent
        delays.append(delay.total_seconds())
        if delay <= REPLY_WITHIN:
            in_time += 1
    average = round(sum(delays) / len(delays)) if delays else None
    return ResponseFigures(counted, in_time, average)
