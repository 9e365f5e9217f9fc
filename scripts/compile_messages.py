"""Compiles every gettext catalog (.po -> .mo) with polib, so no system gettext is needed."""

from __future__ import annotations

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent / "src" / "hansa" / "locale"


def main() -> int:
    for po_path in sorted(ROOT.glob("*/LC_MESSAGES/*.po")):
        catalog = polib.pofile(str(po_path))
        catalog.save_as_mofile(str(po_path.with_suffix(".mo")))
        print(f"{po_path.relative_to(ROOT)}: {catalog.percent_translated()}% translated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
