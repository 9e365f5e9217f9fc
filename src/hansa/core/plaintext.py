"""Plain text that people write to each other (inquiries, chat, RFQs, quotations).

Messages are plain text: templates escape them, so markup could never run anyway. Markup that
only makes sense as an attack (``<script>``, ``<iframe>``, event handlers, ``javascript:`` links)
is refused with a clear message rather than silently stored, so the sender knows why and can
fix it. Ordinary angle brackets ("MOQ < 500 pcs") are fine. Control characters are dropped and
line endings normalised.
"""

from __future__ import annotations

import re
import unicodedata

from django.utils.translation import gettext as _

from hansa.core.errors import BusinessError

ACTIVE_MARKUP = re.compile(
    r"<\s*/?\s*(script|iframe|object|embed|svg|math|style|link|meta|base|form)\b"
    r"|\bon[a-z]{3,20}\s*=\s*[\"']?"
    r"|javascript\s*:"
    r"|vbscript\s*:"
    r"|data\s*:\s*text/html",
    re.IGNORECASE,
)
_CONTROL = {"Cc", "Cf"}
_KEEP = {"\n", "\t"}


def has_active_markup(value: str) -> bool:
    return bool(ACTIVE_MARKUP.search(value or ""))


def clean_text(
    value: str | None,
    *,
    field: str,
    max_length: int,
    required: bool = True,
    label: str | None = None,
) -> str:
    """The text tidied, or a ``BusinessError`` naming ``field``."""
    text = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = "".join(
        ch
        for ch in text
        if ch in _KEEP or unicodedata.category(ch) not in _CONTROL or ch == "\u200d"
    ).strip()
    what = label or _("This field")
    if not text:
        if required:
            raise BusinessError(_("%(what)s cannot be empty.") % {"what": what}, field=field)
        return ""
    if len(text) > max_length:
        raise BusinessError(
            _("%(what)s is too long (%(n)s characters); the limit is %(max)s.")
            % {"what": what, "n": len(text), "max": max_length},
            field=field,
        )
    if has_active_markup(text):
        raise BusinessError(
            _(
                "%(what)s contains script or HTML code (for example <script> or onclick=). "
                "Messages are plain text: remove the code and send again."
            )
            % {"what": what},
            field=field,
        )
    return text


def fingerprint(value: str) -> str:
    """Text reduced for duplicate detection: lower case, words only, spaces collapsed."""
    words = re.findall(r"\w+", unicodedata.normalize("NFKC", value or "").lower())
    return " ".join(words)
