"""Search pages and endpoints, and the supplier's ranking explanation (who may see what)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from hansa.api.services import api_token_create
from hansa.catalog.tests.factories import LiveProductFactory
from hansa.companies.choices import VerificationStatus
from hansa.companies.models import Membership
from hansa.companies.tests.factories import SupplierCompanyFactory
from hansa.conftest import client_for
from hansa.search.explain import rank_report
from hansa.search.models import QueryLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog(search_index, supplier, owner, sales_rep):
    """Ten strong rivals and the supplier's own listings for "solar panel"."""
    rivals = [SupplierCompanyFactory(country=c) for c in ("CN", "VN", "IN", "TR", "DE")]
    for i in range(10):
        LiveProductFactory(
            title=f"Solar panel monocrystalline {400 + i} W for home roofs",
            company=rivals[i % 5],
            quality_score=Decimal("4.5"),
            certifications=["CE"] if i % 2 else ["TUV"],
        )
    mine = LiveProductFactory(
        title="Solar panel polycrystalline 300 W for farm roofs",
        company=supplier,
        owner=owner,
        quality_score=Decimal("1.0"),
    )
    reps = LiveProductFactory(
        title="Solar lantern", company=supplier, owner=sales_rep, quality_score=Decimal("3")
    )
    LiveProductFactory(title="Garden chair", company=supplier, owner=owner)
    search_index.drain()
    return {"mine": mine, "reps": reps}


def test_the_search_page_shows_results_facets_and_pages(catalog, client):
    response = client.get("/search/", {"q": "solar panel", "per_page": 5})
    assert response.status_code == 200
    html = response.content.decode()
    assert "11 products for “solar panel”" in html
    assert "Supplier country" in html and "Vietnam" in html
    assert 'rel="next"' in html
    assert "<b>Solar</b>" in html or "<b>solar</b>" in html.lower()
    # A facet link narrows; the chip removes the filter again.
    narrowed = client.get("/search/", {"q": "solar panel", "country": "VN"})
    assert "2 products for" in narrowed.content.decode()
    assert "Supplier country: Vietnam" in narrowed.content.decode()


