"""The shared rules for files and text people send each other (core/attachments, plaintext)."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from hansa.core.attachments import MAX_PER_MESSAGE, clean_attachment, clean_attachments
from hansa.core.errors import BusinessError
from hansa.core.plaintext import clean_text, fingerprint
from hansa.core.tests.files import html_named_png, pdf, png, svg


def office(parts: dict[str, bytes], name: str = "prices.xlsx") -> SimpleUploadedFile:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        for part, data in parts.items():
            archive.writestr(part, data)
    return SimpleUploadedFile(name, out.getvalue())


def test_pdf_image_office_and_text_files_pass_with_their_checked_type():
    assert clean_attachment(pdf("spec sheet.pdf")).content_type == "application/pdf"
    image = clean_attachment(png(name="photo.png"))
    assert image.content_type == "image/png" and image.name == "photo.png"
    sheet = clean_attachment(office({"xl/workbook.xml": b"<workbook/>"}))
    assert sheet.name == "prices.xlsx" and "spreadsheetml" in sheet.content_type
    word = clean_attachment(office({"word/document.xml": b"<w/>"}, name="terms.bin"))
    assert word.name == "terms.docx"  # the extension follows the content, not the name
    text = clean_attachment(SimpleUploadedFile("sizes.csv", b"size,qty\nM,500\n"))
    assert text.content_type == "text/csv" and len(text.sha256) == 64


@pytest.mark.parametrize(
    "upload, words",
    [
        (svg(), "cannot be sent"),
        (html_named_png(), "cannot be sent"),
        (SimpleUploadedFile("run.exe", b"MZ\x90\x00binary"), "cannot be sent"),
        (SimpleUploadedFile("notes.txt", b"\xff\xfe\x00bad"), "cannot be sent"),
        (office({"xl/workbook.xml": b"<w/>", "xl/vbaProject.bin": b"macro"}), "macros"),
        (SimpleUploadedFile("empty.pdf", b""), "empty"),
        (SimpleUploadedFile("cut.pdf", b"%PDF-1.4\n1 0 obj"), "damaged"),
    ],
)
def test_anything_else_is_refused_with_the_file_named(upload, words):
    with pytest.raises(BusinessError) as exc:
        clean_attachments([upload])
    assert words in exc.value.message and upload.name in exc.value.message
    assert exc.value.field == "attachments"


def test_size_and_count_limits(settings):
    settings.ATTACHMENT_MAX_BYTES = 1000
    big = SimpleUploadedFile("big.csv", b"a," * 600)
    with pytest.raises(BusinessError, match="too large"):
        clean_attachments([big])
    with pytest.raises(BusinessError, match=f"at most {MAX_PER_MESSAGE}"):
        clean_attachments([pdf(f"{i}.pdf") for i in range(MAX_PER_MESSAGE + 1)])


def test_a_zip_bomb_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("xl/workbook.xml", b"0" * 5_000_000)
    with pytest.raises(BusinessError, match="implausible"):
        clean_attachments([SimpleUploadedFile("bomb.xlsx", out.getvalue())])


def test_file_names_are_tidied():
    upload = pdf('..\\..\\etc/"pass<wd>".pdf')
    assert clean_attachment(upload).name == "passwd.pdf"


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "see <img src=x onerror=alert(1)>",
        "<a href='javascript:alert(1)'>price list</a>",
        "<iframe src=//evil>",
        "<SVG/onload=alert(1)>",
    ],
)
def test_script_in_text_is_refused_with_a_clear_message(text):
    with pytest.raises(BusinessError) as exc:
        clean_text(text, field="body", max_length=1000, label="The message")
    assert "plain text" in exc.value.message and exc.value.field == "body"


def test_ordinary_text_is_kept_and_tidied():
    raw = "MOQ < 500 pcs, price > USD 2.\r\nOn time?\x00\x07 "
    assert (
        clean_text(raw, field="body", max_length=100) == "MOQ < 500 pcs, price > USD 2.\nOn time?"
    )
    with pytest.raises(BusinessError, match="too long"):
        clean_text("x" * 11, field="body", max_length=10)
    with pytest.raises(BusinessError, match="cannot be empty"):
        clean_text(" \n ", field="body", max_length=10)
    assert clean_text("", field="body", max_length=10, required=False) == ""


def test_fingerprint_ignores_case_punctuation_and_spacing():
    assert fingerprint("Hello,  WORLD!\nPrice?") == fingerprint("hello world price")


def test_documents_lose_the_names_of_who_wrote_them():
    """An RFQ's attachment must not tell suppliers which company is buying."""
    core = (
        b'<cp:coreProperties xmlns:dc="http://purl.org/dc/elements/1.1/">'
        b"<dc:title>Tender</dc:title><dc:creator>Greta Nordlicht</dc:creator>"
        b"<cp:lastModifiedBy>Nordlicht Import GmbH</cp:lastModifiedBy></cp:coreProperties>"
    )
    app = b"<Properties><Company>Nordlicht Import GmbH</Company><Pages>1</Pages></Properties>"
    sheet = clean_attachment(
        office({"xl/workbook.xml": b"<w/>", "docProps/core.xml": core, "docProps/app.xml": app})
    )
    with zipfile.ZipFile(sheet.content) as archive:
        parts = archive.read("docProps/core.xml") + archive.read("docProps/app.xml")
        assert archive.read("xl/workbook.xml") == b"<w/>"
    assert b"Nordlicht" not in parts and b"<dc:title>Tender</dc:title>" in parts
    assert b"<Company></Company>" in parts and b"<Pages>1</Pages>" in parts

    body = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        b"3 0 obj<</Title (Tender) /Author (Greta \\(Nordlicht\\)) /Company <4E6F72>>>endobj\n"
        b"4 0 obj<</Type/Metadata/Length 60>>stream\n"
        b"<dc:creator><rdf:Seq><rdf:li>Greta Nordlicht</rdf:li></rdf:Seq></dc:creator>\n"
        b"endstream endobj\ntrailer<</Root 1 0 R/Info 3 0 R>>\n%%EOF\n"
    )
    cleaned = clean_attachment(SimpleUploadedFile("tender.pdf", body)).content.read()
    assert b"Nordlicht" not in cleaned and b"4E6F72" not in cleaned
    assert b"/Title (Tender)" in cleaned and len(cleaned) == len(body)  # offsets unchanged
