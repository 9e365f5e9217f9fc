"""Categories over the API (read-only; the operator edits them in the back office)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from hansa.catalog import selectors
from hansa.catalog.models import Category
from hansa.core.errors import NotFound

router = Router(tags=["categories"], auth=None)


class CategoryOut(Schema):
    code: str
    parent: str | None
    name_en: str
    name_zh: str
    name: str
    path: str
    depth: int
    is_leaf: bool
    hs_codes: list[str]


class ChoiceOut(Schema):
    value: str
    en: str
    zh: str


class AttributeOut(Schema):
    code: str
    name_en: str
    name_zh: str
    type: str
    unit: str
    choices: list[ChoiceOut]
    min_value: str | None
    max_value: str | None
    required: bool
    filterable: bool


class CategoryDetailOut(CategoryOut):
    breadcrumb: list[str]
    children: list[str]
    attributes: list[AttributeOut]


def _out(c: Category, parent_code: str | None) -> dict[str, object]:
    return {
        "code": c.code,
        "parent": parent_code,
        "name_en": c.name_en,
        "name_zh": c.name_zh,
        "name": c.name,
        "path": c.path,
        "depth": c.depth,
        "is_leaf": c.is_leaf,
        "hs_codes": c.hs_codes,
    }


@router.get("", response=list[CategoryOut], summary="The whole category tree, in path order")
def list_categories(request: HttpRequest, leaves_only: bool = False) -> list[dict[str, object]]:
    rows = Category.objects.filter(is_active=True).select_related("parent").order_by("path")
    if leaves_only:
        rows = rows.filter(is_leaf=True)
    return [_out(c, c.parent.code if c.parent_id else None) for c in rows]


@router.get(
    "/{code}",
    response={200: CategoryDetailOut, 404: dict},
    summary="One category with its template",
)
def get_category(request: HttpRequest, code: str) -> dict[str, object]:
    node = selectors.category_by_code(code)
    if node is None:
        raise NotFound()
    attributes = [
        {
            "code": a.code,
            "name_en": a.name_en,
            "name_zh": a.name_zh,
            "type": a.type,
            "unit": a.unit,
            "choices": a.choices,
            "required": a.required,
            "filterable": a.filterable,
            "min_value": None if a.min_value is None else str(a.min_value.normalize()),
            "max_value": None if a.max_value is None else str(a.max_value.normalize()),
        }
        for a in selectors.template_of(node)
    ]
    return {
        **_out(node, node.parent.code if node.parent_id else None),
        "breadcrumb": [c.code for c in selectors.breadcrumb(node)],
        "children": list(
            node.children.filter(is_active=True).order_by("position").values_list("code", flat=True)
        ),
        "attributes": attributes,
    }