def test_htmx_gets_only_the_results_fragment(catalog, client):
    response = client.get("/search/", {"q": "solar"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert b"<html" not in response.content and b"result-list" in response.content


def test_bad_search_input_is_a_clear_400(catalog, client):
    response = client.get("/search/", {"q": "solar", "price_min": "cheap"})
    assert response.status_code == 400
    assert "Enter a number." in response.content.decode()
    response = client.get("/api/v1/search/products", {"q": "solar", "sort": "random"})
    assert response.status_code == 400
    assert response.json() == {"message": "Choose a sort order from the list.", "field": "sort"}
    response = client.get("/api/v1/search/products", {"category": "nope"})
    assert response.status_code == 400 and response.json()["field"] == "category"


def test_results_link_through_the_click_logger(catalog, client):
    response = client.get("/search/", {"q": "garden chair"})
    html = response.content.decode()
    start = html.index("/search/click/?")
    link = html[start : html.index('"', start)].replace("&amp;", "&")
    assert client.get(link).status_code == 302
    assert QueryLog.objects.get(query="garden chair").clicked_positions == [1]
    # The click logger does not send anyone to another site.
    assert (
        client.get("/search/click/", {"t": "x", "to": "https://evil.example/"})["Location"] == "/"
    )


def test_suggest_and_supplier_pages(catalog, client):
    response = client.get("/search/suggest/", {"q": "sola"})
    assert "solar" in response.content.decode()
    response = client.get("/search/suppliers/", {"q": "company"})
    assert response.status_code == 200
    assert "suppliers" in response.content.decode()


def test_the_api_answers_like_the_page(catalog, client):
    data = client.get(
        "/api/v1/search/products",
        {"q": "solar panel", "certification": "CE", "sort": "price", "per_page": 3},
    ).json()
    assert data["total"] == 5 and len(data["hits"]) == 3 and data["pages"] == 2
    assert all(h["title"].startswith("Solar panel") for h in data["hits"])
    assert {o["value"] for o in data["facets"]["certification"]} == {"CE", "TUV"}
    hit = data["hits"][0]
    assert set(hit) >= {"position", "slug", "url", "title_html", "company", "price_min", "currency"}
    assert client.get("/api/v1/search/suggest", {"q": "sol"}).json()
    suppliers = client.get("/api/v1/search/suppliers", {"country": ["VN", "TR"]}).json()
    assert suppliers["total"] == 2


def test_the_supplier_sees_its_product_rank_11th_and_why(catalog, owner):
    client = client_for(owner)
    response = client.get("/workspace/search/ranking/", {"q": "solar panel"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "#11" in html
    assert "What to fix first" in html and "Listing quality" in html
    report = rank_report(
        membership=Membership.objects.get(user=owner), query="solar panel", language="en"
    )
    mine = next(r for r in report.products if r.product.pk == catalog["mine"].pk)
    assert mine.position == 11
    assert mine.fixes[0].factor in ("quality", "verified")
    assert mine.fixes[0].new_position < 11
    assert abs(mine.relevance * mine.multiplier - mine.score) < 1e-3
    assert mine.fields["t"] > 0 and mine.fields["d"] == 0  # matched in the title only
    assert sorted(u["title"] for u in report.unmatched) == ["Garden chair", "Solar lantern"]


def test_a_better_listing_ranks_higher_after_the_fix(catalog, owner, search_index):
    mine = catalog["mine"]
    mine.quality_score = Decimal("5")
    mine.company.verification_status = VerificationStatus.VERIFIED
    mine.company.star_rating = 6
    mine.company.save()
    mine.save()
    search_index.drain()
    report = rank_report(
        membership=Membership.objects.get(user=owner), query="solar panel", language="en"
    )
    assert next(r for r in report.products if r.product.pk == mine.pk).position < 11


def test_a_sales_rep_sees_only_its_own_listings_ranked(catalog, sales_rep):
    response = client_for(sales_rep).get("/workspace/search/ranking/", {"q": "solar"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Solar lantern" in html and "polycrystalline" not in html


def test_the_ranking_explanation_is_for_suppliers_only(catalog, buyer, other_owner, client):
    assert client.get("/workspace/search/ranking/", {"q": "solar"}).status_code == 302
    assert client_for(buyer).get("/workspace/search/ranking/", {"q": "solar"}).status_code in (
        403,
        404,
    )
    # Another supplier sees its own (none), never this supplier's listings.
    html = client_for(other_owner).get("/workspace/search/ranking/", {"q": "solar"}).content
    assert b"Solar lantern" not in html and b"rank-card" not in html
    api = client.get("/api/v1/search/ranking", {"q": "solar"})
    assert api.status_code == 401


def test_the_ranking_api_with_a_token(catalog, owner):
    _token, raw = api_token_create(membership=Membership.objects.get(user=owner), name="ERP")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    data = client.get("/api/v1/search/ranking", {"q": "solar panel"}).json()
    positions = {p["slug"]: p["position"] for p in data["products"]}
    assert positions[catalog["mine"].slug] == 11
    assert {f["name"] for f in data["products"][0]["factors"]} >= {"quality", "verified"}


def test_products_ranked_below_the_depth_are_told_apart_from_non_matches(
    catalog, owner, monkeypatch
):
    from hansa.search import explain

    monkeypatch.setattr(explain, "DEPTH", 5)
    report = rank_report(
        membership=Membership.objects.get(user=owner), query="solar panel", language="en"
    )
    assert [u["product"].pk for u in report.below] == [catalog["mine"].pk]
    assert sorted(u["title"] for u in report.unmatched) == ["Garden chair", "Solar lantern"]
    html = client_for(owner).get("/workspace/search/ranking/", {"q": "solar panel"}).content
    assert b"Ranked below 1,000" in html
