"""Forms of the listing pages. They parse what the supplier typed into the keyword arguments
that ``listing_services`` expect; the services check the business rules and do the writing."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from hansa.accounts.models import User
from hansa.catalog.models import (
    AttributeDefinition,
    AttributeType,
    Category,
    PriceKind,
    Product,
    ProductGroup,
)
from hansa.catalog.models.listings import KEYWORDS_MAX, TITLE_MAX, SupplyPeriod
from hansa.companies.choices import PROFILE_LANGUAGES
from hansa.companies.roles import Role
from hansa.trade.currencies import CURRENCY_CHOICES
from hansa.trade.incoterms import INCOTERMS
from hansa.trade.models import Port
from hansa.trade.payments import PAYMENT_METHODS
from hansa.trade.units import UNIT_CHOICES

# The languages a listing can be written in: the nine the platform's buyers read most.
LISTING_LANGUAGES = PROFILE_LANGUAGES[:9]
TIER_ROWS = 6
LEAD_TIME_ROWS = 4
CUSTOM_ROWS_MIN = 3
CUSTOM_ROWS_MAX = 20
# Errors the services report on a group of inputs rather than on one field.
SECTION_FIELDS = ("tiers", "lead_times", "custom_attributes", "category", "images", "image")


def _is_zh() -> bool:
    return (get_language() or "en").lower().startswith("zh")


def _choice_label(choice: dict[str, str]) -> str:
    key = "zh" if _is_zh() else "en"
    return choice.get(key) or choice.get("en") or choice["value"]


def incoterm_choices() -> list[tuple[str, str]]:
    """The eleven rules, sea-only ones marked so that nobody offers FOB for air freight."""
    return [
        (
            term.code,
            f"{term.code} – {term.name} ({_('sea only')})"
            if term.sea_only
            else f"{term.code} – {term.name}",
        )
        for term in INCOTERMS.values()
    ]


def payment_choices() -> list[tuple[str, str]]:
    """Payment methods, the exporter's safest first."""
    return [(m.code, f"{m.short_name} – {m.name}") for m in PAYMENT_METHODS.values()]


def port_choices() -> list[tuple[str, Any]]:
    """Major ports first, then every active port by country; labels in the active language."""
    zh = _is_zh()
    ports = list(Port.objects.filter(is_active=True).order_by("country", "name"))

    def label(p: Port) -> str:
        name = (p.name_zh or p.name) if zh else p.name
        return f"{name} ({p.locode})"

    major = [(str(p.pk), label(p)) for p in ports if p.is_major]
    others = [(str(p.pk), label(p)) for p in ports if not p.is_major]
    return [
        ("", "—"),
        (_("Major ports"), major),
        (_("Other ports"), others),
    ]


class TextareaField(forms.CharField):
    """A textarea's text with the browser's CR LF line ends made LF, as the page shows it, so
    that an untouched description does not count as a change (and send a live listing back to
    review)."""

    def to_python(self, value: Any) -> str:
        return super().to_python(value).replace("\r\n", "\n")


def _split_keywords(data: dict[str, Any]) -> list[str]:
    return [data.get(f"keyword_{i}", "") for i in range(1, KEYWORDS_MAX + 1)]


class KeywordFieldsMixin:
    """Three keyword inputs, as the big directories have them."""

    def _add_keyword_fields(self, initial: list[str]) -> None:
        for i in range(1, KEYWORDS_MAX + 1):
            self.fields[f"keyword_{i}"] = forms.CharField(  # type: ignore[attr-defined]
                label=_("Keyword %(n)d") % {"n": i},
                max_length=50,
                required=False,
                initial=initial[i - 1] if len(initial) >= i else "",
            )

    def keyword_fields(self) -> list[forms.BoundField]:
        return [self[f"keyword_{i}"] for i in range(1, KEYWORDS_MAX + 1)]  # type: ignore[index]


