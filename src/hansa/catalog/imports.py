"""Bulk import and export of product listings as CSV or Excel (.xlsx).

One file layout serves three purposes: the template a supplier downloads for a leaf category,
the export of their listings, and the error file of an import. Row 1 holds the column codes,
row 2 explains each column; it, and every row whose first cell starts with "#", is skipped.
Products follow, one per row. The common listing fields come first, then one ``attr:<code>``
column per attribute of the category's template, then optional titles in other languages
(``title_<language>``). Images are not part of the file: they are added to each draft later.

An import is an ImportJob. The upload is checked by its content, never by its name: an .xlsx is a
zip holding the workbook parts; anything else must be CSV text in UTF-8 (with or without BOM) or
GB18030, as Chinese Excel saves it. Each row is then parsed, checked and written in its own
transaction through ``listing_services``, so every rule of the listing editor applies and a row
is created whole (listing, tier prices, translations) or not at all. Imported listings are
drafts, owned as ``listing_create`` decides (a sales rep's are theirs). A row with the ``id`` of
a listing the member may manage updates that listing instead; only the columns in the file
change.

The job ends DONE even when rows failed: each failure is listed with its row, column and message,
and an error file in the upload's format holds the failed rows with an "error" column, to fix and
upload again. It ends FAILED only when the file itself cannot be read.
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
import re
import time
import unicodedata
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone, translation
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _
from django_countries import countries

from hansa.catalog import listing_services as ls
from hansa.catalog.attributes import FALSE_WORDS, TRUE_WORDS, clean_value
from hansa.catalog.listing_selectors import manageable
from hansa.catalog.models import (
    AttributeDefinition,
    AttributeType,
    Category,
    ImportJob,
    PriceKind,
    Product,
)
from hansa.catalog.models.listings import SupplyPeriod
from hansa.companies.access import active_membership, require_perm
from hansa.companies.choices import PROFILE_LANGUAGES
from hansa.companies.models import Membership
from hansa.companies.roles import Perm, Role, role_allows
from hansa.core.errors import BusinessError, NotFound
from hansa.trade.currencies import is_currency
from hansa.trade.hscodes import validate_hs_code
from hansa.trade.incoterms import INCOTERMS
from hansa.trade.models import Port
from hansa.trade.payments import validate_payment_methods
from hansa.trade.units import UNITS

logger = logging.getLogger(__name__)

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 5000
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # an .xlsx is a zip: refuse bombs before opening it
PROGRESS_EVERY = 20  # rows between two progress saves
RUNNING_JOBS_MAX = 3  # per company at a time
STALE_AFTER = timedelta(hours=1)  # a job not finished by then was interrupted
FORMATS = ("xlsx", "csv")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
SHEET = "Products"
MARKER = re.compile(r"#\s*hansa:([a-z0-9_-]+)", re.IGNORECASE)
FINISHED = (ImportJob.Status.DONE, ImportJob.Status.FAILED)
ERROR_COLUMN = "error"
_EMPTY_BLANK_RUN = 1000  # this many empty rows in a row end a sheet (formatted but unused rows)

LANGUAGE_CODES = [code for code, _label in PROFILE_LANGUAGES]
LANGUAGE_ALIASES = {"zh": "zh-hans", "zh-cn": "zh-hans", "zh-hans-cn": "zh-hans", "cn": "zh-hans"}
BOOLEAN_KEYS = ("sample_available", "oem", "odm", "ready_to_ship")
NUMBER_KEYS = (
    "price_min",
    "price_max",
    "moq",
    "supply_quantity",
    "sample_price",
    "stock",
    "weight_kg",
)
# What an empty cell means when a row updates a listing (a new listing takes model defaults).
EMPTY_VALUES: dict[str, Any] = {
    "keywords": [],
    "description": "",
    "base_language": "en",
    "price_kind": PriceKind.RANGE,
    "currency": "USD",
    "price_min": None,
    "price_max": None,
    "unit": "H87",
    "moq": 1,
    "supply_quantity": None,
    "supply_period": SupplyPeriod.MONTH,
    "lead_times": [],
    "port_of_loading": None,
    "incoterms": [],
    "payment_methods": [],
    "packaging": "",
    "hs_code": "",
    "origin_country": "",
    "certifications": [],
    "sample_available": False,
    "sample_price": None,
    "oem": False,
    "odm": False,
    "ready_to_ship": False,
    "stock": None,
    "weight_kg": None,
}


class ImportFileError(Exception):
    """The file as a whole cannot be imported; ``message`` says why, for the supplier."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    help: str
    required: bool = False
    choices: tuple[str, ...] = ()  # offered as a drop-down in the workbook
    text: bool = False  # kept as text in the workbook (HS codes lose leading zeros otherwise)
    definition: AttributeDefinition | None = None


@dataclass
class Row:
    number: int  # as the spreadsheet shows it (the header is row 1)
    values: list[Any]


@dataclass
class Table:
    file_format: str
    header: list[str]
    rows: list[Row]
    category_code: str | None = None

    def records(self) -> Iterable[tuple[Row, dict[str, Any]]]:
        for row in self.rows:
            yield row, {key: value for key, value in zip(self.header, row.values, strict=False)}


@dataclass(frozen=True)
class Document:
    content: bytes
    filename: str
    content_type: str


@dataclass
class ParsedRow:
    number: int
    listing_id: int | None = None
    title: str = ""
    fields: dict[str, Any] = field(default_factory=dict)
    cleared: dict[str, Any] = field(default_factory=dict)  # present but empty columns
    attributes: dict[str, Any] = field(default_factory=dict)
    attribute_columns: set[str] = field(default_factory=set)
    tiers: list[tuple[Decimal, Decimal]] | None = None
    tier_column: bool = False  # the file has a tier_prices column (an update replaces the tiers)
    translations: dict[str, str] = field(default_factory=dict)
    errors: list[tuple[str, str]] = field(default_factory=list)


class _RowFailed(Exception):
    def __init__(self, errors: list[tuple[str, str]]) -> None:
        super().__init__(errors)
        self.errors = errors


# --- Columns -------------------------------------------------------------------------------------


