"""``hansa generate``: builds the demo market, optionally replacing an existing one."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import ProtectedError

from hansa.demo.generator import delete_demo_data, demo_data_exists, generate_market
from hansa.demo.listings import DEFAULT_PRODUCTS
from hansa.demo.negotiation import generate_negotiation, negotiation_lines
from hansa.demo.report import print_summary


class Command(BaseCommand):
    help = (
        "Generate the demo market (suppliers, buyers, product listings, verification queue and "
        "demo logins)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (default 2026).")
        parser.add_argument(
            "--suppliers", type=int, default=220, help="Number of suppliers (default 220)."
        )
        parser.add_argument(
            "--buyers", type=int, default=320, help="Number of buyers (default 320)."
        )
        parser.add_argument(
            "--products",
            type=int,
            default=DEFAULT_PRODUCTS,
            help=f"Number of product listings (default {DEFAULT_PRODUCTS:,}).",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not show the progress bar."
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the existing demo companies and demo users first.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["suppliers"] < 1 or options["buyers"] < 1:
            raise CommandError("--suppliers and --buyers must be at least 1.")
        if options["products"] < 0:
            raise CommandError("--products cannot be negative.")
        if demo_data_exists():
            if not options["reset"]:
                raise CommandError(
                    "Demo data already exists. Run `hansa generate --reset` to replace it "
                    "(this deletes the demo companies and the demo users)."
                )
            try:
                companies, users = delete_demo_data()
            except ProtectedError as exc:
                raise CommandError(
                    "The demo data cannot be deleted: a demo user is still referenced by data "
                    f"outside the demo market ({exc.args[0]})."
                ) from None
            self.stdout.write(f"Deleted {companies} demo companies and {users} demo users.")
        started = time.monotonic()
        summary = generate_market(
            seed=options["seed"],
            suppliers=options["suppliers"],
            buyers=options["buyers"],
            products=options["products"],
            progress=not options["no_progress"],
        )
        negotiation = generate_negotiation(
            seed=options["seed"], progress=not options["no_progress"]
        )
        print_summary(self.stdout, summary, title="Demo market generated", style=self.style)
        for line in negotiation_lines(negotiation):
            self.stdout.write(line)
        self.stdout.write(f"Took {time.monotonic() - started:.1f} s.")
