"""Public category pages: the directory of industries and each category."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

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
    return render(
        request,
        "catalog/category.html",
        {
            "node": node,
            "crumbs": selectors.breadcrumb(node),
            "children": children,
            "attributes": selectors.template_of(node) if node.is_leaf else [],
        },
    )
