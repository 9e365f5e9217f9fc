"""The basket's rules: only visible products, at most 20, adding twice changes nothing, products
that stop being public drop out, and an anonymous visitor's basket follows them on login."""

from __future__ import annotations

import pytest
from django.contrib.sessions.backends.db import SessionStore

from hansa.catalog import groups as group_services
from hansa.catalog import listing_services as ls
from hansa.catalog.models import ListingStatus, Product
from hansa.catalog.tests.factories import ProductFactory
from hansa.companies.access import active_membership
from hansa.companies.tests.factories import SupplierCompanyFactory
from hansa.compare import selectors, services
from hansa.compare.basket import SESSION_KEY, Basket
from hansa.compare.models import BASKET_LIMIT, CompareItem
from hansa.compare.tests.conftest import live
from hansa.core.errors import BusinessError

pytestmark = pytest.mark.django_db
FULL = "Your comparison basket holds at most 20 products; remove one first."


def basket_of(user) -> Basket:
    return Basket(user=user, membership=active_membership(user))


def test_add_remove_and_adding_twice_is_harmless(buyer, strips):
    basket = basket_of(buyer)
    first, second = strips
    assert services.basket_add(basket=basket, product_id=first.pk) is True
    assert services.basket_add(basket=basket, product_id=first.pk) is False
    assert services.basket_add(basket=basket, product_id=str(second.pk)) is True
    assert CompareItem.objects.filter(user=buyer).count() == 2
    assert selectors.basket_ids(basket) == [first.pk, second.pk]
    assert services.basket_remove(basket=basket, product_id=first.pk) is True
    assert services.basket_remove(basket=basket, product_id=first.pk) is False
    assert selectors.basket_ids(basket) == [second.pk]
    assert services.basket_clear(basket=basket) == 1
    assert not CompareItem.objects.filter(user=buyer).exists()


def test_the_21st_product_is_refused_and_nothing_changes(buyer):
    basket = basket_of(buyer)
    supplier = SupplierCompanyFactory()
    products = [live(supplier) for _ in range(BASKET_LIMIT + 1)]
    for product in products[:BASKET_LIMIT]:
        services.basket_add(basket=basket, product_id=product.pk)
    before = list(CompareItem.objects.filter(user=buyer).values_list("pk", "product_id"))
    with pytest.raises(BusinessError) as refused:
        services.basket_add(basket=basket, product_id=products[-1].pk)
    assert refused.value.message == FULL and refused.value.field == "product_id"
    assert list(CompareItem.objects.filter(user=buyer).values_list("pk", "product_id")) == before
    # One already in the basket is still fine when full (idempotent), and freeing a place works.
    assert services.basket_add(basket=basket, product_id=products[0].pk) is False
    services.basket_remove(basket=basket, product_id=products[0].pk)
    assert services.basket_add(basket=basket, product_id=products[-1].pk) is True


def test_the_session_basket_has_the_same_limit():
    session = SessionStore()
    basket = Basket(session=session)
    supplier = SupplierCompanyFactory()
    products = [live(supplier) for _ in range(BASKET_LIMIT + 1)]
    for product in products[:BASKET_LIMIT]:
        services.basket_add(basket=basket, product_id=product.pk)
    with pytest.raises(BusinessError, match="at most 20"):
        services.basket_add(basket=basket, product_id=products[-1].pk)
    assert session[SESSION_KEY] == [p.pk for p in products[:BASKET_LIMIT]]


@pytest.mark.parametrize(
    "status",
    [
        ListingStatus.DRAFT,
        ListingStatus.PENDING,
        ListingStatus.REJECTED,
        ListingStatus.OFFLINE,
        ListingStatus.ARCHIVED,
    ],
)
def test_products_that_are_not_public_are_refused(buyer, status):
    product = live()
    Product.objects.filter(pk=product.pk).update(status=status)
    with pytest.raises(BusinessError) as refused:
        services.basket_add(basket=basket_of(buyer), product_id=product.pk)
    assert refused.value.field == "product_id"
    assert not CompareItem.objects.exists()


