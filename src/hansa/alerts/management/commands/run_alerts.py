"""hansa run_alerts: check the saved searches that are due, then send the notification e-mails
that are due (daily and weekly digests, and immediate ones). Safe to run often from cron, e.g.
every 15 minutes; nothing is checked or sent twice."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from hansa.alerts.tasks import tick


class Command(BaseCommand):
    help = "Check due saved-search alerts and send due notification e-mails."

    def handle(self, *args: object, **options: object) -> None:
        run, sent = tick()
        if options.get("verbosity", 1):
            self.stdout.write(
                self.style.SUCCESS(
                    f"Checked {run.checked} saved searches ({run.notified} with new matches); "
                    f"sent {sent} notification e-mails."
                )
            )
