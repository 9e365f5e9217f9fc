from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hansa.accounts.models import User
from hansa.api.models import ApiToken
from hansa.companies.models import Membership
from hansa.core.errors import BusinessError, NotFound

TOKEN_PREFIX = "hansa_"
MAX_ACTIVE_TOKENS = 20
# last_used_at is written at most this often, so that each API call is not also a write.
LAST_USED_RESOLUTION = timedelta(minutes=5)


def hash_key(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def api_token_create(
    *, membership: Membership, name: str, days: int | None = None
) -> tuple[ApiToken, str]:
    """Returns the token and its secret, which is shown once and never stored."""
    name = name.strip()
    if not name:
        raise BusinessError(
            _("Give the token a name, such as the program that will use it."), field="name"
        )
    if days is not None and not 1 <= days <= 730:
        raise BusinessError(_("A token lasts 1 to 730 days, or has no expiry."), field="days")
    active = ApiToken.objects.filter(user=membership.user, revoked_at__isnull=True).count()
    if active >= MAX_ACTIVE_TOKENS:
        raise BusinessError(_("You have %(n)d active tokens; revoke one first.") % {"n": active})
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=membership.user,
        company=membership.company,
        name=name[:80],
        prefix=raw[len(TOKEN_PREFIX) :][:8],
        key_hash=hash_key(raw),
        expires_at=timezone.now() + timedelta(days=days) if days else None,
    )
    return token, raw


@transaction.atomic
def api_token_revoke(*, user: User, token_id: int) -> ApiToken:
    token = ApiToken.objects.select_for_update().filter(pk=token_id, user=user).first()
    if token is None:
        raise NotFound()
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def api_token_authenticate(raw: str) -> tuple[ApiToken, Membership] | None:
    """The token and the caller's live membership, or None if any link in the chain is broken."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user", "company").filter(key_hash=hash_key(raw)).first()
    )
    if token is None or not token.is_usable or not token.user.is_active:
        return None
    membership = (
        Membership.objects.select_related("company", "user")
        .filter(user=token.user, company=token.company, is_active=True, company__is_active=True)
        .first()
    )
    if membership is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token, membership
