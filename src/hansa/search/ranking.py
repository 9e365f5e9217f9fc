"""Organic ranking: every weight in one place, and the arithmetic that explains a rank.

final score = text relevance (BM25, field boosts below) x rank multiplier

    multiplier = 1 + (BASE + listing and supplier signals) x penalties    (1.00 ... 3.05)

Decision record (keep it short, change it with a reason):

* **Relevance first.** The multiplier is bounded to [1, 3.05], so a listing that matches the words
  far better (title against description) still beats a polished one that matches them poorly.
  Within a comparable match, quality and trust decide.
* **Title > keywords > attributes > description** (4 : 3 : 2 : 1; the company name 1.5):
  suppliers control the title and three keywords most deliberately, and descriptions are long and
  easily stuffed; the query's language weighs fully, the base language at 0.8.
* **Quality 0.6 of the 2.0 bonus**: the catalog's 0-5 quality score (photos, attributes,
  description, prices) is what a supplier can fix today, so it weighs most.
* **Supplier trust 0.5**: verification (0.25) and its 1-6 stars (0.25) — buyers' first filter.
* **Responsiveness 0.4**: the share of inquiries answered within 24 h (inquiry issue); a supplier
  with no inquiries yet counts as half, neither rewarded nor punished.
* **Freshness 0.25**: full for 30 days after approval, fading to nothing at a year; computed at
  indexing time (a daily task re-indexes listings crossing a step).
* **Penalties multiply the bonus** (catalog detectors: duplicate 0.5, wrong category 0.6,
  keyword stuffing 0.7): demoted, never hidden.

tantivy multiplies the text score by ``log2(2 + w)``; :func:`engine_weight` turns the multiplier
into that ``w``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from hansa.catalog.detectors import DEMOTION

FIELD_BOOSTS = {"t": 4.0, "k": 3.0, "a": 2.0, "d": 1.0}
COMPANY_NAME_BOOST = 1.5
BASE_LANGUAGE_FACTOR = 0.8

BASE = 0.3
WEIGHTS = {
    "quality": 0.6,
    "verified": 0.25,
    "stars": 0.25,
    "response": 0.4,
    "freshness": 0.25,
}
MAX_MULTIPLIER = 1 + BASE + sum(WEIGHTS.values())  # 3.05
FRESH_DAYS = 30
STALE_DAYS = 365
NEUTRAL_RESPONSE = 0.5

FACTOR_LABELS = {
    "relevance": _("Text relevance"),
    "quality": _("Listing quality"),
    "verified": _("Verified supplier"),
    "stars": _("Verification stars"),
    "response": _("Response rate"),
    "freshness": _("Freshness"),
    "penalty": _("Penalties"),
}


@dataclass(frozen=True)
class Signals:
    """What the multiplier is made of, each scaled to 0..1 (penalty: the product of factors)."""

    quality: float
    verified: float
    stars: float
    response: float
    freshness: float
    penalty: float

    @property
    def bonus(self) -> float:
        return BASE + sum(WEIGHTS[name] * getattr(self, name) for name in WEIGHTS)

    @property
    def multiplier(self) -> float:
        return 1 + self.bonus * self.penalty

    def gains(self) -> dict[str, float]:
        """How much each signal could still add to the multiplier, if it were perfect."""
        gains = {name: WEIGHTS[name] * (1 - getattr(self, name)) * self.penalty for name in WEIGHTS}
        gains["penalty"] = self.bonus * (1 - self.penalty)
        return gains


def freshness(published_at: datetime | None, now: datetime) -> float:
    if published_at is None:
        return 0.0
    age = (now - published_at).total_seconds() / 86400
    if age <= FRESH_DAYS:
        return 1.0
    if age >= STALE_DAYS:
        return 0.0
    return round(1 - (age - FRESH_DAYS) / (STALE_DAYS - FRESH_DAYS), 2)


def penalty(problems: dict | None) -> float:
    factor = 1.0
    for key, multiplier in DEMOTION.items():
        if (problems or {}).get(key):
            factor *= float(multiplier)
    return factor


def signals(
    *,
    quality_score: Decimal | float | None,
    verified: bool,
    stars: int,
    response_rate: float | None,
    published_at: datetime | None,
    problems: dict | None,
    now: datetime,
) -> Signals:
    return Signals(
        quality=min(float(quality_score or 0) / 5, 1.0),
        verified=1.0 if verified else 0.0,
        stars=min(stars, 6) / 6 if verified else 0.0,
        response=NEUTRAL_RESPONSE if response_rate is None else float(response_rate),
        freshness=freshness(published_at, now),
        penalty=penalty(problems),
    )


def engine_weight(multiplier: float) -> float:
    """The ``w`` for which tantivy's ``log2(2 + w)`` equals ``multiplier`` (>= 1)."""
    return max(0.0, 2**multiplier - 2)


def multiplier_of(weight: float) -> float:
    return math.log2(2 + max(weight, 0.0))
