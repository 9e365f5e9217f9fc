"""Countries, their subdivisions, and the "main markets" regions suppliers sell to.

Why market regions: B2B directories let a supplier say where it mainly sells ("North America
40%, Western Europe 30%") and let buyers filter on it. Those regions are coarser than countries
and must be stable, so they are a fixed list here, and every ISO 3166-1 country is assigned to
exactly one of them by ``region_of_country``.

The assignment follows the UN M49 geoscheme's sub-regions, with these documented choices where
M49 has no matching market region:
- the Caribbean (M49 029) joins Central America, as directories usually group them;
- Central Asia (M49 143) has a region of its own, ``central_asia``, rather than being forced into
  Eastern Europe or South Asia;
- Western Asia (M49 145) is the Middle East, so Turkey, Cyprus and the Caucasus belong to it,
  while Iran, which M49 places in Southern Asia, stays in South Asia and Egypt stays in Africa;
- Antarctica (AQ) has no M49 sub-region and is put in Oceania.
``domestic`` is relative to the supplier's own country and is never returned for a country.

Countries themselves come from django-countries (``from django_countries import countries``);
subdivisions (ISO 3166-2) come from pycountry.
"""

from __future__ import annotations

from typing import Final

import pycountry
from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from hansa.trade.isonames import localized_iso_name

MARKET_REGIONS: Final[list[tuple[str, str | Promise]]] = [
    ("north_america", _("North America")),
    ("central_america", _("Central America and the Caribbean")),
    ("south_america", _("South America")),
    ("western_europe", _("Western Europe")),
    ("eastern_europe", _("Eastern Europe")),
    ("northern_europe", _("Northern Europe")),
    ("southern_europe", _("Southern Europe")),
    ("eastern_asia", _("Eastern Asia")),
    ("southeast_asia", _("Southeast Asia")),
    ("south_asia", _("South Asia")),
    ("central_asia", _("Central Asia")),
    ("mid_east", _("Mid East")),
    ("africa", _("Africa")),
    ("oceania", _("Oceania")),
    ("domestic", _("Domestic market")),
]
MARKET_REGION_CODES: Final = frozenset(code for code, _label in MARKET_REGIONS)

# Region -> ISO 3166-1 alpha-2 codes, grouped by M49 sub-region (codes in brackets).
_COUNTRIES_BY_REGION: Final[dict[str, str]] = {
    # Northern America (021)
    "north_america": "BM CA GL PM US",
    # Central America (013) and the Caribbean (029)
    "central_america": (
        "BZ CR GT HN MX NI PA SV "
        "AG AI AW BB BL BQ BS CU CW DM DO GD GP HT JM KN KY LC MF MQ MS PR SX TC TT VC VG VI"
    ),
    # South America (005)
    "south_america": "AR BO BR BV CL CO EC FK GF GS GY PE PY SR UY VE",
    # Western Europe (155)
    "western_europe": "AT BE CH DE FR LI LU MC NL",
    # Eastern Europe (151)
    "eastern_europe": "BG BY CZ HU MD PL RO RU SK UA",
    # Northern Europe (154)
    "northern_europe": "AX DK EE FI FO GB GG IE IM IS JE LT LV NO SE SJ",
    # Southern Europe (039)
    "southern_europe": "AD AL BA ES GI GR HR IT ME MK MT PT RS SI SM VA",
    # Eastern Asia (030)
    "eastern_asia": "CN HK JP KP KR MN MO TW",
    # South-eastern Asia (035)
    "southeast_asia": "BN ID KH LA MM MY PH SG TH TL VN",
    # Southern Asia (034)
    "south_asia": "AF BD BT IN IR LK MV NP PK",
    # Central Asia (143)
    "central_asia": "KG KZ TJ TM UZ",
    # Western Asia (145)
    "mid_east": "AE AM AZ BH CY GE IL IQ JO KW LB OM PS QA SA SY TR YE",
    # Africa (002): Northern, Eastern, Middle, Southern and Western Africa
    "africa": (
        "DZ EG EH LY MA SD TN "
        "BI DJ ER ET IO KE KM MG MU MW MZ RE RW SC SO SS TF TZ UG YT ZM ZW "
        "AO CD CF CG CM GA GQ ST TD "
        "BW LS NA SZ ZA "
        "BF BJ CI CV GH GM GN GW LR ML MR NE NG SH SL SN TG"
    ),
    # Oceania (009): Australia and New Zealand, Melanesia, Micronesia, Polynesia; plus AQ
    "oceania": (
        "AU CC CX HM NF NZ FJ NC PG SB VU FM GU KI MH MP NR PW UM AS CK NU PF PN TK TO TV WF WS AQ"
    ),
}

REGION_BY_COUNTRY: Final[dict[str, str]] = {
    country: region
    for region, countries in _COUNTRIES_BY_REGION.items()
    for country in countries.split()
}


class UnknownCountry(ValueError):
    """Raised for a code that is not an ISO 3166-1 alpha-2 country code."""


def _country_code(country: object) -> str:
    # Accepts a plain code or a django-countries Country object (its ``code`` attribute).
    code = getattr(country, "code", country)
    return code.strip().upper() if isinstance(code, str) else ""


def region_of_country(country_code: str) -> str:
    """The market region of an ISO 3166-1 alpha-2 country (``"DE"`` -> ``"western_europe"``)."""
    code = _country_code(country_code)
    try:
        return REGION_BY_COUNTRY[code]
    except KeyError:
        raise UnknownCountry(
            f"{country_code!r} is not an ISO 3166-1 alpha-2 country code"
        ) from None


def region_name(region_code: str) -> str:
    """The display name of a market region code, in the active language."""
    return str(dict(MARKET_REGIONS).get(region_code, region_code))


def subdivisions_for(country_code: str) -> list[tuple[str, str]]:
    """ISO 3166-2 subdivisions of a country as (code, name) pairs, sorted by name.

    Names follow the active language where pycountry has a translation (浙江省 for CN-ZJ).
    An unknown country or one without subdivisions gives an empty list.
    """
    code = _country_code(country_code)
    if not code:
        return []
    records = pycountry.subdivisions.get(country_code=code) or []
    pairs = [(record.code, localized_iso_name("iso3166-2", record.name)) for record in records]
    return sorted(pairs, key=lambda pair: (pair[1].casefold(), pair[0]))


def validate_subdivision(country: str, code: str) -> str:
    """Check that ``code`` (e.g. ``"CN-ZJ"``) is an ISO 3166-2 subdivision of ``country``.

    Returns the code upper-cased; raises ValidationError otherwise.
    """
    country_code = _country_code(country)
    normalized = code.strip().upper() if isinstance(code, str) else ""
    record = pycountry.subdivisions.get(code=normalized) if normalized else None
    if record is None or record.country_code != country_code:
        raise ValidationError(
            _("%(code)s is not a subdivision (ISO 3166-2) of %(country)s."),
            code="invalid_subdivision",
            params={"code": repr(code), "country": country_code or repr(country)},
        )
    return normalized
