"""Files people send each other: inquiry, chat, RFQ and quotation attachments.

One rule for every conversation in the platform, so that a buyer meets the same limits
everywhere:

- at most ``settings.ATTACHMENT_MAX_BYTES`` per file and ``MAX_PER_MESSAGE`` files per message;
- checked by content, never by name: images are decoded and re-encoded (``core.uploads``), PDFs
  need their signature, Office Open XML documents (``.docx``, ``.xlsx``, ``.pptx``) must be a
  ZIP with the matching part and no macros, plain text (``.txt``, ``.csv``) must be UTF-8
  without NUL bytes; anything else is refused;
- who wrote a document is blanked (PDF author fields and uncompressed XMP, Office author, last
  editor, company, manager), so an RFQ's file does not name the buyer;
- stored under a random name outside the public media prefixes, so a file is only ever served by
  :func:`attachment_response` from a view that has authorised the caller first, as a download
  with ``nosniff`` and a sandboxing CSP.

Each app keeps its own attachment table (subclass :class:`AttachmentBase`, add the foreign key
to its message) and calls :func:`clean_attachments` in its service before writing anything.
"""

from __future__ import annotations

import hashlib
import io
import re
import secrets
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hansa.core.errors import BusinessError
from hansa.core.uploads import PDF_SIGNATURE, clean_image

MAX_PER_MESSAGE = 5
NAME_MAX = 120

