import pycountry
import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from django_countries import countries

from hansa.trade.regions import (
    MARKET_REGION_CODES,
    MARKET_REGIONS,
    REGION_BY_COUNTRY,
    UnknownCountry,
    region_name,
    region_of_country,
    subdivisions_for,
    validate_subdivision,
)


def test_market_regions():
    codes = [code for code, _label in MARKET_REGIONS]
    assert codes == [
        "north_america", "central_america", "south_america",
        "western_europe", "eastern_europe", "northern_europe", "southern_europe",
        "eastern_asia", "southeast_asia", "south_asia", "central_asia", "mid_east",
        "africa", "oceania", "domestic",
    ]  # fmt: skip
    assert set(codes) == MARKET_REGION_CODES
    assert all(len(code) <= 30 for code in codes)
    assert region_name("mid_east") == "Mid East"


def test_every_django_countries_country_maps_to_a_region():
    for country in countries:
        region = region_of_country(country.code)
        assert region in MARKET_REGION_CODES
        assert region != "domestic"


def test_table_is_exactly_iso_3166_1():
    assert set(REGION_BY_COUNTRY) == {country.alpha_2 for country in pycountry.countries}


@pytest.mark.parametrize(
    ("country", "region"),
    [
        ("US", "north_america"),
        ("CA", "north_america"),
        ("MX", "central_america"),
        ("JM", "central_america"),
        ("BR", "south_america"),
        ("DE", "western_europe"),
        ("FR", "western_europe"),
        ("PL", "eastern_europe"),
        ("RU", "eastern_europe"),
        ("GB", "northern_europe"),
        ("SE", "northern_europe"),
        ("LT", "northern_europe"),
        ("IT", "southern_europe"),
        ("ES", "southern_europe"),
        ("CN", "eastern_asia"),
        ("HK", "eastern_asia"),
        ("TW", "eastern_asia"),
        ("JP", "eastern_asia"),
        ("VN", "southeast_asia"),
        ("SG", "southeast_asia"),
        ("IN", "south_asia"),
        ("IR", "south_asia"),
        ("KZ", "central_asia"),
        ("AE", "mid_east"),
        ("SA", "mid_east"),
        ("TR", "mid_east"),
        ("EG", "africa"),
        ("NG", "africa"),
        ("ZA", "africa"),
        ("AU", "oceania"),
        ("NZ", "oceania"),
        ("AQ", "oceania"),
        ("de", "western_europe"),
    ],
)
def test_region_of_country(country, region):
    assert region_of_country(country) == region


def test_region_of_country_accepts_a_country_object():
    from django_countries.fields import Country

    assert region_of_country(Country("CN")) == "eastern_asia"


@pytest.mark.parametrize("code", ["", "XX", "EU", "UK", "USA", None])
def test_region_of_unknown_country(code):
    with pytest.raises(UnknownCountry):
        region_of_country(code)


def test_subdivisions_for():
    with translation.override("en"):
        subdivisions = subdivisions_for("CN")
        names = [name for _code, name in subdivisions]
        assert names == sorted(names, key=str.casefold)
        assert ("CN-ZJ", "Zhejiang Sheng") in subdivisions
        assert ("CN-GD", "Guangdong Sheng") in subdivisions
        assert subdivisions_for("cn") == subdivisions
    assert subdivisions_for("XX") == []
    assert subdivisions_for("") == []


def test_subdivision_names_follow_the_language():
    with translation.override("zh-hans"):
        assert ("CN-ZJ", "浙江省") in subdivisions_for("CN")


def test_validate_subdivision():
    assert validate_subdivision("CN", "CN-ZJ") == "CN-ZJ"
    assert validate_subdivision("us", "us-ca") == "US-CA"
    for country, code in [
        ("CN", "US-CA"),
        ("CN", "CN-XX"),
        ("CN", ""),
        ("CN", "ZJ"),
        ("", "CN-ZJ"),
    ]:
        with pytest.raises(ValidationError) as excinfo:
            validate_subdivision(country, code)
        assert excinfo.value.code == "invalid_subdivision"
