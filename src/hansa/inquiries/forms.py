"""Forms of the inquiry pages: they shape the input; the rules live in ``services``."""

from __future__ import annotations

import uuid

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from hansa.core.attachments import MAX_PER_MESSAGE
from hansa.inquiries.models import BODY_MAX, REASON_MAX, SUBJECT_MAX, BlockKind
from hansa.trade.currencies import CURRENCY_CHOICES
from hansa.trade.incoterms import INCOTERM_CHOICES
from hansa.trade.units import UNIT_CHOICES

ATTACH_HELP = format_lazy(
    _("Up to {n} files: PDF, images, Word, Excel, PowerPoint, text or CSV."), n=MAX_PER_MESSAGE
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files; each is checked by content in the service (``clean_attachments``)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def clean(self, data: object, initial: object = None) -> list:
        if not data:
            return []
        return list(data) if isinstance(data, list | tuple) else [data]


class InquiryForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=SUBJECT_MAX)
    body = forms.CharField(
        label=_("Message"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text=_(
            "Say what you need: specifications, packaging, certificates, delivery date. "
            "Plain text only."
        ),
    )
    quantity = forms.DecimalField(
        label=_("Quantity"), required=False, min_value=0, max_digits=15, decimal_places=3
    )
    unit = forms.ChoiceField(label=_("Unit"), choices=UNIT_CHOICES, required=False, initial="H87")
    target_price = forms.DecimalField(
        label=_("Target unit price"), required=False, min_value=0, max_digits=19, decimal_places=4
    )
    currency = forms.ChoiceField(
        label=_("Currency"), choices=CURRENCY_CHOICES, required=False, initial="USD"
    )
    destination_country = forms.ChoiceField(
        label=_("Destination country"), required=False, choices=[]
    )
    incoterm = forms.ChoiceField(
        label=_("Incoterm wanted"),
        required=False,
        choices=[("", _("No preference")), *list(INCOTERM_CHOICES)],
    )
    allow_redistribution = forms.BooleanField(
        label=_(
            "If a supplier does not reply within 24 hours, offer my inquiry to similar suppliers"
        ),
        required=False,
        initial=True,
    )
    attachments = MultipleFileField(label=_("Attachments"), help_text=ATTACH_HELP)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["destination_country"].choices = [("", _("Choose a country")), *list(countries)]


def new_client_id() -> str:
    return uuid.uuid4().hex


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"), max_length=BODY_MAX, widget=forms.Textarea(attrs={"rows": 5})
    )
    attachments = MultipleFileField(label=_("Attachments"), help_text=ATTACH_HELP)
    # A fresh id per rendered form: submitting it twice stores the message once.
    client_id = forms.CharField(
        max_length=64, required=False, widget=forms.HiddenInput, initial=new_client_id
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=REASON_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )


class BlockForm(forms.Form):
    kind = forms.ChoiceField(label=_("Block"), choices=BlockKind.choices)
    value = forms.CharField(
        label=_("Who"),
        max_length=255,
        help_text=_(
            "An e-mail address, a domain such as example.com, or a country code such as US."
        ),
    )
    note = forms.CharField(label=_("Note (only your team sees it)"), max_length=200, required=False)
