"""Checks the product category tree and the attribute templates of the catalog.

Usage: ``python scripts/check_category_data.py [CATEGORIES_JSON TEMPLATES_JSON]`` (default:
``src/hansa/catalog/data/categories.json`` and ``attribute_templates.json`` beside it).
Prints one line per problem and exits 1 if there is any; otherwise prints the leaf and
template counts and exits 0. Uses the standard library only.

The tree is a JSON list of industry nodes ``{"code", "name_en", "name_zh", "hs"?, "note"?,
"children"}``; a node without children is a leaf. Every leaf outside the "service" industry
needs at least one HS 2022 heading ("9405") or subheading ("9405.42").

The templates file maps leaf codes to lists of attributes ``{"code", "name_en", "name_zh",
"type", "required", "filterable", ...}`` where type is one of text, number, choice,
multichoice or bool.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "hansa" / "catalog" / "data"

INDUSTRIES = (
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
)
NO_HS_INDUSTRY = "service"

MIN_LEAVES = 500
MIN_LEAVES_PER_INDUSTRY = 10
MIN_TEMPLATES = 40
MIN_REQUIRED = 2
MIN_FILTERABLE = 2
MIN_ATTRIBUTES, MAX_ATTRIBUTES = 5, 12

CODE_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
HS_RE = re.compile(r"^(\d{2})\d{2}(\.\d{2})?$")
ATTR_CODE_RE = re.compile(r"^[a-z][a-z0-9_]*$")
CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
TYPES = {"text", "number", "choice", "multichoice", "bool"}
COUNT_SUFFIXES = ("_count", "_qty")


def _text(value: object) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_int(value: object, minimum: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= minimum


def _hs_problem(code: object) -> str | None:
    if not isinstance(code, str):
        return f"HS code {code!r} is not a string"
    match = HS_RE.match(code)
    if match is None:
        return f"HS code {code!r} is not NNNN or NNNN.NN"
    chapter = int(match.group(1))
    if not 1 <= chapter <= 97 or chapter == 77:
        return f"HS code {code!r} has no valid chapter (01-97, not 77)"
    return None


def _check_tree(tree: object, problems: list[str]) -> tuple[set[str], dict[str, int]]:
    """Checks the category tree; returns (leaf codes, leaf count per industry)."""
    leaves: set[str] = set()
    per_industry: dict[str, int] = {}
    if not isinstance(tree, list):
        problems.append("categories: the top level must be a JSON list")
        return leaves, per_industry

    tops = [node.get("code") if isinstance(node, dict) else None for node in tree]
    if sorted(map(str, tops)) != sorted(INDUSTRIES) or len(tops) != len(INDUSTRIES):
        missing = sorted(set(INDUSTRIES) - set(map(str, tops)))
        extra = [code for code in tops if code not in INDUSTRIES]
        problems.append(
            f"categories: top level must be exactly the {len(INDUSTRIES)} industries"
            f" (missing {missing}, unexpected {extra}, {len(tops)} given)"
        )

    seen: Counter[str] = Counter()

    def walk(node: object, industry: str, path: str) -> None:
        if not isinstance(node, dict):
            problems.append(f"{path}: node is not an object")
            return
        code = node.get("code")
        where = f"{path}/{code}" if path else str(code)
        if not isinstance(code, str) or not CODE_RE.match(code):
            problems.append(f"{where}: code {code!r} must match {CODE_RE.pattern}")
        else:
            seen[code] += 1
        if not _text(node.get("name_en")):
            problems.append(f"{where}: name_en is missing or empty")
        name_zh = node.get("name_zh")
        if not _text(name_zh):
            problems.append(f"{where}: name_zh is missing or empty")
        elif not CJK_RE.search(name_zh):
            problems.append(f"{where}: name_zh {name_zh!r} has no Chinese characters")
        children = node.get("children", [])
        if not isinstance(children, list):
            problems.append(f"{where}: children must be a list")
            children = []
        hs = node.get("hs")
        if hs is not None and not isinstance(hs, list):
            problems.append(f"{where}: hs must be a list")
            hs = None
        for hs_code in hs or []:
            problem = _hs_problem(hs_code)
            if problem:
                problems.append(f"{where}: {problem}")
        if hs and len(set(hs)) != len(hs):
            problems.append(f"{where}: repeated HS code")
        if children:
            for child in children:
                walk(child, industry, where)
            return
        # A leaf.
        if path == "":
            problems.append(f"{where}: an industry must have children")
            return
        if isinstance(code, str):
            leaves.add(code)
        per_industry[industry] = per_industry.get(industry, 0) + 1
        if industry == NO_HS_INDUSTRY:
            if hs is None:
                problems.append(f"{where}: service leaves need an (empty) hs list")
        elif not hs:
            problems.append(f"{where}: leaf has no HS code")

    for node in tree:
        industry = node.get("code") if isinstance(node, dict) else None
        walk(node, str(industry), "")
        if isinstance(node, dict) and industry == NO_HS_INDUSTRY and not _text(node.get("note")):
            problems.append(f"{industry}: the service industry needs a note on its empty HS lists")

    for code, count in sorted(seen.items()):
        if count > 1:
            problems.append(f"categories: code {code!r} is used {count} times")
    total = sum(per_industry.values())
    if total < MIN_LEAVES:
        problems.append(f"categories: {total} leaves, need at least {MIN_LEAVES}")
    for industry in INDUSTRIES:
        count = per_industry.get(industry, 0)
        if count < MIN_LEAVES_PER_INDUSTRY:
            problems.append(f"{industry}: {count} leaves, need at least {MIN_LEAVES_PER_INDUSTRY}")
    return leaves, per_industry


def _check_attribute(attr: object, where: str, problems: list[str]) -> str | None:
    """Checks one attribute; returns its code if it has a usable one."""
    if not isinstance(attr, dict):
        problems.append(f"{where}: attribute is not an object")
        return None
    code = attr.get("code")
    where = f"{where}.{code}"
    if not isinstance(code, str) or not ATTR_CODE_RE.match(code):
        problems.append(f"{where}: code {code!r} must match {ATTR_CODE_RE.pattern}")
        code = None
    if not _text(attr.get("name_en")):
        problems.append(f"{where}: name_en is missing or empty")
    name_zh = attr.get("name_zh")
    if not _text(name_zh) or not CJK_RE.search(name_zh):
        problems.append(f"{where}: name_zh must contain Chinese characters")
    for flag in ("required", "filterable"):
        if not isinstance(attr.get(flag), bool):
            problems.append(f"{where}: {flag} must be true or false")
    kind = attr.get("type")
    if kind not in TYPES:
        problems.append(f"{where}: type {kind!r} is not one of {sorted(TYPES)}")
    elif kind in ("choice", "multichoice"):
        choices = attr.get("choices")
        if not isinstance(choices, list) or len(choices) < 2:
            problems.append(f"{where}: {kind} needs at least 2 choices")
        else:
            values = []
            for choice in choices:
                if not isinstance(choice, dict):
                    problems.append(f"{where}: choice {choice!r} is not an object")
                    continue
                value = choice.get("value")
                if not _text(value):
                    problems.append(f"{where}: a choice has no value")
                else:
                    values.append(value)
                if not _text(choice.get("en")):
                    problems.append(f"{where}: choice {value!r} has no en label")
                if not _text(choice.get("zh")):
                    problems.append(f"{where}: choice {value!r} has no zh label")
            for value, count in Counter(values).items():
                if count > 1:
                    problems.append(f"{where}: choice value {value!r} is repeated")
    elif kind == "number":
        unit = attr.get("unit")
        if not isinstance(unit, str):
            problems.append(f"{where}: number needs a unit string")
        elif unit.strip() == "" and not (code or "").endswith(COUNT_SUFFIXES):
            problems.append(
                f"{where}: number needs a non-empty unit (only *_count, *_qty may be unitless)"
            )
        low, high = attr.get("min"), attr.get("max")
        for name, bound in (("min", low), ("max", high)):
            if bound is not None and not _is_number(bound):
                problems.append(f"{where}: {name} must be a number")
        if _is_number(low) and _is_number(high) and low > high:
            problems.append(f"{where}: min {low} is greater than max {high}")
        decimals = attr.get("decimals")
        if decimals is not None and not _is_int(decimals, 0):
            problems.append(f"{where}: decimals must be a non-negative integer")
    elif kind == "text":
        max_length = attr.get("max_length")
        if max_length is not None and not _is_int(max_length, 1):
            problems.append(f"{where}: max_length must be a positive integer")
    return code


def _check_templates(templates: object, leaves: set[str], problems: list[str]) -> int:
    if not isinstance(templates, dict):
        problems.append("templates: the top level must be a JSON object keyed by leaf code")
        return 0
    if len(templates) < MIN_TEMPLATES:
        problems.append(f"templates: {len(templates)} templates, need at least {MIN_TEMPLATES}")
    for leaf, attrs in templates.items():
        where = f"templates[{leaf}]"
        if leaf not in leaves:
            problems.append(f"{where}: {leaf!r} is not a leaf category code")
        if not isinstance(attrs, list) or not attrs:
            problems.append(f"{where}: must be a non-empty list of attributes")
            continue
        if not MIN_ATTRIBUTES <= len(attrs) <= MAX_ATTRIBUTES:
            problems.append(
                f"{where}: {len(attrs)} attributes, need {MIN_ATTRIBUTES} to {MAX_ATTRIBUTES}"
            )
        codes = [_check_attribute(attr, where, problems) for attr in attrs]
        for code, count in Counter(c for c in codes if c).items():
            if count > 1:
                problems.append(f"{where}: attribute code {code!r} is repeated")
        dicts = [attr for attr in attrs if isinstance(attr, dict)]
        required = sum(1 for attr in dicts if attr.get("required") is True)
        filterable = sum(1 for attr in dicts if attr.get("filterable") is True)
        if required < MIN_REQUIRED:
            problems.append(f"{where}: {required} required attributes, need {MIN_REQUIRED}")
        if filterable < MIN_FILTERABLE:
            problems.append(f"{where}: {filterable} filterable attributes, need {MIN_FILTERABLE}")
    return len(templates)


def _load(path: Path | str, problems: list[str]) -> object:
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError) as error:
        problems.append(f"{path}: cannot read JSON ({error})")
        return None


def counts(
    categories_path: Path | str, templates_path: Path | str
) -> tuple[int, dict[str, int], int]:
    """Returns (leaf count, leaf count per industry, template count) without judging."""
    problems: list[str] = []
    tree = _load(categories_path, problems)
    templates = _load(templates_path, problems)
    leaves, per_industry = _check_tree(tree, problems)
    return len(leaves), per_industry, len(templates) if isinstance(templates, dict) else 0


def problems(categories_path: Path | str, templates_path: Path | str) -> list[str]:
    """Returns one message per problem found in the two files (empty when all is well)."""
    found: list[str] = []
    tree = _load(categories_path, found)
    templates = _load(templates_path, found)
    if tree is None or templates is None:
        return found
    leaves, _ = _check_tree(tree, found)
    _check_templates(templates, leaves, found)
    return found


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) not in (0, 2):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    categories_path, templates_path = (
        (Path(args[0]), Path(args[1]))
        if args
        else (DATA / "categories.json", DATA / "attribute_templates.json")
    )
    found = problems(categories_path, templates_path)
    for problem in found:
        print(problem)
    if found:
        print(f"{len(found)} problem(s)", file=sys.stderr)
        return 1
    leaf_count, per_industry, template_count = counts(categories_path, templates_path)
    print(f"OK: {leaf_count} leaf categories, {template_count} attribute templates")
    for industry in INDUSTRIES:
        print(f"  {industry}: {per_industry.get(industry, 0)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
