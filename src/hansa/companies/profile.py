"""How complete a company profile is: the buyer's basis for judging a supplier."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from hansa.companies.models import Company


@dataclass(frozen=True)
class Check:
    key: str
    label: str
    done: bool
    weight: int


@dataclass(frozen=True)
class Completeness:
    percent: int
    checks: list[Check]

    @property
    def missing(self) -> list[Check]:
        return [c for c in self.checks if not c.done]


def profile_completeness(company: Company) -> Completeness:
    """Weighted share of the profile a buyer expects to find filled in."""
    supplier = company.is_supplier
    checks = [
        Check(
            "description",
            str(_("Introduction of at least 100 characters")),
            len(company.description) >= 100,
            3,
        ),
        Check("logo", str(_("Logo")), bool(company.logo), 1),
        Check(
            "address", str(_("City and street address")), bool(company.city and company.address), 1
        ),
        Check("year", str(_("Year established")), company.year_established is not None, 1),
        Check("employees", str(_("Number of employees")), bool(company.employees), 1),
        Check("business_types", str(_("Business type")), bool(company.business_types), 1),
        Check("contacts", str(_("A contact person")), company.contacts.exists(), 2),
        Check("names", str(_("Name in a second language")), company.names.exists(), 1),
    ]
    if supplier:
        checks += [
            Check("main_products", str(_("Main products")), bool(company.main_products), 2),
            Check("markets", str(_("Main markets with shares")), company.main_markets.exists(), 1),
            Check("revenue", str(_("Annual export revenue")), bool(company.export_revenue), 1),
            Check("certifications", str(_("A certificate")), company.certifications.exists(), 2),
            Check(
                "factory",
                str(_("Factory facts (area, lines, R&D, QC)")),
                bool(company.factory_area_m2 and company.production_lines),
                1,
            ),
            Check(
                "port",
                str(_("Nearest port and lead time")),
                bool(company.nearest_port_id and company.lead_time_days),
                1,
            ),
            Check("languages", str(_("Languages spoken")), bool(company.languages_spoken), 1),
        ]
    total = sum(c.weight for c in checks)
    done = sum(c.weight for c in checks if c.done)
    return Completeness(percent=round(100 * done / total), checks=checks)
