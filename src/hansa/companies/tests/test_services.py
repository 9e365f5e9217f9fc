from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from hansa.companies import services
from hansa.companies.models import Company, Invitation, Membership
from hansa.companies.roles import Role
from hansa.companies.tests.factories import BuyerCompanyFactory, MembershipFactory, UserFactory
from hansa.core.errors import BusinessError

pytestmark = pytest.mark.django_db


def test_company_create_makes_the_user_its_owner_with_a_readable_unique_slug():
    first = services.company_create(
        user=UserFactory(), name="Ningbo Hengda Tools Co., Ltd.", kind="supplier", country="CN"
    )
    second = services.company_create(
        user=UserFactory(), name="Ningbo Hengda Tools Co., Ltd.", kind="supplier", country="CN"
    )
    assert first.slug == "ningbo-hengda-tools-co-ltd"
    assert second.slug == "ningbo-hengda-tools-co-ltd-2"
    assert Membership.objects.get(company=first).role == Role.OWNER


def test_a_user_acts_for_one_company_only(owner):
    with pytest.raises(BusinessError, match="already act"):
        services.company_create(user=owner, name="Second", kind="buyer", country="DE")
    assert Company.objects.count() == 1


@pytest.mark.parametrize("kind", ["", "seller", "SUPPLIER"])
def test_company_create_refuses_unknown_kind_and_writes_nothing(kind):
    user = UserFactory()
    with pytest.raises(BusinessError) as exc:
        services.company_create(user=user, name="X", kind=kind, country="CN")
    assert exc.value.field == "kind"
    assert not Company.objects.exists() and not Membership.objects.exists()


def test_company_create_refuses_unknown_business_type():
    with pytest.raises(BusinessError) as exc:
        services.company_create(
            user=UserFactory(),
            name="X",
            kind="supplier",
            country="CN",
            business_types=["manufacturer", "pirate"],
        )
    assert exc.value.field == "business_types"
    assert not Company.objects.exists()


def test_main_market_shares_cannot_exceed_100_percent_and_old_rows_survive(supplier):
    services.company_set_main_markets(
        company=supplier, markets=[("north_america", 40), ("western_europe", 35)]
    )
    with pytest.raises(BusinessError, match="more than 100"):
        services.company_set_main_markets(
            company=supplier, markets=[("north_america", 60), ("western_europe", 50)]
        )
    assert sorted(supplier.main_markets.values_list("region", "share_percent")) == [
        ("north_america", 40),
        ("western_europe", 35),
    ]


def test_main_market_listed_twice_is_refused(supplier):
    with pytest.raises(BusinessError, match="only once"):
        services.company_set_main_markets(
            company=supplier, markets=[("africa", 10), ("africa", 20)]
        )


def test_names_in_other_languages_replace_the_previous_set(supplier):
    services.company_set_names(
        company=supplier, names=[("zh-hans", "宁波恒达", "简介"), ("de", "Hengda", "")]
    )
    services.company_set_names(company=supplier, names=[("zh-hans", "宁波恒达五金", "")])
    assert list(supplier.names.values_list("language", "name")) == [("zh-hans", "宁波恒达五金")]


def test_certificate_that_expires_before_it_starts_is_refused(supplier):
    today = timezone.localdate()
    with pytest.raises(BusinessError):
        services.certification_add(
            company=supplier,
            name="ISO 9001",
            issuer="SGS",
            valid_from=today,
            valid_until=today - timedelta(days=1),
        )
    assert not supplier.certifications.exists()


