import csv
from decimal import Decimal
from pathlib import Path

import pycountry
import pytest
from django.core.exceptions import ValidationError

from hansa.trade.models import Port, validate_locode
from hansa.trade.selectors import major_ports, port_choices

PORTS_CSV = Path(__file__).resolve().parent.parent / "data" / "ports.csv"
COLUMNS = ["locode", "name", "name_zh", "country", "kind", "latitude", "longitude", "is_major"]


def csv_rows() -> list[dict[str, str]]:
    with PORTS_CSV.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


class TestCsv:
    def test_columns(self):
        with PORTS_CSV.open(encoding="utf-8", newline="") as handle:
            assert next(csv.reader(handle)) == COLUMNS

    def test_at_least_150_rows_without_duplicates(self):
        locodes = [row["locode"] for row in csv_rows()]
        assert len(locodes) >= 150
        assert len(locodes) == len(set(locodes))
        names = [(row["country"], row["name"]) for row in csv_rows()]
        assert len(names) == len(set(names))

    def test_every_row_is_well_formed(self):
        iso_countries = {country.alpha_2 for country in pycountry.countries}
        for row in csv_rows():
            locode = row["locode"]
            validate_locode(locode)
            assert locode[:2] == row["country"], locode
            assert row["country"] in iso_countries, locode
            assert row["kind"] in {"seaport", "airport", "both"}, locode
            assert row["is_major"] in {"0", "1"}, locode
            assert row["name"] == row["name"].strip() and row["name"], locode
            latitude, longitude = Decimal(row["latitude"]), Decimal(row["longitude"])
            assert -90 <= latitude <= 90 and -180 <= longitude <= 180, locode

    def test_china_is_well_represented(self):
        chinese = [row for row in csv_rows() if row["country"] == "CN"]
        assert len(chinese) >= 30
        assert all(row["name_zh"] for row in chinese)


class TestValidateLocode:
    @pytest.mark.parametrize("value", ["CNSHA", "USLAX", "DEHAM", "GB2AB", "AEJEA"])
    def test_valid(self, value):
        validate_locode(value)

    @pytest.mark.parametrize(
        "value", ["", "CN SHA", "cnsha", "CNSH", "CNSHAA", "C1SHA", "CNSH0", "CNSH1", None, 12345]
    )
    def test_invalid(self, value):
        with pytest.raises(ValidationError) as excinfo:
            validate_locode(value)
        assert excinfo.value.code == "invalid_locode"


