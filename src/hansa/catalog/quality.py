"""The listing quality score: 0 to 5, itemised, each deduction with one line of advice.

The score is what search diagnosis shows a supplier and what review shows the operator; search
ranking will read it too. ``refresh_quality`` recomputes it after every edit (the listing
services call it) and after problem detection; it stores the score and the report only.

The stored report keeps language-neutral codes and parameters beside English text, so that
``report_items`` can show it in the reader's language later.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from hansa.catalog.attributes import completeness
from hansa.catalog.detectors import tokens
from hansa.catalog.models import PriceKind, Product

D = Decimal
CENT = D("0.01")

# The weights, in one place. They sum to 5.0.
WEIGHTS: dict[str, D] = {
    # The title is what search matches first and what a buyer reads in the result list.
    "title": D("1.00"),
    # Keywords catch the other names buyers search by; three short fields, so half a point.
    "keywords": D("0.50"),
    # Attributes feed search filters and the comparison basket; buyers filter before reading.
    "attributes": D("0.80"),
    # Photos decide the click in a result list; a single small photo looks like a shell company.
    "images": D("0.80"),
    # The description answers questions the attributes cannot; structure makes it readable.
    "description": D("0.60"),
    # Price, MOQ, lead time, port, Incoterms, payment... are a buyer's first inquiry; giving
    # them saves a round of messages and is the platform's trade-information standard.
    "trade": D("0.90"),
    # Versions in other languages reach buyers who search in theirs (Chinese, Spanish...).
    "languages": D("0.40"),
}
assert sum(WEIGHTS.values()) == D("5.00")

# Problems found by the detectors take points off on top (see detectors.py).
PROBLEM_PENALTIES: dict[str, D] = {
    "duplicate_of": D("1.00"),
    "suggested_category": D("0.75"),
    "keyword_stuffing": D("0.50"),
}

TITLE_SWEET = (30, 128)
MAIN_IMAGE_SIDE = 640
SQUARE_TOLERANCE = 0.25
DESCRIPTION_FULL = 300
DESCRIPTION_HALF = 100
BONUS_LANGUAGES = ("zh-hans", "es")

LABELS = {
    "title": _("Title"),
    "keywords": _("Keywords"),
    "attributes": _("Attributes"),
    "images": _("Photos"),
    "description": _("Description"),
    "trade": _("Trade information"),
    "languages": _("Languages"),
    "problem.duplicate_of": _("Duplicate listing"),
    "problem.suggested_category": _("Probably the wrong category"),
    "problem.keyword_stuffing": _("Keyword stuffing"),
}

ADVICE = {
    "title_length": _(
        "Write a title of 30 to 128 characters: product name, main specification, material or "
        "use (now %(n)d)."
    ),
    "title_category_word": _(
        "Name the product the way buyers search for it: put “%(word)s” or one of your keywords "
        "in the title."
    ),
    "title_shouting": _("Write the title in normal case; capital letters read as shouting."),
    "title_repeated": _("Say each word once in the title: “%(words)s” is repeated."),
    "keywords_count": _(
        "Give all 3 keywords: other names buyers search this product by (now %(n)d)."
    ),
    "keywords_distinct": _("Make the keywords differ: “%(a)s” and “%(b)s” say the same."),
    "keywords_title": _("A keyword should be another name for the product, not the title again."),
    "attributes_required": _(
        "Fill in the %(n)d required attributes still empty; listings without them are not shown "
        "in filtered searches."
    ),
    "attributes_optional": _(
        "Fill in more attributes (%(filled)d of %(total)d optional ones are given); buyers "
        "filter and compare by them."
    ),
    "images_count": _(
        "Add at least 3 photos: the product, its details, its packaging (now %(n)d)."
    ),
    "images_main_small": _(
        "Use a main photo at least 640 pixels on its shorter side (now %(px)d)."
    ),
    "images_main_square": _(
        "Crop the main photo close to square; search results show square thumbnails."
    ),
    "description_length": _(
        "Describe the product in at least 300 characters: materials, specifications, uses, "
        "quality control (now %(n)d)."
    ),
    "description_structure": _(
        "Structure the description: short paragraphs, a list of features, a specification table."
    ),
    "trade_missing": _("Complete the trade information buyers ask first: %(missing)s."),
    "languages_none": _("Add a version in another language; buyers search in their own."),
    "languages_bonus": _(
        "Add a Chinese or Spanish version: large buying markets search in these languages."
    ),
    "problem_duplicate": _(
        "This repeats your listing “%(title)s”. Make it a different product or archive one of "
        "them: duplicates are pushed down in search."
    ),
    "problem_category": _(
        "Buyers look for this in “%(name)s”. Move it there if that fits: listings in the wrong "
        "category are pushed down in search."
    ),
    "problem_stuffing": _(
        "Remove repeated words and lists of names from the title and keywords: stuffing is "
        "pushed down in search."
    ),
}

TRADE_LABELS = {
    "price": _("price"),
    "moq": _("minimum order"),
    "lead_time": _("lead time"),
    "port": _("port of loading"),
    "incoterms": _("Incoterms"),
    "payment": _("payment methods"),
    "packaging": _("packaging"),
    "hs_code": _("HS code"),
    "supply": _("supply ability"),
}


@dataclass
class Part:
    """One check inside an item: its points, the share earned (0-1) and its advice."""

    points: D
    share: float
    advice: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def got(self) -> D:
        return (self.points * D(str(max(0.0, min(1.0, self.share))))).quantize(CENT, ROUND_HALF_UP)


@dataclass
class QualityReport:
    score: D
    items: list[dict[str, Any]]

    def as_json(self) -> list[dict[str, Any]]:
        return [
            {k: (str(v) if isinstance(v, D) else v) for k, v in item.items()} for item in self.items
        ]


def _render(code: str, params: dict[str, Any]) -> str:
    if not code:
        return ""
    values = dict(params)
    if code == "trade_missing":
        values["missing"] = ", ".join(str(TRADE_LABELS[m]) for m in params.get("missing", []))
    return str(ADVICE[code]) % values


def _item(key: str, maximum: D, parts: list[Part]) -> dict[str, Any]:
    got = sum((p.got for p in parts), D("0.00"))
    lost = [p for p in parts if p.got < p.points]
    worst = max(lost, key=lambda p: p.points - p.got) if lost else None
    code = worst.advice if worst else ""
    params = worst.params if worst else {}
    return {
        "key": key,
        "label": str(LABELS[key]),
        "max": maximum,
        "got": got,
        "deduction": maximum - got,
        "advice": _render(code, params),
        "advice_code": code,
        "params": params,
    }


# --- The checks ----------------------------------------------------------------------------------


def title_length(title: str) -> int:
    """Characters, a Chinese character counting two (it carries about two letters' meaning)."""
    return sum(2 if "\u3400" <= c <= "\u9fff" else 1 for c in title.strip())


def _is_shouting(title: str) -> bool:
    letters = [c for c in title if c.isalpha() and c.isascii()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) / len(letters) > 0.6


def _title(product: Product) -> list[Part]:
    title = product.title or ""
    length = title_length(title)
    low, high = TITLE_SWEET
    share = 1.0 if low <= length <= high else (0.5 if length >= 20 else 0.0)
    words = tokens(title)
    category_words = set(tokens(f"{product.category.name_en} {product.category.name_zh}"))
    padded = f" {' '.join(words)} "
    named = bool(category_words & set(words)) or any(
        tokens(k) and f" {' '.join(tokens(k))} " in padded for k in product.keywords
    )
    repeated = sorted(w for w, n in Counter(w for w in words if len(w) > 2).items() if n > 1)
    return [
        Part(D("0.40"), share, "title_length", {"n": length}),
        Part(D("0.30"), float(named), "title_category_word", {"word": product.category.name_en}),
        Part(D("0.15"), float(not _is_shouting(title)), "title_shouting"),
        Part(D("0.15"), float(not repeated), "title_repeated", {"words": ", ".join(repeated)}),
    ]


def _keywords(product: Product) -> list[Part]:
    keywords = [k for k in product.keywords if str(k).strip()]
    n = len(keywords)
    seen: dict[str, str] = {}
    same: tuple[str, str] | None = None
    for k in keywords:
        key = " ".join(sorted(set(tokens(k)))) or k.lower()
        if key in seen and same is None:
            same = (seen[key], k)
        seen.setdefault(key, k)
    title = " ".join(re.findall(r"\w+", product.title.lower()))
    repeats_title = any(
        title and title in " ".join(re.findall(r"\w+", k.lower())) for k in keywords
    )
    return [
        Part(D("0.30"), min(n, 3) / 3, "keywords_count", {"n": n}),
        Part(
            D("0.10"),
            float(n > 0 and same is None),
            "keywords_distinct",
            {"a": same[0], "b": same[1]} if same else {"a": "", "b": ""},
        ),
        Part(D("0.10"), float(n > 0 and not repeats_title), "keywords_title"),
    ]


def _attributes(product: Product) -> list[Part]:
    req_filled, req_total, opt_filled, opt_total = completeness(
        product.category.attributes.all(), product.attributes
    )
    return [
        Part(
            D("0.50"),
            req_filled / req_total if req_total else 1.0,
            "attributes_required",
            {"n": req_total - req_filled},
        ),
        Part(
            D("0.30"),
            opt_filled / opt_total if opt_total else 1.0,
            "attributes_optional",
            {"filled": opt_filled, "total": opt_total},
        ),
    ]


def _images(product: Product) -> list[Part]:
    images = sorted(product.images.all(), key=lambda i: (i.position, i.id))
    n = len(images)
    main = images[0] if images else None
    side = min(main.width, main.height) if main else 0
    square = bool(main and main.height and abs(main.width / main.height - 1) <= SQUARE_TOLERANCE)
    return [
        Part(D("0.40"), min(n, 3) / 3, "images_count", {"n": n}),
        Part(D("0.25"), float(side >= MAIN_IMAGE_SIDE), "images_main_small", {"px": side}),
        Part(D("0.15"), float(square), "images_main_square"),
    ]


def _description(product: Product) -> list[Part]:
    html = product.description or ""
    text = " ".join(strip_tags(html).split())
    length = len(text)
    share = 1.0 if length >= DESCRIPTION_FULL else (0.5 if length >= DESCRIPTION_HALF else 0.0)
    lowered = html.lower()
    kinds = [
        lowered.count("<p") >= 2 or bool(re.search(r"<h[2-4]", lowered)),
        "<ul" in lowered or "<ol" in lowered,
        "<table" in lowered,
    ]
    return [
        Part(D("0.30"), share, "description_length", {"n": length}),
        Part(D("0.30"), min(sum(kinds), 2) / 2, "description_structure"),
    ]


def _has_price(product: Product) -> bool:
    if product.price_kind == PriceKind.TIERS:
        return any(True for _t in product.tiers.all())
    if product.price_kind == PriceKind.RANGE:
        return product.price_min is not None
    return False


def _trade(product: Product) -> list[Part]:
    given = {
        "price": _has_price(product),
        "moq": bool(product.moq),
        "lead_time": bool(product.lead_times),
        "port": product.port_of_loading_id is not None,
        "incoterms": bool(product.incoterms),
        "payment": bool(product.payment_methods),
        "packaging": bool((product.packaging or "").strip()),
        "hs_code": bool(product.hs_code),
        "supply": product.supply_quantity is not None,
    }
    missing = [k for k, ok in given.items() if not ok]
    share = sum(given.values()) / len(given)
    return [Part(D("0.90"), share, "trade_missing", {"missing": missing})]


def _languages(product: Product) -> list[Part]:
    others = {t.language for t in product.translations.all()} - {product.base_language}
    return [
        Part(D("0.25"), float(bool(others)), "languages_none"),
        Part(D("0.15"), float(bool(others & set(BONUS_LANGUAGES))), "languages_bonus"),
    ]


CHECKS = {
    "title": _title,
    "keywords": _keywords,
    "attributes": _attributes,
    "images": _images,
    "description": _description,
    "trade": _trade,
    "languages": _languages,
}


def _problem_items(problems: dict[str, Any]) -> list[dict[str, Any]]:
    items = []
    for key, penalty in PROBLEM_PENALTIES.items():
        found = problems.get(key)
        if not found:
            continue
        if key == "duplicate_of":
            evidence = problems.get("duplicate_evidence") or {}
            code, params = "problem_duplicate", {"id": found, "title": evidence.get("title", "")}
        elif key == "suggested_category":
            code, params = "problem_category", {"code": found["code"], "name": found["name"]}
        else:
            code, params = "problem_stuffing", {}
        items.append(
            {
                "key": f"problem.{key}",
                "label": str(LABELS[f"problem.{key}"]),
                "max": D("0.00"),
                "got": -penalty,
                "deduction": penalty,
                "advice": _render(code, params),
                "advice_code": code,
                "params": params,
            }
        )
    return items


def score_listing(product: Product, *, problems: dict[str, Any] | None = None) -> QualityReport:
    """Scores the working copy; ``problems`` defaults to the stored detector results."""
    items = [_item(key, WEIGHTS[key], check(product)) for key, check in CHECKS.items()]
    items += _problem_items(product.problems if problems is None else problems)
    total = sum((i["got"] for i in items), D("0.00"))
    score = min(max(total, D("0.00")), D("5.00")).quantize(CENT, ROUND_HALF_UP)
    return QualityReport(score=score, items=items)


def refresh_quality(product: Product) -> QualityReport:
    """Recomputes and stores score and report; writes those two columns only, sends no signal."""
    with override("en"):
        report = score_listing(product)
    Product.objects.filter(pk=product.pk).update(
        quality_score=report.score, quality_report=report.as_json()
    )
    product.quality_score, product.quality_report = report.score, report.as_json()
    from hansa.search.outbox import enqueue_products

    enqueue_products([product.pk])  # the score is a ranking signal (no signal was sent)
    return report


def report_items(stored: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A stored report for display: decimals back, label and advice in the active language."""
    from hansa.catalog.models import Category

    items = []
    for item in stored or []:
        params = dict(item.get("params") or {})
        if item.get("advice_code") == "problem_category" and params.get("code"):
            category = Category.objects.filter(code=params["code"]).first()
            if category is not None:
                params["name"] = category.name
        label = LABELS.get(item["key"])
        code = item.get("advice_code", "")
        items.append(
            {
                **item,
                "label": str(label) if label else item.get("label", ""),
                "max": D(str(item["max"])),
                "got": D(str(item["got"])),
                "deduction": D(str(item["deduction"])),
                "advice": _render(code, params) if code in ADVICE else item.get("advice", ""),
            }
        )
    return items


def band(score: D) -> str:
    """low / mid / high, for colouring a score (always shown with its number)."""
    return "high" if score >= D(4) else ("mid" if score >= D("2.5") else "low")


def top_advice(stored: list[dict[str, Any]], *, limit: int = 1) -> list[str]:
    """The advice that would win back the most points first."""
    ranked = sorted(
        (i for i in report_items(stored) if i["advice"]),
        key=lambda i: i["deduction"],
        reverse=True,
    )
    return [i["advice"] for i in ranked[:limit]]
