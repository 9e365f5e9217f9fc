"""Sitemaps for outside search engines: an index, one sitemap per UI language, and robots.txt.

Each language's sitemap lists the public company pages and the public product pages (only what
``listing_selectors.public_products()`` returns, so drafts, listings waiting for review, rejected,
offline and archived ones and those in password-protected groups never appear). Every entry
carries ``<xhtml:link rel="alternate" hreflang=...>`` links to the same page in each language and
an ``x-default``. The UI language of a page is chosen with ``?lang=<code>``; the default
language (``LANGUAGE_CODE``) has the plain address.

Absolute addresses use the host of the request (checked against ALLOWED_HOSTS), like the
structured data in ``seo.py``, so no Site row has to be kept in step with the domain.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.db.models import Max, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.http import http_date
from django.views.decorators.http import require_GET

from hansa.catalog.listing_selectors import public_products
from hansa.companies.models import Company

PLACEHOLDER = "__slug__"
ROBOTS_DISALLOW = ("/workspace/", "/ops/", "/admin/", "/api/")


def languages() -> list[str]:
    """The UI languages (``settings.LANGUAGES``), each with its own sitemap."""
    return [code for code, _name in settings.LANGUAGES]


def hreflang(language: str) -> str:
    """BCP 47 as search engines write it: ``zh-hans`` -> ``zh-Hans``."""
    parts = language.split("-")
    return "-".join([parts[0], *(p.title() if len(p) == 4 else p.upper() for p in parts[1:])])


def localized_path(path: str, language: str) -> str:
    if language == settings.LANGUAGE_CODE:
        return path
    return f"{path}{'&' if '?' in path else '?'}lang={language}"


def _path_pattern(route: str, fallback: str) -> str:
    try:
        return reverse(route, args=[PLACEHOLDER])
    except NoReverseMatch:  # the page's route is not installed (yet)
        return fallback


@dataclass(frozen=True, slots=True)
class Entry:
    path: str
    lastmod: datetime | None
    changefreq: str
    priority: str


class _Entries(Sequence[Entry]):
    """Company pages, then product pages, read a page at a time (a catalogue may be large)."""

    def __init__(self, companies: QuerySet[Company], products: QuerySet[Any]) -> None:
        self.companies = companies.order_by("pk").values_list("slug", "updated_at")
        self.products = products.order_by("pk").values_list("slug", "published_at")
        self.company_path = _path_pattern("companies:public", f"/companies/{PLACEHOLDER}/")
        self.product_path = _path_pattern("catalog:product", f"/products/{PLACEHOLDER}/")
        self._counts: tuple[int, int] | None = None

    def _sizes(self) -> tuple[int, int]:
        if self._counts is None:
            self._counts = (self.companies.count(), self.products.count())
        return self._counts

    def count(self) -> int:
        return sum(self._sizes())

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: Any) -> Any:
        if not isinstance(index, slice):
            found = self[index : index + 1]
            if not found:
                raise IndexError(index)
            return found[0]
        start, stop, _step = index.indices(len(self))
        n_companies, _n_products = self._sizes()
        out: list[Entry] = []
        if start < n_companies:
            rows = self.companies[start : min(stop, n_companies)]
            out += [
                Entry(self.company_path.replace(PLACEHOLDER, slug), when, "weekly", "0.6")
                for slug, when in rows
            ]
        if stop > n_companies:
            rows = self.products[max(0, start - n_companies) : stop - n_companies]
            out += [
                Entry(self.product_path.replace(PLACEHOLDER, slug), when, "weekly", "0.8")
                for slug, when in rows
            ]
        return out


class LanguageSitemap(Sitemap):
    """Every public page in one UI language, with its alternates in the others."""

    def __init__(self, language: str, domain: str) -> None:
        self.language = language
        self.domain = domain

    def items(self) -> _Entries:
        return _Entries(Company.objects.filter(is_active=True), public_products())

    def location(self, item: Entry) -> str:
        return localized_path(item.path, self.language)

    def lastmod(self, item: Entry) -> datetime | None:
        return item.lastmod

    def changefreq(self, item: Entry) -> str:
        return item.changefreq

    def priority(self, item: Entry) -> str:
        return item.priority

    def get_domain(self, site: Any = None) -> str:
        return self.domain

    def get_latest_lastmod(self) -> datetime | None:
        dates = [
            Company.objects.filter(is_active=True).aggregate(m=Max("updated_at"))["m"],
            public_products().aggregate(m=Max("published_at"))["m"],
        ]
        found = [d for d in dates if d is not None]
        return max(found) if found else None

    def get_urls(self, page: Any = 1, site: Any = None, protocol: str | None = None) -> list:
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        base = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for url in urls:
            path = url["item"].path
            url["alternates"] = [
                {"location": base + localized_path(path, code), "lang_code": hreflang(code)}
                for code in languages()
            ] + [{"location": base + path, "lang_code": "x-default"}]
        return urls


def _sitemaps(request: HttpRequest) -> dict[str, LanguageSitemap]:
    host = request.get_host()
    return {code: LanguageSitemap(code, host) for code in languages()}


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The sitemap index: each language's sitemap and, past 50,000 addresses, its pages."""
    sitemaps = _sitemaps(request)
    latest = next(iter(sitemaps.values())).get_latest_lastmod()  # the same pages in each
    entries = []
    for code, site in sitemaps.items():
        location = request.build_absolute_uri(reverse("seo:sitemap", args=[code]))
        for page in range(1, site.paginator.num_pages + 1):
            entries.append(
                {"location": location + (f"?p={page}" if page > 1 else ""), "last_mod": latest}
            )
    headers = {"Last-Modified": http_date(latest.timestamp())} if latest else None
    response = TemplateResponse(
        request,
        "sitemap_index.xml",
        {"sitemaps": entries},
        content_type="application/xml",
        headers=headers,
    )
    response.headers["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


@require_GET
def section(request: HttpRequest, language: str) -> HttpResponse:
    """One language's sitemap (``?p=2`` for its second page of 50,000)."""
    sitemaps = _sitemaps(request)
    if language not in sitemaps:
        raise Http404()
    return sitemap_view(request, sitemaps=sitemaps, section=language)


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW), ""]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('seo:index'))}")
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    return response
