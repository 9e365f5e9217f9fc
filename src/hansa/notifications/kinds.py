"""Every kind of notification, in one table: its label on the preferences page and its defaults.

A new kind (inquiries, chats, RFQ matches, quotes) is one more entry here; ``notify`` refuses a
kind that is not in the table, so a typo cannot create notifications nobody can configure.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from hansa.notifications.models import EmailFrequency


@dataclass(frozen=True)
class Kind:
    code: str
    label: Promise | str
    help: Promise | str
    email: str  # default EmailFrequency
    in_app: bool = True


SAVED_SEARCH = "saved_search"
INQUIRY = "inquiry"
CHAT = "chat"
RFQ_MATCH = "rfq_match"
QUOTE = "quote"

KINDS: dict[str, Kind] = {
    kind.code: kind
    for kind in (
        Kind(
            SAVED_SEARCH,
            _("Saved search alerts"),
            _("New listings that match one of your saved searches."),
            EmailFrequency.DAILY,
        ),
        Kind(
            INQUIRY,
            _("Inquiries"),
            _("New inquiries, replies to your inquiries, reassignments and redistribution."),
            EmailFrequency.IMMEDIATE,
        ),
        Kind(
            CHAT,
            _("Trade messenger"),
            _("Chat messages that arrived while you were away."),
            EmailFrequency.DAILY,
        ),
        Kind(
            RFQ_MATCH,
            _("Matching RFQs"),
            _("New buying requests that match your products or your saved RFQ searches."),
            EmailFrequency.DAILY,
        ),
        Kind(
            QUOTE,
            _("Quotations"),
            _("Quotes on your RFQs, and the buyer's decisions on the quotes you sent."),
            EmailFrequency.IMMEDIATE,
        ),
    )
}


def kind_of(code: str) -> Kind:
    try:
        return KINDS[code]
    except KeyError:
        raise ValueError(
            f"Unknown notification kind {code!r}: add it to notifications.kinds"
        ) from None
