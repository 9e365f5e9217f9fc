"""Search diagnosis: six boards that tell a supplier how its listings stand and what to fix.

(1) basic information quality, (2) advantage products, (3) problem products, (4) supplier
quality, (5) assured-trade volume, (6) keyword health. Each board ends in advice. Boards whose
figures come from later features (clicks, inquiries, orders, the search query log) say "no data
yet" rather than show invented numbers.

A member sees the listings it may manage: the whole company for owner and admins, a sales
rep's own listings for a sales rep.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from hansa.catalog import quality
from hansa.catalog.detectors import tokens
from hansa.catalog.listing_selectors import manageable
from hansa.catalog.models import Category, Product
from hansa.catalog.models.listings import PUBLIC_STATUSES, ListingStatus
from hansa.catalog.views_review import reason_labels
from hansa.companies.profile import profile_completeness
from hansa.companies.roles import Perm
from hansa.core.http import member_required

ADVANTAGE_SCORE = Decimal("4.00")
LOWEST_SHOWN = 5
ADVANTAGE_SHOWN = 10
RESCORE_MAX = 200  # listings never scored (made before scoring existed) scored per visit
BUCKETS = [
    (Decimal(0), "0–1", "#b42318"),
    (Decimal(1), "1–2", "#c4501b"),
    (Decimal(2), "2–3", "#8a5a00"),
    (Decimal(3), "3–4", "#0b5cad"),
    (Decimal(4), "4–5", "#17663a"),
]
CHART = {"width": 520, "height": 220, "top": 24, "bottom": 40, "left": 16, "gap": 24}


def editor_url(product: Product) -> str:
    return reverse("catalog:product_edit", args=[product.pk])


def move_url(product: Product, code: str) -> str:
    """The editor's category page with the suggested category already chosen."""
    return (
        reverse("catalog:product_category", args=[product.pk]) + "?" + urlencode({"category": code})
    )


def public_url(product: Product) -> str | None:
    try:
        return product.get_absolute_url()
    except NoReverseMatch:  # the public product page is another feature's
        return None


def _bucket(score: Decimal) -> int:
    return min(int(score), len(BUCKETS) - 1)


def score_chart(scores: list[Decimal]) -> dict[str, Any]:
    """Bars of the score distribution, laid out here so that the template only draws them."""
    counts = [0] * len(BUCKETS)
    for score in scores:
        counts[_bucket(score)] += 1
    peak = max(counts) or 1
    c = CHART
    plot_height = c["height"] - c["top"] - c["bottom"]
    slot = (c["width"] - 2 * c["left"]) / len(BUCKETS)
    bar_width = slot - c["gap"]
    bars = []
    for i, ((_low, label, colour), n) in enumerate(zip(BUCKETS, counts, strict=True)):
        height = round(plot_height * n / peak) if n else 0
        x = c["left"] + i * slot + c["gap"] / 2
        y = c["top"] + plot_height - height
        bars.append(
            {
                "label": label,
                "count": n,
                "x": round(x, 1),
                "y": y,
                "width": round(bar_width, 1),
                "height": max(height, 1),
                "fill": colour,
                "middle": round(x + bar_width / 2, 1),
                "count_y": y - 6,
                "label_y": c["height"] - c["bottom"] + 18,
            }
        )
    return {
        "bars": bars,
        "width": c["width"],
        "height": c["height"],
        "axis_y": c["top"] + plot_height,
        "axis_x2": c["width"] - c["left"],
        "caption_y": c["height"] - 6,
        "summary": ", ".join(
            _("%(label)s points: %(n)d") % {"label": b["label"], "n": b["count"]} for b in bars
        ),
    }


def _quality_board(listings: list[Product]) -> dict[str, Any]:
    stale = [p for p in listings if not p.quality_report][:RESCORE_MAX]
    for product in stale:
        quality.refresh_quality(product)
    scores = [Decimal(p.quality_score) for p in listings]
    lowest = sorted(listings, key=lambda p: (p.quality_score, p.pk))[:LOWEST_SHOWN]
    lost: Counter[str] = Counter()
    labels: dict[str, str] = {}
    for product in listings:
        for item in quality.report_items(product.quality_report):
            if not item["key"].startswith("problem."):
                lost[item["key"]] += item["deduction"]
                labels[item["key"]] = item["label"]
    weakest = lost.most_common(1)[0][0] if lost and lost.most_common(1)[0][1] > 0 else None
    average = (sum(scores) / len(scores)).quantize(Decimal("0.01")) if scores else None
    return {
        "count": len(listings),
        "average": average,
        "chart": score_chart(scores),
        "lowest": [
            {
                "product": p,
                "band": quality.band(p.quality_score),
                "advice": quality.top_advice(p.quality_report, limit=2),
                "edit": editor_url(p),
            }
            for p in lowest
        ],
        "weakest": labels.get(weakest) if weakest else None,
    }


def _clean(product: Product) -> bool:
    return not any((product.problems or {}).get(k) for k in quality.PROBLEM_PENALTIES)


