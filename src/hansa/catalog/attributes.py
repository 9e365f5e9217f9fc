"""Checking attribute values against a category's template."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from hansa.catalog.models import AttributeDefinition, AttributeType

TRUE_WORDS = {"1", "true", "yes", "y", "on", "是"}
FALSE_WORDS = {"0", "false", "no", "n", "off", "否"}
CUSTOM_MAX = 20


class AttributeErrors(ValueError):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def plain(number: Decimal) -> str:
    """2000, 0.5 or 12.25 — never 2E+3."""
    return f"{number.normalize():f}"


def clean_value(definition: AttributeDefinition, raw: Any) -> Any:
    """The stored form of one value (str, Decimal-as-str, list[str] or bool); raises ValueError."""
    kind = definition.type
    if kind == AttributeType.BOOL:
        if isinstance(raw, bool):
            return raw
        word = str(raw).strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise ValueError(_("Answer yes or no."))
    if kind == AttributeType.NUMBER:
        try:
            number = Decimal(str(raw).strip().replace(",", ""))
        except InvalidOperation:
            raise ValueError(_("Enter a number.")) from None
        if not number.is_finite():
            raise ValueError(_("Enter a number."))
        if definition.min_value is not None and number < definition.min_value:
            raise ValueError(_("At least %(min)s.") % {"min": plain(definition.min_value)})
        if definition.max_value is not None and number > definition.max_value:
            raise ValueError(_("At most %(max)s.") % {"max": plain(definition.max_value)})
        return plain(number)
    allowed = {c["value"] for c in definition.choices}
    if kind == AttributeType.CHOICE:
        value = str(raw).strip()
        if value not in allowed:
            raise ValueError(
                _("Choose one of: %(choices)s.") % {"choices": ", ".join(sorted(allowed))}
            )
        return value
    if kind == AttributeType.MULTICHOICE:
        values = (
            raw
            if isinstance(raw, list | tuple)
            else [v for v in str(raw).replace(";", ",").split(",")]
        )
        values = list(dict.fromkeys(str(v).strip() for v in values if str(v).strip()))
        unknown = [v for v in values if v not in allowed]
        if unknown:
            raise ValueError(_("Unknown choice: %(v)s.") % {"v": ", ".join(unknown)})
        return values
    text = str(raw).strip()
    limit = definition.max_length or 200
    if len(text) > limit:
        raise ValueError(_("At most %(n)d characters.") % {"n": limit})
    return text


def _is_empty(raw: Any) -> bool:
    return raw is None or raw == "" or raw == [] or (isinstance(raw, str) and not raw.strip())


def clean_attributes(
    definitions: Iterable[AttributeDefinition], raw: dict[str, Any], *, require: bool
) -> dict[str, Any]:
    """Cleans every templated value; with ``require`` a missing required value is an error.

    Unknown codes are an error (they belong in custom attributes), so nothing is silently lost.
    """
    by_code = {d.code: d for d in definitions}
    errors: dict[str, str] = {}
    cleaned: dict[str, Any] = {}
    for code in raw:
        if code not in by_code:
            errors[code] = _(
                "This category has no attribute “%(code)s”; add it as another attribute."
            ) % {"code": code}
    for code, definition in by_code.items():
        value = raw.get(code)
        if _is_empty(value):
            if require and definition.required:
                errors[code] = _("Required.")
            continue
        try:
            cleaned[code] = clean_value(definition, value)
        except ValueError as exc:
            errors[code] = str(exc)
    if errors:
        raise AttributeErrors(errors)
    return cleaned


def clean_custom_attributes(rows: Iterable[dict[str, Any]]) -> list[dict[str, str]]:
    cleaned = []
    for row in rows:
        name, value = str(row.get("name", "")).strip(), str(row.get("value", "")).strip()
        if not name and not value:
            continue
        if not name or not value:
            raise AttributeErrors({"custom_attributes": _("Give both the name and the value.")})
        if len(name) > 60 or len(value) > 200:
            raise AttributeErrors(
                {"custom_attributes": _("Keep names under 60 and values under 200 characters.")}
            )
        cleaned.append({"name": name, "value": value})
    if len(cleaned) > CUSTOM_MAX:
        raise AttributeErrors(
            {"custom_attributes": _("At most %(n)d other attributes.") % {"n": CUSTOM_MAX}}
        )
    return cleaned


def completeness(
    definitions: Iterable[AttributeDefinition], values: dict[str, Any]
) -> tuple[int, int, int, int]:
    """(required filled, required total, optional filled, optional total)."""
    req_filled = req_total = opt_filled = opt_total = 0
    for d in definitions:
        filled = not _is_empty(values.get(d.code))
        if d.required:
            req_total += 1
            req_filled += filled
        else:
            opt_total += 1
            opt_filled += filled
    return req_filled, req_total, opt_filled, opt_total
