"""Writes on companies, members and invitations. Each function is atomic and checks its rules."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from hansa.accounts.models import User
from hansa.companies.choices import BusinessType, CompanyKind
from hansa.companies.models import (
    Certification,
    Company,
    CompanyName,
    ContactPerson,
    Invitation,
    MainMarket,
    Membership,
)
from hansa.companies.roles import ASSIGNABLE_ROLES, Role
from hansa.core.errors import BusinessError
from hansa.core.uploads import CleanFile

INVITATION_VALID_FOR = timedelta(days=14)

PROFILE_FIELDS = {
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
    "business_types",
    "main_products",
    "export_revenue",
    "factory_area_m2",
    "production_lines",
    "rnd_staff",
    "qc_staff",
    "qc_process",
    "nearest_port",
    "lead_time_days",
    "languages_spoken",
    "kind",
    "logo",
}


def unique_company_slug(name: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(name)[:70] or "company"
    candidate, n = base, 1
    while Company.objects.filter(slug=candidate).exclude(pk=exclude_pk).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _check_business_types(values: Iterable[str]) -> list[str]:
    allowed = set(BusinessType.values)
    cleaned = list(dict.fromkeys(values))
    unknown = [v for v in cleaned if v not in allowed]
    if unknown:
        raise BusinessError(
            _("Unknown business type: %(v)s") % {"v": ", ".join(unknown)}, field="business_types"
        )
    return cleaned


@transaction.atomic
def company_create(*, user: User, name: str, kind: str, country: str, **profile: Any) -> Company:
    """Creates a company with ``user`` as its owner (main account)."""
    if Membership.objects.filter(user=user).exists():
        raise BusinessError(_("You already act for a company."))
    name = name.strip()
    if not name:
        raise BusinessError(_("Enter the company name."), field="name")
    if kind not in CompanyKind.values:
        raise BusinessError(_("Choose supplier, buyer or both."), field="kind")
    if "business_types" in profile:
        profile["business_types"] = _check_business_types(profile["business_types"])
    unknown = set(profile) - PROFILE_FIELDS
    if unknown:
        raise BusinessError(f"Unknown profile fields: {sorted(unknown)}")
    company = Company.objects.create(
        slug=unique_company_slug(name), name=name, kind=kind, country=country, **profile
    )
    Membership.objects.create(user=user, company=company, role=Role.OWNER)
    return company


@transaction.atomic
def company_update(*, company: Company, by: User, **fields: Any) -> Company:
    unknown = set(fields) - PROFILE_FIELDS
    if unknown:
        raise BusinessError(f"Unknown profile fields: {sorted(unknown)}")
    if "business_types" in fields:
        fields["business_types"] = _check_business_types(fields["business_types"])
    if "name" in fields and not str(fields["name"]).strip():
        raise BusinessError(_("Enter the company name."), field="name")
    for key, value in fields.items():
        setattr(company, key, value)
    company.full_clean(exclude=["slug", "logo"])
    company.save()
    return company


@transaction.atomic
def company_set_names(*, company: Company, names: Iterable[tuple[str, str, str]]) -> None:
    """Replaces the names in other languages with ``(language, name, description)`` rows."""
    rows = [(lang, n.strip(), d.strip()) for lang, n, d in names if n and n.strip()]
    langs = [r[0] for r in rows]
    if len(langs) != len(set(langs)):
        raise BusinessError(_("Give each language only once."), field="names")
    company.names.all().delete()
    CompanyName.objects.bulk_create(
        CompanyName(company=company, language=lang, name=n, description=d) for lang, n, d in rows
    )


@transaction.atomic
def company_set_main_markets(*, company: Company, markets: Iterable[tuple[str, int]]) -> None:
    rows = [(region, int(share)) for region, share in markets if region]
    regions = [r for r, _s in rows]
    if len(regions) != len(set(regions)):
        raise BusinessError(_("List each market only once."), field="main_markets")
    if any(share < 1 or share > 100 for _r, share in rows):
        raise BusinessError(
            _("Each market's share is between 1 and 100 percent."), field="main_markets"
        )
    if sum(share for _r, share in rows) > 100:
        raise BusinessError(
            _("Market shares add up to more than 100 percent."), field="main_markets"
        )
    company.main_markets.all().delete()
    MainMarket.objects.bulk_create(
        MainMarket(company=company, region=r, share_percent=s) for r, s in rows
    )


@transaction.atomic
def company_set_logo(*, company: Company, clean: CleanFile) -> Company:
    """Stores an already checked and re-encoded image (see core.uploads) as the logo."""
    old = company.logo.name if company.logo else None
    company.logo.save(f"{company.slug}.{clean.extension}", clean.content, save=False)
    company.save(update_fields=["logo", "updated_at"])
    if old and old != company.logo.name:
        transaction.on_commit(lambda: company.logo.storage.delete(old))
    return company


@transaction.atomic
def certification_add(
    *, company: Company, upload: CleanFile | None = None, **fields: Any
) -> Certification:
    cert = Certification(company=company, **fields)
    if cert.valid_from and cert.valid_until and cert.valid_until < cert.valid_from:
        raise BusinessError(_("The certificate expires before it starts."), field="valid_until")
    cert.full_clean()
    if upload is not None:
        cert.file.save(
            f"{slugify(cert.name) or 'certificate'}.{upload.extension}", upload.content, save=False
        )
    cert.save()
    return cert


@transaction.atomic
def certification_remove(*, company: Company, certification_id: int) -> None:
    deleted, _rows = Certification.objects.filter(company=company, pk=certification_id).delete()
    if not deleted:
        from hansa.core.errors import NotFound

        raise NotFound()


@transaction.atomic
def contact_add(*, company: Company, **fields: Any) -> ContactPerson:
    contact = ContactPerson(company=company, **fields)
    contact.full_clean()
    if contact.is_primary:
        company.contacts.update(is_primary=False)
    contact.save()
    return contact


@transaction.atomic
def contact_remove(*, company: Company, contact_id: int) -> None:
    deleted, _rows = ContactPerson.objects.filter(company=company, pk=contact_id).delete()
    if not deleted:
        from hansa.core.errors import NotFound

        raise NotFound()


# --- Members -------------------------------------------------------------------------------


def _hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def invitation_create(
    *, company: Company, by: User, email: str, role: str
) -> tuple[Invitation, str]:
    """Invites ``email`` to ``company``; returns the invitation and the link's one-time secret."""
    email = email.strip().lower()
    if role not in ASSIGNABLE_ROLES:
        raise BusinessError(
            _("Choose administrator, sales representative or buyer staff."), field="role"
        )
    if role == Role.SALES_REP and not company.is_supplier:
        raise BusinessError(_("Only supplier companies have sales representatives."), field="role")
    if role == Role.BUYER_STAFF and not company.is_buyer:
        raise BusinessError(_("Only buyer companies have buyer staff."), field="role")
    with transaction.atomic():
        if Membership.objects.filter(user__email__iexact=email, company=company).exists():
            raise BusinessError(
                _("%(email)s is already a member.") % {"email": email}, field="email"
            )
        if Membership.objects.filter(user__email__iexact=email).exists():
            raise BusinessError(
                _("%(email)s already acts for another company.") % {"email": email}, field="email"
            )
        now = timezone.now()
        # A new invitation replaces any open one for the same address.
        Invitation.objects.filter(
            company=company, email=email, accepted_at__isnull=True, revoked_at__isnull=True
        ).update(revoked_at=now)
        raw = secrets.token_urlsafe(32)
        invitation = Invitation.objects.create(
            company=company,
            email=email,
            role=role,
            token_hash=_hash_token(raw),
            invited_by=by,
            expires_at=now + INVITATION_VALID_FOR,
        )
        transaction.on_commit(lambda: _send_invitation(invitation, raw))
    return invitation, raw


