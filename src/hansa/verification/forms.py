from django import forms
from django.utils.translation import gettext_lazy as _

from hansa.verification.models import DocumentKind


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Document"), choices=DocumentKind.choices)
    file = forms.FileField(
        label=_("File"), help_text=_("PDF or image (JPEG, PNG, WebP), up to 10 MB.")
    )


class SubmitForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the reviewer"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ApproveForm(forms.Form):
    stars = forms.TypedChoiceField(
        label=_("Star grade"), coerce=int, choices=[(i, "★" * i) for i in range(1, 7)]
    )
    evidence = forms.CharField(
        label=_("Evidence for the grade"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What you checked: licence, audit, export records, site visit."),
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (shown to the supplier)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
