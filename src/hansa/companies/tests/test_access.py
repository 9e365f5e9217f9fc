"""Who may see and change what: every workspace page and action, for every kind of caller.

Another company's member, a sales rep and an anonymous visitor get a uniform not-found,
forbidden or sign-in answer, and nothing changes.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from hansa.companies import services
from hansa.companies.models import Certification, ContactPerson, Invitation, Membership
from hansa.companies.roles import Role
from hansa.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(supplier, owner, sales_rep, other_owner):
    cert = services.certification_add(company=supplier, name="ISO 9001", issuer="SGS")
    contact = services.contact_add(company=supplier, name="Lily Wang", email="lily@example.com")
    invitation, _raw = services.invitation_create(
        company=supplier, by=owner, email="new@example.com", role=Role.ADMIN
    )
    rep = Membership.objects.get(user=sales_rep)
    return {"cert": cert, "contact": contact, "invitation": invitation, "rep": rep}


def snapshot(supplier):
    supplier.refresh_from_db()
    return (
        supplier.name,
        supplier.description,
        sorted(Certification.objects.filter(company=supplier).values_list("pk", flat=True)),
        sorted(ContactPerson.objects.filter(company=supplier).values_list("pk", flat=True)),
        sorted(Membership.objects.filter(company=supplier).values_list("pk", "role", "is_active")),
        sorted(Invitation.objects.filter(company=supplier).values_list("pk", "revoked_at")),
    )


def object_actions(world):
    """POST actions on objects of ``supplier`` (the victim company)."""
    return [
        ("companies:certification_delete", [world["cert"].pk], {}),
        ("companies:contact_delete", [world["contact"].pk], {}),
        ("companies:member_update", [world["rep"].pk], {"action": "deactivate"}),
        ("companies:member_update", [world["rep"].pk], {"action": "role", "role": "admin"}),
        ("companies:invitation_revoke", [world["invitation"].pk], {}),
    ]


def test_anonymous_visitors_are_sent_to_sign_in_and_change_nothing(world, supplier):
    before = snapshot(supplier)
    client = client_for(None)
    for name in [
        "workspace",
        "companies:profile",
        "companies:names",
        "companies:markets",
        "companies:certifications",
        "companies:contacts",
        "companies:members",
        "verification:status",
        "api_tokens",
    ]:
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], name
    for name, args, data in object_actions(world):
        response = client.post(reverse(name, args=args), data)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], name
    client.post(reverse("companies:profile"), {"name": "Hacked"})
    assert snapshot(supplier) == before


def test_another_companys_owner_gets_not_found_on_our_objects(world, supplier, other_owner):
    before = snapshot(supplier)
    client = client_for(other_owner)
    for name, args, data in object_actions(world):
        assert client.post(reverse(name, args=args), data).status_code == 404, name
    assert snapshot(supplier) == before


def test_another_companys_owner_edits_only_their_own_profile(
    world, supplier, other_owner, other_company
):
    before = snapshot(supplier)
    response = client_for(other_owner).post(
        reverse("companies:profile"), {"name": "Renamed Other", "country": "CN"}
    )
    assert response.status_code == 302
    other_company.refresh_from_db()
    assert other_company.name == "Renamed Other"
    assert snapshot(supplier) == before


@pytest.mark.parametrize(
    "name",
    [
        "companies:profile",
        "companies:names",
        "companies:markets",
        "companies:certifications",
        "companies:contacts",
    ],
)
def test_sales_reps_cannot_edit_the_profile(world, supplier, sales_rep, name):
    before = snapshot(supplier)
    client = client_for(sales_rep)
    assert client.get(reverse(name)).status_code == 403
    assert (
        client.post(reverse(name), {"name": "Rep renamed it", "country": "CN"}).status_code == 403
    )
    assert snapshot(supplier) == before


def test_sales_reps_see_the_team_but_cannot_manage_it(world, supplier, sales_rep):
    before = snapshot(supplier)
    client = client_for(sales_rep)
    page = client.get(reverse("companies:members"))
    assert page.status_code == 200 and b"Send invitation" not in page.content
    assert (
        client.post(
            reverse("companies:members"), {"email": "x@example.com", "role": "admin"}
        ).status_code
        == 404
    )
    for name, args, data in object_actions(world)[2:]:
        assert client.post(reverse(name, args=args), data).status_code == 403, name
    assert snapshot(supplier) == before


def test_admins_edit_the_profile_but_not_the_team(world, supplier, admin_member):
    client = client_for(admin_member)
    assert client.get(reverse("companies:profile")).status_code == 200
    assert (
        client.post(
            reverse("companies:member_update", args=[world["rep"].pk]), {"action": "deactivate"}
        ).status_code
        == 403
    )
    assert Membership.objects.get(pk=world["rep"].pk).is_active


def test_a_deactivated_member_loses_access_on_the_next_request(world, supplier, owner, sales_rep):
    client = client_for(sales_rep)
    assert client.get(reverse("companies:members")).status_code == 200
    response = client_for(owner).post(
        reverse("companies:member_update", args=[world["rep"].pk]), {"action": "deactivate"}
    )
    assert response.status_code == 302
    assert client.get(reverse("companies:members")).status_code == 403
    assert client.get(reverse("verification:status")).status_code == 403
    page = client.get(reverse("workspace"))
    assert b"access to" in page.content and supplier.name.encode() in page.content


def test_the_owner_manages_the_team_through_the_pages(world, supplier, owner):
    client = client_for(owner)
    response = client.post(
        reverse("companies:member_update", args=[world["rep"].pk]),
        {"action": "role", "role": "admin"},
    )
    assert response.status_code == 302
    assert Membership.objects.get(pk=world["rep"].pk).role == Role.ADMIN
    response = client.post(reverse("companies:members"), {"email": "not-an-email", "role": "admin"})
    assert response.status_code == 200 and b"Enter a valid email address" in response.content
    assert not Invitation.objects.filter(email="not-an-email").exists()


def test_public_company_page_is_open_and_hides_inactive_companies(supplier):
    client = client_for(None)
    assert client.get(supplier.get_absolute_url()).status_code == 200
    supplier.is_active = False
    supplier.save()
    assert client.get(supplier.get_absolute_url()).status_code == 404


def test_htmx_member_actions_answer_with_the_updated_row(world, owner):
    client = client_for(owner)
    url = reverse("companies:member_update", args=[world["rep"].pk])
    response = client.post(url, {"action": "deactivate"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200 and html.startswith("<tr") and "Reactivate" in html
    assert "can no longer act" in html
    response = client.post(url, {"action": "role", "role": "owner"}, HTTP_HX_REQUEST="true")
    assert 'class="error"' in response.content.decode()
    assert Membership.objects.get(pk=world["rep"].pk).role == Role.SALES_REP


def test_province_list_follows_the_country(owner, supplier):
    client = client_for(owner)
    options = client.get(reverse("companies:subdivisions"), {"country": "CN"}).content.decode()
    assert 'value="CN-ZJ"' in options and 'value="US-CA"' not in options
    response = client.post(
        reverse("companies:profile"),
        {"name": supplier.name, "country": "CN", "subdivision": "US-CA"},
    )
    assert response.status_code == 200 and b"US-CA" in response.content
    response = client.post(
        reverse("companies:profile"),
        {"name": supplier.name, "country": "CN", "subdivision": "CN-ZJ"},
    )
    assert response.status_code == 302
    supplier.refresh_from_db()
    assert supplier.subdivision == "CN-ZJ"


def test_a_fake_logo_is_refused_and_nothing_is_saved(owner, supplier):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", content_type="image/png")
    response = client_for(owner).post(
        reverse("companies:profile"), {"name": "Renamed", "country": "CN", "logo_upload": fake}
    )
    assert response.status_code == 200 and b"not a valid image" in response.content
    supplier.refresh_from_db()
    assert supplier.name != "Renamed" and not supplier.logo


def test_a_real_logo_is_stored_reencoded_and_served_as_an_image(owner, supplier):
    from hansa.core.tests import files

    response = client_for(owner).post(
        reverse("companies:profile"),
        {"name": supplier.name, "country": "CN", "logo_upload": files.png(900, 900)},
    )
    assert response.status_code == 302
    supplier.refresh_from_db()
    served = client_for(None).get(supplier.logo.url)
    assert served.status_code == 200 and served["Content-Type"] == "image/png"
    assert served["X-Content-Type-Options"] == "nosniff"


def test_other_users_cannot_revoke_my_api_tokens(owner, other_owner):
    from hansa.api.models import ApiToken
    from hansa.api.services import api_token_create

    token, _raw = api_token_create(membership=Membership.objects.get(user=owner), name="ERP")
    assert (
        client_for(other_owner).post(reverse("api_token_revoke", args=[token.pk])).status_code
        == 404
    )
    assert client_for(other_owner).delete(f"/api/v1/tokens/{token.pk}").status_code == 404
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None


def test_the_company_page_honours_the_hreflang_parameter(supplier):
    page = client_for(None).get(supplier.get_absolute_url() + "?hl=zh-hans").content.decode()
    assert '<html lang="zh-hans">' in page
    assert '<html lang="en">' in client_for(None).get(supplier.get_absolute_url()).content.decode()
