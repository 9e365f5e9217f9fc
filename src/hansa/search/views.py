"""Search pages: products, suppliers, suggestions, result clicks, the ranking explanation."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django_countries import countries

from hansa.catalog.forms import LISTING_LANGUAGES
from hansa.catalog.views_public import product_card
from hansa.companies.choices import BusinessType
from hansa.companies.roles import Perm
from hansa.core.errors import BusinessError
from hansa.core.http import member_required
from hansa.search import explain, selectors, services
from hansa.search.params import SearchParams
from hansa.trade.incoterms import INCOTERMS
from hansa.trade.payments import PAYMENT_METHODS
from hansa.trade.regions import region_name

_HAN = re.compile(r"[\u4e00-\u9fff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
QUERY_LANGUAGES = [code for code, _label in LISTING_LANGUAGES]

FACET_TITLES = {
    "category": _l("Category"),
    "country": _l("Supplier country"),
    "region": _l("Supplier region"),
    "price": _l("Price (USD)"),
    "moq": _l("Minimum order"),
    "certification": _l("Certifications"),
    "verified": _l("Verified supplier"),
    "stars": _l("Stars"),
    "business_type": _l("Business type"),
    "ready_to_ship": _l("Ready to ship"),
    "incoterm": _l("Incoterms"),
    "payment": _l("Payment methods"),
}


def query_language(query: str, chosen: str) -> str:
    """The chosen language, unless the words are plainly Chinese, Japanese or Korean."""
    if chosen in ("zh-hans", "ja", "ko"):
        return chosen
    if _KANA.search(query):
        return "ja"
    if _HANGUL.search(query):
        return "ko"
    if _HAN.search(query):
        return "zh-hans"
    return chosen


def facet_labels() -> dict[str, dict[str, str]]:
    yes_no = {"yes": _("Yes"), "no": _("No")}
    return {
        "country": {code: str(name) for code, name in countries},
        "region": _RegionLabels(),
        "business_type": {c.value: str(c.label) for c in BusinessType},
        "incoterm": {code: f"{code} – {t.name}" for code, t in INCOTERMS.items()},
        "payment": {code: f"{m.short_name} – {m.name}" for code, m in PAYMENT_METHODS.items()},
        "verified": yes_no,
        "ready_to_ship": yes_no,
        "stars": {str(n): _("%(n)s stars and more") % {"n": n} for n in range(1, 7)},
    }


class _RegionLabels(dict):
    def get(self, key: str, default: Any = None) -> Any:
        try:
            return str(region_name(key))
        except Exception:
            return default


def _params(request: HttpRequest) -> SearchParams:
    ui = (get_language() or "en").lower()
    params = SearchParams.parse(request.GET, language=ui)
    return selectors.check_params(
        params.with_(language=query_language(params.q, params.language), page=params.page)
    )


def _query_items(p: SearchParams) -> list[tuple[str, str]]:
    """The search's query string, with the language of its words (``querystring_items`` leaves
    it out): without it a link back to a Spanish search would search in the interface language."""
    return [*p.querystring_items(), ("language", p.language)]


def _facet_links(page: selectors.SearchPage, path: str) -> list[dict[str, Any]]:
    """Each facet option with the address that toggles it (plain links: work without JS)."""
    p = page.params
    groups = []
    # The engine counts a facet with a chosen value separately and lists it last; show the
    # facets in their usual order so that choosing a value does not move its group away.
    order = list(FACET_TITLES)
    for name in sorted(page.facets, key=lambda n: order.index(n) if n in order else len(order)):
        links = []
        for option in page.facets[name]:
            if not _toggles(name, option):
                continue
            links.append(
                {
                    "label": option.label,
                    "count": option.count,
                    "selected": option.selected,
                    "url": path + "?" + urlencode(_query_items(_toggle(p, name, option))),
                }
            )
        if not links:
            continue
        groups.append(
            {
                "name": name,
                "title": FACET_TITLES.get(name, name),
                "options": links,
                "selected": any(link["selected"] for link in links),
            }
        )
    return groups


def _toggles(name: str, option: selectors.FacetOption) -> bool:
    """Whether the option's link does what it says: the flags filter on "yes" only (a "No" link
    would choose "yes"), and "0 stars or more" is no filter at all."""
    if name in ("verified", "ready_to_ship"):
        return option.value == "yes"
    if name == "stars":
        return option.value != "0"
    return True


def _toggle(p: SearchParams, name: str, option: selectors.FacetOption) -> SearchParams:
    from decimal import Decimal

    if name == "category":
        return p.with_(category="" if option.selected else option.value)
    if name in ("price", "moq"):
        if option.selected:
            return p.with_(**{f"{name}_min": None, f"{name}_max": None})
        low, high = option.value.split("-")
        return p.with_(
            **{
                f"{name}_min": Decimal(low) if low else None,
                f"{name}_max": Decimal(high) if high else None,
            }
        )
    if name == "verified":
        return p.with_(verified=not option.selected)
    if name == "ready_to_ship":
        return p.with_(ready_to_ship=not option.selected)
    if name == "stars":
        return p.with_(min_stars=0 if option.selected else int(option.value))
    values = list(getattr(p, name))
    if option.value in values:
        values.remove(option.value)
    else:
        values.append(option.value)
    return p.with_(**{name: tuple(values)})


def _page_links(page: selectors.SearchPage, path: str) -> dict[str, str]:
    p = page.params
    links = {}
    if p.page > 1:
        links["previous"] = path + "?" + urlencode([*_query_items(p), ("page", str(p.page - 1))])
    if p.page < page.pages:
        links["next"] = path + "?" + urlencode([*_query_items(p), ("page", str(p.page + 1))])
    return links


def _active_filters(page: selectors.SearchPage, path: str) -> list[dict[str, str]]:
    chips = []
    for group in _facet_links(page, path):
        for option in group["options"]:
            if option["selected"]:
                chips.append(
                    {"label": f"{group['title']}: {option['label']}", "url": option["url"]}
                )
    return chips


def search(request: HttpRequest) -> HttpResponse:
    """/search/: products, with facets, sorts and pages."""
    error = None
    try:
        params = _params(request)
    except BusinessError as exc:
        error = exc
        params = SearchParams(language=(get_language() or "en").lower())
    page = selectors.search_products(params, labels=facet_labels())
    language = params.language
    results = []
    for hit in page.hits:
        card = product_card(hit.product, language)
        token = services.click_token(page.log_id, hit.position) if page.log_id else ""
        if token:
            card["url"] = "/search/click/?" + urlencode({"t": token, "to": card["url"]})
        results.append({"hit": hit, "card": card})
    path = request.path
    context = {
        "page": page,
        "params": params,
        "search_params": params,
        "results": results,
        "facet_groups": _facet_links(page, path),
        "chips": _active_filters(page, path),
        "links": _page_links(page, path),
        "error": error,
        "query_languages": LISTING_LANGUAGES,
        "sorts": _sorts(),
        "did_you_mean_url": path + "?" + urlencode([("q", page.did_you_mean)])
        if page.did_you_mean
        else "",
        "category_name": selectors.category_name(params.category, language)
        if params.category
        else "",
    }
    template = "search/_results.html" if request.headers.get("HX-Request") else "search/search.html"
    return render(request, template, context, status=400 if error else 200)


def _sorts() -> list[tuple[str, str]]:
    return [
        ("relevance", _("Best match")),
        ("price", _("Price: low to high")),
        ("-price", _("Price: high to low")),
        ("moq", _("Lowest minimum order")),
        ("newest", _("Newest")),
        ("response", _("Response rate")),
    ]


def suppliers(request: HttpRequest) -> HttpResponse:
    """/search/suppliers/: companies by name, main products and description."""
    error = None
    try:
        params = _params(request)
    except BusinessError as exc:
        error = exc
        params = SearchParams()
    page = selectors.search_suppliers(params, labels=facet_labels())
    path = request.path
    return render(
        request,
        "search/suppliers.html",
        {
            "page": page,
            "params": params,
            "facet_groups": _facet_links(page, path),
            "chips": _active_filters(page, path),
            "links": _page_links(page, path),
            "error": error,
        },
        status=400 if error else 200,
    )


def suggest(request: HttpRequest) -> HttpResponse:
    """Autocomplete list under the search box (htmx)."""
    q = request.GET.get("q", "")[:100]
    language = query_language(q, (get_language() or "en").lower())
    items = selectors.suggest(q, language) if len(q.strip()) >= 2 else []
    return render(request, "search/_suggest.html", {"items": items, "q": q})


def click(request: HttpRequest) -> HttpResponse:
    """Record the clicked position (anonymised) and go to the product."""
    target = request.GET.get("to", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    services.query_log_click(request.GET.get("t", ""))
    return HttpResponseRedirect(target)


@member_required(Perm.MANAGE_LISTINGS)
def ranking(request: HttpRequest) -> HttpResponse:
    """A supplier picks a query and sees where each of its products ranks, and why."""
    if not request.membership.company.is_supplier:
        raise Http404()
    q = request.GET.get("q", "").strip()[:200]
    language = query_language(q, request.GET.get("language") or "en")
    report = None
    if q:
        report = explain.rank_report(membership=request.membership, query=q, language=language)
    return render(
        request,
        "search/ranking.html",
        {
            "q": q,
            "language": language,
            "query_languages": LISTING_LANGUAGES,
            "report": report,
            "popular": explain.popular_queries_for(request.membership.company),
        },
    )
