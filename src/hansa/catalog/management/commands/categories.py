"""hansa categories export FILE | import FILE [--deactivate-missing] | seed"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hansa.catalog.services import (
    categories_export_document,
    categories_import_document,
    categories_load_seed,
)
from hansa.catalog.tree_io import TreeError


class Command(BaseCommand):
    help = (
        "Export or import the category tree and attribute templates as JSON, "
        "or reload the shipped tree."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["export", "import", "seed"])
        parser.add_argument("file", nargs="?", help="JSON file (export: '-' for standard output)")
        parser.add_argument("--deactivate-missing", action="store_true")

    def handle(self, *args: object, **options: object) -> None:
        action, file = options["action"], options["file"]
        if action == "seed":
            report = categories_load_seed()
        elif action == "export":
            body = json.dumps(categories_export_document(), ensure_ascii=False, indent=1)
            if not file or file == "-":
                self.stdout.write(body)
            else:
                Path(str(file)).write_text(body, encoding="utf-8")
                self.stdout.write(f"Wrote {file}")
            return
        else:
            if not file:
                raise CommandError("Give the JSON file to import.")
            try:
                document = json.loads(Path(str(file)).read_text(encoding="utf-8"))
                report = categories_import_document(
                    document, deactivate_missing=bool(options["deactivate_missing"])
                )
            except (OSError, json.JSONDecodeError) as exc:
                raise CommandError(f"Cannot read {file}: {exc}") from None
            except TreeError as exc:
                raise CommandError("Nothing imported:\n  " + "\n  ".join(exc.problems)) from None
        self.stdout.write(
            f"{report.created} categories created, {report.updated} updated, "
            f"{report.deactivated} hidden; "
            f"{report.templates} templates with {report.attributes} attributes."
        )
