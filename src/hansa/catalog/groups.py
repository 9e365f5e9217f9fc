"""Showroom groups, including password-protected ones (patented or unreleased products).

A protected group's products are visible only to the supplier's own members and to buyers who
entered the current password; setting a new password revokes every earlier access at once.
Wrong guesses are throttled per buyer and group.
"""

from __future__ import annotations

from django.contrib.auth.hashers import check_password, make_password
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from hansa.accounts.models import User
from hansa.catalog.models import GroupAccess, ProductGroup
from hansa.companies.models import Company
from hansa.core.errors import BusinessError

MAX_GUESSES = 5
GUESS_WINDOW_SECONDS = 15 * 60
MIN_PASSWORD = 6


def _clean_password(password: str) -> str:
    password = (password or "").strip()
    if len(password) < MIN_PASSWORD:
        raise BusinessError(
            _("Use a password of at least %(n)d characters.") % {"n": MIN_PASSWORD},
            field="password",
        )
    return password


@transaction.atomic
def group_create(*, company: Company, name: str, password: str | None = None) -> ProductGroup:
    name = " ".join((name or "").split())
    if not name or len(name) > 80:
        raise BusinessError(_("Give the group a name of up to 80 characters."), field="name")
    base = slugify(name)[:80] or "group"
    slug, n = base, 1
    while ProductGroup.objects.filter(company=company, slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    position = ProductGroup.objects.filter(company=company).count()
    group = ProductGroup(company=company, name=name, slug=slug, position=position)
    if password:
        group.password_hash = make_password(_clean_password(password))
        group.password_set_at = timezone.now()
    group.save()
    return group


@transaction.atomic
def group_set_password(*, group: ProductGroup, password: str | None) -> ProductGroup:
    """A new password (or none, to make the group public) revokes every earlier access."""
    group = ProductGroup.objects.select_for_update().get(pk=group.pk)
    if password:
        group.password_hash = make_password(_clean_password(password))
        group.password_set_at = timezone.now()
    else:
        group.password_hash = ""
        group.password_set_at = None
    group.save(update_fields=["password_hash", "password_set_at"])
    GroupAccess.objects.filter(group=group).delete()
    return group


@transaction.atomic
def group_rename(*, group: ProductGroup, name: str) -> ProductGroup:
    name = " ".join((name or "").split())
    if not name or len(name) > 80:
        raise BusinessError(_("Give the group a name of up to 80 characters."), field="name")
    group.name = name
    group.save(update_fields=["name"])
    return group


@transaction.atomic
def group_delete(*, group: ProductGroup) -> None:
    group.products.update(group=None)
    group.delete()


def _guess_key(group: ProductGroup, user: User) -> str:
    return f"group-guess:{group.pk}:{user.pk}"


@transaction.atomic
def group_unlock(*, group: ProductGroup, user: User, password: str) -> GroupAccess:
    if not group.is_protected:
        raise BusinessError(_("This group is not protected."))
    key = _guess_key(group, user)
    guesses = cache.get(key, 0)
    if guesses >= MAX_GUESSES:
        raise BusinessError(
            _("Too many wrong passwords. Try again in 15 minutes or ask the supplier."),
            field="password",
        )
    if not check_password((password or "").strip(), group.password_hash):
        cache.set(key, guesses + 1, GUESS_WINDOW_SECONDS)
        raise BusinessError(_("That password is not right."), field="password")
    cache.delete(key)
    access, _created = GroupAccess.objects.update_or_create(
        group=group, user=user, defaults={"password_set_at": group.password_set_at}
    )
    return access


def has_access(
    group: ProductGroup | None, user: User | None, viewer_company_id: int | None = None
) -> bool:
    """May this viewer see products of ``group``?"""
    if group is None or not group.is_protected:
        return True
    if viewer_company_id is not None and viewer_company_id == group.company_id:
        return True
    if user is None or not user.is_authenticated:
        return False
    return GroupAccess.objects.filter(
        group=group, user=user, password_set_at=group.password_set_at
    ).exists()
