"""Search documents built from the database: only ever from the published snapshot.

Products come from ``listing_selectors.public_products()`` (approved, online, not protected,
supplier active) and nothing else, so the index cannot hold what the public may not see.
Documents are built in bulk from ``values()`` rows with per-company and per-category caches:
a rebuild reads about as fast as the database returns rows.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import orjson
from django.db import connection
from django.db.models import Max, Min
from django.utils import timezone

from hansa.catalog.listing_selectors import public_products
from hansa.catalog.models import Category, Product
from hansa.companies.choices import CompanyKind, VerificationStatus
from hansa.companies.models import Certification, Company, CompanyName
from hansa.search import ranking
from hansa.search import schema as s
from hansa.trade.fx import to_usd
from hansa.trade.regions import REGION_BY_COUNTRY

_TAG = re.compile(r"<[^>]+>")
DESCRIPTION_CHARS = 1000  # enough for relevance and snippets; the page shows the rest
SORT_LAST = 1e15  # listings without a price or MOQ sort after every priced one
PRODUCT_FIELDS = (
    "pk",
    "company_id",
    "category_id",
    "slug",
    "published",
    "published_at",
    "quality_score",
    "problems",
)


def plain_text(markup: str, limit: int = DESCRIPTION_CHARS) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", markup or "")).split())[:limit]


def response_rates(company_ids: Iterable[int]) -> dict[int, float]:
    """Share of buyers' first messages answered within 24 h per supplier (0..1).

    Read from the inquiries' stored per-supplier figures in one query; a supplier without
    figures has no entry, and ranking counts it as neutral.
    """
    from hansa.inquiries.selectors import response_rates as stored_rates

    return stored_rates(company_ids)


@dataclass
class CompanyFacts:
    name: str
    names: list[str]
    country: str
    region: str
    verified: bool
    stars: int
    business_types: list[str]
    main_products: list[str]
    description: str
    kind: str
    response_rate: float | None
    certifications: list[str]


@dataclass
class Caches:
    now: datetime = field(default_factory=timezone.now)
    companies: dict[int, CompanyFacts] = field(default_factory=dict)
    categories: dict[int, tuple[str, list[str]]] = field(default_factory=dict)

    def load_categories(self) -> None:
        by_path = dict(Category.objects.values_list("path", "code"))
        for pk, code, path in Category.objects.values_list("pk", "code", "path"):
            parts = path.split("/")
            ancestors = ["/".join(parts[: i + 1]) for i in range(len(parts))]
            self.categories[pk] = (code, [by_path[a] for a in ancestors if a in by_path])

    def load_companies(self, ids: Iterable[int]) -> None:
        missing = [pk for pk in set(ids) if pk not in self.companies]
        if not missing:
            return
        names: dict[int, list[str]] = {}
        for company_id, name in CompanyName.objects.filter(company_id__in=missing).values_list(
            "company_id", "name"
        ):
            names.setdefault(company_id, []).append(name)
        certificates: dict[int, list[str]] = {}
        for company_id, name in Certification.objects.filter(company_id__in=missing).values_list(
            "company_id", "name"
        ):
            certificates.setdefault(company_id, []).append(name)
        rates = response_rates(missing)
        rows = Company.objects.filter(pk__in=missing).values(
            "pk",
            "name",
            "country",
            "verification_status",
            "star_rating",
            "business_types",
            "main_products",
            "description",
            "kind",
        )
        for row in rows:
            country = str(row["country"] or "")
            self.companies[row["pk"]] = CompanyFacts(
                name=row["name"],
                names=names.get(row["pk"], []),
                country=country,
                region=REGION_BY_COUNTRY.get(country, ""),
                verified=row["verification_status"] == VerificationStatus.VERIFIED,
                stars=row["star_rating"] or 0,
                business_types=list(row["business_types"] or []),
                main_products=list(row["main_products"] or []),
                description=row["description"] or "",
                kind=row["kind"],
                response_rate=rates.get(row["pk"]),
                certifications=certificates.get(row["pk"], []),
            )


def _attribute_text(values: Iterable[Any]) -> str:
    out = []
    for value in values:
        if isinstance(value, list | tuple):
            out.extend(str(v) for v in value)
        elif isinstance(value, dict):
            out.extend(str(v) for v in value.values())
        elif isinstance(value, bool):
            continue
        elif value not in (None, ""):
            out.append(str(value))
    return " ".join(out)


def _add_text(doc: dict[str, Any], language: str, part: str, text: str) -> None:
    if not text:
        return
    name = s.text_field(part, s.suffix(language))
    doc[name] = f"{doc[name]} {text}" if name in doc else text


def _number(value: Any) -> float | None:
    if value in (None, ""):
        return None
    return float(Decimal(str(value)))


def product_document(row: dict[str, Any], caches: Caches) -> dict[str, Any]:
    snap = row["published"]
    company = caches.companies[row["company_id"]]
    code, path = caches.categories.get(row["category_id"], ("", []))
    base = snap.get("base_language") or s.BASE_LANGUAGE
    custom = snap.get("custom_attributes") or []
    doc: dict[str, Any] = {
        "key": f"p:{row['pk']}",
        "kind": "product",
        "id": row["pk"],
        "shard": row["pk"] % 100,  # engine.tantivy_engine.SHARDS: facet sampling
        "company_id": row["company_id"],
        "slug": row["slug"],
        "co": " ".join([company.name, *company.names]),
        "cat": code,
        "cat_path": path,
        "country": company.country,
        "region": company.region,
        "verified": "yes" if company.verified else "no",
        "stars": company.stars if company.verified else 0,
        "biz": company.business_types,
        "cert": list(snap.get("certifications") or []),
        "inco": list(snap.get("incoterms") or []),
        "pay": list(snap.get("payment_methods") or []),
        "rts": "yes" if snap.get("ready_to_ship") else "no",
        "currency": snap.get("currency") or "",
        "resp": company.response_rate if company.response_rate is not None else -1.0,
    }
    _add_text(doc, base, "t", snap.get("title", ""))
    _add_text(doc, base, "k", " ".join(snap.get("keywords") or []))
    attribute_values = list((snap.get("attributes") or {}).values())
    attribute_values += [c.get("value") if isinstance(c, dict) else c for c in custom]
    _add_text(doc, base, "a", _attribute_text(attribute_values))
    _add_text(doc, base, "d", plain_text(snap.get("description", "")))
    suggestions = [snap.get("title", "")]  # autocomplete completes words of titles
    for language, version in (snap.get("translations") or {}).items():
        _add_text(doc, language, "t", version.get("title", ""))
        _add_text(doc, language, "k", " ".join(version.get("keywords") or []))
        _add_text(
            doc, language, "a", _attribute_text((version.get("attribute_texts") or {}).values())
        )
        _add_text(doc, language, "d", plain_text(version.get("description", "")))
        suggestions.append(version.get("title", ""))
    doc["sugg"] = " ".join(x for x in suggestions if x)
    price = _number(snap.get("price_min"))
    price_usd = to_usd(Decimal(str(price)), doc["currency"]) if price is not None else None
    if price_usd is not None:
        doc["price_usd"] = float(price_usd)
    doc["price_sort"] = float(price_usd) if price_usd is not None else SORT_LAST
    moq = _number(snap.get("moq"))
    if moq is not None:
        doc["moq"] = moq
    doc["moq_sort"] = moq if moq is not None else SORT_LAST
    published_at = row["published_at"]
    doc["pub"] = int(published_at.timestamp()) if published_at else 0
    signals = ranking.signals(
        quality_score=row["quality_score"],
        verified=company.verified,
        stars=company.stars,
        response_rate=company.response_rate,
        published_at=published_at,
        problems=row["problems"],
        now=caches.now,
    )
    doc["w"] = ranking.engine_weight(signals.multiplier)
    return doc


def _decode(value: Any) -> Any:
    if isinstance(value, str | bytes | bytearray | memoryview):
        return orjson.loads(bytes(value) if isinstance(value, memoryview) else value)
    return value


def _when(value: Any) -> datetime | None:
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _rows(qs: Any) -> Iterator[dict[str, Any]]:
    """Run the ``values()`` query on a raw cursor: Django's per-row decoding costs more than the
    database read itself at a million rows (JSON, dates and decimals are decoded here)."""
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for (
            pk,
            company_id,
            category_id,
            slug,
            published,
            published_at,
            quality,
            problems,
        ) in cursor.fetchall():
            yield {
                "pk": pk,
                "company_id": company_id,
                "category_id": category_id,
                "slug": slug,
                "published": _decode(published),
                "published_at": _when(published_at),
                "quality_score": quality,
                "problems": _decode(problems),
            }


def refresh_statistics() -> None:
    """Fresh planner statistics for the tables a rebuild reads.

    A bulk load leaves SQLite without any, and it then walks the status index for a key range
    (3x slower at a million listings); ANALYZE takes under a second there.
    """
    with connection.cursor() as cursor:
        for model in (Product, Company):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def product_rows(ids: Iterable[int] | None = None, chunk: int = 2000) -> Iterator[dict[str, Any]]:
    """Public products as plain rows, all of them (by key ranges) or the given ids."""
    qs = public_products().values_list(*PRODUCT_FIELDS).order_by("pk")
    if ids is not None:
        id_list = sorted(set(ids))
        for start in range(0, len(id_list), chunk):
            yield from _rows(qs.filter(pk__in=id_list[start : start + chunk]))
        return
    # Walk the primary key in fixed ranges: a range scan on the key, whatever indexes the
    # status filter could tempt the planner with (ORDER BY + LIMIT made SQLite sort per chunk).
    bounds = Product.objects.aggregate(low=Min("pk"), high=Max("pk"))
    if bounds["low"] is None:
        return
    for start in range(bounds["low"], bounds["high"] + 1, chunk * 5):
        yield from _rows(qs.filter(pk__gte=start, pk__lt=start + chunk * 5))


def product_documents(rows: Iterable[dict[str, Any]], caches: Caches) -> Iterator[dict[str, Any]]:
    pending: list[dict[str, Any]] = []
    for row in rows:
        pending.append(row)
        if len(pending) >= 2000:
            caches.load_companies(r["company_id"] for r in pending)
            yield from (product_document(r, caches) for r in pending)
            pending = []
    caches.load_companies(r["company_id"] for r in pending)
    yield from (product_document(r, caches) for r in pending)


def searchable_companies():
    """Suppliers a buyer may find: active and selling (supplier or both)."""
    return Company.objects.filter(is_active=True, kind__in=[CompanyKind.SUPPLIER, CompanyKind.BOTH])


def company_document(pk: int, caches: Caches, product_count: int) -> dict[str, Any]:
    c = caches.companies[pk]
    doc: dict[str, Any] = {
        "key": f"c:{pk}",
        "kind": "company",
        "id": pk,
        "company_id": pk,
        "shard": pk % 100,
        "co": " ".join([c.name, *c.names]),
        "country": c.country,
        "region": c.region,
        "verified": "yes" if c.verified else "no",
        "stars": c.stars if c.verified else 0,
        "biz": c.business_types,
        "cert": c.certifications,
        "resp": c.response_rate if c.response_rate is not None else -1.0,
    }
    _add_text(doc, s.BASE_LANGUAGE, "t", " ".join([c.name, *c.names]))
    _add_text(doc, s.BASE_LANGUAGE, "k", " ".join(c.main_products))
    _add_text(doc, s.BASE_LANGUAGE, "d", plain_text(c.description))
    doc["sugg"] = " ".join([c.name, *c.main_products])
    signals = ranking.signals(
        quality_score=5 if product_count else 0,
        verified=c.verified,
        stars=c.stars,
        response_rate=c.response_rate,
        published_at=None,
        problems=None,
        now=caches.now,
    )
    doc["w"] = ranking.engine_weight(signals.multiplier)
    return doc
