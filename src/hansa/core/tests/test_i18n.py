"""The Chinese catalog is complete: every string in the code and templates is translated."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parents[4]
PO = ROOT / "src" / "hansa" / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"


def _check_catalog():
    spec = importlib.util.spec_from_file_location(
        "check_catalog", ROOT / "scripts" / "check_catalog.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_catalog_has_no_untranslated_fuzzy_or_broken_entries():
    assert _check_catalog().problems(PO) == []


def test_compiled_catalog_matches_the_source():
    po = polib.pofile(str(PO))
    mo = polib.mofile(str(PO.with_suffix(".mo")))
    assert {e.msgid: e.msgstr for e in po.translated_entries() if not e.msgid_plural} == {
        e.msgid: e.msgstr for e in mo if not e.msgid_plural
    }


def test_every_string_in_code_and_templates_is_in_the_catalog(tmp_path):
    if not shutil.which("xgettext"):
        pytest.fail("GNU gettext is needed to extract strings: apt-get install gettext")
    tree = tmp_path / "hansa"
    shutil.copytree(
        ROOT / "src" / "hansa", tree, ignore=shutil.ignore_patterns("__pycache__", "tests")
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "django",
            "makemessages",
            "-l",
            "zh_Hans",
            "--no-obsolete",
            "--no-location",
        ],
        cwd=tree,
        check=True,
        capture_output=True,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "hansa.settings.test",
            "PYTHONPATH": str(ROOT / "src"),
            "HANSA_VAR_DIR": str(tmp_path / "var"),
        },
    )
    problems = _check_catalog().problems(tree / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po")
    assert problems == [], "run `make messages` and translate:\n" + "\n".join(problems)


@pytest.mark.django_db
def test_pages_speak_chinese_with_chinese_formats(supplier):
    supplier.factory_area_m2 = 12000
    supplier.save()
    client = Client()
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    page = client.get(supplier.get_absolute_url()).content.decode()
    assert '<html lang="zh-hans">' in page
    assert "主营产品" in page and "12,000 m²" in page
    assert "供应商" in client.get("/").content.decode()
