"""What the search index holds: languages, their analysis, and the document fields.

Each listing's text goes into the fields of its own language (the base version into the base
language's, each translation into its own). Languages with a Snowball stemmer in tantivy get
stemming; Chinese, Japanese and Korean are cut into 1- and 2-character grams (no word
boundaries to split on); every analyser folds accents, so "café" finds "cafe".
"""

from __future__ import annotations

from dataclasses import dataclass

# Fields per language: title, keywords, attributes, description (boosts in ranking.WEIGHTS).
TEXT_PARTS = ("t", "k", "a", "d")

STEMMERS = {
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "de": "german",
    "ru": "russian",
    "pt": "portuguese",
    "it": "italian",
    "ar": "arabic",
    "tr": "turkish",
}
CJK = {"zh-hans": "zh", "ja": "ja", "ko": "ko"}
PLAIN = ("vi", "hi")

# Profile language code -> field suffix.
LANGUAGE_SUFFIX: dict[str, str] = {
    **{code: code for code in STEMMERS},
    **CJK,
    **{code: code for code in PLAIN},
}
BASE_LANGUAGE = "en"  # the platform's lingua franca: every query also searches it


def suffix(language: str) -> str:
    """Field suffix for a profile or UI language code ("zh-hans" -> "zh"); unknown -> English."""
    code = (language or "").lower()
    if code in LANGUAGE_SUFFIX:
        return LANGUAGE_SUFFIX[code]
    short = code.split("-")[0]
    if short == "zh":
        return "zh"
    return LANGUAGE_SUFFIX.get(short, LANGUAGE_SUFFIX[BASE_LANGUAGE])


def analyzer_name(field_suffix: str) -> str:
    if field_suffix in STEMMERS:
        return f"stem_{field_suffix}"
    if field_suffix in CJK.values():
        return "cjk"
    return "plain"


def text_field(part: str, field_suffix: str) -> str:
    return f"{part}_{field_suffix}"


ALL_SUFFIXES: tuple[str, ...] = tuple(dict.fromkeys(LANGUAGE_SUFFIX.values()))


@dataclass(frozen=True)
class Facet:
    """A facet: a keyword field counted by value, or a number counted in ranges."""

    name: str
    field: str
    kind: str = "terms"  # or "range"
    ranges: tuple[tuple[float | None, float | None], ...] = ()
    size: int = 30


PRICE_RANGES = ((None, 1), (1, 5), (5, 20), (20, 100), (100, 500), (500, None))
MOQ_RANGES = ((None, 10), (10, 100), (100, 1000), (1000, 10000), (10000, None))

PRODUCT_FACETS: tuple[Facet, ...] = (
    Facet("category", "cat_path", size=400),
    Facet("country", "country", size=60),
    Facet("region", "region"),
    Facet("price", "price_usd", kind="range", ranges=PRICE_RANGES),
    Facet("moq", "moq", kind="range", ranges=MOQ_RANGES),
    Facet("certification", "cert"),
    Facet("verified", "verified", size=2),
    Facet("stars", "stars", size=7),
    Facet("business_type", "biz"),
    Facet("ready_to_ship", "rts", size=2),
    Facet("incoterm", "inco", size=11),
    Facet("payment", "pay"),
)
SUPPLIER_FACETS: tuple[Facet, ...] = (
    Facet("country", "country", size=60),
    Facet("region", "region"),
    Facet("verified", "verified", size=2),
    Facet("stars", "stars", size=7),
    Facet("business_type", "biz"),
    Facet("certification", "cert"),
)
# Keyword fields (one or several exact values per document), numbers and flags.
KEYWORD_FIELDS = ("key", "kind", "cat", "cat_path", "country", "region", "cert", "biz", "inco")
KEYWORD_FIELDS += ("pay", "verified", "rts", "currency", "slug")