@pytest.mark.django_db
class TestSeededPorts:
    def test_migration_loaded_every_csv_row(self):
        assert Port.objects.count() == len(csv_rows())
        assert Port.objects.count() >= 150

    @pytest.mark.parametrize(
        ("locode", "name", "country", "kind"),
        [
            ("CNSHA", "Shanghai", "CN", "seaport"),
            ("CNPVG", "Shanghai Pudong International Airport", "CN", "airport"),
            ("CNNGB", "Ningbo", "CN", "seaport"),
            ("CNSZX", "Shenzhen", "CN", "both"),
            ("CNYTN", "Yantian", "CN", "seaport"),
            ("CNTAO", "Qingdao", "CN", "both"),
            ("CNTXG", "Tianjin Xingang", "CN", "seaport"),
            ("CNXMN", "Xiamen", "CN", "both"),
            ("CNCAN", "Guangzhou", "CN", "both"),
            ("HKHKG", "Hong Kong", "HK", "both"),
            ("SGSIN", "Singapore", "SG", "both"),
            ("KRPUS", "Busan", "KR", "both"),
            ("JPTYO", "Tokyo", "JP", "both"),
            ("JPYOK", "Yokohama", "JP", "seaport"),
            ("TWKHH", "Kaohsiung", "TW", "both"),
            ("NLRTM", "Rotterdam", "NL", "seaport"),
            ("BEANR", "Antwerp", "BE", "seaport"),
            ("DEHAM", "Hamburg", "DE", "both"),
            ("GBFXT", "Felixstowe", "GB", "seaport"),
            ("USLAX", "Los Angeles", "US", "both"),
            ("USLGB", "Long Beach", "US", "seaport"),
            ("USNYC", "New York", "US", "both"),
            ("AEJEA", "Jebel Ali", "AE", "seaport"),
            ("INNSA", "Nhava Sheva", "IN", "seaport"),
            ("VNSGN", "Ho Chi Minh City", "VN", "both"),
            ("THLCH", "Laem Chabang", "TH", "seaport"),
            ("MYPKG", "Port Klang", "MY", "seaport"),
            ("BRSSZ", "Santos", "BR", "seaport"),
            ("AUMEL", "Melbourne", "AU", "both"),
            ("DEFRA", "Frankfurt am Main", "DE", "airport"),
            ("USMEM", "Memphis", "US", "airport"),
            ("AEDXB", "Dubai", "AE", "airport"),
        ],
    )
    def test_known_ports(self, locode, name, country, kind):
        port = Port.objects.get(locode=locode)
        assert (port.name, port.country.code, port.kind) == (name, country, kind)
        assert port.is_active is True

    def test_fields_loaded(self):
        port = Port.objects.get(locode="CNSHA")
        assert port.name_zh == "上海"
        assert port.latitude == Decimal("31.230400")
        assert port.longitude == Decimal("121.473700")
        assert port.is_major is True
        assert str(port) == "Shanghai (CNSHA)"
        assert Port.objects.get(locode="CNCWN").is_major is False

    def test_every_seeded_country_matches_its_locode(self):
        for locode, country in Port.objects.values_list("locode", "country"):
            assert locode[:2] == country

    def test_ordering_is_country_then_name(self):
        rows = list(Port.objects.values_list("country", "name"))
        assert rows == sorted(rows)

    def test_seed_is_rerunnable(self):
        from importlib import import_module
        from types import SimpleNamespace

        from django.apps import apps
        from django.db import connection

        seed = import_module("hansa.trade.migrations.0002_seed_ports")
        Port.objects.filter(locode="CNSHA").update(name="Changed", is_active=False)
        count = Port.objects.count()
        # RunPython only reads schema_editor.connection; SQLite cannot open a real schema
        # editor inside the test transaction.
        seed.load_ports(apps, SimpleNamespace(connection=connection))
        assert Port.objects.count() == count
        port = Port.objects.get(locode="CNSHA")
        assert (port.name, port.is_active) == ("Shanghai", True)


@pytest.mark.django_db
class TestPortModel:
    def test_full_clean_accepts_a_valid_port(self):
        port = Port(locode="CNJXG", name="Jiaxing", country="CN", subdivision="cn-zj")
        port.full_clean()
        assert port.subdivision == "CN-ZJ"

    def test_full_clean_rejects_a_bad_locode(self):
        port = Port(locode="CN SH", name="Bad", country="CN")
        with pytest.raises(ValidationError) as excinfo:
            port.full_clean()
        assert list(excinfo.value.message_dict) == ["locode"]

    def test_full_clean_rejects_a_locode_of_another_country(self):
        port = Port(locode="USXYZ", name="Mismatch", country="CN")
        with pytest.raises(ValidationError) as excinfo:
            port.full_clean()
        assert excinfo.value.message_dict == {
            "locode": ["A UN/LOCODE starts with its country code (CN)."]
        }

    def test_full_clean_rejects_a_subdivision_of_another_country(self):
        port = Port(locode="CNJXG", name="Jiaxing", country="CN", subdivision="US-CA")
        with pytest.raises(ValidationError) as excinfo:
            port.full_clean()
        assert list(excinfo.value.message_dict) == ["subdivision"]

    def test_locode_is_unique(self):
        with pytest.raises(ValidationError) as excinfo:
            Port(locode="CNSHA", name="Shanghai again", country="CN").full_clean()
        assert list(excinfo.value.message_dict) == ["locode"]


@pytest.mark.django_db
class TestSelectors:
    def test_port_choices_for_a_country(self):
        choices = port_choices("cn")
        assert ("CNSHA", "Shanghai (CNSHA)") in choices
        assert all(code.startswith("CN") for code, _label in choices)
        majors = [code for code, _label in choices[: major_ports("CN").count()]]
        assert set(majors) == set(major_ports("CN").values_list("locode", flat=True))

    def test_port_choices_skip_inactive_ports(self):
        Port.objects.filter(locode="CNSHA").update(is_active=False)
        assert "CNSHA" not in dict(port_choices("CN"))
        assert not major_ports().filter(locode="CNSHA").exists()

    def test_all_countries(self):
        assert len(port_choices()) == Port.objects.filter(is_active=True).count()
        assert major_ports().count() == Port.objects.filter(is_major=True).count()
        assert all(port.is_major for port in major_ports())
