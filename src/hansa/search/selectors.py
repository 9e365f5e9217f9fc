"""Reads: product and supplier search, facets, suggestions. Pages and the API call these.

Hits are re-read from the database and checked with ``is_public()`` (the rule of
``public_products()``), so even an index that lags
a second behind never shows a listing that has just gone private, offline or been archived.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from hansa.catalog.listing_selectors import is_public
from hansa.catalog.models import Category, Product
from hansa.catalog.models.listings import PUBLIC_STATUSES
from hansa.companies.models import Company
from hansa.core.errors import BusinessError
from hansa.search import ranking, text
from hansa.search import schema as s
from hansa.search.documents import searchable_companies
from hansa.search.engine import get_engine
from hansa.search.engine.base import EngineQuery, EngineResult, Filter
from hansa.search.params import SearchParams

FEW_RESULTS = 3
# What a result card, is_public() and the compare button read (not the ~14 JSON columns more).
HIT_FIELDS = (
    "slug",
    "status",
    "published",
    "group__password_hash",
    "company__slug",
    "company__name",
    "company__country",
    "company__is_active",
    "company__verification_status",
    "company__star_rating",
    "category__code",
    "category__name_en",
    "category__name_zh",
)
FUZZY_MIN_LENGTH = 4  # shorter words are one edit away from too many others
SORT_FIELDS = {
    "price": ("price_sort", False),
    "-price": ("price_usd", True),
    "moq": ("moq_sort", False),
    "newest": ("pub", True),
    "response": ("resp", True),
}


@dataclass
class Hit:
    position: int  # 1-based over the whole result list
    score: float
    title_html: str
    snippet_html: str
    product: Product | None = None
    company: Company | None = None


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchPage:
    params: SearchParams
    total: int
    hits: list[Hit]
    facets: dict[str, list[FacetOption]]
    took_ms: float
    fuzzy: bool = False
    relaxed: bool = False
    did_you_mean: str = ""
    log_id: int | None = None
    facets_approximate: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return max(1, -(-min(self.total, 500 * self.params.per_page) // self.params.per_page))


# -- building engine queries ------------------------------------------------------------------


def text_fields(language: str, *, company_name: bool = True) -> dict[str, float]:
    """Fields a query in ``language`` searches, with boosts (ranking.FIELD_BOOSTS)."""
    own = s.suffix(language)
    out: dict[str, float] = {}
    for suffix, factor in ((own, 1.0), (s.suffix(s.BASE_LANGUAGE), ranking.BASE_LANGUAGE_FACTOR)):
        for part, boost in ranking.FIELD_BOOSTS.items():
            out.setdefault(s.text_field(part, suffix), boost * factor)
    if company_name:
        out["co"] = ranking.COMPANY_NAME_BOOST
    return out


def _filters(p: SearchParams, *, products: bool = True) -> list[Filter]:
    out: list[Filter] = []
    if p.category and products:
        out.append(Filter("cat_path", (p.category,)))
    for name, fld in (
        ("country", "country"),
        ("region", "region"),
        ("certification", "cert"),
        ("business_type", "biz"),
        ("incoterm", "inco"),
        ("payment", "pay"),
    ):
        values = getattr(p, name)
        if values:
            out.append(Filter(fld, tuple(values)))
    if p.verified:
        out.append(Filter("verified", ("yes",)))
    if p.min_stars:
        out.append(Filter("stars", gte=p.min_stars, lt=7))
    if products:
        if p.ready_to_ship:
            out.append(Filter("rts", ("yes",)))
        for fld, low, high in (
            ("price_usd", p.price_min, p.price_max),
            ("moq", p.moq_min, p.moq_max),
        ):
            if low is not None or high is not None:
                out.append(
                    Filter(
                        fld,
                        gte=float(low) if low is not None else None,
                        # An upper bound includes its value: [low, high].
                        lt=float(high) + 1e-9 if high is not None else None,
                    )
                )
        if p.published_after is not None:
            out.append(Filter("pub", gte=p.published_after, lt=2**62))
    return out


def engine_query(p: SearchParams, *, kind: str = "product", facets: bool = True) -> EngineQuery:
    products = kind == "product"
    sort_field, descending = SORT_FIELDS.get(p.sort, (None, True))
    if not products and p.sort not in ("relevance", "response"):
        sort_field = None
    return EngineQuery(
        kind=kind,
        clauses=text.clauses(p.q),
        fields=text_fields(p.language),
        filters=_filters(p, products=products),
        facets=(s.PRODUCT_FACETS if products else s.SUPPLIER_FACETS) if facets else (),
        sort=sort_field,
        descending=descending,
        offset=(p.page - 1) * p.per_page,
        limit=p.per_page,
        highlight=(s.text_field("t", s.suffix(p.language)), s.text_field("d", s.suffix(p.language)))
        if products
        else (),
        stored=("id",),
    )


def _run(q: EngineQuery, p: SearchParams) -> tuple[EngineResult, bool, bool]:
    """Exact first; fuzzy when that finds little; any-word when that still finds little."""
    engine = get_engine()
    result = engine.search(q)
    fuzzy = relaxed = False
    facets, q.facets = q.facets, ()  # a retry computes facets once, for the result it keeps
    if q.clauses and result.total < FEW_RESULTS and p.page == 1:
        if any(len(w) >= FUZZY_MIN_LENGTH and w.isalpha() and w.isascii() for w in text.words(p.q)):
            q.fuzzy = True
            fuzzy_result = engine.search(q)
            if fuzzy_result.total > result.total:
                result, fuzzy = fuzzy_result, True
            else:
                q.fuzzy = False
        if result.total < FEW_RESULTS and len(q.clauses) > 1:
            q.match_all_words = False
            relaxed_result = engine.search(q)
            if relaxed_result.total > result.total:
                result, relaxed = relaxed_result, True
            else:
                q.match_all_words = True
    q.facets = facets
    if (fuzzy or relaxed) and facets:
        again = engine.search(q)
        result.facets, result.facets_approximate = again.facets, again.facets_approximate
    return result, fuzzy, relaxed


def did_you_mean(query: str) -> str:
    """The query with each unknown word replaced by its most frequent near spelling."""
    engine = get_engine()
    changed = False
    out = []
    for word in text.words(query):
        known = engine.terms("sugg", word, 1)
        if (known and known[0][0] == word) or len(word) < 3 or not word.isalpha():
            out.append(word)
            continue
        candidates = engine.terms("sugg", word[0], 3000)
        fix = text.closest(word, candidates)
        if fix:
            changed = True
        out.append(fix or word)
    return " ".join(out) if changed else ""


# -- facets for display -----------------------------------------------------------------------

_categories: tuple[float, dict[str, dict[str, Any]]] = (0.0, {})


def categories_by_code() -> dict[str, dict[str, Any]]:
    global _categories
    loaded_at, table = _categories
    if time.monotonic() - loaded_at > 60:
        table = {}
        for row in Category.objects.filter(is_active=True).values(
            "code", "name_en", "name_zh", "names", "parent__code", "depth", "position"
        ):
            table[row["code"]] = row
        _categories = (time.monotonic(), table)
    return table


def category_name(code: str, language: str) -> str:
    row = categories_by_code().get(code)
    if row is None:
        return code
    if language.startswith("zh") and row["name_zh"]:
        return row["name_zh"]
    return (row["names"] or {}).get(language) or row["name_en"]


def _facet_options(
    result: EngineResult, p: SearchParams, labels: dict[str, dict[str, str]]
) -> dict[str, list[FacetOption]]:
    out: dict[str, list[FacetOption]] = {}
    cats = categories_by_code()
    for name, buckets in result.facets.items():
        options: list[FacetOption] = []
        if name == "category":
            # Show the children of the chosen category (or the industries when none is).
            parent = p.category or None
            for code, count in buckets:
                row = cats.get(code)
                if row is None or row["parent__code"] != parent:
                    continue
                options.append(
                    FacetOption(code, category_name(code, p.language), count, code == p.category)
                )
            options.sort(key=lambda o: -o.count)
        elif name in ("price", "moq"):
            low_attr, high_attr = f"{name}_min", f"{name}_max"
            for (low, high), count in buckets:
                value = f"{'' if low is None else low}-{'' if high is None else high}"
                selected = getattr(p, low_attr) == (
                    Decimal(str(low)) if low is not None else None
                ) and getattr(p, high_attr) == (Decimal(str(high)) if high is not None else None)
                if count or selected:
                    options.append(FacetOption(value, _range_label(low, high), count, selected))
        elif name == "stars":
            # The filter is "at least n stars", so each option counts n stars and more.
            counts = {int(value): count for value, count in buckets}
            for n in range(6, 0, -1):
                at_least = sum(c for stars, c in counts.items() if stars >= n)
                if at_least:
                    label = labels.get(name, {}).get(str(n), str(n))
                    options.append(FacetOption(str(n), label, at_least, p.min_stars == n))
        else:
            chosen = _chosen(name, p)
            for value, count in buckets:
                value = str(value)
                label = labels.get(name, {}).get(value, value)
                options.append(FacetOption(value, label, count, value in chosen))
        out[name] = options
    return out


def _range_label(low: float | None, high: float | None) -> str:
    def fmt(x: float) -> str:
        return f"{x:,.0f}" if x >= 1 else f"{x:g}"

    if low is None:
        return f"< {fmt(high)}" if high is not None else ""
    if high is None:
        return f"≥ {fmt(low)}"
    return f"{fmt(low)} – {fmt(high)}"


def _chosen(name: str, p: SearchParams) -> set[str]:
    if name == "verified":
        return {"yes"} if p.verified else set()
    if name == "ready_to_ship":
        return {"yes"} if p.ready_to_ship else set()
    if name == "stars":
        return {str(p.min_stars)} if p.min_stars else set()
    return set(getattr(p, name, ()) or ())


# -- the searches -----------------------------------------------------------------------------


def check_params(p: SearchParams) -> SearchParams:
    """What ``SearchParams.parse`` cannot know without the database."""
    if p.category and p.category not in categories_by_code():
        raise BusinessError(_("Choose a category from the list."), field="category")
    return p


def search_products(
    p: SearchParams,
    *,
    log: bool = True,
    facets: bool = True,
    labels: dict[str, dict[str, str]] | None = None,
) -> SearchPage:
    started = time.perf_counter()
    q = engine_query(p, facets=facets)
    result, fuzzy, relaxed = _run(q, p)
    ids = [int(h.fields["id"]) for h in result.hits]
    products = {
        product.pk: product
        for product in Product.objects.filter(pk__in=ids)
        .select_related("company", "category", "group")
        .only(*HIT_FIELDS)
        if is_public(product)
    }
    hits = []
    for i, h in enumerate(result.hits):
        product = products.get(int(h.fields["id"]))
        if product is None:
            continue  # the index lags the database by a moment; the database wins
        title_field, desc_field = q.highlight or ("", "")
        hits.append(
            Hit(
                position=q.offset + i + 1,
                score=h.score,
                title_html=h.highlights.get(title_field, ""),
                snippet_html=h.highlights.get(desc_field, ""),
                product=product,
            )
        )
    page = SearchPage(
        params=p,
        total=result.total,
        hits=hits,
        facets=_facet_options(result, p, labels or {}),
        took_ms=(time.perf_counter() - started) * 1000,
        fuzzy=fuzzy,
        relaxed=relaxed,
        facets_approximate=result.facets_approximate,
    )
    if p.q and p.page == 1 and result.total < FEW_RESULTS * 3:
        page.did_you_mean = did_you_mean(p.q)
    if log and p.q and p.page == 1:
        from hansa.search.services import query_log_record

        page.log_id = query_log_record(p, result.total)
    return page


def search_suppliers(
    p: SearchParams, *, labels: dict[str, dict[str, str]] | None = None
) -> SearchPage:
    started = time.perf_counter()
    q = engine_query(p, kind="company")
    q.fields = {
        **{k: v for k, v in text_fields(s.BASE_LANGUAGE, company_name=False).items()},
        "co": 5.0,
    }
    result, fuzzy, relaxed = _run(q, p)
    ids = [int(h.fields["id"]) for h in result.hits]
    companies = {
        c.pk: c
        for c in searchable_companies()
        .filter(pk__in=ids)
        .annotate(
            live_products=Count(
                "products",
                filter=Q(products__status__in=PUBLIC_STATUSES, products__published__isnull=False),
                distinct=True,
            )
        )
    }
    hits = [
        Hit(position=q.offset + i + 1, score=h.score, title_html="", snippet_html="", company=c)
        for i, h in enumerate(result.hits)
        if (c := companies.get(int(h.fields["id"]))) is not None
    ]
    return SearchPage(
        params=p,
        total=result.total,
        hits=hits,
        facets=_facet_options(result, p, labels or {}),
        took_ms=(time.perf_counter() - started) * 1000,
        fuzzy=fuzzy,
        relaxed=relaxed,
        facets_approximate=result.facets_approximate,
    )


def suggest(prefix: str, language: str, limit: int = 8) -> list[str]:
    """Autocomplete: popular past queries first, then completions from listing titles."""
    words = text.words(prefix)
    if not words:
        return []
    from hansa.search.models import QueryLog

    typed = " ".join(words)
    out: list[str] = list(
        QueryLog.objects.filter(
            query__startswith=typed,
            result_count__gt=0,
            at__gte=timezone.now() - timedelta(days=90),
        )
        .values("query")
        .annotate(n=Count("id"))
        .filter(n__gte=2)
        .order_by("-n", "query")
        .values_list("query", flat=True)[:limit]
    )
    head = " ".join(words[:-1])
    for term, _count in get_engine().terms("sugg", words[-1], limit * 3):
        if len(term) < 2:
            continue
        candidate = f"{head} {term}".strip()
        if candidate not in out:
            out.append(candidate)
        if len(out) >= limit:
            break
    return out[:limit]


def keyword_demand(keywords: list[str], days: int = 30) -> dict[str, dict[str, Any]]:
    """Per keyword, buyers' searches containing it over ``days`` (from the anonymous query log):
    how many, how many results they found on average (competition) and how often a result was
    opened (click-through)."""
    from hansa.search.models import QueryLog

    since = timezone.now() - timedelta(days=days)
    out: dict[str, dict[str, Any]] = {}
    for keyword in keywords:
        words = text.normalise(keyword)
        if not words:
            continue
        rows = list(
            QueryLog.objects.filter(at__gte=since, query__contains=words).values_list(
                "query", "result_count", "clicked_positions"
            )[:5000]
        )
        # "led" must not count searches for "sledge": match whole words.
        rows = [r for r in rows if f" {words} " in f" {r[0]} "]
        searches = len(rows)
        out[keyword] = {
            "searches": searches,
            "avg_results": round(sum(r[1] for r in rows) / searches) if searches else None,
            "click_rate": round(100 * sum(1 for r in rows if r[2]) / searches)
            if searches
            else None,
        }
    return out
