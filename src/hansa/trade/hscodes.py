"""Harmonized System (HS) commodity codes: validation, hierarchy and chapter titles.

Why: the HS code drives the import duty, the licences a product needs and the statistics it is
counted in, and it is the first thing a customs broker asks for. The first six digits are the
same in every country (WCO Harmonized System: chapter, heading, subheading); countries extend
them to 8 digits (e.g. the EU's CN, China's tariff) or 10 (US HTS, China's statistical code).
We accept exactly 6, 8 or 10 digits: 7 and 9 digits are not a tariff line anywhere we trade
with, and usually mean a leading zero was lost in a spreadsheet ("101210" became "10121").

Chapter titles are the short English forms of the HS nomenclature (HS 2022 wording).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

VALID_LENGTHS: Final = (6, 8, 10)
RESERVED_CHAPTERS: Final = frozenset({"77"})
_SEPARATORS = re.compile(r"[.\s]+")


class InvalidHsCode(ValueError):
    """Raised by the hierarchy helpers for input that is not (the start of) an HS code."""


@dataclass(frozen=True, slots=True)
class HsSection:
    """One of the 21 sections that group the chapters (Section XVI: chapters 84-85)."""

    number: str  # Roman numeral, as printed in the nomenclature
    title: str
    first_chapter: int
    last_chapter: int

    def chapters(self) -> list[str]:
        return [f"{chapter:02d}" for chapter in range(self.first_chapter, self.last_chapter + 1)]


HS_SECTIONS: Final[tuple[HsSection, ...]] = (
    HsSection("I", "Live animals; animal products", 1, 5),
    HsSection("II", "Vegetable products", 6, 14),
    HsSection("III", "Animal, vegetable or microbial fats and oils; prepared edible fats", 15, 15),
    HsSection("IV", "Prepared foodstuffs; beverages, spirits and vinegar; tobacco", 16, 24),
    HsSection("V", "Mineral products", 25, 27),
    HsSection("VI", "Products of the chemical or allied industries", 28, 38),
    HsSection("VII", "Plastics and rubber, and articles thereof", 39, 40),
    HsSection("VIII", "Raw hides, skins, leather, furskins; saddlery; travel goods", 41, 43),
    HsSection("IX", "Wood, cork and articles thereof; basketware", 44, 46),
    HsSection("X", "Pulp of wood; recovered paper; paper and paperboard", 47, 49),
    HsSection("XI", "Textiles and textile articles", 50, 63),
    HsSection("XII", "Footwear, headgear, umbrellas; feathers; artificial flowers", 64, 67),
    HsSection("XIII", "Articles of stone, plaster, cement; ceramic products; glass", 68, 70),
    HsSection("XIV", "Pearls, precious stones, precious metals; imitation jewellery; coin", 71, 71),
    HsSection("XV", "Base metals and articles of base metal", 72, 83),
    HsSection("XVI", "Machinery and mechanical appliances; electrical equipment", 84, 85),
    HsSection("XVII", "Vehicles, aircraft, vessels and associated transport equipment", 86, 89),
    HsSection("XVIII", "Optical, measuring, medical instruments; clocks; music", 90, 92),
    HsSection("XIX", "Arms and ammunition", 93, 93),
    HsSection("XX", "Miscellaneous manufactured articles", 94, 96),
    HsSection("XXI", "Works of art, collectors' pieces and antiques", 97, 97),
)

# All 97 chapters; 77 is reserved by the WCO for possible future use and never valid in a code.
HS_CHAPTERS: Final[dict[str, str]] = {
    "01": "Live animals",
    "02": "Meat and edible meat offal",
    "03": "Fish, crustaceans, molluscs and other aquatic invertebrates",
    "04": "Dairy produce; birds' eggs; natural honey; other edible animal products",
    "05": "Other products of animal origin",
    "06": "Live trees and other plants; cut flowers",
    "07": "Edible vegetables and certain roots and tubers",
    "08": "Edible fruit and nuts; peel of citrus fruit or melons",
    "09": "Coffee, tea, maté and spices",
    "10": "Cereals",
    "11": "Products of the milling industry; malt; starches; inulin; wheat gluten",
    "12": "Oil seeds and oleaginous fruits; industrial or medicinal plants; fodder",
    "13": "Lac; gums, resins and other vegetable saps and extracts",
    "14": "Vegetable plaiting materials; other vegetable products",
    "15": "Animal, vegetable or microbial fats and oils; waxes",
    "16": "Preparations of meat, fish, crustaceans, molluscs or insects",
    "17": "Sugars and sugar confectionery",
    "18": "Cocoa and cocoa preparations",
    "19": "Preparations of cereals, flour, starch or milk; pastrycooks' products",
    "20": "Preparations of vegetables, fruit, nuts or other parts of plants",
    "21": "Miscellaneous edible preparations",
    "22": "Beverages, spirits and vinegar",
    "23": "Residues and waste from the food industries; prepared animal fodder",
    "24": "Tobacco and manufactured tobacco substitutes; nicotine products",
    "25": "Salt; sulphur; earths and stone; plastering materials, lime and cement",
    "26": "Ores, slag and ash",
    "27": "Mineral fuels, mineral oils and products of their distillation",
    "28": "Inorganic chemicals; compounds of precious metals and rare-earth metals",
    "29": "Organic chemicals",
    "30": "Pharmaceutical products",
    "31": "Fertilisers",
    "32": "Tanning or dyeing extracts; dyes, pigments, paints, varnishes and inks",
    "33": "Essential oils and resinoids; perfumery, cosmetic or toilet preparations",
    "34": "Soap, washing preparations, lubricants, waxes, candles",
    "35": "Albuminoidal substances; modified starches; glues; enzymes",
    "36": "Explosives; pyrotechnic products; matches",
    "37": "Photographic or cinematographic goods",
    "38": "Miscellaneous chemical products",
    "39": "Plastics and articles thereof",
    "40": "Rubber and articles thereof",
    "41": "Raw hides and skins (other than furskins) and leather",
    "42": "Articles of leather; saddlery and harness; travel goods, handbags",
    "43": "Furskins and artificial fur; manufactures thereof",
    "44": "Wood and articles of wood; wood charcoal",
    "45": "Cork and articles of cork",
    "46": "Manufactures of straw or other plaiting materials; basketware",
    "47": "Pulp of wood or other fibrous cellulosic material; recovered paper",
    "48": "Paper and paperboard; articles of paper pulp, paper or paperboard",
    "49": "Printed books, newspapers, pictures and other printed products",
    "50": "Silk",
    "51": "Wool, fine or coarse animal hair; horsehair yarn and woven fabric",
    "52": "Cotton",
    "53": "Other vegetable textile fibres; paper yarn and woven fabrics of paper yarn",
    "54": "Man-made filaments",
    "55": "Man-made staple fibres",
    "56": "Wadding, felt and nonwovens; special yarns; twine, cordage, ropes and cables",
    "57": "Carpets and other textile floor coverings",
    "58": "Special woven fabrics; tufted fabrics; lace; tapestries; trimmings; embroidery",
    "59": "Impregnated, coated, covered or laminated textile fabrics; industrial textiles",
    "60": "Knitted or crocheted fabrics",
    "61": "Articles of apparel and clothing accessories, knitted or crocheted",
    "62": "Articles of apparel and clothing accessories, not knitted or crocheted",
    "63": "Other made up textile articles; sets; worn clothing; rags",
    "64": "Footwear, gaiters and the like",
    "65": "Headgear and parts thereof",
    "66": "Umbrellas, sun umbrellas, walking-sticks, whips, riding-crops",
    "67": "Prepared feathers and down; artificial flowers; articles of human hair",
    "68": "Articles of stone, plaster, cement, asbestos, mica or similar materials",
    "69": "Ceramic products",
    "70": "Glass and glassware",
    "71": "Pearls, precious stones, precious metals; imitation jewellery; coin",
    "72": "Iron and steel",
    "73": "Articles of iron or steel",
    "74": "Copper and articles thereof",
    "75": "Nickel and articles thereof",
    "76": "Aluminium and articles thereof",
    "77": "(Reserved for possible future use)",
    "78": "Lead and articles thereof",
    "79": "Zinc and articles thereof",
    "80": "Tin and articles thereof",
    "81": "Other base metals; cermets; articles thereof",
    "82": "Tools, implements, cutlery, spoons and forks, of base metal",
    "83": "Miscellaneous articles of base metal",
    "84": "Nuclear reactors, boilers, machinery and mechanical appliances",
    "85": "Electrical machinery and equipment",
    "86": "Railway or tramway locomotives, rolling stock and track fixtures",
    "87": "Vehicles other than railway or tramway rolling stock",
    "88": "Aircraft, spacecraft, and parts thereof",
    "89": "Ships, boats and floating structures",
    "90": "Optical, photographic, measuring, medical or surgical instruments",
    "91": "Clocks and watches and parts thereof",
    "92": "Musical instruments; parts and accessories of such articles",
    "93": "Arms and ammunition; parts and accessories thereof",
    "94": "Furniture; bedding; lamps and lighting fittings; prefabricated buildings",
    "95": "Toys, games and sports requisites",
    "96": "Miscellaneous manufactured articles",
    "97": "Works of art, collectors' pieces and antiques",
}

# For a chapter drop-down: the reserved chapter is not offered.
HS_CHAPTER_CHOICES: Final[list[tuple[str, str]]] = [
    (number, f"{number} \N{EN DASH} {title}")
    for number, title in HS_CHAPTERS.items()
    if number not in RESERVED_CHAPTERS
]


def normalize_hs_code(value: str) -> str:
    """Remove the dots and spaces people type: ``"8539.50"`` -> ``"853950"``."""
    if not isinstance(value, str):
        raise TypeError(f"an HS code is a str, not {type(value).__name__}")
    return _SEPARATORS.sub("", value)


def _chapter_problem(chapter: str) -> tuple[str, str] | None:
    """(message, code) when ``chapter`` is not a usable HS chapter, else None."""
    if chapter in RESERVED_CHAPTERS:
        return (
            _("Chapter %(chapter)s is reserved in the Harmonized System and has no goods."),
            "reserved_chapter",
        )
    if not 1 <= int(chapter) <= 97:
        return (
            _("Chapter %(chapter)s does not exist; HS chapters run from 01 to 97."),
            "invalid_chapter",
        )
    return None


def validate_hs_code(value: str) -> str:
    """Return the normalized code, or raise ValidationError saying what is wrong with it."""
    if not isinstance(value, str) or not normalize_hs_code(value):
        raise ValidationError(_("Enter an HS code, e.g. 8539.50."), code="required")
    code = normalize_hs_code(value)
    if not (code.isascii() and code.isdigit()):
        raise ValidationError(
            _("An HS code contains digits only (dots and spaces are ignored): %(value)s"),
            code="invalid_characters",
            params={"value": value},
        )
    if len(code) not in VALID_LENGTHS:
        message = _(
            "An HS code has 6 digits, or 8 or 10 for a national tariff line; "
            "%(value)s has %(length)d."
        )
        if len(code) in (5, 7, 9):
            message = _(
                "An HS code has 6 digits, or 8 or 10 for a national tariff line; "
                "%(value)s has %(length)d. Was a leading zero lost?"
            )
        raise ValidationError(
            message, code="invalid_length", params={"value": value, "length": len(code)}
        )
    problem = _chapter_problem(code[:2])
    if problem is not None:
        raise ValidationError(problem[0], code=problem[1], params={"chapter": code[:2]})
    return code


def _prefix(code: str, digits: int, what: str) -> str:
    normalized = normalize_hs_code(code)
    if not (normalized.isascii() and normalized.isdigit()) or len(normalized) < digits:
        raise InvalidHsCode(f"{code!r} has no HS {what} (needs at least {digits} digits)")
    if _chapter_problem(normalized[:2]) is not None:
        raise InvalidHsCode(f"{code!r} is not in a valid HS chapter")
    return normalized[:digits]


def hs_chapter(code: str) -> str:
    """The two-digit chapter: ``"8539.50"`` -> ``"85"``."""
    return _prefix(code, 2, "chapter")


def hs_heading(code: str) -> str:
    """The four-digit heading: ``"8539.50"`` -> ``"8539"``."""
    return _prefix(code, 4, "heading")


def hs_subheading(code: str) -> str:
    """The six-digit international subheading: ``"8539.50.00.10"`` -> ``"853950"``."""
    return _prefix(code, 6, "subheading")


def hs_section(code: str) -> HsSection:
    """The section the code's chapter belongs to (``"8539"`` -> Section XVI)."""
    chapter = int(hs_chapter(code))
    return next(s for s in HS_SECTIONS if s.first_chapter <= chapter <= s.last_chapter)


class HsCodeField(models.CharField):
    """An HS code stored as bare digits (6, 8 or 10), whatever punctuation was typed."""

    description = _("HS commodity code")
    default_validators = [validate_hs_code]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 10)
        kwargs.setdefault("verbose_name", _("HS code"))
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> tuple[str, str, list[Any], dict[str, Any]]:
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("max_length") == 10:
            kwargs.pop("max_length")
        return name, path, args, kwargs

    def to_python(self, value: Any) -> Any:
        value = super().to_python(value)
        return normalize_hs_code(value) if isinstance(value, str) else value

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        return normalize_hs_code(value) if isinstance(value, str) else value

    def formfield(self, **kwargs: Any) -> Any:
        # Room for the dotted form "8539.50.00.10" in the input; the model stores bare digits.
        kwargs.setdefault("max_length", 16)
        return super().formfield(**kwargs)
