"""A tiny hand-written PDF: enough for a reviewer to open a demo business licence."""

from __future__ import annotations

from datetime import datetime

from hansa.demo.people import to_ascii


def _escape(text: str) -> str:
    text = to_ascii(text)
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def simple_pdf(title: str, lines: list[str], *, created: datetime) -> bytes:
    """A one-page A4 PDF 1.4 with a title and text lines in Helvetica, valid xref included."""
    ops = ["BT", "/F1 20 Tf", "72 760 Td", f"({_escape(title)}) Tj", "/F1 11 Tf", "0 -34 Td"]
    for line in lines:
        ops += [f"({_escape(line)}) Tj", "0 -18 Td"]
    ops.append("ET")
    ops += ["0.6 0 0 RG", "2 w", "60 60 475 722 re S"]  # a border, like a printed certificate
    stream = "\n".join(ops).encode("latin-1")
    stamp = created.strftime("D:%Y%m%d%H%M%SZ")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Title ("
        + _escape(title).encode("latin-1")
        + b") /Producer (Hansa demo) /CreationDate ("
        + stamp.encode()
        + b") >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref_at = len(out)
    out += f"xref\n0 {len(objects) + 1}\n".encode()
    out += b"0000000000 65535 f \n"
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n"
        f"startxref\n{xref_at}\n%%EOF\n"
    ).encode()
    return bytes(out)
