"""The word lists and places are consistent with the rest of Hansa."""

import re

import pytest
from django.core.exceptions import ValidationError

from hansa.companies.choices import PROFILE_LANGUAGES
from hansa.demo.generator import base_datetime
from hansa.demo.industries import CERTIFICATES, INDUSTRIES, industry_of_products
from hansa.demo.names import BUYER_STYLES, SUPPLIER_STYLES
from hansa.demo.pdf import simple_pdf
from hansa.demo.people import CULTURES, to_ascii
from hansa.demo.places import BUYER_COUNTRIES, CHINA, SUPPLIER_COUNTRIES
from hansa.trade.models import Port
from hansa.trade.regions import validate_subdivision

ALL_COUNTRIES = [CHINA, *SUPPLIER_COUNTRIES, *BUYER_COUNTRIES]
LANGUAGE_CODES = {code for code, _label in PROFILE_LANGUAGES}


def test_there_are_at_least_eight_industries_with_known_certificates():
    assert len(INDUSTRIES) >= 8
    for industry in INDUSTRIES.values():
        assert len(industry.products) >= 10
        assert set(industry.certificates) <= set(CERTIFICATES)
        assert industry_of_products(list(industry.products[:3])) == industry.key
        for words in industry.products_by_country.values():
            assert industry_of_products(list(words[:2])) == industry.key


def test_no_product_belongs_to_two_industries():
    seen = {}
    for industry in INDUSTRIES.values():
        products = set(industry.products).union(*industry.products_by_country.values())
        for product in products:
            assert seen.setdefault(product, industry.key) == industry.key, product


def test_every_place_has_a_valid_subdivision_and_a_country_style():
    for country in ALL_COUNTRIES:
        assert country.cities, country.code
        assert set(country.languages) <= LANGUAGE_CODES, country.code
        assert country.culture in CULTURES or country.culture == "zh", country.code
        for city in country.cities:
            assert validate_subdivision(country.code, city.subdivision) == city.subdivision
            with pytest.raises(ValidationError):
                validate_subdivision("AQ", city.subdivision)
    for country in SUPPLIER_COUNTRIES:
        assert country.code in SUPPLIER_STYLES
        assert sum(w for _k, w in country.industries) > 0
        assert {k for k, _w in country.industries} <= set(INDUSTRIES)
    for city in CHINA.cities:
        assert {k for k, _w in city.industries} <= set(INDUSTRIES)
        assert city.zh and city.districts
    for country in BUYER_COUNTRIES:
        assert country.code in BUYER_STYLES


@pytest.mark.django_db
def test_every_city_has_a_seeded_port_in_its_country():
    locodes = dict(Port.objects.values_list("locode", "country"))
    for country in ALL_COUNTRIES:
        has_ports = country.code in locodes.values()
        for city in country.cities:
            known = [code for code in city.ports if code in locodes]
            assert known, f"{city.name}: none of {city.ports} is seeded"
            # The company's own country where it has a port (landlocked ones ship abroad).
            assert locodes[known[0]] == country.code or not has_ports, city.name


def test_the_licence_pdf_is_well_formed():
    data = simple_pdf(
        "Business Licence", ["Company name: Yılmaz (Tekstil) A.Ş."], created=base_datetime(1)
    )
    assert data.startswith(b"%PDF-1.4\n") and data.endswith(b"%%EOF\n")
    start = int(re.search(rb"startxref\n(\d+)\n", data).group(1))
    assert data[start:].startswith(b"xref\n0 7\n")
    offsets = [int(m) for m in re.findall(rb"(\d{10}) 00000 n", data[start:])]
    for number, offset in enumerate(offsets, start=1):
        assert data[offset:].startswith(f"{number} 0 obj".encode())
    assert b"(Company name: Yilmaz \\(Tekstil\\) A.S.) Tj" in data


def test_ascii_transliteration():
    assert (
        to_ascii("Dąbrowski Łódź Yılmaz Müller Øresund") == "Dabrowski Lodz Yilmaz Muller Oresund"
    )
