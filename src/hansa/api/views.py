"""The API tokens page in the workspace."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from hansa.api.models import ApiToken
from hansa.api.services import api_token_create, api_token_revoke
from hansa.companies.roles import Perm
from hansa.core.errors import BusinessError
from hansa.core.http import add_form_error, member_required


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=80,
        help_text=gettext_lazy("What will use it, e.g. “ERP sync”."),
    )
    days = forms.TypedChoiceField(
        label=gettext_lazy("Expires"),
        coerce=int,
        empty_value=None,
        required=False,
        choices=[("", gettext_lazy("Never")), (30, "30"), (90, "90"), (365, "365")],
    )


@member_required(Perm.MANAGE_API_TOKENS)
def tokens(request: HttpRequest) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    form = TokenForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, secret = api_token_create(membership=membership, **form.cleaned_data)
        except BusinessError as exc:
            add_form_error(form, exc.field, exc.message)
        else:
            form = TokenForm()
    return render(
        request,
        "api/tokens.html",
        {
            "form": form,
            "secret": secret,
            "tokens": ApiToken.objects.filter(user=request.user),
        },
    )


@require_POST
@member_required(Perm.MANAGE_API_TOKENS)
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    api_token_revoke(user=request.user, token_id=pk)
    messages.success(request, _("Token revoked."))
    return redirect("api_tokens")
