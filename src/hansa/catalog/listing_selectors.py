"""Reads on listings: what the public may see, what a member may manage, the review queue."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from hansa.accounts.models import User
from hansa.catalog.models import GroupAccess, Product
from hansa.catalog.models.listings import PUBLIC_STATUSES, REVIEW_STATUSES
from hansa.companies.models import Company, Membership
from hansa.companies.roles import Role
from hansa.core.errors import NotFound


def public_products() -> QuerySet[Product]:
    """Listings anyone may find: approved, online, not in a protected group, supplier active.

    Search, sitemaps and public lists use this and nothing else.
    """
    return Product.objects.filter(
        status__in=PUBLIC_STATUSES, published__isnull=False, company__is_active=True
    ).filter(Q(group__isnull=True) | Q(group__password_hash=""))


def is_public(product: Product) -> bool:
    """``public_products()``'s rule for a row already loaded (``select_related`` company, group).

    Search loads its hits by primary key and checks them here, so the lookup never depends on
    the database planner choosing the key over the status index.
    """
    return (
        product.status in PUBLIC_STATUSES
        and product.published is not None
        and product.company.is_active
        and (product.group_id is None or product.group.password_hash == "")
    )


def visible_products(user: User | None, membership: Membership | None) -> QuerySet[Product]:
    """Public listings plus protected ones this viewer unlocked or belongs to."""
    base = Product.objects.filter(
        status__in=PUBLIC_STATUSES, published__isnull=False, company__is_active=True
    )
    unlocked = Q(group__isnull=True) | Q(group__password_hash="")
    if membership is not None:
        unlocked |= Q(company_id=membership.company_id)
    if user is not None and user.is_authenticated:
        access = GroupAccess.objects.filter(
            group=OuterRef("group"), user=user, password_set_at=OuterRef("group__password_set_at")
        )
        base = base.annotate(_unlocked=Exists(access))
        unlocked |= Q(_unlocked=True)
    return base.filter(unlocked)


def showroom(
    company: Company, user: User | None, membership: Membership | None
) -> QuerySet[Product]:
    return (
        visible_products(user, membership)
        .filter(company=company)
        .select_related("group", "category")
    )


def manageable(membership: Membership) -> QuerySet[Product]:
    """The listings a member may edit: all of the company's for owner and admins, a rep's own."""
    qs = Product.objects.filter(company_id=membership.company_id).select_related(
        "category", "owner", "group"
    )
    if membership.role == Role.SALES_REP:
        qs = qs.filter(owner_id=membership.user_id)
    elif membership.role not in (Role.OWNER, Role.ADMIN):
        qs = qs.none()
    return qs


def access_listing(membership: Membership | None, product_id: int) -> Product:
    """A listing the caller may manage, else a uniform NotFound."""
    if membership is None:
        raise NotFound()
    product = manageable(membership).filter(pk=product_id).first()
    if product is None:
        raise NotFound()
    return product


def review_queue() -> QuerySet[Product]:
    return (
        Product.objects.filter(status__in=REVIEW_STATUSES)
        .select_related("company", "category")
        .prefetch_related("images")
        .order_by("submitted_at", "id")
    )
