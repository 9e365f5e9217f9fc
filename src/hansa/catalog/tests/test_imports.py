"""Bulk import and export of listings: files checked by content, rows whole or not at all,
reports and error files, the background start, and who may see a job (pages and API)."""

from __future__ import annotations

import csv
import io
import random
import threading
import time
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import path, reverse
from ninja import NinjaAPI
from openpyxl import Workbook, load_workbook

import hansa.urls
from hansa.api.api import api as main_api
from hansa.api.auth import AUTH
from hansa.api.services import api_token_create
from hansa.catalog import imports, tasks
from hansa.catalog.apis_imports import router
from hansa.catalog.models import ImportJob, ListingStatus, Product, TierPrice
from hansa.catalog.tests.factories import ProductFactory, strip_category
from hansa.companies.models import Membership
from hansa.conftest import client_for
from hansa.core.errors import BusinessError
from hansa.core.tests import files

pytestmark = pytest.mark.django_db

# The lead mounts the router on the project's API; these tests mount it on their own instance so
# they run either way.
_test_api = NinjaAPI(auth=AUTH, urls_namespace="imports-test", docs_url=None)
for _exc, _handler in main_api._exception_handlers.items():
    _test_api.add_exception_handler(_exc, _handler)
_test_api.add_router("/products/imports", router)
urlpatterns = [path("api/v1/", _test_api.urls), *hansa.urls.urlpatterns]
API = "/api/v1/products/imports"

HEADER = [
    "id",
    "title",
    "keywords",
    "price_kind",
    "currency",
    "price_min",
    "price_max",
    "tier_prices",
    "unit",
    "moq",
    "lead_times",
    "port_of_loading",
    "incoterms",
    "payment_methods",
    "hs_code",
    "origin_country",
    "sample_available",
    "attr:voltage",
    "attr:leds_per_metre",
    "attr:light_colour",
    "attr:ip_rating",
    "attr:certifications",
    "title_zh-hans",
]


def good_row(i: int) -> dict[str, object]:
    tiers = i % 2 == 0
    return {
        "title": f"Flexible LED strip light 5050 RGB model {i:04d}",
        "keywords": "led strip; rgb strip",
        "price_kind": "" if tiers else "range",
        "currency": "USD",
        "price_min": "" if tiers else 1.2,
        "price_max": "" if tiers else "3.50",
        "tier_prices": "100:2.50;500:2.20;1000:1.95" if tiers else "",
        "unit": "H87",
        "moq": 100,
        "lead_times": "1000:15;5000:30",
        "port_of_loading": "CNNGB",
        "incoterms": "FOB;CIF",
        "payment_methods": "T/T;L/C",
        "hs_code": "9405.42",
        "origin_country": "CN",
        "sample_available": "yes",
        "attr:voltage": "12V",
        "attr:leds_per_metre": 60,
        "attr:light_colour": "rgb",
        "attr:ip_rating": "IP65",
        "attr:certifications": "CE;RoHS",
        "title_zh-hans": f"5050 RGB 柔性灯带 型号 {i:04d}" if i % 5 == 0 else "",
    }


# One fault per row: (row index among the data rows, column, bad value, column at fault).
BAD_ROWS = [
    (0, "attr:voltage", "", "attr:voltage"),  # missing required attribute
    (57, "attr:ip_rating", "IP99", "attr:ip_rating"),  # unknown choice
    (123, "moq", "lots", "moq"),  # bad number
    (250, "title", "LED", "title"),  # title too short
    (399, "incoterms", "FOB;XYZ", "incoterms"),  # unknown incoterm
    (500, "tier_prices", "100:1.00;500:2.00", "tier_prices"),  # rising tier prices
    (640, "hs_code", "12345", "hs_code"),  # bad HS code
    (777, "port_of_loading", "XXZZZ", "port_of_loading"),  # unknown port
    (888, "unit", "BOGUS", "unit"),  # unknown unit
    (999, "title", "", "title"),  # empty title
]
FIRST_DATA_ROW = 3  # row 1 is the header, row 2 the template's help row


