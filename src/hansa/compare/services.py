"""Writes on the comparison basket: add, remove, clear, drop what is no longer public, and merge
an anonymous visitor's basket into their own on login.

Only products ``listing_selectors.visible_products`` shows this viewer may go in (approved, online,
supplier active; a protected group's only for a buyer who unlocked it), and at most
``BASKET_LIMIT`` of them. Adding a product already there changes nothing.
"""

from __future__ import annotations

from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction
from django.utils.translation import gettext as _

from hansa.accounts.models import User
from hansa.companies.models import Membership
from hansa.compare.basket import Basket, session_ids, set_session_ids
from hansa.compare.models import BASKET_LIMIT, CompareItem
from hansa.compare.selectors import stored_ids, visible_ids
from hansa.core.errors import BusinessError


def _clean_id(product_id: object) -> int:
    try:
        value = int(str(product_id))
    except (TypeError, ValueError):
        raise BusinessError(_("Choose a product to compare."), field="product_id") from None
    if value <= 0:
        raise BusinessError(_("Choose a product to compare."), field="product_id")
    return value


def _full_error() -> BusinessError:
    return BusinessError(
        _("Your comparison basket holds at most %(limit)s products; remove one first.")
        % {"limit": BASKET_LIMIT},
        field="product_id",
    )


@transaction.atomic
def basket_add(*, basket: Basket, product_id: object) -> bool:
    """Puts a visible product in the basket; True if added, False if it was already there."""
    pk = _clean_id(product_id)
    if not visible_ids(basket, [pk]):
        raise BusinessError(_("This product is not available for comparison."), field="product_id")
    if basket.user is not None:
        # One writer per user at a time, so two quick clicks cannot pass the limit together.
        User.objects.select_for_update().filter(pk=basket.user.pk).exists()
        _prune_rows(basket)
        current = stored_ids(basket)
        if pk in current:
            return False
        if len(current) >= BASKET_LIMIT:
            raise _full_error()
        CompareItem.objects.create(user=basket.user, product_id=pk)
        return True
    assert basket.session is not None
    current = visible_ids(basket, session_ids(basket.session))
    if pk in current:
        return False
    if len(current) >= BASKET_LIMIT:
        raise _full_error()
    set_session_ids(basket.session, [*current, pk])
    return True


def basket_remove(*, basket: Basket, product_id: object) -> bool:
    """Takes a product out of the basket; True if it was there (removing twice is harmless)."""
    pk = _clean_id(product_id)
    if basket.user is not None:
        deleted, _rows = CompareItem.objects.filter(user=basket.user, product_id=pk).delete()
        return bool(deleted)
    assert basket.session is not None
    current = session_ids(basket.session)
    if pk not in current:
        return False
    set_session_ids(basket.session, [i for i in current if i != pk])
    return True


def basket_clear(*, basket: Basket) -> int:
    """Empties the basket; answers how many products were in it."""
    if basket.user is not None:
        deleted, _rows = CompareItem.objects.filter(user=basket.user).delete()
        return deleted
    assert basket.session is not None
    count = len(session_ids(basket.session))
    set_session_ids(basket.session, [])
    return count


def _prune_rows(basket: Basket) -> int:
    current = stored_ids(basket)
    gone = set(current) - set(visible_ids(basket, current))
    if not gone:
        return 0
    CompareItem.objects.filter(user=basket.user, product_id__in=gone).delete()
    return len(gone)


@transaction.atomic
def basket_prune(*, basket: Basket) -> int:
    """Drops the products this viewer may no longer see (taken offline, archived, in a group
    whose password changed); answers how many went."""
    if basket.user is not None:
        return _prune_rows(basket)
    assert basket.session is not None
    current = session_ids(basket.session)
    kept = visible_ids(basket, current)
    if len(kept) != len(current):
        set_session_ids(basket.session, kept)
    return len(current) - len(kept)


def basket_merge(*, user: User, membership: Membership | None, session: SessionBase) -> int:
    """On login: the visitor's session basket joins the user's own (what fits, in order, skipping
    what is no longer visible); the session list is then emptied. Answers how many were added."""
    pending = session_ids(session)
    if not pending:
        return 0
    basket = Basket(user=user, membership=membership)
    added = 0
    for pk in pending:
        try:
            added += basket_add(basket=basket, product_id=pk)
        except BusinessError:
            continue
    set_session_ids(session, [])
    return added
