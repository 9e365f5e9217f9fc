"""Reference tables of the trade app: seaports and cargo airports identified by UN/LOCODE.

Why a table and not a constant: companies point to their nearest port, quotations name a port
of loading, and operators add or retire ports without a release. The rows are seeded from
``data/ports.csv`` by migration 0002.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from hansa.trade.regions import validate_subdivision

# UN/LOCODE: ISO 3166-1 alpha-2 country, then three letters or digits 2-9 (UNECE Rec 16; the
# digits 0 and 1 are left out of location codes so they are not misread as O and I).
_LOCODE = re.compile(r"[A-Z]{2}[A-Z2-9]{3}")


def validate_locode(value: str) -> None:
    """A UN/LOCODE is written without the space: ``"CNSHA"``, not ``"CN SHA"``."""
    if not isinstance(value, str) or not _LOCODE.fullmatch(value):
        raise ValidationError(
            _(
                "%(value)s is not a UN/LOCODE: two letters for the country, then three "
                "letters or digits 2-9, e.g. CNSHA."
            ),
            code="invalid_locode",
            params={"value": repr(value)},
        )


class Port(models.Model):
    """A seaport, a cargo airport, or a city serving as both."""

    class Kind(models.TextChoices):
        SEAPORT = "seaport", _("Seaport")
        AIRPORT = "airport", _("Airport")
        BOTH = "both", _("Seaport and airport")

    locode = models.CharField(
        _("UN/LOCODE"),
        max_length=5,
        unique=True,
        validators=[validate_locode],
        help_text=_("Country code and three characters, e.g. CNSHA for Shanghai."),
    )
    name = models.CharField(_("name"), max_length=100)
    name_zh = models.CharField(_("Chinese name"), max_length=100, blank=True)
    country = CountryField(_("country"))
    subdivision = models.CharField(
        _("subdivision"), max_length=10, blank=True, help_text=_("ISO 3166-2 code, e.g. CN-ZJ.")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SEAPORT)
    is_major = models.BooleanField(_("major port"), default=False)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["country", "name"]
        verbose_name = _("port")
        verbose_name_plural = _("ports")
        indexes = [models.Index(fields=["country", "kind"], name="trade_port_country_kind")]

    def __str__(self) -> str:
        return f"{self.name} ({self.locode})"

    def clean(self) -> None:
        """The LOCODE's first two letters are the port's country; a mismatch is a typo."""
        super().clean()
        country = str(self.country or "")
        errors: dict[str, ValidationError] = {}
        if self.locode and country and not self.locode.startswith(country):
            errors["locode"] = ValidationError(
                _("A UN/LOCODE starts with its country code (%(country)s)."),
                code="locode_country_mismatch",
                params={"country": country},
            )
        if self.subdivision and country:
            try:
                self.subdivision = validate_subdivision(country, self.subdivision)
            except ValidationError as error:
                errors["subdivision"] = error
        if errors:
            raise ValidationError(errors)
