"""hansa import_products FILE --company SLUG --user EMAIL [--category CODE] [--errors PATH]

Imports listings from a filled-in template (.xlsx or CSV) as the given member, with the same
checks as the upload page; the rows run here, in this process, with a progress bar. Failed rows
are written to an error file (the upload's format plus an "error" column) to fix and re-import.
"""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from hansa.accounts.models import User
from hansa.catalog import imports
from hansa.catalog.models import ImportJob
from hansa.companies.access import active_membership
from hansa.core.errors import BusinessError


class Command(BaseCommand):
    help = "Import product listings from a CSV or Excel file in the import template's format."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="The .xlsx or .csv file")
        parser.add_argument("--company", required=True, help="Slug of the supplier company")
        parser.add_argument(
            "--user",
            required=True,
            help="E-mail of an active member who manages listings (a sales rep owns the rows)",
        )
        parser.add_argument(
            "--category", help="Leaf category code; by default the one the template names"
        )
        parser.add_argument(
            "--errors", help="Where to write the failed rows (default: FILE-errors.EXT)"
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bar")

    def handle(self, *args: object, **options: object) -> None:
        path = Path(str(options["file"]))
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from None
        user = User.objects.filter(email__iexact=str(options["user"])).first()
        membership = active_membership(user)
        if membership is None or membership.company.slug != options["company"]:
            raise CommandError(
                f"{options['user']} is not an active member of company {options['company']!r}."
            )
        code = options["category"]
        if not code:
            try:
                code = imports.read_table(data).category_code
            except imports.ImportFileError as exc:
                raise CommandError(exc.message) from None
            if not code:
                raise CommandError(
                    "The file does not say which category's template it is; give --category."
                )
        try:
            category = imports.leaf_category(str(code))
            job = imports.import_job_create(
                membership=membership,
                category=category,
                upload=SimpleUploadedFile(path.name, data),
            )
        except BusinessError as exc:
            raise CommandError(exc.message) from None

        with tqdm(
            total=job.total_rows,
            unit="row",
            desc=f"Importing into {category.code}",
            file=sys.stderr,
            disable=bool(options["no_progress"]),
        ) as bar:

            def progress(done: int, total: int) -> None:
                bar.update(done - bar.n)

            job = imports.import_job_run(job_id=job.pk, on_progress=progress)

        if job.status == ImportJob.Status.FAILED:
            raise CommandError(job.message)
        self.stdout.write(
            f"Import {job.pk}: {job.created_count} listings imported as drafts, "
            f"{job.failed_count} rows failed."
        )
        if job.failed_count and job.error_file:
            target = Path(
                str(options["errors"] or path.with_name(f"{path.stem}-errors{path.suffix}"))
            )
            if not options["errors"]:
                target = target.with_suffix(f".{job.file_format}")
            with job.error_file.open("rb") as handle:
                target.write_bytes(handle.read())
            for error in job.errors[:20]:
                column = f" [{error['field']}]" if error.get("field") else ""
                self.stdout.write(f"  row {error['row']}{column}: {error['message']}")
            if len(job.errors) > 20:
                self.stdout.write(f"  … and {len(job.errors) - 20} more.")
            self.stdout.write(f"Failed rows written to {target}")
