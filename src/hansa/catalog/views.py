"""Public category pages: the directory of industries and each category."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from hansa.catalog import selectors


def directory(request: HttpRequest) -> HttpResponse:
    return render(request, "catalog/directory.html", {"industries": selectors.industries()})


def category(request: HttpRequest, code: str) -> HttpResponse:
    node = selectors.category_by_code(code)
    if node is None:
        raise Http404()
    children = (
        node.children.filter(is_active=True).prefetch_related("children").order_by("position")
    )
    from hansa.catalog.views_public import product_card
    from hansa.search.params import SearchParams
    from hansa.search.selectors import search_products

    language = (get_language() or "en").lower()
    found = search_products(
        SearchParams(category=node.code, language=language, per_page=12), log=False, facets=False
    )
    return render(
        request,
        "catalog/category.html",
        {
            "products": [product_card(hit.product, language) for hit in found.hits],
            "products_total": found.total,
            "node": node,
            "crumbs": selectors.breadcrumb(node),
            "children": children,
            "attributes": selectors.template_of(node) if node.is_leaf else [],
        },
    )