def test_invitation_is_mailed_with_a_link_and_only_its_hash_is_stored(
    supplier, owner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation, raw = services.invitation_create(
            company=supplier, by=owner, email="Rep@Example.com", role=Role.SALES_REP
        )
    assert invitation.email == "rep@example.com"
    assert raw not in invitation.token_hash and len(invitation.token_hash) == 64
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["rep@example.com"]
    assert f"/invitations/{raw}/" in mail.outbox[0].body


def test_accepting_an_invitation_makes_a_member_once(supplier, owner):
    _inv, raw = services.invitation_create(
        company=supplier, by=owner, email="rep@example.com", role=Role.SALES_REP
    )
    rep = UserFactory(email="rep@example.com")
    membership = services.invitation_accept(raw_token=raw, user=rep)
    assert (membership.company, membership.role) == (supplier, Role.SALES_REP)
    with pytest.raises(BusinessError, match="no longer valid"):
        services.invitation_accept(raw_token=raw, user=rep)
    assert Membership.objects.filter(user=rep).count() == 1


def test_invitation_for_another_address_is_refused(supplier, owner):
    _inv, raw = services.invitation_create(
        company=supplier, by=owner, email="rep@example.com", role=Role.ADMIN
    )
    with pytest.raises(BusinessError, match=r"rep@example\.com"):
        services.invitation_accept(raw_token=raw, user=UserFactory(email="intruder@example.com"))
    assert not Membership.objects.filter(user__email="intruder@example.com").exists()


def test_expired_and_revoked_invitations_cannot_be_used(supplier, owner):
    inv, raw = services.invitation_create(
        company=supplier, by=owner, email="a@example.com", role=Role.ADMIN
    )
    Invitation.objects.filter(pk=inv.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(BusinessError):
        services.invitation_accept(raw_token=raw, user=UserFactory(email="a@example.com"))
    inv2, raw2 = services.invitation_create(
        company=supplier, by=owner, email="b@example.com", role=Role.ADMIN
    )
    services.invitation_revoke(invitation=inv2, by=owner)
    with pytest.raises(BusinessError):
        services.invitation_accept(raw_token=raw2, user=UserFactory(email="b@example.com"))


def test_a_new_invitation_replaces_the_open_one_for_the_same_address(supplier, owner):
    first, _raw = services.invitation_create(
        company=supplier, by=owner, email="a@example.com", role=Role.ADMIN
    )
    services.invitation_create(
        company=supplier, by=owner, email="a@example.com", role=Role.SALES_REP
    )
    first.refresh_from_db()
    assert first.revoked_at is not None


@pytest.mark.parametrize("role", [Role.OWNER, "boss", ""])
def test_ownership_and_unknown_roles_cannot_be_handed_out(supplier, owner, role):
    with pytest.raises(BusinessError) as exc:
        services.invitation_create(company=supplier, by=owner, email="x@example.com", role=role)
    assert exc.value.field == "role"
    assert not Invitation.objects.exists()


def test_buyer_companies_have_no_sales_reps(db):
    buyer = BuyerCompanyFactory()
    owner = MembershipFactory(company=buyer).user
    with pytest.raises(BusinessError, match="sales"):
        services.invitation_create(
            company=buyer, by=owner, email="x@example.com", role=Role.SALES_REP
        )


def test_members_of_another_company_cannot_be_invited(supplier, owner, other_owner):
    with pytest.raises(BusinessError, match="another company"):
        services.invitation_create(
            company=supplier, by=owner, email=other_owner.email, role=Role.ADMIN
        )


def test_owner_changes_roles_but_never_the_owners(supplier, owner, sales_rep):
    rep = Membership.objects.get(user=sales_rep)
    assert services.membership_change_role(member=rep, by=owner, role=Role.ADMIN).role == Role.ADMIN
    with pytest.raises(BusinessError):
        services.membership_change_role(
            member=Membership.objects.get(user=owner), by=owner, role=Role.ADMIN
        )


def test_deactivation_is_immediate_and_reversible(supplier, owner, sales_rep):
    from hansa.companies.access import active_membership

    rep = Membership.objects.get(user=sales_rep)
    assert active_membership(sales_rep) is not None
    services.membership_deactivate(member=rep, by=owner)
    assert active_membership(sales_rep) is None
    rep.refresh_from_db()
    assert rep.deactivated_by == owner and rep.deactivated_at is not None
    services.membership_reactivate(member=rep, by=owner)
    assert active_membership(sales_rep) is not None


def test_owner_cannot_be_deactivated(supplier, owner):
    with pytest.raises(BusinessError):
        services.membership_deactivate(member=Membership.objects.get(user=owner), by=owner)
    assert Membership.objects.get(user=owner).is_active


def test_profile_completeness_counts_what_buyers_expect(supplier):
    from hansa.companies.profile import profile_completeness

    before = profile_completeness(supplier).percent
    services.company_update(
        company=supplier, by=None, description="x" * 120, year_established=2008, employees="51-100"
    )
    after = profile_completeness(supplier).percent
    assert 0 <= before < after < 100
    assert "description" not in {c.key for c in profile_completeness(supplier).missing}