def _common_columns() -> list[Column]:
    yes_no = ("yes", "no")
    return [
        Column(
            "id",
            _("Listing id"),
            _("Leave empty to add a new listing; an id from an export updates that listing."),
        ),
        Column(
            "title",
            _("Title"),
            _("10 to 128 characters that say what the product is."),
            required=True,
        ),
        Column("keywords", _("Keywords"), _("Up to 3, separated by ;")),
        Column("description", _("Description"), _("Text, or simple HTML (paragraphs, lists).")),
        Column(
            "base_language",
            _("Language of the title"),
            _("Language code of title and description, e.g. en or zh-hans; default en."),
            choices=tuple(LANGUAGE_CODES),
        ),
        Column(
            "price_kind",
            _("Price kind"),
            _("range, tiers or negotiable; empty: tiers when tier prices are given, else range."),
            choices=tuple(PriceKind.values),
        ),
        Column(
            "currency",
            _("Currency"),
            _("ISO 4217 code, e.g. USD, EUR, CNY; default USD."),
        ),
        Column("price_min", _("Lowest FOB price"), _("Unit price, a number, e.g. 1.20")),
        Column("price_max", _("Highest FOB price"), _("Unit price, a number, e.g. 3.50")),
        Column(
            "tier_prices",
            _("Price by quantity"),
            _("quantity:unit price pairs separated by ;, e.g. 100:2.50;500:2.20"),
        ),
        Column(
            "unit",
            _("Unit"),
            _("UN/ECE Rec 20 code, e.g. H87 (piece), SET, PR, KGM, MTR; default H87."),
            choices=tuple(UNITS),
        ),
        Column("moq", _("Minimum order quantity"), _("In the unit above; default 1.")),
        Column("supply_quantity", _("Supply ability"), _("Quantity you can supply per period.")),
        Column(
            "supply_period",
            _("Supply period"),
            _("day, week, month or year; default month."),
            choices=tuple(SupplyPeriod.values),
        ),
        Column(
            "lead_times",
            _("Lead time by quantity"),
            _("quantity:days pairs separated by ;, e.g. 1000:15;5000:30"),
        ),
        Column(
            "port_of_loading",
            _("Port of loading"),
            _("UN/LOCODE of the port, e.g. CNSHA (Shanghai), CNNGB (Ningbo)."),
        ),
        Column(
            "incoterms",
            _("Incoterms"),
            _("Incoterms 2020 codes separated by ;, e.g. FOB;CIF"),
        ),
        Column(
            "payment_methods",
            _("Payment methods"),
            _("Separated by ;, from: %(codes)s (T/T, L/C… also work)")
            % {"codes": ", ".join(["TT", "LC", "DP", "DA", "OA", "CARD", "ECHECK"])},
        ),
        Column("packaging", _("Packaging"), _("How the goods are packed.")),
        Column(
            "hs_code",
            _("HS code"),
            _("6, 8 or 10 digits; dots allowed, e.g. 8539.50"),
            text=True,
        ),
        Column("origin_country", _("Place of origin"), _("ISO country code, e.g. CN.")),
        Column("certifications", _("Certifications"), _("Separated by ;, e.g. CE;RoHS")),
        Column("sample_available", _("Samples available"), _("yes or no"), choices=yes_no),
        Column("sample_price", _("Sample price"), _("A number, in the currency above.")),
        Column("oem", _("OEM accepted"), _("yes or no"), choices=yes_no),
        Column("odm", _("ODM accepted"), _("yes or no"), choices=yes_no),
        Column("ready_to_ship", _("Ready to ship"), _("yes or no"), choices=yes_no),
        Column("stock", _("Stock"), _("Quantity in stock, for ready-to-ship products.")),
        Column("weight_kg", _("Shipping weight (kg)"), _("Per unit, in kilograms.")),
    ]


def _attribute_column(d: AttributeDefinition) -> Column:
    name = f"{d.name_en} / {d.name_zh}" if d.name_zh and d.name_zh != d.name_en else d.name_en
    values = [str(c.get("value")) for c in d.choices]
    if d.type == AttributeType.CHOICE:
        help_text = _("One of: %(choices)s") % {"choices": ", ".join(values)}
    elif d.type == AttributeType.MULTICHOICE:
        help_text = _("Any of, separated by ;: %(choices)s") % {"choices": ", ".join(values)}
    elif d.type == AttributeType.NUMBER:
        bounds = []
        if d.min_value is not None:
            bounds.append(_("at least %(n)s") % {"n": d.min_value.normalize()})
        if d.max_value is not None:
            bounds.append(_("at most %(n)s") % {"n": d.max_value.normalize()})
        help_text = _("A number") + (f" ({d.unit})" if d.unit else "")
        if bounds:
            help_text += ", " + ", ".join(bounds)
    elif d.type == AttributeType.BOOL:
        help_text = _("yes or no")
    else:
        help_text = _("Text, up to %(n)d characters") % {"n": d.max_length or 200}
    choices: tuple[str, ...] = ()
    if d.type == AttributeType.CHOICE:
        choices = tuple(values)
    elif d.type == AttributeType.BOOL:
        choices = ("yes", "no")
    return Column(
        f"attr:{d.code}",
        name,
        help_text,
        required=d.required,
        choices=choices,
        text=d.type in (AttributeType.CHOICE, AttributeType.MULTICHOICE, AttributeType.TEXT),
        definition=d,
    )


def template_columns(definitions: Iterable[AttributeDefinition]) -> list[Column]:
    """Every column of a category's template, in file order."""
    columns = _common_columns()
    columns += [_attribute_column(d) for d in definitions]
    columns += [
        Column(
            f"title_{code}",
            _("Title in %(language)s") % {"language": label},
            _("Optional translation of the title."),
        )
        for code, label in PROFILE_LANGUAGES
    ]
    return columns


def _error_column() -> Column:
    return Column(
        ERROR_COLUMN,
        _("Error"),
        _("Why the row was not imported; ignored when the file is uploaded again."),
    )


# --- Reading files -------------------------------------------------------------------------------

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF8", "gif"),
    (b"%PDF-", "pdf"),
    (b"RIFF", "riff"),
    (b"\x1f\x8b", "gzip"),
    (b"Rar!", "rar"),
    (b"7z\xbc\xaf", "7z"),
)


