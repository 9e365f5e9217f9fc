"""Reference data over the API: Incoterms, units, payment methods, currencies, ports, regions."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from hansa.core.errors import BusinessError
from hansa.trade.currencies import CURRENCY_CHOICES, minor_unit
from hansa.trade.incoterms import INCOTERMS
from hansa.trade.payments import methods_by_exporter_risk
from hansa.trade.regions import MARKET_REGIONS, subdivisions_for
from hansa.trade.selectors import active_ports
from hansa.trade.units import UNITS

router = Router(tags=["reference"], auth=None)


class IncotermOut(Schema):
    code: str
    name: str
    group: str
    sea_only: bool
    place_kind: str
    risk_transfer: str
    seller_insures: bool
    seller_clears_import: bool


class UnitOut(Schema):
    code: str
    name: str
    name_plural: str
    name_zh: str
    kind: str


class PaymentMethodOut(Schema):
    code: str
    short_name: str
    name: str
    exporter_risk: int
    risk_reason: str


class CurrencyOut(Schema):
    code: str
    name: str
    minor_unit: int


class PortOut(Schema):
    locode: str
    name: str
    name_zh: str
    country: str
    kind: str


class CodeName(Schema):
    code: str
    name: str


@router.get("/incoterms", response=list[IncotermOut], summary="Incoterms 2020 rules")
def incoterms(request: HttpRequest) -> list[dict[str, object]]:
    return [
        {
            "code": t.code,
            "name": str(t.name),
            "group": t.group,
            "sea_only": t.sea_only,
            "place_kind": str(t.place_kind),
            "risk_transfer": str(t.risk_transfer),
            "seller_insures": t.seller_insures,
            "seller_clears_import": t.seller_clears_import,
        }
        for t in INCOTERMS.values()
    ]


@router.get("/units", response=list[UnitOut], summary="Units of measure (UN/ECE Rec. 20 codes)")
def units(request: HttpRequest) -> list[dict[str, object]]:
    return [
        {
            "code": u.code,
            "name": str(u.name),
            "name_plural": str(u.name_plural),
            "name_zh": u.name_zh,
            "kind": u.kind,
        }
        for u in UNITS.values()
    ]


@router.get(
    "/payment-methods",
    response=list[PaymentMethodOut],
    summary="Payment methods, safest for the exporter first",
)
def payment_methods(request: HttpRequest) -> list[dict[str, object]]:
    return [
        {
            "code": m.code,
            "short_name": m.short_name,
            "name": str(m.name),
            "exporter_risk": m.exporter_risk,
            "risk_reason": str(m.risk_reason),
        }
        for m in methods_by_exporter_risk()
    ]


@router.get("/currencies", response=list[CurrencyOut], summary="ISO 4217 currencies")
def currencies(request: HttpRequest) -> list[dict[str, object]]:
    return [
        {"code": code, "name": label, "minor_unit": minor_unit(code)}
        for code, label in CURRENCY_CHOICES
    ]


@router.get("/ports", response=list[PortOut], summary="Seaports and airports by UN/LOCODE")
def ports(request: HttpRequest, country: str | None = None) -> list[dict[str, object]]:
    return [
        {
            "locode": p.locode,
            "name": p.name,
            "name_zh": p.name_zh,
            "country": p.country.code,
            "kind": p.kind,
        }
        for p in active_ports((country or "").upper() or None)
    ]


@router.get("/market-regions", response=list[CodeName], summary="Market regions for main markets")
def market_regions(request: HttpRequest) -> list[dict[str, str]]:
    return [{"code": code, "name": str(label)} for code, label in MARKET_REGIONS]


@router.get(
    "/countries/{country}/subdivisions", response=list[CodeName], summary="ISO 3166-2 subdivisions"
)
def subdivisions(request: HttpRequest, country: str) -> list[dict[str, str]]:
    rows = subdivisions_for(country.upper())
    if not rows and len(country) != 2:
        raise BusinessError("Give a two-letter ISO 3166-1 country code.", field="country")
    return [{"code": code, "name": name} for code, name in rows]
