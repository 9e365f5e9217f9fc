"""``hansa demo``: makes sure a demo market exists and prints how to sign in to it."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from hansa.demo.generator import demo_data_exists, generate_market, summarize_existing
from hansa.demo.listings import DEFAULT_PRODUCTS
from hansa.demo.negotiation import generate_negotiation, negotiation_lines
from hansa.demo.report import print_summary


class Command(BaseCommand):
    help = "Create the demo market unless it already exists, then print the demo logins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (default 2026).")
        parser.add_argument(
            "--products",
            type=int,
            default=DEFAULT_PRODUCTS,
            help=f"Number of product listings (default {DEFAULT_PRODUCTS:,}).",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not show the progress bar."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if demo_data_exists():
            self.stdout.write("Demo market already present.")
            print_summary(self.stdout, summarize_existing(), title="Demo market", style=self.style)
            return
        summary = generate_market(
            seed=options["seed"],
            products=options["products"],
            progress=not options["no_progress"],
        )
        self._check_featured_supplier()
        negotiation = generate_negotiation(
            seed=options["seed"], progress=not options["no_progress"]
        )
        self._search(progress=not options["no_progress"])
        print_summary(self.stdout, summary, title="Demo market generated", style=self.style)
        for line in negotiation_lines(negotiation):
            self.stdout.write(line)

    def _search(self, *, progress: bool) -> None:
        """A query log and synonyms for the demo, then the search index (with a progress bar)."""
        from django.core.management import call_command

        from hansa.demo.searches import generate_searches

        generate_searches()
        call_command("reindex", verbosity=1 if progress else 0, stdout=self.stdout)

    def _check_featured_supplier(self) -> None:
        """Scores the demo supplier's live listings and runs the problem detectors on them, so
        its product list and search diagnosis show real figures from the first sign-in.
        (`hansa detect_problems` does the same for the whole catalog.)"""
        from django.core.management import call_command

        from hansa.companies.models import Membership

        membership = Membership.objects.filter(user__email="supplier@hansa.demo").first()
        if membership is not None:
            call_command("detect_problems", company=membership.company.slug, verbosity=0)
