"""Localised ISO names (currencies, subdivisions) from the translations pycountry ships.

Why: pycountry carries the iso-codes project's gettext catalogues (e.g. 美元 for "US Dollar"),
so the platform gets Chinese currency and province names without maintaining its own. The
active Django language picks the catalogue; English, or a language without a catalogue, returns
the English name unchanged.
"""

from __future__ import annotations

import gettext
from functools import lru_cache

import pycountry
from django.utils import translation

# Django language codes whose iso-codes catalogue has a different name.
_CATALOGUE_FOR_LANGUAGE = {"zh-hans": "zh_CN", "zh-cn": "zh_CN", "zh-hant": "zh_TW"}


@lru_cache(maxsize=64)
def _catalogue(domain: str, language: str) -> gettext.NullTranslations:
    locale = _CATALOGUE_FOR_LANGUAGE.get(language) or translation.to_locale(language)
    candidates = [locale, locale.split("_")[0]]
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=candidates, fallback=True)


def localized_iso_name(domain: str, english_name: str) -> str:
    """``english_name`` translated with pycountry's ``domain`` catalogue (e.g. ``iso4217``)."""
    language = (translation.get_language() or "en").lower()
    if language == "en" or language.startswith("en-"):
        return english_name
    return _catalogue(domain, language).gettext(english_name)
