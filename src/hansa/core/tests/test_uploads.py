from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from hansa.core.tests import files
from hansa.core.uploads import clean_document, clean_image


def test_images_are_reencoded_and_shrunk():
    clean = clean_image(files.png(3000, 1500), max_side=600)
    image = Image.open(io.BytesIO(clean.content.read()))
    assert (image.format, image.size) == ("PNG", (600, 300))
    assert clean.content_type == "image/png"


def test_jpeg_metadata_does_not_survive_reencoding():
    out = io.BytesIO()
    Image.new("RGB", (50, 50)).save(out, format="JPEG", comment=b"secret-gps-data")
    clean = clean_image(SimpleUploadedFile("a.jpg", out.getvalue()))
    assert b"secret-gps-data" not in clean.content.read()


@pytest.mark.parametrize("upload", [files.svg, files.html_named_png], ids=["svg", "html-named-png"])
def test_svg_and_html_are_refused_whatever_their_name(upload):
    with pytest.raises(ValidationError):
        clean_image(upload())
    with pytest.raises(ValidationError):
        clean_document(upload())


def test_decompression_bombs_are_refused(settings):
    settings.IMAGE_MAX_PIXELS = 40_000_000
    with pytest.raises(ValidationError, match="too many pixels"):
        clean_image(files.pixel_bomb())


def test_oversized_files_are_refused(settings):
    settings.UPLOAD_MAX_BYTES = 1000
    with pytest.raises(ValidationError, match="too large"):
        clean_document(SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * 2000 + b"%%EOF"))


def test_pdfs_pass_unchanged_but_truncated_pdfs_do_not():
    assert clean_document(files.pdf()).content_type == "application/pdf"
    with pytest.raises(ValidationError, match="damaged"):
        clean_document(SimpleUploadedFile("cut.pdf", b"%PDF-1.4\n1 0 obj"))


def test_empty_files_are_refused():
    with pytest.raises(ValidationError, match="empty"):
        clean_document(SimpleUploadedFile("e.pdf", b""))
