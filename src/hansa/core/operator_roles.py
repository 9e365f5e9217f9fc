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
    "Reference data editors": [
        "trade.view_port",
        "trade.add_port",
        "trade.change_port",
    ],
}


def sync_operator_groups(*, app_config: Any = None, **kwargs: Any) -> None:
    """Runs after the verification app migrates: by then every permission named above exists."""
    from django.contrib.auth.models import Group, Permission

    if app_config is not None and app_config.label != "verification":
        return

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