def _not_a_spreadsheet(kind: str) -> ImportFileError:
    names = {
        "png": _("a PNG image"),
        "jpeg": _("a JPEG image"),
        "gif": _("a GIF image"),
        "pdf": _("a PDF document"),
        "riff": _("an image or media file"),
        "gzip": _("a compressed archive"),
        "rar": _("a compressed archive"),
        "7z": _("a compressed archive"),
    }
    return ImportFileError(
        _(
            "This file is %(kind)s, not a spreadsheet. Upload the template saved as an Excel "
            "workbook (.xlsx) or as CSV."
        )
        % {"kind": names.get(kind, kind)}
    )


def read_upload(upload: UploadedFile) -> bytes:
    """The upload's bytes, within the size limit."""
    if upload.size is not None and upload.size > MAX_BYTES:
        raise ImportFileError(
            _("The file is too large (%(size)s MB); the limit is %(limit)s MB.")
            % {"size": round(upload.size / 1_048_576, 1), "limit": MAX_BYTES // 1_048_576}
        )
    upload.seek(0)
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ImportFileError(
            _("The file is too large; the limit is %(limit)s MB.")
            % {"limit": MAX_BYTES // 1_048_576}
        )
    if not data:
        raise ImportFileError(_("The file is empty."))
    return data


def detect_format(data: bytes) -> str:
    """``"xlsx"`` or ``"csv"``, from the content alone."""
    if not data:
        raise ImportFileError(_("The file is empty."))
    if data.startswith(b"PK\x03\x04"):
        return "xlsx"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            _(
                "This is an old Excel 97-2003 workbook (.xls). Save it as “Excel Workbook "
                "(.xlsx)” or as CSV and upload it again."
            )
        )
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise _not_a_spreadsheet(kind)
    return "csv"


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _key(value: Any) -> str:
    return "" if value is None else str(value).strip().lower()


def _collect(file_format: str, rows: Iterable[Iterable[Any]]) -> Table:
    header: list[str] | None = None
    out: list[Row] = []
    marker: str | None = None
    blank_run = 0
    for number, raw in enumerate(rows, start=1):
        values = list(raw)
        if all(_blank(v) for v in values):
            blank_run += 1
            if blank_run > _EMPTY_BLANK_RUN:
                break
            continue
        blank_run = 0
        first = values[0] if values else None
        if isinstance(first, str) and first.lstrip().startswith("#"):
            found = MARKER.match(first.strip())
            marker = marker or (found.group(1).lower() if found else None)
            continue
        if header is None:
            header = [_key(v) for v in values]
            continue
        out.append(Row(number, values[: len(header)] + [None] * (len(header) - len(values))))
        if len(out) > MAX_ROWS:
            raise ImportFileError(
                _("The file has more than %(n)s product rows; split it into several files.")
                % {"n": f"{MAX_ROWS:,}"}
            )
    if header is None:
        raise ImportFileError(_("The file is empty: it has no header row and no products."))
    return Table(file_format, header, out, marker)


def _read_xlsx(data: bytes) -> Table:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ImportFileError(
            _("This Excel file is damaged; open it in Excel, save it again and upload it.")
        ) from None
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        if "content.xml" in names and "mimetype" in names:
            raise ImportFileError(
                _("This is an OpenDocument spreadsheet; save it as Excel (.xlsx) or CSV.")
            )
        raise ImportFileError(
            _("This zip archive is not an Excel workbook; upload an .xlsx or a CSV file.")
        )
    if unpacked > MAX_UNZIPPED_BYTES:
        raise ImportFileError(_("This workbook is too large once unpacked."))
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of errors for damaged files
        raise ImportFileError(
            _("This Excel file is damaged; open it in Excel, save it again and upload it.")
        ) from None
    try:
        sheet = workbook[SHEET] if SHEET in workbook.sheetnames else workbook.worksheets[0]
        sheet.reset_dimensions()  # some writers record a wrong size; read every row there is
        return _collect("xlsx", sheet.iter_rows(values_only=True))
    except ImportFileError:
        raise
    except Exception:
        raise ImportFileError(
            _("This Excel file is damaged; open it in Excel, save it again and upload it.")
        ) from None
    finally:
        workbook.close()


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ImportFileError(
            _("This file is saved as “Unicode text” (UTF-16); save it as “CSV UTF-8” instead.")
        )
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
        encodings: tuple[str, ...] = ("utf-8",)
    else:
        encodings = ("utf-8", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text or any(ord(c) < 32 and c not in "\t\r\n" for c in text[:65536]):
            break  # binary data that happens to decode
        return text
    raise ImportFileError(
        _(
            "This file is not an Excel workbook (.xlsx) nor CSV text in UTF-8 or GB18030. Save "
            "your spreadsheet as .xlsx or as “CSV UTF-8” and upload it again."
        )
    )


def _unguard(value: str) -> str:
    """Undoes the quote that keeps a cell from being read as a formula by spreadsheets."""
    if len(value) > 1 and value[0] == "'" and value[1] in "=+-@":
        return value[1:]
    return value


def _read_csv(data: bytes) -> Table:
    text = _decode(data)
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ","
    for candidate in (",", ";", "\t"):
        cells = next(csv.reader([first_line], delimiter=candidate), [])
        if "title" in {_key(c) for c in cells}:
            delimiter = candidate
            break
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        return _collect("csv", ([_unguard(v) for v in record] for record in reader))
    except csv.Error as exc:
        raise ImportFileError(_("The CSV file is malformed: %(error)s") % {"error": exc}) from None


def read_table(data: bytes) -> Table:
    """Header and product rows of an uploaded file; ``ImportFileError`` if it is unreadable."""
    file_format = detect_format(data)
    return _read_xlsx(data) if file_format == "xlsx" else _read_csv(data)


def check_header(table: Table, category: Category, columns: list[Column]) -> None:
    if table.category_code and table.category_code != category.code:
        raise ImportFileError(
            _(
                "This file is the template of another category (%(code)s). Choose that "
                "category, or download the template of %(category)s."
            )
            % {"code": table.category_code, "category": category.name}
        )
    keys = [k for k in table.header if k]
    if "title" not in keys:
        raise ImportFileError(
            _("The first row must be the template's header row, with a “title” column.")
        )
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise ImportFileError(
            _("These columns appear twice: %(columns)s.") % {"columns": ", ".join(duplicates)}
        )
    known = {c.key for c in columns} | {ERROR_COLUMN}
    unknown = [k for k in keys if k not in known]
    if unknown:
        raise ImportFileError(
            _(
                "These columns are not in the template of %(category)s: %(columns)s. Download "
                "the template of this category, or remove them."
            )
            % {"category": category.name, "columns": ", ".join(unknown)}
        )
    if not table.rows:
        raise ImportFileError(_("The file has no product rows below the header."))


# --- Parsing cells -------------------------------------------------------------------------------


def _text(value: Any) -> str:
    """A cell as the text a person typed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, Decimal):
        return _plain(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value).strip()


def _plain(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text


def _normal(value: Any) -> str:
    """Structured input: full-width digits, colons and semicolons of Chinese input made plain."""
    return unicodedata.normalize("NFKC", _text(value)).strip()


_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")


def _number(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise ValueError(_("Enter a number."))
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(_("Enter a number."))
        return Decimal(repr(value))
    text = _normal(value).replace(" ", "").replace("\u00a0", "")
    if _THOUSANDS.fullmatch(text):
        text = text.replace(",", "")
    if not _NUMBER.fullmatch(text):
        raise ValueError(_("Enter a number, with a dot for decimals (e.g. 2.50)."))
    return Decimal(text)


def _split(value: Any, separators: str = ";") -> list[str]:
    text = _normal(value)
    for sep in separators[1:]:
        text = text.replace(sep, separators[0])
    return [part.strip() for part in text.split(separators[0]) if part.strip()]


def _pairs(value: Any, message: str) -> list[tuple[Decimal, Decimal]]:
    pairs = []
    for part in _split(value):
        left, sep, right = part.partition(":")
        if not sep:
            raise ValueError(message)
        try:
            pairs.append((_number(left), _number(right)))
        except ValueError:
            raise ValueError(message) from None
    return pairs


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    word = _normal(value).lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(_("Answer yes or no."))


def _choice(value: Any, allowed: Iterable[str]) -> str:
    word = _normal(value).lower()
    allowed = list(allowed)
    if word not in allowed:
        raise ValueError(_("Choose one of: %(choices)s.") % {"choices": ", ".join(allowed)})
    return word


@lru_cache(maxsize=1)
def _unit_names() -> dict[str, str]:
    names: dict[str, str] = {}
    with translation.override("en"):
        for unit in UNITS.values():
            for name in (unit.code, unit.rec21_code, unit.name, unit.name_plural, unit.name_zh):
                if name:
                    names[str(name).strip().lower()] = unit.code
    aliases = {"pcs": "H87", "pc": "H87", "kg": "KGM", "g": "GRM", "m": "MTR", "ctns": "CT"}
    names.update({k: v for k, v in aliases.items() if v in UNITS})
    return names


def _unit(value: Any) -> str:
    code = _unit_names().get(_normal(value).lower())
    if code is None:
        raise ValueError(
            _("Unknown unit “%(unit)s”; use a UN/ECE Rec 20 code such as H87, SET, PR, KGM, MTR.")
            % {"unit": _text(value)}
        )
    return code


def _language(value: Any) -> str:
    code = _normal(value).lower().replace("_", "-")
    code = LANGUAGE_ALIASES.get(code, code)
    if code not in LANGUAGE_CODES:
        raise ValueError(
            _("Unknown language; use one of: %(codes)s.") % {"codes": ", ".join(LANGUAGE_CODES)}
        )
    return code


def _country(value: Any) -> str:
    text = _normal(value)
    code = countries.alpha2(text.upper()) if len(text) in (2, 3) else ""
    code = code or countries.by_name(text)
    if not code:
        raise ValueError(
            _("Unknown country “%(value)s”; use the two-letter ISO code, e.g. CN.")
            % {"value": text}
        )
    return str(code)


def _message(exc: Exception) -> str:
    if isinstance(exc, BusinessError):
        return exc.message
    if isinstance(exc, ValidationError):
        return "; ".join(exc.messages)
    return str(exc)


def _column_of(field_name: str | None) -> str:
    if not field_name or field_name == "__all__":
        return ""
    if field_name.startswith("attributes."):
        return "attr:" + field_name.split(".", 1)[1]
    return {"tiers": "tier_prices", "category": "", "owner": "", "group": ""}.get(
        field_name, field_name
    )


class _Context:
    """What every row of one import shares: the category, its template, caches of lookups."""

    def __init__(self, category: Category, membership: Membership) -> None:
        self.category = category
        self.membership = membership
        self.definitions = list(category.attributes.all())
        self.by_code = {d.code: d for d in self.definitions}
        self.columns = template_columns(self.definitions)
        self._ports: dict[str, Port | None] = {}

    def port(self, value: Any) -> Port:
        locode = _normal(value).upper().replace(" ", "")
        if locode not in self._ports:
            self._ports[locode] = Port.objects.filter(locode=locode, is_active=True).first()
        found = self._ports[locode]
        if found is None:
            raise ValueError(
                _("Unknown port “%(locode)s”; give the UN/LOCODE of a port, e.g. CNSHA.")
                % {"locode": locode}
            )
        return found

    def attribute(self, definition: AttributeDefinition, value: Any) -> Any:
        if definition.type in (AttributeType.CHOICE, AttributeType.MULTICHOICE):
            labels: dict[str, str] = {}
            for choice in definition.choices:
                for key in ("value", "en", "zh"):
                    if choice.get(key):
                        labels.setdefault(str(choice[key]).strip().lower(), choice["value"])
            if definition.type == AttributeType.CHOICE:
                text = _text(value)
                value = labels.get(text.lower(), text)
            else:
                value = [labels.get(v.lower(), v) for v in _split(value, ";,")]
        elif definition.type == AttributeType.NUMBER:
            value = str(_number(value))
        elif definition.type == AttributeType.TEXT:
            value = _text(value)
        return clean_value(definition, value)


def parse_row(ctx: _Context, number: int, values: dict[str, Any]) -> ParsedRow:
    """Turns one row into service arguments, collecting every problem it can find."""
    row = ParsedRow(number)
    fields = row.fields
    for key, raw in values.items():
        if not key or key == ERROR_COLUMN:
            continue
        row.tier_column = row.tier_column or key == "tier_prices"
        if _blank(raw):
            if key in EMPTY_VALUES:
                row.cleared[key] = EMPTY_VALUES[key]
            elif key.startswith("attr:"):
                row.attribute_columns.add(key[5:])
            continue
        try:
            if key == "id":
                listing_id = int(_number(raw))
                if listing_id <= 0:
                    raise ValueError(_("Enter a listing id from an export, or leave it empty."))
                row.listing_id = listing_id
            elif key == "title":
                row.title = ls.clean_title(_text(raw))
            elif key == "keywords":
                fields["keywords"] = ls.clean_keywords(_split(raw))
            elif key in ("description", "packaging"):
                fields[key] = _text(raw)
            elif key == "base_language":
                fields["base_language"] = _language(raw)
            elif key == "price_kind":
                fields["price_kind"] = _choice(raw, PriceKind.values)
            elif key == "currency":
                code = _normal(raw).upper()
                if not is_currency(code):
                    raise ValueError(
                        _("Unknown currency “%(code)s”; use an ISO 4217 code such as USD.")
                        % {"code": code}
                    )
                fields["currency"] = code
            elif key in NUMBER_KEYS:
                fields[key] = _number(raw)
            elif key == "tier_prices":
                row.tiers = _pairs(
                    raw, _("Write quantity:price pairs separated by ;, e.g. 100:2.50;500:2.20.")
                )
            elif key == "unit":
                fields["unit"] = _unit(raw)
            elif key == "supply_period":
                fields["supply_period"] = _choice(raw, SupplyPeriod.values)
            elif key == "lead_times":
                message = _("Write quantity:days pairs separated by ;, e.g. 1000:15;5000:30.")
                pairs = _pairs(raw, message)
                if any(q != q.to_integral() or d != d.to_integral() for q, d in pairs):
                    raise ValueError(message)
                fields["lead_times"] = [{"up_to": int(q), "days": int(d)} for q, d in pairs]
            elif key == "port_of_loading":
                fields["port_of_loading"] = ctx.port(raw)
            elif key == "incoterms":
                terms = [t.upper() for t in _split(raw, ";,")]
                unknown = [t for t in terms if t not in INCOTERMS]
                if unknown:
                    raise ValueError(
                        _("Unknown Incoterms: %(terms)s; use Incoterms 2020 codes such as FOB.")
                        % {"terms": ", ".join(unknown)}
                    )
                fields["incoterms"] = list(dict.fromkeys(terms))
            elif key == "payment_methods":
                fields["payment_methods"] = validate_payment_methods(_split(raw, ";,"))
            elif key == "hs_code":
                fields["hs_code"] = validate_hs_code(_normal(raw))
            elif key == "origin_country":
                fields["origin_country"] = _country(raw)
            elif key == "certifications":
                fields["certifications"] = _split(raw, ";,")
            elif key in BOOLEAN_KEYS:
                fields[key] = _boolean(raw)
            elif key.startswith("attr:"):
                code = key[5:]
                row.attribute_columns.add(code)
                row.attributes[code] = ctx.attribute(ctx.by_code[code], raw)
            elif key.startswith("title_"):
                row.translations[key[6:]] = _text(raw)
        except (ValueError, ValidationError, BusinessError) as exc:
            row.errors.append((key, _message(exc)))
    if not row.title and not any(c == "title" for c, _m in row.errors):
        try:
            ls.clean_title("")
        except BusinessError as exc:
            row.errors.append(("title", exc.message))
    kind = fields.get("price_kind")
    if row.tiers:
        if kind in (None, PriceKind.TIERS):
            fields["price_kind"] = PriceKind.TIERS
        else:
            row.errors.append(
                ("price_kind", _("Tier prices need the price kind “tiers”, or leave it empty."))
            )
    elif kind == PriceKind.TIERS and "tier_prices" not in {c for c, _m in row.errors}:
        row.errors.append(
            ("tier_prices", _("Give the tier prices as quantity:price pairs, e.g. 100:2.50."))
        )
    if row.listing_id is None:
        faulty = {column for column, _m in row.errors}
        row.errors += [e for e in _missing_required(ctx, row.attributes) if e[0] not in faulty]
    return row


def _missing_required(ctx: _Context, values: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (f"attr:{d.code}", _("Required."))
        for d in ctx.definitions
        if d.required and (values.get(d.code) in (None, "", []))
    ]


# --- Writing rows --------------------------------------------------------------------------------


def _call(column: str | None, fn: Callable[..., Any], **kwargs: Any) -> Any:
    """Runs one service; its refusal becomes an error on a column of the row."""
    try:
        return fn(**kwargs)
    except BusinessError as exc:
        raise _RowFailed([(column or _column_of(exc.field), exc.message)]) from None
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            errors = [
                (column or _column_of(name), "; ".join(ValidationError(errs).messages))
                for name, errs in exc.error_dict.items()
            ]
        else:
            errors = [(column or "", "; ".join(exc.messages))]
        raise _RowFailed(errors) from None


def _create(ctx: _Context, row: ParsedRow) -> Product:
    membership = ctx.membership
    product = _call(
        None,
        ls.listing_create,
        membership=membership,
        category=ctx.category,
        title=row.title,
        attributes=row.attributes,
        **row.fields,
    )
    if row.tiers:
        _call(
            "tier_prices",
            ls.listing_set_tiers,
            product=product,
            by=membership.user,
            tiers=row.tiers,
        )
    for language, title in row.translations.items():
        _call(
            f"title_{language}",
            ls.listing_set_translation,
            product=product,
            by=membership.user,
            language=language,
            title=title,
        )
    return product


def _update(ctx: _Context, row: ParsedRow) -> Product:
    membership = ctx.membership
    product = manageable(membership).filter(pk=row.listing_id).first()
    if product is None:
        raise _RowFailed(
            [
                (
                    "id",
                    _(
                        "No listing %(id)s that you may edit; clear the id to add the row as a "
                        "new listing."
                    )
                    % {"id": row.listing_id},
                )
            ]
        )
    if product.category_id != ctx.category.pk:
        raise _RowFailed(
            [("id", _("Listing %(id)s is in another category.") % {"id": row.listing_id})]
        )
    attributes = {
        code: value
        for code, value in product.attributes.items()
        if code in ctx.by_code and code not in row.attribute_columns
    }
    attributes.update(row.attributes)
    missing = _missing_required(ctx, attributes)
    if missing:
        raise _RowFailed(missing)
    fields = {**row.cleared, **row.fields}
    _call(
        None,
        ls.listing_update,
        product=product,
        by=membership.user,
        title=row.title,
        attributes=attributes,
        **fields,
    )
    if row.tier_column:
        _call(
            "tier_prices",
            ls.listing_set_tiers,
            product=product,
            by=membership.user,
            tiers=row.tiers or [],
        )
    existing = {t.language: t for t in product.translations.all()}
    for language, title in row.translations.items():
        current = existing.get(language)
        _call(
            f"title_{language}",
            ls.listing_set_translation,
            product=product,
            by=membership.user,
            language=language,
            title=title,
            keywords=current.keywords if current else (),
            description=current.description if current else "",
            attribute_texts=current.attribute_texts if current else None,
        )
    return product


def import_row(ctx: _Context, number: int, values: dict[str, Any]) -> list[tuple[str, str]]:
    """Creates (or updates) one listing in its own transaction; the errors, empty on success."""
    row = parse_row(ctx, number, values)
    if row.errors:
        return row.errors
    try:
        with transaction.atomic():
            if row.listing_id is None:
                _create(ctx, row)
            else:
                _update(ctx, row)
    except _RowFailed as exc:
        return exc.errors
    return []


# --- Documents (template, export, error file) ----------------------------------------------------


def _help_row(category: Category, columns: list[Column]) -> list[str]:
    cells = []
    for column in columns:
        required = f" ({_('required')})" if column.required else ""
        cells.append(f"{column.label}{required}: {column.help}")
    cells[0] = f"# hansa:{category.code} · {cells[0]}"
    return cells


def _instructions(category: Category) -> list[str]:
    return [
        _("How to fill in this template"),
        _("Category: %(name)s (%(code)s).") % {"name": category.name, "code": category.code},
        _(
            "One product per row on the Products sheet, from row 3. Row 2 explains each column; "
            "it and every row whose first cell starts with # are skipped."
        ),
        _("Keep the header row (row 1) as it is. Optional columns may stay empty or be removed."),
        _(
            "Separate several values in one cell with ; (keywords, Incoterms, payment methods, "
            "certifications, multiple-choice attributes)."
        ),
        _("Tier prices are quantity:unit price pairs; lead times are quantity:days pairs."),
        _(
            "Imported products are drafts: add photos in the workspace and submit them for "
            "review. Images cannot be imported from the file."
        ),
        _(
            "A row with an id (from an export) updates that listing; clear the id to add the row "
            "as a new draft instead."
        ),
        _("Up to %(rows)s rows and %(mb)s MB per file, as .xlsx or CSV (UTF-8 or GB18030).")
        % {"rows": f"{MAX_ROWS:,}", "mb": MAX_BYTES // 1_048_576},
        _("The Example sheet shows a filled-in row."),
    ]


def _example_row(category: Category, columns: list[Column]) -> list[Any]:
    hs = ""
    for code in category.hs_codes or []:  # the usual headings may be 4 digits: not a code
        try:
            validate_hs_code(str(code))
        except ValidationError:
            continue
        hs = str(code)
        break
    common: dict[str, Any] = {
        "title": f"{category.name_en} model A100"[:128].ljust(10, "x"),
        "keywords": f"{category.name_en.lower()}; wholesale",
        "description": "<p>Describe the product: materials, sizes, uses.</p>",
        "base_language": "en",
        "price_kind": "tiers",
        "currency": "USD",
        "tier_prices": "100:2.50;500:2.20;1000:1.95",
        "unit": "H87",
        "moq": 100,
        "supply_quantity": 50000,
        "supply_period": "month",
        "lead_times": "1000:15;5000:30",
        "port_of_loading": "CNNGB",
        "incoterms": "FOB;CIF",
        "payment_methods": "TT;LC",
        "packaging": "50 pieces per carton",
        "hs_code": hs,
        "origin_country": "CN",
        "certifications": "CE;RoHS",
        "sample_available": "yes",
        "sample_price": 5,
        "oem": "yes",
        "odm": "no",
        "ready_to_ship": "no",
        "weight_kg": 0.5,
        "title_zh-hans": f"{category.name_zh} A100 型号（示例）" if category.name_zh else "",
    }
    row = []
    for column in columns:
        d = column.definition
        if d is None:
            row.append(common.get(column.key, ""))
        elif d.type == AttributeType.CHOICE:
            row.append(d.choices[0]["value"] if d.choices else "")
        elif d.type == AttributeType.MULTICHOICE:
            row.append(";".join(c["value"] for c in d.choices[:2]))
        elif d.type == AttributeType.NUMBER:
            row.append(_plain(d.min_value) if d.min_value is not None else 1)
        elif d.type == AttributeType.BOOL:
            row.append("yes")
        else:
            row.append("A100")
    return row


def _csv_cell(value: Any) -> str:
    text = _text(value) if not isinstance(value, str) else value
    if text[:1] in ("=", "+", "@", "\t", "\r") or (text[:1] == "-" and not _NUMBER.fullmatch(text)):
        return "'" + text  # never a formula when a spreadsheet opens the file
    return text


def _csv_document(
    category: Category, columns: list[Column], rows: list[list[Any]], example: list[Any] | None
) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.key for c in columns])
    writer.writerow(_help_row(category, columns))
    if example:
        writer.writerow(["# " + _("example"), *[_csv_cell(v) for v in example[1:]]])
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM tells Excel it is UTF-8


def _xlsx_document(
    category: Category, columns: list[Column], rows: list[list[Any]], example: list[Any] | None
) -> bytes:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    def put(sheet: Any, values: list[Any]) -> None:
        sheet.append([v if isinstance(v, int | float | Decimal) else _text(v) for v in values])
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":  # text that looks like a formula stays text
                cell.data_type = "s"

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    put(sheet, [c.key for c in columns])
    put(sheet, _help_row(category, columns))
    for row in rows:
        put(sheet, row)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="E8EEF7")
    muted = Font(italic=True, color="566173")
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        head = sheet.cell(row=1, column=index)
        head.font, head.fill = bold, fill
        note = f"{column.label}{' *' if column.required else ''}\n{column.help}"
        head.comment = Comment(note, "Hansa", width=300, height=120)
        helper = sheet.cell(row=2, column=index)
        helper.font = muted
        helper.alignment = Alignment(wrap_text=True, vertical="top")
        width = 40 if column.key in ("title", "description", ERROR_COLUMN) else 18
        sheet.column_dimensions[letter].width = width
        if column.text:
            sheet.column_dimensions[letter].number_format = "@"
    sheet.row_dimensions[2].height = 60
    sheet.freeze_panes = "C3"

    guide = workbook.create_sheet("Instructions")
    for line in _instructions(category):
        guide.append([line])
    guide["A1"].font = Font(bold=True, size=13)
    guide.append([])
    guide.append([_("Column"), _("Meaning"), _("Required"), _("How to fill it in")])
    for cell in guide[guide.max_row]:
        cell.font = bold
    for column in columns:
        guide.append([column.key, column.label, _("yes") if column.required else "", column.help])
    for letter, width in (("A", 24), ("B", 36), ("C", 10), ("D", 80)):
        guide.column_dimensions[letter].width = width

    if example:
        sample = workbook.create_sheet("Example")
        put(sample, [c.key for c in columns])
        put(sample, example)
        sample.freeze_panes = "C2"
        for index in range(1, len(columns) + 1):
            sample.cell(row=1, column=index).font = bold
            sample.column_dimensions[get_column_letter(index)].width = 18

    lists = workbook.create_sheet("Lists")
    lists.sheet_state = "hidden"
    list_index = 0
    last_row = MAX_ROWS + 2
    for index, column in enumerate(columns, start=1):
        if not column.choices:
            continue
        list_index += 1
        list_letter = get_column_letter(list_index)
        for position, value in enumerate(column.choices, start=1):
            lists.cell(row=position, column=list_index, value=value).data_type = "s"
        validation = DataValidation(
            type="list",
            formula1=f"=Lists!${list_letter}$1:${list_letter}${len(column.choices)}",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=column.key,
            error=_("Choose a value from the list."),
        )
        sheet.add_data_validation(validation)
        letter = get_column_letter(index)
        validation.add(f"{letter}3:{letter}{last_row}")

    workbook.active = 0
    workbook.properties.title = f"Hansa import template: {category.code}"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def write_document(
    file_format: str,
    category: Category,
    columns: list[Column],
    rows: list[list[Any]],
    *,
    example: list[Any] | None = None,
) -> bytes:
    if file_format == "xlsx":
        return _xlsx_document(category, columns, rows, example)
    return _csv_document(category, columns, rows, example)


def _check_format(file_format: str) -> str:
    file_format = (file_format or "").lower()
    if file_format not in FORMATS:
        raise BusinessError(_("Choose Excel (xlsx) or CSV."), field="format")
    return file_format


def leaf_category(code: str) -> Category:
    """An active leaf category with its template prefetched; a BusinessError otherwise."""
    category = (
        Category.objects.filter(code=str(code or ""), is_active=True, is_leaf=True)
        .prefetch_related(
            Prefetch("attributes", queryset=AttributeDefinition.objects.order_by("position", "id"))
        )
        .first()
    )
    if category is None:
        raise BusinessError(_("Choose a category at the end of the tree."), field="category")
    return category


def _with_template(category: Category) -> Category:
    return leaf_category(category.code)


def template_document(*, category: Category, file_format: str) -> Document:
    """The empty template of a leaf category, with an example row."""
    file_format = _check_format(file_format)
    category = _with_template(category)
    columns = template_columns(category.attributes.all())
    content = write_document(
        file_format, category, columns, [], example=_example_row(category, columns)
    )
    return Document(
        content, f"hansa-{category.code}-template.{file_format}", CONTENT_TYPES[file_format]
    )


def _export_value(product: Product, column: Column, translations: dict[str, str]) -> Any:
    key = column.key
    if column.definition is not None:
        value = product.attributes.get(column.definition.code)
        if isinstance(value, list):
            return ";".join(str(v) for v in value)
        return _text(value)
    if key == "id":
        return product.pk
    if key == "title":
        return product.title
    if key.startswith("title_"):
        return translations.get(key[6:], "")
    if key == "tier_prices":
        return ";".join(
            f"{_plain(t.min_quantity)}:{_plain(t.unit_price)}" for t in product.tiers.all()
        )
    if key == "lead_times":
        return ";".join(f"{r['up_to']}:{r['days']}" for r in product.lead_times)
    if key == "port_of_loading":
        return product.port_of_loading.locode if product.port_of_loading else ""
    if key == "origin_country":
        return str(product.origin_country or "")
    value = getattr(product, key)
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return Decimal(_plain(value))  # a number in the workbook, "1.2" rather than "1.2000"
    return "" if value is None else value


def export_document(*, membership: Membership, category: Category, file_format: str) -> Document:
    """The member's listings of one category, in the import format (with their ids)."""
    require_perm(membership, Perm.MANAGE_LISTINGS)
    file_format = _check_format(file_format)
    category = _with_template(category)
    columns = template_columns(category.attributes.all())
    products = (
        manageable(membership)
        .filter(category=category)
        .exclude(status="archived")
        .select_related("port_of_loading")
        .prefetch_related("tiers", "translations")
        .order_by("id")
    )
    rows = []
    for product in products:
        translations = {t.language: t.title for t in product.translations.all()}
        rows.append([_export_value(product, c, translations) for c in columns])
    stamp = timezone.localdate().isoformat()
    return Document(
        write_document(file_format, category, columns, rows),
        f"hansa-{category.code}-listings-{stamp}.{file_format}",
        CONTENT_TYPES[file_format],
    )


# --- Reads ---------------------------------------------------------------------------------------


def import_jobs(membership: Membership) -> QuerySet[ImportJob]:
    """The jobs a member may see: all of the company's for owner and admins, a rep's own."""
    qs = ImportJob.objects.filter(company_id=membership.company_id).select_related(
        "category", "created_by"
    )
    if membership.role == Role.SALES_REP:
        return qs.filter(created_by_id=membership.user_id)
    if membership.role not in (Role.OWNER, Role.ADMIN):
        return qs.none()
    return qs


def access_import_job(membership: Membership | None, job_id: int) -> ImportJob:
    """A job the caller may see, else a uniform NotFound."""
    if membership is None:
        raise NotFound()
    job = import_jobs(membership).filter(pk=job_id).first()
    if job is None:
        raise NotFound()
    return job


def is_finished(job: ImportJob) -> bool:
    return job.status in FINISHED


def import_job_expire(job: ImportJob) -> ImportJob:
    """A job that has not ended long after it started was interrupted (a web process running it
    in a thread restarted, a worker died); it is marked failed when read, so nobody waits on it."""
    if is_finished(job):
        return job
    since = job.started_at or job.created_at
    if since and since < timezone.now() - STALE_AFTER:
        claimed = ImportJob.objects.filter(pk=job.pk, status=job.status).update(
            status=ImportJob.Status.FAILED,
            finished_at=timezone.now(),
            message=_(
                "The import was interrupted after %(n)d rows; the rows before were imported. "
                "Upload the rest again."
            )
            % {"n": job.processed_rows},
        )
        if claimed:
            job.refresh_from_db()
    return job


def error_filename(job: ImportJob) -> str:
    return f"hansa-import-{job.pk}-errors.{job.file_format}"


# --- Jobs ----------------------------------------------------------------------------------------


def import_job_create(
    *, membership: Membership, category: Category, upload: UploadedFile
) -> ImportJob:
    """Checks the file (content, size, rows, columns) and queues a job; it does not start it."""
    require_perm(membership, Perm.MANAGE_LISTINGS)
    if not membership.company.is_supplier:
        raise BusinessError(_("Only suppliers publish products."))
    category = _with_template(category)
    busy = ImportJob.objects.filter(
        company_id=membership.company_id,
        status__in=(ImportJob.Status.QUEUED, ImportJob.Status.RUNNING),
        created_at__gte=timezone.now() - STALE_AFTER,
    ).count()
    if busy >= RUNNING_JOBS_MAX:
        raise BusinessError(_("Wait until your running imports finish before starting another."))
    try:
        data = read_upload(upload)
        table = read_table(data)
        check_header(table, category, template_columns(category.attributes.all()))
    except ImportFileError as exc:
        raise BusinessError(exc.message, field="file") from None
    job = ImportJob(
        company=membership.company,
        created_by=membership.user,
        category=category,
        file_format=table.file_format,
        total_rows=len(table.rows),
    )
    name = f"import-{membership.company_id}-{get_random_string(12)}.{table.file_format}"
    job.file.save(name, ContentFile(data), save=False)
    job.save()
    return job


def _fail(job: ImportJob, message: str) -> ImportJob:
    job.status = ImportJob.Status.FAILED
    job.message = message[:300]
    job.finished_at = timezone.now()
    job.save(
        update_fields=[
            "status",
            "message",
            "finished_at",
            "processed_rows",
            "created_count",
            "failed_count",
            "errors",
        ]
    )
    return job


def _prepare(job: ImportJob) -> tuple[_Context, Table]:
    membership = active_membership(job.created_by)
    if (
        membership is None
        or membership.company_id != job.company_id
        or not role_allows(membership.role, Perm.MANAGE_LISTINGS)
    ):
        raise ImportFileError(
            _("The member who started this import can no longer manage the company's listings.")
        )
    if job.category is None:
        raise ImportFileError(_("The category of this import no longer exists."))
    try:
        category = leaf_category(job.category.code)
    except BusinessError:
        raise ImportFileError(_("The category of this import no longer takes listings.")) from None
    ctx = _Context(category, membership)
    try:
        with job.file.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except (OSError, ValueError):
        raise ImportFileError(_("The uploaded file is no longer available.")) from None
    if len(data) > MAX_BYTES:
        raise ImportFileError(_("The file is too large."))
    table = read_table(data)
    check_header(table, category, ctx.columns)
    return ctx, table


def _error_file(job: ImportJob, ctx: _Context, table: Table, failed: list[tuple[Row, str]]) -> None:
    by_key = {c.key: c for c in ctx.columns}
    keep = [i for i, key in enumerate(table.header) if key in by_key]
    columns = [by_key[table.header[i]] for i in keep] + [_error_column()]
    rows = [[row.values[i] for i in keep] + [message] for row, message in failed]
    content = write_document(job.file_format, ctx.category, columns, rows)
    job.error_file.save(error_filename(job), ContentFile(content), save=False)


def import_job_run(
    *,
    job_id: int,
    language: str | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> ImportJob:
    """Runs a queued job to the end, writing messages in ``language`` (default: the creator's).

    A second call for the same job does nothing, so a task delivered twice imports once.
    """
    claimed = ImportJob.objects.filter(pk=job_id, status=ImportJob.Status.QUEUED).update(
        status=ImportJob.Status.RUNNING, started_at=timezone.now()
    )
    job = ImportJob.objects.select_related("category", "created_by", "company").get(pk=job_id)
    if not claimed:
        return job
    with translation.override(language or job.created_by.language or settings.LANGUAGE_CODE):
        return _run(job, on_progress)


def _run(job: ImportJob, on_progress: Callable[[int, int], None] | None) -> ImportJob:
    try:
        ctx, table = _prepare(job)
    except ImportFileError as exc:
        return _fail(job, exc.message)
    job.total_rows = len(table.rows)
    job.save(update_fields=["total_rows"])
    failed: list[tuple[Row, str]] = []
    saved_at = time.monotonic()
    try:
        for row, values in table.records():
            row_errors = import_row(ctx, row.number, values)
            job.processed_rows += 1
            if row_errors:
                job.failed_count += 1
                job.errors += [{"row": row.number, "field": c, "message": m} for c, m in row_errors]
                failed.append((row, "; ".join(f"{c}: {m}" if c else m for c, m in row_errors)))
            else:
                job.created_count += 1
            if on_progress is not None:
                on_progress(job.processed_rows, job.total_rows)
            if job.processed_rows % PROGRESS_EVERY == 0 or time.monotonic() - saved_at > 1:
                ImportJob.objects.filter(pk=job.pk).update(
                    processed_rows=job.processed_rows,
                    created_count=job.created_count,
                    failed_count=job.failed_count,
                )
                saved_at = time.monotonic()
        if failed:
            _error_file(job, ctx, table, failed)
    except Exception:
        logger.exception("Import job %s stopped", job.pk)
        _fail(
            job,
            _(
                "The import stopped on an unexpected error after %(n)d rows; the rows before "
                "it were imported."
            )
            % {"n": job.processed_rows},
        )
        raise
    job.status = ImportJob.Status.DONE
    job.finished_at = timezone.now()
    job.save()
    return job
