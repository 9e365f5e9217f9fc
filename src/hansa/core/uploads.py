"""Checking uploads by their content, not their name.

Images are decoded and re-encoded with Pillow (which drops anything hidden in them and caps the
pixel count against decompression bombs); PDFs are checked for their signature. SVG, HTML and
everything else is refused, so nothing an attacker uploads can run in a visitor's browser.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

IMAGE_FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
}
PDF_SIGNATURE = b"%PDF-"


@dataclass(frozen=True)
class CleanFile:
    content: ContentFile
    content_type: str
    extension: str
    size: int


def _read_limited(upload: UploadedFile, max_bytes: int) -> bytes:
    if upload.size is not None and upload.size > max_bytes:
        raise ValidationError(
            _("The file is too large (%(size)s MB); the limit is %(limit)s MB.")
            % {"size": round(upload.size / 1_048_576, 1), "limit": round(max_bytes / 1_048_576, 1)},
            code="too_large",
        )
    upload.seek(0)
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ValidationError(_("The file is too large."), code="too_large")
    if not data:
        raise ValidationError(_("The file is empty."), code="empty")
    return data


def clean_image(
    upload: UploadedFile, *, max_bytes: int | None = None, max_side: int = 2000
) -> CleanFile:
    """Decodes the image, refuses bombs and non-images, returns a freshly encoded copy."""
    data = _read_limited(upload, max_bytes or settings.UPLOAD_MAX_BYTES)
    Image.MAX_IMAGE_PIXELS = settings.IMAGE_MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                fmt = probe.format
                if fmt not in IMAGE_FORMATS:
                    raise ValidationError(_("Upload a JPEG, PNG or WebP image."), code="bad_format")
                if probe.width * probe.height > settings.IMAGE_MAX_PIXELS:
                    raise ValidationError(
                        _("The image has too many pixels."), code="too_many_pixels"
                    )
                probe.load()
                image = probe.copy()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(_("This file is not a valid image."), code="not_image") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(_("The image has too many pixels."), code="too_many_pixels") from None
    image.thumbnail((max_side, max_side))
    image.info = {}  # drop EXIF (GPS), comments and anything else riding along with the pixels
    out = io.BytesIO()
    if fmt == "JPEG" or (fmt == "WEBP" and image.mode not in ("RGBA", "LA")):
        image.convert("RGB").save(out, format="JPEG", quality=88, optimize=True)
        ext, ctype = "jpg", "image/jpeg"
    else:
        if image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
            image = image.convert("RGBA")
        image.save(out, format="PNG", optimize=True)
        ext, ctype = "png", "image/png"
    payload = out.getvalue()
    return CleanFile(ContentFile(payload), ctype, ext, len(payload))


def clean_document(upload: UploadedFile, *, max_bytes: int | None = None) -> CleanFile:
    """A PDF, or an image (re-encoded); nothing else."""
    data = _read_limited(upload, max_bytes or settings.UPLOAD_MAX_BYTES)
    if data.startswith(PDF_SIGNATURE):
        if b"%%EOF" not in data[-2048:]:
            raise ValidationError(_("This PDF file is damaged or incomplete."), code="bad_pdf")
        return CleanFile(ContentFile(data), "application/pdf", "pdf", len(data))
    try:
        return clean_image(upload, max_bytes=max_bytes)
    except ValidationError as exc:
        if exc.code == "not_image":
            raise ValidationError(
                _("Upload a PDF or an image (JPEG, PNG, WebP)."), code="bad_format"
            ) from None
        raise
