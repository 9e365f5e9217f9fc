"""Operator staff roles as Django groups, kept in step with this table after every migrate.

Django admin then shows each role only what its permissions allow.
"""

from __future__ import annotations

from typing import Any

OPERATOR_GROUPS: dict[str, list[str]] = {
    "Verification reviewers": [
        "verification.review_verification",
        "verification.view_verificationapplication",
        "verification.view_verificationdocument",
        "verification.view_verificationdecision",
        "companies.view_company",
        "companies.view_membership",
    ],
    "Support": [
        "accounts.view_user",
        "accounts.change_user",
        "companies.view_company",
        "companies.change_company",
        "companies.view_membership",
        "companies.change_membership",
        "companies.view_invitation",
        "verification.view_verificationdecision",
    ],
    "Listing reviewers": [
        "catalog.review_listing",
        "catalog.view_product",
        "catalog.view_reviewevent",
        "catalog.view_prohibitedterm",
        "catalog.add_prohibitedterm",
        "catalog.change_prohibitedterm",
        "companies.view_company",
        "inquiries.review_spam",
        "inquiries.view_spamreport",
        "inquiries.view_inquiry",
    ],
    "Reference data editors": [
        "catalog.view_category",
        "catalog.add_category",
        "catalog.change_category",
        "catalog.view_attributedefinition",
        "catalog.add_attributedefinition",
        "catalog.change_attributedefinition",
        "catalog.delete_attributedefinition",
        "trade.view_port",
        "trade.add_port",
        "trade.change_port",
    ],
}


def sync_operator_groups(*, app_config: Any = None, **kwargs: Any) -> None:
    """Runs after each app migrates (idempotent and cheap), so permissions of apps that migrate
    later are picked up as soon as they exist."""
    from django.contrib.auth.models import Group, Permission

    for name, codes in OPERATOR_GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        perms = []
        for code in codes:
            app_label, codename = code.split(".")
            perm = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if perm is not None:
                perms.append(perm)
        group.permissions.set(perms)