def _advantage_board(listings: list[Product]) -> list[dict[str, Any]]:
    strong = [
        p
        for p in listings
        if p.status in PUBLIC_STATUSES
        and p.published
        and p.quality_score >= ADVANTAGE_SCORE
        and _clean(p)
    ]
    best = sorted(strong, key=lambda p: (-p.quality_score, p.pk))[:ADVANTAGE_SHOWN]
    return [{"product": p, "url": public_url(p)} for p in best]


def _stuffing_text(evidence: dict[str, Any]) -> list[str]:
    lines = []
    if evidence.get("repeated"):
        words = ", ".join(f"“{w}” ×{n}" for w, n in evidence["repeated"].items())
        lines.append(_("Repeated words: %(words)s") % {"words": words})
    if evidence.get("keyword_is_title"):
        lines.append(
            _("Keywords that repeat the title: %(k)s")
            % {"k": ", ".join(evidence["keyword_is_title"])}
        )
    if evidence.get("title_items"):
        lines.append(
            _("The title is a list of %(n)d names or models.") % {"n": evidence["title_items"]}
        )
    return lines


def _problem_board(listings: list[Product]) -> dict[str, list[dict[str, Any]]]:
    by_id = {p.pk: p for p in listings}
    originals = {(p.problems or {}).get("duplicate_of") for p in listings} - {None}
    titles = dict(
        Product.objects.filter(pk__in=originals - set(by_id)).values_list("pk", "title")
    ) | {pk: p.title for pk, p in by_id.items()}
    codes = {
        (p.problems or {}).get("suggested_category", {}).get("code")
        for p in listings
        if (p.problems or {}).get("suggested_category")
    }
    categories = {c.code: c for c in Category.objects.filter(code__in=codes)}
    board: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in listings:
        problems = p.problems or {}
        if problems.get("duplicate_of"):
            original = problems["duplicate_of"]
            board["duplicates"].append(
                {
                    "product": p,
                    "original_title": titles.get(original, f"#{original}"),
                    "edit": editor_url(p),
                }
            )
        if problems.get("suggested_category"):
            found = problems["suggested_category"]
            node = categories.get(found["code"])
            board["categories"].append(
                {
                    "product": p,
                    "name": node.name if node else found["name"],
                    "percent": min(99, round(100 * found["probability"])),
                    "move": move_url(p, found["code"]),
                }
            )
        if problems.get("keyword_stuffing"):
            board["stuffing"].append(
                {
                    "product": p,
                    "evidence": _stuffing_text(problems["keyword_stuffing"]),
                    "edit": editor_url(p),
                }
            )
        if p.rejection_reasons and p.status in (ListingStatus.REJECTED, ListingStatus.LIVE):
            board["rejected"].append(
                {
                    "product": p,
                    "reasons": reason_labels(p.rejection_reasons),
                    "edit": editor_url(p),
                }
            )
        if p.auto_flags:
            board["flagged"].append(
                {
                    "product": p,
                    "flags": [f.get("message", "") for f in p.auto_flags],
                    "edit": editor_url(p),
                }
            )
    return dict(board)


KEYWORDS_SHOWN = 25


def _keyword_board(listings: list[Product]) -> dict[str, Any]:
    uses: dict[str, list[Product]] = defaultdict(list)
    spellings: dict[frozenset[str], set[str]] = defaultdict(set)
    for p in listings:
        for keyword in dict.fromkeys(" ".join(str(k).lower().split()) for k in p.keywords):
            if keyword:
                uses[keyword].append(p)
                spellings[frozenset(tokens(keyword)) or frozenset([keyword])].add(keyword)
    rows = sorted(
        (
            {"keyword": k, "count": len(ps), "listings": ps[:3], "more": max(0, len(ps) - 3)}
            for k, ps in uses.items()
        ),
        key=lambda r: (-r["count"], r["keyword"]),
    )
    same = [sorted(group) for group in spellings.values() if len(group) > 1]
    from hansa.search.selectors import keyword_demand

    demand = keyword_demand([r["keyword"] for r in rows[:KEYWORDS_SHOWN]])
    for r in rows[:KEYWORDS_SHOWN]:
        r.update(demand.get(r["keyword"], {}))
    return {
        # The most used keywords first; a long tail would bury the overlaps that matter.
        "rows": rows[:KEYWORDS_SHOWN],
        "hidden": max(0, len(rows) - KEYWORDS_SHOWN),
        "shared": [r for r in rows if r["count"] > 1],
        "same": sorted(same),
        "without": [p for p in listings if not p.keywords],
    }


@member_required(Perm.MANAGE_LISTINGS)
def diagnosis(request: HttpRequest) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    company = membership.company
    if not company.is_supplier:
        raise Http404()
    listings = list(manageable(membership).exclude(status=ListingStatus.ARCHIVED).order_by("pk"))
    board1 = _quality_board(listings)
    completeness = profile_completeness(company)
    return render(
        request,
        "catalog/diagnosis/diagnosis.html",
        {
            "listings_count": len(listings),
            "board1": board1,
            "advantage": _advantage_board(listings),
            "problems": _problem_board(listings),
            "completeness": completeness,
            "missing": completeness.missing[:6],
            "keywords": _keyword_board(listings),
            "is_rep": membership.role == "sales_rep",
            "advantage_score": ADVANTAGE_SCORE,
        },
    )