def _send_invitation(invitation: Invitation, raw: str) -> None:
    base = getattr(settings, "HANSA_PUBLIC_URL", "http://127.0.0.1:8000")
    context = {
        "invitation": invitation,
        "url": base + reverse("companies:invitation_accept", args=[raw]),
        "site_name": settings.SITE_NAME,
    }
    send_mail(
        subject=_("%(user)s invites you to %(company)s on %(site)s")
        % {
            "user": invitation.invited_by.display_name,
            "company": invitation.company.name,
            "site": settings.SITE_NAME,
        },
        message=render_to_string("companies/email/invitation.txt", context),
        from_email=None,
        recipient_list=[invitation.email],
    )


def invitation_find(raw: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("company", "invited_by")
        .filter(token_hash=_hash_token(raw))
        .first()
    )


@transaction.atomic
def invitation_accept(*, raw_token: str, user: User) -> Membership:
    invitation = (
        Invitation.objects.select_for_update()
        .select_related("company")
        .filter(token_hash=_hash_token(raw_token))
        .first()
    )
    if invitation is None or not invitation.is_open:
        raise BusinessError(_("This invitation is no longer valid. Ask for a new one."))
    if invitation.email.lower() != user.email.lower():
        raise BusinessError(
            _("This invitation is for %(email)s. Sign in with that address to accept it.")
            % {"email": invitation.email}
        )
    if Membership.objects.filter(user=user).exists():
        raise BusinessError(_("You already act for a company."))
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                user=user, company=invitation.company, role=invitation.role
            )
    except IntegrityError:
        raise BusinessError(_("You already act for a company.")) from None
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, by: User) -> None:
    if invitation.accepted_at is not None:
        raise BusinessError(_("This invitation was already accepted."))
    if invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])


def _lock_member(member: Membership) -> Membership:
    return Membership.objects.select_for_update().get(pk=member.pk)


@transaction.atomic
def membership_change_role(*, member: Membership, by: User, role: str) -> Membership:
    member = _lock_member(member)
    if member.role == Role.OWNER:
        raise BusinessError(_("The owner's role cannot be changed."), field="role")
    if role not in ASSIGNABLE_ROLES:
        raise BusinessError(
            _("Choose administrator, sales representative or buyer staff."), field="role"
        )
    if member.role != role:
        member.role = role
        member.save(update_fields=["role"])
    return member


@transaction.atomic
def membership_deactivate(*, member: Membership, by: User) -> Membership:
    member = _lock_member(member)
    if member.role == Role.OWNER:
        raise BusinessError(_("The owner cannot be deactivated."))
    if member.is_active:
        member.is_active = False
        member.deactivated_at = timezone.now()
        member.deactivated_by = by
        member.save(update_fields=["is_active", "deactivated_at", "deactivated_by"])
        # Personal API tokens stop at once too.
        from hansa.api.models import ApiToken

        ApiToken.objects.filter(
            user=member.user, company=member.company, revoked_at__isnull=True
        ).update(revoked_at=timezone.now())
    return member


@transaction.atomic
def membership_reactivate(*, member: Membership, by: User) -> Membership:
    member = _lock_member(member)
    if not member.is_active:
        member.is_active = True
        member.deactivated_at = None
        member.deactivated_by = None
        member.save(update_fields=["is_active", "deactivated_at", "deactivated_by"])
    return member