def xlsx_bytes(
    rows: list[dict[str, object]], header: list[str] = HEADER, marker: str = "led-strip-lights"
) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Products"
    sheet.append(header)
    sheet.append([f"# hansa:{marker} · column help, skipped"])
    for row in rows:
        sheet.append([row.get(key, "") for key in header])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def csv_bytes(rows: list[dict[str, object]], encoding: str = "utf-8-sig") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow([row.get(key, "") for key in HEADER])
    return out.getvalue().encode(encoding)


def membership_of(user) -> Membership:
    return Membership.objects.select_related("company", "user").get(user=user)


def create_job(user, data: bytes, name: str = "products.xlsx") -> ImportJob:
    return imports.import_job_create(
        membership=membership_of(user),
        category=strip_category(),
        upload=SimpleUploadedFile(name, data),
    )


def run(user, data: bytes, name: str = "products.xlsx") -> ImportJob:
    job = create_job(user, data, name)
    tasks.run_import_job(job.pk)  # the Celery task, run synchronously
    job.refresh_from_db()
    return job


def read_sheet(data: bytes) -> list[list[object]]:
    sheet = load_workbook(io.BytesIO(data), read_only=True)["Products"]
    return [list(r) for r in sheet.iter_rows(values_only=True)]


# --- The big one ---------------------------------------------------------------------------------


def test_a_thousand_rows_import_with_ten_bad_rows_reported(supplier, owner):
    rows = [good_row(i) for i in range(1000)]
    for index, column, value, _at_fault in BAD_ROWS:
        rows[index][column] = value
    data = xlsx_bytes(rows)

    started = time.perf_counter()
    job = run(owner, data)
    elapsed = time.perf_counter() - started
    print(f"\n1,000-row XLSX import: {elapsed:.2f} s ({1000 / elapsed:.0f} rows/s)")

    assert job.status == ImportJob.Status.DONE and job.message == ""
    assert (job.total_rows, job.processed_rows) == (1000, 1000)
    assert (job.created_count, job.failed_count) == (990, 10)
    products = Product.objects.filter(company=supplier)
    assert products.count() == 990
    assert set(products.values_list("status", flat=True)) == {ListingStatus.DRAFT}
    assert set(products.values_list("owner", flat=True)) == {None}  # the owner's: unassigned

    expected = {FIRST_DATA_ROW + index: at_fault for index, _c, _v, at_fault in BAD_ROWS}
    assert len(job.errors) == 10, [(e["row"], e["field"], e["message"]) for e in job.errors]
    assert {e["row"]: e["field"] for e in job.errors} == expected
    assert all(e["message"] for e in job.errors)

    # Never half a row: the rising-tier row's listing was rolled back with its tiers.
    assert not products.filter(title=rows[500]["title"]).exists()
    good_tier_rows = sum(1 for i in range(0, 1000, 2) if i not in {0, 250, 500, 640, 888})
    assert products.filter(price_kind="tiers").count() == good_tier_rows
    assert TierPrice.objects.filter(product__company=supplier).count() == 3 * good_tier_rows

    sample = products.get(title=good_row(10)["title"])
    assert sample.attributes == {
        "voltage": "12V",
        "leds_per_metre": "60",
        "light_colour": "rgb",
        "ip_rating": "IP65",
        "certifications": ["CE", "RoHS"],
    }
    assert sample.port_of_loading.locode == "CNNGB" and sample.hs_code == "940542"
    assert sample.incoterms == ["FOB", "CIF"] and sample.payment_methods == ["TT", "LC"]
    assert sample.lead_times == [{"up_to": 1000, "days": 15}, {"up_to": 5000, "days": 30}]
    assert sample.translations.get().title == "5050 RGB 柔性灯带 型号 0010"
    assert [str(t.unit_price) for t in sample.tiers.all()] == ["2.5000", "2.2000", "1.9500"]

    # The error file: the same format, exactly the failed rows, plus an "error" column.
    assert job.error_file.name.endswith(".xlsx")
    table = read_sheet(job.error_file.read())
    assert table[0] == [*HEADER, "error"]
    assert str(table[1][0]).startswith("# hansa:led-strip-lights")
    failed = table[2:]
    assert len(failed) == 10
    assert [r[HEADER.index("title")] or "" for r in failed] == [
        rows[index]["title"] for index, *_rest in BAD_ROWS
    ]
    assert all(r[-1] for r in failed)
    assert failed[5][-1].startswith("tier_prices: ")


