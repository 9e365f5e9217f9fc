"""Forms for the company workspace. They validate input; the services do the writing."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from hansa.companies.choices import (
    PROFILE_LANGUAGES,
    BusinessType,
    CompanyKind,
    EmployeesBand,
    ExportRevenueBand,
)
from hansa.companies.models import Certification, Company, ContactPerson
from hansa.companies.roles import ASSIGNABLE_ROLES, Role
from hansa.core.uploads import clean_document, clean_image
from hansa.trade.models import Port
from hansa.trade.regions import MARKET_REGIONS, subdivisions_for, validate_subdivision

ROLE_CHOICES = [(r.value, r.label) for r in ASSIGNABLE_ROLES]


def subdivision_choices(country: object) -> list[tuple[str, str]]:
    code = str(getattr(country, "code", country) or "")
    return [("", "—"), *subdivisions_for(code)] if code else [("", "—")]


def _split_lines(value: str, *, limit: int, field_label: str) -> list[str]:
    items = [line.strip() for line in value.replace(",", "\n").splitlines() if line.strip()]
    items = list(dict.fromkeys(items))
    if len(items) > limit:
        raise ValidationError(_("List at most %(n)d %(what)s.") % {"n": limit, "what": field_label})
    if any(len(item) > 80 for item in items):
        raise ValidationError(_("Keep each entry under 80 characters."))
    return items


class CompanyCreateForm(forms.Form):
    name = forms.CharField(label=_("Company name"), max_length=200)
    kind = forms.ChoiceField(
        label=_("What does your company do here?"),
        choices=CompanyKind.choices,
        widget=forms.RadioSelect,
    )
    country = LazyTypedChoiceField(label=_("Country or region"), choices=countries)
    business_types = forms.MultipleChoiceField(
        label=_("Business type"),
        choices=BusinessType.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class CompanyProfileForm(forms.ModelForm):
    main_products_text = forms.CharField(
        label=_("Main products"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line, up to 10."),
    )
    business_types = forms.MultipleChoiceField(
        label=_("Business type"),
        choices=BusinessType.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    languages_spoken = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=PROFILE_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    nearest_port = forms.ModelChoiceField(
        label=_("Nearest port"),
        queryset=Port.objects.filter(is_active=True).order_by("country", "name"),
        required=False,
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    subdivision = forms.ChoiceField(label=_("Province or state"), required=False)
    logo_upload = forms.FileField(
        label=_("Logo"), required=False, help_text=_("JPEG, PNG or WebP, up to 10 MB.")
    )

    class Meta:
        model = Company
        fields = [
            "name",
            "country",
            "subdivision",
            "city",
            "address",
            "postal_code",
            "website",
            "phone",
            "description",
            "year_established",
            "employees",
            "export_revenue",
            "factory_area_m2",
            "production_lines",
            "rnd_staff",
            "qc_staff",
            "qc_process",
            "nearest_port",
            "lead_time_days",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "qc_process": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["main_products_text"].initial = "\n".join(self.instance.main_products)
            self.fields["business_types"].initial = self.instance.business_types
            self.fields["languages_spoken"].initial = self.instance.languages_spoken
        self.fields["employees"].choices = [("", "—"), *EmployeesBand.choices]
        country = self.data.get("country") if self.is_bound else self.instance.country
        self.fields["subdivision"].choices = subdivision_choices(country)
        # Changing the country reloads the province list in place (htmx), no page reload.
        self.fields["country"].widget.attrs.update(
            {
                "hx-get": reverse("companies:subdivisions"),
                "hx-target": "#id_subdivision",
                "hx-trigger": "change",
                "hx-swap": "innerHTML",
            }
        )
        self.fields["export_revenue"].choices = [("", "—"), *ExportRevenueBand.choices]

    def clean_subdivision(self) -> str:
        code = self.cleaned_data.get("subdivision") or ""
        country = self.cleaned_data.get("country")
        return validate_subdivision(country, code) if code and country else ""

    def clean_main_products_text(self) -> list[str]:
        return _split_lines(
            self.cleaned_data["main_products_text"], limit=10, field_label=str(_("main products"))
        )

    def clean_logo_upload(self) -> object:
        upload = self.cleaned_data.get("logo_upload")
        if not upload:
            return None
        return clean_image(upload, max_side=600)

    def service_fields(self) -> dict[str, object]:
        data = {name: self.cleaned_data[name] for name in self._meta.fields}
        data["main_products"] = self.cleaned_data["main_products_text"]
        data["business_types"] = self.cleaned_data["business_types"]
        data["languages_spoken"] = self.cleaned_data["languages_spoken"]
        return data


class CompanyNameForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", "—"), *PROFILE_LANGUAGES], required=False
    )
    name = forms.CharField(label=_("Company name"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Introduction"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self) -> dict[str, object]:
        data = super().clean()
        if data.get("name") and not data.get("language"):
            self.add_error("language", _("Choose the language of this name."))
        return data


CompanyNameFormSet = forms.formset_factory(CompanyNameForm, extra=2, max_num=14, validate_max=True)


class MainMarketForm(forms.Form):
    region = forms.ChoiceField(
        label=_("Market"),
        choices=[("", "—"), *MARKET_REGIONS],
        required=False,
        widget=forms.Select(attrs={"aria-label": _("Market")}),
    )
    share_percent = forms.IntegerField(
        label=_("Share (%)"),
        min_value=1,
        max_value=100,
        required=False,
        widget=forms.NumberInput(attrs={"aria-label": _("Share (%)")}),
    )

    def clean(self) -> dict[str, object]:
        data = super().clean()
        if data.get("region") and not data.get("share_percent"):
            self.add_error("share_percent", _("Give this market's share of your exports."))
        return data


MainMarketFormSet = forms.formset_factory(MainMarketForm, extra=3, max_num=15, validate_max=True)


class CertificationForm(forms.ModelForm):
    upload = forms.FileField(
        label=_("Certificate file"), required=False, help_text=_("PDF or image, up to 10 MB.")
    )

    class Meta:
        model = Certification
        fields = ["name", "issuer", "number", "valid_from", "valid_until"]
        widgets = {
            "valid_from": forms.DateInput(attrs={"type": "date"}),
            "valid_until": forms.DateInput(attrs={"type": "date"}),
        }

    def clean_upload(self) -> object:
        upload = self.cleaned_data.get("upload")
        return clean_document(upload) if upload else None

    def clean(self) -> dict[str, object]:
        data = super().clean()
        start, end = data.get("valid_from"), data.get("valid_until")
        if start and end and end < start:
            self.add_error("valid_until", _("The certificate expires before it starts."))
        return data


class ContactForm(forms.ModelForm):
    class Meta:
        model = ContactPerson
        fields = ["name", "job_title", "email", "phone", "is_primary"]


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=ROLE_CHOICES)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=ROLE_CHOICES)


__all__ = ["Role"]
