"""``hansa run_periodic``: run the periodic jobs that are due (for cron, without Celery beat)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from hansa.core import periodic


class Command(BaseCommand):
    help = "Runs the periodic jobs (core/periodic.py) that are due; safe to run from cron."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--list", action="store_true", help="list the jobs and stop")

    def handle(self, *args, **options) -> None:
        if options["list"]:
            for job in periodic.JOBS:
                self.stdout.write(f"{job.name:<16} every {job.every_s:>7.0f} s  {job.func}")
            return
        ran = periodic.run_due()
        self.stdout.write("ran: " + (", ".join(ran) if ran else "nothing was due"))
