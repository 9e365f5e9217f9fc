from __future__ import annotations

import copy
import json

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client

from hansa.catalog.models import AttributeDefinition, Category
from hansa.catalog.services import categories_export_document, categories_import_document
from hansa.catalog.tree_io import TreeError
from hansa.companies.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

INDUSTRIES = {
    "machinery",
    "electrical-electronics",
    "lights-lighting",
    "construction-decoration",
    "chemicals",
    "textiles",
    "apparel-accessories",
    "hardware-tools",
    "auto-parts",
    "consumer-electronics",
    "furniture",
    "home-supplies",
    "packaging-printing",
    "metallurgy-minerals",
    "agriculture-food",
    "health-medicine",
    "sports-entertainment",
    "office-supplies",
    "security-protection",
    "industrial-equipment",
    "bags-cases",
    "toys",
    "beauty-personal-care",
    "arts-crafts",
    "transportation",
    "service",
}


def test_the_shipped_tree_is_shaped_like_the_real_directories():
    top = set(Category.objects.filter(parent__isnull=True).values_list("code", flat=True))
    assert top == INDUSTRIES
    leaves = Category.objects.filter(is_leaf=True)
    assert leaves.count() >= 500
    for industry in INDUSTRIES:
        assert leaves.filter(path__startswith=industry + "/").count() >= 10, industry
    goods = leaves.exclude(path__startswith="service/")
    assert not [c.code for c in goods if not c.hs_codes]
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in c.name_zh) for c in Category.objects.all())


def test_at_least_forty_leaves_carry_real_templates():
    with_templates = Category.objects.filter(is_leaf=True, attributes__isnull=False).distinct()
    assert with_templates.count() >= 40
    strip = Category.objects.get(code="led-strip-lights")
    codes = set(strip.attributes.values_list("code", flat=True))
    assert {"voltage", "ip_rating"} <= codes
    for category in with_templates:
        attributes = list(category.attributes.all())
        assert sum(a.required for a in attributes) >= 2, category.code
        assert sum(a.filterable for a in attributes) >= 2, category.code


def test_paths_follow_the_tree():
    strip = Category.objects.get(code="led-strip-lights")
    assert strip.path.startswith("lights-lighting/") and strip.path.endswith("/led-strip-lights")
    assert strip.depth == strip.path.count("/")
    assert Category.objects.get(code="lights-lighting").is_leaf is False


def test_export_then_import_changes_nothing():
    before = categories_export_document()
    report = categories_import_document(copy.deepcopy(before))
    assert report.created == 0 and report.updated == Category.objects.count()
    assert categories_export_document() == before


def test_a_bad_file_changes_nothing_and_lists_every_problem():
    document = categories_export_document()
    document["categories"][0]["children"][0]["code"] = "Bad Code"
    document["categories"][1]["name_zh"] = ""
    document["templates"]["no-such-category"] = []
    attributes_before = AttributeDefinition.objects.count()
    name_before = Category.objects.get(code=document["categories"][1]["code"]).name_zh
    with pytest.raises(TreeError) as exc:
        categories_import_document(document)
    assert len(exc.value.problems) == 3
    assert AttributeDefinition.objects.count() == attributes_before
    assert Category.objects.get(code=document["categories"][1]["code"]).name_zh == name_before


def test_operator_renames_adds_and_hides_through_an_import():
    document = categories_export_document()
    toys = next(node for node in document["categories"] if node["code"] == "toys")
    toys["name_en"] = "Toys & Hobbies"
    toys.setdefault("children", []).append(
        {"code": "fidget-toys", "name_en": "Fidget Toys", "name_zh": "解压玩具", "hs": ["9503.00"]}
    )
    document["categories"] = [node for node in document["categories"] if node["code"] != "service"]
    report = categories_import_document(document, deactivate_missing=True)
    assert report.created == 1 and report.deactivated >= 10
    assert Category.objects.get(code="toys").name_en == "Toys & Hobbies"
    assert Category.objects.get(code="fidget-toys").path == "toys/fidget-toys"
    assert not Category.objects.get(code="service").is_active


def test_command_round_trip_and_refusal(tmp_path):
    out = tmp_path / "tree.json"
    call_command("categories", "export", str(out))
    assert json.loads(out.read_text())["format"] == "hansa-categories/1"
    call_command("categories", "import", str(out))
    out.write_text('{"categories": "nope"}')
    with pytest.raises(CommandError, match="Nothing imported"):
        call_command("categories", "import", str(out))


def _staff(group: str) -> Client:
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client


def test_back_office_export_and_import_need_the_right_role():
    editors, support = _staff("Reference data editors"), _staff("Support")
    exported = editors.get("/admin/catalog/category/export-json/")
    assert exported.status_code == 200 and exported["Content-Disposition"].startswith("attachment")
    assert support.get("/admin/catalog/category/export-json/").status_code == 403
    upload = SimpleUploadedFile("tree.json", exported.content, content_type="application/json")
    assert support.post("/admin/catalog/category/import-json/", {"file": upload}).status_code == 403
    broken = SimpleUploadedFile("tree.json", b"{not json", content_type="application/json")
    response = editors.post("/admin/catalog/category/import-json/", {"file": broken})
    assert response.status_code == 200 and b"not a JSON file" in response.content
    upload = SimpleUploadedFile("tree.json", exported.content, content_type="application/json")
    response = editors.post("/admin/catalog/category/import-json/", {"file": upload})
    assert response.status_code == 302


def test_public_pages_and_api():
    client = Client()
    assert b"Lights" in client.get("/categories/").content
    leaf = client.get("/categories/led-strip-lights/")
    assert leaf.status_code == 200 and b"9405" in leaf.content
    assert client.get("/categories/no-such-thing/").status_code == 404
    tree = client.get("/api/v1/categories").json()
    assert len(tree) == Category.objects.filter(is_active=True).count()
    leaves = client.get("/api/v1/categories?leaves_only=true").json()
    assert all(row["is_leaf"] for row in leaves) and len(leaves) >= 500
    detail = client.get("/api/v1/categories/led-strip-lights").json()
    assert detail["breadcrumb"][0] == "lights-lighting" and detail["attributes"]
    assert client.get("/api/v1/categories/nope").status_code == 404
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    assert (
        Category.objects.get(code="led-strip-lights").name_zh
        in client.get("/categories/led-strip-lights/").content.decode()
    )
