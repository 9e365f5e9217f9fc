import pytest
from django.core.exceptions import ValidationError
from django.db import models

from hansa.trade.hscodes import (
    HS_CHAPTER_CHOICES,
    HS_CHAPTERS,
    HS_SECTIONS,
    HsCodeField,
    InvalidHsCode,
    hs_chapter,
    hs_heading,
    hs_section,
    hs_subheading,
    normalize_hs_code,
    validate_hs_code,
)


def test_normalize():
    assert normalize_hs_code("8539.50") == "853950"
    assert normalize_hs_code(" 8539 50 00 ") == "85395000"
    assert normalize_hs_code("8539.50.00.10") == "8539500010"
    assert normalize_hs_code("") == ""
    with pytest.raises(TypeError):
        normalize_hs_code(853950)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("853950", "853950"),
        ("8539.50", "853950"),
        ("0101.21", "010121"),
        ("6109.10.00", "61091000"),
        ("8517.13.00.00", "8517130000"),
        ("9706 00", "970600"),
    ],
)
def test_validate_accepts_6_8_and_10_digits(value, expected):
    assert validate_hs_code(value) == expected


def code_and_message(value):
    with pytest.raises(ValidationError) as excinfo:
        validate_hs_code(value)
    return excinfo.value.code, excinfo.value.messages[0]


@pytest.mark.parametrize("value", ["", "  ", ". .", None, 853950])
def test_validate_requires_a_value(value):
    assert code_and_message(value) == ("required", "Enter an HS code, e.g. 8539.50.")


@pytest.mark.parametrize(
    "value", ["8539-50", "85395O", "HS853950", "\N{FULLWIDTH DIGIT EIGHT}53950", "8539,50"]
)
def test_validate_rejects_non_digits(value):
    assert code_and_message(value)[0] == "invalid_characters"


@pytest.mark.parametrize("value", ["85", "8539", "85395", "8539500", "853950001", "85395000100"])
def test_validate_rejects_wrong_lengths(value):
    assert code_and_message(value)[0] == "invalid_length"


def test_length_messages():
    assert code_and_message("8539") == (
        "invalid_length",
        "An HS code has 6 digits, or 8 or 10 for a national tariff line; 8539 has 4.",
    )
    assert code_and_message("10121") == (
        "invalid_length",
        "An HS code has 6 digits, or 8 or 10 for a national tariff line; 10121 has 5. "
        "Was a leading zero lost?",
    )


@pytest.mark.parametrize("value", ["000000", "980000", "99019000", "9999999999"])
def test_validate_rejects_chapters_outside_01_97(value):
    code, message = code_and_message(value)
    assert code == "invalid_chapter"
    assert message == (f"Chapter {value[:2]} does not exist; HS chapters run from 01 to 97.")


def test_validate_rejects_reserved_chapter_77():
    assert code_and_message("7701.00") == (
        "reserved_chapter",
        "Chapter 77 is reserved in the Harmonized System and has no goods.",
    )


def test_hierarchy():
    assert hs_chapter("8539.50") == "85"
    assert hs_heading("8539.50") == "8539"
    assert hs_subheading("8539.50.00.10") == "853950"
    assert hs_chapter("85") == "85"
    assert hs_heading("8539") == "8539"
    assert hs_section("8539.50").number == "XVI"
    assert hs_section("0101").number == "I"
    assert hs_section("9706").number == "XXI"


@pytest.mark.parametrize(
    ("function", "value"),
    [
        (hs_chapter, "8"),
        (hs_heading, "853"),
        (hs_subheading, "8539.5"),
        (hs_heading, "85A9"),
        (hs_chapter, "00"),
        (hs_chapter, "7700"),
        (hs_chapter, "98"),
    ],
)
def test_hierarchy_rejects_bad_input(function, value):
    with pytest.raises(InvalidHsCode):
        function(value)


def test_chapters_table():
    assert len(HS_CHAPTERS) == 97
    assert list(HS_CHAPTERS) == [f"{n:02d}" for n in range(1, 98)]
    assert HS_CHAPTERS["85"] == "Electrical machinery and equipment"
    assert HS_CHAPTERS["84"] == "Nuclear reactors, boilers, machinery and mechanical appliances"
    assert HS_CHAPTERS["01"] == "Live animals"
    assert HS_CHAPTERS["97"] == "Works of art, collectors' pieces and antiques"
    choice_codes = [code for code, _label in HS_CHAPTER_CHOICES]
    assert len(choice_codes) == 96
    assert "77" not in choice_codes


def test_sections_cover_every_chapter_once():
    assert len(HS_SECTIONS) == 21
    covered = [chapter for section in HS_SECTIONS for chapter in section.chapters()]
    assert covered == list(HS_CHAPTERS)
    assert HS_SECTIONS[15].number == "XVI"
    assert HS_SECTIONS[15].chapters() == ["84", "85"]


class TestHsCodeField:
    def test_defaults_and_deconstruct(self):
        field = HsCodeField()
        assert isinstance(field, models.CharField)
        assert field.max_length == 10
        _name, path, _args, kwargs = field.deconstruct()
        assert path == "hansa.trade.hscodes.HsCodeField"
        assert "max_length" not in kwargs

    def test_clean_normalizes_and_validates(self):
        field = HsCodeField()
        assert field.clean("8539.50.00", None) == "85395000"
        with pytest.raises(ValidationError) as excinfo:
            field.clean("7701.00", None)
        assert excinfo.value.messages == [
            "Chapter 77 is reserved in the Harmonized System and has no goods."
        ]
        with pytest.raises(ValidationError):
            field.clean("12345", None)

    def test_prep_value_strips_punctuation(self):
        assert HsCodeField().get_prep_value("8539.50") == "853950"
        assert HsCodeField().get_prep_value(None) is None

    def test_form_field_has_room_for_dots(self):
        form_field = HsCodeField().formfield()
        assert form_field.max_length == 16
        assert form_field.clean("8539.50.00.10") == "8539.50.00.10"