def test_never_approved_products_and_inactive_suppliers_are_refused(buyer):
    draft = ProductFactory()  # no published snapshot at all
    Product.objects.filter(pk=draft.pk).update(status=ListingStatus.LIVE)
    closed = live()
    closed.company.is_active = False
    closed.company.save()
    for product in (draft, closed):
        with pytest.raises(BusinessError):
            services.basket_add(basket=basket_of(buyer), product_id=product.pk)
    with pytest.raises(BusinessError):
        services.basket_add(basket=basket_of(buyer), product_id=999999)
    with pytest.raises(BusinessError):
        services.basket_add(basket=basket_of(buyer), product_id="abc")
    assert not CompareItem.objects.exists()


def test_an_edit_waiting_for_review_can_still_be_compared(buyer):
    product = live()
    ls.listing_update(product=product, by=None, title="Flexible LED strip light changed title")
    assert Product.objects.get(pk=product.pk).status == ListingStatus.EDITED
    assert services.basket_add(basket=basket_of(buyer), product_id=product.pk) is True


def test_a_protected_product_only_after_unlocking_it(buyer):
    supplier = SupplierCompanyFactory()
    group = group_services.group_create(company=supplier, name="Prototypes", password="open-sesame")
    product = live(supplier, group=group)
    basket = basket_of(buyer)
    with pytest.raises(BusinessError):
        services.basket_add(basket=basket, product_id=product.pk)
    with pytest.raises(BusinessError):
        services.basket_add(basket=Basket(session=SessionStore()), product_id=product.pk)
    group_services.group_unlock(group=group, user=buyer, password="open-sesame")
    assert services.basket_add(basket=basket, product_id=product.pk) is True
    # A new password ends the access: the product drops out of the basket.
    group_services.group_set_password(group=group, password="another-secret")
    contents = selectors.basket_products(basket)
    assert contents.products == [] and contents.removed == 1


def test_a_product_taken_offline_disappears_and_is_counted(buyer, strips, owner):
    basket = basket_of(buyer)
    for product in strips:
        services.basket_add(basket=basket, product_id=product.pk)
    ls.listing_take_offline(product=strips[0], by=None)
    assert selectors.basket_ids(basket) == [strips[1].pk]
    contents = selectors.basket_products(basket)
    assert [p.pk for p in contents.products] == [strips[1].pk] and contents.removed == 1
    assert services.basket_prune(basket=basket) == 1
    assert list(CompareItem.objects.values_list("product_id", flat=True)) == [strips[1].pk]
    # Back online, it does not come back by itself.
    ls.listing_relist(product=strips[0], by=None)
    assert selectors.basket_ids(basket) == [strips[1].pk]


def test_gone_products_free_their_place_for_new_ones(buyer):
    basket = basket_of(buyer)
    supplier = SupplierCompanyFactory()
    products = [live(supplier) for _ in range(BASKET_LIMIT + 1)]
    for product in products[:BASKET_LIMIT]:
        services.basket_add(basket=basket, product_id=product.pk)
    Product.objects.filter(pk=products[0].pk).update(status=ListingStatus.ARCHIVED)
    assert services.basket_add(basket=basket, product_id=products[-1].pk) is True
    assert CompareItem.objects.filter(user=buyer).count() == BASKET_LIMIT


def test_the_session_basket_merges_into_the_users_on_login(buyer, strips):
    third = live()
    basket = basket_of(buyer)
    services.basket_add(basket=basket, product_id=strips[0].pk)
    session = SessionStore()
    anonymous = Basket(session=session)
    for product in (strips[0], strips[1], third):
        services.basket_add(basket=anonymous, product_id=product.pk)
    Product.objects.filter(pk=third.pk).update(status=ListingStatus.OFFLINE)
    added = services.basket_merge(user=buyer, membership=basket.membership, session=session)
    assert added == 1
    assert selectors.basket_ids(basket) == [strips[0].pk, strips[1].pk]
    assert SESSION_KEY not in session
