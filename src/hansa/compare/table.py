"""The comparison table: one column per product, rows aligned by fact, read from each listing's
published snapshot (never the working copy) in the viewer's language. Cells and rows are
described in ``cells``; the product-details rows (the attribute union) are in ``details``.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hansa.catalog.models import Product
from hansa.catalog.models.listings import SupplyPeriod
from hansa.catalog.snapshot import localized
from hansa.catalog.views_public import (
    _dec,
    _image_url,
    _lead_times,
    _money,
    _num,
    _price,
    _trade_terms,
    _unit_name,
)
from hansa.companies.choices import VerificationStatus
from hansa.companies.models import Company
from hansa.companies.selectors import localized_name
from hansa.compare.cells import Cell, Row, cell, mark_best, row, section_labels, yes_no
from hansa.compare.details import product_rows
from hansa.trade.models import Port
from hansa.trade.payments import PAYMENT_METHODS

# --- Columns -----------------------------------------------------------------------------------


def _column(product: Product, snapshot: dict[str, Any], language: str) -> dict[str, Any]:
    text = localized(snapshot, language)
    company_name, _about = localized_name(product.company)
    return {
        "id": product.pk,
        "title": text["title"],
        "lang": text["language"],
        "url": product.get_absolute_url(),
        "thumb": _image_url(product, 0, "thumb") if snapshot.get("images") else "",
        "supplier": company_name,
        "supplier_url": product.company.get_absolute_url(),
        "protected": bool(product.group_id and product.group and product.group.is_protected),
    }


# --- Rows: price and order ---------------------------------------------------------------------


def _price_cell(snapshot: dict[str, Any]) -> Cell:
    price = _price(snapshot)
    if price["kind"] == "negotiable":
        return cell(price["text"])
    per = _("%(price)s / %(unit)s")
    if price["kind"] == "tiers":
        unit = _unit_name(snapshot.get("unit", ""), 2)
        lines = [
            _("%(quantity)s %(unit)s: %(price)s")
            % {"quantity": r["quantity"], "unit": unit, "price": r["price"]}
            for r in price["rows"]
        ]
        return cell(per % {"price": price["text"], "unit": price["unit"]}, lines=lines)
    return cell(per % {"price": price["text"], "unit": price["unit"]})


def _lowest_price(snapshot: dict[str, Any]) -> Decimal | None:
    if snapshot.get("price_kind") == "tiers" and snapshot.get("tiers"):
        return min((_dec(t["unit_price"]) for t in snapshot["tiers"]), default=None)
    if snapshot.get("price_kind") == "negotiable":
        return None
    return _dec(snapshot.get("price_min"))


def _lead_cell(snapshot: dict[str, Any]) -> Cell:
    bands = _lead_times(snapshot)
    if not bands:
        return cell()
    unit = _unit_name(snapshot.get("unit", ""), 2)
    lines = []
    for band in bands:
        if band["days"] is None:
            days = _("to be negotiated")
        else:
            days = ngettext("%(n)s day", "%(n)s days", band["days"]) % {"n": band["days"]}
        lines.append(
            _("%(quantity)s %(unit)s: %(days)s")
            % {"quantity": band["quantity"], "unit": unit, "days": days}
        )
    first = bands[0]
    summary = ngettext("%(n)s day", "%(n)s days", first["days"]) % {"n": first["days"]}
    return cell(summary, lines=lines)


def _price_rows(snapshots: list[dict[str, Any]]) -> list[Row]:
    prices = [_price_cell(s) for s in snapshots]
    currencies = {s.get("currency") for s in snapshots if _lowest_price(s) is not None}
    if len(currencies) == 1:
        mark_best(prices, [_lowest_price(s) for s in snapshots])
    moqs = [
        cell(f"{_num(s.get('moq'))} {_unit_name(s.get('unit', ''), _dec(s.get('moq')) or 2)}")
        if s.get("moq") is not None
        else cell()
        for s in snapshots
    ]
    if len({s.get("unit") for s in snapshots}) == 1:
        mark_best(moqs, [_dec(s.get("moq")) for s in snapshots])
    rows = [
        row("price", _("Price"), "price", prices),
        row("moq", _("Minimum order"), "price", moqs),
    ]
    if any(s.get("supply_quantity") for s in snapshots):
        supply = []
        for s in snapshots:
            amount = s.get("supply_quantity")
            period = s.get("supply_period")
            period_label = SupplyPeriod(period).label if period in SupplyPeriod.values else ""
            unit = _unit_name(s.get("unit", ""), _dec(amount) or 2)
            supply.append(
                cell(f"{_num(amount)} {unit} {period_label}".strip()) if amount else cell()
            )
        rows.append(row("supply", _("Supply ability"), "price", supply))
    rows.append(row("lead_time", _("Lead time"), "price", [_lead_cell(s) for s in snapshots]))
    samples = []
    for s in snapshots:
        if s.get("sample_available"):
            price = _money(s.get("sample_price"), s.get("currency") or "USD")
            samples.append(cell(f"{_('Available')} · {price}" if price else _("Available")))
        else:
            samples.append(cell(_("Not available")))
    rows.append(row("samples", _("Samples"), "price", samples))
    ready = []
    for s in snapshots:
        stock = _num(s.get("stock"))
        if s.get("ready_to_ship") and stock:
            unit = _unit_name(s.get("unit", ""), _dec(s.get("stock")) or 2)
            ready.append(cell(_("Yes, %(n)s %(unit)s in stock") % {"n": stock, "unit": unit}))
        else:
            ready.append(cell(yes_no(bool(s.get("ready_to_ship")))))
    rows.append(row("ready_to_ship", _("Ready to ship"), "price", ready))
    custom = [
        cell(", ".join(n for n, on in (("OEM", s.get("oem")), ("ODM", s.get("odm"))) if on) or None)
        for s in snapshots
    ]
    rows.append(row("customisation", _("OEM / ODM"), "price", custom))
    return rows


# --- Rows: trade terms -------------------------------------------------------------------------


def _trade_rows(snapshots: list[dict[str, Any]]) -> list[Row]:
    codes = {s["port_of_loading"] for s in snapshots if s.get("port_of_loading")}
    ports = {p.locode: p for p in Port.objects.filter(locode__in=codes)}
    zh = (translation.get_language() or "en").lower().startswith("zh")
    incoterms, port_cells, payments = [], [], []
    for s in snapshots:
        port = ports.get(s.get("port_of_loading") or "")
        terms = _trade_terms(s, port)
        incoterms.append(
            cell(
                ", ".join(f"{t['code']} {t['place']}".strip() for t in terms),
                title="; ".join(f"{t['code']}: {t['name']}" for t in terms),
            )
        )
        if port is not None:
            name = (port.name_zh or port.name) if zh else port.name
            port_cells.append(cell(f"{name} ({port.locode})"))
        else:
            port_cells.append(cell())
        methods = [
            PAYMENT_METHODS[c] for c in s.get("payment_methods") or [] if c in PAYMENT_METHODS
        ]
        payments.append(
            cell(
                ", ".join(m.short_name for m in methods),
                title="; ".join(str(m.name) for m in methods),
            )
        )
    return [
        row("incoterms", _("Incoterms"), "trade", incoterms),
        row("port_of_loading", _("Port of loading"), "trade", port_cells),
        row("payment_methods", _("Payment methods"), "trade", payments),
    ]


# --- Rows: the supplier ------------------------------------------------------------------------


def _supplier_rows(
    products: list[Product], response_rate: Callable[[Company], Decimal | None]
) -> list[Row]:
    companies = [p.company for p in products]
    names = [cell(localized_name(c)[0], href=c.get_absolute_url()) for c in companies]
    country = [cell(", ".join(x for x in (str(c.country.name), c.city) if x)) for c in companies]
    status = [
        cell(str(VerificationStatus(c.verification_status).label))
        if c.verification_status in VerificationStatus.values
        else cell()
        for c in companies
    ]
    stars = []
    for c in companies:
        n = c.star_rating if c.is_verified else 0
        title = _("%(n)s of 6 stars") % {"n": n}
        stars.append(cell("★" * n, title=title) if n else cell())
    mark_best(
        stars, [Decimal(c.star_rating) if c.is_verified else None for c in companies], highest=True
    )
    years = []
    for c in companies:
        n = c.years_in_business
        years.append(
            cell(ngettext("%(n)s year", "%(n)s years", n) % {"n": n}) if n is not None else cell()
        )
    mark_best(
        years,
        [
            Decimal(c.years_in_business) if c.years_in_business is not None else None
            for c in companies
        ],
        highest=True,
    )
    measured = [response_rate(c) for c in companies]
    rates = [
        cell(title=_("No inquiries yet")) if rate is None else cell(f"{_num(rate)} %")
        for rate in measured
    ]
    mark_best(rates, measured, highest=True)
    return [
        row("supplier", _("Company"), "supplier", names),
        row("supplier_country", _("Country"), "supplier", country),
        row("verification", _("Verification"), "supplier", status),
        row("stars", _("Star level"), "supplier", stars),
        row("years_in_business", _("Years in business"), "supplier", years),
        row(
            "business_types",
            _("Business type"),
            "supplier",
            [cell(", ".join(c.business_type_labels)) for c in companies],
        ),
        row("response_rate", _("Response rate"), "supplier", rates),
    ]


def build_table(
    products: list[Product],
    language: str,
    *,
    response_rate: Callable[[Company], Decimal | None],
) -> dict[str, Any]:
    """The table for ``products`` (in basket order) in ``language``."""
    with translation.override(language):
        snapshots = [p.published or {} for p in products]
        rows = [
            *_price_rows(snapshots),
            *_trade_rows(snapshots),
            *product_rows(snapshots, language),
            *_supplier_rows(products, response_rate),
        ]
        sections = section_labels()
        for each in rows:
            each["section_label"] = sections[each["section"]]
        return {
            "columns": [_column(p, s, language) for p, s in zip(products, snapshots, strict=True)],
            "rows": rows,
        }
