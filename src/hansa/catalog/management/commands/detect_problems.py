"""manage.py detect_problems: re-check every live listing for duplicates, a probably wrong
category and keyword stuffing, and re-score it. Run it after importing a catalog, or nightly, so
that problems caught by a catalog that has grown since approval are stored too."""

from __future__ import annotations

from collections import Counter

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from hansa.catalog import detectors
from hansa.catalog.models import Product
from hansa.catalog.models.listings import PUBLIC_STATUSES


class Command(BaseCommand):
    help = "Recompute problem detection and quality scores for all live listings."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--company", help="Only this company's listings (its slug).")

    def handle(self, *args: object, **options: object) -> None:
        listings = Product.objects.filter(status__in=PUBLIC_STATUSES).order_by("pk")
        if options.get("company"):
            listings = listings.filter(company__slug=options["company"])
        total = listings.count()
        model = detectors.classifier()  # trained once: checking changes no published version
        found: Counter[str] = Counter()
        quiet = options.get("verbosity", 1) == 0
        query = listings.select_related("category", "company").prefetch_related(
            "images", "translations", "tiers", "category__attributes"
        )
        for product in tqdm(
            query.iterator(chunk_size=200), total=total, unit="listing", disable=quiet
        ):
            problems = detectors.detect_problems(product, model=model)
            found.update(k for k in detectors.DEMOTION if problems.get(k))
        if not quiet:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Checked {total} live listings: {found['duplicate_of']} duplicates, "
                    f"{found['suggested_category']} probably in the wrong category, "
                    f"{found['keyword_stuffing']} with keyword stuffing."
                )
            )
