"""Search over the API: the same selectors as the pages (``selectors.search_products``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import get_language
from ninja import Query, Router, Schema

from hansa.api.common import ERRORS, member
from hansa.catalog.snapshot import localized
from hansa.companies.roles import Perm
from hansa.core.errors import NotFound
from hansa.search import explain, selectors
from hansa.search.params import SearchParams
from hansa.search.views import facet_labels, query_language

router = Router(tags=["search"], auth=None)
ranking_router = Router(tags=["search"])


class FacetOptionOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class CompanyBrief(Schema):
    slug: str
    name: str
    country: str
    verified: bool
    stars: int


class ProductHitOut(Schema):
    position: int
    id: int
    slug: str
    url: str
    title: str
    title_html: str
    snippet_html: str
    currency: str
    price_min: str | None
    price_max: str | None
    moq: str | None
    unit: str
    image: str | None
    company: CompanyBrief


class SearchOut(Schema):
    total: int
    page: int
    pages: int
    per_page: int
    language: str
    took_ms: float
    fuzzy: bool
    relaxed: bool
    did_you_mean: str
    facets_approximate: bool
    hits: list[ProductHitOut]
    facets: dict[str, list[FacetOptionOut]]


class SupplierHitOut(CompanyBrief):
    position: int
    url: str
    business_types: list[str]
    main_products: list[str]


class SupplierSearchOut(Schema):
    total: int
    page: int
    pages: int
    hits: list[SupplierHitOut]
    facets: dict[str, list[FacetOptionOut]]


def _params(request: HttpRequest) -> SearchParams:
    params = SearchParams.parse(request.GET, language=(get_language() or "en").lower())
    return selectors.check_params(
        params.with_(language=query_language(params.q, params.language), page=params.page)
    )


def _company(c: Any) -> dict[str, Any]:
    return {
        "slug": c.slug,
        "name": c.name,
        "country": str(c.country or ""),
        "verified": c.verification_status == "verified",
        "stars": c.star_rating,
    }


def _facets(page: selectors.SearchPage) -> dict[str, list[dict[str, Any]]]:
    return {
        name: [
            {"value": o.value, "label": str(o.label), "count": o.count, "selected": o.selected}
            for o in options
        ]
        for name, options in page.facets.items()
    }


@router.get(
    "/products",
    response={200: SearchOut, **ERRORS},
    summary="Search public listings: words, filters (repeat a parameter for several values), "
    "sort, page; facets with counts",
)
def search_products(
    request: HttpRequest,
    q: str = "",
    language: str = "",
    category: str = "",
    country: list[str] = Query([]),  # noqa: B008 - ninja's way to declare a repeated parameter
    region: list[str] = Query([]),  # noqa: B008
    certification: list[str] = Query([]),  # noqa: B008
    business_type: list[str] = Query([]),  # noqa: B008
    incoterm: list[str] = Query([]),  # noqa: B008
    payment: list[str] = Query([]),  # noqa: B008
    verified: bool = False,
    min_stars: int = 0,
    ready_to_ship: bool = False,
    price_min: str = "",
    price_max: str = "",
    moq_min: str = "",
    moq_max: str = "",
    sort: str = "relevance",
    page: int = 1,
    per_page: int = 20,
) -> dict[str, Any]:
    # The declared parameters document the endpoint; SearchParams.parse reads and checks them
    # (the same parser as the page), so both answer bad input with the same message.
    params = _params(request)
    result = selectors.search_products(params, labels=facet_labels())
    hits = []
    for hit in result.hits:
        product = hit.product
        snap = product.published or {}
        images = snap.get("images") or []
        hits.append(
            {
                "position": hit.position,
                "id": product.pk,
                "slug": product.slug,
                "url": product.get_absolute_url(),
                "title": localized(snap, params.language)["title"],
                "title_html": hit.title_html,
                "snippet_html": hit.snippet_html,
                "currency": snap.get("currency", ""),
                "price_min": snap.get("price_min"),
                "price_max": snap.get("price_max"),
                "moq": snap.get("moq"),
                "unit": snap.get("unit", ""),
                "image": f"/media/{images[0]['thumbnail']}" if images else None,
                "company": _company(product.company),
            }
        )
    return {
        "total": result.total,
        "page": params.page,
        "pages": result.pages,
        "per_page": params.per_page,
        "language": params.language,
        "took_ms": round(result.took_ms, 2),
        "fuzzy": result.fuzzy,
        "relaxed": result.relaxed,
        "did_you_mean": result.did_you_mean,
        "facets_approximate": result.facets_approximate,
        "hits": hits,
        "facets": _facets(result),
    }


@router.get("/suppliers", response={200: SupplierSearchOut, **ERRORS}, summary="Search suppliers")
def search_suppliers(request: HttpRequest, q: str = "", page: int = 1) -> dict[str, Any]:
    params = _params(request)
    result = selectors.search_suppliers(params, labels=facet_labels())
    return {
        "total": result.total,
        "page": params.page,
        "pages": result.pages,
        "hits": [
            {
                **_company(hit.company),
                "position": hit.position,
                "url": hit.company.get_absolute_url(),
                "business_types": list(hit.company.business_types or []),
                "main_products": list(hit.company.main_products or []),
            }
            for hit in result.hits
        ],
        "facets": _facets(result),
    }


@router.get("/suggest", response=list[str], summary="Autocomplete: popular queries and titles")
def suggest(request: HttpRequest, q: str = "") -> list[str]:
    return selectors.suggest(q[:100], query_language(q, (get_language() or "en").lower()))


class FactorOut(Schema):
    name: str
    value: float
    weight: float
    contribution: float


class FixOut(Schema):
    factor: str
    advice: str
    new_position: int
    details: list[str]


class ProductRankOut(Schema):
    id: int
    slug: str
    title: str
    position: int | None
    score: float
    relevance: float
    multiplier: float
    penalty: float
    relevance_by_field: dict[str, float]
    factors: list[FactorOut]
    missing_words: list[str]
    fixes: list[FixOut]


class RankReportOut(Schema):
    query: str
    language: str
    total: int
    first_score: float
    page_one_score: float
    max_multiplier: float
    products: list[ProductRankOut]
    unmatched: list[str]
    below: list[str]


@ranking_router.get(
    "",
    response={200: RankReportOut, **ERRORS},
    summary="Where each of your products ranks for a query, factor by factor, and what to fix",
)
def ranking(request: HttpRequest, q: str, language: str = "en") -> dict[str, Any]:
    membership = member(request, Perm.MANAGE_LISTINGS)
    if not membership.company.is_supplier:
        raise NotFound()
    report = explain.rank_report(
        membership=membership, query=q[:200], language=query_language(q, language)
    )
    return {
        "query": report.query,
        "language": report.language,
        "total": report.total,
        "first_score": report.first_score,
        "page_one_score": report.page_one_score,
        "max_multiplier": report.max_multiplier,
        "products": [
            {
                "id": r.product.pk,
                "slug": r.product.slug,
                "title": r.title,
                "position": r.position,
                "score": r.score,
                "relevance": r.relevance,
                "multiplier": r.multiplier,
                "penalty": r.signals.penalty,
                "relevance_by_field": r.fields,
                "factors": r.factor_rows(),
                "missing_words": r.missing_words,
                "fixes": [
                    {
                        "factor": f.factor,
                        "advice": f.advice,
                        "new_position": f.new_position,
                        "details": f.details,
                    }
                    for f in r.fixes
                ],
            }
            for r in report.products
        ],
        "unmatched": [u["product"].slug for u in report.unmatched],
        "below": [u["product"].slug for u in report.below],
    }
