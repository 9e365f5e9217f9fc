"""Automatic checks run when a listing is submitted; the reviewer sees each flag with its field.

They flag, they do not decide: the operator approves or rejects.
"""

from __future__ import annotations

import re
from collections import Counter

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from hansa.catalog.attributes import AttributeErrors, clean_attributes
from hansa.catalog.models import Product, ProhibitedTerm

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
URL = re.compile(r"(https?://|www\.)\S+|\b[\w-]+\.(com|net|cn|org|io|co)\b", re.IGNORECASE)
PHONE = re.compile(r"(\+?\d[\d\s().-]{8,}\d)")
MESSENGER = re.compile(r"\b(whats\s?app|wechat|skype|telegram|viber|qq)\b", re.IGNORECASE)
MIN_IMAGE_SIDE = 350
SQUARE_TOLERANCE = 0.25


def _texts(product: Product) -> dict[str, str]:
    texts = {
        "title": product.title,
        "keywords": " ".join(product.keywords),
        "description": strip_tags(product.description),
    }
    for t in product.translations.all():
        texts[f"translations.{t.language}"] = " ".join(
            [t.title, " ".join(t.keywords), strip_tags(t.description)]
        )
    return texts


def _flag(field: str, code: str, message: str) -> dict[str, str]:
    return {"field": field, "code": code, "message": message}


def prohibited_terms() -> list[tuple[str, str]]:
    return list(ProhibitedTerm.objects.filter(is_active=True).values_list("term", "kind"))


def run_checks(product: Product) -> list[dict[str, str]]:
    flags: list[dict[str, str]] = []
    texts = _texts(product)
    terms = prohibited_terms()
    for field, text in texts.items():
        lowered = text.lower()
        for term, kind in terms:
            if re.search(rf"(?<!\w){re.escape(term.lower())}(?!\w)", lowered):
                flags.append(
                    _flag(
                        field,
                        f"prohibited_{kind}",
                        _("Contains “%(term)s”, which is not allowed.") % {"term": term},
                    )
                )
        if EMAIL.search(text) or URL.search(text) or MESSENGER.search(text) or PHONE.search(text):
            flags.append(
                _flag(
                    field,
                    "contact_details",
                    _(
                        "Contains contact details or an outside link; "
                        "buyers contact you through Hansa."
                    ),
                )
            )
    letters = [c for c in product.title if c.isalpha() and c.isascii()]
    if len(letters) >= 12 and sum(c.isupper() for c in letters) / len(letters) > 0.6:
        flags.append(_flag("title", "shouting", _("The title is mostly capital letters.")))
    words = [w for w in re.findall(r"\w+", product.title.lower()) if len(w) > 2]
    repeated = [w for w, n in Counter(words).items() if n >= 3]
    if repeated:
        flags.append(
            _flag(
                "title",
                "repeated_words",
                _("The title repeats “%(w)s”.") % {"w": ", ".join(repeated)},
            )
        )
    for image in product.images.all():
        if min(image.width, image.height) < MIN_IMAGE_SIDE:
            flags.append(
                _flag(
                    "images",
                    "image_too_small",
                    _("Image %(n)d is smaller than %(px)d pixels on a side.")
                    % {"n": image.position + 1, "px": MIN_IMAGE_SIDE},
                )
            )
        elif image.height and abs(image.width / image.height - 1) > SQUARE_TOLERANCE:
            flags.append(
                _flag(
                    "images",
                    "image_not_square",
                    _("Image %(n)d is far from square.") % {"n": image.position + 1},
                )
            )
    try:
        clean_attributes(product.category.attributes.all(), product.attributes, require=True)
    except AttributeErrors as exc:
        for code in exc.errors:
            flags.append(
                _flag(f"attributes.{code}", "missing_attribute", _("Required attribute missing."))
            )
    return flags
