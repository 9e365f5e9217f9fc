"""``hansa generate_products N``: fills a benchmark catalogue with N live listings, fast.

The listings go to the demo suppliers (run ``hansa demo`` first), in batches written with one
prepared statement each (COPY on PostgreSQL), each with one of a few shared pictures and no review
trail. Each batch is its own transaction, so an interrupted run keeps the batches it finished.
"""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from tqdm import tqdm

from hansa.demo.listings import BENCH_BATCH, generate_benchmark_products

MAX_PRODUCTS = 1_000_000


class Command(BaseCommand):
    help = "Add N live product listings to the demo suppliers, for benchmarks."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("products", type=int, help=f"How many (1 to {MAX_PRODUCTS:,}).")
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (default 2026).")
        parser.add_argument(
            "--translations",
            action="store_true",
            help="Also write translated titles (about 30%% Chinese, 15%% Spanish, some others).",
        )
        parser.add_argument(
            "--batch",
            type=int,
            default=BENCH_BATCH,
            help=f"Listings per batch and transaction (default {BENCH_BATCH:,}).",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not show the progress bar."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        count, batch = options["products"], options["batch"]
        if not 1 <= count <= MAX_PRODUCTS:
            raise CommandError(f"Give between 1 and {MAX_PRODUCTS:,} products.")
        if batch < 1:
            raise CommandError("--batch must be at least 1.")
        with tqdm(
            total=count,
            disable=options["no_progress"],
            file=sys.stderr,
            unit="listing",
            desc="Benchmark listings",
        ) as bar:
            try:
                counts = generate_benchmark_products(
                    count=count,
                    seed=options["seed"],
                    translations=options["translations"],
                    batch=batch,
                    tick=bar.update,
                )
            except RuntimeError as exc:
                raise CommandError(str(exc)) from None
        rate = counts.total / counts.seconds if counts.seconds else float(counts.total)
        self.stdout.write(
            f"Added {counts.total:,} live listings ({counts.images:,} pictures, "
            f"{sum(counts.translations.values()):,} translations, {counts.tiers:,} price tiers) "
            f"in {counts.top_categories} industries on {connection.vendor}."
        )
        self.stdout.write(
            self.style.SUCCESS(f"{counts.seconds:.1f} s: {rate:,.0f} products per second.")
        )
