"""Which suppliers an approved RFQ is pushed to.

Why a precomputed profile and not the search index: matching asks "which of 10,000 suppliers
sell this", once per RFQ, from a writer's transaction (approval) and from a benchmark without a
search server. The profile tables answer that with three indexed lookups per RFQ:

- ``SupplierCategory`` — suppliers with live listings in the RFQ's category (full score) or in
  its parent category (half);
- ``SupplierTerm`` — an inverted index of words from the supplier's main products (weight 2)
  and its live listings' titles and keywords (log of the listings using the word), looked up
  for the RFQ's words (product name counts double) and weighted by rarity (idf); words that
  more than 3 % of suppliers use are skipped (little meaning, many rows);
- ``SupplierProfile.regions`` — main-market regions, a bonus when they include the region of the
  RFQ's destination country; and quoting behaviour: suppliers who quoted in the same category
  in the last 180 days gain a little per quote.

Only candidates found by category or words are scored further, so the cost follows the number
of relevant suppliers, not all suppliers. ``profiles_rebuild`` recomputes the tables from
``public_products()`` (nothing unapproved or protected counts); the periodic ``tasks.tick``
refreshes suppliers whose listings changed, and an empty table is built on first use.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone

from hansa.catalog.listing_selectors import public_products
from hansa.companies.models import Company, MainMarket
from hansa.rfqs.models import Quote, Rfq, SupplierCategory, SupplierProfile, SupplierTerm
from hansa.trade.regions import UnknownCountry, region_of_country

TOP_N = 20
CANDIDATES = 300
CATEGORY_SCORE = 3.0
PARENT_SCORE = 1.5
REGION_SCORE = 1.0
QUOTE_SCORE = 0.3
QUOTE_WINDOW = timedelta(days=180)
TERM_MAX = 40
COMMON_SHARE = 0.03  # a word more than 3 % of suppliers use is not looked up
COMMON_MIN = 50
_STOPWORD_TEXT = """
    the and for with from that this are our per pcs piece pieces unit units need needs want
    looking buy buying quality high good best new product products supply supplier
    suppliers price prices order orders quantity please must should will can all any each
    other more than about into have has made make
    """
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


def words(text: str) -> list[str]:
    """Lower-case words of 3+ letters, English plurals folded ("lights" → "light")."""
    out = []
    for word in _WORD.findall((text or "").lower()):
        if word in STOPWORDS:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        out.append(word[:TERM_MAX])
    return out


@dataclass
class Candidate:
    company_id: int
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)


# -- profiles ---------------------------------------------------------------------------------


def _profile_rows(
    company_ids: Iterable[int] | None, now: datetime
) -> tuple[list[SupplierProfile], list[SupplierTerm], list[SupplierCategory]]:
    products = public_products().filter(company__kind__in=("supplier", "both"))
    companies = Company.objects.filter(is_active=True, kind__in=("supplier", "both"))
    if company_ids is not None:
        ids = list(company_ids)
        products = products.filter(company_id__in=ids)
        companies = companies.filter(pk__in=ids)
    term_counts: dict[int, Counter[str]] = defaultdict(Counter)
    categories: dict[int, Counter[int]] = defaultdict(Counter)
    live: Counter[int] = Counter()
    for company_id, category_id, published in products.values_list(
        "company_id", "category_id", "published"
    ).iterator(chunk_size=2000):
        published = published or {}
        text = " ".join([published.get("title", ""), " ".join(published.get("keywords") or [])])
        term_counts[company_id].update(set(words(text)))
        categories[company_id][category_id] += 1
        live[company_id] += 1
    regions: dict[int, list[str]] = defaultdict(list)
    markets = MainMarket.objects.filter(company__in=companies).values_list("company_id", "region")
    for company_id, region in markets:
        regions[company_id].append(region)
    profiles, terms, cats = [], [], []
    for company_id, main_products in companies.values_list("pk", "main_products"):
        weights: dict[str, float] = {
            w: 1.0 + math.log(n) for w, n in term_counts.get(company_id, Counter()).items()
        }
        for w in words(" ".join(main_products or [])):
            weights[w] = weights.get(w, 0.0) + 2.0
        if not weights and not categories.get(company_id):
            continue
        profiles.append(
            SupplierProfile(
                company_id=company_id,
                regions=sorted(set(regions.get(company_id, []))),
                live_products=live[company_id],
                built_at=now,
            )
        )
        terms.extend(
            SupplierTerm(company_id=company_id, term=w, weight=x) for w, x in weights.items()
        )
        cats.extend(
            SupplierCategory(company_id=company_id, category_id=c, products=n)
            for c, n in categories.get(company_id, Counter()).items()
        )
    return profiles, terms, cats


@transaction.atomic
def profiles_rebuild(
    *, company_ids: Iterable[int] | None = None, now: datetime | None = None
) -> int:
    """Recomputes the profiles (all, or of the given suppliers); returns how many exist now."""
    now = now or timezone.now()
    ids = None if company_ids is None else list(company_ids)
    profiles, terms, cats = _profile_rows(ids, now)
    for model in (SupplierProfile, SupplierTerm, SupplierCategory):
        rows = model.objects.all()
        if ids is not None:
            rows = rows.filter(company_id__in=ids)
        rows.delete()
    SupplierProfile.objects.bulk_create(profiles, batch_size=2000)
    SupplierTerm.objects.bulk_create(terms, batch_size=5000)
    SupplierCategory.objects.bulk_create(cats, batch_size=5000)
    return len(profiles)


def profiles_refresh(now: datetime | None = None) -> int:
    """Rebuilds the suppliers whose listings were published since their profile was built."""
    now = now or timezone.now()
    if not SupplierProfile.objects.exists():
        return profiles_rebuild(now=now)
    since = SupplierProfile.objects.aggregate(m=Max("built_at"))["m"]
    changed = set(
        public_products().filter(published_at__gt=since).values_list("company_id", flat=True)
    )
    changed |= set(
        Company.objects.filter(updated_at__gt=since, kind__in=("supplier", "both")).values_list(
            "pk", flat=True
        )
    )
    if changed:
        profiles_rebuild(company_ids=changed, now=now)
    return len(changed)


# -- matching ---------------------------------------------------------------------------------


def rfq_terms(rfq: Rfq) -> dict[str, float]:
    """The RFQ's words with their weight: the product name counts double."""
    weights: dict[str, float] = {}
    for w in words(rfq.product_name):
        weights[w] = 2.0
    for w in words(rfq.requirements)[:60]:
        weights.setdefault(w, 1.0)
    return weights