class ServiceErrorsMixin:
    """Puts a service's BusinessError next to the input it names."""

    section_errors: dict[str, str]

    def field_for(self, service_field: str | None) -> str | None:
        if not service_field:
            return None
        if service_field.startswith("attributes."):
            return "attr_" + service_field.split(".", 1)[1]
        if service_field.startswith("attribute_texts"):
            return None
        if service_field == "keywords":
            return "keyword_1"
        return service_field

    def add_service_error(self, service_field: str | None, message: str) -> None:
        if service_field in SECTION_FIELDS:
            self.section_errors[service_field] = message
            # Also a form-level error so that the page says something went wrong at the top.
            self.add_error(None, message)  # type: ignore[attr-defined]
            return
        name = self.field_for(service_field)
        if name not in self.fields:  # type: ignore[attr-defined]
            name = None
        elif service_field and service_field.startswith("attributes."):
            # The service names the attribute ("voltage: Required."); beside its input the
            # name is already there.
            prefix = service_field.split(".", 1)[1] + ": "
            message = message.removeprefix(prefix)
        self.add_error(name, message)  # type: ignore[attr-defined]


# --- New listing ---------------------------------------------------------------------------


class NewListingForm(forms.Form):
    category = forms.CharField(widget=forms.HiddenInput)
    title = forms.CharField(
        label=_("Product title"),
        max_length=TITLE_MAX,
        help_text=_(
            "Say what the product is, its main feature and model, e.g. “12V SMD 5050 RGB "
            "LED strip, 60 LEDs/m, IP65”."
        ),
        widget=forms.TextInput(attrs={"data-count": "title-count"}),
    )

    def clean_category(self) -> Category:
        category = Category.objects.filter(
            code=self.cleaned_data["category"], is_leaf=True, is_active=True
        ).first()
        if category is None:
            raise forms.ValidationError(_("Choose a category at the end of the tree."))
        return category


class CategoryChangeForm(forms.Form):
    category = forms.CharField(widget=forms.HiddenInput)

    clean_category = NewListingForm.clean_category


# --- The listing editor --------------------------------------------------------------------


def _plain(value: Decimal | None) -> Decimal | None:
    """2000.000000 as 2000 (and never 2E+3), for limits shown to people."""
    if value is None:
        return None
    return Decimal(format(value.normalize(), "f"))


def _price(value: Decimal | None) -> Decimal | None:
    """A price with at least two decimals (1.20, 0.0125), as traders write it."""
    value = _plain(value)
    if value is not None and value.as_tuple().exponent > -2:  # type: ignore[operator]
        value = value.quantize(Decimal("0.01"))
    return value


def _attribute_field(definition: AttributeDefinition) -> forms.Field:
    label = definition.name
    common: dict[str, Any] = {"label": label, "required": False}
    if definition.type == AttributeType.NUMBER:
        return forms.DecimalField(
            min_value=_plain(definition.min_value),
            max_value=_plain(definition.max_value),
            widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
            **common,
        )
    if definition.type == AttributeType.CHOICE:
        choices = [("", "—"), *((c["value"], _choice_label(c)) for c in definition.choices)]
        return forms.ChoiceField(choices=choices, **common)
    if definition.type == AttributeType.MULTICHOICE:
        return forms.MultipleChoiceField(
            choices=[(c["value"], _choice_label(c)) for c in definition.choices],
            widget=forms.CheckboxSelectMultiple,
            **common,
        )
    if definition.type == AttributeType.BOOL:
        return forms.ChoiceField(choices=[("", "—"), ("yes", _("Yes")), ("no", _("No"))], **common)
    return forms.CharField(max_length=definition.max_length or 200, **common)


def _attribute_initial(definition: AttributeDefinition, value: Any) -> Any:
    if value is None:
        return None
    if definition.type == AttributeType.BOOL:
        return "yes" if value is True else "no" if value is False else None
    if definition.type == AttributeType.MULTICHOICE:
        return list(value) if isinstance(value, list | tuple) else [value]
    if definition.type == AttributeType.NUMBER:
        try:
            return Decimal(str(value))
        except ArithmeticError:
            return str(value)
    return str(value)


def _decimal_field(label: Any, *, places: int = 3, **kwargs: Any) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=Decimal(0),
        max_digits=16,
        decimal_places=places,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
        **kwargs,
    )


