"""The block of demo logins and counts that ``hansa demo`` and ``hansa generate`` print."""

from __future__ import annotations

from typing import Any

from hansa.demo.generator import MarketSummary


def summary_lines(summary: MarketSummary, *, title: str) -> list[str]:
    width = max(len(role) for role, _email, _pw in summary.logins) if summary.logins else 10
    lines = [
        "",
        f"== {title} ==",
        f"Suppliers: {summary.suppliers} in {summary.supplier_countries} countries, "
        f"{summary.industries} industries",
        f"           {summary.verified} verified, {summary.pending} waiting for review, "
        f"{summary.rejected} rejected",
        f"Buyers:    {summary.buyers} in {summary.buyer_countries} countries",
        f"Users:     {summary.users}",
        f"Products:  {summary.products:,} listings in {summary.product_industries} industries "
        f"({summary.product_categories} categories), {summary.product_translations:,} "
        "translations",
        f"           {summary.products_live:,} live, {summary.products_waiting:,} waiting for "
        f"review (new or edited), {summary.products_other:,} draft, rejected, offline or "
        f"archived; {summary.protected_products} in a password-protected showroom group",
        "",
        "Demo logins:",
    ]
    lines += [f"  {role.ljust(width)}  {email}" for role, email, _pw in summary.logins]
    passwords = sorted({pw for _role, _email, pw in summary.logins})
    if passwords:
        lines.append(f"  {'password'.ljust(width)}  {', '.join(passwords)}")
    lines.append("")
    return lines


def print_summary(out: Any, summary: MarketSummary, *, title: str, style: Any = None) -> None:
    for line in summary_lines(summary, title=title):
        if style is not None and line.startswith("=="):
            line = style.SUCCESS(line)
        out.write(line)