def test_fixed_error_file_imports_on_its_own(supplier, owner):
    bad = good_row(1) | {"unit": "BOGUS"}
    job = run(owner, csv_bytes([good_row(0), bad]), "mine.csv")
    assert (job.created_count, job.failed_count) == (1, 1)
    assert job.errors == [{"row": 3, "field": "unit", "message": job.errors[0]["message"]}]
    text = job.error_file.read().decode("utf-8-sig")
    records = list(csv.reader(io.StringIO(text)))
    assert records[0] == [*HEADER, "error"] and len(records) == 3  # header, help row, the row
    assert records[2][-1].startswith("unit: Unknown unit")
    fixed = text.replace("BOGUS", "SET").encode("utf-8-sig")
    again = run(owner, fixed, "mine-errors.csv")
    assert (again.status, again.created_count, again.failed_count) == ("done", 1, 0)
    assert Product.objects.filter(company=supplier, unit="SET").count() == 1


def test_chinese_csv_in_gb18030_imports(supplier, owner):
    row = good_row(3) | {
        "title": "柔性LED灯带 5050 RGB 12V 防水 每米60灯",
        "keywords": "灯带；RGB灯带",  # full-width semicolon, as Chinese input methods type it
        "attr:light_colour": "RGB",
        "attr:voltage": "12V 直流",  # a choice's Chinese label is understood
        "moq": "１００",  # full-width digits
    }
    data = csv_bytes([row], encoding="gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    job = run(owner, data, "产品.csv")
    assert (job.status, job.created_count, job.failed_count) == ("done", 1, 0), job.errors
    product = Product.objects.get(company=supplier)
    assert product.title == "柔性LED灯带 5050 RGB 12V 防水 每米60灯"
    assert product.keywords == ["灯带", "RGB灯带"]
    assert product.attributes["voltage"] == "12V" and product.moq == 100


def test_sales_reps_imported_listings_are_theirs(supplier, sales_rep):
    job = run(sales_rep, xlsx_bytes([good_row(1), good_row(2)]))
    assert job.created_count == 2
    assert set(Product.objects.values_list("owner", flat=True)) == {sales_rep.pk}


# --- Broken files --------------------------------------------------------------------------------


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return out.getvalue()


BROKEN = [
    ("random.xlsx", random.Random(7).randbytes(4096), "not an Excel workbook"),
    ("photo.csv", files.png(32, 32).read(), "PNG image"),
    ("empty.csv", b"", "empty"),
    ("old.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "Excel 97-2003"),
    ("report.xlsx", _zip({"word/document.xml": b"<w/>"}), "not an Excel workbook"),
    (
        "damaged.xlsx",
        _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"garbage"}),
        "damaged",
    ),
    ("utf16.csv", "title\r\nx".encode("utf-16"), "UTF-16"),
    ("nothing.csv", b"\xef\xbb\xbfid,title\r\n", "no product rows"),
    ("wrong.csv", b"name,price\r\nLamp,3\r\n", "title"),
    ("extra.csv", b"title,attr:wattage\r\nFlexible LED strip light,5\r\n", "attr:wattage"),
]


