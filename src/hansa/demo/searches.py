"""Demo search activity: an anonymous query log (popular searches, clicks) and a few synonyms.

Queries are built from the demo catalog's own keywords, spread over the last 30 days, so that
autocomplete, keyword health and the ranking explanation have figures from the first visit.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from hansa.catalog.listing_selectors import public_products
from hansa.search.models import QueryLog, Synonym

SYNONYMS = {
    "cellphone": ["mobile phone", "smartphone"],
    "bulb": ["lamp"],
    "t-shirt": ["tee", "tshirt"],
    "sofa": ["couch"],
    "pv module": ["solar panel"],
    "trainers": ["sneakers"],
}
QUALIFIERS = ["", "", "", "wholesale", "cheap", "waterproof", "12v", "oem", "custom", "bulk"]


def generate_searches(seed: int = 2026, count: int = 3000) -> int:
    rng = random.Random(seed)
    for term, alternatives in SYNONYMS.items():
        Synonym.objects.get_or_create(term=term, defaults={"alternatives": alternatives})
    keywords: list[str] = []
    for kws in public_products().order_by("pk").values_list("keywords", flat=True)[:5000]:
        keywords.extend(k.lower() for k in kws or [] if 3 <= len(k) <= 40)
    if not keywords:
        return 0
    popular = rng.sample(keywords, min(300, len(keywords)))
    now = timezone.now()
    rows = []
    for _ in range(count):
        # A few searches are very common, most are rare: a Zipf-like draw.
        keyword = popular[min(int(rng.paretovariate(1.2)) - 1, len(popular) - 1)]
        query = f"{rng.choice(QUALIFIERS)} {keyword}".strip()
        results = rng.randint(0, 400) if rng.random() > 0.05 else 0
        clicks = (
            sorted(rng.sample(range(1, 21), rng.randint(1, 3)))
            if results and rng.random() < 0.45
            else []
        )
        rows.append(
            QueryLog(
                query=query[:200],
                language=rng.choice(["en"] * 6 + ["es", "de", "fr", "zh-hans"]),
                result_count=results,
                clicked_positions=clicks,
            )
        )
    created = QueryLog.objects.bulk_create(rows, batch_size=1000)
    # Spread them over the last 30 days (auto_now_add stamped them all now).
    for entry in created:
        entry.at = now - timedelta(minutes=rng.randint(0, 30 * 24 * 60))
    QueryLog.objects.bulk_update(created, ["at"], batch_size=1000)
    return len(created)
