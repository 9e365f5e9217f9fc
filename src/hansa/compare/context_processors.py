"""The comparison basket's state for every page: the header counter and the compare buttons."""

from __future__ import annotations

from functools import cached_property

from django.http import HttpRequest

from hansa.compare import selectors
from hansa.compare.basket import Basket
from hansa.compare.models import BASKET_LIMIT


class BasketState:
    """Read lazily: a page that shows neither the counter nor a button runs no query."""

    limit = BASKET_LIMIT

    def __init__(self, request: HttpRequest | None) -> None:
        self._request = request

    @cached_property
    def ids(self) -> list[int]:
        request = self._request
        if request is None or not hasattr(request, "user") or not hasattr(request, "session"):
            return []
        return selectors.basket_ids(Basket.of(request))

    @property
    def count(self) -> int:
        return len(self.ids)

    @property
    def full(self) -> bool:
        return self.count >= self.limit


def basket_count(request: HttpRequest) -> dict[str, object]:
    return {"compare_basket": BasketState(request)}
