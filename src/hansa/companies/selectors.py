"""Reads on companies: prefetched querysets for pages and the API."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import get_language

from hansa.companies.choices import CompanyKind, VerificationStatus
from hansa.companies.models import Company, CompanyName, Invitation, Membership


def company_for_public_page(slug: str) -> Company | None:
    return (
        Company.objects.filter(slug=slug, is_active=True)
        .select_related("nearest_port")
        .prefetch_related("names", "main_markets", "certifications", "contacts")
        .first()
    )


def localized_name(company: Company, language: str | None = None) -> tuple[str, str]:
    """The company's name and introduction in ``language``, falling back to the base text."""
    language = (language or get_language() or "en").lower()
    for entry in company.names.all():
        if entry.language.lower() == language:
            return entry.name, entry.description or company.description
    return company.name, company.description


def members_of(company: Company) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(company=company)
        .select_related("user")
        .order_by("-is_active", "role", "user__email")
    )


def open_invitations(company: Company) -> QuerySet[Invitation]:
    from django.utils import timezone

    return Invitation.objects.filter(
        company=company,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).select_related("invited_by")


def verified_suppliers() -> QuerySet[Company]:
    return Company.objects.filter(
        is_active=True,
        kind__in=[CompanyKind.SUPPLIER, CompanyKind.BOTH],
        verification_status=VerificationStatus.VERIFIED,
    )


def supplier_directory(
    *, country: str | None = None, query: str | None = None
) -> QuerySet[Company]:
    qs = Company.objects.filter(is_active=True, kind__in=[CompanyKind.SUPPLIER, CompanyKind.BOTH])
    if country:
        qs = qs.filter(country=country)
    if query:
        qs = qs.filter(Q(name__icontains=query) | Q(names__name__icontains=query)).distinct()
    return qs.prefetch_related(Prefetch("names", queryset=CompanyName.objects.all())).order_by(
        "-star_rating", "name"
    )


def home_page_context() -> dict[str, object]:
    stats = Company.objects.filter(is_active=True).aggregate(
        suppliers=Count("id", filter=Q(kind__in=[CompanyKind.SUPPLIER, CompanyKind.BOTH])),
        buyers=Count("id", filter=Q(kind__in=[CompanyKind.BUYER, CompanyKind.BOTH])),
        verified=Count("id", filter=Q(verification_status=VerificationStatus.VERIFIED)),
    )
    stats["countries"] = Company.objects.filter(is_active=True).values("country").distinct().count()
    featured = list(
        verified_suppliers().order_by("-star_rating", "name").prefetch_related("names")[:8]
    )
    return {"stats": stats, "featured": featured}
