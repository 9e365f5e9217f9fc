#!/usr/bin/env python
"""RFQ matching benchmark: 1,000 new RFQs against 10,000 suppliers.

    .venv/bin/python bench/rfq_match.py [--suppliers 10000] [--rfqs 1000] [--seed 7]

Builds a temporary SQLite database (migrated, then suppliers, main markets and live listings
bulk-inserted), rebuilds the matching profiles, then pushes each RFQ as approval does
(``services.rfq_push``: match, store the top 20, look up who to notify) and reports the time.
Human-readable lines first; the LAST line is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import sys
import tempfile
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
ADJECTIVES = [
    "industrial",
    "portable",
    "waterproof",
    "stainless",
    "wireless",
    "compact",
    "heavy-duty",
    "eco-friendly",
    "custom",
    "automatic",
    "digital",
    "foldable",
    "rechargeable",
    "premium",
    "smart",
]
REGIONS = [
    "north_america",
    "western_europe",
    "eastern_europe",
    "southeast_asia",
    "mid_east",
    "africa",
    "south_america",
    "oceania",
    "eastern_asia",
    "south_asia",
]
COUNTRIES = ["US", "DE", "FR", "GB", "PL", "BR", "AE", "NG", "AU", "VN", "IN", "JP", "MX"]


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def setup(var_dir: str) -> None:
    os.environ["HANSA_VAR_DIR"] = var_dir
    os.environ["DATABASE_URL"] = f"sqlite:///{var_dir}/bench.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "hansa.settings.base"
    os.environ["SEARCH_INDEXER"] = "manual"
    os.environ["PERIODIC_IN_PROCESS"] = "0"
    sys.path.insert(0, str(PROJECT / "src"))
    import django

    django.setup()


def build_market(rng: random.Random, suppliers: int, per_supplier: int) -> dict[str, float]:
    from django.utils import timezone

    from hansa.catalog.models import Category, Product
    from hansa.companies.models import Company, MainMarket

    leaves = list(
        Category.objects.filter(is_leaf=True, is_active=True).values_list("pk", "name_en")
    )
    now = timezone.now()
    started = time.perf_counter()
    companies = []
    for i in range(suppliers):
        pk_leaves = rng.sample(leaves, 2)
        companies.append(
            Company(
                slug=f"bench-supplier-{i}",
                name=f"Bench Supplier {i} Co., Ltd.",
                kind="supplier",
                country="CN",
                city="Ningbo",
                main_products=[f"{rng.choice(ADJECTIVES)} {name}" for _pk, name in pk_leaves],
            )
        )
    Company.objects.bulk_create(companies, batch_size=2000)
    ids = list(
        Company.objects.filter(slug__startswith="bench-supplier-").values_list("pk", flat=True)
    )
    markets, products = [], []
    for n, company_id in enumerate(ids):
        for region in rng.sample(REGIONS, rng.randint(1, 3)):
            markets.append(MainMarket(company_id=company_id, region=region, share_percent=20))
        for j in range(per_supplier):
            category_id, name = rng.choice(leaves)
            title = f"{rng.choice(ADJECTIVES)} {name} model {n}-{j}"
            keywords = [name.lower(), rng.choice(ADJECTIVES)]
            products.append(
                Product(
                    company_id=company_id,
                    category_id=category_id,
                    status="live",
                    slug=f"bench-{n}-{j}",
                    title=title,
                    keywords=keywords,
                    attributes={},
                    published={"title": title, "keywords": keywords},
                    published_at=now,
                    price_min=Decimal("1.00"),
                    price_max=Decimal("2.00"),
                )
            )
    MainMarket.objects.bulk_create(markets, batch_size=5000)
    Product.objects.bulk_create(products, batch_size=5000)
    return {"market_s": round(time.perf_counter() - started, 2), "products": len(products)}


def make_rfqs(rng: random.Random, count: int) -> list[int]:
    from django.utils import timezone

    from hansa.catalog.models import Category
    from hansa.companies.models import Company
    from hansa.rfqs.models import Rfq, RfqStatus

    leaves = list(
        Category.objects.filter(is_leaf=True, is_active=True).values_list("pk", "name_en")
    )
    buyer = Company.objects.create(
        slug="bench-buyer", name="Bench Importer GmbH", kind="buyer", country="DE"
    )
    now = timezone.now()
    rows = []
    for i in range(count):
        category_id, name = rng.choice(leaves)
        rows.append(
            Rfq(
                buyer_company=buyer,
                product_name=f"{rng.choice(ADJECTIVES)} {name}",
                category_id=category_id,
                requirements=f"We need {name.lower()} in {rng.choice(ADJECTIVES)} quality, "
                f"packed for export, with CE marking. Batch {i}.",
                quantity=Decimal(rng.choice([100, 500, 1000, 5000])),
                unit="H87",
                destination_country=rng.choice(COUNTRIES),
                incoterm="FOB",
                payment_method="TT",
                status=RfqStatus.OPEN,
                approved_at=now,
                valid_until=now + timedelta(days=15),
            )
        )
    Rfq.objects.bulk_create(rows, batch_size=1000)
    return list(Rfq.objects.filter(buyer_company=buyer).order_by("pk").values_list("pk", flat=True))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--suppliers", type=int, default=10_000)
    ap.add_argument("--rfqs", type=int, default=1_000)
    ap.add_argument("--products-per-supplier", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", help="use this directory and keep it")
    args = ap.parse_args()
    var_dir = args.keep or tempfile.mkdtemp(prefix="hansa-rfq-bench-")
    Path(var_dir).mkdir(parents=True, exist_ok=True)
    try:
        setup(var_dir)
        from django.core.management import call_command
        from django.db import connection

        from hansa.rfqs import matching, services
        from hansa.rfqs.models import Rfq, RfqMatch

        rng = random.Random(args.seed)
        t = time.perf_counter()
        call_command("migrate", verbosity=0)
        print(
            f"migrated a temporary SQLite database in {time.perf_counter() - t:.1f} s", flush=True
        )
        market = build_market(rng, args.suppliers, args.products_per_supplier)
        print(
            f"{args.suppliers} suppliers, {market['products']} live listings bulk-inserted in "
            f"{market['market_s']} s",
            flush=True,
        )
        t = time.perf_counter()
        profiles = matching.profiles_rebuild()
        rebuild_s = time.perf_counter() - t
        print(f"profiles rebuilt: {profiles} suppliers in {rebuild_s:.2f} s", flush=True)
        ids = make_rfqs(rng, args.rfqs)
        times = []
        started = time.perf_counter()
        for pk in ids:
            rfq = Rfq.objects.select_related("category").get(pk=pk)
            t = time.perf_counter()
            services.rfq_push(rfq=rfq)
            times.append((time.perf_counter() - t) * 1000)
        total = time.perf_counter() - started
        matches = RfqMatch.objects.count()
        figures = {
            "database": connection.vendor,
            "suppliers": args.suppliers,
            "listings": market["products"],
            "rfqs": len(ids),
            "profile_rebuild_s": round(rebuild_s, 2),
            "match_total_s": round(total, 2),
            "match_per_rfq_ms_mean": round(sum(times) / len(times), 2),
            "match_per_rfq_ms_p50": round(pct(times, 50), 2),
            "match_per_rfq_ms_p95": round(pct(times, 95), 2),
            "matches_per_rfq": round(matches / len(ids), 1),
        }
        print(
            f"matched {len(ids)} RFQs in {total:.2f} s: {figures['match_per_rfq_ms_mean']} ms "
            f"per RFQ on average (p50 {figures['match_per_rfq_ms_p50']} ms, p95 "
            f"{figures['match_per_rfq_ms_p95']} ms), {figures['matches_per_rfq']} suppliers each"
        )
        print(json.dumps(figures))
    finally:
        if not args.keep:
            shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
