"""Checks gettext catalogs (.po) for untranslated, fuzzy or placeholder-breaking entries.

Usage: ``python scripts/check_catalog.py [PO_FILE ...]`` (default: every catalog under
``src/hansa/locale``). Prints one line per problem and exits 1 if there is any, else 0.

A translation must keep every placeholder of its msgid: named ones (``%(name)s``,
``%(n)d``) in any order, positional ones (``%s``, ``%d``) in the same order. ``%%`` is
a literal percent sign and not a placeholder. Plural entries need every form filled,
each with the placeholders of msgid_plural (form 0 may instead match msgid when the
language has more than one plural form).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent / "src" / "hansa" / "locale"

# ``%%`` is matched first so that "100%%d" reads as a literal percent and a "d".
_TOKEN = re.compile(r"%%|%\((?P<name>[^)]+)\)(?P<named>[sd])|%(?P<pos>[sd])")


def placeholders(text: str) -> tuple[Counter[str], list[str]]:
    """Returns (named placeholders as a multiset, positional placeholders in order)."""
    named: Counter[str] = Counter()
    positional: list[str] = []
    for match in _TOKEN.finditer(text):
        if match.group("name") is not None:
            named[f"%({match.group('name')}){match.group('named')}"] += 1
        elif match.group("pos") is not None:
            positional.append(f"%{match.group('pos')}")
    return named, positional


def _same_placeholders(source: str, translation: str) -> bool:
    src_named, src_pos = placeholders(source)
    tr_named, tr_pos = placeholders(translation)
    return set(src_named) == set(tr_named) and src_pos == tr_pos


def _describe(source: str, translation: str) -> str:
    src_named, src_pos = placeholders(source)
    tr_named, tr_pos = placeholders(translation)
    parts = []
    missing = sorted(set(src_named) - set(tr_named))
    extra = sorted(set(tr_named) - set(src_named))
    if missing:
        parts.append("missing " + ", ".join(missing))
    if extra:
        parts.append("unexpected " + ", ".join(extra))
    if src_pos != tr_pos:
        parts.append(f"positional {src_pos} vs {tr_pos}")
    return "; ".join(parts)


def _nplurals(catalog: polib.POFile) -> int:
    match = re.search(r"nplurals\s*=\s*(\d+)", catalog.metadata.get("Plural-Forms", ""))
    return int(match.group(1)) if match else 2


def problems(po_path) -> list[str]:
    """Returns a human-readable line for every problem found in the catalog at ``po_path``."""
    catalog = polib.pofile(str(po_path))
    found: list[str] = []
    if catalog.metadata_is_fuzzy:
        found.append("header: marked fuzzy")
    nplurals = _nplurals(catalog)

    for entry in catalog:
        if entry.obsolete:
            continue
        label = f"line {entry.linenum}: {entry.msgid!r}"
        if entry.msgctxt:
            label += f" (context {entry.msgctxt!r})"
        if "fuzzy" in entry.flags:
            found.append(f"{label}: fuzzy")

        if entry.msgid_plural:
            forms = entry.msgstr_plural or {}
            empty = [i for i in range(nplurals) if not forms.get(i)]
            if empty:
                found.append(f"{label}: untranslated plural form(s) {empty}")
            for index in sorted(forms):
                text = forms[index]
                if not text:
                    continue
                if _same_placeholders(entry.msgid_plural, text):
                    continue
                if index == 0 and nplurals > 1 and _same_placeholders(entry.msgid, text):
                    continue
                detail = _describe(entry.msgid_plural, text)
                found.append(f"{label}: placeholders differ in msgstr[{index}] ({detail})")
            continue

        if not entry.msgstr:
            found.append(f"{label}: untranslated")
            continue
        if not _same_placeholders(entry.msgid, entry.msgstr):
            found.append(f"{label}: placeholders differ ({_describe(entry.msgid, entry.msgstr)})")
    return found


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    paths = [Path(a) for a in args] or sorted(ROOT.glob("*/LC_MESSAGES/*.po"))
    if not paths:
        print("no catalogs found", file=sys.stderr)
        return 1
    total = 0
    for path in paths:
        for problem in problems(path):
            print(f"{path}: {problem}")
            total += 1
    if total:
        print(f"{total} problem(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
