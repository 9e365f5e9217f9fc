"""Page forms: they parse input into the services' dataclasses; the services check the rules."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from hansa.catalog.models import Category
from hansa.rfqs.models import Quote, Rfq, SourcingType
from hansa.rfqs.services import DEFAULT_VALIDITY, MAX_TIERS, VALIDITY_CHOICES, QuoteInput, RfqInput
from hansa.trade.currencies import CURRENCY_CHOICES
from hansa.trade.incoterms import INCOTERM_CHOICES
from hansa.trade.models import Port
from hansa.trade.payments import PAYMENT_METHOD_CHOICES
from hansa.trade.units import UNIT_CHOICES

DECIMAL = {"step": "any", "inputmode": "decimal"}


def plain(value: Decimal | None) -> str:
    """A stored decimal as people type it: 5000, not 5E+3 or 5000.000."""
    return "" if value is None else f"{value.normalize():f}"


def category_choices() -> list[tuple[str, list[tuple[int, str]]]]:
    """Leaf categories grouped under their top-level category."""
    tops: dict[str, list[tuple[int, str]]] = {}
    names = {}
    for c in Category.objects.filter(is_active=True).only(
        "pk", "path", "name_en", "name_zh", "names", "is_leaf", "depth"
    ):
        names[c.path] = c.name
        if c.is_leaf:
            top = c.path.split("/", 1)[0]
            tops.setdefault(top, []).append((c.pk, c.name))
    return [
        (names.get(top, top), sorted(items, key=lambda i: i[1]))
        for top, items in sorted(tops.items(), key=lambda t: names.get(t[0], t[0]))
    ]


def port_choices() -> list[tuple[str, str]]:
    ports = Port.objects.filter(is_active=True).order_by("country", "-is_major", "name")
    return [("", _("— any port —"))] + [
        (p.locode, f"{countries.name(p.country)} — {p.name} ({p.locode})") for p in ports
    ]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        if isinstance(data, list | tuple):
            return [d for d in data if d]
        return [data] if data else []


class RfqForm(forms.Form):
    product_name = forms.CharField(label=_("Product name"), max_length=150)
    category = forms.TypedChoiceField(label=_("Category"), coerce=int)
    requirements = forms.CharField(
        label=_("Detailed requirements"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text=_(
            "Specification, material, colour, packaging, labelling. No contact details: "
            "suppliers answer through Hansa."
        ),
    )
    quantity = forms.DecimalField(
        label=_("Quantity"), min_value=Decimal("0.001"), widget=forms.NumberInput(attrs=DECIMAL)
    )
    unit = forms.ChoiceField(label=_("Unit"), choices=UNIT_CHOICES, initial="H87")
    target_price = forms.DecimalField(
        label=_("Target unit price"),
        required=False,
        min_value=Decimal("0.0001"),
        widget=forms.NumberInput(attrs=DECIMAL),
        help_text=_("Optional. Suppliers see it."),
    )
    currency = forms.ChoiceField(label=_("Currency"), choices=CURRENCY_CHOICES, initial="USD")
    destination_country = forms.ChoiceField(label=_("Destination country"))
    destination_port = forms.ChoiceField(label=_("Destination port"), required=False)
    incoterm = forms.ChoiceField(label=_("Incoterm"), choices=INCOTERM_CHOICES, initial="FOB")
    payment_method = forms.ChoiceField(
        label=_("Payment method"), choices=PAYMENT_METHOD_CHOICES, initial="TT"
    )
    sourcing_type = forms.ChoiceField(
        label=_("Sourcing type"),
        choices=SourcingType.choices,
        widget=forms.RadioSelect,
        initial=SourcingType.ONE_TIME,
    )
    certifications = forms.CharField(
        label=_("Certifications required"),
        required=False,
        max_length=600,
        help_text=_("Separate with commas, e.g. CE, RoHS, UL."),
    )
    validity_days = forms.TypedChoiceField(
        label=_("Valid for"),
        coerce=int,
        initial=DEFAULT_VALIDITY,
        choices=[(d, _("%(n)s days") % {"n": d}) for d in VALIDITY_CHOICES],
        help_text=_("Counted from approval; quotes can arrive until then."),
    )
    attachments = MultipleFileField(
        label=_("Attachments"),
        help_text=_("Drawings or specifications: PDF, images, Office or text files; up to 5."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", _("Choose…")), *category_choices()]
        self.fields["destination_country"].choices = [("", _("Choose…")), *list(countries)]
        self.fields["destination_port"].choices = port_choices()

    @classmethod
    def initial_for(cls, rfq: Rfq) -> dict[str, Any]:
        return {
            "product_name": rfq.product_name,
            "category": rfq.category_id,
            "requirements": rfq.requirements,
            "quantity": plain(rfq.quantity),
            "unit": rfq.unit,
            "target_price": plain(rfq.target_price) if rfq.target_price is not None else None,
            "currency": rfq.currency,
            "destination_country": str(rfq.destination_country),
            "destination_port": rfq.destination_port.locode if rfq.destination_port_id else "",
            "incoterm": rfq.incoterm,
            "payment_method": rfq.payment_method,
            "sourcing_type": rfq.sourcing_type,
            "certifications": ", ".join(rfq.certifications),
            "validity_days": rfq.validity_days,
        }

    def to_input(self) -> RfqInput:
        d = self.cleaned_data
        return RfqInput(
            product_name=d["product_name"],
            category_id=d["category"],
            requirements=d["requirements"],
            quantity=d["quantity"],
            unit=d["unit"],
            target_price=d.get("target_price"),
            currency=d["currency"],
            destination_country=d["destination_country"],
            destination_port=d.get("destination_port") or "",
            incoterm=d["incoterm"],
            payment_method=d["payment_method"],
            sourcing_type=d["sourcing_type"],
            certifications=[
                c.strip() for c in (d.get("certifications") or "").split(",") if c.strip()
            ],
            validity_days=d["validity_days"],
        )


class QuoteForm(forms.Form):
    unit_price = forms.DecimalField(
        label=_("Unit price"), min_value=Decimal("0.0001"), widget=forms.NumberInput(attrs=DECIMAL)
    )
    currency = forms.ChoiceField(label=_("Currency"), choices=CURRENCY_CHOICES, initial="USD")
    quantity = forms.DecimalField(
        label=_("Quantity offered"),
        min_value=Decimal("0.001"),
        widget=forms.NumberInput(attrs=DECIMAL),
    )
    moq = forms.DecimalField(
        label=_("Minimum order (MOQ)"),
        min_value=Decimal("0.001"),
        widget=forms.NumberInput(attrs=DECIMAL),
    )
    incoterm = forms.ChoiceField(label=_("Incoterm"), choices=INCOTERM_CHOICES, initial="FOB")
    port = forms.ChoiceField(
        label=_("Port"),
        required=False,
        help_text=_("Port of loading for FOB/FCA, destination port for CFR/CIF."),
    )
    lead_time_days = forms.IntegerField(label=_("Lead time (days)"), min_value=1, max_value=365)
    payment_methods = forms.MultipleChoiceField(
        label=_("Payment methods"),
        choices=PAYMENT_METHOD_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )
    valid_until = forms.DateField(
        label=_("Quote valid until"), widget=forms.DateInput(attrs={"type": "date"})
    )
    sample_available = forms.BooleanField(label=_("Samples available"), required=False)
    sample_cost = forms.DecimalField(
        label=_("Sample cost"), required=False, min_value=0, widget=forms.NumberInput(attrs=DECIMAL)
    )
    shipping_cost = forms.DecimalField(
        label=_("Estimated shipping cost"),
        required=False,
        min_value=0,
        widget=forms.NumberInput(attrs=DECIMAL),
        help_text=_("For the whole quantity, in the quote's currency."),
    )
    shipping_days = forms.IntegerField(
        label=_("Estimated shipping time (days)"), required=False, min_value=1, max_value=180
    )
    message = forms.CharField(
        label=_("Message to the buyer"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    attachments = MultipleFileField(
        label=_("Attachments"), help_text=_("Catalogue, drawings, certificates: up to 5 files.")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["port"].choices = port_choices()
        for i in range(MAX_TIERS - 2):
            self.fields[f"tier_qty_{i}"] = forms.DecimalField(
                label=_("From quantity"),
                required=False,
                min_value=0,
                widget=forms.NumberInput(attrs=DECIMAL),
            )
            self.fields[f"tier_price_{i}"] = forms.DecimalField(
                label=_("Unit price"),
                required=False,
                min_value=0,
                widget=forms.NumberInput(attrs=DECIMAL),
            )
        if not self.is_bound and "valid_until" not in self.initial:
            self.initial["valid_until"] = timezone.localdate() + timedelta(days=30)

    def tier_rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"tier_qty_{i}"], self[f"tier_price_{i}"]) for i in range(MAX_TIERS - 2)]

    def main_fields(self) -> list[forms.BoundField]:
        return [f for f in self.visible_fields() if not f.name.startswith("tier_")]

    @classmethod
    def initial_for(cls, quote: Quote) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "unit_price": plain(quote.unit_price),
            "currency": quote.currency,
            "quantity": plain(quote.quantity),
            "moq": plain(quote.moq),
            "incoterm": quote.incoterm,
            "port": quote.port.locode if quote.port_id else "",
            "lead_time_days": quote.lead_time_days,
            "payment_methods": quote.payment_methods,
            "valid_until": quote.valid_until,
            "sample_available": quote.sample_available,
            "sample_cost": plain(quote.sample_cost),
            "shipping_cost": plain(quote.shipping_cost),
            "shipping_days": quote.shipping_days,
            "message": quote.message,
        }
        for i, tier in enumerate(quote.tiers[: MAX_TIERS - 2]):
            initial[f"tier_qty_{i}"] = tier["min_quantity"]
            initial[f"tier_price_{i}"] = tier["unit_price"]
        return initial

    def to_input(self) -> QuoteInput:
        d = self.cleaned_data
        tiers = [
            {"min_quantity": d.get(f"tier_qty_{i}"), "unit_price": d.get(f"tier_price_{i}")}
            for i in range(MAX_TIERS - 2)
        ]
        return QuoteInput(
            unit_price=d["unit_price"],
            currency=d["currency"],
            quantity=d["quantity"],
            moq=d["moq"],
            incoterm=d["incoterm"],
            port=d.get("port") or "",
            lead_time_days=d["lead_time_days"],
            payment_methods=list(d["payment_methods"]),
            valid_until=d["valid_until"],
            tiers=[
                t for t in tiers if t["min_quantity"] is not None or t["unit_price"] is not None
            ],
            sample_available=d.get("sample_available") or False,
            sample_cost=d.get("sample_cost"),
            shipping_cost=d.get("shipping_cost"),
            shipping_days=d.get("shipping_days"),
            message=d.get("message") or "",
        )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
