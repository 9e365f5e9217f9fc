"""The ranking explanation: where a supplier's products rank for a query, why, and what to fix.

Everything is recomputed from the same engine and weights the buyers' search uses: the final
score of each result comes from the engine, the multiplier's factors from ``ranking.signals``
on the database row (what the index was fed), and text relevance is the score divided by the
multiplier. Fixes are ranked by the position they would most likely reach.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from hansa.catalog.listing_selectors import manageable, public_products
from hansa.catalog.quality import top_advice
from hansa.catalog.snapshot import localized
from hansa.companies.choices import VerificationStatus
from hansa.companies.models import Company, Membership
from hansa.search import ranking, text
from hansa.search import schema as s
from hansa.search.documents import response_rates
from hansa.search.engine import get_engine
from hansa.search.engine.base import Filter
from hansa.search.models import QueryLog
from hansa.search.params import SearchParams
from hansa.search.selectors import engine_query

DEPTH = 1000  # positions looked at; beyond that a product "ranks below 1,000"
FIRST_PAGE = 20
SHOWN = 20


@dataclass
class Fix:
    factor: str
    label: str
    advice: str
    new_position: int
    details: list[str] = field(default_factory=list)


@dataclass
class ProductRank:
    product: Any
    title: str
    position: int | None
    score: float
    relevance: float
    multiplier: float
    signals: ranking.Signals
    fields: dict[str, float]
    missing_words: list[str]
    fixes: list[Fix]
    response_known: bool = False

    def factor_rows(self) -> list[dict[str, Any]]:
        rows = []
        for name in ranking.WEIGHTS:
            value = getattr(self.signals, name)
            rows.append(
                {
                    "name": name,
                    "label": ranking.FACTOR_LABELS[name],
                    "value": value,
                    "percent": round(value * 100),
                    "weight": ranking.WEIGHTS[name],
                    "contribution": ranking.WEIGHTS[name] * value * self.signals.penalty,
                }
            )
        return rows


@dataclass
class RankReport:
    query: str
    language: str
    total: int
    first_score: float
    page_one_score: float
    products: list[ProductRank]
    unmatched: list[Any]
    below: list[Any]
    max_multiplier: float = ranking.MAX_MULTIPLIER


def _position_for(score: float, ranked_scores: list[float], own: int | None) -> int:
    better = sum(1 for i, x in enumerate(ranked_scores, 1) if x > score and i != own)
    return better + 1


def _field_relevance(query: Any, key: str, language: str) -> dict[str, float]:
    """Text relevance per field group (title, keywords, attributes, description, company)."""
    engine = get_engine()
    out: dict[str, float] = {}
    groups = {part: [s.text_field(part, s.suffix(language))] for part in ranking.FIELD_BOOSTS}
    for part in groups:
        base = s.text_field(part, s.suffix(s.BASE_LANGUAGE))
        if base not in groups[part]:
            groups[part].append(base)
    groups["co"] = ["co"]
    for part, names in groups.items():
        q = engine_query(SearchParams(q=query.q, language=language), facets=False)
        q.fields = {n: v for n, v in q.fields.items() if n in names}
        q.match_all_words = False
        out[part] = float(engine.explain(q, key).get("value", 0.0))
    return out


def _missing_words(words: list[str], snapshot: dict[str, Any], language: str) -> list[str]:
    title = text.normalise(localized(snapshot, language)["title"] + " " + snapshot.get("title", ""))
    have = set(title.split())
    # A plural or other inflection counts: compare on the first five letters.
    stems = {w[:5] for w in have}
    return [w for w in words if w not in have and w[:5] not in stems]


def _quality_details(product: Any) -> list[str]:
    return top_advice(product.quality_report or [], limit=3)


def _fixes(rank: ProductRank, scores: list[float], product: Any, verified: bool) -> list[Fix]:
    fixes: list[Fix] = []
    gains = rank.signals.gains()

    def at(multiplier: float, relevance: float | None = None) -> int:
        new_score = (relevance or rank.relevance) * multiplier
        return _position_for(new_score, scores, rank.position)

    if rank.signals.penalty < 1:
        problems = product.problems or {}
        what = []
        if problems.get("duplicate_of"):
            what.append(_("it looks like a duplicate of another listing"))
        if problems.get("suggested_category"):
            what.append(_("it seems to be in the wrong category"))
        if problems.get("keyword_stuffing"):
            what.append(_("its title or keywords repeat words"))
        fixes.append(
            Fix(
                "penalty",
                str(ranking.FACTOR_LABELS["penalty"]),
                _("Search pushes it down because %(why)s. Fix that and ask for review.")
                % {"why": "; ".join(what)},
                at(rank.multiplier + gains["penalty"]),
            )
        )
    if rank.missing_words:
        # Words in the title weigh most; estimate as if the title matched like the best field.
        boosted = rank.relevance + max(rank.fields.get("t", 0.0), rank.relevance * 0.5)
        fixes.append(
            Fix(
                "relevance",
                str(ranking.FACTOR_LABELS["relevance"]),
                _(
                    "Buyers searched for “%(words)s”, which your title does not say. Use the words "
                    "buyers use, if they describe the product truthfully."
                )
                % {"words": " ".join(rank.missing_words)},
                at(rank.multiplier, boosted),
            )
        )
    if gains["quality"] > 0.01:
        fixes.append(
            Fix(
                "quality",
                str(ranking.FACTOR_LABELS["quality"]),
                _("Raise the listing's quality score (now %(score)s of 5).")
                % {"score": f"{rank.signals.quality * 5:.1f}"},
                at(rank.multiplier + gains["quality"]),
                _quality_details(product),
            )
        )
    if not verified:
        fixes.append(
            Fix(
                "verified",
                str(ranking.FACTOR_LABELS["verified"]),
                _(
                    "Apply for supplier verification: verified suppliers and their stars rank "
                    "higher."
                ),
                at(rank.multiplier + gains["verified"] + gains["stars"]),
            )
        )
    if gains["freshness"] > 0.05:
        fixes.append(
            Fix(
                "freshness",
                str(ranking.FACTOR_LABELS["freshness"]),
                _(
                    "The listing was approved a while ago; an updated, re-approved version counts "
                    "as new."
                ),
                at(rank.multiplier + gains["freshness"]),
            )
        )
    fixes.sort(key=lambda f: f.new_position)
    return fixes


def rank_report(*, membership: Membership, query: str, language: str) -> RankReport:
    """The member's live listings (a sales rep's own; all for owner and admins) for ``query``."""
    engine = get_engine()
    company = membership.company
    params = SearchParams(q=query, language=language)
    q = engine_query(params, facets=False)
    ranked = engine.ranked_keys(q, DEPTH)
    scores = [score for _, score, _ in ranked]
    position_of = {
        int(key[2:]): (i, score, ranking.multiplier_of(w))
        for i, (key, score, w) in enumerate(ranked, 1)
    }
    own = list(
        public_products()
        .filter(pk__in=manageable(membership).values("pk"))
        .only(
            "pk", "slug", "published", "published_at", "quality_score", "problems", "quality_report"
        )
    )
    verified = company.verification_status == VerificationStatus.VERIFIED
    rate = response_rates([company.pk]).get(company.pk)
    words = text.words(query)
    now = timezone.now()
    # One query for which of the member's listings match at all (ranked below DEPTH or not).
    mine = engine_query(params, facets=False)
    mine.filters = [*mine.filters, Filter("company_id", (company.pk,))]
    matching = {key for key, _, _ in engine.ranked_keys(mine, max(1, len(own)))}
    ranks, unmatched = [], []
    for product in own:
        found = position_of.get(product.pk)
        snapshot = product.published or {}
        if found is None:
            title = localized(snapshot, language)["title"]
            below = f"p:{product.pk}" in matching  # matches, but ranks below DEPTH
            unmatched.append({"product": product, "title": title, "below": below})
            continue
        signals = ranking.signals(
            quality_score=product.quality_score,
            verified=verified,
            stars=company.star_rating,
            response_rate=rate,
            published_at=product.published_at,
            problems=product.problems,
            now=now,
        )
        # The multiplier the index holds (the signals may have changed since it was fed).
        position, score, multiplier = found
        rank = ProductRank(
            product=product,
            title=localized(snapshot, language)["title"],
            position=position,
            score=score,
            relevance=score / multiplier,
            multiplier=multiplier,
            signals=signals,
            fields=_field_relevance(params, f"p:{product.pk}", language)
            if position <= DEPTH
            else {},
            missing_words=_missing_words(words, snapshot, language),
            fixes=[],
            response_known=rate is not None,
        )
        ranks.append(rank)
    ranks.sort(key=lambda r: r.position or DEPTH + 1)
    ranks = ranks[:SHOWN]
    for rank in ranks:
        rank.fixes = _fixes(rank, scores, rank.product, verified)
    total = engine.search(q).total
    return RankReport(
        query=query,
        language=language,
        total=total,
        first_score=scores[0] if scores else 0.0,
        page_one_score=scores[FIRST_PAGE - 1] if len(scores) >= FIRST_PAGE else 0.0,
        products=ranks,
        unmatched=[u for u in unmatched if not u["below"]][:10],
        below=[u for u in unmatched if u["below"]][:10],
    )


def popular_queries_for(company: Company, limit: int = 8) -> list[str]:
    """Recent popular searches that contain one of the supplier's listing keywords."""
    keywords: set[str] = set()
    for kws in public_products().filter(company=company).values_list("keywords", flat=True)[:500]:
        for k in kws or []:
            keywords.update(text.words(str(k)))
    since = timezone.now() - timedelta(days=30)
    rows = (
        QueryLog.objects.filter(at__gte=since, result_count__gt=0)
        .values("query")
        .annotate(n=Count("id"))
        .order_by("-n")[:300]
    )
    out = [r["query"] for r in rows if keywords & set(r["query"].split())]
    return out[:limit]
