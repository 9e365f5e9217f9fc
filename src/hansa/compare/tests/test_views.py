"""The comparison page, the add / remove / clear actions (plain and htmx), the header counter,
the button on the product page, and the anonymous basket following the visitor on login."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from hansa.catalog import listing_services as ls
from hansa.catalog.models import ListingStatus, Product
from hansa.companies.roles import Role
from hansa.companies.tests.factories import PASSWORD, MembershipFactory
from hansa.compare.basket import SESSION_KEY
from hansa.compare.models import CompareItem
from hansa.compare.tests.conftest import publish
from hansa.conftest import client_for

pytestmark = pytest.mark.django_db
PAGE = "/compare/"
HTMX = {"HTTP_HX_REQUEST": "true"}


def add(client: Client, product: Product, **extra):
    return client.post("/compare/add/", {"product": product.pk, "next": "/somewhere/"}, **extra)


def test_urls_are_where_the_brief_says():
    assert reverse("compare:page") == PAGE
    assert reverse("compare:add") == "/compare/add/"
    assert reverse("compare:remove") == "/compare/remove/"


def test_an_empty_basket_explains_what_to_do():
    response = Client().get(PAGE)
    html = response.content.decode()
    assert response.status_code == 200 and "Your comparison basket is empty." in html
    assert "Compare (0)" in html and response["Cache-Control"] == "private, no-store"


def test_a_visitor_adds_products_and_sees_them_side_by_side(strips):
    client = Client()
    response = add(client, strips[0])
    assert response.status_code == 302 and response["Location"] == "/somewhere/"
    add(client, strips[1])
    assert client.session[SESSION_KEY] == [strips[0].pk, strips[1].pk]
    html = client.get(PAGE).content.decode()
    for product in strips:
        assert product.published["title"] in html and product.company.name in html
        assert f'value="{product.pk}" form="compare-inquiry"' in html
    assert "Compare (2)" in html
    assert (
        'id="compare-inquiry"' in html
        and "Send an inquiry to the suppliers of the selected products" in html
    )
    assert "Added to your comparison basket (2/20)." in html
    assert "Price and order" in html and "Minimum order" in html and "Response rate" in html
    assert "No inquiries yet" in html


def test_a_non_public_product_is_refused_with_a_message(strips):
    Product.objects.filter(pk=strips[0].pk).update(status=ListingStatus.OFFLINE)
    client = Client()
    response = add(client, strips[0], follow=True)
    assert "This product is not available for comparison." in response.content.decode()
    assert SESSION_KEY not in client.session


def test_htmx_answers_with_the_button_and_the_counter_out_of_band(strips, buyer):
    client = client_for(buyer)
    response = add(client, strips[0], **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="compare-btn-{strips[0].pk}"' in html and "In comparison (1/20)" in html
    assert 'id="compare-count"' in html and 'hx-swap-oob="true"' in html and "Compare (1)" in html
    response = client.post("/compare/remove/", {"product": strips[0].pk}, **HTMX)
    html = response.content.decode()
    assert "Add to compare" in html and "Compare (0)" in html
    assert not CompareItem.objects.exists()
    Product.objects.filter(pk=strips[1].pk).update(status=ListingStatus.ARCHIVED)
    html = add(client, strips[1], **HTMX).content.decode()
    assert 'role="alert"' in html and "not available for comparison" in html


def test_the_product_page_has_a_working_compare_button(strips, buyer):
    client = client_for(buyer)
    url = strips[0].get_absolute_url()
    html = client.get(url).content.decode()
    assert 'action="/compare/add/"' in html and "Add to compare" in html
    assert "Inquiries are coming soon." not in html and "Contact supplier" in html
    add(client, strips[0])
    html = client.get(url).content.decode()
    assert "In comparison (1/20)" in html and 'action="/compare/remove/"' in html


def test_remove_and_clear_from_the_page(strips, buyer):
    client = client_for(buyer)
    for product in strips:
        add(client, product)
    response = client.post("/compare/remove/", {"product": strips[0].pk}, follow=True)
    assert "Removed from your comparison basket." in response.content.decode()
    assert list(CompareItem.objects.values_list("product_id", flat=True)) == [strips[1].pk]
    response = client.post("/compare/clear/", follow=True)
    html = response.content.decode()
    assert "Removed 1 product from your comparison basket." in html
    assert "Your comparison basket is empty." in html and not CompareItem.objects.exists()


def test_actions_are_post_only_and_csrf_protected(strips, buyer):
    assert Client().get("/compare/add/").status_code == 405
    client = Client(enforce_csrf_checks=True)
    client.force_login(buyer)
    assert add(client, strips[0]).status_code == 403
    assert not CompareItem.objects.exists()


def test_an_unsafe_next_is_ignored(strips):
    response = Client().post(
        "/compare/add/", {"product": strips[0].pk, "next": "https://evil.example/"}
    )
    assert response["Location"] == PAGE


def test_only_differences_hides_equal_rows_on_the_page(strips, buyer):
    client = client_for(buyer)
    for product in strips:
        add(client, product)
    full = client.get(PAGE).content.decode()
    diff = client.get(PAGE + "?diff=1").content.decode()
    assert '<th scope="row">Minimum order</th>' in full
    assert '<th scope="row">Minimum order</th>' not in diff
    assert '<th scope="row">Company</th>' in diff
    assert 'aria-checked="true"' in diff and "are hidden" in diff


def test_the_page_says_how_many_products_dropped_out(strips, buyer, owner):
    client = client_for(buyer)
    for product in strips:
        add(client, product)
    ls.listing_take_offline(product=strips[0], by=None)
    html = client.get(PAGE).content.decode()
    assert "1 product was removed from your basket" in html
    assert strips[0].published["title"] not in html and strips[1].published["title"] in html
    # Said once: the basket no longer holds it.
    assert "was removed" not in client.get(PAGE).content.decode()


def test_the_page_shows_the_approved_version_not_a_waiting_edit(strips, buyer):
    client = client_for(buyer)
    add(client, strips[0])
    ls.listing_update(product=strips[0], by=None, title="Unapproved title waiting for review")
    html = client.get(PAGE).content.decode()
    assert strips[0].published["title"] in html and "Unapproved title" not in html


def test_the_page_speaks_chinese(strips, buyer):
    ls.listing_set_translation(
        product=strips[0], by=None, language="zh-hans", title="柔性LED灯带 5050 RGB"
    )
    publish(strips[0])
    client = client_for(buyer)
    add(client, strips[0])
    html = client.get(PAGE, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "柔性LED灯带 5050 RGB" in html and 'lang="zh-hans"' in html


def test_the_visitors_basket_joins_their_own_when_they_sign_in(strips, buyer):
    client = Client()
    client_for(buyer).post("/compare/add/", {"product": strips[0].pk})
    add(client, strips[0])
    add(client, strips[1])
    response = client.post("/accounts/login/", {"login": buyer.email, "password": PASSWORD})
    assert response.status_code == 302
    assert list(CompareItem.objects.filter(user=buyer).values_list("product_id", flat=True)) == [
        strips[0].pk,
        strips[1].pk,
    ]
    assert SESSION_KEY not in client.session
    assert "Compare (2)" in client.get(PAGE).content.decode()
    # Signed out, the basket stays with the account, not in the browser.
    client.post("/accounts/logout/")
    assert "Compare (0)" in client.get(PAGE).content.decode()
    assert CompareItem.objects.filter(user=buyer).count() == 2


def test_the_basket_is_personal_even_within_a_company(strips, buyer, buyer_company):
    colleague = MembershipFactory(company=buyer_company, role=Role.BUYER_STAFF).user
    add(client_for(buyer), strips[0])
    html = client_for(colleague).get(PAGE).content.decode()
    assert "Your comparison basket is empty." in html and "Compare (0)" in html
    # Removing "it" as the colleague does nothing to the buyer's basket.
    client_for(colleague).post("/compare/clear/")
    client_for(colleague).post("/compare/remove/", {"product": strips[0].pk})
    assert CompareItem.objects.filter(user=buyer).count() == 1
