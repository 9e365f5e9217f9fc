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

KINDS: dict[str, Kind] = {
    kind.code: kind
    for kind in (
        Kind(
            SAVED_SEARCH,
            _("Saved search alerts"),
            _("New listings that match one of your saved searches."),
            EmailFrequency.DAILY,
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