class ListingForm(KeywordFieldsMixin, ServiceErrorsMixin, forms.Form):
    """Every section of the editor except the photos, which upload on their own."""

    title = forms.CharField(
        label=_("Product title"),
        max_length=TITLE_MAX,
        help_text=_(
            "Say what the product is, its main feature and model; no prices or contact details."
        ),
        widget=forms.TextInput(attrs={"data-count": "title-count"}),
    )
    base_language = forms.ChoiceField(
        label=_("Language of this text"),
        choices=LISTING_LANGUAGES,
        help_text=_("Add other languages in the Translations tab."),
    )
    description = TextareaField(
        label=_("Detailed description"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Basic HTML is kept: paragraphs, line breaks, bold, italic, underline, lists, "
            "headings (h2–h4), tables, quotes, sub- and superscript. Scripts, styles, "
            "links and images are removed."
        ),
    )
    # Trade information.
    price_kind = forms.ChoiceField(
        label=_("Price"), choices=PriceKind.choices, widget=forms.RadioSelect
    )
    currency = forms.ChoiceField(label=_("Currency"), choices=CURRENCY_CHOICES)
    price_min = _decimal_field(_("Lowest FOB price per unit"), places=4)
    price_max = _decimal_field(_("Highest FOB price per unit"), places=4)
    unit = forms.ChoiceField(label=_("Unit of measure"), choices=UNIT_CHOICES)
    moq = _decimal_field(_("Minimum order quantity"))
    supply_quantity = _decimal_field(_("Supply ability"))
    supply_period = forms.ChoiceField(label=_("Period"), choices=SupplyPeriod.choices)
    port_of_loading = forms.ChoiceField(label=_("Port of loading"), required=False)
    incoterms = forms.MultipleChoiceField(
        label=_("Incoterms offered"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "FAS, FOB, CFR and CIF are for sea and inland waterway shipments only; "
            "offer FCA, CPT or CIP for air and container transport."
        ),
    )
    payment_methods = forms.MultipleChoiceField(
        label=_("Payment methods accepted"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Listed from the safest for you (paid before shipment) to the riskiest."),
    )
    packaging = TextareaField(
        label=_("Packaging details"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    hs_code = forms.CharField(
        label=_("HS code"),
        required=False,
        max_length=14,
        help_text=_("6, 8 or 10 digits."),
    )
    origin_country = forms.ChoiceField(label=_("Place of origin"), required=False)
    certifications = forms.CharField(
        label=_("Certifications"),
        required=False,
        max_length=800,
        help_text=_("Separate them with commas, e.g. CE, RoHS, UL."),
    )
    sample_available = forms.BooleanField(label=_("Samples available"), required=False)
    sample_price = _decimal_field(_("Sample price"), places=4)
    oem = forms.BooleanField(label=_("OEM accepted (your brand on our product)"), required=False)
    odm = forms.BooleanField(
        label=_("ODM accepted (we design to your specification)"), required=False
    )
    # Ready to ship.
    ready_to_ship = forms.BooleanField(label=_("Ready to ship from stock"), required=False)
    stock = _decimal_field(_("Stock"))
    weight_kg = _decimal_field(_("Shipping weight (kg)"))
    length_cm = _decimal_field(_("Length (cm)"), places=1)
    width_cm = _decimal_field(_("Width (cm)"), places=1)
    height_cm = _decimal_field(_("Height (cm)"), places=1)
    # Showroom.
    group = forms.ModelChoiceField(
        label=_("Showroom group"),
        queryset=ProductGroup.objects.none(),
        required=False,
        empty_label=_("No group"),
    )

    def __init__(
        self,
        data: Any = None,
        *,
        product: Product,
        definitions: list[AttributeDefinition],
        can_assign_owner: bool,
    ) -> None:
        self.product = product
        self.definitions = definitions
        self.section_errors = {}
        super().__init__(data, initial=self._initial(product))
        self._add_keyword_fields(list(product.keywords))
        self.fields["currency"].widget.attrs["data-currency"] = ""
        self.fields["incoterms"].choices = incoterm_choices()
        self.fields["payment_methods"].choices = payment_choices()
        self.fields["port_of_loading"].choices = port_choices()
        self.fields["origin_country"].choices = [("", "—"), *countries]
        if product.base_language not in dict(LISTING_LANGUAGES):
            # A listing imported in another language keeps it.
            self.fields["base_language"].choices = [
                *LISTING_LANGUAGES,
                (product.base_language, dict(PROFILE_LANGUAGES)[product.base_language]),
            ]
        self.fields["group"].queryset = ProductGroup.objects.filter(company_id=product.company_id)
        if product.category.hs_codes:
            self.fields["hs_code"].widget.attrs["placeholder"] = product.category.hs_codes[0]
            self.fields["hs_code"].help_text = _(
                "6, 8 or 10 digits. Usual headings for this category: %(codes)s."
            ) % {"codes": ", ".join(product.category.hs_codes)}
        for definition in definitions:
            field = _attribute_field(definition)
            field.initial = _attribute_initial(definition, product.attributes.get(definition.code))
            field.needed = definition.required  # type: ignore[attr-defined]
            field.unit = definition.unit  # type: ignore[attr-defined]
            self.fields[f"attr_{definition.code}"] = field
        self.custom_count = self._custom_count(data, product)
        for i in range(self.custom_count):
            row = product.custom_attributes[i] if i < len(product.custom_attributes) else {}
            self.fields[f"custom_name_{i}"] = forms.CharField(
                label=_("Attribute name"), max_length=60, required=False, initial=row.get("name")
            )
            self.fields[f"custom_value_{i}"] = forms.CharField(
                label=_("Value"), max_length=200, required=False, initial=row.get("value")
            )
        tiers = list(product.tiers.all())
        for i in range(TIER_ROWS):
            tier = tiers[i] if i < len(tiers) else None
            self.fields[f"tier_qty_{i}"] = _decimal_field(
                _("Minimum quantity"), initial=_plain(tier.min_quantity) if tier else None
            )
            self.fields[f"tier_price_{i}"] = _decimal_field(
                _("Unit price"), places=4, initial=_price(tier.unit_price) if tier else None
            )
        for i in range(LEAD_TIME_ROWS):
            row = product.lead_times[i] if i < len(product.lead_times) else {}
            self.fields[f"lt_up_to_{i}"] = forms.IntegerField(
                label=_("Up to quantity"), required=False, min_value=1, initial=row.get("up_to")
            )
            self.fields[f"lt_days_{i}"] = forms.IntegerField(
                label=_("Days"), required=False, min_value=1, max_value=365, initial=row.get("days")
            )
        if can_assign_owner:
            self.fields["owner"] = forms.ModelChoiceField(
                label=_("Sales representative in charge"),
                queryset=User.objects.filter(
                    membership__company_id=product.company_id,
                    membership__is_active=True,
                    membership__role__in=[Role.OWNER, Role.ADMIN, Role.SALES_REP],
                ).order_by("full_name", "email"),
                required=False,
                empty_label=_("Nobody in particular"),
                initial=product.owner_id,
                help_text=_(
                    "Answers buyers about this product; a sales representative manages "
                    "only the products assigned to them."
                ),
            )
        for name in ("title", "moq"):
            self.fields[name].needed = True  # type: ignore[attr-defined]

    @staticmethod
    def _initial(product: Product) -> dict[str, Any]:
        return {
            "title": product.title,
            "base_language": product.base_language,
            "description": product.description,
            "price_kind": product.price_kind,
            "currency": product.currency,
            "price_min": _price(product.price_min),
            "price_max": _price(product.price_max),
            "unit": product.unit,
            "moq": _plain(product.moq),
            "supply_quantity": _plain(product.supply_quantity),
            "supply_period": product.supply_period,
            "port_of_loading": str(product.port_of_loading_id or ""),
            "incoterms": list(product.incoterms),
            "payment_methods": list(product.payment_methods),
            "packaging": product.packaging,
            "hs_code": product.hs_code,
            "origin_country": product.origin_country.code if product.origin_country else "",
            "certifications": ", ".join(product.certifications),
            "sample_available": product.sample_available,
            "sample_price": _price(product.sample_price),
            "oem": product.oem,
            "odm": product.odm,
            "ready_to_ship": product.ready_to_ship,
            "stock": _plain(product.stock),
            "weight_kg": _plain(product.weight_kg),
            "length_cm": _plain(product.length_cm),
            "width_cm": _plain(product.width_cm),
            "height_cm": _plain(product.height_cm),
            "group": product.group_id,
        }

    @staticmethod
    def _custom_count(data: Any, product: Product) -> int:
        posted = 0
        if data is not None:
            posted = sum(1 for key in data if key.startswith("custom_name_"))
        wanted = max(len(product.custom_attributes) + 2, CUSTOM_ROWS_MIN, posted)
        return min(wanted, CUSTOM_ROWS_MAX)

    # --- Grouped fields for the template ---

    def attribute_fields(self) -> list[forms.BoundField]:
        return [self[f"attr_{d.code}"] for d in self.definitions]

    def custom_rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [
            (self[f"custom_name_{i}"], self[f"custom_value_{i}"]) for i in range(self.custom_count)
        ]

    def tier_rows_fields(self) -> list[tuple[int, forms.BoundField, forms.BoundField]]:
        return [(i + 1, self[f"tier_qty_{i}"], self[f"tier_price_{i}"]) for i in range(TIER_ROWS)]

    def lead_time_fields(self) -> list[tuple[int, forms.BoundField, forms.BoundField]]:
        return [(i + 1, self[f"lt_up_to_{i}"], self[f"lt_days_{i}"]) for i in range(LEAD_TIME_ROWS)]

    def mark_reasons(self, notes: dict[str, str], attr: str) -> dict[str, str]:
        """Attaches the reviewer's reasons (or the submission problems) to their inputs; the
        rest are returned for the section they belong to (photos, tiers...)."""
        rest: dict[str, str] = {}
        for service_field, note in notes.items():
            name = self.field_for(service_field)
            if name in self.fields:
                setattr(self.fields[name], attr, note)
            else:
                rest[service_field] = note
        return rest

    # --- What the services receive ---

    def clean_port_of_loading(self) -> Port | None:
        value = self.cleaned_data.get("port_of_loading")
        if not value:
            return None
        port = Port.objects.filter(pk=value, is_active=True).first()
        if port is None:
            raise forms.ValidationError(_("Choose a port from the list."))
        return port

    def clean_certifications(self) -> list[str]:
        raw = self.cleaned_data.get("certifications") or ""
        return [c.strip() for c in raw.replace(";", ",").split(",") if c.strip()]

    def _attribute_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for definition in self.definitions:
            raw = self.cleaned_data.get(f"attr_{definition.code}")
            if raw in (None, "", []):
                continue
            if definition.type == AttributeType.BOOL:
                values[definition.code] = raw == "yes"
            elif definition.type == AttributeType.NUMBER:
                values[definition.code] = format(raw.normalize(), "f")
            else:
                values[definition.code] = raw
        return values

    def tier_rows(self) -> list[tuple[Any, Any]]:
        rows = []
        for i in range(TIER_ROWS):
            quantity = self.cleaned_data.get(f"tier_qty_{i}")
            price = self.cleaned_data.get(f"tier_price_{i}")
            if quantity is None and price is None:
                continue
            rows.append((quantity, price))
        return rows

    def service_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        fields: dict[str, Any] = {
            name: data.get(name)
            for name in (
                "title",
                "base_language",
                "description",
                "price_kind",
                "currency",
                "unit",
                "moq",
                "supply_quantity",
                "supply_period",
                "port_of_loading",
                "incoterms",
                "payment_methods",
                "packaging",
                "hs_code",
                "origin_country",
                "certifications",
                "sample_available",
                "sample_price",
                "oem",
                "odm",
                "ready_to_ship",
                "stock",
                "weight_kg",
                "length_cm",
                "width_cm",
                "height_cm",
                "group",
            )
        }
        fields["keywords"] = _split_keywords(data)
        fields["attributes"] = self._attribute_values()
        fields["custom_attributes"] = [
            {"name": data.get(f"custom_name_{i}", ""), "value": data.get(f"custom_value_{i}", "")}
            for i in range(self.custom_count)
        ]
        fields["lead_times"] = [
            {"up_to": data.get(f"lt_up_to_{i}"), "days": data.get(f"lt_days_{i}")}
            for i in range(LEAD_TIME_ROWS)
            if data.get(f"lt_up_to_{i}") is not None or data.get(f"lt_days_{i}") is not None
        ]
        fields["hs_code"] = (fields["hs_code"] or "").strip()
        fields["sample_price"] = data.get("sample_price") if data.get("sample_available") else None
        if "owner" in self.fields:
            fields["owner"] = data.get("owner")
        kind = data.get("price_kind")
        if kind == PriceKind.RANGE:
            fields["price_min"] = data.get("price_min")
            fields["price_max"] = data.get("price_max")
        elif kind == PriceKind.NEGOTIABLE:
            fields["price_min"] = fields["price_max"] = None
        # With a tier table the lowest and highest prices follow from the tiers.
        return fields


# --- Translations --------------------------------------------------------------------------


class TranslationForm(KeywordFieldsMixin, ServiceErrorsMixin, forms.Form):
    language = forms.ChoiceField(choices=LISTING_LANGUAGES, widget=forms.HiddenInput)
    title = forms.CharField(
        label=_("Product title"),
        max_length=TITLE_MAX,
        widget=forms.TextInput(attrs={"data-count": "title-count"}),
    )
    description = TextareaField(
        label=_("Detailed description"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("The same basic HTML as the original is kept."),
    )

    def __init__(
        self,
        data: Any = None,
        *,
        language: str,
        text_attributes: list[AttributeDefinition],
        existing: Any = None,
        originals: dict[str, Any] | None = None,
    ) -> None:
        self.section_errors = {}
        initial = {"language": language}
        if existing is not None:
            initial.update({"title": existing.title, "description": existing.description})
        super().__init__(data, initial=initial)
        self._add_keyword_fields(list(existing.keywords) if existing is not None else [])
        self.text_attributes = text_attributes
        texts = existing.attribute_texts if existing is not None else {}
        for definition in text_attributes:
            original = (originals or {}).get(definition.code)
            self.fields[f"text_{definition.code}"] = forms.CharField(
                label=definition.name,
                required=False,
                max_length=200,
                initial=texts.get(definition.code, ""),
                help_text=_("Original: %(text)s") % {"text": original} if original else "",
            )
        for field in self.fields.values():
            if not isinstance(field.widget, forms.HiddenInput):
                field.widget.attrs.update({"lang": language, "dir": "auto"})

    def text_fields(self) -> list[forms.BoundField]:
        return [self[f"text_{d.code}"] for d in self.text_attributes]

    def field_for(self, service_field: str | None) -> str | None:
        if service_field == "attribute_texts":
            return None
        return super().field_for(service_field)

    def service_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "language": data["language"],
            "title": data["title"],
            "keywords": _split_keywords(data),
            "description": data.get("description", ""),
            "attribute_texts": {
                d.code: data.get(f"text_{d.code}", "") for d in self.text_attributes
            },
        }


# --- Showroom groups -----------------------------------------------------------------------


class GroupForm(forms.Form):
    name = forms.CharField(label=_("Group name"), max_length=80)
    password = forms.CharField(
        label=_("Password (optional)"),
        required=False,
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_(
            "With a password, only buyers you give it to see the group's products; they "
            "never appear in search."
        ),
    )


class GroupRenameForm(forms.Form):
    name = forms.CharField(label=_("Group name"), max_length=80)


class GroupPasswordForm(forms.Form):
    password = forms.CharField(
        label=_("New password"),
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )


class UnlockForm(forms.Form):
    password = forms.CharField(
        label=_("Password"),
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
    )
