"""A product or supplier search as plain data: parsed from a page's query string or the API,
stored in saved searches, logged (anonymised) in the query log.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from hansa.core.errors import BusinessError

SORTS = ("relevance", "price", "-price", "moq", "newest", "response")
LIST_FILTERS = ("country", "region", "certification", "business_type", "incoterm", "payment")
MAX_PER_PAGE = 50
MAX_PAGE = 500
MAX_QUERY = 200


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    language: str = "en"
    category: str = ""
    country: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    certification: tuple[str, ...] = ()
    business_type: tuple[str, ...] = ()
    incoterm: tuple[str, ...] = ()
    payment: tuple[str, ...] = ()
    verified: bool = False
    min_stars: int = 0
    ready_to_ship: bool = False
    price_min: Decimal | None = None  # USD at reference rates
    price_max: Decimal | None = None
    moq_min: Decimal | None = None
    moq_max: Decimal | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20
    published_after: int | None = None  # epoch seconds: saved-search alerts
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    # -- parsing --------------------------------------------------------------------------

    @classmethod
    def parse(cls, data: Mapping[str, Any], *, language: str = "en") -> SearchParams:
        """From a QueryDict (lists via getlist) or a plain dict; bad values raise BusinessError."""

        def many(name: str) -> tuple[str, ...]:
            if hasattr(data, "getlist"):
                raw = data.getlist(name)
            else:
                value = data.get(name) or []
                raw = value if isinstance(value, list | tuple) else [value]
            out: list[str] = []
            for item in raw:
                out.extend(v.strip() for v in str(item).split(",") if v.strip())
            return tuple(dict.fromkeys(out))[:30]

        def one(name: str) -> str:
            value = data.get(name)
            if isinstance(value, list | tuple):
                value = value[0] if value else ""
            return "" if value is None else str(value).strip()

        def number(name: str) -> Decimal | None:
            text = one(name)
            if not text:
                return None
            try:
                value = Decimal(text)
            except InvalidOperation:
                raise BusinessError(_("Enter a number."), field=name) from None
            if not value.is_finite() or value < 0:
                raise BusinessError(_("Enter a number of zero or more."), field=name)
            return value

        def integer(name: str, default: int, low: int, high: int) -> int:
            text = one(name)
            if not text:
                return default
            if not text.isdigit():
                raise BusinessError(_("Enter a whole number."), field=name)
            value = int(text)
            if not low <= value <= high:
                raise BusinessError(
                    _("Enter a number from %(low)s to %(high)s.") % {"low": low, "high": high},
                    field=name,
                )
            return value

        def flag(name: str) -> bool:
            value = data.get(name)
            if isinstance(value, bool):
                return value
            return one(name).lower() in ("1", "true", "yes", "on")

        q = " ".join(one("q").split())
        if len(q) > MAX_QUERY:
            raise BusinessError(
                _("Shorten the search to %(n)s characters.") % {"n": MAX_QUERY}, field="q"
            )
        sort = one("sort") or "relevance"
        if sort not in SORTS:
            raise BusinessError(_("Choose a sort order from the list."), field="sort")
        params = cls(
            q=q,
            language=one("language") or one("hl") or language,
            category=one("category"),
            **{name: many(name) for name in LIST_FILTERS},
            verified=flag("verified"),
            min_stars=integer("min_stars", 0, 0, 6),
            ready_to_ship=flag("ready_to_ship"),
            price_min=number("price_min"),
            price_max=number("price_max"),
            moq_min=number("moq_min"),
            moq_max=number("moq_max"),
            sort=sort,
            page=integer("page", 1, 1, MAX_PAGE),
            per_page=integer("per_page", 20, 1, MAX_PER_PAGE),
        )
        for low, high in (("price_min", "price_max"), ("moq_min", "moq_max")):
            lo, hi = getattr(params, low), getattr(params, high)
            if lo is not None and hi is not None and lo > hi:
                raise BusinessError(_("The lower bound is above the upper bound."), field=low)
        return params

    # -- output ---------------------------------------------------------------------------

    def filters(self) -> dict[str, Any]:
        """The non-default filters (what the query log and saved searches keep)."""
        out: dict[str, Any] = {}
        skip = {"q", "language", "page", "per_page", "extra", "published_after"}
        defaults = SearchParams()
        for f in fields(self):
            if f.name in skip:
                continue
            value = getattr(self, f.name)
            if value != getattr(defaults, f.name):
                out[f.name] = (
                    list(value)
                    if isinstance(value, tuple)
                    else str(value)
                    if isinstance(value, Decimal)
                    else value
                )
        return out

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict that ``parse`` reads back (saved searches)."""
        data = {"q": self.q, "language": self.language, **self.filters()}
        return data

    def querystring_items(self) -> list[tuple[str, str]]:
        items: list[tuple[str, str]] = []
        for key, value in self.to_dict().items():
            if key == "language" or value in ("", None, False):
                continue
            if isinstance(value, list):
                items.extend((key, str(v)) for v in value)
            elif value is True:
                items.append((key, "1"))
            else:
                items.append((key, str(value)))
        return items

    def with_(self, **changes: Any) -> SearchParams:
        if "page" not in changes:
            changes["page"] = 1
        return replace(self, **changes)

    def as_plain(self) -> dict[str, Any]:
        return asdict(self)
