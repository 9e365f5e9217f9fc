from __future__ import annotations

import json

import pytest
from django.test import Client

from hansa.api.models import ApiToken
from hansa.api.services import api_token_create
from hansa.companies import services as company_services
from hansa.companies.models import Company, Invitation, Membership
from hansa.companies.roles import Role
from hansa.conftest import client_for
from hansa.core.tests import files
from hansa.verification.models import VerificationApplication

pytestmark = pytest.mark.django_db


def bearer(user) -> Client:
    membership = Membership.objects.get(user=user)
    _token, raw = api_token_create(membership=membership, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def as_json(client: Client, method: str, url: str, data: object = None):
    return getattr(client, method)(
        url, data=json.dumps(data) if data is not None else None, content_type="application/json"
    )


def test_openapi_schema_and_docs_are_served():
    client = Client()
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "Hansa API"
    for path in (
        "/api/v1/me",
        "/api/v1/company",
        "/api/v1/company/members",
        "/api/v1/company/verification",
        "/api/v1/tokens",
        "/api/v1/reference/incoterms",
    ):
        assert path in schema["paths"], path
    assert client.get("/api/v1/docs").status_code == 200


def test_tokens_are_stored_hashed_and_work_until_revoked(owner, supplier):
    membership = Membership.objects.get(user=owner)
    token, raw = api_token_create(membership=membership, name="ERP")
    assert raw.startswith("hansa_") and raw not in token.key_hash and token.prefix == raw[6:14]
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    me = client.get("/api/v1/me").json()
    assert me["email"] == owner.email and me["membership"]["company_slug"] == supplier.slug
    assert (
        me["membership"]["role"] == "owner" and "manage_members" in me["membership"]["permissions"]
    )
    assert client_for(owner).delete(f"/api/v1/tokens/{token.pk}").status_code == 200
    response = client.get("/api/v1/me")
    assert response.status_code == 401 and "message" in response.json()


def test_bad_tokens_get_a_json_401():
    for header in ("Bearer nonsense", "Bearer hansa_forged", "Basic abc"):
        response = Client(HTTP_AUTHORIZATION=header).get("/api/v1/me")
        assert response.status_code == 401
        assert response.json()["message"].startswith("Sign in")


def test_a_token_stops_working_when_its_member_is_deactivated(supplier, owner, sales_rep):
    client = bearer(sales_rep)
    assert client.get("/api/v1/company").status_code == 200
    company_services.membership_deactivate(member=Membership.objects.get(user=sales_rep), by=owner)
    assert client.get("/api/v1/company").status_code == 401
    assert ApiToken.objects.get(user=sales_rep).revoked_at is not None


def test_session_auth_needs_csrf_for_writes(owner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    assert client.get("/api/v1/company").status_code == 200
    response = as_json(client, "patch", "/api/v1/company", {"name": "No CSRF"})
    assert response.status_code in (401, 403)
    assert Company.objects.get().name != "No CSRF"


def test_patch_company_validates_and_reports_the_field(owner, supplier):
    client = bearer(owner)
    response = as_json(client, "patch", "/api/v1/company", {"year_established": 1500})
    assert response.status_code == 422
    body = response.json()
    assert body["field"] == "year_established" and body["message"]
    response = as_json(client, "patch", "/api/v1/company", {"nearest_port": "XXZZZ"})
    assert response.status_code == 400 and response.json()["field"] == "nearest_port"
    response = as_json(client, "patch", "/api/v1/company", {"business_types": ["pirate"]})
    assert response.status_code == 400 and response.json()["field"] == "business_types"
    supplier.refresh_from_db()
    assert supplier.year_established is None and supplier.nearest_port is None
    response = as_json(
        client,
        "patch",
        "/api/v1/company",
        {"description": "We make LED lighting.", "nearest_port": "cnnGB", "year_established": 2009},
    )
    assert response.status_code == 200, response.content
    assert (
        response.json()["nearest_port"] == "CNNGB" and response.json()["year_established"] == 2009
    )


def test_main_markets_over_100_percent_are_refused(owner, supplier):
    client = bearer(owner)
    ok = as_json(
        client,
        "put",
        "/api/v1/company/main-markets",
        [
            {"region": "north_america", "share_percent": 60},
            {"region": "western_europe", "share_percent": 30},
        ],
    )
    assert ok.status_code == 200 and len(ok.json()) == 2
    bad = as_json(
        client,
        "put",
        "/api/v1/company/main-markets",
        [
            {"region": "north_america", "share_percent": 60},
            {"region": "africa", "share_percent": 50},
        ],
    )
    assert bad.status_code == 400 and bad.json()["field"] == "main_markets"
    assert supplier.main_markets.count() == 2


def test_members_and_invitations(owner, supplier, sales_rep):
    client = bearer(owner)
    members = client.get("/api/v1/company/members").json()
    assert {m["email"] for m in members} == {owner.email, sales_rep.email}
    created = as_json(
        client, "post", "/api/v1/company/invitations", {"email": "new@example.com", "role": "admin"}
    )
    assert created.status_code == 201 and created.json()["email"] == "new@example.com"
    bad = as_json(client, "post", "/api/v1/company/invitations", {"email": "nope", "role": "admin"})
    assert bad.status_code == 400 and bad.json()["field"] == "email"
    rep = Membership.objects.get(user=sales_rep)
    patched = as_json(client, "patch", f"/api/v1/company/members/{rep.pk}", {"is_active": False})
    assert patched.status_code == 200 and patched.json()["is_active"] is False
    owner_row = Membership.objects.get(user=owner)
    refused = as_json(client, "patch", f"/api/v1/company/members/{owner_row.pk}", {"role": "admin"})
    assert refused.status_code == 400 and refused.json()["field"] == "role"


def test_cross_company_and_role_matrix_changes_nothing(owner, supplier, sales_rep, other_owner):
    rep = Membership.objects.get(user=sales_rep)
    invitation, _raw = company_services.invitation_create(
        company=supplier, by=owner, email="x@example.com", role=Role.ADMIN
    )
    attempts = [
        ("patch", f"/api/v1/company/members/{rep.pk}", {"is_active": False}),
        ("patch", f"/api/v1/company/members/{rep.pk}", {"role": "admin"}),
        ("delete", f"/api/v1/company/invitations/{invitation.pk}", None),
    ]
    other = bearer(other_owner)
    for method, url, data in attempts:
        assert as_json(other, method, url, data).status_code == 404, url
    rep_client = bearer(sales_rep)
    for method, url, data in attempts:
        assert as_json(rep_client, method, url, data).status_code == 403, url
    assert as_json(rep_client, "patch", "/api/v1/company", {"name": "rep"}).status_code == 403
    assert (
        as_json(
            rep_client,
            "post",
            "/api/v1/company/invitations",
            {"email": "y@example.com", "role": "admin"},
        ).status_code
        == 403
    )
    anonymous = Client()
    for method, url, data in attempts:
        assert as_json(anonymous, method, url, data).status_code == 401, url
    for url in (
        "/api/v1/me",
        "/api/v1/company",
        "/api/v1/company/members",
        "/api/v1/company/verification",
    ):
        assert anonymous.get(url).status_code == 401
    rep.refresh_from_db()
    invitation.refresh_from_db()
    supplier.refresh_from_db()
    assert (rep.is_active, rep.role, invitation.revoked_at, supplier.name) == (
        True,
        "sales_rep",
        None,
        supplier.name,
    )
    assert Invitation.objects.filter(email="y@example.com").count() == 0
    assert other.get("/api/v1/company").json()["id"] != supplier.pk


def test_verification_over_the_api_end_to_end(owner, supplier, reviewer, other_owner):
    client = bearer(owner)
    response = client.post(
        "/api/v1/company/verification/submit", data="{}", content_type="application/json"
    )
    assert response.status_code == 400 and response.json()["field"] == "file"
    response = client.post(
        "/api/v1/company/verification/documents", {"kind": "business_licence", "file": files.pdf()}
    )
    assert response.status_code == 201, response.content
    response = client.post(
        "/api/v1/company/verification/documents", {"kind": "certificate", "file": files.svg()}
    )
    assert response.status_code == 400 and response.json()["field"] == "file"
    response = client.post(
        "/api/v1/company/verification/submit",
        data='{"note": "hi"}',
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["status"] == "pending"
    app = VerificationApplication.objects.get()
    assert (
        as_json(
            bearer(other_owner),
            "post",
            f"/api/v1/ops/verification/{app.pk}/approve",
            {"stars": 6, "evidence": "x"},
        ).status_code
        == 403
    )
    ops = client_for(reviewer)
    queue = ops.get("/api/v1/ops/verification/queue").json()
    assert [item["company_slug"] for item in queue] == [supplier.slug]
    response = as_json(
        ops, "post", f"/api/v1/ops/verification/{app.pk}/approve", {"stars": 9, "evidence": "x"}
    )
    assert response.status_code == 400 and response.json()["field"] == "stars"
    response = as_json(
        ops, "post", f"/api/v1/ops/verification/{app.pk}/approve", {"stars": 3, "evidence": "ok"}
    )
    assert response.status_code == 200 and response.json()["status"] == "approved"
    status = client.get("/api/v1/company/verification").json()
    assert (status["status"], status["star_rating"]) == ("verified", 3)
    assert [d["action"] for d in status["decisions"]] == ["approved", "submitted"]
    public = Client().get(f"/api/v1/companies/{supplier.slug}").json()
    assert public["star_rating"] == 3 and "contacts" not in public and "address" not in public


def test_reference_data_is_public():
    client = Client()
    incoterms = client.get("/api/v1/reference/incoterms").json()
    assert len(incoterms) == 11 and sum(t["sea_only"] for t in incoterms) == 4
    risk = [m["code"] for m in client.get("/api/v1/reference/payment-methods").json()]
    assert risk.index("LC") < risk.index("DP") < risk.index("DA") < risk.index("OA")
    ports = client.get("/api/v1/reference/ports?country=cn").json()
    assert "CNSHA" in {p["locode"] for p in ports}
    assert client.get("/api/v1/companies/no-such-company").status_code == 404