@pytest.mark.parametrize(("name", "data", "message"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_files_are_refused_with_a_clear_message(supplier, owner, name, data, message):
    with pytest.raises(BusinessError) as caught:
        create_job(owner, data, name)
    assert message in caught.value.message and caught.value.field == "file"
    assert not ImportJob.objects.exists() and not Product.objects.exists()


def test_too_many_rows_are_refused(supplier, owner):
    data = csv_bytes([good_row(i) for i in range(imports.MAX_ROWS + 1)])
    with pytest.raises(BusinessError, match="more than 5,000"):
        create_job(owner, data, "big.csv")
    assert not ImportJob.objects.exists() and not Product.objects.exists()


def test_too_large_files_are_refused(supplier, owner, monkeypatch):
    monkeypatch.setattr(imports, "MAX_BYTES", 1000)
    with pytest.raises(BusinessError, match="too large"):
        create_job(owner, csv_bytes([good_row(i) for i in range(20)]), "big.csv")


def test_the_template_of_another_category_is_refused(supplier, owner):
    data = xlsx_bytes([good_row(1)], marker="led-bulbs")
    with pytest.raises(BusinessError, match="another category"):
        create_job(owner, data)


def test_a_file_that_became_unreadable_fails_the_job_with_a_message(supplier, owner):
    job = create_job(owner, xlsx_bytes([good_row(1)]))
    job.file.save("broken.xlsx", ContentFile(b"PK\x03\x04 not really a zip"), save=True)
    tasks.run_import_job(job.pk)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED and "damaged" in job.message
    assert job.finished_at and not Product.objects.exists()
    tasks.run_import_job(job.pk)  # a second delivery does nothing
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED


def test_a_deactivated_member_s_job_fails(supplier, owner, admin_member):
    job = create_job(admin_member, xlsx_bytes([good_row(1)]))
    Membership.objects.filter(user=admin_member).update(is_active=False)
    tasks.run_import_job(job.pk)
    job.refresh_from_db()
    assert job.status == "failed" and "no longer" in job.message
    assert not Product.objects.exists()


# --- Templates and export ------------------------------------------------------------------------


def test_the_xlsx_template_has_drop_downs_comments_and_an_example_that_imports(supplier, owner):
    response = client_for(owner).get(
        reverse("catalog:import_template"), {"category": "led-strip-lights", "format": "xlsx"}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    content = b"".join(response.streaming_content)
    workbook = load_workbook(io.BytesIO(content))
    assert workbook.sheetnames[:3] == ["Products", "Instructions", "Example"]
    sheet = workbook["Products"]
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["id", "title", "keywords"]
    assert "attr:voltage" in header and "title_zh-hans" in header
    voltage = sheet.cell(row=1, column=header.index("attr:voltage") + 1)
    assert "12V" in voltage.comment.text and sheet.freeze_panes == "C3"
    assert str(sheet["A2"].value).startswith("# hansa:led-strip-lights")
    validated = {str(dv.sqref).split(":")[0] for dv in sheet.data_validations.dataValidation}
    letter = voltage.column_letter
    assert f"{letter}3" in validated
    assert "Images cannot be imported" in " ".join(
        str(r[0]) for r in workbook["Instructions"].iter_rows(values_only=True) if r[0]
    )
    # The example row, moved to the Products sheet, imports as it is.
    example = [c.value for c in workbook["Example"][2]]
    for column, value in enumerate(example, start=1):
        sheet.cell(row=3, column=column, value=value)
    out = io.BytesIO()
    workbook.save(out)
    job = run(owner, out.getvalue())
    assert (job.created_count, job.failed_count) == (1, 0), job.errors


def test_the_csv_template_skips_its_help_and_example_rows(supplier, owner):
    response = client_for(owner).get(
        reverse("catalog:import_template"), {"category": "led-strip-lights", "format": "csv"}
    )
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    records = list(csv.reader(io.StringIO(text)))
    assert records[0][:2] == ["id", "title"] and records[1][0].startswith("# hansa:")
    assert records[2][0].startswith("#")  # the example, commented out
    example = [
        cell.removeprefix("# example") if i == 0 else cell for i, cell in enumerate(records[2])
    ]
    body = io.StringIO()
    csv.writer(body).writerows([records[0], records[1], example])
    job = run(owner, body.getvalue().encode(), "t.csv")
    assert (job.created_count, job.failed_count) == (1, 0), job.errors


def test_export_edit_reimport_updates_by_id(supplier, owner, sales_rep):
    first = run(owner, xlsx_bytes([good_row(1), good_row(2)]))
    assert first.created_count == 2
    theirs = ProductFactory(company=supplier, owner=sales_rep, title="Rep's LED strip for export")
    response = client_for(owner).get(
        reverse("catalog:export"), {"category": "led-strip-lights", "format": "xlsx"}
    )
    table = read_sheet(b"".join(response.streaming_content))
    header = table[0]
    exported = table[2:]
    assert len(exported) == 3 and {r[0] for r in exported} == set(
        Product.objects.values_list("pk", flat=True)
    )
    tiered = next(r for r in exported if r[header.index("title")] == good_row(2)["title"])
    assert tiered[header.index("tier_prices")] == "100:2.5;500:2.2;1000:1.95"
    assert tiered[header.index("title_zh-hans")] in ("", None)

    # A sales rep exports only their own listings.
    rep_rows = read_sheet(
        b"".join(
            client_for(sales_rep)
            .get(reverse("catalog:export"), {"category": "led-strip-lights", "format": "xlsx"})
            .streaming_content
        )
    )[2:]
    assert [r[0] for r in rep_rows] == [theirs.pk]

    # Edit the owner's export: change a title, clear the id of another row to copy it.
    edited = [list(r) for r in exported]
    edited[0][header.index("title")] = "Flexible LED strip light renamed in Excel"
    edited[1][0] = None
    workbook = Workbook()
    workbook.active.title = "Products"
    for r in [header, *edited]:
        workbook.active.append(r)
    out = io.BytesIO()
    workbook.save(out)
    job = run(owner, out.getvalue())
    assert (job.created_count, job.failed_count) == (3, 0), job.errors
    assert Product.objects.count() == 4  # one copy added, two updated in place
    assert Product.objects.get(pk=edited[0][0]).title == "Flexible LED strip light renamed in Excel"
    assert TierPrice.objects.filter(product_id=tiered[0]).count() == 3

    # A rep cannot update a listing that is not theirs: the row fails, nothing changes.
    rep_job = run(sales_rep, out.getvalue())
    assert (rep_job.created_count, rep_job.failed_count) == (2, 1)  # a copy, their own row
    assert [e["field"] for e in rep_job.errors] == ["id"]
    assert Product.objects.get(pk=edited[0][0]).title.endswith("renamed in Excel")


# --- Pages ---------------------------------------------------------------------------------------


def test_the_import_page_lists_categories_and_refuses_bad_files(supplier, owner):
    client = client_for(owner)
    page = client.get(reverse("catalog:import"))
    assert page.status_code == 200 and b"led-strip-lights" in page.content
    chosen = client.get(reverse("catalog:import"), {"category": "led-strip-lights"})
    assert b"format=xlsx" in chosen.content and b'type="file"' in chosen.content
    response = client.post(
        reverse("catalog:import"),
        {"category": "led-strip-lights", "file": files.png(20, 20, name="products.csv")},
    )
    assert response.status_code == 200
    assert "PNG image" in response.content.decode()
    assert not ImportJob.objects.exists() and not Product.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_page_starts_the_job_in_the_background_and_reports_completion(
    monkeypatch, reference_db
):
    from hansa.companies.roles import Role
    from hansa.companies.tests.factories import MembershipFactory

    owner = MembershipFactory(role=Role.OWNER).user
    gate = threading.Event()
    real_run = imports.import_job_run

    def gated_run(**kwargs):
        assert gate.wait(30)
        return real_run(**kwargs)

    monkeypatch.setattr(imports, "import_job_run", gated_run)
    client = client_for(owner)
    response = client.post(
        reverse("catalog:import"),
        {
            "category": "led-strip-lights",
            "file": SimpleUploadedFile("p.xlsx", xlsx_bytes([good_row(i) for i in range(30)])),
        },
    )
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "catalog:import_job", args=[job.pk]
    )
    # The request returned while the job waits in its thread.
    assert job.status == ImportJob.Status.QUEUED
    progress_url = reverse("catalog:import_progress", args=[job.pk])
    polling = client.get(progress_url).content.decode()
    assert 'hx-trigger="every 1s"' in polling and "<progress" in polling

    gate.set()
    for thread in threading.enumerate():
        if thread.name == f"import-job-{job.pk}":
            thread.join(60)
    done = client.get(progress_url).content.decode()
    assert 'data-status="done"' in done and "hx-trigger" not in done
    assert 'value="30"' in done
    job.refresh_from_db()
    assert (job.created_count, job.failed_count) == (30, 0)
    page = client.get(reverse("catalog:import_job", args=[job.pk])).content.decode()
    assert "imported" in page


def test_the_report_lists_failed_rows_and_offers_the_error_file(supplier, owner):
    job = run(owner, xlsx_bytes([good_row(1), good_row(2) | {"hs_code": "12345"}]))
    client = client_for(owner)
    page = client.get(reverse("catalog:import_job", args=[job.pk])).content.decode()
    assert "hs_code" in page and reverse("catalog:import_errors", args=[job.pk]) in page
    download = client.get(reverse("catalog:import_errors", args=[job.pk]))
    assert download.status_code == 200 and download["X-Content-Type-Options"] == "nosniff"
    assert len(read_sheet(b"".join(download.streaming_content))) == 3


def test_an_interrupted_job_is_reported_as_failed_when_read(supplier, owner):
    job = create_job(owner, xlsx_bytes([good_row(1)]))
    progress = reverse("catalog:import_progress", args=[job.pk])
    assert 'data-status="queued"' in client_for(owner).get(progress).content.decode()
    ImportJob.objects.filter(pk=job.pk).update(created_at=job.created_at - imports.STALE_AFTER * 2)
    page = client_for(owner).get(progress).content.decode()
    assert 'data-status="failed"' in page and "interrupted" in page and "hx-trigger" not in page
    tasks.run_import_job(job.pk)  # a worker that picks it up late does nothing
    assert not Product.objects.exists()


def _job_urls(job: ImportJob) -> list[str]:
    return [
        reverse("catalog:import_job", args=[job.pk]),
        reverse("catalog:import_progress", args=[job.pk]),
        reverse("catalog:import_errors", args=[job.pk]),
    ]


def _snapshot(job: ImportJob) -> tuple:
    job.refresh_from_db()
    return (job.status, job.created_count, job.failed_count, job.errors, Product.objects.count())


def test_other_companies_reps_and_visitors_cannot_see_a_job(
    supplier, owner, sales_rep, other_owner, buyer
):
    job = run(owner, xlsx_bytes([good_row(1), good_row(2) | {"unit": "BOGUS"}]))
    before = _snapshot(job)
    for url in _job_urls(job):
        assert client_for(other_owner).get(url).status_code == 404
        assert client_for(sales_rep).get(url).status_code == 404  # a colleague's job
        assert client_for(buyer).get(url).status_code == 403
        anonymous = client_for(None).get(url)
        assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
        assert client_for(owner).get(url).status_code == 200
    for url in (reverse("catalog:import"), reverse("catalog:export")):
        assert client_for(None).get(url).status_code == 302
    assert _snapshot(job) == before


# --- API -----------------------------------------------------------------------------------------


def _bearer(user) -> dict[str, str]:
    _token, raw = api_token_create(membership=membership_of(user), name="ERP", days=None)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.mark.urls(__name__)
def test_api_creates_a_job_and_reports_it(supplier, owner, django_capture_on_commit_callbacks):
    client, auth = client_for(None), _bearer(owner)
    data = xlsx_bytes([good_row(1), good_row(2) | {"incoterms": "FOB;XYZ"}])
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(
            API,
            {"category": "led-strip-lights", "file": SimpleUploadedFile("p.xlsx", data)},
            **auth,
        )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "queued" and body["total_rows"] == 2 and len(callbacks) == 1
    tasks.run_import_job(body["id"])  # what the background start runs

    report = client.get(f"{API}/{body['id']}", **auth).json()
    assert report["status"] == "done"
    assert (report["created_count"], report["failed_count"]) == (1, 1)
    assert report["errors"][0]["row"] == 4 and report["errors"][0]["field"] == "incoterms"
    errors = client.get(report["error_file"], **auth)
    assert errors.status_code == 200
    assert len(read_sheet(b"".join(errors.streaming_content))) == 3
    listing = client.get(API, **auth).json()
    assert [j["id"] for j in listing] == [body["id"]]

    template = client.get(
        f"{API}/template", {"category": "led-strip-lights", "format": "csv"}, **auth
    )
    assert template.status_code == 200 and template["Content-Type"].startswith("text/csv")
    exported = client.get(f"{API}/export", {"category": "led-strip-lights"}, **auth)
    assert exported.status_code == 200


@pytest.mark.urls(__name__)
def test_api_refuses_bad_input_with_a_message(supplier, owner):
    client, auth = client_for(None), _bearer(owner)
    bad = client.post(
        API,
        {"category": "led-strip-lights", "file": SimpleUploadedFile("p.csv", b"")},
        **auth,
    )
    assert bad.status_code == 400 and bad.json() == {
        "message": "The file is empty.",
        "field": "file",
    }
    branch = client.post(
        API,
        {"category": "lights-lighting", "file": SimpleUploadedFile("p.xlsx", xlsx_bytes([]))},
        **auth,
    )
    assert branch.status_code == 400 and branch.json()["field"] == "category"
    template = client.get(
        f"{API}/template", {"category": "led-strip-lights", "format": "pdf"}, **auth
    )
    assert template.status_code == 400 and template.json()["field"] == "format"
    assert not ImportJob.objects.exists()


@pytest.mark.urls(__name__)
def test_api_jobs_of_another_company_are_not_found(supplier, owner, other_owner, buyer):
    job = run(owner, xlsx_bytes([good_row(1), good_row(2) | {"unit": "BOGUS"}]))
    before = _snapshot(job)
    other, anonymous = _bearer(other_owner), client_for(None)
    for url in (f"{API}/{job.pk}", f"{API}/{job.pk}/errors"):
        response = anonymous.get(url, **other)
        assert response.status_code == 404 and response.json()["message"] == "Not found."
        assert anonymous.get(url).status_code == 401
        assert anonymous.get(url, **_bearer(buyer)).json() == response.json()  # a buyer company
    assert anonymous.get(API, **other).json() == []
    missing = anonymous.get(f"{API}/{job.pk + 1000}", **other)
    assert missing.status_code == 404 and missing.json() == response.json()
    created = anonymous.post(API, {"category": "led-strip-lights"})
    assert created.status_code == 401
    data = {"category": "led-strip-lights", "file": SimpleUploadedFile("p.xlsx", b"x")}
    as_buyer = anonymous.post(API, data, **_bearer(buyer))
    assert as_buyer.status_code == 400 and "Only suppliers" in as_buyer.json()["message"]
    assert _snapshot(job) == before


@pytest.mark.urls(__name__)
def test_the_router_is_mounted_before_the_products_router():
    """/products/{product_id} would swallow /products/imports if it were mounted first."""
    from django.urls import resolve

    assert _test_api.get_openapi_schema()["paths"]
    assert router in {registration[1] for registration in main_api._router_registrations}
    match = resolve(API, urlconf="hansa.urls")
    assert match.url_name == "list_jobs", "add_router('/products/imports') before '/products'"


# --- Command -------------------------------------------------------------------------------------


def test_the_command_imports_a_file_and_writes_the_error_file(supplier, owner, tmp_path, capsys):
    from django.core.management import call_command

    source = tmp_path / "products.xlsx"
    source.write_bytes(xlsx_bytes([good_row(1), good_row(2) | {"moq": "lots"}]))
    call_command(
        "import_products", str(source), company=supplier.slug, user=owner.email, no_progress=True
    )
    out = capsys.readouterr().out
    assert "1 listings imported as drafts, 1 rows failed" in out and "row 4 [moq]" in out
    errors = tmp_path / "products-errors.xlsx"
    assert len(read_sheet(errors.read_bytes())) == 3
    assert Product.objects.filter(company=supplier).count() == 1