def match_suppliers(
    rfq: Rfq, *, limit: int = TOP_N, now: datetime | None = None
) -> list[Candidate]:
    """The best-matching suppliers for ``rfq``, best first (never the buyer's own company)."""
    now = now or timezone.now()
    found: dict[int, Candidate] = {}

    def cand(company_id: int) -> Candidate:
        if company_id not in found:
            found[company_id] = Candidate(company_id)
        return found[company_id]

    category = rfq.category
    for company_id, category_id in SupplierCategory.objects.filter(
        category_id__in=[c for c in (category.pk, category.parent_id) if c]
    ).values_list("company_id", "category_id"):
        c = cand(company_id)
        if category_id == category.pk:
            c.score += CATEGORY_SCORE
            c.reasons.append("category")
        elif "category" not in c.reasons:
            c.score += PARENT_SCORE
            c.reasons.append("parent_category")
    terms = rfq_terms(rfq)
    if terms:
        suppliers = SupplierProfile.objects.count() or 1
        df = dict(
            SupplierTerm.objects.filter(term__in=list(terms))
            .values("term")
            .annotate(n=Count("id"))
            .values_list("term", "n")
        )
        # Words most suppliers use ("industrial", "model") say little and cost much: skip them.
        common = max(COMMON_MIN, int(suppliers * COMMON_SHARE))
        idf = {t: math.log(1 + suppliers / n) for t, n in df.items() if n <= common}
        for company_id, term, weight in SupplierTerm.objects.filter(term__in=list(idf)).values_list(
            "company_id", "term", "weight"
        ):
            c = cand(company_id)
            c.score += terms[term] * idf[term] * min(weight, 4.0) / 4.0
            if "keywords" not in c.reasons:
                c.reasons.append("keywords")
    found.pop(rfq.buyer_company_id, None)
    if not found:
        return []
    shortlist = sorted(found.values(), key=lambda c: (-c.score, c.company_id))[:CANDIDATES]
    ids = [c.company_id for c in shortlist]
    try:
        region = region_of_country(str(rfq.destination_country))
    except UnknownCountry:
        region = ""
    profiles = dict(
        SupplierProfile.objects.filter(company_id__in=ids).values_list("company_id", "regions")
    )
    active = set(Company.objects.filter(pk__in=ids, is_active=True).values_list("pk", flat=True))
    quoted = dict(
        Quote.objects.filter(
            supplier_id__in=ids, rfq__category_id=category.pk, created_at__gte=now - QUOTE_WINDOW
        )
        .values("supplier_id")
        .annotate(n=Count("id"))
        .values_list("supplier_id", "n")
    )
    result = []
    for c in shortlist:
        if c.company_id not in active:
            continue
        if region and region in (profiles.get(c.company_id) or []):
            c.score += REGION_SCORE
            c.reasons.append("region")
        if quoted.get(c.company_id):
            c.score += QUOTE_SCORE * min(quoted[c.company_id], 5)
            c.reasons.append("quotes")
        result.append(c)
    result.sort(key=lambda c: (-c.score, c.company_id))
    return result[:limit]
