"""``{% chat_unread %}`` for the sidebar counter; ``chat_reps`` for the company page's picker."""

from __future__ import annotations

from django import template
from django.http import HttpRequest

from hansa.companies.models import Company
from hansa.messenger import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def chat_unread(context: template.Context) -> int:
    request: HttpRequest | None = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    return selectors.unread_total(user)


@register.simple_tag
def chat_reps(company: Company) -> list[selectors.RepPresence]:
    return selectors.company_reps(company)
