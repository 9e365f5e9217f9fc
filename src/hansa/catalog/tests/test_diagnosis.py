from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from hansa.catalog import listing_services as ls
from hansa.catalog import views_diagnosis
from hansa.catalog.models import ListingStatus, Product
from hansa.catalog.tests.factories import strip_category, valid_strip_attributes
from hansa.companies.models import Membership
from hansa.companies.roles import Role
from hansa.companies.tests.factories import MembershipFactory
from hansa.conftest import client_for

pytestmark = pytest.mark.django_db
URL = reverse("catalog:diagnosis")


def listing(user, title: str, **fields) -> Product:
    product = ls.listing_create(
        membership=Membership.objects.get(user=user),
        category=strip_category(),
        title=title,
        attributes=valid_strip_attributes(),
        price_min="1.20",
        moq=100,
        **fields,
    )
    return Product.objects.get(pk=product.pk)


@pytest.fixture
def ours(supplier, owner, sales_rep):
    return {
        "owner": listing(owner, "Owner's flexible LED strip 5050"),
        "rep": listing(sales_rep, "Rep's waterproof neon LED rope"),
    }


@pytest.fixture
def theirs(other_company, other_owner):
    return listing(other_owner, "Their secret aluminium LED profile")


def page(user) -> str:
    response = client_for(user).get(URL)
    assert response.status_code == 200
    return response.content.decode()


def test_the_owner_sees_every_listing_of_the_company_and_nothing_else(ours, theirs, owner):
    html = page(owner)
    assert "Owner&#x27;s flexible LED strip" in html and "Rep&#x27;s waterproof neon" in html
    assert "Their secret" not in html


def test_a_sales_rep_sees_only_their_own_listings(ours, theirs, sales_rep):
    html = page(sales_rep)
    assert "Rep&#x27;s waterproof neon" in html
    assert "Owner&#x27;s flexible" not in html and "Their secret" not in html


def test_another_companys_member_sees_nothing_of_ours(ours, theirs, other_owner):
    html = page(other_owner)
    assert "Their secret" in html
    assert "Owner&#x27;s" not in html and "Rep&#x27;s" not in html


def test_buyers_and_anonymous_visitors_are_kept_out(ours, buyer, buyer_company):
    staff = MembershipFactory(company=buyer_company, role=Role.BUYER_STAFF).user
    assert client_for(staff).get(URL).status_code == 403
    assert client_for(buyer).get(URL).status_code == 404  # a buyer company has no listings
    response = client_for(None).get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_boards_with_later_data_say_no_data_yet(ours, owner):
    html = page(owner)
    for board in ("board-advantage", "board-supplier", "board-trade"):
        section = re.search(rf'<section[^>]*id="{board}".*?</section>', html, re.S).group(0)
        assert "No data yet" in section, board
    trade = re.search(r'<section[^>]*id="board-trade".*?</section>', html, re.S).group(0)
    assert 'class="big"' not in trade  # an honest empty state, no invented figure
    assert "assured orders are available" in trade


def test_the_score_chart_is_server_drawn_svg_without_inline_style(ours, owner):
    html = page(owner)
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    assert svg.count("<rect") == 5
    assert "style=" not in html and "<script>" not in html.replace('type="application/ld+json"', "")
    chart = views_diagnosis.score_chart([Decimal("0.4"), Decimal("1.2"), Decimal("5.0")])
    assert [b["count"] for b in chart["bars"]] == [1, 1, 0, 0, 1]


def test_lowest_listings_come_with_their_top_advice(ours, owner):
    html = page(owner)
    assert "Lowest scores" in html
    assert "Add at least 3 photos" in html or "Fill in" in html


def test_problem_products_with_a_move_link_to_the_suggested_category(ours, owner):
    product = ours["owner"]
    Product.objects.filter(pk=product.pk).update(
        problems={
            "suggested_category": {
                "code": "led-bulbs",
                "name": "LED Bulbs",
                "probability": 0.91,
                "current_probability": 0.0,
            },
            "keyword_stuffing": {"repeated": {"led": 4}},
            "duplicate_of": ours["rep"].pk,
            "duplicate_evidence": {"title": ours["rep"].title, "images": [], "title_similarity": 1},
        },
        rejection_reasons={"images": "Show the product, not a logo"},
        status=ListingStatus.REJECTED,
        auto_flags=[{"field": "title", "code": "shouting", "message": "Mostly capitals."}],
    )
    html = page(owner)
    move = reverse("catalog:product_category", args=[product.pk]) + "?category=led-bulbs"
    assert f'href="{move}"' in html
    assert "91% likely" in html
    assert "“led” ×4" in html
    assert "repeats your earlier listing" in html
    assert "Show the product, not a logo" in html
    assert "Mostly capitals." in html


def test_advantage_products_are_live_high_scoring_and_clean(ours, owner):
    good, flawed = ours["owner"], ours["rep"]
    for product in (good, flawed):
        Product.objects.filter(pk=product.pk).update(
            status=ListingStatus.LIVE,
            published={"title": product.title},
            published_at=timezone.now(),
            quality_score=Decimal("4.60"),
        )
    Product.objects.filter(pk=flawed.pk).update(problems={"keyword_stuffing": {"x": 1}})
    html = page(owner)
    board = re.search(r'<section[^>]*id="board-advantage".*?</section>', html, re.S).group(0)
    assert "Owner&#x27;s flexible" in board and "Rep&#x27;s" not in board


def test_keyword_health_counts_shared_keywords(supplier, owner):
    listing(owner, "Flexible LED strip light one", keywords=["led strip", "rgb tape"])
    listing(owner, "Flexible LED strip light two", keywords=["LED strip", "strips led"])
    listing(owner, "Neon rope without keywords")
    html = page(owner)
    board = re.search(r'<section[^>]*id="board-keywords".*?</section>', html, re.S).group(0)
    row = re.search(r">led strip</a></td>(.*?)</tr>", board, re.S).group(1)
    assert re.findall(r'<td class="num">([^<]*)</td>', row) == ["0", "–", "–", "2"]
    assert "compete with each other" in board
    assert "“led strip”, “strips led”" in board  # the same words in another order
    assert "1 listing has no keywords." in board


def test_keyword_health_shows_buyers_searches_from_the_query_log(ours, owner):
    from hansa.search.models import QueryLog

    listing(owner, "Flexible LED strip light one", keywords=["led strip"])
    QueryLog.objects.create(query="led strip 12v", language="en", result_count=40)
    QueryLog.objects.create(
        query="waterproof led strip", language="en", result_count=20, clicked_positions=[3]
    )
    QueryLog.objects.create(query="sledge", language="en", result_count=5)  # not "led"
    board = re.search(r'<section[^>]*id="board-keywords".*?</section>', page(owner), re.S).group(0)
    row = re.search(r">led strip</a></td>(.*?)</tr>", board, re.S).group(1)
    assert re.findall(r'<td class="num">([^<]*)</td>', row)[:3] == ["2", "30", "50 %"]
