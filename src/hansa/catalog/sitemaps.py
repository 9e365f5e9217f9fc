"""Sitemaps for outside search engines: an index, one sitemap per UI language, and robots.txt.

Each language's sitemap lists the public company pages and the public product pages (only what
``listing_selectors.public_products()`` returns, so drafts, listings waiting for review, rejected,
offline and archived ones and those in password-protected groups never appear).

Languages follow the product page (``catalog.views_public``): a page in language ``xx`` is
``<path>?hl=xx``, and the plain path is the ``x-default``. A product is listed under the languages
it has a version in (its base language and its translations), with the same
``<xhtml:link rel="alternate" hreflang=...>`` set the page itself prints; one in a single
language gets its plain address and no alternates. The default language's sitemap lists every
public product, so a listing with no version in a UI language is still found. Company pages are
listed in every UI language with an alternate for each.

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
from django.db.models import Max, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.http import http_date
from django.views.decorators.http import require_GET

from hansa.catalog.listing_selectors import public_products
from hansa.companies.choices import PROFILE_LANGUAGES
from hansa.companies.models import Company

PLACEHOLDER = "__slug__"
PAGE_SIZE = 10_000
ROBOTS_DISALLOW = ("/workspace/", "/ops/", "/admin/", "/api/")
# The languages a listing is published in, in the order the product page lists them.
LISTING_ORDER = [code for code, _label in PROFILE_LANGUAGES]


def languages() -> list[str]:
    """The UI languages (``settings.LANGUAGES``), each with its own sitemap."""
    return [code for code, _name in settings.LANGUAGES]


def localized_path(path: str, language: str) -> str:
    """The address of a page shown in ``language``."""
    return f"{path}{'&' if '?' in path else '?'}hl={language}"


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
    # Languages of the page's versions; with two or more, each has its own address.
    languages: tuple[str, ...]
    # The default language's version is the plain address (company pages choose their language
    # from the visitor, and their canonical address is the plain one).
    plain_default: bool = False

    def address(self, language: str) -> str:
        if self.plain_default and language == settings.LANGUAGE_CODE:
            return self.path
        return localized_path(self.path, language)


def _listing_languages(base: str | None, translations: Any) -> tuple[str, ...]:
    found = {base or settings.LANGUAGE_CODE, *(translations or {})}
    return tuple(code for code in LISTING_ORDER if code in found)


class _Entries(Sequence[Entry]):
    """Company pages, then product pages, read a page at a time (a catalogue may be large)."""

    def __init__(self, companies: QuerySet[Company], products: QuerySet[Any]) -> None:
        self.companies = companies.order_by("pk").values_list("slug", "updated_at")
        self.products = products.order_by("pk").values_list(
            "slug", "published_at", "published__base_language", "published__translations"
        )
        self.company_path = _path_pattern("companies:public", f"/companies/{PLACEHOLDER}/")
        self.product_path = _path_pattern("catalog:product", f"/products/{PLACEHOLDER}/")
        self.ui_languages = tuple(languages())
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
                Entry(
                    self.company_path.replace(PLACEHOLDER, slug),
                    when,
                    "weekly",
                    "0.6",
                    self.ui_languages,
                    plain_default=True,
                )
                for slug, when in rows
            ]
        if stop > n_companies:
            rows = self.products[max(0, start - n_companies) : stop - n_companies]
            out += [
                Entry(
                    self.product_path.replace(PLACEHOLDER, slug),
                    when,
                    "weekly",
                    "0.8",
                    _listing_languages(base, translations),
                )
                for slug, when, base, translations in rows
            ]
        return out


class LanguageSitemap(Sitemap):
    """Every public page in one UI language, with its alternates in the others."""

    # Below the protocol's 50,000: with three alternates an entry is about 600 bytes, so a page
    # stays near 6 MB and renders in about a second even for a catalogue of a million.
    limit = PAGE_SIZE

    def __init__(self, language: str, domain: str) -> None:
        self.language = language
        self.domain = domain

    def items(self) -> _Entries:
        products = public_products()
        if self.language != settings.LANGUAGE_CODE:
            products = products.filter(
                Q(published__base_language=self.language)
                | Q(published__translations__has_key=self.language)
            )
        return _Entries(Company.objects.filter(is_active=True), products)

    def location(self, item: Entry) -> str:
        if len(item.languages) < 2 or self.language not in item.languages:
            return item.path
        return item.address(self.language)

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
            item: Entry = url["item"]
            if len(item.languages) < 2:
                continue
            url["alternates"] = [
                {"location": base + item.address(code), "lang_code": code}
                for code in item.languages
            ] + [{"location": base + item.path, "lang_code": "x-default"}]
        return urls


def _sitemaps(request: HttpRequest) -> dict[str, LanguageSitemap]:
    host = request.get_host()
    return {code: LanguageSitemap(code, host) for code in languages()}


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The sitemap index: each language's sitemap and, past 10,000 addresses, its pages."""
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
    """One language's sitemap (``?p=2`` for its second page of 10,000)."""
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