# Office Open XML: the part that tells a Word, Excel or PowerPoint file apart.
OOXML = {
    "docx": (
        "word/document.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": (
        "xl/workbook.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "pptx": (
        "ppt/presentation.xml",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
}
TEXT_TYPES = {"txt": "text/plain", "csv": "text/csv"}
ZIP_MAX_MEMBERS = 2000
ZIP_MAX_RATIO = 200  # uncompressed / compressed: more is a zip bomb


@dataclass(frozen=True)
class CleanAttachment:
    content: ContentFile
    name: str  # the sender's file name, tidied, with the checked extension
    content_type: str
    size: int
    sha256: str


def _limit() -> int:
    return int(getattr(settings, "ATTACHMENT_MAX_BYTES", settings.UPLOAD_MAX_BYTES))


def _tidy_name(raw: str, extension: str) -> str:
    stem = PurePosixPath((raw or "").replace("\\", "/")).name
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    stem = "".join(ch for ch in stem if ch.isprintable() and ch not in '<>:"/\\|?*').strip(" .")
    stem = stem[: NAME_MAX - len(extension) - 1] or "file"
    return f"{stem}.{extension}"


def _read(upload: UploadedFile, limit: int) -> bytes:
    name = getattr(upload, "name", "") or "file"
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("“%(name)s” is too large (%(size)s MB); the limit is %(limit)s MB per file.")
            % {
                "name": name,
                "size": round(upload.size / 1_048_576, 1),
                "limit": round(limit / 1_048_576, 1),
            },
            code="too_large",
        )
    upload.seek(0)
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise ValidationError(
            _("“%(name)s” is too large; the limit is %(limit)s MB per file.")
            % {"name": name, "limit": round(limit / 1_048_576, 1)},
            code="too_large",
        )
    if not data:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": name}, code="empty")
    return data


def _office(data: bytes, name: str) -> tuple[str, str] | None:
    if not data.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            if len(infos) > ZIP_MAX_MEMBERS or "[Content_Types].xml" not in names:
                return None
            unpacked = sum(info.file_size for info in infos)
            if unpacked > max(len(data), 1) * ZIP_MAX_RATIO:
                raise ValidationError(
                    _("“%(name)s” unpacks to an implausible size.") % {"name": name},
                    code="zip_bomb",
                )
            if any(n.lower().endswith("vbaproject.bin") for n in names):
                raise ValidationError(
                    _("“%(name)s” contains macros; save it without macros and send it again.")
                    % {"name": name},
                    code="macros",
                )
    except zipfile.BadZipFile:
        return None
    for extension, (part, content_type) in OOXML.items():
        if part in names:
            return extension, content_type
    return None


def _text(data: bytes, name: str) -> tuple[str, str] | None:
    extension = PurePosixPath(name.lower()).suffix.lstrip(".")
    if extension not in TEXT_TYPES or b"\x00" in data:
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return extension, TEXT_TYPES[extension]


# Who wrote a document travels inside it. Images are re-encoded; for documents the fields that
# name a person or a company are blanked (best effort: visible text, comments' authors and
# compressed PDF metadata streams are left as they are).
OOXML_PEOPLE = re.compile(
    rb"(<(dc:creator|cp:lastModifiedBy|Company|Manager)(?:\s[^>]*)?>)(.*?)(</\2>)", re.DOTALL
)
PDF_PEOPLE = re.compile(rb"(/(?:Author|Company|Manager)\s*)(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)")
XMP_PEOPLE = re.compile(
    rb"(<(dc:creator|pdf:Author|xmp:Author)(?:\s[^>]*)?>)(.*?)(</\2>)", re.DOTALL
)


def _scrub_office(data: bytes) -> bytes:
    """The same document with author, last editor, company and manager emptied."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info)
            if info.filename in ("docProps/core.xml", "docProps/app.xml"):
                content = OOXML_PEOPLE.sub(rb"\1\4", content)
            target.writestr(info, content)
    return out.getvalue()


def _blank(match: re.Match[bytes]) -> bytes:
    """Same length, so the PDF's cross-reference offsets stay right."""
    value = match.group(2)
    if value.startswith(b"("):
        return match.group(1) + b"(" + b" " * (len(value) - 2) + b")"
    return match.group(1) + b"<" + re.sub(rb"[0-9A-Fa-f]", b"0", value[1:-1]) + b">"


def _blank_xmp(match: re.Match[bytes]) -> bytes:
    inner = match.group(3)
    blanked = re.sub(rb">[^<]+<", lambda m: b">" + b" " * (len(m.group(0)) - 2) + b"<", inner)
    if b"<" not in inner:
        blanked = b" " * len(inner)
    return match.group(1) + blanked + match.group(4)


def _scrub_pdf(data: bytes) -> bytes:
    return XMP_PEOPLE.sub(_blank_xmp, PDF_PEOPLE.sub(_blank, data))


def clean_attachment(upload: UploadedFile) -> CleanAttachment:
    """One checked file, or a ``ValidationError`` that names the file and says what is wrong."""
    raw_name = getattr(upload, "name", "") or "file"
    data = _read(upload, _limit())
    if data.startswith(PDF_SIGNATURE):
        if b"%%EOF" not in data[-2048:]:
            raise ValidationError(
                _("“%(name)s” is a damaged or incomplete PDF.") % {"name": raw_name},
                code="bad_pdf",
            )
        extension, content_type, payload = "pdf", "application/pdf", _scrub_pdf(data)
    elif (found := _office(data, raw_name)) is not None:
        extension, content_type = found
        payload = _scrub_office(data)
    elif (found := _text(data, raw_name)) is not None:
        extension, content_type = found
        payload = data
    else:
        try:
            image = clean_image(ContentFile(data, name=raw_name), max_bytes=_limit())
        except ValidationError as exc:
            if exc.code == "not_image":
                raise ValidationError(
                    _(
                        "“%(name)s” cannot be sent: attach a PDF, an image (JPEG, PNG, WebP), "
                        "a Word, Excel or PowerPoint file, or a text or CSV file."
                    )
                    % {"name": raw_name},
                    code="bad_format",
                ) from None
            raise
        extension, content_type = image.extension, image.content_type
        payload = image.content.read()
    return CleanAttachment(
        content=ContentFile(payload),
        name=_tidy_name(raw_name, extension),
        content_type=content_type,
        size=len(payload),
        sha256=hashlib.sha256(payload).hexdigest(),
    )


def clean_attachments(
    uploads: Sequence[UploadedFile] | None, *, field: str = "attachments"
) -> list[CleanAttachment]:
    """Every file checked before anything is written; a ``BusinessError`` on the first bad one."""
    uploads = [u for u in (uploads or []) if u is not None]
    if len(uploads) > MAX_PER_MESSAGE:
        raise BusinessError(
            _("Attach at most %(n)s files to one message.") % {"n": MAX_PER_MESSAGE}, field=field
        )
    cleaned = []
    for upload in uploads:
        try:
            cleaned.append(clean_attachment(upload))
        except ValidationError as exc:
            raise BusinessError(" ".join(exc.messages), field=field) from None
    return cleaned


def attachment_path(instance: models.Model, filename: str) -> str:
    """A random name under ``attachments/<app>/``: never guessable, never public media."""
    now = timezone.now()
    extension = PurePosixPath(filename).suffix.lower()[:6]
    return (
        f"attachments/{instance._meta.app_label}/{now:%Y/%m}/{secrets.token_urlsafe(18)}{extension}"
    )


class AttachmentBase(models.Model):
    """Columns every attachment table has; subclasses add the foreign key to their message."""

    file = models.FileField(gettext_lazy("file"), upload_to=attachment_path, max_length=255)
    name = models.CharField(gettext_lazy("file name"), max_length=NAME_MAX + 10)
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField(gettext_lazy("size (bytes)"))
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    def fill_from(self, clean: CleanAttachment) -> None:
        """Sets the columns and saves the file (the caller saves the row)."""
        self.name = clean.name
        self.content_type = clean.content_type
        self.size = clean.size
        self.sha256 = clean.sha256
        self.file.save(clean.name, clean.content, save=False)


def attachment_response(attachment: AttachmentBase, filename: str = "") -> FileResponse:
    """The file as a download; call only after the view has authorised the caller.

    ``filename`` replaces the sender's file name when the caller must not see it.
    """
    response = FileResponse(
        attachment.file.open("rb"),
        content_type=attachment.content_type,
        as_attachment=not attachment.content_type.startswith("image/"),
        filename=filename or attachment.name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
